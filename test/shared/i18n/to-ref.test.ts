import { describe, expect, it } from 'vitest';
import { flattenMessage, formatMessage, formatRef, said, toRef } from '../../../src/shared/i18n';

describe('a coded message crosses the API as flat data and is worded on the other side', () => {
  it('keeps messages inside messages, at any depth, and words each part in the screen’s language', () => {
    const m = said('refusal.sourceFailed', {
      message: [said('sourceError.unreadable', { file: 'hr.csv', reason: [said('sys.read.missing')] })],
    });
    const ref = toRef(m);
    // Only strings and numbers: the contract's MessageRef.
    for (const v of Object.values(ref.values)) expect(['string', 'number']).toContain(typeof v);
    for (const lang of ['nl', 'en'] as const) expect(formatRef(lang, ref)).toBe(formatMessage(lang, m));
    expect(formatRef('nl', ref)).toBe(
      'De bron of het doel meldde een probleem: hr.csv is niet te lezen: het bestand bestaat niet (verplaatst of hernoemd?); kies het bestand opnieuw',
    );
  });

  it('words a list of several messages joined, and still reads the one-message form of flattenMessage', () => {
    const list = said('cli.error.target', { reason: [said('sys.net.refused'), said('sys.net.timeout')] });
    expect(formatRef('en', toRef(list))).toBe(formatMessage('en', list));
    const flat = { id: 'refusal.sourceFailed', values: flattenMessage('message', said('sys.write.full')) };
    expect(formatRef('nl', flat)).toBe('De bron of het doel meldde een probleem: de schijf is vol');
  });
});
