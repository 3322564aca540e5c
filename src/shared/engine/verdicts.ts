import type { Issue } from '../issues';

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
  /** The rows' own issues, in row order. */
  issues: Issue[];
  /** For each row, the end of its issues in `issues`. */
  issueEnd: Int32Array;
}

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
    this.issueEnd[n] = this.issues.length;
    this.count = n + 1;
  }

  /** One of the current row's strings (SPAN_…); null is left out. */
  text(span: number, value: string | null): void {
    if (value === null) return;
    const at = ((this.count - 1) * SPANS + span) * 2;
    this.spans[at] = this.length;
    this.pieces.push(value);
    this.length += value.length;
    this.spans[at + 1] = this.length;
  }

  issue(issue: Issue): void {
    this.issues.push(issue);
    this.issueEnd[this.count - 1] = this.issues.length;
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.count;
  }

  /** Drops what was written since the last `take` (a row that threw halfway). */
  reset(): void {
    this.count = 0;
    this.pieces = [];
    this.length = 0;
    this.issues = [];
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
      issues: this.issues,
      issueEnd: this.issueEnd.slice(0, n),
    };
    this.reset();
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
    block.issueEnd.buffer,
  ] as ArrayBuffer[];
}

/** Rows `from`–`to` of a block, among a source's events (records and issues) in file order. */
export interface EvaluatedRows {
  kind: 'evaluated';
  verdicts: RowVerdicts;
  from: number;
  to: number;
}
