import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
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
  private readonly dirty = new Map<string, { kind: ResourceKind; id: string }>();
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
    const text = readFileSync(this.logPath, 'utf8');
    this.logBytes = Buffer.byteLength(text);
    this.tornTail = text !== '' && !text.endsWith('\n');
    if (text.trim() === '') return state;
    const users = new Map((state?.users ?? []).map((u) => [u.id, u]));
    const groups = new Map((state?.groups ?? []).map((g) => [g.id, g]));
    let seq = state?.seq ?? 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let e: LogEntry;
      try {
        e = JSON.parse(line) as LogEntry;
      } catch {
        continue; // torn last line
      }
      if ('seq' in e) {
        seq = Math.max(seq, e.seq);
        continue;
      }
      const map = e.k === 'U' ? users : groups;
      if ('d' in e) map.delete(e.id);
      else map.set(e.id, e.r);
    }
    return { seq, users: [...users.values()], groups: [...groups.values()] };
  }

  /** Notes a resource to write at the next flush; without arguments: everything (a seed, a load). */
  changed(kind?: ResourceKind, id?: string): void {
    if (!kind || !id) this.all = true;
    else this.dirty.set(`${kind}:${id}`, { kind, id });
  }

  get pending(): boolean {
    return this.all || this.dirty.size > 0;
  }

  /** Appends the changed resources to the log in one write; folds the log into the snapshot when it is large. */
  flush(): void {
    if (this.all) {
      this.compact();
      return;
    }
    if (this.dirty.size === 0) return;
    const store = this.store();
    const lines: string[] = [];
    for (const { kind, id } of this.dirty.values()) {
      const k = kind === 'Users' ? 'U' : 'G';
      const r = (kind === 'Users' ? store.users : store.groups).get(id);
      lines.push(JSON.stringify(r ? { k, id, r } : { k, id, d: 1 }));
    }
    lines.push(JSON.stringify({ seq: store.sequence }));
    this.dirty.clear();
    const text = `${this.tornTail ? '\n' : ''}${lines.join('\n')}\n`;
    this.tornTail = false;
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(this.logPath, 'a');
    }
    writeSync(this.fd, text);
    this.logBytes += Buffer.byteLength(text);
    if (this.outgrown) this.compact();
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
    this.dirty.clear();
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
