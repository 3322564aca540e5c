// The CSV reader's worker thread: reads the file, decodes and parses it with the same CsvCore as the in-thread
// reader, and posts each chunk's events to the thread that maps them, at most `credits` batches ahead of it.
// Started by read-csv.ts (openCsv) for large files; built beside the CLI as dist/cli/csv-worker.js.
import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvCore } from './csv-core';
import { encodeBatch, toWireError, type CsvWorkerStart, type FromCsvWorker } from './csv-wire';

const start = workerData as CsvWorkerStart;
const port = parentPort!;
/** [0]: batches the consumer has taken, [1]: 1 once the consumer stopped (see CsvWorkerStart.shared). */
const shared = new Int32Array(start.shared);

const post = (message: FromCsvWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

/** Blocks until the consumer has taken enough batches for one more to be sent (false: it stopped). */
function mayPost(sent: number): boolean {
  for (;;) {
    if (Atomics.load(shared, 1) !== 0) return false;
    const taken = Atomics.load(shared, 0);
    if (sent - taken < start.credits) return true;
    // With a timeout, so that a terminate() or a stop is seen even if a wake-up were missed.
    Atomics.wait(shared, 0, taken, 200);
  }
}

function read(): void {
  const core = new CsvCore({ ...start.options, compactRecords: true });
  let position = 0;
  let sent = 0;
  let infoSent = false;
  /** Posts what the parser has made; false when the consumer stopped. */
  const flush = (): boolean => {
    if (!infoSent && core.info) {
      infoSent = true;
      post({ type: 'info', info: core.info, keys: [...core.recordKeys] });
    }
    const events = core.take();
    if (events.length === 0) return true;
    if (!mayPost(sent)) return false;
    sent++;
    const batch = encodeBatch(events, core.recordKeys.length, position);
    post(batch, [batch.ends.buffer as ArrayBuffer, batch.rows.buffer as ArrayBuffer]);
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

try {
  read();
} catch (error) {
  post({ type: 'error', error: toWireError(error) });
}
