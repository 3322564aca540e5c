import { InvalidArgumentError, type Command } from 'commander';
import { serve, stopOnSignal } from '../../bridge/serve';

interface ServeCliOptions {
  port?: number;
  open: boolean;
  demo?: boolean;
  dataDir?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n < 1 || n > 65535)
    throw new InvalidArgumentError('expected a port 1-65535');
  return n;
}

/** `plek-sync serve`: the workbench in the default browser, served from 127.0.0.1 with a one-time token. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('open the workbench in your browser (loopback only, protected by a random token)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .option('--no-open', 'print the URL only; do not open a browser')
    .option('--demo', 'open the bundled demo project when the page connects')
    .option('--data-dir <dir>', 'workbench folder for projects and the sandbox (default: per user)')
    .action(async (opts: ServeCliOptions) => {
      const running = await serve({
        open: opts.open,
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.demo ? { demo: true } : {}),
        ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      });
      await stopOnSignal(running.stop);
    });
}
