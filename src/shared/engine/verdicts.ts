import type { Issue } from '../issues';
import type { SourceRecord } from '../source/types';

/**
 * What the row-local stage of a mapping run decided of a block of rows, packed to cross to another thread as one
 * message: typed arrays and one string, not an object per row. The row-local stage (scope, fields, deactivation and
 * start date, the checks of a row's own values) runs where the rows are read; the thread that holds the run files
 * the rows (keys, emails, logins seen before) from this in row order, exactly as it files the rows it maps itself
 * (run.ts `pushVerdicts`).
 */
export interface RowVerdicts {
  /** Spreadsheet row of each row. */
  rows: Int32Array;
  /** EARLY_ERROR, EARLY_SKIPPED, or INDEXED + the row's status (run.ts: ACTIVE, DEACTIVATE, STARTING, ERROR). */
  kinds: Uint8Array;
  /** LEAVING | IS_ACTIVE. */
  flags: Uint8Array;
  /** Where the only "@" of a plain email is, or −1 (run.ts indexRow). */
  emailAt: Int32Array;
  /** The strings below, one after the other. */
  text: string;
  /** Start and end in `text` of each row's SPANS strings (a start of −1: null). */
  spans: Int32Array;
  /**
   * The rows' own issues, in row order, one entry each: ISSUE_OBJECT (`issueA`: its index in `issues`), or written
   * compactly, to be made into the same Issue by the run that files the row — ISSUE_FIELD_FAILED (`issueA`: the
   * field's index in the compiled mapping, `issueB`: the failure's index in `failures`) and ISSUE_LEAVING_LATER
   * (`issueA`–`issueB`: the date in `text`). A file with a warning on every row then crosses without an object per
   * row: cloning issues as objects cost both threads more than evaluating the rows there saved.
   */
  issueKinds: Uint8Array;
  issueA: Int32Array;
  issueB: Int32Array;
  /** For each row, the end of its entries in `issueKinds`. */
  issueEnd: Int32Array;
  /** The issues written as objects (rarer kinds: a row's general checks, scope, an empty key). */
  issues: Issue[];
  /**
   * The expression failures this block names first, as spans in `text` (start, end: the JSON of the failure's
   * `error`: code, message, detail), numbered from `failureBase` on. The numbers hold for the rest of the file: a
   * failure that repeats (the same bad value on many rows) crosses once; the writer starts again from 0 once it
   * holds MAX_FAILURES, so a file whose every row fails differently keeps a bounded table on both sides.
   */
  failures: Int32Array;
  failureBase: number;
}

/** Issue entries (RowVerdicts `issueKinds`). */
export const ISSUE_OBJECT = 0;
export const ISSUE_FIELD_FAILED = 1;
export const ISSUE_LEAVING_LATER = 2;

/** An expression failure as the row-local stage found it (EvalFailed's `error`). */
export interface FailureData {
  code: string;
  message: string;
  detail?: Readonly<Record<string, string | number>>;
}

/** The most failures a writer numbers before it starts from 0 again (the memo keeps as many per expression). */
export const MAX_FAILURES = 4096;

/** A row without key or with a failing scope (an error), and one out of scope (skipped): never indexed. */
export const EARLY_ERROR = 0;
export const EARLY_SKIPPED = 1;
/** An indexed row: INDEXED + its status. */
export const INDEXED = 2;

export const LEAVING = 1;
export const IS_ACTIVE = 2;

/** The strings of a row: its key, its email as compared, name|family|birth (key-changed), login base, suffix. */
export const SPANS = 5;
export const SPAN_KEY = 0;
export const SPAN_EMAIL = 1;
export const SPAN_NAME_BIRTH = 2;
export const SPAN_LOGIN = 3;
export const SPAN_SUFFIX = 4;

