import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { said } from '../../../shared/i18n/message';
import { appRoot } from '../../app-root';
import {
  DEMO_ANCHOR,
  DEMO_EXPORT_FILE,
  DEMO_MAPPING_FILE,
  demoTimeZone,
  writeDemoProject,
} from '../../demo/bundled-demo';
import { startSandbox, type SandboxSeed } from '../../sandbox';
import { UserError } from '../../user-error';
import { writeError } from '../output';
import { bold, dim, localToday, parseToday, say } from '../common';

/** The demo's Plek, inside the folder the consultant named with --out. */
const DEMO_SANDBOX_DIR = 'sandbox';

interface DemoCommandOptions {
  out: string;
  today?: string;
}

/**
 * `plek-sync demo`: the bundled demo as the workbench opens it, for trying the CLI: the mapping (kept when it is
 * there) and the HR export with its start and end dates moved from the demo's anchor to today, so `validate`,
 * `plan` and `run` show the same leavers and counts on any day; and the demo's Plek, a sandbox state in `sandbox/`
 * seeded with the demo's accounts (kept when it is there, so what `run` did stays), for `plan --target
 * sandbox:<out>/sandbox` to link them as the app's demo does. The bundled files are only read.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description(say('cli.help.demoCommand'))
    .option('-o, --out <dir>', say('cli.help.demoOut'), 'plek-demo')
    .option('--today <date>', say('cli.help.demoToday'), parseToday)
    .action(async (opts: DemoCommandOptions) => {
      const from = join(appRoot(), 'resources', 'demo');
      try {
        await readFile(join(from, DEMO_MAPPING_FILE));
      } catch {
        throw new UserError(said('refusal.demoMissing'));
      }
      const today =
        opts.today ??
        localToday(
          new Date(),
          (await demoTimeZone(join(resolve(opts.out), DEMO_MAPPING_FILE))) ??
            (await demoTimeZone(join(from, DEMO_MAPPING_FILE))),
        );
      let written: Awaited<ReturnType<typeof writeDemoProject>>;
      try {
        written = await writeDemoProject(from, resolve(opts.out), today);
      } catch (e) {
        throw writeError(opts.out, e);
      }
      const sandboxDir = join(opts.out, DEMO_SANDBOX_DIR);
      const sandboxWritten = !existsSync(sandboxDir);
      if (sandboxWritten) {
        const seed = JSON.parse(await readFile(join(from, 'sandbox-seed.json'), 'utf8')) as SandboxSeed;
        try {
          // Started once on a new folder: it writes the seeded state there, then stops.
          await (await startSandbox({ dataDir: resolve(sandboxDir), seed })).stop();
        } catch (e) {
          throw writeError(sandboxDir, e);
        }
      }
      const mapping = join(opts.out, DEMO_MAPPING_FILE);
      const lines = [
        written.mappingWritten
          ? bold(say('init.note.wrote', { path: mapping }))
          : say('cli.demo.mappingKept', { path: mapping }),
        bold(say('cli.demo.export', { path: join(opts.out, DEMO_EXPORT_FILE), today, anchor: DEMO_ANCHOR })),
        sandboxWritten
          ? say('cli.demo.sandbox', { path: sandboxDir })
          : say('cli.demo.sandboxKept', { path: sandboxDir }),
        dim(say('init.note.next', { path: mapping })),
        dim(say('cli.demo.then', { path: mapping, sandbox: sandboxDir })),
      ];
      process.stderr.write(`${lines.join('\n')}\n`);
    });
}
