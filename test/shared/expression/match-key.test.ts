// matchKey skips its normalising regex for text a scan finds plain: the result must be what the full normalisation
// gives, for plain text and for text one character away from it (spaces of every kind, zero-width characters,
// combining marks, Latin-1 letters and signs).
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../src/shared/expression/value';

/** matchKey as it was before the scan: the regex decides every value. */
function reference(text: string): string {
  const key = text.trim().toLowerCase();
  if (!/\s\s|[^\S ]|[\u200B-\u200D\u2060\p{M}]/u.test(key)) return key;
  const spaced = key
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{M}/u.test(spaced) ? spaced.normalize('NFC') : spaced;
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ..."aZ9 .-@'",
  ' ',
  '\u00a0',
  '\u00a1',
  '\u00ff',
  '\u0100',
  '\u0308',
  '\u0301',
  '\u200b',
  '\u200d',
  '\u2060',
  '\t',
  '\u3000',
  '\ufeff',
  '\u007f',
  '\u0085',
  '\u009f',
  'İ',
  'ẞ',
  '\u00c9',
];

describe('matchKey with its scan for plain text', () => {
  it.each([
    'Jansen',
    '  de Vries ',
    'Van  der Berg',
    'ja\u00a0n',
    'Zoë',
    'Zoe\u0308',
    'a\u200bb',
    'Ÿvonne',
    'Ünal',
  ])('%j', (text) => {
    expect(matchKey(text)).toBe(reference(text));
  });

  it('on 50,000 names one to three characters away from plain ones', () => {
    const next = random(29);
    const bases = [
      'jan.devries@gemeente-voorbeeld.nl',
      'Inactief',
      'van der Berg',
      'Zoë Kuipers',
      "d'Ancona",
    ];
    for (let n = 0; n < 50_000; n++) {
      let text = bases[n % bases.length]!;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (text.length + 1));
        const c = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
        text =
          next() < 0.5 ? text.slice(0, at) + c + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at);
      }
      const got = matchKey(text);
      if (got !== reference(text)) expect({ text, got }).toEqual({ text, got: reference(text) });
    }
  });
});
