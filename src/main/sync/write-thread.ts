import { Worker } from 'node:worker_threads';

/**
 * The writing thread's code (plain CommonJS, no build entry): it writes each text it is sent to the descriptor it
 * names, in order, and answers every piece so the sender knows how much is still under way. After a failed write
 * it writes nothing more and says which file failed and why (Node's code, syscall and message).
 */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let failed = null;
parentPort.on('message', (m) => {
  if (m.t === 'write') {
    if (failed === null) {
      try {
        writeSync(m.fd, m.text);
      } catch (e) {
        failed = { file: m.file, name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall };
      }
    }
    parentPort.postMessage({ t: 'done', size: m.text.length });
  } else if (m.t === 'end') {
    parentPort.postMessage({ t: 'end', failed });
    parentPort.close();
  }
});
`;

interface WireFailure {
  file: number;
  name: string;
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
}

/** What the thread met: the file (its number in the order given) and Node's error for it. */
export interface WriteFailure {
  file: number;
  error: NodeJS.ErrnoException;
}

/**
 * Files written by a thread of their own: this thread makes the text, the other encodes it and makes the system
 * calls (a 100,000-row run report is some 280 MB in three files: writing it took as long as making it). The
 * descriptors are this process's (opened and closed here); pieces are written in the order they are given. At
 * most `limit` characters are under way: `write` returns a promise to wait for when that is reached.
 */
export class WriteThread {
  private readonly worker = new Worker(WRITER, { eval: true });
  private underWay = 0;
  private waiting: (() => void) | null = null;
  private readonly ended: Promise<WireFailure | null>;

  constructor(private readonly limit = 16 * 1024 * 1024) {
    this.ended = new Promise((resolve, reject) => {
      this.worker.on(
        'message',
        (m: { t: 'done'; size: number } | { t: 'end'; failed: WireFailure | null }) => {
          if (m.t === 'end') {
            resolve(m.failed);
            return;
          }
          this.underWay -= m.size;
          if (this.waiting && this.underWay < this.limit / 2) {
            const go = this.waiting;
            this.waiting = null;
            go();
          }
        },
      );
      const gone = (e: Error) => {
        reject(e);
        this.waiting?.();
        this.waiting = null;
      };
      this.worker.once('error', gone);
      this.worker.once('exit', () => gone(new Error('the writing thread ended early')));
    });
    // An early end is reported by end(); until then it must not be an unhandled rejection.
    this.ended.catch(() => {});
  }

  /** Sends a piece for file number `file` (descriptor `fd`); a promise when the sender should wait. */
  write(file: number, fd: number, text: string): Promise<void> | undefined {
    if (text === '') return undefined;
    this.underWay += text.length;
    this.worker.postMessage({ t: 'write', file, fd, text });
    if (this.underWay < this.limit) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting = resolve;
    }).then(() => undefined);
  }

  /** Waits until everything sent is written; the first failure, or null. The thread ends. */
  async end(): Promise<WriteFailure | null> {
    this.worker.postMessage({ t: 'end' });
    const failed = await this.ended;
    if (!failed) return null;
    const error = new Error(failed.message) as NodeJS.ErrnoException;
    error.name = failed.name;
    if (failed.code !== undefined) error.code = failed.code;
    if (failed.errno !== undefined) error.errno = failed.errno;
    if (failed.syscall !== undefined) error.syscall = failed.syscall;
    return { file: failed.file, error };
  }
}
