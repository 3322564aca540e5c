// The embedded sandbox in a worker thread (see thread.ts): it answers HTTP on 127.0.0.1 as it does in-process, on
// the machine's other core and in a heap of its own, beside the CLI's plan and apply.
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from './server';
import type { FromSandboxThread, SandboxThreadStart, ToSandboxThread } from './thread-wire';

const port = parentPort;
if (!port) throw new Error('the sandbox worker runs in a worker thread');
const start = workerData as SandboxThreadStart;

/** What crosses the thread as an error: its name, message and Node's system fields, for the same wording. */
function wireError(e: unknown): Extract<FromSandboxThread, { type: 'failed' }>['error'] {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const sys = e as NodeJS.ErrnoException;
  return {
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(sys.code !== undefined ? { code: sys.code } : {}),
    ...(sys.errno !== undefined ? { errno: sys.errno } : {}),
    ...(sys.syscall !== undefined ? { syscall: sys.syscall } : {}),
    ...(sys.path !== undefined ? { path: sys.path } : {}),
  };
}

startSandbox({
  ...(start.dataDir ? { dataDir: start.dataDir } : {}),
  ...(start.seed ? { seed: start.seed } : {}),
  ...(start.profile ? { profile: start.profile } : {}),
}).then(
  (sandbox) => {
    port.on('message', (m: ToSandboxThread) => {
      if (m.type !== 'stop') return;
      sandbox.stop().then(
        () => {
          port.postMessage({ type: 'stopped' } satisfies FromSandboxThread);
          port.close();
        },
        (e: unknown) => {
          port.postMessage({ type: 'failed', error: wireError(e) } satisfies FromSandboxThread);
          port.close();
        },
      );
    });
    port.postMessage({
      type: 'ready',
      url: sandbox.url,
      tokenUrl: sandbox.tokenUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    } satisfies FromSandboxThread);
  },
  (e: unknown) => {
    port.postMessage({ type: 'failed', error: wireError(e) } satisfies FromSandboxThread);
    port.close();
  },
);
