// The CSV reader's worker thread: reads the file, decodes and parses it with the same CsvCore as the in-thread
// reader, and posts each chunk's events to the thread that maps them, at most `credits` batches ahead of it.
// Started by read-csv.ts (openCsv) for large files; built beside the CLI as dist/cli/csv-worker.js.
import { readlinkSync, readSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { CsvCore } from './csv-core';
import { ENCODING_PREFIX_BYTES } from './encoding';
import {
  BatchWriter,
  resumeAt,
  toWireError,
  type CsvWorkerStart,
  type FromCsvWorker,
  type ToCsvWorker,
} from './csv-wire';
import type * as RowStageExports from './csv-row-stage';
import type { RowStage } from './csv-row-stage';

type RowStageModule = typeof RowStageExports;

const port = parentPort!;
const post = (message: FromCsvWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

/**
 * The row stage's module (the mapping engine: most of what this thread would load), once asked for; undefined when
 * it cannot be loaded (a packaged app missing that file: the consumer then maps every row itself).
 */
let stageModule: Promise<RowStageModule | undefined> | undefined;
function loadStageModule(): Promise<RowStageModule | undefined> {
  return (stageModule ??= import('./csv-row-stage').catch(() => undefined));
}

// The job comes as a message, so that a thread can be started (and its modules loaded) before the file is known:
// see prestartCsvWorker, which may first ask for the row stage's modules, loaded while the thread waits.
// Nothing comes after the job: the thread stops listening then, so that it ends once it has read the file.
const onMessage = (message: ToCsvWorker) => {
  if ('type' in message) {
    void loadStageModule().then(() => post({ type: 'row-stage-loaded' }));
    return;
  }
  port.off('message', onMessage);
  read(message).catch((error: unknown) => post({ type: 'error', error: toWireError(error) }));
};
port.on('message', onMessage);
post({ type: 'ready' });

/**
 * The buffer the first MiB is read into, made (and its pages touched) while the thread waits for its job: a fresh
 * page costs some 10 µs on a virtual machine, some 3 ms for the MiB, on the way to the consumer's first rows.
 */
let firstBuffer: Buffer | undefined = Buffer.allocUnsafe(ENCODING_PREFIX_BYTES).fill(0);
function readBuffer(size: number): Buffer {
  const ready = firstBuffer;
  firstBuffer = undefined;
  return ready !== undefined && ready.length === size ? ready : Buffer.allocUnsafe(size);
}

/**
 * Blocks while `credits` batches are in flight, until no more than `resumeAt(credits)` are (false: the consumer
 * stopped). The consumer wakes it only then: see `resumeAt`.
 */
function mayPost(start: CsvWorkerStart, shared: Int32Array, sent: number): boolean {
  // Once held back, the worker goes on only when the consumer has caught up to a quarter of the credits.
  const resume = resumeAt(start.credits);
  if (sent - Atomics.load(shared, 0) < start.credits) return Atomics.load(shared, 1) === 0;
  // What the consumer compares its count with, before it is told that this thread waits.
  Atomics.store(shared, 3, sent);
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
 * While the row stage loads (its modules, on this thread's event loop): a turn of the event loop after each chunk,
 * and while the credits are used up, waiting for them by polling instead of blocking in `mayPost`, which would stall
 * the loading until the consumer caught up.
 */
async function stageTurn(
  start: CsvWorkerStart,
  shared: Int32Array,
  sent: number,
  pending: () => boolean,
): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (pending() && sent - Atomics.load(shared, 0) >= start.credits && Atomics.load(shared, 1) === 0)
    await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Chunks the consumer must have waiting before this thread evaluates one (`auto`): more than one, so that it never
 * runs dry while this thread evaluates (measured at 1M rows: 1 left it idle; 4 and 8 kept both busy).
 */
const EVALUATE_WHEN_WAITING = 4;

/** How much lower than the process's the priority of a thread that only reads ahead is (see `yieldToConsumer`). */
const READER_NICENESS = 10;

/**
 * Without a row stage this thread only reads ahead of the consumer, bounded by its credits: the consumer (the thread
 * that maps, with V8's compiler and collector threads that serve it) is the slower side, and on a two-core machine
 * they take turns with this thread for the cores. This thread then runs at a lower priority, so that they go first
 * (measured at 100k rows on two cores: validate 3 % faster; with a row stage this thread may be the slower side, so
 * it keeps its priority). Linux only (a thread's id is its own there); elsewhere, or refused, nothing changes.
 */
function yieldToConsumer(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + READER_NICENESS));
  } catch {
    // Not allowed or not there: the thread keeps its priority.
  }
}

async function read(start: CsvWorkerStart): Promise<void> {
  /** [0] batches the consumer has taken, [1] 1 once it stopped, [2] 1 while this thread waits, [3] sent then. */
  const shared = new Int32Array(start.shared);
  const writer = new BatchWriter();
  const core = new CsvCore(start.options, writer);
  let position = 0;
  let sent = 0;
  let infoSent = false;
  // The mapping engine is loaded only for a row stage: without one (files under CSV_ROW_STAGE_MIN_BYTES) this thread
  // starts on the parser's modules alone. With `auto` this thread does not wait for it either: it reads, and the
  // consumer maps, until the engine is loaded (asked for ahead by prestartCsvWorker, or now), then the stage takes
  // its share. `all` (tests, troubleshooting) waits, so that every row is evaluated here.
  let stage: RowStage | undefined;
  /** The stage is being loaded: the read loop gives the event loop a turn after each chunk, so that it can be. */
  let stagePending = false;
  const job = start.rowStage;
  if (job) {
    const made = loadStageModule()
      .then((module) => {
        stage = module?.rowStage(job, start.options.fileLabel);
        if (infoSent) stage?.setColumns([...core.recordKeys]);
      })
      // A stage that cannot start leaves every row to the consumer, as before it was loaded.
      .catch(() => (stage = undefined))
      .finally(() => (stagePending = false));
    if (job.share === 'all') await made;
    else stagePending = true;
  }
  /** Posts what the parser has made; false when the consumer stopped. */
  const flush = (): boolean => {
    if (!infoSent && core.info) {
      infoSent = true;
      const keys = [...core.recordKeys];
      stage?.setColumns(keys);
      post({ type: 'info', info: core.info, keys });
      // Until the header is out the consumer waits for it (or is still loading the mapping, see startEarlyCsvRead):
      // only then does this thread step back.
      if (!start.rowStage) yieldToConsumer();
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
    if (stage && evaluated) {
      post(evaluated, stage.transfers(evaluated));
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
  // The first MiB (what the encoding is chosen from) in one read: the parser would otherwise copy its chunks into
  // one buffer, fresh memory twice over (on a virtual machine a first-touched page costs some 15–40 µs), while the
  // consumer waits for the first rows. While the parser keeps the bytes it was given (until it has chosen the
  // encoding) each read has a buffer of its own; after that the parser decodes every chunk as it comes, and the
  // first read's buffer, its pages touched already, serves every read (fresh memory per chunk cost this thread
  // some 300 page faults per 100,000 rows).
  let reused: Buffer | undefined;
  for (let size = Math.max(start.chunkBytes, ENCODING_PREFIX_BYTES); ; size = start.chunkBytes) {
    const buffer =
      reused !== undefined && reused.length >= size ? reused.subarray(0, size) : readBuffer(size);
    // From the descriptor's own offset (nobody else reads it): /proc/<pid>/fdinfo then shows how far we are.
    const n = readSync(start.fd, buffer, 0, size, null);
    if (n === 0) break;
    position += n;
    core.push(n < buffer.length ? buffer.subarray(0, n) : buffer);
    if (!core.holdsBytes) reused ??= buffer;
    if (!flush()) return;
    if (core.done) break;
    if (stagePending) await stageTurn(start, shared, sent, () => stagePending);
  }
  core.end();
  if (!flush()) return;
  post({ type: 'end', bytesRead: position });
}
