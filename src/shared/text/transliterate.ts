import anyAscii from 'any-ascii';

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

export type DiacriticsMode = 'strip' | 'dach';

/**
 * Plain ASCII for logins and addresses. `strip`: é→e, ø→o, ß→ss, ĳ→ij (any-ascii, a maintained transliteration
 * table); `dach`: German-speaking customers' spelling first (ä→ae, ö→oe, ü→ue, ß→ss), then strip.
 */
export function normalizeDiacritics(text: string, mode: DiacriticsMode = 'strip'): string {
  let s = text.normalize('NFC');
  if (mode === 'dach') s = s.replace(/[äöüßÄÖÜẞ]/g, (c) => DACH[c] ?? c);
  return anyAscii(s);
}
