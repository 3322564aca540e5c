import { describe, expect, it } from 'vitest';
import { compileUserRegex, hasNestedQuantifier } from '../../../src/shared/expression/regex';

describe('hasNestedQuantifier', () => {
  it.each([
    '(a+)+',
    '(a+)+$',
    '(a*)*',
    '(\\w+\\s?)+',
    '(?:a+)+',
    '(a+){2,}',
    '(a+){2}',
    '(x+y?){2,}',
    '((ab)+)+',
    '((a)+b)*',
    '([a-z]+)*@',
    '(.*a){20}',
    '(a|b+)+',
    '(a{2,})+',
    '([^,]+,?)*',
    '(a|aa)*b',
    '(a|a)*',
    '(\\w|\\d)+',
    '(?:x|xy)+z',
    '(|a)+',
    '(a|)+',
    '(.|\\s)*',
    '(van|von)+', // refused although harmless: the docs suggest (v[ao]n)+
  ])('flags %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(true);
  });

  it.each([
    '[^0-9]',
    '(\\d{2})-(\\d{2})-(\\d{4})',
    '(a|b)*',
    '(ab)+',
    '(a+)?',
    '(a+){1}',
    '(a+){0,1}',
    '\\(a+\\)+',
    '[(a+)]+',
    '[\\]a+]+',
    '^\\s+|\\s+$',
    '(\\w+) (\\w+)',
    '^(van|de|der)\\s',
    '(?<=@)[a-z.]+',
    '(a)(b+)c*',
    '(a|b)*',
    '(,|;)+',
    '(?:ab|cd)+',
    '(?<sep>-|/)+',
    '(a|aa)',
    '(a|aa)?',
    '(v[ao]n)+',
  ])('accepts %s', (pattern) => {
    expect(hasNestedQuantifier(pattern)).toBe(false);
  });
});

describe('compileUserRegex', () => {
  it('compiles a global regex', () => {
    const r = compileUserRegex('[^0-9]');
    expect(r.ok && r.regex.flags).toBe('g');
  });

  it.each([
    ['(', /invalid regular expression/],
    ['[a-', /invalid regular expression/],
    ['a{2,1}', /invalid regular expression/],
    ['(a+)+', /repeated group/],
    ['x'.repeat(501), /too long/],
  ])('refuses %s', (pattern, reason) => {
    const r = compileUserRegex(pattern);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});
