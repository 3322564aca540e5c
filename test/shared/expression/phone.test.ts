import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { compactNumber, fastDutchE164 } from '../../../src/shared/expression/functions/phone';
import { compileError, evaluate, value } from './helpers';
import { mulberry32 as prng } from '../../../src/shared/random';

describe('PhoneE164', () => {
  it.each<[string | null, string | null]>([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['+31 (0)6 12345678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+31612345678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['+32 470 12 34 56', '+32470123456'],
    ['', null],
    ['   ', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(value('PhoneE164([x])', { x: input })).toBe(expected);
    expect(value('PhoneE164([x], "NL")', { x: input })).toBe(expected);
  });

  it.each(['0612', '06-1234567', 'onbekend', '12345678901234567890'])(
    '%j is an invalid-phone error',
    (input) => {
      const r = evaluate('PhoneE164([x])', { x: input });
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'invalid-phone',
          message: `PhoneE164: ${JSON.stringify(input)} is not a valid phone number for NL (in the expression at position 1)`,
        },
      });
    },
  );

  it('reads national numbers for another region', () => {
    expect(value('PhoneE164([x], "BE")', { x: '0470 12 34 56' })).toBe('+32470123456');
    expect(value('PhoneE164([x], "DE")', { x: '030 1234567' })).toBe('+49301234567');
  });

  it('maps multi-valued attributes', () => {
    expect(value('PhoneE164([x])', { x: ['06-12345678', '020-1234567'] })).toEqual([
      '+31612345678',
      '+31201234567',
    ]);
  });

  it('refuses an unknown region at compile time', () => {
    expect(compileError('PhoneE164([x], "XX")').message).toBe(
      'unknown phone region "XX" (use a two-letter country code such as "NL") at column 16',
    );
    expect(compileError('PhoneE164([x], "nl")').message).toContain('unknown phone region');
  });
});

describe('the fast path for plainly written Dutch numbers', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['0800-1234', '+318001234'],
  ])('takes %j → %j', (input, expected) => {
    expect(fastDutchE164(input)).toBe(expected);
  });

  it.each(['+31 (0)6 12345678', '0612', '+32 470 12 34 56', '06-12345678 ext 12', '0900-FLORIST', '', '00'])(
    'leaves %j to libphonenumber',
    (input) => {
      expect(fastDutchE164(input)).toBeUndefined();
    },
  );

  it('agrees with libphonenumber on 20,000 generated numbers', () => {
    const rand = prng(31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const prefixes = [
      '',
      '0',
      '0',
      '+31',
      '+31 ',
      '0031',
      '0031 ',
      '+310',
      '00',
      '+32',
      '+',
      '0 0',
      '(0',
      '+31 (0)',
    ];
    const separators = ['', '', '', ' ', '-', '.', '(', ')'];
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 3 + Math.floor(rand() * 10);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(Math.floor(rand() * 10)) + pick(separators);
      const input = pick(prefixes) + digits;
      const fast = fastDutchE164(input);
      if (fast === undefined) continue;
      taken++;
      const lib = parsePhoneNumberFromString(input, 'NL');
      expect(lib?.isValid() && lib.number, input).toBe(fast);
    }
    // the generator really does produce plain Dutch numbers
    expect(taken).toBeGreaterThan(1000);
  });
});

describe('compactNumber (one pass instead of two regular expressions)', () => {
  /** What the fast path did before: test the shape, then drop the separators. */
  const byRegex = (text: string) =>
    /^\+?[\d\s\-.()]+$/.test(text) ? text.replace(/[\s\-.()]/g, '') : undefined;

  it.each([
    ['06-12345678', '0612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['(020) 123.45.67', '0201234567'],
    ['0612345678', '0612345678'],
    ['06\u00a012\u202f34\t5678', '0612345678'],
    ['+', undefined],
    ['', undefined],
    ['++31 6', undefined],
    ['06-1234567+8', undefined],
    ['06 12 34 56 78 ext', undefined],
    ['٠٦١٢', undefined],
  ])('%j → %j', (input, expected) => {
    expect(compactNumber(input)).toBe(expected);
    expect(byRegex(input)).toBe(expected);
  });

  it('agrees with the regular expressions on 30,000 generated texts with every kind of space and stray signs', () => {
    const rand = prng(77);
    const parts = [
      '0',
      '6',
      '31',
      '+',
      ' ',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\n',
      '-',
      '.',
      '(',
      ')',
      '/',
      'x',
      '\u200b',
      '_',
    ];
    let kept = 0;
    for (let i = 0; i < 30_000; i++) {
      let text = '';
      const length = Math.floor(rand() * 12);
      for (let p = 0; p < length; p++) text += parts[Math.floor(rand() * parts.length)]!;
      const expected = byRegex(text);
      if (expected !== undefined) kept++;
      expect(compactNumber(text), JSON.stringify(text)).toBe(expected);
    }
    expect(kept).toBeGreaterThan(1000);
  });
});
