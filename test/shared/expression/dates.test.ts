import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import { compileExpression, plainDate } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { compileError, evaluate, value } from './helpers';

const d = plainDate;

describe('ParseDate with a pattern', () => {
  it.each<[string, string, Value]>([
    ['31-01-2024', 'dd-MM-yyyy', d('2024-01-31')],
    [' 31-01-2024 ', 'dd-MM-yyyy', d('2024-01-31')],
    ['29-02-2024', 'dd-MM-yyyy', d('2024-02-29')],
    ['1-2-2024', 'd-M-yyyy', d('2024-02-01')],
    ['01-02-2024', 'd-M-yyyy', d('2024-02-01')],
    ['2024-01-31', 'yyyy-MM-dd', d('2024-01-31')],
    ['31.01.2024', 'dd.MM.yyyy', d('2024-01-31')],
    ['31/01/24', 'dd/MM/yy', d('2024-01-31')],
    ['20240131', 'yyyyMMdd', d('2024-01-31')],
    ['[31] (1) 2024', '[dd] (M) yyyy', d('2024-01-31')],
    ['2024 week 5 / 31.1', 'yyyy week 5 / d.M', d('2024-01-31')],
    ['', 'dd-MM-yyyy', null],
    ['   ', 'dd-MM-yyyy', null],
  ])('%j as %s', (text, format, expected) => {
    expect(value(`ParseDate([x], "${format}")`, { x: text })).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      '31-02-2024',
      'dd-MM-yyyy',
      'ParseDate: "31-02-2024" is not a valid date (no such day) (in the expression at position 1)',
    ],
    [
      '29-02-2023',
      'dd-MM-yyyy',
      'ParseDate: "29-02-2023" is not a valid date (no such day) (in the expression at position 1)',
    ],
    [
      '31-04-2024',
      'dd-MM-yyyy',
      'ParseDate: "31-04-2024" is not a valid date (no such day) (in the expression at position 1)',
    ],
    [
      '00-01-2024',
      'dd-MM-yyyy',
      'ParseDate: "00-01-2024" is not a valid date (no such day) (in the expression at position 1)',
    ],
    [
      '13-13-2024',
      'dd-MM-yyyy',
      'ParseDate: "13-13-2024" is not a valid date (no such day) (in the expression at position 1)',
    ],
    [
      '1-2-2024',
      'dd-MM-yyyy',
      'ParseDate: "1-2-2024" is not a date in format dd-MM-yyyy (in the expression at position 1)',
    ],
    [
      '2024-01-31',
      'dd-MM-yyyy',
      'ParseDate: "2024-01-31" is not a date in format dd-MM-yyyy (in the expression at position 1)',
    ],
    [
      '31-01-2024 extra',
      'dd-MM-yyyy',
      'ParseDate: "31-01-2024 extra" is not a date in format dd-MM-yyyy (in the expression at position 1)',
    ],
    [
      'gisteren',
      'auto',
      'ParseDate: "gisteren" is not a date in format auto (in the expression at position 1)',
    ],
    // "." in a format is a literal dot, not "any character"
    [
      '31x01x2024',
      'dd.MM.yyyy',
      'ParseDate: "31x01x2024" is not a date in format dd.MM.yyyy (in the expression at position 1)',
    ],
    [
      '2024-1-31',
      'yyyy-MM-dd',
      'ParseDate: "2024-1-31" is not a date in format yyyy-MM-dd (in the expression at position 1)',
    ],
  ])('%j as %s is an invalid-date error, never a roll-over', (text, format, message) => {
    expect(evaluate(`ParseDate([x], "${format}")`, { x: text })).toEqual({
      ok: false,
      error: { code: 'invalid-date', message },
    });
  });

  it('maps multi-valued attributes item by item and passes dates through', () => {
    expect(value('ParseDate([x], "dd-MM-yyyy")', { x: ['01-01-2024', '02-01-2024'] })).toEqual([
      d('2024-01-01'),
      d('2024-01-02'),
    ]);
    expect(value('ParseDate(ParseDate([x], "dd-MM-yyyy"), "yyyy-MM-dd")', { x: '05-06-2024' })).toEqual(
      d('2024-06-05'),
    );
  });

  it.each([
    ['ParseDate([x], "dd-MM")', 'needs a year, a month and a day', 16],
    ['ParseDate([x], "dd-dd-yyyy")', 'repeats d', 16],
    ['ParseDate([x], [fmt])', 'needs the format as a literal in quotes', 16],
    ['ParseDate()', 'ParseDate expects 1 to 2 arguments, got 0', 1],
  ])('%s is a compile error', (e, message, column) => {
    const err = compileError(e);
    expect(err.message).toContain(message);
    expect(err.column).toBe(column);
  });
});

