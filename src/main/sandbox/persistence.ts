import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Resource, ResourceKind, SandboxState, SandboxStore } from './store';

export const STATE_FILE = 'sandbox-state.json';
export const LOG_FILE = 'sandbox-changes.jsonl';

type LogEntry =
  { k: 'U' | 'G'; id: string; r: Resource } | { k: 'U' | 'G'; id: string; d: 1 } | { seq: number };

/**
 * Writes the state as JSON (the same text as `JSON.stringify(store.toJSON())`) one resource at a time, in 1 MB
 * writes, and fsyncs it: 100,000 accounts never become one string of a few hundred megabytes. Returns the bytes.
 */
function writeSnapshot(path: string, store: SandboxStore): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let piece: string[] = [];
  let size = 0;
  const put = (text: string, force = false) => {
    piece.push(text);
    size += text.length;
    if (size < 1_048_576 && !force) return;
    const chunk = Buffer.from(piece.join(''), 'utf8');
    writeSync(fd, chunk);
    bytes += chunk.length;
    piece = [];
    size = 0;
  };
  try {
    put(`{"seq":${JSON.stringify(store.sequence)}`);
    for (const [name, map] of [
      ['users', store.users],
      ['groups', store.groups],
    ] as const) {
      put(`,"${name}":[`);
      let first = true;
      for (const r of map.values()) {
        put(`${first ? '' : ','}${JSON.stringify(r)}`);
        first = false;
      }
      put(']');
    }
    put('}', true);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * Calls `each` with every line of a UTF-8 file (without its newline; the last one even when the file does not end
 * in a newline), reading it in 4 MB pieces. Returns the file's size and its last byte.
 */
function readLines(path: string, each: (line: string) => void): { bytes: number; last: number } {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(4 * 1024 * 1024);
  let bytes = 0;
  let last = -1;
  let rest = '';
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      bytes += n;
      last = chunk[n - 1]!;
      const text = rest + decoder.write(chunk.subarray(0, n));
      let from = 0;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
        each(text.slice(from, at));
        from = at + 1;
      }
      rest = text.slice(from);
    }
    rest += decoder.end();
    if (rest) each(rest);
  } finally {
    closeSync(fd);
  }
  return { bytes, last };
}

/**
 * The sandbox's state on disk: a snapshot (`sandbox-state.json`) plus an append-only change log
 * (`sandbox-changes.jsonl`) of the resources written since. A change costs one appended line instead of
 * rewriting the whole state — a 100,000-account import used to rewrite a 100 MB file four times a second. The
 * log is folded into a new snapshot (temp file + rename, then the log is emptied) once it is large (256 MB) and
 * larger than the snapshot — not on every stop: rewriting 100 MB of state at the end of each command cost as much
 * as reading it again at the next start. A torn last line (a kill mid-write) is ignored on load; replaying a log
 * over a snapshot that already holds it is harmless (each line is a resource's whole new state). Read the state
 * of a folder with `readSandboxState`.
 */
export class SandboxPersistence {
  private readonly statePath: string;
  private readonly logPath: string;
  /** The ids of the resources changed since they were last written, per kind, in the order they first changed. */
  private readonly dirty = { Users: new Set<string>(), Groups: new Set<string>() };
  private all = false;
  private logBytes = 0;
  private snapshotBytes = 0;
  private fd: number | null = null;
  /** The log ends in half a line (a kill mid-write): the next write starts on a new line. */
  private tornTail = false;

  constructor(
    private readonly dir: string,
    private readonly store: () => SandboxStore,
    /** Fold the log into a snapshot once it is this many bytes and larger than the snapshot. */
    private readonly compactAtBytes = 256 * 1024 * 1024,
  ) {
    this.statePath = join(dir, STATE_FILE);
    this.logPath = join(dir, LOG_FILE);
  }

  /** The saved state (snapshot + replayed log), or null when the folder holds none yet. */
  load(): SandboxState | null {
    let state: SandboxState | null = null;
    if (existsSync(this.statePath)) {
      const text = readFileSync(this.statePath, 'utf8');
      this.snapshotBytes = Buffer.byteLength(text);
      state = JSON.parse(text) as SandboxState;
    }
    if (!existsSync(this.logPath)) return state;
    const users = new Map((state?.users ?? []).map((u) => [u.id, u]));
    const groups = new Map((state?.groups ?? []).map((g) => [g.id, g]));
    let seq = state?.seq ?? 0;
    let lines = 0;
    const apply = (line: string): void => {
      if (line.trim() === '') return;
      lines++;
      let e: LogEntry;
      try {
        e = JSON.parse(line) as LogEntry;
      } catch {
        return; // torn last line
      }
      if ('seq' in e) {
        seq = Math.max(seq, e.seq);
        return;
      }
      const map = e.k === 'U' ? users : groups;
      if ('d' in e) map.delete(e.id);
      else {
        map.set(e.id, e.r);
        // A batch cut off before its sequence line: its versions still count (an ETag is never given twice).
        const v = /\d+/.exec(e.r.meta?.version ?? '');
        if (v) seq = Math.max(seq, Number(v[0]));
      }
    };
    // Read a few megabytes at a time: after an initial import the log is 100 MB, which as one string sat beside
    // the accounts parsed from it (and set how far the heap grew before its next full collection).
    const { bytes, last } = readLines(this.logPath, apply);
    this.logBytes = bytes;
    this.tornTail = bytes > 0 && last !== 0x0a;
    if (lines === 0) return state;
    return { seq, users: [...users.values()], groups: [...groups.values()] };
  }

