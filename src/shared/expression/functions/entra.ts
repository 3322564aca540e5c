import type { Value } from '../value';
import { isBlank, valueToText } from '../value';
import type { FunctionDef } from './define';
import { compileError, eager, literalText, mapText, textFunction, toInteger } from './define';
import { failAt } from '../runtime';

/**
 * Functions under the names Microsoft Entra uses, so that a consultant's Entra expressions keep working. They
 * behave like their Entra namesakes except where noted in the description.
 */

export const Append: FunctionDef = {
  name: 'Append',
  params: [
    { name: 'text', type: 'text' },
    { name: 'suffix', type: 'text' },
  ],
  returns: 'text',
  description: {
    en: 'The text with the suffix added (Entra). Null text stays null, so no lone suffix appears.',
    nl: 'De tekst met het achtervoegsel erachter; lege tekst blijft leeg.',
  },
  example: 'Append("jan.jansen", "@plek.nl") → "jan.jansen@plek.nl"',
  compile: eager(() => (v, suffix) => {
    const s = valueToText(suffix) ?? '';
    return mapText(v, (t) => (t.trim() === '' ? null : t + s));
  }),
};

export const IsNullOrEmpty: FunctionDef = {
  name: 'IsNullOrEmpty',
  params: [{ name: 'value', type: 'any' }],
  returns: 'boolean',
  description: {
    en: 'Entra name for IsEmpty: true for null, empty or whitespace-only text and empty lists.',
    nl: 'Entra-naam voor IsEmpty.',
  },
  example: 'IsNullOrEmpty("") → true',
  compile: eager(() => (v) => isBlank(v)),
};

export const IsPresent: FunctionDef = {
  name: 'IsPresent',
  params: [{ name: 'value', type: 'any' }],
  returns: 'boolean',
  description: {
    en: 'The opposite of IsEmpty (Entra).',
    nl: 'Het omgekeerde van IsEmpty: waar als er een waarde is.',
  },
  example: 'IsPresent("Jan") → true',
  compile: eager(() => (v) => !isBlank(v)),
};

function caseFunction(name: 'ToLower' | 'ToUpper'): FunctionDef {
  const lower = name === 'ToLower';
  return {
    name,
    params: [
      { name: 'text', type: 'text' },
      { name: 'culture', type: 'text', optional: true, literalOnly: true },
    ],
    returns: 'text',
    description: lower
      ? {
          en: 'Lower case (Entra); with a culture such as "tr-TR" that language\'s rules apply.',
          nl: 'Kleine letters; met een cultuur zoals "tr-TR" volgens de regels van die taal.',
        }
      : {
          en: 'Upper case (Entra); with a culture such as "tr-TR" that language\'s rules apply.',
          nl: 'Hoofdletters; met een cultuur zoals "tr-TR" volgens de regels van die taal.',
        },
    example: lower ? 'ToLower("Jan.Jansen") → "jan.jansen"' : 'ToUpper("nl") → "NL"',
    compile: (args) => {
      const culture = args[1] === undefined ? undefined : literalText(name, args[1], 'culture');
      if (culture !== undefined) {
        try {
          ''.toLocaleLowerCase(culture);
        } catch {
          throw compileError(
            `unknown culture ${JSON.stringify(culture)} (use a tag such as "nl-NL")`,
            args[1]!,
            'culture',
            { culture },
          );
        }
      }
      const text = args[0]!.evaluate;
      const f =
        culture === undefined
          ? lower
            ? (t: string) => t.toLowerCase()
            : (t: string) => t.toUpperCase()
          : lower
            ? (t: string) => t.toLocaleLowerCase(culture)
            : (t: string) => t.toLocaleUpperCase(culture);
      return (env) => mapText(text(env), f);
    },
  };
}

export const ToLower = caseFunction('ToLower');
export const ToUpper = caseFunction('ToUpper');

