// The consuming thread's side of the CSV reader's worker thread (csv-worker.ts): when a file is read in one, the
// thread started ahead and kept idle, the job and the flow control, a read begun while the mapping is validated,
// and the batches turned back into events (or rows handed to a run one at a time).
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceRecord, SourceValue } from '../../../shared/source/types';
import { said } from '../../../shared/i18n/message';
import { readReason, systemCode } from '../../system-errors';
import { SourceError } from '../source-error';
import { workerEntry, workerUnusable, type WorkerEntry } from '../../worker-entry';
import { columnTable, namedValues, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';
import type { EvaluatedRows, TakenRows } from '../../../shared/engine/verdicts';
import {
  decodeBatch,
  fromWireError,
  resumeAt,
  type CsvBatchMessage,
  type CsvEvaluatedMessage,
  type CsvWorkerStart,
  type FromCsvWorker,
  type RowStageJob,
  type ToCsvWorker,
} from './csv-wire';
import { aborted, DEFAULT_CHUNK_BYTES, streams, unreadable, type OpenCsv } from './csv-stream';
import type { CsvReadOptions, CsvWorkerMode } from './read-csv';

/**
 * Below this size the worker is not given the row stage: both threads would each warm up the mapping's code (JIT)
 * for a few hundred thousand rows, which cost more than sharing the rows saved (measured on 2 cores: 100k rows,
 * 17 MB, no faster and 25% more CPU; 300k rows, 54 MB, 6–15% faster; 1M rows, 179 MB, 10–30% faster).
 */
export const CSV_ROW_STAGE_MIN_BYTES = 32 * 1024 * 1024;

/** PLEK_CSV_ROW_STAGE (troubleshooting, tests): `off`, `all` or `auto` override the size; anything else: by size. */
function rowStageOverride(): 'off' | 'all' | 'auto' | undefined {
  const env = process.env.PLEK_CSV_ROW_STAGE?.trim().toLowerCase();
  return env === 'off' || env === 'all' || env === 'auto' ? env : undefined;
}

/** The row-local stage the worker is given, by the file's size or PLEK_CSV_ROW_STAGE. */
function rowStageJob(job: RowStageJob | undefined, size: number): RowStageJob | undefined {
  if (!job || !rowStageLikely(size)) return undefined;
  const override = rowStageOverride();
  return override === 'all' || override === 'auto' ? { ...job, share: override } : job;
}

/** Whether a read of a file of `size` bytes that is given a row stage runs it (PLEK_CSV_ROW_STAGE included). */
export function rowStageLikely(size: number): boolean {
  const override = rowStageOverride();
  return override === undefined ? size >= CSV_ROW_STAGE_MIN_BYTES : override !== 'off';
}

/** Below this size starting a thread costs more than reading beside the consumer saves. */
export const CSV_WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** Batches (chunks) the worker may read ahead of the consumer: the bound on its memory (~32 × 200 KB). */
const WORKER_CREDITS = 32;

/** The worker mode asked for: the option, else PLEK_CSV_WORKER, else `auto`. */
export function workerMode(option: CsvWorkerMode | undefined): CsvWorkerMode {
  if (option && option !== 'auto') return option;
  const env = process.env.PLEK_CSV_WORKER?.trim().toLowerCase();
  if (env === 'off' || env === '0') return 'off';
  if (env === 'on' || env === '1') return 'on';
  return 'auto';
}

/** Whether a file of `size` bytes is read in a worker thread (when its entry is there). */
export function useWorker(size: number, option: CsvWorkerMode | undefined): boolean {
  const mode = workerMode(option);
  return mode === 'on' || (mode === 'auto' && size >= CSV_WORKER_MIN_BYTES);
}

function startWorker(entry: WorkerEntry): Worker {
  return new Worker(entry.url, {
    ...(entry.argv ? { argv: entry.argv } : {}),
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    stdout: false,
    stderr: false,
    // Little of what the worker allocates lives (cells travel as offsets, verdicts as one block per chunk), but
    // evaluating rows (the row stage) allocates much. Measured at 1M rows with the row stage: a young generation of
    // 16 MB raised the process's peak RSS to 401–420 MiB, 8 MB kept it at 358–363 (4 MB: 352), CPU within noise.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
}

/** A thread started ahead, idle until a file is opened; `failed` once it errored or exited. */
interface Spare {
  worker: Worker;
  failed: boolean;
  /** Resolves once the thread is ready or failed. */
  ready: Promise<void>;
  /** Once asked to load the row stage's modules: resolves once it has (or failed). */
  stageLoaded?: Promise<void>;
  /** Resolves `stageLoaded`; undefined once it has been. */
  onStageLoaded?: () => void;
  /** Resolves `ready` and `stageLoaded` (the thread is taken: nobody need wait for it any more). */
  settle: () => void;
}
let spare: Spare | undefined;

/**
 * Starts a CSV worker thread now, to be used by the next `openCsv` that reads in a thread: its start (and, from
 * the sources, tsx compiling its modules) then overlaps other work. Nothing when the worker is off or there is no
 * entry. Once ready, the idle thread does not keep the process alive. Resolves once the thread is ready or failed: one
 * that failed before it was ready makes every later read happen in this thread (the desktop app calls this at start,
 * so that a packaged build whose thread cannot start still reads its files). With `rowStage` (the next read will
 * likely run a row stage: validate of a file from CSV_ROW_STAGE_MIN_BYTES up) the thread also loads the mapping
 * engine while it waits for the job, instead of after it.
 */
export function prestartCsvWorker(options: { rowStage?: boolean } = {}): Promise<void> {
  if (!spare) {
    if (workerMode(undefined) === 'off') return Promise.resolve();
    const entry = workerEntry('csv-worker');
    if (!entry) return Promise.resolve();
    spare = startSpare(entry);
  }
  const current = spare;
  if (!options.rowStage || current.failed) return current.ready;
  if (!current.stageLoaded) {
    // A message queued for the thread before the job: it loads the row stage's modules while it waits for one.
    current.stageLoaded = new Promise<void>((resolve) => (current.onStageLoaded = resolve));
    current.worker.ref();
    current.worker.postMessage(LOAD_ROW_STAGE);
  }
  return current.stageLoaded;
}

const LOAD_ROW_STAGE: ToCsvWorker = { type: 'load-row-stage' };

function startSpare(entry: WorkerEntry): Spare {
  const started: Spare = {
    worker: startWorker(entry),
    failed: false,
    ready: Promise.resolve(),
    settle: () => {},
  };
  let isReady = false;
  /** Idle from here on: it does not keep the process alive (while it starts or loads, someone may await it). */
  const idle = () => {
    if (isReady && (!started.stageLoaded || started.onStageLoaded === undefined)) started.worker.unref();
  };
  const stageLoaded = () => {
    const resolve = started.onStageLoaded;
    started.onStageLoaded = undefined;
    resolve?.();
  };
  started.ready = new Promise<void>((resolve) => {
    started.settle = () => {
      resolve();
      stageLoaded();
    };
    const failed = () => {
      // A thread that cannot even load its modules will not do better next time: read in this thread from now on.
      if (!isReady) workerUnusable('csv-worker');
      started.failed = true;
      resolve();
      stageLoaded();
    };
    started.worker
      .on('error', failed)
      .on('exit', failed)
      .on('message', (message: FromCsvWorker) => {
        if (message.type === 'ready') {
          isReady = true;
          resolve();
        } else if (message.type === 'row-stage-loaded') stageLoaded();
        idle();
      });
  });
  return started;
}

function takeSpare(): Worker | undefined {
  const taken = spare;
  spare = undefined;
  if (!taken) return undefined;
  taken.worker.removeAllListeners('error').removeAllListeners('exit').removeAllListeners('message');
  // Whoever waits for the thread to be ready or to have loaded the row stage goes on: it is in use now.
  taken.settle();
  if (taken.failed) {
    void taken.worker.terminate();
    return undefined;
  }
  taken.worker.ref();
  return taken.worker;
}

/**
 * A file being read by a worker thread: the job posted, the thread's messages queued until someone takes them. Begun
 * by `openCsv`, or ahead of it by `startEarlyCsvRead` (the job then goes out while the mapping is validated), and
 * read through `readInWorker`.
 */
class WorkerRead {
  readonly shared: Int32Array;
  private readonly queue: FromCsvWorker[] = [];
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;
  /** The thread's 'end' has been taken. */
  ended = false;
  private stopped: Promise<void> | undefined;
  private signal: AbortSignal | undefined;
  private readonly onAbort = () => {
    this.fail(aborted(this.file));
    void this.stop();
  };

  constructor(
    readonly worker: Worker,
    readonly handle: FileHandle,
    readonly size: number,
    readonly options: CsvOptions & { fileLabel: string },
    rowStage: RowStageJob | undefined,
  ) {
    const start: CsvWorkerStart = {
      fd: handle.fd,
      options,
      chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      credits: WORKER_CREDITS,
      shared: new SharedArrayBuffer(16),
      ...(rowStage ? { rowStage } : {}),
    };
    this.shared = new Int32Array(start.shared);
    worker.postMessage(start);
    worker.on('message', (message: FromCsvWorker) => {
      if (message.type === 'ready' || message.type === 'row-stage-loaded') return;
      this.queue.push(message);
      this.wakeUp();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      // Its messages arrive before its exit: a thread that ended normally has its 'end' in the queue by now.
      if (!this.ended && !this.stopped && !this.queue.some((m) => m.type === 'end'))
        this.fail(
          new SourceError(
            'source-unreadable',
            said('sourceError.workerStopped', { file: this.file, code }),
            this.file,
          ),
        );
    });
  }

  get file(): string {
    return this.options.fileLabel;
  }

  /** Stops the read when `signal` aborts (once it is read: see `readInWorker`). */
  watch(signal: AbortSignal | undefined): void {
    if (!signal) return;
    this.signal = signal;
    if (signal.aborted) this.onAbort();
    else signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private wakeUp(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wakeUp();
  }

  /** Ends the thread and closes the file; once. */
  stop(): Promise<void> {
    return (this.stopped ??= (async () => {
      this.signal?.removeEventListener('abort', this.onAbort);
      Atomics.store(this.shared, 1, 1);
      Atomics.notify(this.shared, 0);
      await this.worker.terminate();
      await this.handle.close().catch(() => {});
    })());
  }

  /** The worker's next message; the process may exit while nobody waits for the thread. */
  async receive(): Promise<FromCsvWorker> {
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      this.worker.ref();
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.worker.unref();
    }
  }
}

/**
 * A read of the file the command line named, begun while the mapping that says how to read it is still being
 * validated (`startEarlyCsvRead`): the thread detects the encoding and parses the header meanwhile, instead of
 * after. `openCsv` takes it over when it would start the same read (the same file, encoding, delimiter, no row
 * stage); any other read stops it, as `discard` does when the run ends before its source is opened.
 */
export class EarlyCsvRead {
  private read: WorkerRead | undefined;
  private outcome: 'taken' | 'stopped' | undefined;

  constructor(
    /** The file, resolved. */
    readonly path: string,
    read: WorkerRead,
  ) {
    this.read = read;
  }

  /** `pending` until `openCsv` took the read over (`taken`) or it was stopped (`stopped`). */
  get state(): 'pending' | 'taken' | 'stopped' {
    return this.outcome ?? 'pending';
  }

  /** The read, when it is the one `openCsv(path, options)` would start; else undefined (and it is stopped). Once. */
  claim(path: string, options: CsvReadOptions, file: string): WorkerRead | undefined {
    const read = this.read;
    this.read = undefined;
    if (!read) return undefined;
    const begun = read.options;
    if (
      resolve(path) === this.path &&
      file === begun.fileLabel &&
      options.encoding === begun.encoding &&
      options.delimiter === begun.delimiter &&
      options.chunkBytes === undefined &&
      workerMode(options.worker) !== 'off' &&
      rowStageJob(options.rowStage, read.size) === undefined
    ) {
      this.outcome = 'taken';
      return read;
    }
    this.outcome = 'stopped';
    void read.stop();
    return undefined;
  }

  /** Stops the read unless `openCsv` took it over. */
  discard(): Promise<void> {
    const read = this.read;
    this.read = undefined;
    if (!read) return Promise.resolve();
    this.outcome = 'stopped';
    return read.stop();
  }
}

/**
 * Begins reading `path` in a worker thread with the encoding and delimiter the mapping will most likely give, so
 * that the header is parsed while the mapping is validated (see EarlyCsvRead). Only a read that `openCsv` would do
 * in a thread without a row stage (files from CSV_WORKER_MIN_BYTES to CSV_ROW_STAGE_MIN_BYTES): for larger files the
 * thread is better spent loading the mapping engine. Undefined when there is none to begin, or the file cannot be
 * opened (`openCsv` then says why). `options` may still be on their way (the mapping file being read): the file is
 * opened meanwhile, and closed again when they come as undefined (no CSV source to read).
 */
export async function startEarlyCsvRead(
  path: string,
  options:
    | Pick<CsvOptions, 'encoding' | 'delimiter'>
    | Promise<Pick<CsvOptions, 'encoding' | 'delimiter'> | undefined>,
): Promise<EarlyCsvRead | undefined> {
  const file = basename(path);
  // The file's size and a handle at once, not one after the other (each a trip to the I/O threads).
  const [stats, opening] = await Promise.allSettled([stat(path), open(path, 'r')]);
  const handle = opening.status === 'fulfilled' ? opening.value : undefined;
  const size = stats.status === 'fulfilled' && stats.value.isFile() ? stats.value.size : undefined;
  const entry =
    handle && size !== undefined && useWorker(size, undefined) && !rowStageLikely(size)
      ? workerEntry('csv-worker')
      : undefined;
  const begin = entry ? await options : undefined;
  if (!handle || size === undefined || !entry || !begin) {
    await handle?.close().catch(() => {});
    return undefined;
  }
  const read = new WorkerRead(
    takeSpare() ?? startWorker(entry),
    handle,
    size,
    {
      ...(begin.encoding !== undefined ? { encoding: begin.encoding } : {}),
      ...(begin.delimiter !== undefined ? { delimiter: begin.delimiter } : {}),
      fileLabel: file,
    },
    undefined,
  );
  // Until someone reads it, the thread does not keep the process alive.
  read.worker.unref();
  return new EarlyCsvRead(resolve(path), read);
}

/**
 * Reads and parses in a worker thread that stays at most WORKER_CREDITS chunks ahead of the consumer (a read begun by
 * `openCsv`, or one it took over from `startEarlyCsvRead`).
 */
export async function readInWorker(
  read: WorkerRead,
  signal: AbortSignal | undefined,
  compact: boolean,
  consumerColumns: readonly string[] | undefined,
): Promise<OpenCsv> {
  const { file, shared } = read;
  const resume = resumeAt(WORKER_CREDITS);
  /** The worker's count of batches sent ([3]) when it was last woken: each wait has its own. */
  let woken = -1;
  let closed = false;
  let bytesRead = 0;
  const stop = () => read.stop();
  read.watch(signal);

  let info: CsvHeaderInfo;
  let keys: (string | undefined)[];
  try {
    const first = await read.receive();
    if (first.type === 'error') throw fromWireError(first.error);
    if (first.type !== 'info') throw new Error(`CSV worker: unexpected ${first.type} before the header`);
    ({ info, keys } = first);
  } catch (error) {
    await stop();
    throw error;
  }
  const columns = columnTable(keys);
  // A run that keeps nothing of a row but its verdict (given with a row stage) reads only some columns, and takes
  // its records one at a time: the rows come as TakenRows (one reused record), with only those cells cut.
  const taken = consumerColumns
    ? new RowTaker(file, columns, keys.length, wantedColumns(keys, consumerColumns))
    : undefined;

  const next = async (): Promise<(CsvEvent | EvaluatedRows | TakenRows)[] | undefined> => {
    if (read.ended || closed) return undefined;
    const message = await read.receive();
    if (message.type === 'error') {
      const error = fromWireError(message.error);
      if (error instanceof SourceError) throw error;
      throw unreadable(file, readReason(error), systemCode(error) || undefined);
    }
    if (message.type === 'end') {
      read.ended = true;
      bytesRead = message.bytesRead;
      void stop();
      return undefined;
    }
    if (message.type !== 'batch' && message.type !== 'evaluated') return [];
    const consumed = Atomics.add(shared, 0, 1) + 1;
    // Only a waiting worker needs waking, and only once it may go on (see csv-worker.ts mayPost): all the batches
    // it had sent but `resume` taken. (Not by this thread's queue: the batches the worker posts while this thread
    // maps are not in it yet, and a wake-up too early costs a futex call for nothing.)
    // Once per wait: until the worker has run again, the flag still says it waits.
    if (Atomics.load(shared, 2) === 1) {
      const sentThen = Atomics.load(shared, 3);
      if (sentThen !== woken && sentThen - consumed <= resume) {
        woken = sentThen;
        Atomics.notify(shared, 0);
      }
    }
    bytesRead = message.bytesRead;
    if (message.type === 'evaluated') return evaluatedEvents(message);
    if (taken) return taken.events(message);
    return decodeBatch(message, file, columns, keys.length, compact);
  };

  return {
    info,
    ...streams(file, next, () => void stop(), signal),
    bytesTotal: read.size,
    bytesRead: () => bytesRead,
    close: () => {
      closed = true;
      return stop();
    },
  };
}

/**
 * Hands a chunk's rows to a run that takes them one at a time and keeps none (see TakenRows): one record object and
 * one array of cells serve every row of the file, and only the wanted cells are cut from the chunk's text (the
 * others are null, as a run that never reads them needs).
 */
class RowTaker {
  private readonly record: TakenRecord;
  private readonly cells: SourceValue[];

  constructor(
    file: string,
    columns: ReadonlyMap<string, number>,
    private readonly width: number,
    /** The places of the cells to cut, in order. */
    private readonly wanted: Int32Array,
  ) {
    this.cells = new Array<SourceValue>(width).fill(null);
    this.record = new TakenRecord(file, this.cells, columns);
  }

  /** A chunk's rows in stretches between its source issues, in file order. */
  events(batch: CsvBatchMessage): (CsvEvent | TakenRows)[] {
    const { rows, issues, issueAt, text } = batch;
    // As decodeBatch says it: no "?" in the chunk, no lost letter in any row's names.
    const noQuestionMark = text.indexOf('?') === -1;
    const take = (run: { take(record: SourceRecord): void }, from: number, to: number) =>
      this.take(batch, noQuestionMark, run, from, to);
    const events: (CsvEvent | TakenRows)[] = [];
    let from = 0;
    for (let k = 0; k <= issues.length; k++) {
      const to = k < issues.length ? issueAt[k]! : rows.length;
      if (to > from) events.push({ kind: 'rows', from, to, take });
      from = Math.max(from, to);
      if (k < issues.length) events.push({ kind: 'issue', issue: issues[k]! });
    }
    return events;
  }

  private take(
    batch: CsvBatchMessage,
    noQuestionMark: boolean,
    run: { take(record: SourceRecord): void },
    from: number,
    to: number,
  ): void {
    const { text, starts, ends, rows } = batch;
    const { record, cells, width, wanted } = this;
    record.noQuestionMark = noQuestionMark;
    // Only the wanted cells are cut (the others stay null).
    const count = wanted.length;
    for (let r = from, base = from * width; r < to; r++, base += width) {
      for (let w = 0; w < count; w++) {
        const i = wanted[w]!;
        const start = starts[base + i]!;
        const end = ends[base + i]!;
        cells[i] = end !== start ? text.slice(start, end) : null;
      }
      record.row = rows[r]!;
      run.take(record);
    }
  }
}

/** The one record of a RowTaker: its row and cells change from row to row. */
class TakenRecord implements SourceRecord {
  row = 0;
  noQuestionMark = false;

  constructor(
    readonly ref: string,
    readonly cells: SourceValue[],
    readonly columns: ReadonlyMap<string, number>,
  ) {}

  get values(): Record<string, SourceValue> {
    return namedValues(this.cells, this.columns);
  }
}

/** The places (in order) of the record keys (columns) that are one of `names`. */
function wantedColumns(keys: readonly (string | undefined)[], names: readonly string[]): Int32Array {
  const wanted = new Set(names);
  const places: number[] = [];
  keys.forEach((key, i) => {
    if (key !== undefined && wanted.has(key)) places.push(i);
  });
  return Int32Array.from(places);
}

/** An evaluated chunk as events: its rows in runs between its source issues, in file order. */
function evaluatedEvents(message: CsvEvaluatedMessage): (CsvEvent | EvaluatedRows)[] {
  const { verdicts, issues, issueAt } = message;
  const count = verdicts.rows.length;
  const events: (CsvEvent | EvaluatedRows)[] = [];
  let from = 0;
  for (let k = 0; k <= issues.length; k++) {
    const to = k < issues.length ? issueAt[k]! : count;
    if (to > from) events.push({ kind: 'evaluated', verdicts, from, to });
    from = Math.max(from, to);
    if (k < issues.length) events.push({ kind: 'issue', issue: issues[k]! });
  }
  return events;
}

/** Reads the open file in a worker thread (the one started ahead, if any) with the row stage the file gets. */
export function readWithThread(
  entry: WorkerEntry,
  handle: FileHandle,
  size: number,
  options: Omit<CsvReadOptions, 'worker'> & { fileLabel: string },
  signal: AbortSignal | undefined,
): Promise<OpenCsv> {
  const { rowStage, ...parseOptions } = options;
  const read = new WorkerRead(
    takeSpare() ?? startWorker(entry),
    handle,
    size,
    parseOptions,
    rowStageJob(rowStage, size),
  );
  return readInWorker(read, signal, parseOptions.compactRecords === true, rowStage?.columns);
}