  /** Notes a resource to write at the next flush; without arguments: everything (a seed, a load). */
  changed(kind?: ResourceKind, id?: string): void {
    if (!kind || !id) this.all = true;
    else this.dirty[kind].add(id);
  }

  get pending(): boolean {
    return this.all || this.pendingCount > 0;
  }

  /** How many changed resources are waiting to be written. */
  get pendingCount(): number {
    return this.dirty.Users.size + this.dirty.Groups.size;
  }

  /** Appends the changed resources to the log; folds the log into the snapshot when it is large. */
  flush(): void {
    this.flushSome(Infinity);
  }

  /**
   * Appends at most `max` of the changed resources to the log (users, then groups, each in the order they first
   * changed since they were last written), and the sequence once none is left; true when some are still to write. A running sandbox writes its
   * log in such slices, between requests: one flush of 4,000 new accounts kept every request waiting behind it
   * for tens of milliseconds, and the client with them.
   */
  flushSome(max: number): boolean {
    if (this.all) {
      this.compact();
      return false;
    }
    if (this.pendingCount === 0) return false;
    const store = this.store();
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(this.logPath, 'a');
    }
    // Written in pieces of about 16K characters: a batch of thousands of accounts never becomes one string of
    // megabytes (which would sit in the old generation until the next full collection), and a piece stays where
    // short-lived strings are made. One of more than 64K characters with a letter above U+00FF (two bytes each)
    // gets memory of its own from the system each time: 70 MB of fresh pages in a 100,000-account import.
    let piece = this.tornTail ? '\n' : '';
    this.tornTail = false;
    const put = (line: string, last = false) => {
      if (line) piece += `${line}\n`;
      if ((piece.length < 16_384 && !last) || piece === '') return;
      this.logBytes += writeSync(this.fd!, piece);
      piece = '';
    };
    let left = max;
    for (const kind of ['Users', 'Groups'] as const) {
      const ids = this.dirty[kind];
      const k = kind === 'Users' ? 'U' : 'G';
      const resources = kind === 'Users' ? store.users : store.groups;
      for (const id of ids) {
        if (left-- <= 0) break;
        ids.delete(id);
        const r = resources.get(id);
        // The same text as JSON.stringify({ k, id, r }), without the wrapper object per account (a group's
        // member list as the store keeps its text).
        put(
          r
            ? `{"k":"${k}","id":${JSON.stringify(id)},"r":${store.toJson(r)}}`
            : JSON.stringify({ k, id, d: 1 }),
        );
      }
    }
    if (this.pendingCount > 0) {
      put('', true);
      return true;
    }
    put(JSON.stringify({ seq: store.sequence }), true);
    if (this.outgrown) this.compact();
    return false;
  }

  /** The log is worth folding into the snapshot. */
  private get outgrown(): boolean {
    return this.logBytes >= this.compactAtBytes && this.logBytes > this.snapshotBytes;
  }

  /** Writes the whole state as the new snapshot (atomically) and empties the log. */
  compact(): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    this.snapshotBytes = writeSnapshot(tmp, this.store());
    renameSync(tmp, this.statePath);
    this.all = false;
    this.dirty.Users.clear();
    this.dirty.Groups.clear();
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (existsSync(this.logPath) && statSync(this.logPath).size > 0) truncateSync(this.logPath, 0);
    this.logBytes = 0;
    this.tornTail = false;
  }

  /**
   * On stop: what is pending goes to the log, which is synced; a new snapshot only when the log has outgrown it
   * (or everything changed, as after a seed).
   */
  close(): void {
    if (this.all || this.outgrown) this.compact();
    else this.flush();
    if (this.fd !== null) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

/**
 * The state saved in a sandbox folder (snapshot + change log), or null when it holds none: for tools and tests
 * that look at a sandbox without starting it.
 */
export function readSandboxState(dir: string): SandboxState | null {
  return new SandboxPersistence(dir, () => {
    throw new Error('readSandboxState only reads');
  }).load();
}
