import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { appRoot } from '../../app-root';
import { InvalidArgumentError, type Command } from 'commander';
import { startSandbox, type SandboxSeed } from '../../sandbox';
import { defaultSandboxDir } from '../../data-dir';
import { bold, dim, envSecret, say } from '../common';

interface SandboxCommandOptions {
  port?: number;
  data?: string;
  memory?: boolean;
  demo?: boolean;
  seed?: string;
  permissive?: boolean;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(say('cli.usage.expectedPort', { min: 0 }));
  return n;
}

const DEMO_SEED = join(appRoot(), 'resources', 'demo', 'sandbox-seed.json');

/** `plek-sync sandbox`: the embedded Plek stand-in on 127.0.0.1 until Ctrl+C; state persists in the data folder. */
/** `  label:  value` lines, the values lined up after the longest label in this language. */
function labelled(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`);
}

export function register(program: Command): void {
  program
    .command('sandbox')
    .description(say('cli.help.sandbox'))
    .option('--port <n>', say('cli.help.port'), parsePort)
    .option('--data <dir>', say('cli.help.data'))
    .option('--memory', say('cli.help.memory'))
    .option('--demo', say('cli.help.demo'))
    .option('--seed <file>', say('cli.help.seed'))
    .option('--permissive', say('cli.help.permissive'))
    .action(async (opts: SandboxCommandOptions) => {
      const seedPath = opts.seed ? resolve(opts.seed) : opts.demo ? DEMO_SEED : undefined;
      const seed = seedPath ? (JSON.parse(await readFile(seedPath, 'utf8')) as SandboxSeed) : undefined;
      const secretFromEnv = envSecret('PLEK_CLIENT_SECRET');
      const dataDir = opts.memory ? undefined : resolve(opts.data ?? defaultSandboxDir());
      const sandbox = await startSandbox({
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(dataDir ? { dataDir } : {}),
        ...(secretFromEnv ? { clientSecret: secretFromEnv } : {}),
        ...(seed ? { seed } : {}),
        ...(opts.permissive ? { profile: 'permissive' as const } : {}),
      });
      process.stdout.write(
        [
          `${bold('Plek sandbox')} (SCIM 2.0) ${say('cli.sandbox.on', { url: sandbox.url })}`,
          ...labelled([
            [say('cli.sandbox.tokenUrl'), sandbox.tokenUrl],
            [say('cli.sandbox.clientId'), sandbox.clientId],
            // The sandbox's own throw-away credential for this local demo server, shown once.
            [
              say('cli.sandbox.clientSecret'),
              secretFromEnv ? dim(say('cli.sandbox.secretFromEnv')) : sandbox.clientSecret,
            ],
            [say('cli.sandbox.state'), dataDir ?? say('cli.sandbox.inMemory')],
            [
              say('cli.sandbox.profile'),
              say('cli.sandbox.profileName', { profile: opts.permissive ? 'permissive' : 'plek' }),
            ],
          ]),
          dim(say('cli.sandbox.stop')),
          '',
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await sandbox.stop();
    });
}
