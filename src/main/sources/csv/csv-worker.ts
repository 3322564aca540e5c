// The CSV reader's worker thread: reads the file, decodes and parses it with the same CsvCore as the in-thread
// reader, and posts each chunk's events to the thread that maps them, at most `credits` batches ahead of it.
// Started by read-csv.ts (openCsv) for large files; built beside the CLI as dist/cli/csv-worker.js.
import { readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { CsvCore } from './csv-core';
import { BatchWriter, toWireError, type CsvWorkerStart, type FromCsvWorker } from './csv-wire';

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

function read(start: CsvWorkerStart): void {
  /** [0] batches the consumer has taken, [1] 1 once it stopped, [2] 1 while this thread waits. */
  const shared = new Int32Array(start.shared);
  const writer = new BatchWriter();
  const core = new CsvCore(start.options, writer);
  let position = 0;
  let sent = 0;
  let infoSent = false;
  /** Posts what the parser has made; false when the consumer stopped. */
  const flush = (): boolean => {
    if (!infoSent && core.info) {
      infoSent = true;
      post({ type: 'info', info: core.info, keys: [...core.recordKeys] });
    }
    const batch = writer.take(position);
    if (!batch) return true;
    if (!mayPost(start, shared, sent)) return false;
    sent++;
    post(batch, [
      batch.starts.buffer,
      batch.ends.buffer,
      batch.rows.buffer,
      batch.issueAt.buffer,
    ] as ArrayBuffer[]);
    return true;
  };
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
