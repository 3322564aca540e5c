import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import { readReason, systemCode } from '../../system-errors';
import { SourceError } from '../source-error';
import { workerEntry, type WorkerEntry } from '../../worker-entry';
import { columnTable, CsvCore, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';
import { decodeBatch, fromWireError, type CsvWorkerStart, type FromCsvWorker } from './csv-wire';

export type { CsvEvent, CsvHeaderInfo, CsvOptions } from './csv-core';
export type { CsvEncoding, CsvEncodingOption } from './encoding';
export type { CsvDelimiter, CsvDelimiterOption } from './delimiter';

const DEFAULT_CHUNK_BYTES = 64 * 1024;

/**
 * Where the file is read and parsed: `auto` (the default) uses a worker thread for files from
 * `CSV_WORKER_MIN_BYTES` up when the worker's entry file is there (the built CLI, the sources), `on`/`off` force it.
 * The environment variable PLEK_CSV_WORKER=on|off does the same for a whole run (troubleshooting).
 */
export type CsvWorkerMode = 'auto' | 'on' | 'off';

export interface CsvReadOptions extends CsvOptions {
  worker?: CsvWorkerMode;
}

/** Below this size starting a thread costs more than reading beside the consumer saves. */
export const CSV_WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** Batches (chunks) the worker may read ahead of the consumer: the bound on its memory (~32 × 200 KB). */
const WORKER_CREDITS = 32;

export interface OpenCsv {
  info: CsvHeaderInfo;
  /**
   * Records and row issues in file order. Reading is pulled by the consumer: nothing is read ahead (in a worker
   * thread, at most a few chunks).
   */
  events: AsyncIterable<CsvEvent>;
  /**
   * The same events a chunk at a time (one await per 64 KiB instead of one per row, for bulk readers). Iterate
   * either `events` or `batches`, not both.
   */
  batches: AsyncIterable<CsvEvent[]>;
  bytesTotal: number;
  bytesRead(): number;
  /** Stops reading and releases the file; only needed when `events` is not iterated to the end. */
  close(): Promise<void>;
}

function unreadable(file: string, reason: CodedMessage, technical?: string): SourceError {
  return new SourceError(
    'source-unreadable',
    said('sourceError.unreadable', { file, reason: [reason] }),
    file,
    technical,
  );
}

async function openForReading(path: string, file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw unreadable(file, said('sys.read.folderCsv'));
    handle = await open(path, 'r');
    return { handle, size: stats.size };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    // Missing, no permission, locked (open in Excel?): the reason says what to do; the code stays for support.
    throw unreadable(file, readReason(error), systemCode(error) || undefined);
  }
}

/**
 * Opens an HR export for streaming: detects the encoding and delimiter, reads the header row and returns the
 * records as an async iterable. The file is read in chunks and decoded incrementally, so a 1M-row export is
 * never held in memory. Throws a SourceError when the file cannot be read at all (missing, a folder, no
 * permission, an Excel workbook or PDF instead of a CSV); everything wrong inside the
 * file is reported as issues (file-level ones in `info.issues`, row-level ones as events).
 *
 * A large file is read in a worker thread (see worker-entry.ts), so that reading and parsing run beside the
 * consumer's own work on a second core; the events are the same either way.
 */
export async function openCsv(
  path: string,
  options: CsvReadOptions = {},
  signal?: AbortSignal,
): Promise<OpenCsv> {
  const file = options.fileLabel ?? basename(path);
  const { handle, size } = await openForReading(path, file);
  const { worker: mode, ...csvOptions } = options;
  let entry: WorkerEntry | undefined;
  if (useWorker(size, mode)) {
    entry = workerEntry('csv-worker');
    if (!entry && workerMode(mode) === 'on') {
      await handle.close();
      // Forced on (troubleshooting, tests): say so rather than quietly reading in this thread.
      throw new SourceError('source-unreadable', said('sourceError.noWorker', { file }), file);
    }
  }
  if (entry) {
    return openInWorker(entry, handle, size, { ...csvOptions, fileLabel: file }, signal);
  }
  return openInThread(handle, size, { ...csvOptions, fileLabel: file }, signal);
}

