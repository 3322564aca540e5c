import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { fastDutchE164 } from '../../../src/shared/expression/functions/phone';
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
