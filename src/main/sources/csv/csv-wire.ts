import type { Issue } from '../../../shared/issues';
import type { CodedMessage } from '../../../shared/i18n/message';
import type { SourceValue } from '../../../shared/source/types';
import type { MappingFile } from '../../../shared/mapping/schema';
import type { RowVerdicts } from '../../../shared/engine/verdicts';
import { SourceError, type SourceErrorCode } from '../source-error';
import { CsvRecord, namedValues, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';

/**
 * What the CSV reader's worker thread and the thread that consumes the records say to each other. A chunk's
 * events cross as one message: one string plus each cell's start and end in it and the row numbers as typed arrays
 * (transferred, not copied). Structured cloning a million rows as arrays of strings would cost the consuming
 * thread about as much as parsing them; one string per chunk costs it a copy and a slice per cell.
 */

/**
 * How many batches may still be in flight when a worker held back by its credits goes on: a quarter of them, so that
 * it is woken once per three quarters of the credits, not once per batch taken (each wake-up costs the consumer a
 * futex call, measured at some 0.2 ms of its time on a busy 2-core machine, and may cost it its core).
 */
export function resumeAt(credits: number): number {
  return Math.max(1, Math.floor(credits / 4));
}

/** What the worker is started with (`workerData`). */
export interface CsvWorkerStart {
  /** An open file descriptor of the file (opened by the consuming thread, so open errors are reported there). */
  fd: number;
  options: CsvOptions & { fileLabel: string };
  chunkBytes: number;
  /** How many batches the worker may send before the consumer has taken one (read-ahead bound). */
  credits: number;
  /**
   * Four Int32s shared with the consumer, so that flow control costs no message: [0] the batches it has taken,
   * [1] set to 1 when it stops reading, [2] 1 while the worker waits for [0], [3] the batches the worker had sent
   * when it began to wait (the consumer notifies once it has taken all but `resumeAt(credits)` of them).
   */
  shared: SharedArrayBuffer;
  /** Run the mapping's row-local stage here too (see RowStageJob). */
  rowStage?: RowStageJob;
}

/**
 * The mapping whose row-local stage (run.ts `rowStage`) the worker runs on the rows it reads, so that the consuming
 * thread only files them: compiled here from the same validated mapping, judged by the same day. Its rows must be
 * independent of each other (`rowsAreIndependent`).
 */
export interface RowStageJob {
  mapping: MappingFile;
  today: string;
  /** The consuming run has a previous state (key-change check). */
  identity: boolean;
  /**
   * Which chunks: `all`, or `auto` — a chunk when the consumer has another waiting (it is then the slower of the
   * two threads), so that the work is shared between the two cores.
   */
  share: 'all' | 'auto';
  /**
   * The columns the run that takes the other rows reads of a record (run.ts `rowStageColumns`). With them, a reader
   * in a thread hands those rows over as `TakenRows` (one reused record, for `take`) with only these cells cut (the
   * others null), as the row stage itself reads them: no event, record and string per cell nobody reads on the
   * consuming thread. Absent: records, every cell.
   */
  columns?: readonly string[];
}

/** A chunk whose rows the worker evaluated: their verdicts, and the chunk's source issues among them. */
export interface CsvEvaluatedMessage {
  type: 'evaluated';
  verdicts: RowVerdicts;
  issues: Issue[];
  /** For each issue, how many of the chunk's rows come before it. */
  issueAt: Int32Array;
  bytesRead: number;
}

export interface CsvBatchMessage {
  type: 'batch';
  /** Text the cells are cut from: the parsed text itself, or the cells one after the other. */
  text: string;
  /** Start and end offset in `text` of each cell, `width` per record; an empty cell (null) has start = end. */
  starts: Int32Array;
  ends: Int32Array;
  /** Spreadsheet row of each record. */
  rows: Int32Array;
  issues: Issue[];
  /** For each issue, how many of the batch's records come before it. */
  issueAt: Int32Array;
  /** Bytes of the file read when this batch was made. */
  bytesRead: number;
}

/** A SourceError as plain data, to be rebuilt as the same SourceError on the other side. */
export interface WireError {
  kind: 'source' | 'read' | 'other';
  message: string;
  code?: string;
  file?: string;
  said?: CodedMessage;
  technical?: string;
}

/**
 * What the consumer's thread says to the worker: the job, once; before it, optionally, that the job will likely
 * bring a row stage, so that the thread loads the mapping engine while it waits (prestartCsvWorker).
 */
export type ToCsvWorker = CsvWorkerStart | { type: 'load-row-stage' };

export type FromCsvWorker =
  /** Loaded, waiting for its CsvWorkerStart. */
  | { type: 'ready' }
  /** The row stage's modules are loaded (or could not be), as asked by `load-row-stage`. */
  | { type: 'row-stage-loaded' }
  | { type: 'info'; info: CsvHeaderInfo; keys: (string | undefined)[] }
  | CsvBatchMessage
  | CsvEvaluatedMessage
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; error: WireError };

