import { describe, expect, it } from 'vitest';
import { GRAPH_TEXT, translate } from '../../../src/renderer/src/graph/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('graph editor texts', () => {
  it('has every Dutch text in English with the same placeholders', () => {
    expect(Object.keys(GRAPH_TEXT.en).sort()).toEqual(Object.keys(GRAPH_TEXT.nl).sort());
    for (const [key, nl] of Object.entries(GRAPH_TEXT.nl)) {
      const en = GRAPH_TEXT.en[key as keyof typeof GRAPH_TEXT.nl];
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(nl));
    }
  });

  it('fills placeholders', () => {
    expect(translate('nl', 'duplicateKeys', { n: 2 })).toBe('2 dubbele keys');
    expect(translate('en', 'incomplete', { reason: 'input 2 of Join is not connected' })).toBe(
      'Graph incomplete: input 2 of Join is not connected. The saved expression is unchanged.',
    );
  });
});
