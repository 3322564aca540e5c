import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDuration,
  progressStats,
  runOutcome,
} from '../../../src/renderer/src/app/logic/format';

describe('progressStats', () => {
  it('computes rate and ETA from elapsed time', () => {
    expect(progressStats(250, 1000, 5000)).toEqual({ fraction: 0.25, rate: 50, etaSeconds: 15 });
  });
  it('has no rate or ETA before the first item', () => {
    expect(progressStats(0, 1000, 3000)).toEqual({ fraction: 0, rate: null, etaSeconds: null });
  });
  it('clamps and finishes at zero ETA', () => {
    expect(progressStats(1200, 1000, 1000)).toMatchObject({ fraction: 1, etaSeconds: 0 });
    expect(progressStats(3, 0, 1000).fraction).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [8, '8 s'],
    [60, '1 min'],
    [75, '1 min 15 s'],
    [3600, '1 h'],
    [3725, '1 h 2 min'],
    [-3, '0 s'],
  ])('%d s → %s', (s, text) => expect(formatDuration(s)).toBe(text));
});

describe('formatDate', () => {
  it('writes dd-mm-yyyy in Dutch and ISO in English', () => {
    expect(formatDate('2026-03-01', 'nl')).toBe('01-03-2026');
    expect(formatDate('2026-03-01', 'en')).toBe('2026-03-01');
    expect(formatDate('31-12-2026', 'nl')).toBe('31-12-2026');
  });
});

describe('runOutcome', () => {
  it.each([
    ['completed', 0, 'completed'],
    ['completed', 22, 'completedWithFailures'],
    ['completed', 1, 'completedWithFailures'],
    ['failed', 3, 'failed'],
    ['cancelled', 0, 'cancelled'],
    ['running', 2, 'running'],
  ] as const)('%s with %i failed operations is %s', (status, failed, expected) => {
    expect(runOutcome(status, failed)).toBe(expected);
  });
});

describe('runOutcome when nothing failed but people need attention', () => {
  it('is its own state, and failures still win', () => {
    expect(runOutcome('completed', 0, 23)).toBe('completedWithAttention');
    expect(runOutcome('completed', 2, 23)).toBe('completedWithFailures');
    expect(runOutcome('completed', 0, 0)).toBe('completed');
    expect(runOutcome('cancelled', 0, 5)).toBe('cancelled');
  });
});

describe('runOutcome with the service’s own verdict', () => {
  it('reads completed-with-failures as finished with failures', () => {
    expect(runOutcome('completed-with-failures', 0)).toBe('completedWithFailures');
  });
});
