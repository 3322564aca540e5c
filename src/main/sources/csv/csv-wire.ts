import type { Issue } from '../../../shared/issues';
import type { CodedMessage } from '../../../shared/i18n/message';
import type { SourceValue } from '../../../shared/source/types';
import { SourceError, type SourceErrorCode } from '../source-error';
import { CsvRecord, namedValues, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';

/**
 * What the CSV reader's worker thread and the thread that consumes the records say to each other. A chunk's
 * events cross as one message: every cell's text in one string plus the cell ends and row numbers as typed arrays
 * (transferred, not copied). Structured cloning a million rows as arrays of strings would cost the consuming
 * thread about as much as parsing them; one string per chunk costs it a copy and a slice per cell.
 */

/** What the worker is started with (`workerData`). */
export interface CsvWorkerStart {
  /** An open file descriptor of the file (opened by the consuming thread, so open errors are reported there). */
  fd: number;
  options: CsvOptions & { fileLabel: string };
  chunkBytes: number;
  /** How many batches the worker may send before the consumer has taken one (read-ahead bound). */
  credits: number;
  /**
   * Two Int32 counters shared with the consumer, so that flow control costs no message: [0] the batches it has
   * taken (it adds one and notifies), [1] set to 1 when it stops reading.
   */
  shared: SharedArrayBuffer;
}

export interface CsvBatchMessage {
  type: 'batch';
  /** The non-empty cells of the chunk's records, one after the other. */
  text: string;
  /** End offset in `text` of each cell, `width` per record; an empty cell (null) has length 0. */
  ends: Int32Array;
  /** Spreadsheet row of each record. */
  rows: Int32Array;
  issues: Issue[];
  /** For each issue, how many of the chunk's records come before it. */
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

export type FromCsvWorker =
  | { type: 'info'; info: CsvHeaderInfo; keys: (string | undefined)[] }
  | CsvBatchMessage
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; error: WireError };

/** Packs a chunk's events; `width` is the number of columns (every emitted record has that many cells). */
export function encodeBatch(events: readonly CsvEvent[], width: number, bytesRead: number): CsvBatchMessage {
  let records = 0;
  for (const event of events) if (event.kind === 'record') records++;
  const ends = new Int32Array(records * width);
  const rows = new Int32Array(records);
  const issues: Issue[] = [];
  const issueAt: number[] = [];
  let text = '';
  let r = 0;
  let k = 0;
  for (const event of events) {
    if (event.kind === 'issue') {
      issues.push(event.issue);
      issueAt.push(r);
      continue;
    }
    const record = event.record;
    rows[r++] = record.row;
    const cells = record.cells!;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      if (typeof cell === 'string') text += cell;
      ends[k++] = text.length;
    }
  }
  return { type: 'batch', text, ends, rows, issues, issueAt: Int32Array.from(issueAt), bytesRead };
}

/** Unpacks a batch into the events `CsvCore` made, as compact records or with plain `values`. */
export function decodeBatch(
  batch: CsvBatchMessage,
  file: string,
  columns: ReadonlyMap<string, number>,
  width: number,
  compact: boolean,
): CsvEvent[] {
  const { text, ends, rows, issues, issueAt } = batch;
  const events: CsvEvent[] = [];
  let next = 0;
  let k = 0;
  let start = 0;
  for (let r = 0; r < rows.length; r++) {
    while (next < issues.length && issueAt[next] === r)
      events.push({ kind: 'issue', issue: issues[next++]! });
    const cells: SourceValue[] = new Array<SourceValue>(width);
    for (let i = 0; i < width; i++) {
      const end = ends[k++]!;
      cells[i] = end === start ? null : text.slice(start, end);
      start = end;
    }
    const row = rows[r]!;
    events.push({
      kind: 'record',
      record: compact
        ? new CsvRecord(row, file, cells, columns)
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
