import anyAscii from 'any-ascii';

const DACH: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** Transliterates a name part for a login: DACH umlauts first when asked, then any-ascii for the rest. */
export function anyAsciiLogin(value: string, mode: 'strip' | 'dach'): string {
  const pre = mode === 'dach' ? value.replace(/[äöüÄÖÜß]/g, (c) => DACH[c] ?? c) : value;
  return anyAscii(pre.normalize('NFC'));
}
