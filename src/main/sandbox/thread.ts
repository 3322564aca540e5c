import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SandboxHandle, SandboxProfile, SandboxSeed } from './server';
import type { FromSandboxThread, SandboxThreadStart, ToSandboxThread } from './thread-wire';

/** A sandbox running in a worker thread: reached over HTTP like any target; stopping it saves its state. */
export type ThreadSandboxHandle = Pick<
  SandboxHandle,
  'url' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'stop'
>;

interface WorkerEntry {
  url: URL;
  execArgv?: string[];
}
let workerEntry: WorkerEntry | null | undefined;

/**
 * The worker's entry file, when there is one. Built (dist/cli/sandbox-worker.js beside plek-sync.js, this code in
 * it or in its chunks/ folder): plain JavaScript. From the sources: worker-source.mjs, which loads worker.ts
 * through tsx (a devDependency). Neither (the desktop app's bundle): undefined, and the sandbox runs in-process.
 */
export function sandboxWorkerEntry(): WorkerEntry | undefined {
  if (workerEntry === undefined) {
    const here = import.meta.url;
    const exists = (url: URL) => url.protocol === 'file:' && existsSync(fileURLToPath(url));
    const built = [new URL('./sandbox-worker.js', here), new URL('../sandbox-worker.js', here)].find(exists);
    const source = new URL('./worker-source.mjs', here);
    workerEntry = built
      ? { url: built }
      : here.endsWith('.ts') && exists(source) && exists(new URL('./worker.ts', here))
        ? // Not the parent's flags: under tsx they would load tsx a second time.
          { url: source, execArgv: [] }
        : null;
  }
  return workerEntry ?? undefined;
}

/** The worker's error as this thread's: same name, message and system fields (code, syscall, path). */
function localError(wire: Extract<FromSandboxThread, { type: 'failed' }>['error']): Error {
  const e = new Error(wire.message) as NodeJS.ErrnoException;
  e.name = wire.name;
  if (wire.stack) e.stack = wire.stack;
  if (wire.code !== undefined) e.code = wire.code;
  if (wire.errno !== undefined) e.errno = wire.errno;
  if (wire.syscall !== undefined) e.syscall = wire.syscall;
  if (wire.path !== undefined) e.path = wire.path;
  return e;
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
  const entry = sandboxWorkerEntry();
  if (!entry) return null;
  const start: SandboxThreadStart = {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const worker = new Worker(entry.url, {
    workerData: start,
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
        reject(m.type === 'failed' ? localError(m.error) : new Error('the sandbox thread did not start'));
        return;
      }
      let stopping: Promise<void> | null = null;
      resolve({
        url: m.url,
        tokenUrl: m.tokenUrl,
        clientId: m.clientId,
        clientSecret: m.clientSecret,
        stop() {
          stopping ??= new Promise<void>((done, fail) => {
            let failure: Error | null = null;
            worker.on('message', (r: FromSandboxThread) => {
              if (r.type === 'failed') failure = localError(r.error);
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
