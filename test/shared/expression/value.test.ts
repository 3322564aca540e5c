import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import {
  isBlank,
  isPlainDate,
  plainDate,
  valuesEqual,
  valueToBoolean,
  valueToText,
} from '../../../src/shared/expression';
import { compareValues } from '../../../src/shared/expression/value';

describe('valueToText (how a value becomes a Plek text field)', () => {
  it.each<[Value, string | null]>([
    ['Jan', 'Jan'],
    ['', ''],
    [null, null],
    [42, '42'],
    [3.5, '3.5'],
    [true, 'true'],
    [false, 'false'],
    [plainDate('2024-01-31'), '2024-01-31'],
    [['ICT', '', ' ', null, 'HR'], 'ICT, HR'],
    [[], null],
    [['', null], null],
    [[plainDate('2024-01-31'), 1], '2024-01-31, 1'],
  ])('%j → %j', (v, expected) => expect(valueToText(v)).toBe(expected));
});

describe('valueToBoolean', () => {
  it.each<[Value, boolean]>([
    [true, true],
    [false, false],
    [null, false],
    [1, true],
    [0, false],
    ['true', true],
    [' TRUE ', true],
    ['1', true],
    ['ja', true],
    ['Ja', true],
    ['J', true],
    ['yes', true],
    ['waar', true],
    ['nee', false],
    ['0', false],
    ['false', false],
    ['', false],
    ['Actief', false],
    [plainDate('2024-01-31'), true],
    [['nee', 'ja'], true],
    [[], false],
  ])('%j → %j', (v, expected) => expect(valueToBoolean(v)).toBe(expected));
});

describe('isPlainDate and isBlank', () => {
  it('recognises dates only', () => {
    expect(isPlainDate(plainDate('2024-01-31'))).toBe(true);
    expect(isPlainDate({ kind: 'date', iso: '2024-01-31' })).toBe(true);
    expect(isPlainDate('2024-01-31')).toBe(false);
    expect(isPlainDate(null)).toBe(false);
    expect(isPlainDate([plainDate('2024-01-31')])).toBe(false);
  });

  it.each<[Value, boolean]>([
    [null, true],
    ['', true],
    [' \t', true],
    ['\u00a0', true],
    ['x', false],
    [0, false],
    [false, false],
    [[], true],
    [['', null], true],
    [['', 'x'], false],
  ])('isBlank(%j) → %j', (v, expected) => expect(isBlank(v)).toBe(expected));
});

describe('valuesEqual and compareValues', () => {
  it.each<[Value, Value, boolean]>([
    ['ICT', ' ict ', true],
    ['Müller', 'MÜLLER', true],
    ['Muller', 'Müller', false],
    ['Mu\u0308ller', 'MÜLLER', true], // decomposed ü
    ['', null, true],
    ['  ', '', true],
    ['x', null, false],
    [10, '10.0', true],
    [10, '10,0', true],
    ['10', '10.0', false],
    [true, 'ja', true],
    [plainDate('2024-01-31'), '2024-01-31', true],
    [plainDate('2024-01-31'), plainDate('2024-01-31'), true],
    [['a', 'b'], 'B', true],
    [[], null, false],
  ])('%j = %j → %j', (a, b, expected) => {
    expect(valuesEqual(a, b)).toBe(expected);
    expect(valuesEqual(b, a)).toBe(expected);
  });

  it.each<[Value, Value, number | null]>([
    [9, 10, -1],
    ['9', '10', -1],
    ['b', 'A', 1],
    [plainDate('2024-01-31'), plainDate('2024-02-01'), -1],
    [null, 1, null],
    ['', 'a', null],
  ])('compare(%j, %j) has sign %j', (a, b, sign) => {
    const c = compareValues(a, b);
    expect(c === null ? null : Math.sign(c)).toBe(sign);
  });
});
