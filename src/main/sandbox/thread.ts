import { Worker } from 'node:worker_threads';
import { fromWireSystemError } from '../thread-error';
import { workerEntry } from '../worker-entry';
import type { SandboxAnswer, SandboxHandle, SandboxProfile, SandboxSeed } from './server';
import type { FromSandboxThread, SandboxThreadStart, ToSandboxThread } from './thread-wire';

/**
 * A sandbox running in a worker thread: reached over HTTP like any target, or by its starter's client through
 * `exchange` (the request as a message); stopping it saves its state.
 */
export type ThreadSandboxHandle = Pick<
  SandboxHandle,
  'url' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'stop' | 'exchange'
>;

/** The thread is gone (stopped, or ended): what a request to a closed server meets. */
export class SandboxGoneError extends Error {
  constructor() {
    super('the sandbox thread has ended');
    this.name = 'SandboxGoneError';
  }
}

/**
 * Starts the sandbox in a worker thread, or returns null when there is no worker entry (then start it
 * in-process). A rehearsal's real Plek is another machine: in a worker, the sandbox's requests, its store and its
 * change log run on the other core and collect their garbage in a heap of their own, instead of taking turns
 * with the plan and the apply. Same HTTP, same files, same answers. An error while it starts (a damaged state
 * folder, no permission) is thrown here as it would be in-process; one after that ends the process, as an
 * uncaught error in the in-process sandbox would.
 */
export function startSandboxThread(options: {
  dataDir?: string;
  seed?: SandboxSeed;
  profile?: SandboxProfile;
}): Promise<ThreadSandboxHandle> | null {
  const entry = workerEntry('sandbox-worker');
  if (!entry) return null;
  const start: SandboxThreadStart = {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const worker = new Worker(entry.url, {
    workerData: start,
    ...(entry.argv ? { argv: entry.argv } : {}),
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
  });
  return new Promise<ThreadSandboxHandle>((resolve, reject) => {
    const early = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
    const exitedEarly = (code: number) => reject(new Error(`the sandbox thread ended (exit code ${code})`));
    worker.once('error', early);
    worker.once('exit', exitedEarly);
    worker.once('message', (m: FromSandboxThread) => {
      worker.off('error', early);
      worker.off('exit', exitedEarly);
      if (m.type !== 'ready') {
        reject(
          m.type === 'failed' ? fromWireSystemError(m.error) : new Error('the sandbox thread did not start'),
        );
        return;
      }
      let stopping: Promise<void> | null = null;
      let gone = false;
      let nextId = 0;
      const pending = new Map<number, { resolve: (a: SandboxAnswer) => void; reject: (e: Error) => void }>();
      worker.on('message', (r: FromSandboxThread) => {
        if (r.type !== 'answer') return;
        const p = pending.get(r.id);
        pending.delete(r.id);
        if (r.answer) p?.resolve(r.answer);
        else p?.reject(new SandboxGoneError());
      });
      worker.once('exit', () => {
        gone = true;
        for (const p of pending.values()) p.reject(new SandboxGoneError());
        pending.clear();
      });
      resolve({
        url: m.url,
        tokenUrl: m.tokenUrl,
        clientId: m.clientId,
        clientSecret: m.clientSecret,
        exchange(request) {
          if (gone || stopping) return Promise.reject(new SandboxGoneError());
          const id = nextId++;
          const body = typeof request.body === 'string' ? request.body : undefined;
          if (body === undefined) return Promise.reject(new TypeError('exchange takes a body at hand'));
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(request.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          return new Promise<SandboxAnswer>((resolve, reject) => {
            pending.set(id, { resolve, reject });
            worker.postMessage({
              type: 'exchange',
              id,
              request: { method: request.method, url: request.url, headers, body },
            } satisfies ToSandboxThread);
          });
        },
        stop() {
          stopping ??= new Promise<void>((done, fail) => {
            let failure: Error | null = null;
            worker.on('message', (r: FromSandboxThread) => {
              if (r.type === 'failed') failure = fromWireSystemError(r.error);
            });
            worker.once('exit', () => (failure ? fail(failure) : done()));
            worker.postMessage({ type: 'stop' } satisfies ToSandboxThread);
          });
          return stopping;
        },
      });
    });
  });
}
