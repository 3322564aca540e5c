import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { said } from '../../../shared/i18n/message';
import { readReason, systemCode } from '../../system-errors';
import { SourceError } from '../source-error';
import { workerEntry, type WorkerEntry } from '../../worker-entry';
import { CsvCore, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';
import type { RowStageJob } from './csv-wire';
import { aborted, DEFAULT_CHUNK_BYTES, streams, unreadable, type OpenCsv } from './csv-stream';
import { readInWorker, readWithThread, useWorker, workerMode, type EarlyCsvRead } from './csv-thread';

export type { CsvEvent, CsvHeaderInfo, CsvOptions } from './csv-core';
export type { CsvEncoding, CsvEncodingOption } from './encoding';
export type { CsvDelimiter, CsvDelimiterOption } from './delimiter';
export type { OpenCsv } from './csv-stream';
export {
  CSV_ROW_STAGE_MIN_BYTES,
  CSV_WORKER_MIN_BYTES,
  EarlyCsvRead,
  prestartCsvWorker,
  rowStageLikely,
  startEarlyCsvRead,
} from './csv-thread';

/**
 * Where the file is read and parsed: `auto` (the default) uses a worker thread for files from
 * `CSV_WORKER_MIN_BYTES` up when the worker's entry file is there (the built CLI, the sources), `on`/`off` force it.
 * The environment variable PLEK_CSV_WORKER=on|off does the same for a whole run (troubleshooting).
 */
export type CsvWorkerMode = 'auto' | 'on' | 'off';

export interface CsvReadOptions extends CsvOptions {
  worker?: CsvWorkerMode;
  /**
   * When the file is read in a worker thread, run this mapping's row-local stage there as well, for part of the
   * rows (`share: 'auto'`) or all of them: those rows then come as `EvaluatedRows` in `evaluatedBatches`, for a run
   * that files them (run.ts `pushVerdicts`); with its `columns`, the other rows come as `TakenRows` there. PLEK_CSV_ROW_STAGE=off|auto|all overrides the share (troubleshooting,
   * tests); without it, files under CSV_ROW_STAGE_MIN_BYTES get no row stage.
   */
  rowStage?: RowStageJob;
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
 * consumer's own work on a second core; the events are the same either way. `early`: a read of the file begun
 * before these options were known (startEarlyCsvRead), taken over when it is the same read, else stopped.
 */
export async function openCsv(
  path: string,
  options: CsvReadOptions = {},
  signal?: AbortSignal,
  early?: EarlyCsvRead,
): Promise<OpenCsv> {
  const file = options.fileLabel ?? basename(path);
  const begun = early?.claim(path, options, file);
  if (begun) return readInWorker(begun, signal, options.compactRecords === true, options.rowStage?.columns);
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
  if (entry) return readWithThread(entry, handle, size, { ...csvOptions, fileLabel: file }, signal);
  const { rowStage: _inThreadNone, ...parseOptions } = csvOptions;
  return openInThread(handle, size, { ...parseOptions, fileLabel: file }, signal);
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
