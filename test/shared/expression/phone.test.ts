import { describe, expect, it } from 'vitest';
import { compileError, evaluate, value } from './helpers';

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
          message: `PhoneE164: ${JSON.stringify(input)} is not a valid phone number for NL (column 1)`,
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