export const StripSpaces: FunctionDef = {
  name: 'StripSpaces',
  params: [{ name: 'text', type: 'text' }],
  returns: 'text',
  description: {
    en: 'Removes every space character (Entra).',
    nl: 'Haalt alle spaties weg.',
  },
  example: 'StripSpaces("1234 AB") → "1234AB"',
  compile: textFunction((t) => t.replace(/\s+/g, '')),
};

function splitWords(text: string, delimiters: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const c of text) {
    if (delimiters.includes(c)) {
      if (word !== '') words.push(word);
      word = '';
    } else word += c;
  }
  if (word !== '') words.push(word);
  return words;
}

export const Word: FunctionDef = {
  name: 'Word',
  params: [
    { name: 'text', type: 'text' },
    { name: 'number', type: 'number' },
    { name: 'delimiters', type: 'text' },
  ],
  returns: 'text',
  description: {
    en: 'The n-th word (the first is 1); every character of delimiters separates words and empty words are skipped (Entra). Null when there are fewer words (Entra gives "").',
    nl: 'Het n-de woord; elk teken in delimiters scheidt woorden.',
  },
  example: 'Word("Jan van der Berg", 2, " ") → "van"',
  compile: eager((call) => (v, n, delimiters) => {
    const index = toInteger(n);
    if (index === undefined)
      throw failAt(
        call,
        'expression-error',
        `number must be a whole number, got ${JSON.stringify(valueToText(n))}`,
        { id: 'eval.notWhole', param: 'number', text: JSON.stringify(valueToText(n)) },
      );
    const d = valueToText(delimiters) ?? '';
    return mapText(v, (t) => (index < 1 ? null : (splitWords(t, d)[index - 1] ?? null)));
  }),
};

const IJ = /^ij/i;

/** Upper-cases the first letter of each word (IJ as one letter) and lower-cases the rest. */
function properCase(text: string, separators: string): string {
  let out = '';
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (separators.includes(c)) {
      out += c;
      atStart = true;
    } else if (atStart) {
      if (IJ.test(text.slice(i, i + 2))) {
        out += 'IJ';
        i++;
      } else out += c.toUpperCase();
      atStart = false;
    } else out += c.toLowerCase();
  }
  return out;
}

export const PCase: FunctionDef = {
  name: 'PCase',
  params: [
    { name: 'text', type: 'text' },
    { name: 'wordSeparators', type: 'text', optional: true },
  ],
  returns: 'text',
  description: {
    en: 'Each word with a capital first letter and the rest lower case (Entra); words are separated by spaces and hyphens unless wordSeparators says otherwise. IJ counts as one letter. Note: prefixes become "Van Der"; use DisplayName for names.',
    nl: 'Elk woord met een hoofdletter en de rest klein; IJ telt als één letter.',
  },
  example: 'PCase("ANNE-MARIE ijsselstein") → "Anne-Marie IJsselstein"',
  compile: eager(() => (v: Value, separators?: Value) => {
    const s = separators === undefined ? ' \t-' : (valueToText(separators) ?? ' ');
    return mapText(v, (t) => properCase(t, s));
  }),
};

export const RemoveDuplicates: FunctionDef = {
  name: 'RemoveDuplicates',
  params: [{ name: 'list', type: 'list' }],
  returns: 'list',
  description: {
    en: 'The list without repeated items (exact text match, first occurrence kept) (Entra).',
    nl: 'De lijst zonder dubbele elementen.',
  },
  example: 'RemoveDuplicates(Split("a;b;a", ";")) → ["a", "b"]',
  compile: eager(() => (list) => {
    if (!Array.isArray(list)) return list;
    const seen = new Set<string>();
    const out: Value[] = [];
    for (const item of list) {
      const key = valueToText(item) ?? '\u0000null';
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
    return out;
  }),
};

export const ENTRA_FUNCTIONS = [
  Append,
  IsNullOrEmpty,
  IsPresent,
  ToLower,
  ToUpper,
  StripSpaces,
  Word,
  PCase,
  RemoveDuplicates,
];
