import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import { readReason, systemCode } from '../../system-errors';
import { SourceError } from '../source-error';
import { CsvCore, type CsvEvent, type CsvHeaderInfo, type CsvOptions } from './csv-core';

export type { CsvEvent, CsvHeaderInfo, CsvOptions } from './csv-core';
export type { CsvEncoding, CsvEncodingOption } from './encoding';
export type { CsvDelimiter, CsvDelimiterOption } from './delimiter';

const DEFAULT_CHUNK_BYTES = 64 * 1024;

export interface OpenCsv {
  info: CsvHeaderInfo;
  /** Records and row issues in file order. Reading is pulled by the consumer: nothing is read ahead. */
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
 */
export async function openCsv(
  path: string,
  options: CsvOptions = {},
  signal?: AbortSignal,
): Promise<OpenCsv> {
  const file = options.fileLabel ?? basename(path);
  const { handle, size } = await openForReading(path, file);
  const stream = handle.createReadStream({
    highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    signal,
  });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const core = new CsvCore({ ...options, fileLabel: file });
  let bytesRead = 0;
  let finished = false;

  /** Reads one chunk into the parser; false at the end of the file. */
  const pull = async (): Promise<boolean> => {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      finished = true;
      if (signal?.aborted || (error as { name?: string }).name === 'AbortError') {
        throw new SourceError('source-aborted', said('sourceError.aborted', { file }), file);
      }
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

  let eventStream: AsyncGenerator<CsvEvent> | undefined;
  let batchStream: AsyncGenerator<CsvEvent[]> | undefined;
  async function* batches(): AsyncGenerator<CsvEvent[]> {
    try {
      for (;;) {
        const ready = core.take();
        if (ready.length > 0) {
          if (signal?.aborted)
            throw new SourceError('source-aborted', said('sourceError.aborted', { file }), file);
          yield ready;
        }
        if (finished) {
          const rest = core.take();
          if (rest.length > 0) yield rest;
          return;
        }
        await pull();
      }
    } finally {
      stream.destroy();
    }
  }

  async function* events(): AsyncGenerator<CsvEvent> {
    for await (const batch of batches()) {
      for (const event of batch) {
        if (signal?.aborted)
          throw new SourceError('source-aborted', said('sourceError.aborted', { file }), file);
        yield event;
      }
    }
  }

  return {
    info,
    // Created on first use, once: a consumer picks one of the two.
    get events() {
      return (eventStream ??= events());
    },
    get batches() {
      return (batchStream ??= batches());
    },
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
  const csv = await openCsv(path, options);
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
  const csv = await openCsv(path, options);
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
