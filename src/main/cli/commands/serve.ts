import { InvalidArgumentError, type Command } from 'commander';
import { serve, stopOnSignal } from '../../bridge/serve';
import { cliLang, say } from '../common';

interface ServeCliOptions {
  port?: number;
  open: boolean;
  demo?: boolean;
  dataDir?: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n < 1 || n > 65535)
    throw new InvalidArgumentError(say('cli.usage.expectedPort', { min: 1 }));
  return n;
}

/** `plek-sync serve`: the workbench in the default browser, served from 127.0.0.1 with a one-time token. */
export function register(program: Command): void {
  program
    .command('serve')
    .description(say('cli.help.serve'))
    .option('--port <n>', say('cli.help.servePort'), parsePort)
    .option('--no-open', say('cli.help.noOpen'))
    .option('--demo', say('cli.help.serveDemo'))
    .option('--data-dir <dir>', say('cli.help.dataDir'))
    .action(async (opts: ServeCliOptions) => {
      const running = await serve({
        open: opts.open,
        lang: cliLang(),
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.demo ? { demo: true } : {}),
        ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      });
      await stopOnSignal(running.stop);
    });
}
