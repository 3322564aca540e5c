import { describe, expect, it } from 'vitest';
import { needsCollapsing } from '../../../src/shared/expression/whitespace';

/** The pattern `needsCollapsing` replaces: it must agree on every character. */
const PATTERN = /\s\s|[^\S ]/;

describe('needsCollapsing finds exactly what /\\s\\s|[^\\S ]/ finds', () => {
  it('agrees for every UTF-16 code unit alone, after a space, doubled and between letters', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, ` ${ch}`, `${ch} `, `${ch}${ch}`, `Jan${ch}de${ch}Vries`]) {
        if (needsCollapsing(text) !== PATTERN.test(text)) disagree.push(JSON.stringify(text));
      }
    }
    expect(disagree).toEqual([]);
  });

  it.each([
    ['', false],
    ['Jansen', false],
    ['van der Berg', false],
    [' van der Berg ', false],
    ['van  der Berg', true],
    ['van\u00a0der Berg', true],
    ['Uit\tdienst', true],
    ['Verzorgende IG\r\n', true],
    ['Chloë Ağa Øvergård', false],
    ['x\u200by', false],
    ['x\ufeffy', true],
    ['x\u3000y', true],
  ])('%j → %s', (text, expected) => {
    expect(needsCollapsing(text)).toBe(expected);
    expect(PATTERN.test(text)).toBe(expected);
  });
});
