import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import {
  compileExpression,
  EvalFailed,
  MAX_EXPRESSION_LENGTH,
  plainDate,
} from '../../../src/shared/expression';
import type { Row } from './helpers';
import { compileError, compileOk, value } from './helpers';

type Case = [expression: string, row: Row, expected: Value];

describe('compile errors name the function and the column', () => {
  it.each<[string, string, number]>([
    ['Join(" ", [a])', '', 0],
    ['Jion(" ", [a])', 'unknown function Jion at column 1', 1],
    ['Lower(Jion(" ", [a]))', 'unknown function Jion at column 7', 7],
    ['[a] & Jion(" ", [a])', 'unknown function Jion at column 7', 7],
    ['Left([a])', 'Left expects 2 arguments, got 1 at column 1', 1],
    ['Left([a], 1, 2)', 'Left expects 2 arguments, got 3 at column 1', 1],
    ['Mid([a], 1)', 'Mid expects 3 arguments, got 2 at column 1', 1],
    ['Join(" ")', 'Join expects at least 2 arguments, got 1 at column 1', 1],
    ['Coalesce()', 'Coalesce expects at least 1 argument, got 0 at column 1', 1],
    ['Today(1)', 'Today expects 0 arguments, got 1 at column 1', 1],
    ['IIF([a], 1)', 'IIF expects 3 arguments, got 2 at column 1', 1],
    ['PhoneE164()', 'PhoneE164 expects 1 to 2 arguments, got 0 at column 1', 1],
    ['lower([a], [b])', 'Lower expects 1 argument, got 2 at column 1', 1],
  ])('%s', (text, message, column) => {
    const r = compileExpression(text, { valueMaps: {} });
    if (message === '') return expect(r.ok).toBe(true);
    expect(r).toMatchObject({ ok: false, error: { message, column, offset: column - 1 } });
  });

  it('passes syntax errors through with their position', () => {
    expect(compileError('Join(" ", [a]')).toEqual({
      message: 'expected ")" at column 14',
      column: 14,
      offset: 13,
      code: 'expected',
      params: { token: ')' },
    });
  });
});

describe('references', () => {
  it('lists attribute names read, in order, once', () => {
    expect(compileOk('Join(" ", [Roepnaam], [Tussenvoegsel], [Achternaam], [Roepnaam])').references).toEqual([
      'Roepnaam',
      'Tussenvoegsel',
      'Achternaam',
    ]);
    expect(compileOk('IIF([b] = 1, [a], [b])').references).toEqual(['b', 'a']);
    expect(compileOk('Today()').references).toEqual([]);
  });

  it('keeps the text and the tree', () => {
    const e = compileOk('lower([a])');
    expect(e.text).toBe('lower([a])');
    expect(e.ast).toMatchObject({ kind: 'call', name: 'Lower' });
  });
});

