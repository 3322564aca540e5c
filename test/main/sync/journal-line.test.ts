import { describe, expect, it } from 'vitest';
import { journalLine, type JournalEntry } from '../../../src/main/sync/journal';

describe('journalLine', () => {
  it('writes each entry as JSON.stringify does, keys in the entry’s order', () => {
    const entries: JournalEntry[] = [
      { t: 'header', planId: '0123456789abcdef', target: 'sandbox:/tmp/x' },
      { t: 'intent', op: 'user:100011' },
      { t: 'intent', op: 'group:Team "Wijk" \\ Noord\n' },
      { t: 'done', op: 'user:100011' },
      { t: 'done', op: 'user:100011', id: '7f3c-ë' },
      { t: 'done', op: 'user:100011', id: 'x', recovered: true },
      { t: 'fail', op: 'manager:100012', error: 'manager reference left out: "Zoë" 🏠' },
      { op: 'user:1', t: 'intent' } as JournalEntry,
      { t: 'done', id: 'x', op: 'user:1' } as JournalEntry,
      { t: 'done', op: 'user:1', id: undefined } as JournalEntry,
      { t: 'done', op: 'user:1', id: 5 } as unknown as JournalEntry,
    ];
    for (const e of entries) expect(journalLine(e)).toBe(JSON.stringify(e));
  });
});
