// isValidEmail decides plain ASCII addresses with one pattern; it must never accept what the full check refuses.
import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../../../src/shared/engine/run';

describe('isValidEmail on plain and nearly plain addresses', () => {
  const label63 = 'a'.repeat(63);
  const longDomain = `${Array.from({ length: 4 }, () => label63).join('.')}.nl`; // 4×63 + 3 dots + 3 = 258
  it.each([
    ['jan.devries@gemeente-voorbeeld.nl', true],
    ["o'brien+hr@gemeente-voorbeeld.nl", true],
    ['J.de.Vries@Gemeente-Voorbeeld.NL', true],
    ['andre@', false],
    ['jan..devries@gemeente.nl', false],
    ['.jan@gemeente.nl', false],
    ['jan@-gemeente.nl', false],
    ['jan@gemeente.n', false],
    [`jan@${label63}.nl`, true],
    [`jan@${label63}a.nl`, false],
    [`jan@${longDomain}`, false],
    ['jan@bücher.de', true],
    // Letters that case-fold to ASCII must not slip through the ASCII pattern.
    ['jan@\u017f.nl', true],
    [`jan@${'\u017f'.repeat(63)}.nl`, false],
    ['jan\u200b@gemeente.nl', false],
  ])('%s → %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });
});
