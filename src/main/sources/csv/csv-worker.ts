// The CSV reader's worker thread: reads the file, decodes and parses it with the same CsvCore as the in-thread
// reader, and posts each chunk's events to the thread that maps them, at most `credits` batches ahead of it.
// Started by read-csv.ts (openCsv) for large files; built beside the CLI as dist/cli/csv-worker.js.
import { readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { compileMapping } from '../../../shared/engine/compile';
import { createMappingRun, rowStageColumns, type MappingRun } from '../../../shared/engine/run';
import type { SourceValue } from '../../../shared/source/types';
import { verdictBuffers, VerdictWriter } from '../../../shared/engine/verdicts';
import { columnTable, CsvCore, CsvRecord } from './csv-core';
import {
  BatchWriter,
  toWireError,
  type CsvBatchMessage,
  type CsvEvaluatedMessage,
  type CsvWorkerStart,
  type FromCsvWorker,
  type RowStageJob,
} from './csv-wire';

const port = parentPort!;
const post = (message: FromCsvWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

// The job comes as the first message, so that a thread can be started (and its modules loaded) before the file is
// known: see prestartCsvWorker.
port.once('message', (start: CsvWorkerStart) => {
  try {
    read(start);
  } catch (error) {
    post({ type: 'error', error: toWireError(error) });
  }
});
post({ type: 'ready' });

/**
 * Blocks while `credits` batches are in flight, until no more than a quarter of them are (false: the consumer stopped).
 * A wake-up per batch taken would cost the consumer a futex call per chunk; this way it is one per three quarters of them (each wake-up may also cost it its core on a busy machine).
 */
function mayPost(start: CsvWorkerStart, shared: Int32Array, sent: number): boolean {
  // Once held back, the worker goes on only when the consumer has caught up to a quarter of the credits.
  const resume = Math.max(1, Math.floor(start.credits / 4));
  if (sent - Atomics.load(shared, 0) < start.credits) return Atomics.load(shared, 1) === 0;
  Atomics.store(shared, 2, 1);
  try {
    for (;;) {
      if (Atomics.load(shared, 1) !== 0) return false;
      const taken = Atomics.load(shared, 0);
      if (sent - taken <= resume) return true;
      // With a timeout, so that a terminate() or a stop is seen even if a wake-up were missed.
      Atomics.wait(shared, 0, taken, 200);
    }
  } finally {
    Atomics.store(shared, 2, 0);
  }
}

/**
 * The mapping's row-local stage on this thread's chunks. A row that throws (a defect, not bad data: bad data is an
 * issue) ends it: that chunk and every later one go to the consumer as records, whose own run then throws the same
 * error at the same row, as it would without this thread.
 */
class RowStage {
  private readonly writer = new VerdictWriter();
  private readonly run: MappingRun | undefined;
  /** The columns the stage reads (rowStageColumns). */
  private readonly read: ReadonlySet<string> = new Set();
  private columns: ReadonlyMap<string, number> | undefined;
  private width = 0;
  /** 1 for each cell the stage reads: only those are cut from the chunk's text. */
  private wanted = new Uint8Array(0);
  /** Stopped: a row threw, or (`auto`) the rows carry too many issues to cross cheaply. */
  private failed = false;

  constructor(
    readonly job: RowStageJob,
    private readonly file: string,
  ) {
    const compiled = compileMapping(job.mapping);
    if (compiled.ok) {
      this.run = createMappingRun(compiled.compiled, {
        today: job.today,
        statusOnly: true,
        keepLogins: false,
        rowStage: { writer: this.writer, identity: job.identity },
      });
      this.read = rowStageColumns(compiled.compiled, job.identity);
    }
  }

  setColumns(keys: readonly (string | undefined)[]): void {
    this.columns = columnTable(keys);
    this.width = keys.length;
    this.wanted = new Uint8Array(keys.length);
    for (const [name, i] of this.columns) if (this.read.has(name)) this.wanted[i] = 1;
  }

  /** Pushes the chunk's records through the stage: as decodeBatch makes them, but with only the cells it reads. */
  private push(run: MappingRun, columns: ReadonlyMap<string, number>, batch: CsvBatchMessage): void {
    const { text, starts, ends, rows } = batch;
    const width = this.width;
    const wanted = this.wanted;
    // As decodeBatch says it: no "?" in the chunk, no lost letter in any row's names.
    const noQuestionMark = text.indexOf('?') === -1;
    for (let r = 0, k = 0; r < rows.length; r++) {
      const cells: SourceValue[] = new Array<SourceValue>(width);
      for (let i = 0; i < width; i++, k++) {
        const start = starts[k]!;
        const end = ends[k]!;
        cells[i] = wanted[i] === 1 && end !== start ? text.slice(start, end) : null;
      }
      run.take(new CsvRecord(rows[r]!, this.file, cells, columns, noQuestionMark));
    }
  }

  /** The chunk's rows evaluated, or undefined: send them as records. */
  evaluate(batch: CsvBatchMessage): CsvEvaluatedMessage | undefined {
    if (this.failed || !this.run || !this.columns) return undefined;
    try {
      this.push(this.run, this.columns, batch);
    } catch {
      this.failed = true;
      this.writer.reset();
      return undefined;
    }
    const verdicts = this.writer.take();
    // Issues written as objects (not a failed field or "leaves later", which cross compactly) cost both threads
    // more than evaluating the rows saves: a mapping whose rows have them on (nearly) every row gets its records
    // from here on (`auto`). Measured at 1M rows with a warning on every row, all as objects: CPU 13.4 s evaluated
    // here, 11.1 s mapped by the consumer alone.
    if (this.job.share === 'auto' && verdicts.issues.length > verdicts.rows.length * MAX_ISSUES_PER_ROW)
      this.failed = true;
    return {
      type: 'evaluated',
      verdicts,
      issues: batch.issues,
      issueAt: batch.issueAt,
      bytesRead: batch.bytesRead,
    };
  }
}

/** More issues as objects per row than this in a chunk and the row stage stops (`auto`); a clean export has some 0.04. */
const MAX_ISSUES_PER_ROW = 0.5;

/** The row stage, or none when it cannot start (the consumer then maps every row itself, as without it). */
function rowStage(job: RowStageJob, file: string): RowStage | undefined {
  try {
    return new RowStage(job, file);
  } catch {
    return undefined;
  }
}

/**
 * Chunks the consumer must have waiting before this thread evaluates one (`auto`): more than one, so that it never
 * runs dry while this thread evaluates (measured at 1M rows: 1 left it idle; 4 and 8 kept both busy).
 */
const EVALUATE_WHEN_WAITING = 4;

function read(start: CsvWorkerStart): void {
  /** [0] batches the consumer has taken, [1] 1 once it stopped, [2] 1 while this thread waits. */
  const shared = new Int32Array(start.shared);
  const writer = new BatchWriter();
  const core = new CsvCore(start.options, writer);
  let position = 0;
  let sent = 0;
  let infoSent = false;
  const stage = start.rowStage ? rowStage(start.rowStage, start.options.fileLabel) : undefined;
  /** Posts what the parser has made; false when the consumer stopped. */
  const flush = (): boolean => {
    if (!infoSent && core.info) {
      infoSent = true;
      const keys = [...core.recordKeys];
      stage?.setColumns(keys);
      post({ type: 'info', info: core.info, keys });
    }
    // (While the first MiB is parsed in pieces, its rows say how far they are in the file, about: the share of
    // the file read then tells the consumer how many rows to expect, run.expectRows.)
    const batch = writer.take(Math.max(0, position - core.pendingChars));
    if (!batch) return true;
    if (!mayPost(start, shared, sent)) return false;
    // `auto`: this chunk's rows are evaluated here when the consumer has chunks waiting (it is the slower thread
    // then); else it gets the records, and this thread reads on. While the queue stays between none and the
    // credits, both threads are always busy, and the share settles where they keep pace.
    const evaluated =
      stage && (stage.job.share === 'all' || sent - Atomics.load(shared, 0) >= EVALUATE_WHEN_WAITING)
        ? stage.evaluate(batch)
        : undefined;
    sent++;
    if (evaluated) {
      post(evaluated, [...verdictBuffers(evaluated.verdicts), evaluated.issueAt.buffer] as ArrayBuffer[]);
      return true;
    }
    post(batch, [
      batch.starts.buffer,
      batch.ends.buffer,
      batch.rows.buffer,
      batch.issueAt.buffer,
    ] as ArrayBuffer[]);
    return true;
  };
  // The header and the first rows go to the consumer while the rest of the first MiB (read whole to choose the
  // encoding) is parsed.
  core.onPiece = flush;
  // Synchronous reads: this thread does nothing else, and they cost a fraction of a stream's promise per chunk.
  // A fresh buffer per chunk, because the parser keeps the first MiB's chunks for encoding detection.
  for (;;) {
    const buffer = Buffer.allocUnsafe(start.chunkBytes);
    // From the descriptor's own offset (nobody else reads it): /proc/<pid>/fdinfo then shows how far we are.
    const n = readSync(start.fd, buffer, 0, start.chunkBytes, null);
    if (n === 0) break;
    position += n;
    core.push(n < buffer.length ? buffer.subarray(0, n) : buffer);
    if (!flush()) return;
    if (core.done) break;
  }
  core.end();
  if (!flush()) return;
  post({ type: 'end', bytesRead: position });
}