describe('operators', () => {
  it.each<Case>([
    ['[a] = "x"', { a: 'X' }, true],
    ['[a] = "x"', { a: ' x ' }, true],
    ['[a] = "Financiën"', { a: 'FINANCIËN' }, true],
    ['[a] = "x"', { a: 'y' }, false],
    ['[a] <> "x"', { a: 'y' }, true],
    ['[a] <> "x"', { a: 'X' }, false],
    ['[a] = null', { a: null }, true],
    ['[a] = null', {}, true],
    ['[a] = null', { a: '  ' }, true],
    ['[a] = ""', { a: null }, true],
    ['[a] = null', { a: 'x' }, false],
    ['[a] <> null', { a: 'x' }, true],
    ['[a] = 1', { a: '1.0' }, true],
    ['[a] = 1', { a: '01' }, true],
    ['[a] = true', { a: 'Ja' }, true],
    ['[a] = false', { a: 'nee' }, true],
    ['[a] = "CN=Staf"', { a: ['CN=Docenten', 'cn=staf'] }, true],
    ['[a] = "CN=Staf"', { a: [] }, false],
    ['[a] < 10', { a: '9' }, true],
    ['[a] < 10', { a: '10' }, false],
    ['[a] <= 10', { a: '10' }, true],
    ['[a] > 10', { a: '9,5' }, false],
    ['[a] >= "b"', { a: 'B' }, true],
    ['[a] < "b"', { a: 'a' }, true],
    ['[a] < 10', { a: '' }, false],
    ['[a] >= 10', { a: null }, false],
    ['[a] < 10', {}, false],
    ['not [a] = "x"', { a: 'x' }, false],
    ['not [a]', { a: 'nee' }, true],
    ['not [a]', {}, true],
    ['[a] = "x" and [b] = "y"', { a: 'x', b: 'y' }, true],
    ['[a] = "x" and [b] = "y"', { a: 'x', b: 'z' }, false],
    ['[a] = "x" or [b] = "y"', { a: 'q', b: 'y' }, true],
    ['[a] = "x" OR [b] = "y" AND false', { a: 'x', b: 'y' }, true],
    ['([a] = "x" OR [b] = "y") AND false', { a: 'x', b: 'y' }, false],
    ['[a] & " " & [b]', { a: 'Jan', b: 'Berg' }, 'Jan Berg'],
    ['[a] & [b]', { a: 'Jan', b: null }, 'Jan'],
    ['[a] & [b]', {}, null],
    ['"nr " & 42 & " " & true', {}, 'nr 42 true'],
    ['[a] & "@plek.nl"', { a: ['x', 'y'] }, 'x, y@plek.nl'],
  ])('%s with %j → %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('short-circuits and / or', () => {
    expect(value('false and ParseDate("31-02-2024", "dd-MM-yyyy") = null')).toBe(false);
    expect(value('true or ParseDate("31-02-2024", "dd-MM-yyyy") = null')).toBe(true);
  });

  it('returns literals and attribute values as they are', () => {
    expect(value('[a]', { a: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(value('[a]', {})).toBeNull();
    expect(value('[a]', { a: '' })).toBe('');
    expect(value('3.5')).toBe(3.5);
    expect(value('null')).toBeNull();
    expect(value('ParseDate("2024-01-31")')).toEqual(plainDate('2024-01-31'));
  });
});

describe('evaluation errors are results, not exceptions', () => {
  it('reports each row on its own and keeps going', () => {
    const e = compileOk('ParseDate([Datum], "dd-MM-yyyy")');
    const rows = ['01-01-2024', '31-02-2024', '', '15-03-2024'];
    const results = rows.map((d) => e.evaluate({ get: () => d, today: '2026-11-23' }));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(results[1]).toEqual({
      ok: false,
      error: {
        code: 'invalid-date',
        message:
          'ParseDate: "31-02-2024" is not a valid date (no such day) (in the expression at position 1)',
      },
    });
  });
});

describe("a failed evaluation's error (what a row's issue is made from)", () => {
  it("shows only its code and message; its detail holds the function's data, its name and where, in that order", () => {
    const e = compileOk('Trim(\n  ToNumber([Getal]))');
    const r = e.evaluate({ get: () => 'twaalf', today: '2026-11-23' });
    if (r.ok) throw new Error('ToNumber("twaalf") must fail');
    expect(Object.keys(r.error)).toEqual(['code', 'message']);
    expect(JSON.parse(JSON.stringify(r.error))).toEqual({
      code: 'expression-error',
      message: 'ToNumber: "twaalf" is not a number (in the expression at line 2, position 3)',
    });
    expect({ ...r.error }).toEqual({ code: r.error.code, message: r.error.message });
    expect(Object.entries(r.error.detail!)).toEqual([
      ['id', 'eval.notNumber'],
      ['text', '"twaalf"'],
      ['fn', 'ToNumber'],
      ['line', 2],
      ['position', 3],
    ]);
    // The same as compute's failure, read twice.
    const failed = e.compute({ get: () => 'twaalf', today: '2026-11-23' });
    expect(failed).toBeInstanceOf(EvalFailed);
    const detail = (failed as EvalFailed).error.detail;
    expect(detail).toEqual(r.error.detail);
    expect((failed as EvalFailed).error.detail).toBe(detail);
  });

  it('a failure without catalogue data of its own has no detail', () => {
    const e = compileOk('[Naam] & [Naam]');
    // 2^28 characters as a tree of joined halves (not flattened, so it takes next to no memory): twice that is
    // past the longest string V8 makes.
    let long = 'x'.repeat(2 ** 20);
    for (let i = 0; i < 8; i++) long += long;
    const r = e.evaluate({ get: () => long, today: '2026-11-23' });
    if (r.ok) throw new Error('a string past the maximum length must fail');
    expect(Object.keys(r.error)).toEqual(['code', 'message']);
    expect(r.error.detail).toEqual({ id: 'eval.tooLarge' });
  });
});

describe('security', () => {
  it.each([
    'constructor(1)',
    '__proto__(1)',
    'toString()',
    'hasOwnProperty("x")',
    'valueOf()',
    'eval("1")',
    'Function("x")',
  ])('%s is an unknown function', (text) => {
    expect(compileError(text).message).toMatch(/^unknown function \w+ at column 1$/);
  });

  it('looks attributes up only through env.get', () => {
    const asked: string[] = [];
    const expr = compileOk('Join("|", [__proto__], [constructor], [toString], [prototype])');
    const r = expr.evaluate({
      get: (name) => {
        asked.push(name);
        return undefined;
      },
      today: '2026-11-23',
    });
    expect(r).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['__proto__', 'constructor', 'toString', 'prototype']);
  });

  it('does not leak Object.prototype when the engine backs env.get with a plain object', () => {
    const record: Record<string, string> = { Achternaam: 'Berg' };
    const expr = compileOk('[__proto__] & [constructor] & [Achternaam]');
    const get = (name: string) => (Object.hasOwn(record, name) ? record[name] : undefined);
    expect(expr.evaluate({ get, today: '2026-11-23' })).toEqual({ ok: true, value: 'Berg' });
  });

  it('reads prototype members handed out by a careless record lookup as null', () => {
    const values: Record<string, string> = { Achternaam: 'Berg' };
    // The engine's record is a plain object; an unguarded lookup of these names returns Object's internals.
    const get = (name: string) => values[name];
    const expr = compileOk('Join("|", [__proto__], [constructor], [toString], [Achternaam])');
    expect(expr.evaluate({ get, today: '2026-11-23' })).toEqual({ ok: true, value: 'Berg' });
    expect(compileOk('IsEmpty([constructor])').evaluate({ get, today: '2026-11-23' })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('refuses huge and deeply nested input with a message', () => {
    expect(compileError('"' + 'a'.repeat(MAX_EXPRESSION_LENGTH) + '"').message).toMatch(/too long/);
    expect(compileError('('.repeat(4999) + '1' + ')'.repeat(4999)).message).toMatch(/too many nested/);
    expect(compileError('Lower('.repeat(1000) + '"a"' + ')'.repeat(1000)).message).toMatch(/too many nested/);
    expect(compileError('[a] = '.repeat(1600) + '1').message).toMatch(/nested too deeply/);
  });

  it('refuses regexes RE2 cannot run, written as literals', () => {
    for (const evil of ['(?=a)b', '(?<!x)a', '(a)\\1', 'a*+'])
      expect(compileError(`Replace([x], "${evil}", "")`).message, evil).toMatch(/not supported|invalid/);
  });
});

describe('where a row error happened in the expression', () => {
  it.each([
    ['ParseDate([d], "dd-MM-yyyy")', 'in the expression at position 1'],
    ['Trim([x]) & ParseDate([d], "dd-MM-yyyy")', 'in the expression at position 13'],
    ['Coalesce(\n  [x],\n  ParseDate([d], "dd-MM-yyyy")\n)', 'in the expression at line 3, position 3'],
  ])('%j → %s', (text, where) => {
    const compiled = compileExpression(text, { valueMaps: {} });
    if (!compiled.ok) throw new Error(compiled.error.message);
    const r = compiled.expr.evaluate({ get: (a) => (a === 'd' ? '31-02-2024' : null), today: '2026-11-23' });
    expect(r.ok === false && r.error.message).toBe(
      `ParseDate: "31-02-2024" is not a valid date (no such day) (${where})`,
    );
    expect(r.ok === false && r.error.message).not.toMatch(/column/);
  });
});
