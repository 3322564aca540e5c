import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dailyStateText,
  readDailyState,
  writeDailyState,
  type DailyState,
} from '../../../src/main/sync/state';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NAMES = ['Chloë', 'Ĳsbrand', 'Ayşe "Ay" Yılmaz', 'back\\slash', 'line\u2028sep', '🙂 emoji', "O'Brien"];

/** A daily state of `n` users with messy values: quotes, backslashes, letters above U+00FF, absent and null fields. */
function stateOf(n: number, mapping = '/data/mappings/"users":[] hr.plekmap.json'): DailyState {
  return {
    version: 1,
    mapping,
    target: 'sandbox:/tmp/"users"',
    today: '2026-11-23',
    rows: n + 3,
    users: Array.from({ length: n }, (_, i) => ({
      key: `E${String(i).padStart(6, '0')}`,
      ...(i % 5 === 0 ? {} : { email: `user${i}@gemeente-voorbeeld.nl` }),
      givenName: NAMES[i % NAMES.length]!,
      familyName: i % 7 === 0 ? null : `van der ${NAMES[(i * 3) % NAMES.length]}`,
      ...(i % 3 === 0 ? { birthDate: '03-04-1975' } : {}),
    })),
  };
}

describe('the daily state file', () => {
  it('is JSON.stringify of the state and a line feed, in pieces of some 16K characters', () => {
    const state = stateOf(5000);
    const pieces = [...dailyStateText(state)];
    expect(pieces.join('')).toBe(`${JSON.stringify(state)}\n`);
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(17_000);
  });

  it('without users, or with one, is the same text', () => {
    for (const state of [stateOf(0), stateOf(1), stateOf(2, 'plain.plekmap.json')])
      expect([...dailyStateText(state)].join('')).toBe(`${JSON.stringify(state)}\n`);
  });

  it('is written and read back as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-state-text-'));
    dirs.push(dir);
    const path = join(dir, 'state', 'hr-0123.json');
    const state = stateOf(3000);
    await writeDailyState(path, state);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(state)}\n`);
    expect(await readDailyState(path)).toEqual(state);
  });
});
