import { closeSync, existsSync, fsync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { planIdentityParts } from '../../shared/plan/identity';
import type { Plan } from '../../shared/plan/types';
import { said } from '../../shared/i18n/message';
import { UserError } from '../user-error';

export type JournalEntry =
  | { t: 'header'; planId: string; target: string }
  | { t: 'intent'; op: string }
  | { t: 'done'; op: string; id?: string; recovered?: boolean }
  | { t: 'fail'; op: string; error: string };

export interface JournalState {
  /** Operations that finished, with the Plek id they produced or touched. */
  done: Map<string, { id?: string }>;
  /** Operations started but not known to have finished (the run was killed in between). */
  inFlight: Set<string>;
  failed: Map<string, string>;
}

const planIds = new WeakMap<Plan, string>();

/**
 * What the id's hash starts with: the scheme's version. An id made by an earlier scheme (the hash of the plan
 * file's text) never equals one of this scheme, so a journal written before is refused, never resumed.
 */
const PLAN_ID_SCHEME = 'plek-plan-id/2\n';

/**
 * A plan's identity: the journal only resumes the plan it was written for, and `run` names its files by it. The
 * hash of the plan's whole content (`planIdentityParts`, in pieces of some 16K characters); remembered per plan
 * object.
 */
export function planId(plan: Plan): string {
  let id = planIds.get(plan);
  if (id === undefined) {
    const hash = createHash('sha256').update(PLAN_ID_SCHEME);
    for (const part of planIdentityParts(plan)) hash.update(part);
    id = hash.digest('hex').slice(0, 16);
    planIds.set(plan, id);
  }
  return id;
}

/**
 * An entry's line: the same text as `JSON.stringify(e)` (keys in the entry's order), written out for the two
 * entries every operation has (intent, done), which an import writes a quarter of a million times.
 */
export function journalLine(e: JournalEntry): string {
  if (e.t === 'intent' && keysAre(e, INTENT)) return `{"t":"intent","op":${JSON.stringify(e.op)}}`;
  if (e.t === 'done') {
    if (keysAre(e, DONE)) return `{"t":"done","op":${JSON.stringify(e.op)}}`;
    if (typeof e.id === 'string' && keysAre(e, DONE_ID))
      return `{"t":"done","op":${JSON.stringify(e.op)},"id":${JSON.stringify(e.id)}}`;
  }
  return JSON.stringify(e);
}

const INTENT = ['t', 'op'];
const DONE = ['t', 'op'];
const DONE_ID = ['t', 'op', 'id'];

/** The object has exactly these keys, in this order, and `op` is a string. */
function keysAre(e: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in e) if (keys[i++] !== k) return false;
  return i === keys.length && typeof (e as { op?: unknown }).op === 'string';
}

/** Reads a journal; a torn last line (killed mid-write) is ignored. */
export function readJournal(path: string): { header: JournalEntry | null; state: JournalState } {
  const state: JournalState = { done: new Map(), inFlight: new Set(), failed: new Map() };
  if (!existsSync(path)) return { header: null, state };
  let header: JournalEntry | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let e: JournalEntry;
    try {
      e = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (e.t === 'header') header = e;
    else if (e.t === 'intent') state.inFlight.add(e.op);
    else if (e.t === 'done') {
      state.inFlight.delete(e.op);
      state.failed.delete(e.op);
      state.done.set(e.op, e.id ? { id: e.id } : {});
    } else if (e.t === 'fail') {
      state.inFlight.delete(e.op);
      state.failed.set(e.op, e.error);
    }
  }
  return { header, state };
}

/**
 * Append-only JSONL journal: intent before each operation, result after. Entries go out with one write(2) per
 * batch, so a kill -9 loses at most a torn last line (the reader ignores it); the OS keeps what was written.
 * fsync runs at most once a second (or every 5,000 entries) and on close: fsync per operation would halve the
 * throughput, and a create lost to a power cut is still found again by externalId before it is repeated. The
 * periodic fsync runs beside the apply (libuv's thread pool), not in its way: the entries are the OS's from their
 * write(2) on, and only a power cut needs the disk to have them; the header's and the last one on close wait.
 */
export class Journal {
  private readonly fd: number;
  private unsynced = 0;
  private lastSync = Date.now();
  /** An fsync is under way in the thread pool; `close` then leaves the descriptor to it to close. */
  private syncing = false;
  private closeWhenSynced = false;
  /** What that fsync failed with: thrown by the next entry (or close), as the synchronous fsync threw it. */
  private syncFailure: Error | null = null;

  private constructor(
    readonly path: string,
    private readonly syncEvery = 5000,
  ) {
    this.fd = openSync(path, 'a');
  }

  static open(path: string, plan: Plan): { journal: Journal; state: JournalState } {
    const id = planId(plan);
    const { header, state } = readJournal(path);
    if (header && (header.t !== 'header' || header.planId !== id)) {
      throw new UserError(said('cli.error.journalOtherPlan', { file: path }));
    }
    const journal = new Journal(path);
    if (!header) {
      journal.append({ t: 'header', planId: id, target: plan.target.url });
      journal.sync();
    }
    return { journal, state };
  }

  append(e: JournalEntry): void {
    this.appendMany([e]);
  }

  /** Several entries in one write(2) (a bulk batch's intents, or its results). */
  appendMany(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    this.throwSyncFailure();
    let text = '';
    for (const e of entries) text += `${journalLine(e)}\n`;
    writeSync(this.fd, text);
    this.unsynced += entries.length;
    if (this.unsynced >= this.syncEvery || Date.now() - this.lastSync > 1000) this.syncSoon();
  }

  /** Everything written so far on disk before this returns. */
  sync(): void {
    if (this.unsynced === 0) return;
    fsyncSync(this.fd);
    this.unsynced = 0;
    this.lastSync = Date.now();
  }

  /** Everything written so far on its way to disk (one fsync at a time); the apply goes on meanwhile. */
  private syncSoon(): void {
    if (this.syncing) return;
    this.syncing = true;
    this.unsynced = 0;
    this.lastSync = Date.now();
    fsync(this.fd, (error) => {
      this.syncing = false;
      if (error) this.syncFailure ??= error;
      if (this.closeWhenSynced) closeSync(this.fd);
    });
  }

  private throwSyncFailure(): void {
    const failure = this.syncFailure;
    this.syncFailure = null;
    if (failure) throw failure;
  }

  close(): void {
    if (this.syncing) this.unsynced = Math.max(this.unsynced, 1);
    try {
      this.sync();
      this.throwSyncFailure();
    } finally {
      // Not closed under an fsync still under way (its descriptor could be another file's by then).
      if (this.syncing) this.closeWhenSynced = true;
      else closeSync(this.fd);
    }
  }
}
