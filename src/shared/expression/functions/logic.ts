import type { Value } from '../value';
import { isBlank, matchKey, valuesEqual, valueToBoolean } from '../value';
import type { FunctionDef } from './define';
import { compileError, eager, literalText, mapText } from './define';

export const IIF: FunctionDef = {
  name: 'IIF',
  params: [
    { name: 'condition', type: 'boolean' },
    { name: 'whenTrue', type: 'any' },
    { name: 'whenFalse', type: 'any' },
  ],
  returns: 'any',
  description: {
    en: 'whenTrue if the condition holds, else whenFalse (only the chosen one is evaluated).',
    nl: 'whenTrue als de voorwaarde klopt, anders whenFalse.',
  },
  example: 'IIF(" actief" = "Actief", "ja", "nee") → "ja"',
  compile: (args) => {
    const c = args[0]!.evaluate;
    const a = args[1]!.evaluate;
    const b = args[2]!.evaluate;
    return (env) => (valueToBoolean(c(env)) ? a(env) : b(env));
  },
};

export const Switch: FunctionDef = {
  name: 'Switch',
  params: [
    { name: 'value', type: 'any' },
    { name: 'default', type: 'any' },
    { name: 'key', type: 'any', variadic: true },
    { name: 'result', type: 'any', variadic: true },
  ],
  returns: 'any',
  description: {
    en: 'The result after the first key equal to the value (trimmed, any case), else the default. Entra order: value, default, key1, result1, …',
    nl: 'Het resultaat bij de eerste sleutel die gelijk is aan de waarde (hoofdletterongevoelig), anders de standaardwaarde.',
  },
  example: 'Switch("v", null, "M", "male", "V", "female") → "female"',
  compile: (args) => {
    const value = args[0]!.evaluate;
    const fallback = args[1]!.evaluate;
    const keys = args.filter((_, i) => i >= 2 && i % 2 === 0).map((a) => a.evaluate);
    const results = args.filter((_, i) => i >= 3 && i % 2 === 1).map((a) => a.evaluate);
    return (env) => {
      const v = value(env);
      for (let i = 0; i < keys.length; i++) if (valuesEqual(v, keys[i]!(env))) return results[i]!(env);
      return fallback(env);
    };
  },
};

export const In: FunctionDef = {
  name: 'In',
  params: [
    { name: 'value', type: 'any' },
    { name: 'candidates', type: 'any', variadic: true },
  ],
  returns: 'boolean',
  description: {
    en: 'True when the value equals one of the candidates (trimmed, any case); an empty value is never in.',
    nl: 'Waar als de waarde gelijk is aan een van de kandidaten (hoofdletterongevoelig); leeg is nooit waar.',
  },
  example: 'In("ict", "ICT", "Facilitair") → true',
  compile: (args) => {
    const value = args[0]!.evaluate;
    const candidates = args.slice(1).map((a) => a.evaluate);
    return (env) => {
      const v = value(env);
      if (isBlank(v)) return false;
      for (const c of candidates) if (valuesEqual(v, c(env))) return true;
      return false;
    };
  },
};

export const IsEmpty: FunctionDef = {
  name: 'IsEmpty',
  params: [{ name: 'value', type: 'any' }],
  returns: 'boolean',
  description: {
    en: 'True for null, empty or whitespace-only text and empty lists.',
    nl: 'Waar bij null, lege tekst, alleen spaties of een lege lijst.',
  },
  example: 'IsEmpty("  ") → true',
  compile: eager(() => (v) => isBlank(v)),
};

export const Coalesce: FunctionDef = {
  name: 'Coalesce',
  params: [{ name: 'values', type: 'any', variadic: true }],
  returns: 'any',
  description: {
    en: 'The first value that is not null, empty or whitespace-only (later ones are not evaluated).',
    nl: 'De eerste waarde die niet leeg is.',
  },
  example: 'Coalesce("", "Johannes") → "Johannes"',
  compile: (args) => {
    const values = args.map((a) => a.evaluate);
    return (env) => {
      for (const f of values) {
        const v = f(env);
        if (!isBlank(v)) return v;
      }
      return null;
    };
  },
};

export const ValueMap: FunctionDef = {
  name: 'ValueMap',
  params: [
    { name: 'value', type: 'text' },
    { name: 'table', type: 'text', literalOnly: true },
  ],
  returns: 'text',
  description: {
    en: "Looks the value up in a ValueMap table of the mapping (trimmed, any case). Unlisted: the table's default, or the value itself when the table has none. Empty stays null.",
    nl: 'Zoekt de waarde op in een vertaaltabel van de mapping; niet gevonden: de standaardwaarde van de tabel, of de waarde zelf.',
  },
  example: 'ValueMap([Afdeling], "afdelingen")',
  compile: (args, ctx) => {
    const name = literalText('ValueMap', args[1], 'table');
    const maps = ctx.valueMaps ?? {};
    if (!Object.hasOwn(maps, name)) {
      const known = Object.keys(maps);
      throw compileError(
        `unknown ValueMap ${JSON.stringify(name)}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
        args[1]!,
        'unknownValueMap',
        { name, known: known.join(', '), count: known.length },
      );
    }
    const table = maps[name]!;
    const entries = new Map<string, string>();
    for (const [k, v] of Object.entries(table.entries)) {
      const key = matchKey(k);
      if (!entries.has(key)) entries.set(key, v);
    }
    const hasDefault = table.default !== undefined;
    const fallback: Value = table.default ?? null;
    const value = args[0]!.evaluate;
    const each = (t: string): Value => {
      if (t.trim() === '') return null;
      const hit = entries.get(matchKey(t));
      if (hit !== undefined) return hit;
      return hasDefault ? fallback : t;
    };
    return (env) => mapText(value(env), each);
  },
};

export const LOGIC_FUNCTIONS = [IIF, Switch, In, IsEmpty, Coalesce, ValueMap];
