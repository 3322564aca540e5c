// Issue messages name their row as "row N" (rowLabel), also at the row numbers of a file of millions of rows.
import { describe, expect, it } from 'vitest';
import { createMappingRun } from '../../src/shared/engine/run';
import { rowLabel, type Issue } from '../../src/shared/issues';
import { compileOrThrow as compile } from '../support/compile-mapping';

describe('rowLabel', () => {
  it.each([
    [2, 'row 2'],
    [999, 'row 999'],
    [100_001, 'row 100001'],
    [1_048_577, 'row 1048577'],
    [123_456_789_012, 'row 123456789012'],
  ])('writes row %i as "%s" (whole digits, no exponent or separators)', (row, text) => {
    expect(rowLabel(row)).toBe(text);
  });
});

describe('row numbers in the messages of a run', () => {
  // A field that fails on every row (a name is no number), a date ahead, an email that is no email.
  const compiled = compile({
    version: 1,
    name: 'Row numbers',
    source: { kind: 'csv', path: 'hr.csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: {
      'name.givenName': { expression: 'Trim([Roepnaam])' },
      'name.familyName': { expression: 'Trim([Achternaam])' },
      email: { expression: 'Lower(Trim([E-mailadres]))' },
      nickName: { expression: 'ToNumber([Achternaam])' },
    },
    deactivation: { endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")' },
  });

  it('names each row by its number, from the first rows to those past a million', () => {
    const issues: Issue[] = [];
    const run = createMappingRun(compiled, {
      today: '2026-11-23',
      statusOnly: true,
      keepLogins: false,
      onIssue: (i) => issues.push(i),
    });
    const rows = [2, 3, 1_000_001, 1_000_002];
    for (const row of rows) {
      run.take({
        row,
        ref: 'hr.csv',
        values: {
          Personeelsnummer: String(100000 + row),
          Roepnaam: 'Ayşe',
          Achternaam: 'Yılmaz',
          'E-mailadres': row === 1_000_002 ? 'ayse.yilmaz@' : `ayse${row}@gemeente-voorbeeld.nl`,
          'Datum uit dienst': '31-12-2027',
        },
      });
    }
    run.finish();
    const byRow = (row: number) => issues.filter((i) => i.row === row).map((i) => [i.code, i.message]);
    for (const row of rows) {
      const messages = byRow(row);
      expect(messages.length).toBeGreaterThanOrEqual(2);
      for (const [, message] of messages) expect(message).toMatch(new RegExp(`^row ${row}: `));
    }
    expect(byRow(1_000_001)).toContainEqual([
      'expression-error',
      expect.stringMatching(/^row 1000001: nickName: .*; the field is left unchanged in Plek$/),
    ]);
    expect(byRow(1_000_001)).toContainEqual([
      'leaving-later',
      'row 1000001: leaves on 2027-12-31; stays active until then',
    ]);
    expect(byRow(1_000_002)).toContainEqual([
      'invalid-email',
      'row 1000002: "ayse.yilmaz@" is not a valid email address',
    ]);
  });
});
