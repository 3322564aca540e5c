import type { PlainDate } from './value';

/**
 * Calendar-date helpers. Dates are plain days: arithmetic goes through day numbers (days since 1970-01-01 in
 * the proleptic Gregorian calendar, computed with Date.UTC) so that no local time zone is ever involved.
 */

const MS_PER_DAY = 86_400_000;

// Built here rather than with value.ts's plainDate so that value.ts can read dates without an import cycle.
function plainDate(iso: string): PlainDate {
  return { kind: 'date', iso };
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function ymdToIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The date, or undefined when the day does not exist (31-02, 29-02 outside leap years): never rolled over. */
export function makeDate(y: number, m: number, d: number): PlainDate | undefined {
  return isValidYmd(y, m, d) ? plainDate(ymdToIso(y, m, d)) : undefined;
}

export function isoParts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Days since 1970-01-01. */
export function dayNumber(date: PlainDate): number {
  const [y, m, d] = isoParts(date.iso);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear, unlike Date.UTC, does not shift years 0..99 to 1900..1999
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** The date `days` after 1970-01-01, or undefined outside years 1..9999. */
export function fromDayNumber(days: number): PlainDate | undefined {
  if (!Number.isFinite(days)) return undefined;
  const t = new Date(Math.round(days) * MS_PER_DAY);
  const y = t.getUTCFullYear();
  if (Number.isNaN(y) || y < 1 || y > 9999) return undefined;
  return plainDate(ymdToIso(y, t.getUTCMonth() + 1, t.getUTCDate()));
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = isoParts(text);
  return isValidYmd(y, m, d);
}

/**
 * Why a text that looks like a date is not one: the English `invalid` for logs, and `why`, the catalogue's name
 * for it (`eval.invalidDate.invalid`), with `a`/`b` for an ambiguous day and month.
 */
export interface InvalidDate {
  readonly invalid: string;
  readonly why:
    | 'noSuchDay'
    | 'outOfRange'
    | 'excelRange'
    | 'excel1900'
    | 'filetimeDigits'
    | 'ambiguous'
    | 'serialAmongText';
  readonly a?: number;
  readonly b?: number;
}

/** Why a date could not be read; `undefined` result from a parser means "not this format". */
export type DateParse = PlainDate | null | InvalidDate;

// Shared and frozen: a failed row allocates nothing for its reason.
const NO_SUCH_DAY: InvalidDate = Object.freeze({ invalid: 'no such day', why: 'noSuchDay' });
const OUT_OF_RANGE: InvalidDate = Object.freeze({ invalid: 'out of range', why: 'outOfRange' });
const EXCEL_RANGE: InvalidDate = Object.freeze({
  invalid: 'Excel serial numbers run from 1 to 2958465',
  why: 'excelRange',
});
const EXCEL_1900: InvalidDate = Object.freeze({
  invalid: 'serial 60 is 29-02-1900, a day that does not exist (Excel 1900 bug)',
  why: 'excel1900',
});
const FILETIME_DIGITS: InvalidDate = Object.freeze({
  invalid: 'a FILETIME is a whole number of up to 19 digits',
  why: 'filetimeDigits',
});

export const DATE_FORMAT_KEYWORDS = ['excel', 'generalizedTime', 'filetime', 'auto'] as const;

// Day numbers of the epochs used by directory and spreadsheet serials.
const EXCEL_EPOCH = -25_569; // 1899-12-30: serial 1 = 1900-01-01 once the phantom 29-02-1900 is accounted for
const FILETIME_EPOCH = -134_774; // 1601-01-01
const TICKS_PER_DAY = 864_000_000_000n;
const FILETIME_NEVER = 9_223_372_036_854_775_807n;

/** Excel serial (1 = 1900-01-01; 60 is Excel's non-existent 29-02-1900); the time fraction is dropped. */
export function fromExcelSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return EXCEL_RANGE;
  const whole = Math.floor(serial);
  if (whole === 60) return EXCEL_1900;
  return fromDayNumber(EXCEL_EPOCH + whole + (whole < 60 ? 1 : 0)) ?? OUT_OF_RANGE;
}

/** Windows FILETIME: 100 ns ticks since 1601-01-01 UTC; 0 and 2^63-1 mean "never" (null). UTC day. */
export function fromFiletime(text: string): DateParse {
  if (!/^\d{1,19}$/.test(text)) return FILETIME_DIGITS;
  const ticks = BigInt(text);
  if (ticks === 0n || ticks === FILETIME_NEVER) return null;
  if (ticks > FILETIME_NEVER) return OUT_OF_RANGE;
  return fromDayNumber(FILETIME_EPOCH + Number(ticks / TICKS_PER_DAY)) ?? OUT_OF_RANGE;
}

/** LDAP generalized time `20240131143000.0Z` (also without fraction, with an offset, or only yyyyMMddHH). */
export function fromGeneralizedTime(text: string): DateParse | undefined {
  const m =
    /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?(?:[.,]\d+)?(?:Z|[-+]\d{2}(?:\d{2})?)?$/i.exec(text);
  if (!m) return undefined;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? NO_SUCH_DAY;
}

interface FormatToken {
  kind: 'y' | 'M' | 'd' | 'literal';
  width: number;
  text: string;
}

const FORMAT_TOKEN = /yyyy|yy|MM|M|dd|d/y;

/**
 * Splits a date format such as "dd-MM-yyyy" into parts; says which part repeats when it is not usable.
 * Tokens: yyyy, yy (FormatDate only), MM, M, dd, d; anything else is literal text.
 */
export function parseDateFormat(
  format: string,
): FormatToken[] | { reason: string; repeats: 'y' | 'M' | 'd' } {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    FORMAT_TOKEN.lastIndex = i;
    const m = FORMAT_TOKEN.exec(format);
    if (m) {
      const t = m[0];
      tokens.push({ kind: t[0] as 'y' | 'M' | 'd', width: t.length, text: t });
      i += t.length;
    } else {
      const last = tokens[tokens.length - 1];
      if (last?.kind === 'literal') last.text += format[i];
      else tokens.push({ kind: 'literal', width: 0, text: format[i]! });
      i++;
    }
  }
  for (const k of ['y', 'M', 'd'] as const)
    if (tokens.filter((t) => t.kind === k).length > 1)
      return { reason: `format ${JSON.stringify(format)} repeats ${k}`, repeats: k };
  return tokens;
}

