import type { CallNode } from '../ast';
import type { DateParse, InvalidDate } from '../date';
import {
  dayNumber,
  formatReader,
  formatWith,
  fromDayNumber,
  fromExcelSerial,
  fromFiletime,
  fromGeneralizedTime,
  isAutoSerial,
  isIsoDate,
  parseAuto,
  parseDateFormat,
} from '../date';
import { failAt, type EvalEnv } from '../runtime';
import type { PlainDate, Value } from '../value';
import { isBlank, isPlainDate, plainDate, valueToText } from '../value';
import type { FunctionDef } from './define';
import { compileError, eager, literalText, toInteger } from './define';

type Reader = (text: string) => DateParse | undefined;

/** Why a date format cannot be used: the English reason, and the catalogue code with its parameters. */
interface FormatRefusal {
  refused: true;
  reason: string;
  code: 'dateFormatRepeats' | 'dateFormatIncomplete' | 'dateFormatEmpty';
  params: Record<string, string>;
}

function repeats(format: string, r: { reason: string; repeats: 'y' | 'M' | 'd' }): FormatRefusal {
  return { refused: true, reason: r.reason, code: 'dateFormatRepeats', params: { format, part: r.repeats } };
}

/** A reader for a ParseDate format, or why the format is unusable (a compile error). */
function readerFor(format: string): Reader | FormatRefusal {
  switch (format) {
    case 'auto':
      return parseAuto;
    case 'excel':
      return (t) =>
        /^\d{1,7}(?:[.,]\d+)?$/.test(t) ? fromExcelSerial(Number(t.replace(',', '.'))) : undefined;
    case 'generalizedTime':
      return fromGeneralizedTime;
    case 'filetime':
      return (t) => (/^\d{1,19}$/.test(t) ? fromFiletime(t) : undefined);
    default: {
      const tokens = parseDateFormat(format);
      if (!Array.isArray(tokens)) return repeats(format, tokens);
      const kinds = new Set(tokens.map((t) => t.kind));
      if (!kinds.has('y') || !kinds.has('M') || !kinds.has('d'))
        return {
          refused: true,
          reason: `date format ${JSON.stringify(format)} needs a year, a month and a day (yyyy, MM, dd) or one of "auto", "excel", "generalizedTime", "filetime"`,
          code: 'dateFormatIncomplete',
          params: { format },
        };
      return formatReader(tokens);
    }
  }
}

const SERIAL_AMONG_TEXT: InvalidDate = Object.freeze({
  invalid: 'a number among dates written as text; use ParseDate(…, "excel") if it really is a serial',
  why: 'serialAmongText',
});

/** Year 9999 ("31-12-9999") is how HR systems write "no end date". */
const NEVER_YEAR = '9999-';

function readDate(call: CallNode, format: string, read: Reader, v: Value, never = false): Value {
  if (v === null) return v;
  if (isPlainDate(v)) return never && v.iso.startsWith(NEVER_YEAR) ? null : v;
  if (Array.isArray(v)) return v.map((item) => readDate(call, format, read, item, never));
  const text = valueToText(v)!.trim();
  if (text === '') return null;
  const r = read(text);
  if (r === null) return null;
  if (never && r !== undefined && 'iso' in r && r.iso.startsWith(NEVER_YEAR)) return null;
  if (r === undefined)
    throw failAt(call, 'invalid-date', `${JSON.stringify(text)} is not a date in format ${format}`, {
      id: 'eval.invalidDate.format',
      text: JSON.stringify(text),
      format,
    });
  if ('invalid' in r)
    throw failAt(call, 'invalid-date', `${JSON.stringify(text)} is not a valid date (${r.invalid})`, {
      id: 'eval.invalidDate.invalid',
      text: JSON.stringify(text),
      why: r.why,
      ...(r.a !== undefined && r.b !== undefined ? { a: r.a, b: r.b } : {}),
    });
  return r;
}

/** A date argument: a date, or text in any "auto" form. Null for blanks. */
export function toDate(call: CallNode, v: Value): PlainDate | null {
  if (isPlainDate(v)) return v;
  if (Array.isArray(v)) return v.length === 0 ? null : toDate(call, v[0]!);
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const r = readDate(call, 'auto', parseAuto, v);
    if (isPlainDate(r)) return r;
  }
  throw failAt(call, 'invalid-date', `${JSON.stringify(valueToText(v))} is not a date`, {
    id: 'eval.invalidDate.notDate',
    text: JSON.stringify(valueToText(v)),
  });
}