function grownInt(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

function grownByte(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Uint8Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Collects the verdicts of rows, one after the other, into RowVerdicts blocks. */
export class VerdictWriter {
  /** `maxFailures`: how many failures it numbers before it starts from 0 again (smaller in tests). */
  constructor(private readonly maxFailures = MAX_FAILURES) {}

  private count = 0;
  private rows = new Int32Array(512);
  private kinds = new Uint8Array(512);
  private flags = new Uint8Array(512);
  private emailAt = new Int32Array(512);
  private spans = new Int32Array(512 * SPANS * 2);
  private pieces: string[] = [];
  private length = 0;
  private issues: Issue[] = [];
  private issueEnd = new Int32Array(512);
  private entries = 0;
  private issueKinds = new Uint8Array(512);
  private issueA = new Int32Array(512);
  private issueB = new Int32Array(512);
  /** Failures numbered so far, and the first one this block names first. */
  private failureCount = 0;
  private failureBase = 0;
  private failures = new Int32Array(256);
  /** Failures by identity (the memo hands out the same one), and by message (then compared whole). */
  private failureIds = new Map<FailureData, number>();
  private failureByMessage = new Map<string, { id: number; failure: FailureData }>();
  private failureTexts = new Map<string, number>();

  /** Starts the next row; then `text` its strings and `issue` its issues. */
  row(row: number, kind: number, flags: number, emailAt: number): void {
    const n = this.count;
    if (n === this.rows.length) {
      this.rows = grownInt(this.rows, n + 1);
      this.kinds = grownByte(this.kinds, n + 1);
      this.flags = grownByte(this.flags, n + 1);
      this.emailAt = grownInt(this.emailAt, n + 1);
      this.issueEnd = grownInt(this.issueEnd, n + 1);
      this.spans = grownInt(this.spans, (n + 1) * SPANS * 2);
    }
    this.rows[n] = row;
    this.kinds[n] = kind;
    this.flags[n] = flags;
    this.emailAt[n] = emailAt;
    this.spans.fill(-1, n * SPANS * 2, (n + 1) * SPANS * 2);
    this.issueEnd[n] = this.entries;
    this.count = n + 1;
  }

  /** Adds `value` to the block's text; returns where it starts. */
  private append(value: string): number {
    const start = this.length;
    this.pieces.push(value);
    this.length += value.length;
    return start;
  }

  /** One of the current row's strings (SPAN_…); null is left out. */
  text(span: number, value: string | null): void {
    if (value === null) return;
    const at = ((this.count - 1) * SPANS + span) * 2;
    this.spans[at] = this.append(value);
    this.spans[at + 1] = this.length;
  }

  /** One of the current row's issues, as an object. */
  issue(issue: Issue): void {
    this.entry(ISSUE_OBJECT, this.issues.length, 0);
    this.issues.push(issue);
  }

  /** The current row's field `field` (index in the compiled mapping) failed so: run.ts `fieldFailed`. */
  fieldFailed(field: number, failure: FailureData): void {
    let id = this.failureIds.get(failure);
    if (id === undefined) {
      // A failure made afresh for each row (an expression the memo does not keep) is looked up by its message
      // first: a JSON text per row would cost more than the rest of the row.
      const known = this.failureByMessage.get(failure.message);
      if (known !== undefined && sameFailure(known.failure, failure)) id = known.id;
      else {
        const json = failureJson(failure);
        id = this.failureTexts.get(json);
        if (id === undefined) {
          id = this.failureCount++;
          const at = (id - this.failureBase) * 2;
          if (this.failures.length < at + 2) this.failures = grownInt(this.failures, at + 2);
          this.failures[at] = this.append(json);
          this.failures[at + 1] = this.length;
          this.failureTexts.set(json, id);
        }
        if (known === undefined) this.failureByMessage.set(failure.message, { id, failure });
      }
      this.failureIds.set(failure, id);
    }
    this.entry(ISSUE_FIELD_FAILED, field, id);
  }

  /** The current row's person leaves on `date` (yyyy-MM-dd): run.ts `leavingLater`. */
  leavingLater(date: string): void {
    const start = this.append(date);
    this.entry(ISSUE_LEAVING_LATER, start, this.length);
  }

  private entry(kind: number, a: number, b: number): void {
    const k = this.entries;
    if (k === this.issueKinds.length) {
      this.issueKinds = grownByte(this.issueKinds, k + 1);
      this.issueA = grownInt(this.issueA, k + 1);
      this.issueB = grownInt(this.issueB, k + 1);
    }
    this.issueKinds[k] = kind;
    this.issueA[k] = a;
    this.issueB[k] = b;
    this.entries = k + 1;
    this.issueEnd[this.count - 1] = this.entries;
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.count;
  }

  /** Drops what was written since the last `take` (a row that threw halfway). */
  reset(): void {
    this.clear();
    // The failures this block named first are lost with it: numbered again from 0 (the reader overwrites).
    this.forgetFailures();
  }

  private clear(): void {
    this.count = 0;
    this.pieces = [];
    this.length = 0;
    this.issues = [];
    this.entries = 0;
  }

  /** Numbers failures from 0 again. */
  private forgetFailures(): void {
    this.failureCount = 0;
    this.failureBase = 0;
    this.failureIds.clear();
    this.failureByMessage.clear();
    this.failureTexts.clear();
  }

  /** The block made so far, and a fresh start. */
  take(): RowVerdicts {
    const n = this.count;
    const block: RowVerdicts = {
      rows: this.rows.slice(0, n),
      kinds: this.kinds.slice(0, n),
      flags: this.flags.slice(0, n),
      emailAt: this.emailAt.slice(0, n),
      text: this.pieces.join(''),
      spans: this.spans.slice(0, n * SPANS * 2),
      issueKinds: this.issueKinds.slice(0, this.entries),
      issueA: this.issueA.slice(0, this.entries),
      issueB: this.issueB.slice(0, this.entries),
      issueEnd: this.issueEnd.slice(0, n),
      issues: this.issues,
      failures: this.failures.slice(0, (this.failureCount - this.failureBase) * 2),
      failureBase: this.failureBase,
    };
    this.clear();
    // The failures stay numbered across blocks, up to a bound (checked between blocks: every number a block
    // names is then one the reader has).
    if (this.failureCount >= this.maxFailures) this.forgetFailures();
    else this.failureBase = this.failureCount;
    return block;
  }
}

/** The typed arrays of a block, to transfer rather than copy. */
export function verdictBuffers(block: RowVerdicts): ArrayBuffer[] {
  return [
    block.rows.buffer,
    block.kinds.buffer,
    block.flags.buffer,
    block.emailAt.buffer,
    block.spans.buffer,
    block.issueKinds.buffer,
    block.issueA.buffer,
    block.issueB.buffer,
    block.issueEnd.buffer,
    block.failures.buffer,
  ] as ArrayBuffer[];
}

/**
 * A failure as JSON. JSON has no NaN, Infinity or −0: a failure whose detail holds one writes every number of its
 * detail as {"n": text}, behind a "~" (never the first character of JSON), and failureOf reads it back so.
 */
function failureJson(failure: FailureData): string {
  // The detail is not enumerable (expression/compile.ts): named here.
  const { code, message, detail } = failure;
  const data = detail === undefined ? { code, message } : { code, message, detail };
  if (detail !== undefined) {
    for (const k in detail) {
      const v = detail[k];
      if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
        return `~${JSON.stringify(data, taggedNumbers)}`;
    }
  }
  return JSON.stringify(data);
}

function taggedNumbers(this: unknown, key: string, value: unknown): unknown {
  return typeof value === 'number' ? { n: Object.is(value, -0) ? '-0' : String(value) } : value;
}

function untaggedNumbers(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'n' && typeof (value as { n: unknown }).n === 'string')
      return Number((value as { n: string }).n);
  }
  return value;
}