/**
 * A reader for a parsed format (strict: `yyyy`, `MM`, `dd`, `yy` exactly as wide as written, `d`/`M` one or two
 * digits, literal characters as written). Built once per expression as an anchored regular expression.
 */
export function formatReader(tokens: FormatToken[]): (text: string) => DateParse | undefined {
  let source = '^';
  let yearGroup = 0;
  let monthGroup = 0;
  let dayGroup = 0;
  let group = 0;
  let twoDigitYear = false;
  for (const t of tokens) {
    if (t.kind === 'literal') {
      source += t.text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
      continue;
    }
    group++;
    source += t.width === 1 ? '(\\d{1,2})' : `(\\d{${t.width}})`;
    if (t.kind === 'y') {
      yearGroup = group;
      twoDigitYear = t.width === 2;
    } else if (t.kind === 'M') monthGroup = group;
    else dayGroup = group;
  }
  const re = new RegExp(`${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (m === null || yearGroup === 0 || monthGroup === 0 || dayGroup === 0) return undefined;
    const y = Number(m[yearGroup]);
    return makeDate(twoDigitYear ? 2000 + y : y, Number(m[monthGroup]), Number(m[dayGroup])) ?? NO_SUCH_DAY;
  };
}

const AUTO_DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const AUTO_YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const AUTO_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const AUTO_NAMED = /^(\d{1,2})[-\s.]+(\p{L}+)[-\s.]+(\d{4})$/u;

/** Dutch and English month names and abbreviations, as HR exports write them ("31 januari 2024", "1-mrt-2024"). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'january', 'jan'],
    ['februari', 'february', 'feb'],
    ['maart', 'march', 'mrt', 'mar', 'maa'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'june', 'jun'],
    ['juli', 'july', 'jul'],
    ['augustus', 'august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'october', 'okt', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, i) => names.map((n): [string, number] => [n, i + 1])),
);
const TIME_SUFFIX = /[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[-+]\d{2}:?\d{2})?$/i;

/** Excel serials "auto" accepts: 1930-01-01 … 2099-12-31, the days an HR export holds. */
export const PLAUSIBLE_SERIALS = { min: 10_959, max: 73_050 } as const;
const AUTO_SERIAL = /^(\d{5})(?:[.,]\d+)?$/;

/**
 * "auto": yyyy-MM-dd, dd-MM-yyyy and d-M-yyyy with -, / or . as separator, "31 januari 2024" / "1-mrt-2024"
 * (Dutch or English month names), (a trailing time such as
 * " 00:00:00" or "T10:00:00Z" is ignored: the day is taken as written), yyyyMMdd, LDAP generalized time,
 * 18-digit FILETIME (and 0 / 9223372036854775807 as "never": null), then Excel serial numbers — only five-digit
 * ones for 1930–2099, so "2024" or "310124" are not read as 1905 or 2749.
 * With "/" and both numbers 12 or less ("02/03/2024") the day and month cannot be told apart: invalid, unless
 * a format is given; with "-" or "." the Dutch day-first order is taken.
 */
export function parseAuto(text: string): DateParse | undefined {
  const bare = text.replace(TIME_SUFFIX, '');
  let m = AUTO_YMD.exec(bare);
  if (m) return makeDate(Number(m[1]), Number(m[3]), Number(m[4])) ?? NO_SUCH_DAY;
  m = AUTO_DMY.exec(bare);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (m[2] === '/' && a <= 12 && b <= 12 && a !== b) {
      return {
        invalid: `${a}/${b} could be day/month or month/day; give the format, e.g. ParseDate([…], "dd/MM/yyyy")`,
        why: 'ambiguous',
        a,
        b,
      };
    }
    return makeDate(Number(m[4]), b, a) ?? NO_SUCH_DAY;
  }
  m = AUTO_NAMED.exec(bare);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    if (month !== undefined) return makeDate(Number(m[3]), month, Number(m[1])) ?? NO_SUCH_DAY;
  }
  m = AUTO_BASIC.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? NO_SUCH_DAY;
  // "0" is AD's "never" (accountExpires, pwdLastSet), not an Excel serial
  if (/^\d{18}$/.test(text) || text === '9223372036854775807' || text === '0') return fromFiletime(text);
  const g = fromGeneralizedTime(text);
  if (g !== undefined) return g;
  m = AUTO_SERIAL.exec(text);
  if (m) {
    const whole = Number(m[1]);
    if (whole < PLAUSIBLE_SERIALS.min || whole > PLAUSIBLE_SERIALS.max) return undefined;
    return fromExcelSerial(Number(text.replace(',', '.')));
  }
  return undefined;
}

/** True when "auto" read the text as an Excel serial number. */
export function isAutoSerial(text: string): boolean {
  return AUTO_SERIAL.test(text);
}

/** Writes a date with a parsed format; `yy` gives the last two digits of the year. */
export function formatWith(date: PlainDate, tokens: FormatToken[]): string {
  const [y, m, d] = isoParts(date.iso);
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'y':
        out += t.width === 2 ? pad(y % 100, 2) : pad(y, 4);
        break;
      case 'M':
        out += t.width === 2 ? pad(m, 2) : String(m);
        break;
      case 'd':
        out += t.width === 2 ? pad(d, 2) : String(d);
        break;
    }
  }
  return out;
}
