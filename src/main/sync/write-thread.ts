import { Worker } from 'node:worker_threads';
import { fromWireSystemError, type WireSystemError } from '../thread-error';

/**
 * The writing thread's code (plain CommonJS, no build entry): it writes each text it is sent to the descriptor it
 * names, in order, and answers every piece so the sender knows how much is still under way. After a failed write
 * it writes nothing more and says which file failed and why (Node's code, syscall and message). A text is encoded
 * there (`text`), bytes are written as they are.
 */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let failed = null;
parentPort.on('message', (m) => {
  if (m.t === 'write' || m.t === 'text') {
    if (failed === null) {
      try {
        const bytes = m.t === 'text' ? Buffer.from(m.text, 'utf8') : m.bytes;
        for (let at = 0; at < bytes.length; ) at += writeSync(m.fd, bytes, at, bytes.length - at);
      } catch (e) {
        failed = { file: m.file, name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall };
      }
    }
    parentPort.postMessage({ t: 'done', size: m.t === 'text' ? m.text.length : m.bytes.length });
  } else if (m.t === 'end') {
    parentPort.postMessage({ t: 'end', failed });
    parentPort.close();
  }
});
`;

/** What the thread says of a failed write: the file (its number in the order given) and Node's error. */
type WireFailure = WireSystemError & { file: number };

/** What the thread met: the file (its number in the order given) and Node's error for it. */
export interface WriteFailure {
  file: number;
  error: NodeJS.ErrnoException;
}

/**
 * Files written by a thread of their own: this thread makes the text and encodes it, the other makes the system
 * calls (a 100,000-row run report is some 280 MB in three files). Each piece's bytes are handed over, not copied
 * (sending the text itself cost as much as writing it). The descriptors are this process's (opened and closed
 * here); pieces are written in the order they are given. At most `limit` bytes are under way: `write` returns a
 * promise to wait for when that is reached.
 */
export class WriteThread {
  private readonly worker = new Worker(WRITER, { eval: true });
  private underWay = 0;
  private waiting: (() => void) | null = null;
  /** The thread ended before it was told to (its failure is end()'s): nothing more to wait for. */
  private gone = false;
  private readonly ended: Promise<WireFailure | null>;

  constructor(
    private readonly limit = 16 * 1024 * 1024,
    /** The size of the buffer each file's text is encoded into before it goes to the thread. */
    private readonly piece = 1_048_576,
  ) {
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
        this.gone = true;
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

  /** Per file number: the bytes not sent yet (encoded into a buffer of its own, sent when full). */
  private readonly pending = new Map<number, { fd: number; buffer: Buffer; used: number }>();

  /**
   * Adds text to file number `file` (descriptor `fd`). Each text is encoded straight into the file's buffer (1 MB)
   * (no long string is put together first), which goes to the thread when full; a promise when the sender should
   * wait.
   */
  write(file: number, fd: number, text: string): Promise<void> | undefined {
    if (text === '') return undefined;
    let p = this.pending.get(file);
    if (p && p.buffer.length - p.used < text.length * 3) {
      this.send(file, p);
      p = undefined;
    }
    if (!p) {
      if (text.length * 3 > this.piece) {
        // Longer than a piece: on its own.
        const bytes = Buffer.from(text, 'utf8');
        this.underWay += bytes.length;
        this.worker.postMessage({ t: 'write', file, fd, bytes });
        return this.room();
      }
      p = { fd, buffer: Buffer.allocUnsafeSlow(this.piece), used: 0 };
      this.pending.set(file, p);
    }
    p.used += p.buffer.write(text, p.used, 'utf8');
    return this.room();
  }

  /**
   * Adds a long flat text (many rows joined) to file number `file`, to be encoded by the thread: sending a flat
   * string copies its characters, which costs less than encoding them here. A promise when the sender should wait.
   */
  text(file: number, fd: number, text: string): Promise<void> | undefined {
    if (text === '') return undefined;
    const p = this.pending.get(file);
    if (p) this.send(file, p);
    this.underWay += text.length;
    this.worker.postMessage({ t: 'text', file, fd, text });
    return this.room();
  }

  /** Hands a file's buffer (its memory, not a copy) to the thread. */
  private send(file: number, p: { fd: number; buffer: Buffer; used: number }): void {
    this.pending.delete(file);
    if (p.used === 0) return;
    this.underWay += p.used;
    this.worker.postMessage({ t: 'write', file, fd: p.fd, bytes: p.buffer.subarray(0, p.used) }, [
      p.buffer.buffer as ArrayBuffer,
    ]);
  }

  /** A promise to wait for when too much is under way. */
  private room(): Promise<void> | undefined {
    if (this.underWay < this.limit || this.gone) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting = resolve;
    }).then(() => undefined);
  }

  /** Waits until everything sent is written; the first failure, or null. The thread ends. */
  async end(): Promise<WriteFailure | null> {
    for (const [file, p] of [...this.pending]) this.send(file, p);
    this.worker.postMessage({ t: 'end' });
    const failed = await this.ended;
    if (!failed) return null;
    return { file: failed.file, error: fromWireSystemError(failed) };
  }
}
