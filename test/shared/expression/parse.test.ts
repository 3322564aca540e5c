import { describe, expect, it } from 'vitest';
import type { ExprNode } from '../../../src/shared/expression';
import {
  binary,
  call,
  literal,
  MAX_EXPRESSION_LENGTH,
  not,
  parseExpression,
  ref,
  stripPositions,
} from '../../../src/shared/expression';

function ast(text: string): ExprNode {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return stripPositions(r.ast);
}

function error(text: string) {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`expected a syntax error in ${text}`);
  return r.error;
}

describe('parseExpression', () => {
  it.each<[string, ExprNode]>([
    ['[Achternaam]', ref('Achternaam')],
    ['[Datum in dienst]', ref('Datum in dienst')],
    ['[E-mail]', ref('E-mail')],
    ['[Afdeling.Code]', ref('Afdeling.Code')],
    ['[Straße]', ref('Straße')],
    ['[a]]b]', ref('a]b')],
    ['[x]]]', ref('x]')],
    ['"text with \\"escapes\\""', literal('text with "escapes"')],
    ['"C:\\\\temp"', literal('C:\\temp')],
    ['"\\d+"', literal('\\d+')],
    ['""', literal('')],
    ['42', literal(42)],
    ['3.5', literal(3.5)],
    ['-1', literal(-1)],
    ['-0', literal(0)],
    ['1e3', literal(1000)],
    ['true', literal(true)],
    ['FALSE', literal(false)],
    ['Null', literal(null)],
    ['join(" ", [a])', call('Join', [literal(' '), ref('a')])],
    ['IIF(true, 1, 2)', call('IIF', [literal(true), literal(1), literal(2)])],
    ['iif(true, 1, 2)', call('IIF', [literal(true), literal(1), literal(2)])],
    ['Today()', call('Today', [])],
    ['Jion([a])', call('Jion', [ref('a')])],
    ['[a] = "x"', binary('=', ref('a'), literal('x'))],
    ['[a] != "x"', binary('<>', ref('a'), literal('x'))],
    ['[a] & " " & [b]', binary('&', binary('&', ref('a'), literal(' ')), ref('b'))],
    ['[a] or [b] and [c]', binary('or', ref('a'), binary('and', ref('b'), ref('c')))],
    ['([a] or [b]) and [c]', binary('and', binary('or', ref('a'), ref('b')), ref('c'))],
    ['NOT [a] = "x"', not(binary('=', ref('a'), literal('x')))],
    ['not not [a]', not(not(ref('a')))],
    [
      '[a] < 1 AND [b] >= 2',
      binary('and', binary('<', ref('a'), literal(1)), binary('>=', ref('b'), literal(2))),
    ],
    ['[a] & "x" = "yx"', binary('=', binary('&', ref('a'), literal('x')), literal('yx'))],
    ['  [a]\n\t= 1 ', binary('=', ref('a'), literal(1))],
    ['\ufeff[a]\r\n=\u00a01', binary('=', ref('a'), literal(1))],
  ])('%s', (text, expected) => {
    expect(ast(text)).toEqual(expected);
  });

  it('records 0-based start/end offsets', () => {
    const r = parseExpression('Join(" ", [Roepnaam])');
    expect(r.ok && r.ast).toMatchObject({
      kind: 'call',
      start: 0,
      end: 21,
      args: [
        { kind: 'literal', start: 5, end: 8 },
        { kind: 'ref', start: 10, end: 20 },
      ],
    });
    const b = parseExpression('[a] = "x"');
    expect(b.ok && b.ast).toMatchObject({
      start: 0,
      end: 9,
      left: { start: 0, end: 3 },
      right: { start: 6, end: 9 },
    });
  });

  it.each<[string, string, number]>([
    ['Join(" ", [a]', 'expected ")" at column 14', 14],
    ['Join(" " [a])', 'expected ")" at column 10', 10],
    ['"abc', 'unterminated string starting at column 1', 1],
    ['Lower("abc)', 'unterminated string starting at column 7', 7],
    ['[Achternaam', 'unterminated attribute name starting at column 1', 1],
    ['[]', 'empty attribute name at column 1', 1],
    ['', 'empty expression at column 1', 1],
    ['   ', 'empty expression at column 1', 1],
    ['[a] =', 'unexpected end of expression at column 6', 6],
    ['[a] [b]', 'unexpected attribute at column 5', 5],
    [
      'Achternaam',
      'unknown name Achternaam (an attribute is written [Achternaam], a function call Achternaam(…))',
      1,
    ],
    ['[a] + 1', 'unexpected "+" at column 5', 5],
    ['[a] and or [b]', 'unexpected "or" at column 9', 9],
    ['Join(, [a])', 'unexpected "," at column 6', 6],
    ['1.', 'expected a digit after "." at column 3', 3],
    ['12abc', 'unexpected "a" at column 3', 3],
    ['"a" €', 'unexpected "€" at column 5', 5],
    ['Join(“ ”, [a])', 'unexpected "“" (write text in straight double quotes: "…") at column 6', 6],
    ['[a] = (not [b]', 'expected ")" at column 15', 15],
  ])('%j → %s', (text, message, column) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect(e.column).toBe(column);
    expect(e.offset).toBe(column - 1);
  });

  it('refuses expressions longer than the limit without trying to parse them', () => {
    const e = error(`"${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`);
    expect(e.message).toMatch(/too long/);
  });

  it('refuses deep nesting with a message instead of overflowing the stack', () => {
    expect(error(`${'('.repeat(100_00 / 2 - 10)}1${')'.repeat(100_00 / 2 - 10)}`).message).toMatch(
      /too many nested/,
    );
    expect(error(`${'Lower('.repeat(65)}"a"${')'.repeat(65)}`).message).toMatch(
      /too many nested.*at column 385/,
    );
    expect(error(`${'not '.repeat(2000)}true`).message).toMatch(/too many nested/);
    expect(error(Array.from({ length: 300 }, () => '1').join('&')).message).toMatch(/nested too deeply/);
    expect(parseExpression(`${'Lower('.repeat(64)}"a"${')'.repeat(64)}`).ok).toBe(true);
  });

  it('does not treat keywords as function names', () => {
    expect(error('not(1, 2)').message).toMatch(/expected "\)"/);
    expect(ast('not([a])')).toEqual(not(ref('a')));
  });
});
