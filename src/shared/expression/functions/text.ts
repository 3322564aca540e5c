import { normalizeDiacritics } from '../../text/transliterate';
import { compileUserRegex, MAX_REGEX_INPUT_LENGTH, type UserRegex } from '../regex';
import { failAt } from '../runtime';
import type { Value } from '../value';
import { needsCollapsing } from '../whitespace';
import { isBlank, toNumberOrNull, valueToText } from '../value';
import type { FunctionDef } from './define';
import { compileError, eager, literalText, mapText, textFunction, toInteger } from './define';

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Slice by code points, so that an emoji or a rare CJK character is never cut in half. */
function cpSlice(s: string, start: number, end: number): string {
  if (!HAS_SURROGATE.test(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

function flattenInto(v: Value, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) flattenInto(item, out);
    return;
  }
  const t = valueToText(v);
  if (t !== null && t.trim() !== '') out.push(t);
}

export const Join: FunctionDef = {
  name: 'Join',
  params: [
    { name: 'separator', type: 'text' },
    { name: 'values', type: 'any', variadic: true },
  ],
  returns: 'text',
  description: {
    en: 'Joins the values with the separator, skipping empty ones; lists are flattened. Null when nothing is left.',
    nl: 'Plakt de waarden aan elkaar met het scheidingsteken; lege waarden vallen weg, lijsten worden uitgevouwen.',
  },
  example: 'Join(" ", "Jan", "", "van der", "Berg") → "Jan van der Berg"',
  compile: (args) => {
    const sep = args[0]!.evaluate;
    const values = args.slice(1).map((a) => a.evaluate);
    return (env) => {
      // Built as a string rather than an array: this runs for most fields of every row.
      let out: string | null = null;
      let separator = '';
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!(env);
        if (v === null) continue;
        if (typeof v === 'string') {
          if (v.trim() === '') continue;
          if (out === null) {
            separator = valueToText(sep(env)) ?? '';
            out = v;
          } else out = out + separator + v;
          continue;
        }
        const parts: string[] = [];
        flattenInto(v, parts);
        for (const p of parts) {
          if (out === null) {
            separator = valueToText(sep(env)) ?? '';
            out = p;
          } else out = out + separator + p;
        }
      }
      return out;
    };
  },
};

