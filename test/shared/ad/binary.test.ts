import { describe, expect, it } from 'vitest';
import { escapeFilterBytes, guidToBytes, guidToString, sidToString } from '../../../src/shared/ad';

const hexBytes = (h: string): Uint8Array =>
  Uint8Array.from((h.match(/../g) ?? []).map((p) => parseInt(p, 16)));

describe('guidToString', () => {
  it.each([
    // Bytes as Samba sent them over LDAP; the string is what ldbsearch printed for the same user.
    ['06b6d160329692 4a8f3f7f9d6a04288d'.replace(' ', ''), '60d1b606-9632-4a92-8f3f-7f9d6a04288d'],
    // Microsoft's documentation example {F9168C5E-CEB2-4faa-B6BF-329BF39FA1E4}.
    ['5e8c16f9b2ceaa4fb6bf329bf39fa1e4', 'f9168c5e-ceb2-4faa-b6bf-329bf39fa1e4'],
    ['00000000000000000000000000000000', '00000000-0000-0000-0000-000000000000'],
  ])('%s → %s', (bytes, text) => {
    expect(guidToString(hexBytes(bytes))).toBe(text);
    expect(guidToBytes(text)).toEqual(hexBytes(bytes));
  });

  it('refuses values that are not 16 bytes instead of guessing', () => {
    expect(guidToString(new Uint8Array(15))).toBeNull();
    expect(guidToString(new Uint8Array(0))).toBeNull();
    expect(guidToBytes('60d1b606-9632-4a92-8f3f')).toBeNull();
    expect(guidToBytes('{60d1b606-9632-4a92-8f3f-7f9d6a04288d}')).toBeNull();
  });

  it('round-trips upper-case input to the lower-case canonical form', () => {
    const bytes = guidToBytes('F9168C5E-CEB2-4FAA-B6BF-329BF39FA1E4');
    expect(bytes && guidToString(bytes)).toBe('f9168c5e-ceb2-4faa-b6bf-329bf39fa1e4');
  });

  it('escapes bytes for a filter', () => {
    expect(escapeFilterBytes(hexBytes('06b6d1'))).toBe('\\06\\b6\\d1');
  });
});

describe('sidToString', () => {
  it.each([
    // A Samba user (domain SID as samba-tool printed it at provisioning, RID 2541).
    [
      '010500000000000515000000c5ee4de763b50ff46d5f2c09ed090000',
      'S-1-5-21-3880644293-4094670179-153902957-2541',
    ],
    ['01020000000000052000000020020000', 'S-1-5-32-544'], // BUILTIN\Administrators
    ['010100000000000100000000', 'S-1-1-0'], // Everyone
  ])('%s → %s', (bytes, sid) => {
    expect(sidToString(hexBytes(bytes))).toBe(sid);
  });

  it('reads sub-authorities above 2^31 as unsigned', () => {
    expect(sidToString(hexBytes('010200000000000515000000ffffffff'))).toBe('S-1-5-21-4294967295');
  });

  it('refuses truncated values', () => {
    expect(sidToString(hexBytes('0105000000000005150000'))).toBeNull();
    expect(sidToString(new Uint8Array(3))).toBeNull();
  });
});