function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Collects the records and issues CsvCore makes, in order, as one batch message: cells either as offsets into a
 * text the parser already has (`text` + `cell`, no string per cell) or as strings (`cellValue`).
 */
export class BatchWriter {
  private pieces: string[] = [];
  private length = 0;
  private starts = new Int32Array(16384);
  private ends = new Int32Array(16384);
  private cells = 0;
  private rows = new Int32Array(1024);
  private records = 0;
  private issues: Issue[] = [];
  private issueAt: number[] = [];

  /** Adds text that cells can point into; returns the offset it starts at. */
  text(text: string): number {
    const base = this.length;
    this.pieces.push(text);
    this.length += text.length;
    return base;
  }

  /** The next cell, from `start` to `end` of the text (start = end: empty, null). */
  cell(start: number, end: number): void {
    if (this.cells === this.starts.length) {
      this.starts = grown(this.starts, this.cells + 1);
      this.ends = grown(this.ends, this.cells + 1);
    }
    this.starts[this.cells] = start;
    this.ends[this.cells++] = end;
  }

  cellValue(value: SourceValue): void {
    if (typeof value === 'string' && value !== '') {
      const start = this.text(value);
      this.cell(start, this.length);
    } else this.cell(0, 0);
  }

  /** Cells written so far: a mark to go back to when the cells turn out not to be a record. */
  get mark(): number {
    return this.cells;
  }

  rollback(mark: number): void {
    this.cells = mark;
  }

  /** The cells written since the last record are the record of `row`. */
  record(row: number): void {
    if (this.records === this.rows.length) this.rows = grown(this.rows, this.records + 1);
    this.rows[this.records++] = row;
  }

  issue(issue: Issue): void {
    this.issues.push(issue);
    this.issueAt.push(this.records);
  }

  /** The batch made so far (undefined when there is nothing), and a fresh start. */
  take(bytesRead: number): CsvBatchMessage | undefined {
    if (this.records === 0 && this.issues.length === 0) return undefined;
    const batch: CsvBatchMessage = {
      type: 'batch',
      text: this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join(''),
      starts: this.starts.slice(0, this.cells),
      ends: this.ends.slice(0, this.cells),
      rows: this.rows.slice(0, this.records),
      issues: this.issues,
      issueAt: Int32Array.from(this.issueAt),
      bytesRead,
    };
    this.pieces = [];
    this.length = 0;
    this.cells = 0;
    this.records = 0;
    this.issues = [];
    this.issueAt = [];
    return batch;
  }
}

/** Unpacks a batch into the events `CsvCore` made, as compact records or with plain `values`. */
export function decodeBatch(
  batch: CsvBatchMessage,
  file: string,
  columns: ReadonlyMap<string, number>,
  width: number,
  compact: boolean,
): CsvEvent[] {
  const { text, starts, ends, rows, issues, issueAt } = batch;
  const events: CsvEvent[] = [];
  // Every cell is cut from `text`: without a "?" in it (nearly every chunk of an export), no cell holds one, and
  // the engine skips looking for lost letters in each row's names (one search per chunk instead of four per row).
  const noQuestionMark = text.indexOf('?') === -1;
  let next = 0;
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    while (next < issues.length && issueAt[next] === r)
      events.push({ kind: 'issue', issue: issues[next++]! });
    const cells: SourceValue[] = new Array<SourceValue>(width);
    for (let i = 0; i < width; i++, k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      cells[i] = end === start ? null : text.slice(start, end);
    }
    const row = rows[r]!;
    events.push({
      kind: 'record',
      record: compact
        ? new CsvRecord(row, file, cells, columns, noQuestionMark)
        : { row, ref: file, values: namedValues(cells, columns) },
    });
  }
  while (next < issues.length) events.push({ kind: 'issue', issue: issues[next++]! });
  return events;
}

/** An error thrown while reading, as data for the other thread. */
export function toWireError(error: unknown): WireError {
  if (error instanceof SourceError) {
    return {
      kind: 'source',
      message: error.message,
      code: error.code,
      file: error.file,
      ...(error.said ? { said: error.said } : {}),
      ...(error.technical ? { technical: error.technical } : {}),
    };
  }
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  // A file system error (EIO, EBUSY…) keeps its code, which says what to do.
  if (typeof e?.code === 'string') return { kind: 'read', message, code: e.code };
  return { kind: 'other', message };
}

/** The SourceError (or plain error) the worker reported, as the consumer's own. */
export function fromWireError(wire: WireError): Error {
  if (wire.kind === 'source') {
    return new SourceError(
      wire.code as SourceErrorCode,
      wire.said ?? wire.message,
      wire.file ?? '',
      wire.technical,
    );
  }
  return Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
}
