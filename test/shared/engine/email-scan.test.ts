// isPlainEmail scans what one pattern used to decide: it must accept exactly what that pattern accepts, on addresses
// that are nearly plain (one character off, in every position) as well as on plain ones.
import { describe, expect, it } from 'vitest';
import { isPlainEmail } from '../../../src/shared/engine/run';

/** The pattern isPlainEmail replaces (with `u`: `\w` is ASCII only, no case folding). */
const PLAIN_EMAIL =
  /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?\.)+[A-Za-z]{2,63}$/u;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every character the pattern treats specially, its neighbours in the code table, and some that it refuses.
const ALPHABET = [
  ...'aZz09_-.@+\'!#$%&*/=?^`{|}~ "(),:;<>[\\]',
  '\u00e9',
  '\u00fc',
  '\u017f',
  '\u212a',
  '\u200b',
  '\u00a0',
  '\t',
  '\n',
  '\ud83d\ude00',
  '\ud800',
  'A',
  '9',
  '/',
  ':',
  '@',
  '[',
  '`',
  '{',
  '\u007f',
];

const BASES = [
  'jan.devries@gemeente-voorbeeld.nl',
  "o'brien+hr@gemeente-voorbeeld.nl",
  'J.de.Vries@Gemeente-Voorbeeld.NL',
  'a@b.cd',
  'x_y@sub.domain.example.org',
  `jan@${'a'.repeat(63)}.nl`,
  `jan@${'a'.repeat(64)}.nl`,
  `jan@example.${'a'.repeat(63)}`,
  `jan@example.${'a'.repeat(64)}`,
  'jan@a-b.c-d.nl',
  'jan@-ab.nl',
  'jan@ab-.nl',
  'jan@ab.n1',
  'jan@.nl',
  'jan@nl',
  'jan.@x.nl',
  '.jan@x.nl',
  'j..an@x.nl',
  '@x.nl',
  'jan@x..nl',
  'jan@x.nl.',
  'jan@@x.nl',
  '',
  '@',
];

describe('isPlainEmail accepts exactly what the plain-address pattern accepts', () => {
  it.each(BASES)('%j', (email) => {
    expect(isPlainEmail(email)).toBe(PLAIN_EMAIL.test(email));
  });

  it('on 60,000 addresses one to three characters away from plain ones', () => {
    const next = random(13);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let accepted = 0;
    for (let n = 0; n < 60_000; n++) {
      let email = pick(BASES);
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (email.length + 1));
        const kind = next();
        if (kind < 0.4) email = email.slice(0, at) + pick(ALPHABET) + email.slice(at + 1);
        else if (kind < 0.8) email = email.slice(0, at) + pick(ALPHABET) + email.slice(at);
        else email = email.slice(0, at) + email.slice(at + 1);
      }
      const expected = PLAIN_EMAIL.test(email);
      if (isPlainEmail(email) !== expected)
        expect({ email, plain: !expected }).toEqual({ email, plain: expected });
      if (expected) accepted++;
    }
    // Both outcomes are well represented, so the comparison means something.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(55_000);
  });
});
