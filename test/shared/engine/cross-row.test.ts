// The cross-row checks (duplicate and look-alike keys, shared emails, key changes) and the issue stream, on
// runs large enough that a check done per chunk or per window would miss the far-apart rows.
import { describe, expect, it } from 'vitest';
import type { CompiledMapping } from '../../../src/shared/engine/compile';
import { createMappingRun, mapRecords } from '../../../src/shared/engine/run';
import type { Issue } from '../../../src/shared/issues';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceRecord, SourceValue } from '../../../src/shared/source/types';
import { compileOrThrow } from '../../support/compile-mapping';

const TODAY = '2026-11-23';

const MAPPING: MappingFileInput = {
  version: 1,
  name: 'Gemeente Voorbeeld',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer', birthDateAttribute: 'Geboortedatum' },
  fields: {
    'name.givenName': { expression: 'Trim([Roepnaam])' },
    'name.familyName': { expression: 'Join(" ", Lower([Tussenvoegsel]), Trim([Achternaam]))' },
    'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    nickName: { expression: 'Trim([__proto__])' },
  },
  deactivation: {
    endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
    inactiveWhen: 'In([Status], "Inactief", "Uit dienst")',
  },
};

const COLUMNS = [
  'Personeelsnummer',
  'Roepnaam',
  'Tussenvoegsel',
  'Achternaam',
  'E-mailadres',
  'Status',
  'Datum uit dienst',
  'Geboortedatum',
  '__proto__',
] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_INDEX: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c, i]));

const compile = (input: MappingFileInput = MAPPING): CompiledMapping => compileOrThrow(input);

const GIVEN = ['Sanne', 'Daan', 'Fatima', 'Chloë', 'Mehmet', 'Ingrid', 'Joost', 'Ayşe'];
const FAMILY = [
  ['', 'Jansen'],
  ['van der', 'Berg'],
  ['de', 'Graaf'],
  ['', 'El Amrani'],
  ['van', "'t Hek"],
  ['', 'Yılmaz'],
] as const;

/** A clean person on spreadsheet row `row` (key = 100000 + row, unique email). */
function personValues(row: number): Record<Column, string | null> {
  const [prefix, family] = FAMILY[row % FAMILY.length]!;
  const given = GIVEN[row % GIVEN.length]!;
  return {
    Personeelsnummer: String(100_000 + row),
    Roepnaam: given,
    Tussenvoegsel: prefix || null,
    Achternaam: family,
    'E-mailadres': `medewerker.${row}@gemeente-voorbeeld.nl`,
    Status: 'Actief',
    'Datum uit dienst': null,
    Geboortedatum: `${String((row % 28) + 1).padStart(2, '0')}-0${(row % 9) + 1}-1980`,
    // Computed: a literal `__proto__:` would set the prototype instead of a property.
    ['__proto__']: `bijnaam ${row}`,
  };
}

/** The record in the compact form the CSV reader gives the pipeline: cells plus a shared column table. */
function compact(row: number, values: Record<Column, string | null>): SourceRecord {
  const cells: SourceValue[] = COLUMNS.map((c) => values[c]);
  return {
    row,
    cells,
    columns: COLUMN_INDEX,
    get values() {
      const plain = Object.create(null) as Record<string, SourceValue>;
      COLUMNS.forEach((c, i) => (plain[c] = cells[i]!));
      return plain;
    },
  };
}

/** The same record as a plain object (LDAP and API sources, tests). */
function plain(row: number, values: Record<Column, string | null>): SourceRecord {
  const v = Object.create(null) as Record<string, SourceValue>;
  for (const c of COLUMNS) v[c] = values[c];
  return { row, values: v };
}

/** Defects planted at far-apart rows of an export of `n` rows (header = row 1, people from row 2). */
function plantedExport(n: number, form: typeof compact = compact): SourceRecord[] {
  const last = n + 1;
  const changes = new Map<number, Partial<Record<Column, string | null>>>([
    // The same key twice, 199,983 rows apart.
    [7, { Personeelsnummer: '424242' }],
    [last - 3, { Personeelsnummer: '424242' }],
    // Look-alike keys: leading zeros lost, and case.
    [50, { Personeelsnummer: '000123' }],
    [Math.floor(n * 0.75), { Personeelsnummer: '123' }],
    [60, { Personeelsnummer: 'AB77' }],
    [last - 1, { Personeelsnummer: 'ab77' }],
    // One email for two people (compared without case and spaces)...
    [1_000, { 'E-mailadres': 'gedeeld@gemeente-voorbeeld.nl' }],
    [Math.floor(n * 0.9), { 'E-mailadres': '  GEDEELD@gemeente-voorbeeld.nl ' }],
    // ...but a leaver's old address shared with an active colleague blocks nobody.
    [2_000, { 'E-mailadres': 'oud@gemeente-voorbeeld.nl', Status: 'Uit dienst' }],
    [last - 10, { 'E-mailadres': 'oud@gemeente-voorbeeld.nl' }],
    // No key: an error row that never reaches the cross-row checks.
    [3_000, { Personeelsnummer: '  ' }],
  ]);
  const records: SourceRecord[] = [];
  for (let row = 2; row <= last; row++)
    records.push(form(row, { ...personValues(row), ...changes.get(row) }));
  return records;
}

