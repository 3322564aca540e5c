import { Worker } from 'node:worker_threads';
import { fromWireSystemError, type WireSystemError } from '../thread-error';
import { workerEntry } from '../worker-entry';
import type { FieldSource, ReportLanguage, ReportRow } from './report';
import { RowPacker, type RowBatch } from './report-wire';
import type { WriteFailure } from './write-thread';

/**
 * What the thread is started with: per CSV file its descriptor and language; the size of its write buffers; the
 * rows whose text is joined into one string before it is encoded.
 */
export interface ReportThreadStart {
  files: { fd: number; lang: ReportLanguage }[];
  piece: number;
  rowsPerText: number;
}

/** To the thread: a file's text as it is (the parts around the rows), a batch of rows, the end. */
export type ToReportThread =
  { t: 'text'; file: number; text: string } | { t: 'rows'; batch: RowBatch } | { t: 'end' };

/** From the thread: a batch written; the end, with the first failed write (the file's number) or null. */
export type FromReportThread =
  { t: 'done' } | { t: 'end'; failed: (WireSystemError & { file: number }) | null };

/**
 * The rows whose text the thread joins into one string (a flat string, encoded at once): some 12,000 characters of
 * a 100,000-row import's CSV. A string of more than 64K characters is not made where short-lived strings are but
 * in memory of its own, taken from the system and given back each time: a batch of 256 rows joined at once cost
 * the run 300 MB of fresh pages (and a second of system time) when a row held a letter above U+00FF, which makes
 * each character two bytes.
 */
const ROWS_PER_TEXT = 16;

/**
 * The report's CSV files made and written by a thread of their own (report-worker.ts) while this thread makes
 * the JSON file: a 100,000-row report is some 280 MB of text, and wording, escaping and encoding the two CSV files
 * took as long as the JSON file. The rows go over as plain values in batches (report-wire.ts); the thread words
 * them with the same code, so the files hold the same bytes. The descriptors are this process's (opened and closed
 * by the caller). At most `limit` batches are under way: `row` returns a promise to wait for when that is reached.
 * `start` gives null when this build has no such thread (then make the files in this thread).
 */
export class ReportThread {
  static start(
    files: ReportThreadStart['files'],
    options: { batchRows?: number; limit?: number; piece?: number; rowsPerText?: number } = {},
  ): ReportThread | null {
    const entry = workerEntry('report-worker');
    if (!entry) return null;
    const start: ReportThreadStart = {
      files,
      piece: options.piece ?? 1_048_576,
      rowsPerText: options.rowsPerText ?? ROWS_PER_TEXT,
    };
    const worker = new Worker(entry.url, {
      workerData: start,
      ...(entry.argv ? { argv: entry.argv } : {}),
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    });
    return new ReportThread(worker, options.batchRows ?? 256, options.limit ?? 16);
  }

  private readonly packer = new RowPacker();
  private underWay = 0;
  private waiting: (() => void) | null = null;
  /** The thread ended before it was told to (its failure is end()'s): nothing more to wait for. */
  private gone = false;
  private readonly ended: Promise<FromReportThread & { t: 'end' }>;

  private constructor(
    private readonly worker: Worker,
    private readonly batchRows: number,
    private readonly limit: number,
  ) {
    this.ended = new Promise((resolve, reject) => {
      worker.on('message', (m: FromReportThread) => {
        if (m.t === 'end') {
          resolve(m);
          return;
        }
        this.underWay -= 1;
        if (this.waiting && this.underWay <= this.limit / 2) this.go();
      });
      const gone = (e: Error) => {
        this.gone = true;
        reject(e);
        this.go();
      };
      worker.once('error', gone);
      worker.once('exit', () => gone(new Error('the report thread ended early')));
    });
    // An early end is reported by end(); until then it must not be an unhandled rejection.
    this.ended.catch(() => {});
  }

  /** Adds text to file number `file` after what was given before (the rows included). */
  text(file: number, text: string): void {
    if (text === '') return;
    this.sendRows();
    this.post({ t: 'text', file, text });
  }

  /** Adds a row to every file (see `FileRow`); a promise when the sender should wait. */
  row(r: ReportRow, create: FieldSource | undefined): Promise<void> | undefined {
    this.packer.add(r, create);
    if (this.packer.rows < this.batchRows) return undefined;
    this.sendRows();
    if (this.underWay < this.limit || this.gone) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Waits until everything sent is written; the first failure, or null. The thread ends. */
  async end(): Promise<WriteFailure | null> {
    this.sendRows();
    this.post({ t: 'end' });
    const { failed } = await this.ended;
    if (!failed) return null;
    return { file: failed.file, error: fromWireSystemError(failed) };
  }

  private sendRows(): void {
    if (this.packer.rows === 0) return;
    this.underWay += 1;
    this.post({ t: 'rows', batch: this.packer.take() });
  }

  private post(m: ToReportThread): void {
    this.worker.postMessage(m);
  }

  private go(): void {
    const go = this.waiting;
    this.waiting = null;
    go?.();
  }
}
