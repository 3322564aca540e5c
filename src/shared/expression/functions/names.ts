import type { Value } from '../value';
import { needsCollapsing } from '../whitespace';
import { valueToText } from '../value';
import type { FunctionDef } from './define';
import { eager, textFunction } from './define';

/**
 * Name prefixes (tussenvoegsels), after the Dutch civil register's table of voorvoegsels (BRP tabel 36):
 * Dutch, Flemish, German and Romance forms. Matched case-insensitively on whole words, longest first.
 */
const PREFIXES = [
  'aan',
  "aan 't",
  'aan de',
  'aan den',
  'aan der',
  'aan het',
  'aan t',
  'af',
  'al',
  'am',
  'am de',
  'auf',
  'auf dem',
  'auf den',
  'auf der',
  'auf ter',
  'aus',
  "aus 'm",
  'aus dem',
  'aus den',
  'aus der',
  'bij',
  "bij 't",
  'bij de',
  'bij den',
  'bij het',
  'bij t',
  "d'",
  'da',
  'dal',
  'dalla',
  'das',
  'de',
  'de die',
  'de die le',
  "de l'",
  'de la',
  'de las',
  'de le',
  'de van der',
  'degli',
  'dei',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'die',
  'do',
  'don',
  'dos',
  'du',
  'el',
  'het',
  'in',
  "in 't",
  'in de',
  'in den',
  'in der',
  'in het',
  'in t',
  "l'",
  'la',
  'las',
  'le',
  'les',
  'lo',
  'los',
  'op',
  "op 't",
  'op de',
  'op den',
  'op der',
  'op gen',
  'op het',
  'op t',
  'op ten',
  'over',
  "over 't",
  'over de',
  'over den',
  'over het',
  'over t',
  "'s",
  "'t",
  'te',
  'ten',
  'ter',
  'tho',
  'thoe',
  'thor',
  'to',
  'toe',
  'tot',
  'uijt',
  "uijt 't",
  'uijt de',
  'uijt den',
  'uit',
  "uit 't",
  'uit de',
  'uit den',
  'uit het',
  'uit t',
  'uit te de',
  'uit ten',
  'unter',
  'van',
  "van 't",
  'van de',
  "van de l'",
  'van den',
  'van der',
  'van gen',
  'van het',
  'van la',
  'van t',
  'van ter',
  'van van de',
  'ver',
  'vom',
  'von',
  "von 't",
  'von dem',
  'von den',
  'von der',
  'von t',
  'voor',
  "voor 't",
  'voor de',
  'voor den',
  "voor in 't",
  'voor in t',
  'vor',
  'vor der',
  'zu',
  'zum',
  'zur',
];
const PREFIX_SET = new Set(PREFIXES);
const MAX_PREFIX_WORDS = Math.max(...PREFIXES.map((p) => p.split(' ').length));