const at = (issues: readonly Issue[], code: string) =>
  issues.filter((i) => i.code === code).map((i) => i.row);

describe('cross-row checks over 200,000 rows', () => {
  const n = 200_000;
  const last = n + 1;
  const result = mapRecords(compile(), plantedExport(n), { today: TODAY });

  it('finds duplicate keys, look-alike keys and shared emails however far apart', () => {
    expect(at(result.issues, 'duplicate-key')).toEqual([7, last - 3]);
    expect(at(result.issues, 'similar-key')).toEqual([50, 60, n * 0.75, last - 1]);
    expect(at(result.issues, 'duplicate-email')).toEqual([1_000, n * 0.9]);
    expect(at(result.issues, 'empty-key')).toEqual([3_000]);
    const dup = result.issues.find((i) => i.code === 'duplicate-key' && i.row === 7)!;
    expect(dup).toMatchObject({ key: '424242', rows: [7, last - 3] });
    expect(dup.params).toMatchObject({ others: String(last - 3), count: 1 });
    const similar = result.issues.find((i) => i.code === 'similar-key' && i.row === 50)!;
    expect(similar.params).toMatchObject({ key: '000123', like: '"123"' });
  });

  it('blocks the duplicates, leaves the look-alikes and the leaver synced, and counts every row once', () => {
    const byRow = new Map(result.outcomes.map((o) => [o.row, o]));
    for (const row of [7, last - 3, 1_000, n * 0.9, 3_000]) expect(byRow.get(row)!.status).toBe('error');
    for (const row of [50, n * 0.75, 60, last - 1, last - 10]) expect(byRow.get(row)!.status).toBe('mapped');
    const leaver = byRow.get(2_000)!;
    expect(leaver.status === 'mapped' && leaver.user.active).toBe(false);
    const u = result.summary.users;
    expect(result.summary.rows).toBe(n);
    expect(u).toMatchObject({ error: 5, deactivate: 1, skipped: 0 });
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(n);
    expect(result.outcomes).toHaveLength(n);
  });

  it('counts a blocked leaver, a blocked joiner-to-be and a blocked "leaves later" as errors, in any row order', () => {
    // The summary is counted as rows are filed and corrected for the rows the cross-row checks block at the end.
    const m = 20_000;
    const records = plantedExport(m);
    const set = (row: number, values: Partial<Record<Column, string | null>>) =>
      (records[row - 2] = compact(row, { ...personValues(row), ...values }));
    // A leaver and a person leaving next year share a key with active colleagues; a second pair shares an email.
    set(100, { Personeelsnummer: '777', Status: 'Uit dienst' });
    set(m - 100, { Personeelsnummer: '777' });
    set(200, { Personeelsnummer: '888', 'Datum uit dienst': '31-12-2027' });
    set(m - 200, { Personeelsnummer: '888' });
    set(300, { 'Datum uit dienst': '31-12-2027' });
    const inOrder = mapRecords(compile(), records, { today: TODAY }).summary;
    expect(inOrder.rows).toBe(m);
    // planted: 5 errors, 1 leaver; here 4 more errors, of which a leaver and one leaving later; one leaving later
    expect(inOrder.users).toEqual({
      active: m - 9 - 1,
      deactivate: 1,
      leavingLater: 1,
      startingLater: 0,
      skipped: 0,
      error: 9,
    });
    const reversed = mapRecords(compile(), [...records].reverse(), { today: TODAY }).summary;
    expect(reversed).toEqual(inOrder);
  });

  it('reads a column named __proto__ from compact records like any other', () => {
    const o = result.outcomes.find((x) => x.row === 12)!;
    expect(o.status === 'mapped' && o.user.attributes.nickName).toBe('bijnaam 12');
  });
});

