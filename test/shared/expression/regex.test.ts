import { describe, expect, it } from 'vitest';
import {
  compileUserRegex,
  MAX_REGEX_INPUT_LENGTH,
  type UserRegex,
} from '../../../src/shared/expression/regex';
import { compileOk } from './helpers';

function ok(pattern: string): UserRegex {
  const r = compileUserRegex(pattern);
  if (!r.ok) throw new Error(`${pattern}: ${r.reason}`);
  return r.regex;
}

/**
 * The patterns that froze the old backtracking engine (Replace([x], "(?:a?a?)+c", "") ran 152 s on 30
 * characters). Each is paired with a 10,000-character cell built to make a backtracking engine explore every
 * split. On RE2 each finishes (the test timeout is the bound; no timing is asserted).
 */
const CATASTROPHIC: [pattern: string, cell: string][] = [
  ['(?:a?a?)+c', 'a'.repeat(10_000)],
  ['(x?a|a)+$', `${'a'.repeat(9_999)}!`],
  ['.*.*.*=.*', 'x'.repeat(10_000)],
  ['\\s*\\s*x', ' '.repeat(10_000)],
  ['a*a*a*c', 'a'.repeat(10_000)],
  ['(a+)+$', `${'a'.repeat(9_999)}!`],
  ['(\\w+\\s?)+$', `${'Jan van der Berg '.repeat(588)}!`.slice(0, 10_000)],
];

describe('compileUserRegex (RE2)', () => {
  it.each(CATASTROPHIC)('%s completes on a 10,000-character cell', (pattern, cell) => {
    expect(cell.length).toBeLessThanOrEqual(MAX_REGEX_INPUT_LENGTH);
    const re = ok(pattern);
    const replaced = re.replaceAll(cell, '');
    // No match in any of these cells (they are built to fail at the end), so nothing is replaced…
    expect(replaced).toBe(cell);
    expect(re.test(cell)).toBe(false);
  });

  it.each(CATASTROPHIC)('Replace([x], %j, "") maps a 10,000-character cell', (pattern, cell) => {
    const expr = compileOk(`Replace([x], "${pattern}", "")`);
    const r = expr.evaluate({ get: (n) => (n === 'x' ? cell : undefined), today: '2026-11-23' });
    expect(r).toEqual({ ok: true, value: cell });
  });

  it.each<[string, string, string]>([
    ['(?:a?a?)+c', `${'a'.repeat(9_999)}c`, ''],
    ['(x?a|a)+$', `!${'a'.repeat(9_999)}`, '!'],
    ['.*.*.*=.*', `${'x'.repeat(9_999)}=`, ''],
    ['\\s*\\s*x', `${' '.repeat(9_999)}x`, ''],
    ['a*a*a*c', `b${'a'.repeat(9_998)}c`, 'b'],
  ])('%s finds the match at the end of a 10,000-character cell', (pattern, cell, expected) => {
    expect(cell).toHaveLength(10_000);
    const expr = compileOk(`Replace([x], "${pattern}", "")`);
    expect(expr.evaluate({ get: () => cell, today: '2026-11-23' })).toEqual({ ok: true, value: expected });
  });

  it('the catastrophic patterns still match ordinary text', () => {
    expect(ok('(?:a?a?)+c').replaceAll('aaac', '-')).toBe('-');
    expect(ok('(x?a|a)+$').replaceAll('bxaa', '-')).toBe('b-');
    expect(ok('.*.*.*=.*').test('sn=Berg')).toBe(true);
    expect(ok('\\s*\\s*x').replaceAll('a  x', '')).toBe('a');
    expect(ok('a*a*a*c').replaceAll('aac', 'C')).toBe('C');
  });

  it.each([
    ['[^0-9]', '06-1234 5678', '', '0612345678'],
    ['(\\w+) (\\w+)', 'Jan Berg', '$2, $1', 'Berg, Jan'],
    ['(?<first>\\w+) (?<last>\\w+)', 'Jan Berg', '$<last>, $<first>', 'Berg, Jan'],
    ['\\d', 'a1b2', '[$&]', 'a[1]b[2]'],
    ['a', 'aa', '$$', '$$'],
    ['(?i)^VAN ', 'van Dijk', '', 'Dijk'],
    ['^\\s+|\\s+$', '  Jansen  ', '', 'Jansen'],
    ['\\p{L}+', 'Müller-Lüdenscheidt', 'X', 'X-X'],
    ['é', 'Café', 'e', 'Cafe'],
    ['x*', 'ab', '-', '-a-b-'],
    ['[Vv]an ', 'Van Dam', '', 'Dam'],
  ])('%s on %j with %j', (pattern, text, replacement, expected) => {
    expect(ok(pattern).replaceAll(text, replacement)).toBe(expected);
  });

  it('gives the first match with its groups', () => {
    expect(ok('(\\d{4}) ?([A-Z]{2})(x)?').firstMatch('Postcode: 3511 AB Utrecht')).toEqual([
      '3511 AB',
      '3511',
      'AB',
      null,
    ]);
    expect(ok('z').firstMatch('abc')).toBeNull();
  });

  it.each([
    ['(?=a)b', /look-ahead and look-behind/],
    ['(?!a)b', /look-ahead and look-behind/],
    ['(?<=@)[a-z.]+', /look-ahead and look-behind/],
    ['(?<!x)a', /look-ahead and look-behind/],
    ['(a)\\1', /back-references/],
    ['(?<n>a)\\k<n>', /back-references/],
    ['\\u00e9', /\\x\{00e9\}/],
    ['a*+', /invalid regular expression: .*nested repetition/],
    ['(?>a)', /invalid regular expression/],
    ['(', /invalid regular expression/],
    ['[a-', /invalid regular expression/],
    ['a{2,1}', /invalid regular expression/],
    ['a{1001}', /invalid regular expression/],
    ['(?:a{0,999}){0,999}', /too large|invalid regular expression/],
    ['((a{0,100}){0,100})', /invalid repeat count/],
    ['\\pL{1000}'.repeat(6), /too large once its repeats are expanded/],
    ['x'.repeat(501), /too long/],
  ])('refuses %s with a clear message', (pattern, reason) => {
    const r = compileUserRegex(pattern);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
    if (!r.ok && !/too long|too large/.test(r.reason)) expect(r.reason).toContain('docs/expressions.md');
  });
});