export const ParseDate: FunctionDef = {
  name: 'ParseDate',
  params: [
    { name: 'text', type: 'text' },
    { name: 'format', type: 'text', optional: true, literalOnly: true },
  ],
  returns: 'date',
  description: {
    en: 'Reads a date. Format: a pattern such as "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", or "excel", "generalizedTime", "filetime", "auto" (default). A day that does not exist (31-02-2024) is an invalid-date error, never rolled over; empty gives null; FILETIME 0 or 9223372036854775807 ("never") gives null.',
    nl: 'Leest een datum in het opgegeven formaat; een niet-bestaande dag (31-02-2024) is een fout, leeg geeft null.',
  },
  example: 'ParseDate("31-01-2024", "dd-MM-yyyy") → 2024-01-31',
  // "auto" remembers whether the run has seen a date written as text (below).
  dependsOnEarlierRows: (call) => {
    const format = call.args[1];
    return format === undefined || (format.kind === 'literal' && format.value === 'auto');
  },
  compile: (args, _ctx, call) => {
    const format = args[1] === undefined ? 'auto' : literalText('ParseDate', args[1], 'format');
    const reader = readerFor(format);
    if ('refused' in reader) throw compileError(reader.reason, args[1]!, reader.code, reader.params);
    const read: Reader = reader;
    const text = args[0]!.evaluate;
    if (format !== 'auto') return (env) => readDate(call, format, read, text(env), true);
    // "auto" reads a number as an Excel serial only while the column holds no date written as text in the same
    // run: a number among "31-01-2024"s is a typo, not a date. Kept per run (the env), so two passes agree.
    const sawText = new WeakSet<EvalEnv>();
    const auto: Reader = (t) => {
      const r = parseAuto(t);
      if (r === undefined || r === null || 'invalid' in r) return r;
      if (!isAutoSerial(t)) {
        if (!/^\d+$/.test(t)) sawText.add(currentEnv!);
        return r;
      }
      if (sawText.has(currentEnv!)) return SERIAL_AMONG_TEXT;
      return r;
    };
    let currentEnv: EvalEnv | undefined;
    return (env) => {
      currentEnv = env;
      return readDate(call, format, auto, text(env), true);
    };
  },
};

export const FormatDate: FunctionDef = {
  name: 'FormatDate',
  params: [
    { name: 'date', type: 'date' },
    { name: 'format', type: 'text', literalOnly: true },
  ],
  returns: 'text',
  description: {
    en: 'Writes a date with a pattern of yyyy, yy, MM, M, dd, d and literal characters. Text in yyyy-MM-dd or dd-MM-yyyy is read first.',
    nl: 'Schrijft een datum in een patroon zoals "dd-MM-yyyy".',
  },
  example: 'FormatDate("2024-01-31", "d-M-yyyy") → "31-1-2024"',
  compile: (args, _ctx, call) => {
    const format = literalText('FormatDate', args[1], 'format');
    const tokens = parseDateFormat(format);
    if (!Array.isArray(tokens)) {
      const r = repeats(format, tokens);
      throw compileError(r.reason, args[1]!, r.code, r.params);
    }
    if (!tokens.some((t) => t.kind !== 'literal'))
      throw compileError(
        `date format ${JSON.stringify(format)} has no yyyy, MM or dd`,
        args[1]!,
        'dateFormatEmpty',
        {
          format,
        },
      );
    const date = args[0]!.evaluate;
    return (env) => {
      const d = toDate(call, date(env));
      return d === null ? null : formatWith(d, tokens);
    };
  },
};

export const Today: FunctionDef = {
  name: 'Today',
  params: [],
  returns: 'date',
  description: {
    en: "The run's date (a parameter of the run, so results are reproducible).",
    nl: 'De datum van de run.',
  },
  example: 'Today()',
  compile: (_args, _ctx, call) => {
    let last = '';
    let lastDate: PlainDate | undefined;
    return (env) => {
      if (env.today !== last || lastDate === undefined) {
        if (!isIsoDate(env.today))
          throw failAt(call, 'expression-error', `today ${JSON.stringify(env.today)} is not yyyy-MM-dd`, {
            id: 'eval.badToday',
            today: JSON.stringify(env.today),
          });
        last = env.today;
        lastDate = plainDate(env.today);
      }
      return lastDate;
    };
  },
};

export const AddDays: FunctionDef = {
  name: 'AddDays',
  params: [
    { name: 'date', type: 'date' },
    { name: 'days', type: 'number' },
  ],
  returns: 'date',
  description: {
    en: 'The date plus a number of days (negative to go back).',
    nl: 'De datum plus een aantal dagen.',
  },
  example: 'AddDays("28-02-2024", 1) → 2024-02-29',
  compile: eager((call) => (d, n) => {
    const date = toDate(call, d);
    if (date === null) return null;
    const days = toInteger(n);
    if (days === undefined)
      throw failAt(
        call,
        'expression-error',
        `days must be a whole number, got ${JSON.stringify(valueToText(n))}`,
        { id: 'eval.notWhole', param: 'days', text: JSON.stringify(valueToText(n)) },
      );
    const r = fromDayNumber(dayNumber(date) + days);
    if (r === undefined)
      throw failAt(call, 'invalid-date', 'the result lies outside years 1..9999', {
        id: 'eval.dateOutOfRange',
      });
    return r;
  }),
};

export const DateDiffDays: FunctionDef = {
  name: 'DateDiffDays',
  params: [
    { name: 'from', type: 'date' },
    { name: 'to', type: 'date' },
  ],
  returns: 'number',
  description: {
    en: 'Days from the first date to the second (negative when the second is earlier).',
    nl: 'Aantal dagen van de eerste naar de tweede datum.',
  },
  example: 'DateDiffDays("2024-01-01", "2025-01-01") → 366',
  compile: eager((call) => (a, b) => {
    const from = toDate(call, a);
    const to = toDate(call, b);
    return from === null || to === null ? null : dayNumber(to) - dayNumber(from);
  }),
};

export const DATE_FUNCTIONS = [ParseDate, FormatDate, Today, AddDays, DateDiffDays];