export const Trim: FunctionDef = {
  name: 'Trim',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: {
    en: 'Removes leading and trailing spaces and collapses runs of spaces inside to one.',
    nl: 'Haalt spaties aan begin en eind weg en maakt van meerdere spaties binnenin één.',
  },
  example: 'Trim("  Jan   Jansen ") → "Jan Jansen"',
  // Most values have no run of spaces to collapse: testing first spares building a new string for every value.
  compile: textFunction((t) => {
    const trimmed = t.trim();
    return needsCollapsing(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  }),
};

export const Lower: FunctionDef = {
  name: 'Lower',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: { en: 'Lower case.', nl: 'Kleine letters.' },
  example: 'Lower("J.Jansen@Plek.NL") → "j.jansen@plek.nl"',
  compile: textFunction((t) => t.toLowerCase()),
};

export const Upper: FunctionDef = {
  name: 'Upper',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: { en: 'Upper case.', nl: 'Hoofdletters.' },
  example: 'Upper("nl") → "NL"',
  compile: textFunction((t) => t.toUpperCase()),
};

export const Capitalize: FunctionDef = {
  name: 'Capitalize',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: {
    en: 'Upper-cases the first letter (both letters of a Dutch initial IJ), leaves the rest as it is.',
    nl: 'Maakt de eerste letter een hoofdletter (bij IJ beide letters); de rest blijft zoals hij is.',
  },
  example: 'Capitalize("ijsbrand") → "IJsbrand"',
  compile: textFunction((t) => {
    // An elided article ("'t Hart", "'s-Gravenhage") stays lower-case; the word after it is capitalised.
    const m = /^(\P{L}*?(?:['\u2018\u2019\u02BC`´][ts][\s-]\P{L}*)?)(ij|\p{L})/iu.exec(t);
    if (!m) return t;
    return m[1]! + m[2]!.toUpperCase() + t.slice(m[0].length);
  }),
};

function countArg(call: Parameters<FunctionDef['compile']>[2], v: Value, what: string): number {
  const n = toInteger(v);
  if (n === undefined)
    throw failAt(
      call,
      'expression-error',
      `${what} must be a whole number, got ${JSON.stringify(valueToText(v))}`,
      { id: 'eval.notWhole', param: what, text: JSON.stringify(valueToText(v)) },
    );
  return n;
}

export const Left: FunctionDef = {
  name: 'Left',
  params: [
    { name: 'text', type: 'text' },
    { name: 'length', type: 'number' },
  ],
  returns: 'text',
  description: { en: 'The first `length` characters.', nl: 'De eerste `length` tekens.' },
  example: 'Left("Jansen", 3) → "Jan"',
  compile: eager((call) => (v, n) => {
    const len = Math.max(0, countArg(call, n, 'length'));
    return mapText(v, (t) => cpSlice(t, 0, len));
  }),
};

export const Mid: FunctionDef = {
  name: 'Mid',
  params: [
    { name: 'text', type: 'text' },
    { name: 'start', type: 'number' },
    { name: 'length', type: 'number' },
  ],
  returns: 'text',
  description: {
    en: '`length` characters from position `start` (the first character is 1).',
    nl: '`length` tekens vanaf positie `start` (het eerste teken is 1).',
  },
  example: 'Mid("20240131", 5, 2) → "01"',
  compile: eager((call) => (v, s, n) => {
    const start = Math.max(1, countArg(call, s, 'start')) - 1;
    const len = Math.max(0, countArg(call, n, 'length'));
    return mapText(v, (t) => cpSlice(t, start, start + len));
  }),
};

export const Replace: FunctionDef = {
  name: 'Replace',
  params: [
    { name: 'text', type: 'text' },
    { name: 'pattern', type: 'text' },
    { name: 'replacement', type: 'text' },
  ],
  returns: 'text',
  description: {
    en: 'Replaces every match of the regular expression; $1, $2… insert groups. See the regex limits below.',
    nl: 'Vervangt elke overeenkomst met de reguliere expressie; $1, $2… voegen groepen in.',
  },
  example: 'Replace("06-1234 5678", "[^0-9]", "") → "0612345678"',
  compile: (args, _ctx, call) => {
    const text = args[0]!;
    const pattern = args[1]!;
    const replacement = args[2]!;
    let fixed: UserRegex | undefined;
    if (pattern.literal !== undefined) {
      const compiled = compileUserRegex(valueToText(pattern.literal.value) ?? '');
      if (!compiled.ok) throw compileError(compiled.reason, pattern, compiled.code, compiled.params);
      fixed = compiled.regex;
    }
    let lastSource: string | undefined;
    let lastRegex: UserRegex | null = null;
    return (env) => {
      const v = text.evaluate(env);
      if (v === null) return null;
      let regex = fixed;
      if (regex === undefined) {
        // A pattern computed per row that does not compile simply does not match. Rows often share the
        // pattern, so the last one is kept.
        const source = valueToText(pattern.evaluate(env)) ?? '';
        if (source !== lastSource) {
          lastSource = source;
          const compiled = compileUserRegex(source);
          lastRegex = compiled.ok ? compiled.regex : null;
        }
        if (lastRegex === null) return v;
        regex = lastRegex;
      }
      const r = valueToText(replacement.evaluate(env)) ?? '';
      const re = regex;
      return mapText(v, (t) => {
        if (t.length > MAX_REGEX_INPUT_LENGTH)
          throw failAt(call, 'expression-error', `text is longer than ${MAX_REGEX_INPUT_LENGTH} characters`, {
            id: 'eval.regexInputTooLong',
            max: MAX_REGEX_INPUT_LENGTH,
          });
        return re.replaceAll(t, r);
      });
    };
  },
};

export const NormalizeDiacritics: FunctionDef = {
  name: 'NormalizeDiacritics',
  params: [
    { name: 'text', type: 'text' },
    { name: 'mode', type: 'text', optional: true, literalOnly: true },
  ],
  returns: 'text',
  description: {
    en: 'Plain ASCII for logins and e-mail addresses. "strip" (default): é→e, ø→o, ß→ss, ĳ→ij, Ł→L; "dach": first ä→ae, ö→oe, ü→ue, ß→ss, then strip.',
    nl: 'Alleen ASCII, voor loginnamen en e-mailadressen. "strip": é→e, ø→o, ß→ss; "dach": eerst ä→ae, ö→oe, ü→ue.',
  },
  example: 'NormalizeDiacritics("Jürgen Ødegård", "dach") → "Juergen Odegard"',
  compile: (args) => {
    const [text, modeArg] = args;
    const mode = modeArg === undefined ? 'strip' : literalText('NormalizeDiacritics', modeArg, 'mode');
    if (mode !== 'strip' && mode !== 'dach')
      throw compileError(
        `NormalizeDiacritics mode must be "strip" or "dach", not ${JSON.stringify(mode)}`,
        modeArg!,
        'diacriticsMode',
        { mode },
      );
    const each = (t: string): Value => normalizeDiacritics(t, mode);
    return (env) => mapText(text!.evaluate(env), each);
  },
};

export const FirstLetter: FunctionDef = {
  name: 'FirstLetter',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: {
    en: 'The first letter, skipping leading spaces, digits and punctuation; an accented letter stays whole.',
    nl: 'De eerste letter; spaties, cijfers en leestekens vooraan worden overgeslagen.',
  },
  example: `FirstLetter("'t Örtje") → "t"`,
  compile: textFunction((t) => {
    const m = /\p{L}\p{M}*/u.exec(t.normalize('NFC'));
    return m ? m[0] : null;
  }),
};

export const ToText: FunctionDef = {
  name: 'ToText',
  params: [{ name: 'value', type: 'any' }],
  returns: 'text',
  description: {
    en: 'The value as text: dates as yyyy-MM-dd, true/false, lists joined with ", ".',
    nl: 'De waarde als tekst: datums als jjjj-MM-dd, true/false, lijsten gescheiden door ", ".',
  },
  example: 'ToText(ParseDate("31-01-2024", "dd-MM-yyyy")) → "2024-01-31"',
  compile: eager(() => (v) => valueToText(v)),
};

export const ToNumber: FunctionDef = {
  name: 'ToNumber',
  params: [{ name: 'value', type: 'any' }],
  returns: 'number',
  description: {
    en: 'The value as a number ("3.5" and "3,5" both work); empty gives null, other text an error.',
    nl: 'De waarde als getal ("3,5" mag ook); leeg geeft null, andere tekst een fout.',
  },
  example: 'ToNumber("36,5") → 36.5',
  compile: eager((call) => (v) => {
    if (isBlank(v)) return null;
    const n = toNumberOrNull(Array.isArray(v) ? (v[0] ?? null) : v);
    if (n === null) {
      const text = JSON.stringify(valueToText(v));
      throw failAt(call, 'expression-error', `${text} is not a number`, { id: 'eval.notNumber', text });
    }
    return n;
  }),
};

export const TEXT_FUNCTIONS = [
  Join,
  Trim,
  Lower,
  Upper,
  Capitalize,
  Left,
  Mid,
  Replace,
  NormalizeDiacritics,
  FirstLetter,
  ToText,
  ToNumber,
];
