import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as NodeFs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The journal's periodic fsync runs in libuv's thread pool (beside the apply); `fsync` is made to fail or to be slow
// here to see what the journal does then. Everything else of node:fs is the real one.
const control = vi.hoisted(() => ({
  fail: false,
  /** The periodic fsyncs' callbacks, called by the test (an fsync still under way until then). */
  held: [] as (() => void)[],
  hold: false,
}));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof NodeFs>();
  return {
    ...fs,
    fsync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      if (control.fail) {
        done(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO', syscall: 'fsync' }));
        return;
      }
      const run = () => fs.fsync(fd, done);
      if (control.hold) control.held.push(run);
      else run();
    },
  };
});

const { Journal, readJournal } = await import('../../../src/main/sync/journal');
type Plan = Parameters<typeof Journal.open>[1];

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  control.fail = false;
  control.hold = false;
  control.held.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function journalPath(): string {
  const d = mkdtempSync(join(tmpdir(), 'plek-journal-sync-'));
  dirs.push(d);
  return join(d, 'run.journal.jsonl');
}

const plan = {
  version: 1,
  createdAt: '2026-12-02T10:00:00.000Z',
  target: { url: 'sandbox:/tmp/plek' },
  changes: [],
  counts: {},
  safety: { ok: true, reasons: [] },
} as unknown as Plan;

/** Entries for a bulk batch of creates: the intents, then the results with their Plek ids. */
function batch(from: number, n: number) {
  const ops = Array.from({ length: n }, (_, i) => `user:${100000 + from + i}`);
  return {
    intents: ops.map((op) => ({ t: 'intent' as const, op })),
    done: ops.map((op, i) => ({ t: 'done' as const, op, id: `id-${from + i}` })),
  };
}

describe('the journal while the apply goes on', () => {
  it('syncs beside it once a second has passed, keeps writing meanwhile, and has every entry when closed', async () => {
    const path = journalPath();
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    control.hold = true;
    const { journal } = Journal.open(path, plan);
    for (let b = 0; b < 5; b++) {
      const { intents, done } = batch(b * 50, 50);
      journal.appendMany(intents);
      now += 1500; // a second and a half per batch: each asks for an fsync
      journal.appendMany(done);
    }
    // One fsync at a time: the others were not started while the first was under way.
    expect(control.held).toHaveLength(1);
    // Closed while that fsync is under way: everything is synced now, the descriptor closed once it returns.
    journal.close();
    control.held.splice(0).forEach((run) => run());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { header, state } = readJournal(path);
    expect(header).toMatchObject({ t: 'header' });
    expect(state.done.size).toBe(250);
    expect(state.done.get('user:100249')).toEqual({ id: 'id-249' });
    expect(state.inFlight.size).toBe(0);
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(501);
  });

  it('a failed fsync beside the apply stops it at the next entry, as a failed synchronous one did', () => {
    const path = journalPath();
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { journal } = Journal.open(path, plan);
    control.fail = true;
    const { intents, done } = batch(0, 3);
    now += 1500;
    journal.appendMany(intents); // its fsync fails
    expect(() => journal.appendMany(done)).toThrow(/EIO/);
    journal.close();
    // What was written before the failure is there.
    expect(readJournal(path).state.inFlight.size).toBe(3);
  });
});