function aborted(file: string): SourceError {
  return new SourceError('source-aborted', said('sourceError.aborted', { file }), file);
}

/** `events` and `batches` of an open reader, from a function that gives the next batch (undefined: the end). */
function streams(
  file: string,
  next: () => Promise<CsvEvent[] | undefined>,
  stop: () => void,
  signal: AbortSignal | undefined,
): Pick<OpenCsv, 'events' | 'batches'> {
  let eventStream: AsyncGenerator<CsvEvent> | undefined;
  let batchStream: AsyncGenerator<CsvEvent[]> | undefined;
  async function* batches(): AsyncGenerator<CsvEvent[]> {
    try {
      for (let batch = await next(); batch; batch = await next()) {
        if (batch.length === 0) continue;
        if (signal?.aborted) throw aborted(file);
        yield batch;
      }
    } finally {
      stop();
    }
  }
  async function* events(): AsyncGenerator<CsvEvent> {
    for await (const batch of batches()) {
      for (const event of batch) {
        if (signal?.aborted) throw aborted(file);
        yield event;
      }
    }
  }
  return {
    // Created on first use, once: a consumer picks one of the two.
    get events() {
      return (eventStream ??= events());
    },
    get batches() {
      return (batchStream ??= batches());
    },
  };
}

/** Reads and parses in this thread, one chunk per batch, pulled by the consumer. */
async function openInThread(
  handle: FileHandle,
  size: number,
  options: CsvOptions & { fileLabel: string },
  signal: AbortSignal | undefined,
): Promise<OpenCsv> {
  const file = options.fileLabel;
  const stream = handle.createReadStream({
    highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    signal,
  });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const core = new CsvCore(options);
  let bytesRead = 0;
  let finished = false;

  /** Reads one chunk into the parser; false at the end of the file. */
  const pull = async (): Promise<boolean> => {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      finished = true;
      if (signal?.aborted || (error as { name?: string }).name === 'AbortError') throw aborted(file);
      throw unreadable(file, readReason(error), systemCode(error) || undefined);
    }
    if (next.done) {
      finished = true;
      core.end();
      return false;
    }
    bytesRead += next.value.length;
    core.push(next.value);
    if (core.done) {
      finished = true;
      core.end();
      stream.destroy();
    }
    return !core.done;
  };

  try {
    while (!core.info && (await pull()));
  } catch (error) {
    stream.destroy();
    throw error;
  }
  if (!core.info) core.end();
  const info = core.info!;

  const next = async (): Promise<CsvEvent[] | undefined> => {
    for (;;) {
      const ready = core.take();
      if (ready.length > 0) return ready;
      if (finished) return undefined;
      await pull();
    }
  };

  return {
    info,
    ...streams(file, next, () => stream.destroy(), signal),
    bytesTotal: size,
    bytesRead: () => bytesRead,
    close: async () => {
      finished = true;
      stream.destroy();
    },
  };
}

function workerMode(option: CsvWorkerMode | undefined): CsvWorkerMode {
  if (option && option !== 'auto') return option;
  const env = process.env.PLEK_CSV_WORKER?.trim().toLowerCase();
  if (env === 'off' || env === '0') return 'off';
  if (env === 'on' || env === '1') return 'on';
  return 'auto';
}

function useWorker(size: number, option: CsvWorkerMode | undefined): boolean {
  const mode = workerMode(option);
  return mode === 'on' || (mode === 'auto' && size >= CSV_WORKER_MIN_BYTES);
}

