// The thread that makes and writes the report's CSV files (report-thread.ts starts it): it takes the rows as
// plain values (report-wire.ts), words each row in each file's language (the same `csvRow` as the main thread),
// encodes it and writes it to the file's descriptor, while the main thread makes the JSON file.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { toWireSystemError, type WireSystemError } from '../thread-error';
import { csvRow } from './report';
import { RowUnpacker } from './report-wire';
import type { FromReportThread, ReportThreadStart, ToReportThread } from './report-thread';

const start = workerData as ReportThreadStart;
const port = parentPort!;

/** A file's descriptor, its row's text, the pieces of the batch's rows and the bytes not written yet. */
const files = start.files.map((f) => ({
  fd: f.fd,
  row: csvRow(f.lang),
  pieces: [] as string[],
  buffer: Buffer.allocUnsafeSlow(start.piece),
  used: 0,
}));
const unpacker = new RowUnpacker();
let rowIndex = 0;
let failed: (WireSystemError & { file: number }) | null = null;

function flush(n: number): void {
  const f = files[n]!;
  if (f.used === 0 || failed !== null) {
    f.used = 0;
    return;
  }
  try {
    for (let at = 0; at < f.used;) at += writeSync(f.fd, f.buffer, at, f.used - at);
  } catch (e) {
    failed = { file: n, ...toWireSystemError(e) };
  }
  f.used = 0;
}

function put(n: number, text: string): void {
  if (failed !== null) return;
  const f = files[n]!;
  if (f.buffer.length - f.used < text.length * 3) {
    flush(n);
    if (text.length * 3 > f.buffer.length) f.buffer = Buffer.allocUnsafeSlow(text.length * 3);
  }
  f.used += f.buffer.write(text, f.used, 'utf8');
}

function putRows(): void {
  for (let n = 0; n < files.length; n++) {
    put(n, files[n]!.pieces.join(''));
    files[n]!.pieces.length = 0;
  }
}

port.on('message', (m: ToReportThread) => {
  if (m.t === 'text') put(m.file, m.text);
  else if (m.t === 'rows') {
    if (failed === null) {
      let rows = 0;
      for (const [r, create] of unpacker.rows(m.batch)) {
        for (const f of files) f.row(f.pieces, r, rowIndex, create);
        rowIndex += 1;
        if (++rows % start.rowsPerText === 0) putRows();
      }
    }
    putRows();
    port.postMessage({ t: 'done' } satisfies FromReportThread);
  } else {
    for (let n = 0; n < files.length; n++) flush(n);
    port.postMessage({ t: 'end', failed } satisfies FromReportThread);
    port.close();
  }
});