describe('the issue stream (onIssue)', () => {
  const records = plantedExport(5_000);
  const source: Issue[] = [
    { code: 'duplicate-header', severity: 'error', row: 1, message: 'hr.csv: two columns "Status"' },
    // A source warning on a row that has issues of its own: both are kept.
    { code: 'encoding', severity: 'warning', row: 40, message: 'hr.csv row 40: characters lost' },
  ];
  records[38] = compact(40, { ...personValues(40), 'E-mailadres': 'andre@' });

  function streamed(): { issues: Issue[]; finishIssues: Issue[]; finishedAt: number } {
    const issues: Issue[] = [];
    const run = createMappingRun(compile(), { today: TODAY, onIssue: (i) => issues.push(i) });
    for (const i of source) run.pushSourceIssue(i);
    for (const r of records) run.push(r);
    const finishedAt = issues.length;
    const finished = run.finish();
    return { issues, finishIssues: finished.issues, finishedAt };
  }

  it('hands over the rows’ issues in row order while rows are pushed, then the cross-row ones in row order', () => {
    const { issues, finishIssues, finishedAt } = streamed();
    expect(finishIssues).toEqual([]);
    const rows = (list: Issue[]) => list.map((i) => i.row ?? 0);
    const during = rows(issues.slice(0, finishedAt));
    const after = rows(issues.slice(finishedAt));
    expect(during).toEqual([...during].sort((a, b) => a - b));
    expect(after).toEqual([...after].sort((a, b) => a - b));
    expect(issues.slice(finishedAt).map((i) => i.code)).toEqual(
      expect.arrayContaining(['duplicate-key', 'similar-key', 'duplicate-email']),
    );
    expect(issues.slice(0, finishedAt).some((i) => i.code === 'duplicate-key')).toBe(false);
  });

  it('streams exactly the issues a collecting run returns', () => {
    const collected = mapRecords(compile(), records, { today: TODAY }, source);
    const key = (i: Issue) => `${i.row}|${i.code}|${i.message}`;
    expect(streamed().issues.map(key).sort()).toEqual(collected.issues.map(key).sort());
    expect(at(collected.issues, 'encoding')).toEqual([40]);
    expect(at(collected.issues, 'invalid-email')).toEqual([40]);
  });

  it('maps compact and plain records alike', () => {
    const a = mapRecords(compile(), plantedExport(3_000), { today: TODAY });
    const b = mapRecords(compile(), plantedExport(3_000, plain), { today: TODAY });
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.issues).toEqual(b.issues);
    expect(a.summary).toEqual(b.summary);
  });
});

describe('key changes against the previous state', () => {
  it('finds a new key for a vanished person by email or by name and birth date, and nothing else', () => {
    const records = plantedExport(20_000);
    // Last run's state: everyone of this export as they were (their keys included).
    const previous = {
      rows: 20_000,
      users: records.flatMap((r) => {
        const v = r.values;
        const key = (v.Personeelsnummer as string).trim();
        if (key === '') return [];
        return [
          {
            key,
            email: v['E-mailadres'] as string,
            givenName: v.Roepnaam as string,
            familyName: [v.Tussenvoegsel, v.Achternaam].filter(Boolean).join(' '),
            birthDate: v.Geboortedatum as string,
          },
        ];
      }),
    };
    // Row 500 got a new key (same email); row 12,345 a new key and a new email (same name and birth date, written
    // without leading zeros this time).
    const v500 = personValues(500);
    records[498] = compact(500, { ...v500, Personeelsnummer: '900500' });
    const v15k = personValues(12_345);
    records[12_343] = compact(12_345, {
      ...v15k,
      Personeelsnummer: '912345',
      'E-mailadres': 'nieuw@gemeente-voorbeeld.nl',
      Geboortedatum: v15k.Geboortedatum!.replace(/^0/, '').replace('-0', '-'),
    });
    const result = mapRecords(compile(), records, { today: TODAY, previous });
    const changed = result.issues.filter((i) => i.code === 'key-changed');
    expect(changed.map((i) => [i.row, i.params?.old, i.params?.why])).toEqual([
      [500, '100500', 'email'],
      [12_345, '112345', 'identity'],
    ]);
  });
});

describe('compact records from sources with other column orders', () => {
  it('reads each column by its own table when one compiled mapping runs over both', () => {
    const compiled = compile();
    const reversed = [...COLUMNS].reverse();
    const reversedIndex: ReadonlyMap<string, number> = new Map(reversed.map((c, i) => [c, i]));
    const other = (row: number): SourceRecord => {
      const v = personValues(row);
      const cells: SourceValue[] = reversed.map((c) => v[c]);
      return { row, cells, columns: reversedIndex, values: {} };
    };
    // Alternating tables: a column index remembered for one must not be used for the other.
    const records = [compact(2, personValues(2)), other(3), compact(4, personValues(4)), other(5)];
    const result = mapRecords(compiled, records, { today: TODAY });
    expect(
      result.outcomes.map((o) => (o.status === 'mapped' ? o.user.attributes['name.givenName'] : o.status)),
    ).toEqual([2, 3, 4, 5].map((row) => GIVEN[row % GIVEN.length]));
    expect(result.outcomes.map((o) => (o.status === 'mapped' ? o.user.key : null))).toEqual([
      '100002',
      '100003',
      '100004',
      '100005',
    ]);
  });
});
