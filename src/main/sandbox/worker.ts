// The embedded sandbox in a worker thread (see thread.ts): it answers HTTP on 127.0.0.1 as it does in-process, on
// the machine's other core and in a heap of its own, beside the CLI's plan and apply; the CLI's own client hands
// its requests over as messages (`exchange`) and gets the same answers.
import { parentPort, workerData } from 'node:worker_threads';
import { toWireSystemError } from '../thread-error';
import { startSandbox } from './server';
import type { FromSandboxThread, SandboxThreadStart, ToSandboxThread } from './thread-wire';

const port = parentPort;
if (!port) throw new Error('the sandbox worker runs in a worker thread');
const start = workerData as SandboxThreadStart;

startSandbox({
  ...(start.dataDir ? { dataDir: start.dataDir } : {}),
  ...(start.seed ? { seed: start.seed } : {}),
  ...(start.profile ? { profile: start.profile } : {}),
}).then(
  (sandbox) => {
    port.on('message', (m: ToSandboxThread) => {
      if (m.type === 'exchange') {
        void sandbox.exchange(m.request).then(
          (answer) => port.postMessage({ type: 'answer', id: m.id, answer } satisfies FromSandboxThread),
          () => port.postMessage({ type: 'answer', id: m.id } satisfies FromSandboxThread),
        );
        return;
      }
      sandbox.stop().then(
        () => {
          port.postMessage({ type: 'stopped' } satisfies FromSandboxThread);
          port.close();
        },
        (e: unknown) => {
          port.postMessage({ type: 'failed', error: toWireSystemError(e) } satisfies FromSandboxThread);
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
    port.postMessage({ type: 'failed', error: toWireSystemError(e) } satisfies FromSandboxThread);
    port.close();
  },
);
