import { describe, expect, it } from 'vitest';
import { asciiDomain, asciiLabel, punycodeEncode } from '../../../src/shared/text/punycode';

describe('punycode (RFC 3492) and the ASCII form of a domain', () => {
  it.each([
    ['bücher.de', 'xn--bcher-kva.de'],
    ['Bücher.DE', 'xn--bcher-kva.de'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['español.com', 'xn--espaol-zwa.com'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['école-noord.fr', 'xn--cole-noord-96a.fr'],
    ['日本語.jp', 'xn--wgv71a119e.jp'],
    ['ελληνικά.gr', 'xn--hxargifdar.gr'],
    // NFD (e + combining acute, as macOS file names and some exports carry it) is the same domain as NFC.
    ['e\u0301cole.fr', 'xn--cole-9oa.fr'],
    ['gemeente-voorbeeld.nl', 'gemeente-voorbeeld.nl'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('%s → %s', (domain, ascii) => expect(asciiDomain(domain)).toBe(ascii));

  it('encodes the RFC 3492 sample of mixed basic and non-basic code points', () => {
    // RFC 3492 section 7.1 (L): "3<nen>B<gumi><kinpachi><sensei>".
    expect(punycodeEncode('3年b組金八先生')).toBe('3b-ww4c5e180e575a65lsy2b');
  });

  it('counts the octets a label really takes', () => {
    expect(asciiLabel('ä'.repeat(60)).length).toBeGreaterThan(63);
    expect(asciiLabel('a'.repeat(60))).toHaveLength(60);
  });
});
