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
import type { Resource, ResourceKind, SandboxState, SandboxStore, StoredState } from './store';

export const STATE_FILE = 'sandbox-state.json';
export const LOG_FILE = 'sandbox-changes.jsonl';

type LogEntry =
  { k: 'U' | 'G'; id: string; r: Resource } | { k: 'U' | 'G'; id: string; d: 1 } | { seq: number };

/**
 * Writes the state as JSON (the same text as `JSON.stringify(store.toJSON())`) one resource at a time, through
 * `buf`, and fsyncs it: 100,000 accounts never become one string of a few hundred megabytes. Returns the bytes.
 */
function writeSnapshot(path: string, store: SandboxStore, buf: Buffer): number {
  const fd = openSync(path, 'w');
  const out = new FileWriter(fd, buf);
  const put = (text: string, last = false) => {
    out.put(text);
    if (last) out.flush();
  };
  try {
    put(`{"seq":${JSON.stringify(store.sequence)}`);
    for (const [name, kind] of [
      ['users', 'Users'],
      ['groups', 'Groups'],
    ] as const) {
      put(`,"${name}":[`);
      let first = true;
      // Each resource's text as the store keeps it (a user's is JSON.stringify's, made when it was written).
      for (const text of store.texts(kind)) {
        if (!first) put(',');
        put(text);
        first = false;
      }
      put(']');
    }
    put('}', true);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return out.bytes;
}

/** Bytes of the buffer texts are encoded into before they are written to a file. */
const WRITE_BUFFER = 256 * 1024;

/**
 * Writes texts to a file as UTF-8 through one buffer, made once and used again for every write. Writing a string
 * (`writeSync(fd, text)`) first made it one string (64 KB of log lines, twice that as soon as one account had
 * a character past Latin-1, such as "Ĳ": memory of its own, new pages each time) and then a copy of it as UTF-8
 * in a buffer of its own: of the 100,000-row import's run, some 20,000 page faults (360k → 338k). Same bytes
 * either way.
 */
class FileWriter {
  private at = 0;
  /** The bytes written so far. */
  bytes = 0;

  constructor(
    private readonly fd: number,
    private readonly buf: Buffer,
  ) {}

  put(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a pair of them 4).
    if (text.length * 3 > this.buf.length - this.at) {
      this.flush();
      if (text.length * 3 > this.buf.length) {
        this.bytes += writeSync(this.fd, text);
        return;
      }
    }
    this.at += this.buf.write(text, this.at);
  }

  /** Writes what the buffer holds. */
  flush(): void {
    for (let from = 0; from < this.at;) from += writeSync(this.fd, this.buf, from, this.at - from);
    this.bytes += this.at;
    this.at = 0;
  }
}

/** The start of a change-log line that holds a resource: `{"k":"U","id":"…","r":` (the resource follows). */
function linePrefix(k: 'U' | 'G', id: string): string {
  return `{"k":"${k}","id":${JSON.stringify(id)},"r":`;
}

/**
 * The resource's JSON text in a change-log line, when the line is as the sandbox writes it (the prefix, the
 * text, `}`: JSON.stringify({ k, id, r }), as every version of the sandbox wrote it); else undefined, and the
 * text is made from the line's object.
 */
function resourceText(line: string, k: 'U' | 'G', id: string): string | undefined {
  const prefix = linePrefix(k, id);
  return line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : undefined;
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
  /** What the log and the snapshot are encoded into before they are written (see FileWriter), once made. */
  private writeBuffer: Buffer | null = null;

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
    return this.read((r) => r);
  }

  /**
   * The saved state as `store` keeps it: each user as its JSON text (the text in its change-log line, else the
   * snapshot's object written as JSON again), never all of them as objects at once.
   */
  loadStored(store: SandboxStore): StoredState | null {
    return this.read((r, text) => store.storedUser(r, text));
  }

  /**
   * The saved state, each user made into what `user` returns from its object and, when it comes from a line
   * of the change log, its JSON text in that line.
   */
  private read<U extends { id: string }>(
    user: (r: Resource, text: string | undefined) => U,
  ): { seq: number; users: U[]; groups: Resource[] } | null {
    let state: SandboxState | null = null;
    if (existsSync(this.statePath)) {
      const text = readFileSync(this.statePath, 'utf8');
      this.snapshotBytes = Buffer.byteLength(text);
      state = JSON.parse(text) as SandboxState;
    }
    const snapshotUsers = (state?.users ?? []).map((u) => user(u, undefined));
    if (state) state.users = [];
    if (!existsSync(this.logPath))
      return state ? { seq: state.seq, users: snapshotUsers, groups: state.groups } : null;
    const users = new Map(snapshotUsers.map((u) => [u.id, u]));
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
      if ('d' in e) (e.k === 'U' ? users : groups).delete(e.id);
      else {
        if (e.k === 'U') users.set(e.id, user(e.r, resourceText(line, e.k, e.id)));
        else groups.set(e.id, e.r);
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
    if (lines === 0) return state ? { seq: state.seq, users: snapshotUsers, groups: state.groups } : null;
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
    // Encoded into one buffer and written from it when full (WRITE_BUFFER): a batch of thousands of accounts
    // never becomes one string of megabytes, and its lines are not made one string either.
    const out = new FileWriter(this.fd, this.buffer());
    if (this.tornTail) out.put('\n');
    this.tornTail = false;
    const put = (line: string) => {
      out.put(line);
      out.put('\n');
    };
    let left = max;
    for (const kind of ['Users', 'Groups'] as const) {
      const ids = this.dirty[kind];
      const k = kind === 'Users' ? 'U' : 'G';
      for (const id of ids) {
        if (left-- <= 0) break;
        ids.delete(id);
        const text = store.textById(kind, id);
        // The same text as JSON.stringify({ k, id, r }), without the wrapper object per account: the resource's
        // text as the store keeps it (a user's, made when it was written; a group's member list in pieces).
        if (text === undefined) put(JSON.stringify({ k, id, d: 1 }));
        else {
          out.put(linePrefix(k, id));
          out.put(text);
          out.put('}\n');
        }
      }
    }
    if (this.pendingCount > 0) {
      out.flush();
      this.logBytes += out.bytes;
      return true;
    }
    put(JSON.stringify({ seq: store.sequence }));
    out.flush();
    this.logBytes += out.bytes;
    if (this.outgrown) this.compact();
    return false;
  }

  private buffer(): Buffer {
    return (this.writeBuffer ??= Buffer.allocUnsafeSlow(WRITE_BUFFER));
  }

  /** The log is worth folding into the snapshot. */
  private get outgrown(): boolean {
    return this.logBytes >= this.compactAtBytes && this.logBytes > this.snapshotBytes;
  }

  /** Writes the whole state as the new snapshot (atomically) and empties the log. */
  compact(): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    this.snapshotBytes = writeSnapshot(tmp, this.store(), this.buffer());
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
