import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/main/sync';

describe('progressLine', () => {
  it.each([
    [
      { done: 0, total: 1000, rate: 0, etaSeconds: null },
      '[------------------------------]    0/1000  0 ops/s  ETA --',
    ],
    [
      { done: 412, total: 1000, rate: 385.4, etaSeconds: 1.53 },
      '[############------------------]  412/1000  385 ops/s  ETA 2s',
    ],
    [
      { done: 500, total: 100000, rate: 2, etaSeconds: 49750 },
      '[------------------------------]    500/100000  2 ops/s  ETA 13h49m',
    ],
    [
      { done: 0, total: 0, rate: 0, etaSeconds: null },
      '[##############################] 0/0  0 ops/s  ETA --',
    ],
  ])('%j', (p, line) => {
    expect(progressLine(p, 'en')).toBe(line);
  });

  it('speaks Dutch in a Dutch CLI, with the same bar and counts', () => {
    expect(progressLine({ done: 412, total: 1000, rate: 385.4, etaSeconds: 1.53 }, 'nl')).toBe(
      '[############------------------]  412/1000  385 bewerkingen/s  nog 2s',
    );
    // Counts stay plain digits in either language: the line is redrawn in place and must keep its width.
    expect(progressLine({ done: 500, total: 100000, rate: 1500, etaSeconds: 49750 }, 'nl')).toBe(
      '[------------------------------]    500/100000  1500 bewerkingen/s  nog 13h49m',
    );
  });
});
