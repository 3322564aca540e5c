import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mappingJsonSchema } from '../../../src/shared/mapping/json-schema';
import { parseMapping, parseMappingText } from '../../../src/shared/mapping/load';

const minimal = {
  version: 1,
  name: 'Test',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: { 'name.givenName': { expression: '[Voornaam]' } },
};

describe('mapping file v1', () => {
  it('accepts a minimal file and fills the documented defaults', () => {
    const r = parseMapping(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mapping.source).toEqual({ kind: 'csv', path: 'hr.csv', encoding: 'auto', delimiter: 'auto' });
    expect(r.mapping.fields['name.givenName']?.nullPolicy).toBe('keep');
    expect(r.mapping.safety).toEqual({
      maxDeactivateCount: 25,
      maxDeactivatePercent: 5,
      minSourceRowsPercent: 80,
    });
    expect(r.mapping.linking).toEqual({ matchOn: 'email', ignoreInactive: true });
  });

  it('names the JSON path of each problem', () => {
    const r = parseMapping({
      ...minimal,
      fields: { 'name.givenName': { expression: '', nullPolicy: 'sometimes' } },
      groupRules: [{ group: 'Zorg', field: 'title', in: [] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('$.fields["name.givenName"].expression');
    expect(paths).toContain('$.fields["name.givenName"].nullPolicy');
    expect(paths).toContain('$.groupRules[0].in');
  });

  it('refuses a secret in an LDAP source and says where secrets live', () => {
    const r = parseMapping({
      ...minimal,
      source: {
        kind: 'ldap',
        url: 'ldaps://dc1.corp.example',
        bindDn: 'svc@corp.example',
        baseDn: 'DC=corp,DC=example',
        bindPassword: 'Geheim123!',
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.path).toBe('$.source');
    expect(r.problems[0]?.message).toMatch(/looks like a secret/);
    expect(r.problems[0]?.message).toMatch(/PLEK_LDAP_PASSWORD/);
    expect(JSON.stringify(r.problems)).not.toContain('Geheim123!');
  });

  it('refuses a client secret in the target', () => {
    const r = parseMapping({
      ...minimal,
      target: { kind: 'scim', baseUrl: 'https://x.plek.co/scim/v2', clientSecret: 's3cr3t' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/secret/);
  });

  it('refuses other versions with a clear message', () => {
    const r = parseMapping({ ...minimal, version: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        {
          path: '$.version',
          message: expect.stringMatching(/version 2 is not supported/),
          detail: { id: 'problem.version', values: { version: '2' } },
        },
      ]);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = parseMappingText('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/line 3, column \d+/);
  });

  it('reads a file with a UTF-8 byte-order mark', () => {
    expect(parseMappingText(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it('rejects an LDAP URL with a path or a foreign scheme', () => {
    for (const url of ['http://dc1', 'ldaps://dc1/dc=x', 'ldap://dc1 evil']) {
      const r = parseMapping({ ...minimal, source: { kind: 'ldap', url, bindDn: 'a', baseDn: 'b' } });
      expect(r.ok, url).toBe(false);
    }
  });

  it('the shipped JSON Schema is generated from the current definitions', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../../resources/schema/mapping.v1.json', import.meta.url), 'utf8'),
    );
    expect(shipped).toEqual(mappingJsonSchema());
  });

  it('the bundled demo mapping is valid', () => {
    const text = readFileSync(new URL('../../../resources/demo/demo.plekmap.json', import.meta.url), 'utf8');
    const r = parseMappingText(text);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