function normalizeApostrophes(s: string): string {
  return s.replace(/[\u2018\u2019\u02BC`´]/g, "'");
}

/** Anything that can make a family name more than one plain word: a space or an apostrophe. */
const MAY_HAVE_PREFIX = /[\s'\u2018\u2019\u02BC`´]/u;
/** Family names repeat (Jansen, de Vries…): results of names that need the word-by-word look, bounded. */
const splitCache = new Map<string, readonly [string | null, string]>();
const SPLIT_CACHE_SIZE = 4096;

/** Splits "van der Berg" into ["van der", "Berg"] (the prefix as written); at least one word stays a name. */
export function splitFamilyName(family: string): [prefix: string | null, rest: string] {
  // One plain word (most names) has no prefix: no need to split it into words.
  if (!MAY_HAVE_PREFIX.test(family)) return [null, family];
  const known = splitCache.get(family);
  if (known !== undefined) return [known[0], known[1]];
  const split = splitWords(family);
  if (splitCache.size >= SPLIT_CACHE_SIZE) splitCache.clear();
  splitCache.set(family, split);
  return [split[0], split[1]];
}

function splitWords(family: string): [prefix: string | null, rest: string] {
  const words = family.trim().split(/\s+/).filter(Boolean);
  for (let k = Math.min(MAX_PREFIX_WORDS, words.length - 1); k >= 1; k--) {
    // A glued elided article ("van't", "in't") is read as "van 't".
    const candidate = normalizeApostrophes(words.slice(0, k).join(' '))
      .toLowerCase()
      .replace(/(\p{L})'([ts])(?= |$)/gu, "$1 '$2");
    if (PREFIX_SET.has(candidate)) return [words.slice(0, k).join(' '), words.slice(k).join(' ')];
  }
  // A prefix glued to the name: "d'Ancona", "D'Hondt", "l'Abbé".
  const glued = /^([dl]['\u2018\u2019\u02BC`´])(\p{L}.*)$/iu.exec(words[0] ?? '');
  if (glued) return [glued[1]!, [glued[2]!, ...words.slice(1)].join(' ')];
  return [null, words.join(' ')];
}

/** The text, trimmed with inner runs of spaces collapsed; '' for null. */
function clean(v: Value): string {
  const t = valueToText(v);
  if (t === null) return '';
  const trimmed = t.trim();
  return needsCollapsing(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * Dutch capitalisation of a prefix (Taalunie): after a given name or initials it is lower-case ("Jan van der
 * Berg", "Berg, Jan van der"); at the start or alone its first letter is a capital ("Van der Berg", "D'Ancona").
 * An elided article stays lower-case in both places ("'t Hart").
 */
export function prefixCase(prefix: string, afterGivenName: boolean): string {
  const lower = prefix.toLowerCase();
  if (afterGivenName || /^['\u2018\u2019\u02BC`´][ts](?:\s|$)/u.test(lower)) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * Prefix and name of a person: the prefix column when it has one (a copy of it at the start of the family
 * column is dropped, so "de" + "de Graaf" is not "de de Graaf"), otherwise the prefix the family column starts with.
 */
function prefixAndName(prefixValue: Value, familyValue: Value): [prefix: string, family: string] {
  const prefix = clean(prefixValue);
  const family = clean(familyValue);
  const [inFamily, rest] = splitFamilyName(family);
  if (inFamily === null) return [prefix, family];
  if (prefix === '' || sameWords(prefix, inFamily)) return [inFamily, rest];
  return [prefix, family];
}

function sameWords(a: string, b: string): boolean {
  return normalizeApostrophes(a).toLowerCase() === normalizeApostrophes(b).toLowerCase();
}

/** "van der" + "Berg" → "van der Berg"; a prefix that ends in an apostrophe is glued: "d'" + "Ancona" → "d'Ancona". */
function withPrefix(prefix: string, family: string): string {
  if (prefix === '' || family === '') return prefix || family;
  return /['\u2018\u2019\u02BC`´]$/u.test(prefix) ? `${prefix}${family}` : `${prefix} ${family}`;
}

const nameParams = [
  { name: 'given', type: 'text' },
  { name: 'prefix', type: 'text' },
  { name: 'family', type: 'text' },
] as const;

export const DisplayName: FunctionDef = {
  name: 'DisplayName',
  params: nameParams,
  returns: 'text',
  description: {
    en: 'Given name, prefix and family name in reading order, skipping empty parts. The prefix (from its column, or the start of the family name) is lower-case after a given name and capitalised without one.',
    nl: 'Roepnaam, tussenvoegsel en achternaam in leesvolgorde; lege delen vallen weg. Het tussenvoegsel (uit zijn kolom of vooraan de achternaam) krijgt na een roepnaam een kleine letter, zonder roepnaam een hoofdletter.',
  },
  example: 'DisplayName("Jan", "Van der", "Berg") → "Jan van der Berg"',
  compile: eager(() => (g, p, f) => {
    const given = clean(g);
    const [prefix, family] = prefixAndName(p, f);
    const named = withPrefix(prefix === '' ? '' : prefixCase(prefix, given !== ''), family);
    if (given === '') return named === '' ? null : named;
    return named === '' ? given : `${given} ${named}`;
  }),
};

export const SortName: FunctionDef = {
  name: 'SortName',
  params: nameParams,
  returns: 'text',
  description: {
    en: 'The name as sorted in Dutch lists: family name without prefix, comma, given name and prefix (lower-case).',
    nl: 'De naam zoals in een alfabetische lijst: achternaam zonder tussenvoegsel, komma, roepnaam en tussenvoegsel (kleine letter).',
  },
  example: 'SortName("Jan", "", "Van der Berg") → "Berg, Jan van der"',
  compile: eager(() => (g, p, f) => {
    const given = clean(g);
    const [prefix, family] = prefixAndName(p, f);
    // After the family name the prefix follows a name, so it is lower-case; alone it is the start.
    const tail = [given, prefix === '' ? '' : prefixCase(prefix, given !== '' || family !== '')]
      .filter((x) => x !== '')
      .join(' ');
    if (family === '') return tail === '' ? null : tail;
    return tail === '' ? family : `${family}, ${tail}`;
  }),
};

export const NamePrefix: FunctionDef = {
  name: 'NamePrefix',
  params: [{ name: 'familyName', type: 'text' }],
  returns: 'text',
  description: {
    en: 'The prefix (tussenvoegsel) at the start of a full family name, as written; null when there is none.',
    nl: 'Het tussenvoegsel vooraan de volledige achternaam, zoals geschreven; null als er geen is.',
  },
  example: 'NamePrefix("van der Berg") → "van der"',
  compile: textFunction((t) => splitFamilyName(t)[0]),
};

export const NameWithoutPrefix: FunctionDef = {
  name: 'NameWithoutPrefix',
  params: [{ name: 'familyName', type: 'text' }],
  returns: 'text',
  description: {
    en: 'The family name without its prefix.',
    nl: 'De achternaam zonder tussenvoegsel.',
  },
  example: 'NameWithoutPrefix("van der Berg") → "Berg"',
  compile: textFunction((t) => {
    const rest = splitFamilyName(t)[1];
    return rest === '' ? null : rest;
  }),
};

export const Initials: FunctionDef = {
  name: 'Initials',
  params: [{ name: 'givenNames', type: 'text' }],
  returns: 'text',
  description: {
    en: 'Initials with dots from the given names; a Dutch IJ stays together.',
    nl: 'Voorletters met punten; IJ blijft bij elkaar.',
  },
  example: 'Initials("Jan-Peter IJsbrand") → "J.P.IJ."',
  compile: textFunction((t) => {
    let out = '';
    for (const m of t.normalize('NFC').matchAll(/(?<!\p{L}\p{M}*)(?:ij|\p{L}\p{M}*)/giu))
      out += `${m[0].toUpperCase()}.`;
    return out === '' ? null : out;
  }),
};

export const NAME_FUNCTIONS = [DisplayName, SortName, NamePrefix, NameWithoutPrefix, Initials];