describe('ParseDate "auto"', () => {
  it.each<[string, Value]>([
    ['2024-01-31', d('2024-01-31')],
    ['2024/01/31', d('2024-01-31')],
    ['31-01-2024', d('2024-01-31')],
    ['31/01/2024', d('2024-01-31')],
    ['31.01.2024', d('2024-01-31')],
    ['1-2-2024', d('2024-02-01')],
    ['1.2.2024', d('2024-02-01')],
    ['31-01-2024 00:00:00', d('2024-01-31')],
    ['2024-01-31T23:30:00Z', d('2024-01-31')],
    ['2024-01-31T23:30:00+01:00', d('2024-01-31')],
    ['20240131', d('2024-01-31')],
    ['31 januari 2024', d('2024-01-31')],
    ['1-mrt-2024', d('2024-03-01')],
    ['1 Mar 2024', d('2024-03-01')],
    ['15 okt. 2024', d('2024-10-15')],
    ['3 MEI 2024 08:00', d('2024-05-03')],
    // Excel serials: only five-digit ones for 1930–2099
    ['45322', d('2024-01-31')],
    ['45322.75', d('2024-01-31')],
    ['10959', d('1930-01-01')],
    ['73050', d('2099-12-31')],
    // day and month the same: not ambiguous
    ['03/03/2024', d('2024-03-03')],
    // "no end date"
    ['31-12-9999', null],
    ['9999-12-31', null],
    // AD generalized time
    ['20240131143000.0Z', d('2024-01-31')],
    ['20240131143000Z', d('2024-01-31')],
    // FILETIME (accountExpires, pwdLastSet)
    ['133511616000000000', d('2024-01-31')],
    ['0', null],
    ['9223372036854775807', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(value('ParseDate([x])', { x: text })).toEqual(expected);
    expect(value('ParseDate([x], "auto")', { x: text })).toEqual(expected);
  });

  it.each([
    '31-02-2024',
    '2023-02-29',
    '60',
    '2958466',
    // numbers that are no plausible Excel date: a year, a glued ddmmyy, a serial before 1930 or after 2099
    '1',
    '2024',
    '310124',
    '10958',
    '73051',
    '2958465',
    // day/month or month/day?
    '02/03/2024',
    '12/01/2024',
    '20240230143000.0Z',
    '20240230',
    '30 februari 2024',
    '1 foo 2024',
  ])('%j is an invalid-date error', (text) => {
    const r = evaluate('ParseDate([x], "auto")', { x: text });
    expect(r.ok === false && r.error.code).toBe('invalid-date');
  });
});

describe('ParseDate "auto" on a column', () => {
  it('refuses a number among dates written as text in the same run, and says what to do', () => {
    const compiled = compileExpression('ParseDate([x])', { valueMaps: {} });
    if (!compiled.ok) throw new Error('compile');
    const env = (x: string) => ({ get: () => x, today: '2026-11-23' });
    let current = '';
    const run = { get: () => current, today: '2026-11-23' };
    const read = (x: string) => ((current = x), compiled.expr.evaluate(run));
    expect(read('45322')).toEqual({ ok: true, value: d('2024-01-31') });
    expect(read('31-01-2024')).toEqual({ ok: true, value: d('2024-01-31') });
    const r = read('45322');
    expect(r.ok === false && r.error.message).toMatch(/among dates written as text.*"excel"/);
    // another run (a new env) starts afresh
    expect(compiled.expr.evaluate(env('45322'))).toEqual({ ok: true, value: d('2024-01-31') });
  });

  it('a format given in the mapping reads 02/03/2024 without asking, and 31-12-9999 as no date', () => {
    expect(value('ParseDate([x], "dd/MM/yyyy")', { x: '02/03/2024' })).toEqual(d('2024-03-02'));
    expect(value('ParseDate([x], "MM/dd/yyyy")', { x: '02/03/2024' })).toEqual(d('2024-02-03'));
    expect(value('ParseDate([x], "dd-MM-yyyy")', { x: '31-12-9999' })).toBeNull();
  });
});

describe('ParseDate with directory formats', () => {
  it.each<[string, string, Value]>([
    ['1', 'excel', d('1900-01-01')],
    ['59', 'excel', d('1900-02-28')],
    ['61', 'excel', d('1900-03-01')],
    ['45322', 'excel', d('2024-01-31')],
    ['60', 'excel', 'invalid'],
    ['0', 'excel', 'invalid'],
    ['20240131143000.0Z', 'generalizedTime', d('2024-01-31')],
    ['20241231230000.0Z', 'generalizedTime', d('2024-12-31')],
    ['31-01-2024', 'generalizedTime', 'invalid'],
    ['133511616000000000', 'filetime', d('2024-01-31')],
    ['116444736000000000', 'filetime', d('1970-01-01')],
    ['0', 'filetime', null],
    ['9223372036854775807', 'filetime', null],
    ['9223372036854775808', 'filetime', 'invalid'],
    ['-1', 'filetime', 'invalid'],
  ])('%j as %s', (text, format, expected) => {
    const r = evaluate(`ParseDate([x], "${format}")`, { x: text });
    if (expected === 'invalid') expect(r.ok === false && r.error.code).toBe('invalid-date');
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe('FormatDate', () => {
  it.each<[string, Row, Value]>([
    ['FormatDate(ParseDate([x], "yyyy-MM-dd"), "dd-MM-yyyy")', { x: '2024-01-05' }, '05-01-2024'],
    ['FormatDate(ParseDate([x], "yyyy-MM-dd"), "d-M-yyyy")', { x: '2024-01-05' }, '5-1-2024'],
    ['FormatDate(ParseDate([x], "yyyy-MM-dd"), "yyyyMMdd")', { x: '2024-01-05' }, '20240105'],
    ['FormatDate(ParseDate([x], "yyyy-MM-dd"), "dd/MM/yy")', { x: '2024-01-05' }, '05/01/24'],
    ['FormatDate([x], "dd-MM-yyyy")', { x: '2024-01-05' }, '05-01-2024'],
    ['FormatDate([x], "yyyy-MM-dd")', { x: '5-1-2024' }, '2024-01-05'],
    ['FormatDate([x], "dd-MM-yyyy")', { x: '' }, null],
    ['FormatDate([x], "dd-MM-yyyy")', {}, null],
    ['FormatDate(Today(), "dd-MM-yyyy")', {}, '23-11-2026'],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('reports text that is no date', () => {
    const r = evaluate('FormatDate([x], "dd-MM-yyyy")', { x: '31-02-2024' });
    expect(r.ok === false && r.error.code).toBe('invalid-date');
  });

  it('refuses a format without date parts at compile time', () => {
    expect(compileError('FormatDate([x], "hh:mm")').message).toContain('has no yyyy, MM or dd at column 17');
  });
});

describe('Today, AddDays, DateDiffDays', () => {
  it('Today() is the run date passed in, not the clock', () => {
    expect(value('Today()', {}, '2024-02-29')).toEqual(d('2024-02-29'));
    expect(value('Today()', {}, '2031-12-31')).toEqual(d('2031-12-31'));
    const r = evaluate('Today()', {}, '29-02-2024');
    expect(r.ok === false && r.error.code).toBe('expression-error');
  });

  it.each<[string, Row, Value]>([
    ['AddDays(ParseDate([x], "dd-MM-yyyy"), 1)', { x: '28-02-2024' }, d('2024-02-29')],
    ['AddDays(ParseDate([x], "dd-MM-yyyy"), 1)', { x: '28-02-2023' }, d('2023-03-01')],
    ['AddDays(ParseDate([x], "dd-MM-yyyy"), -1)', { x: '01-01-2024' }, d('2023-12-31')],
    ['AddDays(ParseDate([x], "dd-MM-yyyy"), 366)', { x: '01-01-2024' }, d('2025-01-01')],
    ['AddDays([x], 1)', { x: '' }, null],
    ['AddDays("31-12-9999", 1)', {}, 'invalid'],
    ['DateDiffDays(Today(), ParseDate([x], "dd-MM-yyyy"))', { x: '01-12-2026' }, 8],
    ['DateDiffDays(ParseDate([x], "dd-MM-yyyy"), Today())', { x: '01-12-2026' }, -8],
    ['DateDiffDays("2024-01-01", "2025-01-01")', {}, 366],
    ['DateDiffDays("0001-01-01", "9999-12-31")', {}, 3652058],
    ['DateDiffDays([x], Today())', {}, null],
    ['ParseDate([x], "dd-MM-yyyy") < Today()', { x: '22-11-2026' }, true],
    ['ParseDate([x], "dd-MM-yyyy") < Today()', { x: '23-11-2026' }, false],
    ['ParseDate([x], "dd-MM-yyyy") >= Today()', { x: '01-01-2027' }, true],
    ['ParseDate([x], "dd-MM-yyyy") < Today()', { x: '' }, false],
    ['ParseDate([x], "dd-MM-yyyy") = "2026-11-23"', { x: '23-11-2026' }, true],
    // text compared with a date is read as a date, so Dutch text does not sort as text
    ['ParseDate([x], "dd-MM-yyyy") = "23-11-2026"', { x: '23-11-2026' }, true],
    ['[x] < Today()', { x: '22-11-2026' }, true],
    ['[x] < Today()', { x: '24-10-2026' }, true],
    ['[x] < Today()', { x: '01-12-2026' }, false],
    ['[x] >= Today()', { x: '2026-11-23' }, true],
    ['Today() > [x]', { x: '1-1-2020' }, true],
    ['[x] < Today()', { x: '31-02-2026' }, false],
    ['[x] >= Today()', { x: '31-02-2026' }, false],
    ['[x] < Today()', { x: 'onbekend' }, false],
    ['[x] = Today()', { x: 'onbekend' }, false],
    ['[x] <> Today()', { x: 'onbekend' }, true],
  ])('%s with %j', (e, r, expected) => {
    const result = evaluate(e, r);
    if (expected === 'invalid') expect(result.ok === false && result.error.code).toBe('invalid-date');
    else expect(result).toEqual({ ok: true, value: expected });
  });
});
