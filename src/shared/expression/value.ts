import { parseAuto } from './date';

/** A calendar date (no time, no time zone): `iso` is yyyy-MM-dd. */
export interface PlainDate {
  readonly kind: 'date';
  readonly iso: string;
}

/** What an expression computes. Lists come from multi-valued directory attributes and `Split`. */
export type Value = string | number | boolean | null | PlainDate | Value[];

export function isPlainDate(v: unknown): v is PlainDate {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PlainDate).kind === 'date';
}

export function plainDate(iso: string): PlainDate {
  return { kind: 'date', iso };
}

/** True for null, empty and whitespace-only text, and lists holding nothing else. */
export function isBlank(v: Value): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return v.trim().length === 0;
  if (Array.isArray(v)) return v.every(isBlank);
  return false;
}

/**
 * How a value becomes a Plek text field: dates as yyyy-MM-dd, booleans as "true"/"false", numbers in plain
 * notation, lists as their non-empty items joined with ", " (null when there are none); null stays null.
 */
export function valueToText(v: Value): string | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      break;
  }
  if (Array.isArray(v)) {
    let out: string | null = null;
    for (const item of v) {
      const t = valueToText(item);
      if (t === null || t.trim() === '') continue;
      out = out === null ? t : `${out}, ${t}`;
    }
    return out;
  }
  // Only a PlainDate is left by type; anything else a careless source hands in reads as no value.
  return isPlainDate(v) ? v.iso : null;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'ja', 'j', 'waar', 'on']);

/**
 * Truth of a value in `IIF`, `and`, `or`, `not`: booleans as they are; numbers other than 0; text only when it
 * is (trimmed, any case) true/1/yes/y/ja/j/waar/on — so "Nee", "0", "" and null are false; a date is true;
 * a list is true when any item is.
 */
export function valueToBoolean(v: Value): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && !Number.isNaN(v);
    case 'string':
      return TRUE_WORDS.has(v.trim().toLowerCase());
    default:
      break;
  }
  if (Array.isArray(v)) return v.some(valueToBoolean);
  return true;
}

/**
 * Key used for every text comparison (`=`, `In`, `Switch`, `ValueMap`, group rules, duplicate emails): trimmed,
 * inner runs of whitespace (NBSP, tabs, line breaks included) collapsed to one space, zero-width characters
 * dropped, lower-cased and NFC-normalised — so "UIT  DIENST" and "Uit<NBSP>dienst" match "Uit dienst".
 */
export function matchKey(text: string): string {
  const key = text.trim().toLowerCase();
  // Most values need none of this; one test keeps the common case fast (this runs for every row).
  if (!NEEDS_NORMALISING.test(key)) return key;
  const spaced = key.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
  // NFC so that a decomposed "u + ¨" (macOS exports) matches "ü"
  return COMBINING_MARK.test(spaced) ? spaced.normalize('NFC') : spaced;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060]/g;
const NEEDS_NORMALISING = /\s\s|[^\S ]|[\u200B-\u200D\u2060\p{M}]/u;
const COMBINING_MARK = /\p{M}/u;

/** Number from a number or numeric text ("3.5" or Dutch "3,5"); null when it is not a number. */
export function toNumberOrNull(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (!/^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * `=` semantics. Null equals null and blank text; numbers compare numerically (numeric text too); dates compare
 * by day (text in yyyy-MM-dd too); other text compares trimmed and case-insensitively. A list equals a value when
 * any of its items does (a multi-valued attribute "contains").
 */
export function valuesEqual(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return textEquals(a, b);
  if (Array.isArray(a)) return a.some((x) => valuesEqual(x, b));
  if (Array.isArray(b)) return b.some((y) => valuesEqual(a, y));
  const aBlank = isBlank(a);
  const bBlank = isBlank(b);
  if (aBlank || bBlank) return aBlank && bBlank;
  const dates = asDatePair(a, b);
  if (dates !== undefined) return dates !== null && dates[0] === dates[1];
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumberOrNull(a);
    const y = toNumberOrNull(b);
    if (x !== null && y !== null) return x === y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return valueToBoolean(a) === valueToBoolean(b);
  return matchKey(valueToText(a)!) === matchKey(valueToText(b)!);
}

/** Text equality of `=`: trimmed, case-insensitive, blank equals blank. The fast path of `valuesEqual`. */
export function textEquals(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  return matchKey(x) === matchKey(y);
}

/**
 * Ordering for `<`, `<=`, `>`, `>=`: negative, 0 or positive; null when the values cannot be ordered (either is
 * blank) — the comparison is then false. Numbers (and numeric text) numerically, dates and ISO text by day,
 * other text case-insensitively by code point. Lists are ordered by their first item.
 */
export function compareValues(a: Value, b: Value): number | null {
  if (Array.isArray(a)) return a.length === 0 ? null : compareValues(a[0]!, b);
  if (Array.isArray(b)) return b.length === 0 ? null : compareValues(a, b[0]!);
  if (isBlank(a) || isBlank(b)) return null;
  const dates = asDatePair(a, b);
  if (dates !== undefined)
    return dates === null ? null : dates[0] < dates[1] ? -1 : dates[0] > dates[1] ? 1 : 0;
  const x = toNumberOrNull(a);
  const y = toNumberOrNull(b);
  if (x !== null && y !== null) return x - y;
  const s = matchKey(valueToText(a)!);
  const t = matchKey(valueToText(b)!);
  return s < t ? -1 : s > t ? 1 : 0;
}

/**
 * When one side is a date: both as ISO days, so that `[Einddatum] < Today()` works on "31-01-2024" too (the text
 * is read as ParseDate "auto" reads it); null when the other side is not a date at all. Undefined when neither
 * side is a date.
 */
function asDatePair(a: Value, b: Value): [string, string] | null | undefined {
  const aDate = isPlainDate(a);
  const bDate = isPlainDate(b);
  if (!aDate && !bDate) return undefined;
  const x = aDate ? a.iso : textToIsoDate(a);
  const y = bDate ? b.iso : textToIsoDate(b);
  return x === undefined || y === undefined ? null : [x, y];
}

function textToIsoDate(v: Value): string | undefined {
  if (typeof v !== 'string') return undefined;
  const d = parseAuto(v.trim());
  return isPlainDate(d) ? d.iso : undefined;
}
