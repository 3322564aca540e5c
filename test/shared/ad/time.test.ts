import { describe, expect, it } from 'vitest';
import {
  accountExpiresToDate,
  filetimeToDate,
  generalizedTimeToDate,
  isAccountDisabled,
  uacFlags,
} from '../../../src/shared/ad';

describe('accountExpiresToDate', () => {
  it.each([
    ['0', null],
    ['9223372036854775807', null],
    ['', null],
    ['  ', null],
    ['-1', null],
    ['nooit', null],
    // "End of 30-06-2024" written in Amsterdam (CEST): 2024-06-30T22:00Z.
    ['133642584000000000', '2024-06-30'],
    // The same date written by an admin in UTC: 2024-07-01T00:00Z.
    ['133642656000000000', '2024-06-30'],
  ])('%j → %j', (raw, date) => {
    expect(accountExpiresToDate(raw)).toBe(date);
  });
});

describe('filetimeToDate', () => {
  it.each([
    ['134396397000000000', '2026-11-20'],
    ['133642656000000000', '2024-07-01'],
    ['0', null],
    ['9223372036854775807', null],
    ['12.5', null],
  ])('%j → %j', (raw, date) => {
    expect(filetimeToDate(raw)).toBe(date);
  });
});

describe('generalizedTimeToDate', () => {
  it.each([
    ['20261123081135.0Z', '2026-11-23'],
    ['20261123081135Z', '2026-11-23'],
    ['202611230811Z', '2026-11-23'],
    // Half past midnight in Amsterdam on new year's day is still 31 December in UTC.
    ['20240101003000+0100', '2023-12-31'],
    ['20231231233000-0100', '2024-01-01'],
    ['20240231120000Z', null],
    ['20241301120000Z', null],
    ['23-11-2026', null],
    ['', null],
  ])('%j → %j', (raw, date) => {
    expect(generalizedTimeToDate(raw)).toBe(date);
  });
});

describe('userAccountControl', () => {
  it.each([
    ['512', false],
    ['514', true],
    ['66048', false],
    ['66050', true],
    [546, true],
    ['', null],
    [null, null],
    ['uitgeschakeld', null],
    // AD sends the value as a signed 32-bit integer; the high bit must not break the disabled bit.
    ['-2147483136', false],
    ['-2147483134', true],
  ])('%j disabled = %j', (raw, disabled) => {
    expect(isAccountDisabled(raw)).toBe(disabled);
  });

  it('names the flags', () => {
    expect(uacFlags('514')).toEqual(['ACCOUNTDISABLE', 'NORMAL_ACCOUNT']);
    expect(uacFlags('66048')).toEqual(['NORMAL_ACCOUNT', 'DONT_EXPIRE_PASSWORD']);
    expect(uacFlags('x')).toEqual([]);
  });
});
