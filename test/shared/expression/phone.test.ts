import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import metadata from 'libphonenumber-js/metadata.min.json';
import { fastDutchE164 } from '../../../src/shared/expression/functions/phone';
import { compileError, evaluate, value } from './helpers';
import { mulberry32 as prng } from '../../../src/shared/random';

/** How generated phone numbers start: Dutch ways, wrong ways, other countries, the trunk prefix in brackets. */
const PREFIXES = [
  '',
  '0',
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
    const separators = ['', '', '', ' ', '-', '.', '(', ')'];
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 3 + Math.floor(rand() * 10);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(Math.floor(rand() * 10)) + pick(separators);
      const input = pick(PREFIXES) + digits;
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

describe('fastDutchE164 reads a number in one pass as the two-step reading did', () => {
  /**
   * The fast path as it was first written: test the shape and drop the separators with regular expressions, then cut
   * the national number from the compact text and test it with the plan's pattern. The one-pass version (digits in a
   * scratch array, the result the only string made) must give the same answer for every text.
   */
  const nl = (metadata.countries as unknown as Record<string, unknown[]>)['NL']!;
  const plan = new RegExp(`^(?:${nl[2] as string})$`);
  const lengths = new Set(nl[3] as number[]);
  const twoStep = (text: string): string | undefined => {
    if (!/^\+?[\d\s\-.()]+$/.test(text) || text.includes('(0)')) return undefined;
    const compact = text.replace(/[\s\-.()]/g, '');
    let national: string;
    if (compact.startsWith('+31')) national = compact.slice(3);
    else if (compact.startsWith('0031')) national = compact.slice(4);
    else if (compact.startsWith('0') && !compact.startsWith('00')) national = compact.slice(1);
    else return undefined;
    if (national === '' || national.startsWith('0') || !lengths.has(national.length)) return undefined;
    return plan.test(national) ? `+31${national}` : undefined;
  };

  it.each([
    ['06-12345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['(020) 123.45.67', '+31201234567'],
    ['06\u00a012\u202f34\t5678', '+31612345678'],
    ['0800-1234', '+318001234'],
    ['0031 20 1234567', '+31201234567'],
    ['+', undefined],
    ['', undefined],
    ['0', undefined],
    ['++31 6', undefined],
    ['06-1234567+8', undefined],
    ['06 12 34 56 78 ext', undefined],
    ['٠٦١٢', undefined],
    ['0031', undefined],
    ['+310612345678', undefined],
    ['(0)612345678', undefined],
    ['0612345678901234567890123456', undefined],
  ])('%j → %j', (input, expected) => {
    expect(fastDutchE164(input)).toBe(expected);
    expect(twoStep(input)).toBe(expected);
  });

  it('agrees on 40,000 generated texts: numbers with every kind of separator and prefix, stray signs and spaces', () => {
    const rand = prng(77);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
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
    ];
    let taken = 0;
    for (let i = 0; i < 40_000; i++) {
      let text = pick(PREFIXES);
      const length = 1 + Math.floor(rand() * 12);
      for (let p = 0; p < length; p++)
        text += rand() < 0.8 ? String(Math.floor(rand() * 10)) : parts[Math.floor(rand() * parts.length)]!;
      const expected = twoStep(text);
      if (expected !== undefined) taken++;
      expect(fastDutchE164(text), JSON.stringify(text)).toBe(expected);
    }
    // plenty of plain Dutch numbers among them, and plenty of texts left to libphonenumber
    expect(taken).toBeGreaterThan(2000);
    expect(taken).toBeLessThan(36_000);
  });
});
