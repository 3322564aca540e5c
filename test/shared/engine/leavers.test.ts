import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../src/shared/engine/propose';
import { mapRecords, type MappingResult } from '../../../src/shared/engine/run';
import { todayIn } from '../../../src/shared/engine/today';
import type { PreviousState, RowOutcome } from '../../../src/shared/engine/types';
import type { Issue } from '../../../src/shared/issues';
import { parseMapping } from '../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { plantedExport, readPlanted, type PlantedRow } from '../../fixtures/planted-export';
import { compileOrThrow as compile } from '../../support/compile-mapping';

const TODAY = '2026-11-23';

/** Plants rows in a generated export, proposes a mapping from it as `init` does, and validates it. */
function run(
  planted: Record<number, PlantedRow>,
  options: { previous?: PreviousState; edit?: (m: MappingFileInput) => void; today?: string } = {},
): { result: MappingResult; outcome: (row: number) => RowOutcome; issuesAt: (row: number) => Issue[] } {
  const file = plantedExport({ planted });
  const { headers, records, issues } = readPlanted(file.bytes);
  const { mapping } = proposeMapping({ headers, sampleRows: records.map((r) => r.values), name: 'Test' });
  options.edit?.(mapping);
  const result = mapRecords(
    compile(mapping),
    records,
    { today: options.today ?? TODAY, headers, ...(options.previous ? { previous: options.previous } : {}) },
    issues,
  );
  return {
    result,
    outcome: (row) => result.outcomes.find((o) => o.row === row)!,
    issuesAt: (row) => result.issues.filter((i) => i.row === row),
  };
}

const state = (o: RowOutcome) =>
  o.status === 'mapped' ? (o.user.active ? 'active' : 'deactivate') : o.status;

