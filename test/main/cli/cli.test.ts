import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHrExport, type PlantedDefect } from '../../fixtures/hr-export';

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;
const DEMO_MAPPING = new URL('../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;
const TODAY = '2026-11-23';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  rows: number;
  users: { active: number; deactivate: number; leavingLater: number; skipped: number };
  errorRows: number;
  issues: {
    code: string;
    severity: string;
    row: number | null;
    key: string | null;
    field: string | null;
    message: string;
  }[];
}

let dir: string;
let dirty: string;
let clean: string;
let defects: PlantedDefect[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-'));
  const bad = generateHrExport({
    rows: 300,
    seed: 11,
    defects: true,
    encoding: 'windows-1252',
    delimiter: ';',
    lineEnding: '\r\n',
  });
  dirty = join(dir, 'hr-dirty.csv');
  writeFileSync(dirty, bad.bytes);
  defects = bad.defects;
  clean = join(dir, 'hr-clean.csv');
  writeFileSync(clean, generateHrExport({ rows: 120, seed: 12, defects: false }).bytes);
});

describe('plek-sync validate', () => {
  it('reports every planted defect of a Windows-1252 export at its spreadsheet row, and exits 1', () => {
    const r = cli(['validate', '--mapping', DEMO_MAPPING, '--source', dirty, '--today', TODAY, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.rows).toBe(300);
    const found = new Set(report.issues.map((i) => `${i.code}@${i.row}`));
    const expected = defects.filter((d) => d.expectsIssue);
    expect(expected.length).toBeGreaterThan(8);
    for (const d of expected) {
      for (const row of d.rows ?? [d.row])
        expect(found, `${d.kind} at row ${row}: ${d.note}`).toContain(`${d.kind}@${row}`);
    }
    // Valid-but-odd CSV (multi-line cells, doubled quotes, quoted delimiters) produces no error at its row.
    for (const d of defects.filter((x) => !x.expectsIssue && x.row)) {
      expect(
        report.issues.filter((i) => i.row === d.row && i.severity === 'error'),
        d.note,
      ).toEqual([]);
    }
    // No row is silently dropped.
    const u = report.users;
    expect(u.active + u.deactivate + u.skipped + report.errorRows).toBe(report.rows);
  });

  it('exits 0 on a clean export and prints a human summary', () => {
    const r = cli(['validate', '--mapping', DEMO_MAPPING, '--source', clean, '--today', TODAY]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/120 rows, today = 2026-11-23/);
    expect(r.stdout).toMatch(/nothing blocks a sync/);
  });

  it('shows the trace of one user', () => {
    const key = readFileSync(clean, 'latin1').split('\r\n')[1]!.split(';')[0]!;
    const r = cli([
      'validate',
      '--mapping',
      DEMO_MAPPING,
      '--source',
      clean,
      '--today',
      TODAY,
      '--trace',
      key,
    ]);
    expect(r.stdout).toMatch(new RegExp(`trace for key ${key}`));
    expect(r.stdout).toMatch(/name\.familyName = ".+"\s+← fields\["name\.familyName"\]/);
  });

  it('finds a key that changed since the previous export', () => {
    const previous = join(dir, 'previous.csv');
    const text = readFileSync(clean, 'latin1');
    // Same people, but the person on row 5 had another employee number last time.
    const lines = text.split('\r\n');
    const cells = lines[4]!.split(';');
    const newKey = cells[0]!;
    cells[0] = '999999';
    lines[4] = cells.join(';');
    writeFileSync(previous, Buffer.from(lines.join('\r\n'), 'latin1'));
    const r = cli([
      'validate',
      '--mapping',
      DEMO_MAPPING,
      '--source',
      clean,
      '--previous',
      previous,
      '--today',
      TODAY,
      '--json',
    ]);
    const report = JSON.parse(r.stdout) as JsonReport;
    const changed = report.issues.filter((i) => i.code === 'key-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ row: 5, key: newKey });
    expect(r.code).toBe(1);
  });

  it('round-trips identity through --write-state', () => {
    const state = join(dir, 'state.json');
    expect(
      cli([
        'validate',
        '--mapping',
        DEMO_MAPPING,
        '--source',
        clean,
        '--today',
        TODAY,
        '--write-state',
        state,
      ]).code,
    ).toBe(0);
    const r = cli([
      'validate',
      '--mapping',
      DEMO_MAPPING,
      '--source',
      clean,
      '--previous',
      state,
      '--today',
      TODAY,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(state, 'utf8')) as { rows: number }).rows).toBe(120);
  });

  it('writes a state file of thousands of users in parts that still read as one JSON object', () => {
    const big = join(dir, 'hr-big.csv');
    writeFileSync(big, generateHrExport({ rows: 2_345, seed: 13, defects: false }).bytes);
    const state = join(dir, 'state-big.json');
    const args = ['validate', '--mapping', DEMO_MAPPING, '--source', big, '--today', TODAY];
    expect(cli([...args, '--write-state', state]).code).toBe(0);
    const written = JSON.parse(readFileSync(state, 'utf8')) as { rows: number; users: { key: string }[] };
    expect(written.rows).toBe(2_345);
    // Every mapped user once, across the 1,000-user parts (no user lost or doubled at a seam).
    const keys = written.users.map((u) => u.key);
    expect(new Set(keys).size).toBe(keys.length);
    const counted = JSON.parse(cli([...args, '--json']).stdout) as {
      users: Record<string, number>;
      errorRows: number;
    };
    expect(keys.length).toBe(2_345 - counted.errorRows - counted.users.skipped!);
    // The same export against its own state: nobody's key changed.
    const again = JSON.parse(cli([...args, '--previous', state, '--json']).stdout) as JsonReport;
    expect(again.issues.filter((i) => i.code === 'key-changed')).toEqual([]);
  });
});

describe('plek-sync errors a consultant can act on', () => {
  it('bad usage exits 2', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--mapping/);
  });

  it('a missing mapping file names the file, without a stack trace', () => {
    const r = cli(['validate', '--mapping', join(dir, 'nope.plekmap.json'), '--source', clean]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.plekmap\.json does not exist/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a missing source file names the file', () => {
    const r = cli(['validate', '--mapping', DEMO_MAPPING, '--source', join(dir, 'weg.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/weg\.csv/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a mapping error names the JSON path and column', () => {
    const mapping = JSON.parse(readFileSync(DEMO_MAPPING, 'utf8'));
    mapping.fields['name.familyName'].expression = 'Jion(" ", [Achternaam])';
    mapping.source.path = clean;
    const file = join(dir, 'broken.plekmap.json');
    writeFileSync(file, JSON.stringify(mapping));
    const r = cli(['validate', '--mapping', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.fields\["name\.familyName"\]\.expression: .*Jion.*column 1/);
  });

  it('an LDAP mapping without PLEK_LDAP_PASSWORD says where the password comes from', () => {
    const mapping = JSON.parse(readFileSync(DEMO_MAPPING, 'utf8'));
    mapping.source = {
      kind: 'ldap',
      url: 'ldaps://127.0.0.1:1',
      bindDn: 'svc@example.test',
      baseDn: 'DC=example,DC=test',
    };
    const file = join(dir, 'ldap.plekmap.json');
    writeFileSync(file, JSON.stringify(mapping));
    const r = cli(['validate', '--mapping', file], { PLEK_LDAP_PASSWORD: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PLEK_LDAP_PASSWORD/);
  });
});

describe('plek-sync map and init', () => {
  it('map writes one SCIM User per mapped row with externalId, active and groups', () => {
    const out = join(dir, 'users.jsonl');
    const r = cli(['map', '--mapping', DEMO_MAPPING, '--source', dirty, '--today', TODAY, '--out', out]);
    expect(r.code).toBe(1);
    const users = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const report = JSON.parse(
      cli(['validate', '--mapping', DEMO_MAPPING, '--source', dirty, '--today', TODAY, '--json']).stdout,
    ) as JsonReport;
    expect(users).toHaveLength(report.users.active + report.users.deactivate);
    expect(r.stderr).toMatch(new RegExp(`^${users.length} users written`));
    const keys = users.map((u) => u.externalId);
    expect(new Set(keys).size).toBe(keys.length);
    const errorRows = new Set(report.issues.filter((i) => i.severity === 'error' && i.key).map((i) => i.key));
    for (const k of keys) expect(errorRows.has(k as string)).toBe(false);
    expect(users.some((u) => u.active === false)).toBe(true);
    expect(
      users.every((u) => (u.schemas as string[])[0] === 'urn:ietf:params:scim:schemas:core:2.0:User'),
    ).toBe(true);
    expect(users.some((u) => Array.isArray(u.groups))).toBe(true);
  });

  it('init proposes a mapping from Dutch headers that validates as-is', () => {
    const out = join(dir, 'init.plekmap.json');
    const r = cli(['init', '--source', clean, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const mapping = JSON.parse(readFileSync(out, 'utf8'));
    expect(mapping.mappingKey).toEqual({
      attribute: 'Personeelsnummer',
      birthDateAttribute: 'Geboortedatum',
    });
    expect(mapping.fields['name.givenName'].expression).toBe('Trim(Coalesce([Roepnaam], [Voornaam]))');
    expect(mapping.deactivation.endDate).toBe('ParseDate([Datum uit dienst], "dd-MM-yyyy")');
    expect(JSON.stringify(mapping)).not.toMatch(/Geboortedatum\]/);
    const v = cli(['validate', '--mapping', out, '--today', TODAY]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(cli(['init', '--source', clean, '--out', out]).stderr).toMatch(/already exists; pass --force/);
  });

  it('init recognises English headers too', () => {
    const en = join(dir, 'en.csv');
    writeFileSync(
      en,
      generateHrExport({
        rows: 20,
        seed: 3,
        defects: false,
        headers: 'en',
        encoding: 'utf-8',
        delimiter: ',',
      }).bytes,
    );
    const r = cli(['init', '--source', en]);
    const mapping = JSON.parse(r.stdout);
    expect(mapping.mappingKey.attribute).toBe('Employee ID');
    expect(mapping.fields['emails[type eq "work"].value'].expression).toBe('Lower(Trim([Work email]))');
  });
});