function startWorker(entry: WorkerEntry): Worker {
  return new Worker(entry.url, {
    ...(entry.argv ? { argv: entry.argv } : {}),
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    stdout: false,
    stderr: false,
    // The worker allocates little that lives (cells travel as offsets): a small young generation keeps its share
    // of the process's memory down (measured at 1M rows: peak RSS −20 MB, no slower).
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
}

/** A thread started ahead, idle until a file is opened; `failed` once it errored or exited. */
let spare: { worker: Worker; failed: boolean } | undefined;

/**
 * Starts a CSV worker thread now, to be used by the next `openCsv` that reads in a thread: its start (and, from
 * the sources, tsx compiling its modules) then overlaps other work. Nothing when the worker is off or there is no
 * entry. Once ready, the idle thread does not keep the process alive. Resolves once the thread is ready (or failed, in which
 * case `openCsv` starts another).
 */
export function prestartCsvWorker(): Promise<void> {
  if (spare || workerMode(undefined) === 'off') return Promise.resolve();
  const entry = workerEntry('csv-worker');
  if (!entry) return Promise.resolve();
  const started = { worker: startWorker(entry), failed: false };
  spare = started;
  const ready = new Promise<void>((resolve) => {
    const failed = () => {
      started.failed = true;
      resolve();
    };
    started.worker
      .on('error', failed)
      .on('exit', failed)
      .on('message', (message: FromCsvWorker) => {
        if (message.type !== 'ready') return;
        // Idle from here on: it does not keep the process alive (while it starts, someone may await `ready`).
        started.worker.unref();
        resolve();
      });
  });
  return ready;
}

function takeSpare(): Worker | undefined {
  const taken = spare;
  spare = undefined;
  if (!taken) return undefined;
  taken.worker.removeAllListeners('error').removeAllListeners('exit').removeAllListeners('message');
  if (taken.failed) {
    void taken.worker.terminate();
    return undefined;
  }
  taken.worker.ref();
  return taken.worker;
}

/** Reads and parses in a worker thread that stays at most WORKER_CREDITS chunks ahead of the consumer. */
async function openInWorker(
  entry: WorkerEntry,
  handle: FileHandle,
  size: number,
  options: CsvOptions & { fileLabel: string },
  signal: AbortSignal | undefined,
): Promise<OpenCsv> {
  const file = options.fileLabel;
  const start: CsvWorkerStart = {
    fd: handle.fd,
    options,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    credits: WORKER_CREDITS,
    shared: new SharedArrayBuffer(12),
  };
  const shared = new Int32Array(start.shared);
  const worker = takeSpare() ?? startWorker(entry);
  worker.postMessage(start);
  const queue: FromCsvWorker[] = [];
  let waiting: { resolve: () => void } | undefined;
  let failure: Error | undefined;
  let ended = false;
  let closed = false;
  let stopped: Promise<void> | undefined;
  let bytesRead = 0;

  const wakeUp = () => {
    waiting?.resolve();
    waiting = undefined;
  };
  const fail = (error: Error) => {
    failure ??= error;
    wakeUp();
  };
  /** Ends the thread and closes the file; once. */
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      signal?.removeEventListener('abort', onAbort);
      Atomics.store(shared, 1, 1);
      Atomics.notify(shared, 0);
      await worker.terminate();
      await handle.close().catch(() => {});
    })());
  const onAbort = () => {
    fail(aborted(file));
    void stop();
  };
  worker.on('message', (message: FromCsvWorker) => {
    if (message.type === 'ready') return;
    queue.push(message);
    wakeUp();
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => {
    // Its messages arrive before its exit: a thread that ended normally has its 'end' in the queue by now.
    if (!ended && !stopped && !queue.some((m) => m.type === 'end'))
      fail(new SourceError('source-unreadable', said('sourceError.workerStopped', { file, code }), file));
  });
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  /** The worker's next message; the process may exit while nobody waits for the thread. */
  const receive = async (): Promise<FromCsvWorker> => {
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      if (failure) throw failure;
      worker.ref();
      await new Promise<void>((resolve) => (waiting = { resolve }));
      worker.unref();
    }
  };

  let info: CsvHeaderInfo;
  let keys: (string | undefined)[];
  try {
    const first = await receive();
    if (first.type === 'error') throw fromWireError(first.error);
    if (first.type !== 'info') throw new Error(`CSV worker: unexpected ${first.type} before the header`);
    ({ info, keys } = first);
  } catch (error) {
    await stop();
    throw error;
  }
  const columns = columnTable(keys);
  const compact = options.compactRecords === true;

  const next = async (): Promise<CsvEvent[] | undefined> => {
    if (ended || closed) return undefined;
    const message = await receive();
    if (message.type === 'error') {
      const error = fromWireError(message.error);
      if (error instanceof SourceError) throw error;
      throw unreadable(file, readReason(error), systemCode(error) || undefined);
    }
    if (message.type === 'end') {
      ended = true;
      bytesRead = message.bytesRead;
      void stop();
      return undefined;
    }
    if (message.type !== 'batch') return [];
    Atomics.add(shared, 0, 1);
    // Only a waiting worker needs waking, and only once it may go on (see csv-worker.ts mayPost).
    if (Atomics.load(shared, 2) === 1 && queue.length <= WORKER_CREDITS / 4) Atomics.notify(shared, 0);
    bytesRead = message.bytesRead;
    return decodeBatch(message, file, columns, keys.length, compact);
  };

  return {
    info,
    ...streams(file, next, () => void stop(), signal),
    bytesTotal: size,
    bytesRead: () => bytesRead,
    close: () => {
      closed = true;
      return stop();
    },
  };
}

