import { refuse } from '../../shared/api/contract';
import type { TaskKind } from '../../shared/api/refusals';

/** Time budgets for one request that maps rows in the main process (the app waits while it runs). */
export const BUDGET_MS = {
  /** The live preview on sample rows (≤ 5,000): normally milliseconds. */
  preview: 10_000,
  /** Validating the renderer's sample rows. */
  sample: 10_000,
  /** Validating or planning the whole source (100k rows take about 1.5 s). */
  whole: 120_000,
} as const;

/**
 * Passes records through while the request is within its time budget, and stops the request with a clear
 * message once it is not. Mapping runs synchronously in the main process, so this check between rows is what
 * keeps one slow mapping (many large expressions on long cells) from holding every other request of the app.
 * The engine itself stays clock-free: the budget lives here, around it.
 */
export function* withinBudget<T>(
  records: Iterable<T>,
  ms: number,
  what: TaskKind,
  now: () => number = () => performance.now(),
): Generator<T> {
  const start = now();
  let n = 0;
  for (const record of records) {
    // Every row: one row can be slow (Replace on 10,000 characters, many times), and a clock read is cheap.
    if (++n > 1 && now() - start > ms)
      throw refuse(
        'cancelled',
        `${what === 'preview' ? 'the preview' : what} stopped after ${Math.round(ms / 1000)} s, before record ${n}: the mapping takes too long per row; simplify its expressions (long texts, many Replace calls)`,
        'refusal.tooSlow',
        { task: what, seconds: Math.round(ms / 1000), record: n },
      );
    yield record;
  }
}
