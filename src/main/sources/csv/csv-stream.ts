// What every CSV reader hands its consumer (in this thread or from a worker thread): the open reader's shape, its
// streams of events made from a function that gives the next batch, and the errors a read can end with.
import { said, type CodedMessage } from '../../../shared/i18n/message';
import type { EvaluatedRows, TakenRows } from '../../../shared/engine/verdicts';
import { SourceError } from '../source-error';
import type { CsvEvent, CsvHeaderInfo } from './csv-core';

/** Bytes read (and parsed) at a time. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

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
  /**
   * With a `rowStage`: the batches, in which rows the worker evaluated come as `EvaluatedRows` (iterate this one
   * then, not `events` or `batches`). Without one, the same as `batches`.
   */
  evaluatedBatches: AsyncIterable<(CsvEvent | EvaluatedRows | TakenRows)[]>;
  bytesTotal: number;
  bytesRead(): number;
  /** Stops reading and releases the file; only needed when `events` is not iterated to the end. */
  close(): Promise<void>;
}

export function unreadable(file: string, reason: CodedMessage, technical?: string): SourceError {
  return new SourceError(
    'source-unreadable',
    said('sourceError.unreadable', { file, reason: [reason] }),
    file,
    technical,
  );
}

export function aborted(file: string): SourceError {
  return new SourceError('source-aborted', said('sourceError.aborted', { file }), file);
}

/** `events` and `batches` of an open reader, from a function that gives the next batch (undefined: the end). */
export function streams(
  file: string,
  next: () => Promise<(CsvEvent | EvaluatedRows | TakenRows)[] | undefined>,
  stop: () => void,
  signal: AbortSignal | undefined,
): Pick<OpenCsv, 'events' | 'batches' | 'evaluatedBatches'> {
  let eventStream: AsyncGenerator<CsvEvent> | undefined;
  let batchStream: AsyncGenerator<(CsvEvent | EvaluatedRows | TakenRows)[]> | undefined;
  async function* batches(): AsyncGenerator<(CsvEvent | EvaluatedRows | TakenRows)[]> {
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
        // Only a reader given a row stage makes EvaluatedRows and TakenRows, and its consumer reads `evaluatedBatches`.
        yield event as CsvEvent;
      }
    }
  }
  return {
    // Created on first use, once: a consumer picks one of them.
    get events() {
      return (eventStream ??= events());
    },
    get batches() {
      return (batchStream ??= batches()) as AsyncIterable<CsvEvent[]>;
    },
    get evaluatedBatches() {
      return (batchStream ??= batches());
    },
  };
}