/** Detects encoding and delimiter and reads the header row only (for `init` and the source panel). */
export async function readCsvHeaders(path: string, options: CsvOptions = {}): Promise<CsvHeaderInfo> {
  // The first chunks only: not worth a thread.
  const csv = await openCsv(path, { ...options, worker: 'off' });
  await csv.close();
  return csv.info;
}

/**
 * Parses a whole file held in memory, with exactly the semantics of `openCsv` (it feeds the same parser in the
 * same chunk size). For tests and small files. Throws a SourceError for a workbook or PDF picked by mistake.
 */
export function parseCsvBuffer(
  buf: Uint8Array,
  options: CsvOptions = {},
): { info: CsvHeaderInfo; events: CsvEvent[] } {
  const core = new CsvCore(options);
  const step = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const events: CsvEvent[] = [];
  for (let offset = 0; offset < buf.length && !core.done; offset += step) {
    core.push(buf.subarray(offset, offset + step));
    events.push(...core.take());
  }
  core.end();
  events.push(...core.take());
  return { info: core.info!, events };
}

/** Describes the columns from the first records: fill rate and up to three distinct example values each. */
export function describeAttributes(headers: string[], records: SourceRecord[]): SourceAttribute[] {
  const named = [...new Set(headers.filter((h) => h !== ''))];
  return named.map((name) => {
    let filled = 0;
    const examples: string[] = [];
    for (const record of records) {
      const value = record.values[name];
      const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
      if (text.trim() === '') continue;
      filled++;
      if (examples.length < 3 && !examples.includes(text)) examples.push(text);
    }
    return { name, fillRate: records.length === 0 ? 0 : filled / records.length, examples };
  });
}

/** Reads the header and the first `n` records, for `init` and the graph editor's source panel. */
export async function sampleCsv(
  path: string,
  options: CsvOptions = {},
  n = 200,
): Promise<{ info: CsvHeaderInfo; attributes: SourceAttribute[]; records: SourceRecord[] }> {
  const csv = await openCsv(path, { ...options, worker: 'off' });
  const records: SourceRecord[] = [];
  try {
    if (n > 0) {
      for await (const event of csv.events) {
        if (event.kind !== 'record') continue;
        records.push(event.record);
        if (records.length >= n) break;
      }
    }
  } finally {
    await csv.close();
  }
  return { info: csv.info, attributes: describeAttributes(csv.info.headers, records), records };
}