describe('a leaver is deactivated whatever else is wrong on the row', () => {
  const cases: { name: string; row: PlantedRow; expect: string; issue?: [string, string] }[] = [
    { name: 'status + broken email', row: { Status: 'Uit dienst', 'E-mailadres': 'andre@' }, expect: 'deactivate', issue: ['invalid-email', 'warning'] },
    { name: 'status with a double space', row: { Status: 'UIT  DIENST' }, expect: 'deactivate' },
    { name: 'status with a no-break space', row: { Status: 'Uit\u00a0dienst' }, expect: 'deactivate' },
    { name: 'status with a tab and odd case', row: { Status: ' inACTIEF\t' }, expect: 'deactivate' },
    { name: 'status + unreadable end date', row: { Status: 'Inactief', 'Datum uit dienst': 'gisteren' }, expect: 'deactivate', issue: ['invalid-date', 'warning'] },
    { name: 'past end date + empty family name', row: { 'Datum uit dienst': '01-01-2026', Achternaam: '' }, expect: 'deactivate', issue: ['missing-required', 'warning'] },
    { name: 'past end date + broken email', row: { 'Datum uit dienst': '15-03-2025', 'E-mailadres': 'x@@y' }, expect: 'deactivate', issue: ['invalid-email', 'warning'] },
    { name: 'end date "2024" is no Excel serial', row: { Status: 'Actief', 'Datum uit dienst': '2024' }, expect: 'error', issue: ['invalid-date', 'error'] },
    { name: 'end date "310124" is no Excel serial', row: { Status: 'Actief', 'Datum uit dienst': '310124' }, expect: 'error', issue: ['invalid-date', 'error'] },
    { name: '31-12-9999 means no end date', row: { Status: 'Actief', 'Datum uit dienst': '31-12-9999' }, expect: 'active' },
    { name: 'ambiguous 02/03/2027 is reported', row: { Status: 'Actief', 'Datum uit dienst': '02/03/2027' }, expect: 'error', issue: ['invalid-date', 'error'] },
    { name: 'day-first 25/03/2027 is read', row: { Status: 'Actief', 'Datum uit dienst': '25/03/2027' }, expect: 'active', issue: ['leaving-later', 'info'] },
  ]; // prettier-ignore

  const planted: Record<number, PlantedRow> = {};
  cases.forEach((c, i) => (planted[5 + 2 * i] = { Status: 'Actief', 'Datum uit dienst': '', ...c.row }));
  const r = run(planted);

  it.each(cases.map((c, i) => [c.name, 5 + 2 * i, c] as const))('%s (row %i)', (_name, row, c) => {
    expect(state(r.outcome(row))).toBe(c.expect);
    if (c.issue) {
      expect(r.issuesAt(row).map((i) => [i.code, i.severity])).toContainEqual(c.issue);
    }
    if (c.expect === 'deactivate') expect(r.issuesAt(row).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a leaver with a broken address does not write it to Plek', () => {
    const o = r.outcome(5);
    expect(o.status === 'mapped' && 'emails[type eq "work"].value' in o.user.attributes).toBe(false);
  });

  it('the ambiguous date names both readings and the fix', () => {
    const msg = r.issuesAt(5 + 2 * 10).find((i) => i.code === 'invalid-date')!.message;
    expect(msg).toMatch(/day\/month or month\/day/);
    expect(msg).toMatch(/dd\/MM\/yyyy/);
  });

  it('counts every row once', () => {
    const u = r.result.summary.users;
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(r.result.summary.rows);
  });
});

describe('one normalisation for every comparison', () => {
  const edit = (m: MappingFileInput) => {
    m.valueMaps = { functies: { entries: { 'Senior adviseur': 'Adviseur' } } };
    m.fields.title = { expression: 'ValueMap([Functie], "functies")' };
    m.fields.userType = {
      expression: 'Switch([Functie], "intern", "Senior  adviseur", "senior")',
    };
    m.fields.nickName = { expression: 'IIF([Functie] = "senior adviseur", "ja", "nee")' };
  };
  it.each([
    ['Senior adviseur', 7],
    ['SENIOR  ADVISEUR', 9],
    ['Senior\u00a0adviseur', 11],
    [' senior\tadviseur ', 13],
    ['Senior adviseur\u200b', 15],
  ])('%j matches = , In, Switch and ValueMap (row %i)', (value, row) => {
    const r = run({ [row]: { Functie: value } }, { edit });
    const o = r.outcome(row);
    expect(o.status).toBe('mapped');
    if (o.status !== 'mapped') return;
    expect(o.user.attributes.title).toBe('Adviseur');
    expect(o.user.attributes.userType).toBe('senior');
    expect(o.user.attributes.nickName).toBe('ja');
  });
});

describe('identity checks', () => {
  it('flags keys that differ only by leading zeros or case, at both rows', () => {
    const r = run({ 6: { Personeelsnummer: '00123' }, 9: { Personeelsnummer: '123' }, 12: { Personeelsnummer: 'ab7' }, 14: { Personeelsnummer: 'AB7' } }); // prettier-ignore
    for (const row of [6, 9, 12, 14]) {
      expect(r.issuesAt(row).map((i) => [i.code, i.severity])).toContainEqual(['similar-key', 'warning']);
    }
    expect(r.issuesAt(6).find((i) => i.code === 'similar-key')?.rows).toEqual([6, 9]);
  });

  it.each([
    ['3-4-1975', '1975-04-03'],
    ['03-04-1975', '3-4-1975'],
    ['1975-04-03', '03-04-1975'],
  ])('key-changed compares birth dates as dates: %s now, %s before', (now, before) => {
    const first = run({ 8: { Geboortedatum: now } });
    const o = first.outcome(8);
    if (o.status !== 'mapped') throw new Error('row 8 should map');
    const previous: PreviousState = {
      rows: 40,
      users: [
        {
          key: 'OLD-8',
          givenName: o.user.attributes['name.givenName'] as string,
          familyName: o.user.attributes['name.familyName'] as string,
          birthDate: before,
        },
      ],
    };
    const r = run(
      { 8: { Geboortedatum: now, 'E-mailadres': 'nieuw.adres@gemeente-voorbeeld.nl' } },
      { previous },
    );
    expect(r.issuesAt(8).map((i) => i.code)).toContain('key-changed');
  });

  it.each([
    [
      'birthDateAttribute',
      (m: MappingFileInput): void => {
        m.mappingKey.birthDateAttribute = 'Geboorte datum';
      },
      'Geboorte datum',
    ],
    [
      'collisionSuffixField',
      (m: MappingFileInput): void => {
        m.loginSchema = {
          begin: { field: 'name.givenName' },
          end: { field: 'name.familyName' },
          domain: 'gemeente-voorbeeld.nl',
          collisionSuffixField: 'Personeelsnumer',
        };
      },
      'Personeelsnumer',
    ],
  ] as const)('a typo in %s is reported as an unknown column', (_what, edit, typo) => {
    const r = run({}, { edit });
    const problem = r.result.issues.find((i) => i.code === 'mapping-invalid' && i.field === typo);
    expect(problem?.severity).toBe('error');
  });
});

describe('today is the date in the mapping time zone', () => {
  // 10:30 UTC on 23 November: already the 24th in Kiritimati (UTC+14), still the 22nd in Pago Pago (UTC−11).
  const instant = new Date('2026-11-23T10:30:00Z');
  it.each([
    ['Pacific/Kiritimati', '2026-11-24'],
    ['Europe/Amsterdam', '2026-11-23'],
    ['Pacific/Pago_Pago', '2026-11-22'],
  ])('%s → %s', (zone, day) => {
    expect(todayIn(zone, instant)).toBe(day);
  });

  it('a mapping without a time zone decides in Europe/Amsterdam, one with a zone there', () => {
    const file = plantedExport({ planted: {} });
    const { headers, records } = readPlanted(file.bytes);
    const { mapping } = proposeMapping({ headers, sampleRows: records.map((r) => r.values), name: 'x' });
    expect(compile(mapping).timeZone).toBe('Europe/Amsterdam');
    expect(compile({ ...mapping, timeZone: 'Pacific/Kiritimati' }).timeZone).toBe('Pacific/Kiritimati');
    expect(parseMapping({ ...mapping, timeZone: 'Mars/Olympus' }).ok).toBe(false);
  });

  it('the same file gives the same deactivations wherever the day is judged', () => {
    const planted = { 5: { 'Datum uit dienst': '22-11-2026', Status: 'Actief' }, 7: { 'Datum uit dienst': '23-11-2026', Status: 'Actief' } }; // prettier-ignore
    const counts = ['2026-11-24', '2026-11-23', '2026-11-22'].map((today) => {
      const r = run(planted, { today });
      return [5, 7].filter((row) => state(r.outcome(row)) === 'deactivate').length;
    });
    // Only the day decides: a fixed zone gives one day, so one answer.
    expect(counts).toEqual([2, 1, 0]);
  });
});

describe('joiners by start date', () => {
  it.each([
    ['01-02-2027', 0, 'skipped', '2027-02-01'],
    ['23-11-2026', 0, 'active', undefined],
    ['24-11-2026', 0, 'skipped', '2026-11-24'],
    ['24-11-2026', 1, 'active', undefined],
    ['30-11-2026', 7, 'active', undefined],
    ['01-12-2026', 7, 'skipped', '2026-12-01'],
    ['01-12-2026', null, 'active', undefined],
  ] as const)('start %s with daysAhead %s → %s', (start, daysAhead, expected, startsOn) => {
    const r = run(
      { 10: { 'Datum in dienst': start, Status: 'Actief', 'Datum uit dienst': '' } },
      { edit: (m) => (m.activation = { ...m.activation, daysAhead }) },
    );
    const o = r.outcome(10);
    expect(state(o)).toBe(expected);
    if (startsOn) {
      expect(o).toMatchObject({ status: 'skipped', startsOn });
      expect(r.issuesAt(10).map((i) => i.code)).toContain('starting-later');
      expect(r.result.summary.users.startingLater).toBeGreaterThanOrEqual(1);
    }
  });

  it('an invalid start date is an invalid-date error at its row', () => {
    const r = run({ 12: { 'Datum in dienst': '31-02-2026', Status: 'Actief', 'Datum uit dienst': '' } });
    expect(r.outcome(12).status).toBe('error');
    expect(r.issuesAt(12).map((i) => [i.code, i.field])).toContainEqual([
      'invalid-date',
      'activation.startDate',
    ]);
  });

  it('a leaver is deactivated even when the start date is broken or ahead', () => {
    const r = run({ 12: { 'Datum in dienst': '01-01-2030', Status: 'Inactief' } });
    expect(state(r.outcome(12))).toBe('deactivate');
  });
});
