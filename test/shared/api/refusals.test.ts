import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, format, type MessageId } from '../../../src/shared/i18n';
import { checkHttpsUrl, checkLdapServerUrl, checkMappingPath } from '../../../src/shared/api/validators';

const SRC = new URL('../../../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const refusalIds = (Object.keys(CATALOGUES.en) as MessageId[]).filter(
  (id) => id.startsWith('refusal.') || id.startsWith('error.'),
);

describe('refusals as data', () => {
  it('have a Dutch and an English text for every refusal id, and the Dutch one is not the English one', () => {
    expect(refusalIds.length).toBeGreaterThan(60);
    const missing = refusalIds.filter((id) => !CATALOGUES.nl[id]?.trim() || !CATALOGUES.en[id]?.trim());
    expect(missing).toEqual([]);
    const untranslated = refusalIds.filter((id) => CATALOGUES.nl[id] === CATALOGUES.en[id]);
    expect(untranslated).toEqual([]);
  });

  it('name only ids the catalogue has, wherever the API, the bridge or a validator refuses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC))
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:refusal|error)\.[A-Za-z.]+)'/g))
        used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((id) => !refusalIds.includes(id as MessageId))).toEqual([]);
  });

  it('leave no refusal without its catalogue message: every ApiFailure goes through refuse() or carries one', () => {
    // `new ApiFailure(` only in the contract (refuse itself) and the API-source failure, which brings the
    // source's own catalogue message (source.api.*).
    const raw = sourceFiles(SRC)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/new ApiFailure\(/g)].map(() => relative(SRC, file)),
      )
      .sort();
    expect(raw).toEqual(['main/services/source-reading.ts', 'shared/api/contract.ts']);
    expect(readFileSync(join(SRC, 'main/services/source-reading.ts'), 'utf8')).toMatch(
      /new ApiFailure\(\s*'source-failed',\s*`\$\{error\.message\} \$\{error\.hint\}`,\s*undefined,\s*apiProblem\(/,
    );
    // The bridge's own refusals and fail() calls carry a catalogue message too.
    for (const file of ['main/bridge/server.ts', 'main/electron/ipc.ts']) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const m of text.matchAll(/\bfail\(([^;]*?)\)\)?;/g)) expect(m[1], file).toMatch(/refusal/i);
    }
  });
});

describe('the URL and path checks say why in both languages', () => {
  it.each([
    [
      'http://gemeente-utrecht.plek.co/scim/v2',
      'target',
      'De doel-URL moet https gebruiken (gewone http alleen voor 127.0.0.1 of localhost): http://gemeente-utrecht.plek.co zou geheimen onversleuteld versturen.',
      'The target URL must use https (plain http only for 127.0.0.1 or localhost): http://gemeente-utrecht.plek.co would send secrets unencrypted.',
    ],
    [
      'https://beheer:geheim@gemeente.plek.co/scim/v2',
      'token',
      'De token-URL mag geen gebruikersnaam of wachtwoord bevatten; geheimen horen in de kluis.',
      'The token URL must not hold a user name or password; secrets go in the secret store.',
    ],
    ['', 'api', 'De API-URL ontbreekt.', 'The API URL is missing.'],
    [
      'gemeente.plek.co/scim',
      'url',
      'De URL is geen gewoon https://host[:poort]/pad-adres.',
      'The URL is not a plain https://host[:port]/path address.',
    ],
  ] as const)('%j as %s', (url, role, nl, en) => {
    const r = checkHttpsUrl(url, role);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(format('nl', r.refusal.id, r.refusal.values)).toBe(nl);
    expect(format('en', r.refusal.id, r.refusal.values)).toBe(en);
    // The English reason for logs and the CLI is unchanged in substance.
    expect(r.reason).toMatch(/the (?:target |token |API )?URL/);
  });

  it('words a refused directory URL and a path that leaves the project folder', () => {
    const ldap = checkLdapServerUrl('ldaps://dc1.gemeente.local:636/ou=mensen');
    expect(!ldap.ok && format('nl', ldap.refusal.id, ldap.refusal.values)).toBe(
      'De directory-URL moet ldap://host[:poort] of ldaps://host[:poort] zijn.',
    );
    const path = checkMappingPath('../../Documenten/personeel.csv', 'source.path');
    expect(!path.ok && format('nl', path.refusal.id, path.refusal.values)).toBe(
      'source.path gaat buiten de projectmap; zet het bestand naast de mapping of in een map daaronder.',
    );
    const unc = checkMappingPath('\\\\fileserver\\hr\\export.csv', 'source.path');
    expect(!unc.ok && format('nl', unc.refusal.id, unc.refusal.values)).toMatch(
      /^source\.path is een netwerk- of apparaatpad/,
    );
  });
});
