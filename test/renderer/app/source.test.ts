import { describe, expect, it } from 'vitest';
import { delimiterReason, encodingReason } from '../../../src/renderer/src/app/logic/source';
import { translate } from '../../../src/renderer/src/app/i18n';

describe('encodingReason', () => {
  it.each([
    ['auto', 'windows-1252', 'source.reason.cp1252'],
    ['auto', 'utf-8', 'source.reason.utf8'],
    ['auto', 'utf-16le', 'source.reason.bom'],
    [undefined, 'utf-8-bom', 'source.reason.bom'],
    ['windows-1252', 'windows-1252', 'source.reason.chosen'],
  ] as const)('asked %s, read %s → %s', (asked, detected, key) => {
    expect(encodingReason(asked, detected)).toBe(key);
  });

  it('reads as a Dutch sentence', () => {
    expect(
      translate('nl', 'source.because', { reason: translate('nl', encodingReason('auto', 'windows-1252')) }),
    ).toBe('omdat de bytes geen geldige UTF-8 zijn (gebruikelijk voor Excel op Windows)');
  });
});

describe('delimiterReason', () => {
  it('says whether the delimiter was detected or chosen', () => {
    expect(delimiterReason('auto')).toBe('source.reason.delimiter');
    expect(delimiterReason(';')).toBe('source.reason.chosen');
  });
});
