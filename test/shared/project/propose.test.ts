import { describe, expect, it } from 'vitest';
import { describeAttributes, parseCsvBuffer } from '../../../src/main/sources/csv/read-csv';
import { compileMapping } from '../../../src/shared/engine/compile';
import { pendingSuggestions } from '../../../src/shared/graph/suggestions';
import { parseMapping } from '../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import {
  isBlankMapping,
  keyCandidates,
  MAPPING_SCHEMA_URL,
  mostCommonEmailDomain,
  proposeProject,
  selfContained,
  syncChecklist,
} from '../../../src/shared/project/propose';
import { WORK_EMAIL } from '../../../src/shared/scim/fields';
import type { SourceRecord } from '../../../src/shared/source/types';
import { EMAIL_DOMAIN, generateHrExport } from '../../fixtures/hr-export';

/** What Start → "New project from a CSV" creates before the sample arrives. */
function blank(path = '/data/uploads/u1/hr-export.csv'): MappingFileInput {
  return {
    version: 1,
    name: 'hr-export',
    source: { kind: 'csv', path, encoding: 'auto', delimiter: 'auto' },
    mappingKey: { attribute: '' },
    fields: {},
    target: { kind: 'sandbox' },
  };
}

function sampleOf(bytes: Uint8Array) {
  const { info, events } = parseCsvBuffer(bytes);
  const records = events.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
  return { records, attributes: describeAttributes(info.headers, records) };
}

const messy = sampleOf(
  generateHrExport({ rows: 120, seed: 7, defects: true, encoding: 'windows-1252', delimiter: ';' }).bytes,
);

describe('proposeProject (the same proposal as plek-sync init)', () => {
  const proposed = proposeProject(blank(), messy.attributes, messy.records);

  it('gives a new CSV project a key, names, e-mail, deactivation and identity, keeping its source and target', () => {
    expect(isBlankMapping(blank())).toBe(true);
    expect(isBlankMapping(proposed)).toBe(false);
    expect(proposed.mappingKey?.attribute).toBe('Personeelsnummer');
    expect(proposed.mappingKey?.birthDateAttribute).toBe('Geboortedatum');
    expect(proposed.fields?.['name.givenName']?.expression).toContain('[Roepnaam]');
    expect(proposed.fields?.['name.familyName']?.expression).toContain('[Achternaam]');
    expect(proposed.fields?.[WORK_EMAIL]?.expression).toContain('[E-mailadres]');
    expect(proposed.deactivation?.endDate).toContain('[Datum uit dienst]');
    expect(proposed.source).toEqual(blank().source);
    expect(proposed.target).toEqual({ kind: 'sandbox' });
    expect(proposed.$schema).toBe(MAPPING_SCHEMA_URL);
  });

  it('is a mapping the engine accepts, with every checklist item met', () => {
    const parsed = parseMapping(proposed);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (parsed.ok) expect(() => compileMapping(parsed.mapping)).not.toThrow();
    expect(syncChecklist(proposed, messy.attributes).filter((i) => !i.ok)).toEqual([]);
    expect(syncChecklist(blank(), messy.attributes).map((i) => [i.id, i.ok])).toEqual([
      ['key', false],
      ['givenName', false],
      ['familyName', false],
      ['login', false],
    ]);
  });

  it('offers no suggestion that contradicts the proposal, and accepting all of them still validates', () => {
    const headers = messy.attributes.map((a) => a.name);
    const mapped = Object.fromEntries(
      Object.entries(proposed.fields ?? {}).map(([k, v]) => [k, v.expression] as const),
    );
    const suggestions = pendingSuggestions(headers, mapped, []);
    // Roepnaam already feeds the given name: it is not offered again as nickName.
    expect(suggestions.map((s) => s.header)).not.toContain('Roepnaam');
    const all = { ...proposed, fields: { ...proposed.fields } };
    for (const s of suggestions) all.fields[s.target] = { expression: s.expression };
    const parsed = parseMapping(all);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});

describe('keyCandidates', () => {
  it('recommends the employee number first, with the planted duplicate and empty key counted', () => {
    const candidates = keyCandidates(messy.attributes, messy.records, { kind: 'csv' });
    const first = candidates[0]!;
    expect(first.attribute).toBe('Personeelsnummer');
    expect(first.recommended).toBe(true);
    // The generator plants one empty key and one duplicated key.
    expect(first.empty).toBeGreaterThanOrEqual(1);
    expect(first.duplicates).toBeGreaterThanOrEqual(2);
    expect(first.reason).toBe('empty');
    // An e-mail column is unique too, but changes with the person: never recommended over a stable key.
    const email = candidates.find((c) => c.attribute === 'E-mailadres');
    if (email) expect(email.stability).toBe('may-change');
  });

  it.each([
    ['a clean number column', ['101', '102', '103', '104'], 'completeUnique', 0, 0],
    [
      'a repeated value',
      ['101', '101', '103', '104', '105', '106', '107', '108', '109', '110', '111'],
      'duplicates',
      0,
      2,
    ],
    [
      'an empty cell and whitespace',
      ['101', ' ', '103', '104', '105', '106', '107', '108', '109', '110'],
      'empty',
      1,
      0,
    ],
  ] as const)('measures %s', (_, values, reason, empty, duplicates) => {
    const records: SourceRecord[] = values.map((v, i) => ({ row: i + 2, values: { Nummer: v } }));
    const [c] = keyCandidates([{ name: 'Nummer', fillRate: 1, examples: [] }], records, { kind: 'csv' });
    expect(c).toMatchObject({ attribute: 'Nummer', reason, empty, duplicates });
  });

  it('prefers objectGUID over mail and sAMAccountName in a directory', () => {
    const records: SourceRecord[] = ['a', 'b', 'c'].map((x, i) => ({
      row: i + 1,
      values: { objectGUID: `guid-${x}`, mail: `${x}@corp.example`, sAMAccountName: x },
    }));
    const attributes = ['mail', 'sAMAccountName', 'objectGUID'].map((name) => ({
      name,
      fillRate: 1,
      examples: [],
    }));
    const candidates = keyCandidates(attributes, records, { kind: 'ldap' });
    expect(candidates.map((c) => c.attribute)).toEqual(['objectGUID', 'mail', 'sAMAccountName']);
    expect(candidates[0]).toMatchObject({ recommended: true, reason: 'directoryId', stability: 'stable' });
    expect(candidates[1]).toMatchObject({ recommended: false, stability: 'may-change' });
  });
});

describe('mostCommonEmailDomain', () => {
  it('takes the domain most work addresses in the export use', () => {
    const proposed = proposeProject(blank(), messy.attributes, messy.records);
    expect(mostCommonEmailDomain(proposed, messy.records)).toBe(EMAIL_DOMAIN);
    expect(mostCommonEmailDomain(blank(), messy.records)).toBeNull();
  });
});

describe('selfContained', () => {
  it('points the downloaded file at its schema by URL and at the export by file name', () => {
    const out = selfContained({
      ...blank('/home/c/.local/share/plek/uploads/u7/Export 2026.csv'),
      $schema: '../schema/mapping.v1.json',
    });
    expect(out.$schema).toBe(MAPPING_SCHEMA_URL);
    expect(out.source).toMatchObject({ kind: 'csv', path: 'Export 2026.csv' });
    const win = selfContained(blank('C:\\Users\\c\\AppData\\uploads\\u1\\hr.csv'));
    expect(win.source).toMatchObject({ path: 'hr.csv' });
  });
});