/** The same failure: code, message and every detail (shallow: a detail holds strings and numbers). */
function sameFailure(a: FailureData, b: FailureData): boolean {
  if (a.code !== b.code || a.message !== b.message) return false;
  const x = a.detail;
  const y = b.detail;
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  const keys = Object.keys(x);
  const other = Object.keys(y);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k !== other[i] || !Object.is(x[k], y[k])) return false;
  }
  return true;
}

/**
 * The failures the blocks of one writer name, on the side that files them: read as the blocks come, in order
 * (every block, as pushVerdicts files every row). `make` turns each into what the reader wants (an EvalFailed).
 */
export class FailureReader<T> {
  private table: T[] = [];
  private last: RowVerdicts | undefined;

  constructor(private readonly make: (failure: FailureData) => T) {}

  /** Failure `id` as named by `block` or a block before it. */
  get(block: RowVerdicts, id: number): T {
    if (block !== this.last) {
      this.last = block;
      const { failures, failureBase, text } = block;
      for (let j = 0; j * 2 < failures.length; j++) {
        const json = text.slice(failures[j * 2], failures[j * 2 + 1]);
        const data = (
          json.charCodeAt(0) === 0x7e ? JSON.parse(json.slice(1), untaggedNumbers) : JSON.parse(json)
        ) as FailureData;
        this.table[failureBase + j] = this.make(data);
      }
    }
    return this.table[id]!;
  }
}

/** Rows `from`–`to` of a block, among a source's events (records and issues) in file order. */
export interface EvaluatedRows {
  kind: 'evaluated';
  verdicts: RowVerdicts;
  from: number;
  to: number;
}

/**
 * Rows `from`–`to` of a chunk, among a source's events in file order, handed over without an event and a record
 * object per row: for a run that keeps nothing of a row (the reader is given a row stage, see RowStageJob), which
 * takes them with `take`. `take` gives each row of `from`–`to` (exclusive, within the event's rows) to
 * `run.take` in order as one record object that is reused from row to row: a record is only good during the call.
 */
export interface TakenRows {
  kind: 'rows';
  from: number;
  to: number;
  take(run: { take(record: SourceRecord): void }, from: number, to: number): void;
}
