import anyAscii from 'any-ascii';

export type DiacriticsMode = 'strip' | 'dach';

const DACH: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
};
const UPPER = /^\p{Lu}$/u;
const LETTER = /\p{L}/u;
/** Printable ASCII needs no transliteration: the common case, kept off the slow path. */
const ASCII = /^[\u0020-\u007E]*$/;

/** Ü → "Ue" in "Über", but "UE" in "MÜLLER": an all-caps neighbour makes the second letter upper case too. */
function dachReplacement(c: string, offset: number, s: string): string {
  const r = DACH[c] ?? c;
  if (c === c.toLowerCase() || c === 'ẞ') return r;
  const next = s[offset + 1] ?? '';
  const prev = s[offset - 1] ?? '';
  return UPPER.test(next) || (!LETTER.test(next) && UPPER.test(prev)) ? r.toUpperCase() : r;
}

/**
 * Plain ASCII for logins and e-mail addresses. `strip`: é→e, ø→o, ß→ss, ĳ→ij, Ł→L (any-ascii, a maintained
 * transliteration table); `dach` (German-speaking customers): first ä→ae, ö→oe, ü→ue, ß→ss, then strip.
 * Used by the NormalizeDiacritics function and by the login schema, so both spell a name the same way.
 */
export function normalizeDiacritics(text: string, mode: DiacriticsMode = 'strip'): string {
  if (ASCII.test(text)) return text;
  let s = text.normalize('NFC');
  // any-ascii writes the capital ẞ as "Ss"; in the all-caps text where it occurs "SS" is right.
  s = mode === 'dach' ? s.replace(/[äöüßẞÄÖÜ]/g, dachReplacement) : s.replaceAll('ẞ', 'SS');
  return anyAscii(s);
}
