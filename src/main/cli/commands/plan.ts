import type { Command } from 'commander';
import { formatPlanLines } from '../../../shared/plan/format';
import { compactCreates } from '../../../shared/plan/compact';
import { planJsonParts } from '../../../shared/plan/serialize';
import {
  interruptible,
  withTargetErrors,
  startingTargetFromOptions,
  writePlanFile,
} from '../../sync/cli-support';
import { planFromMapping } from '../../sync/plan';
import { apiSecretsFromEnv, cliLang, envSecret, parseToday, red, say } from '../common';
import { openOutput } from '../output';

export interface PlanCommandOptions {
  mapping: string;
  source?: string;
  target?: string;
  clientId?: string;
  tokenUrl?: string;
  today?: string;
  previous?: string;
  allowMassDeactivation?: boolean;
  initialImport?: boolean;
  json?: boolean;
  out?: string;
  all?: boolean;
}

/** The options `plan` and `run` share. */
export function planOptions(cmd: Command): Command {
  return cmd
    .requiredOption('-m, --mapping <file>', say('cli.help.mapping'))
    .option('-s, --source <file>', say('cli.help.source'))
    .option('-t, --target <target>', say('cli.help.targetMapping'))
    .option('--client-id <id>', say('cli.help.clientId'))
    .option('--token-url <url>', say('cli.help.tokenUrl'))
    .option('--today <date>', say('cli.help.today'), parseToday)
    .option('-p, --previous <file>', say('cli.help.previousPlan'))
    .option('--allow-mass-deactivation', say('cli.help.massDeactivation'))
    .option('--initial-import', say('cli.help.initialImport'));
}

/** `plek-sync plan`: the dry run. Reads Plek, writes nothing; exit 1 when the safety guards block the plan. */
export function register(program: Command): void {
  planOptions(program.command('plan').description(say('cli.help.planCommand')))
    .option('--json', say('cli.help.planJson'))
    .option('-o, --out <file>', say('cli.help.planOut'))
    .option('--all', say('cli.help.all'))
    .action(async (opts: PlanCommandOptions) => {
      const stop = interruptible();
      // An embedded sandbox's thread starts while the source is read (planFromMapping waits for it).
      const target = await startingTargetFromOptions(opts);
      try {
        const { plan } = await withTargetErrors(async () => {
          const ldapPassword = envSecret('PLEK_LDAP_PASSWORD');
          const made = await planFromMapping({
            mappingPath: opts.mapping,
            ...(opts.today ? { today: opts.today } : {}),
            target,
            signal: stop.signal,
            ...(opts.source ? { sourcePath: opts.source } : {}),
            ...(opts.previous ? { previousPath: opts.previous } : {}),
            ...(opts.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
            ...(opts.initialImport ? { initialImport: true } : {}),
            ...(ldapPassword ? { ldapPassword } : {}),
            ...apiSecretsFromEnv(),
          });
          // Creates held as rows of values while the plan is printed and written (not a field object each).
          return { plan: compactCreates(made.plan) };
        });
        // The file for apply is compact (creates as a table of values; gzip when named .gz); --json shows the
        // plan in full.
        if (opts.out) await writePlanFile(opts.out, plan);
        if (opts.json) {
          // Change by change with back-pressure: a 100,000-row plan never becomes one string.
          const stdout = await openOutput(undefined);
          await writeParts(stdout, planJsonParts(plan));
          await stdout.write('\n');
        } else {
          const stdout = await openOutput(undefined);
          await writeParts(
            stdout,
            (function* () {
              for (const line of formatPlanLines(plan, { includeNoop: opts.all ?? false, lang: cliLang() }))
                yield `${line}\n`;
            })(),
          );
          if (opts.out)
            process.stdout.write(
              `\n${say('cli.plan.written', { file: opts.out, command: applyCommand({ ...opts, out: opts.out }) })}\n`,
            );
          if (!plan.safety.ok) process.stdout.write(`${red(say('cli.plan.blockedExit'))}\n`);
        }
        process.exitCode = plan.safety.ok ? 0 : 1;
      } finally {
        stop.dispose();
        await (await target.ready.catch(() => null))?.close();
      }
    });
}

/**
 * The `apply` that goes with this plan, to copy: the same mapping and plan file, and the same target, client id and
 * token URL when they were given (the plan file refuses another target). Arguments a shell would split are quoted.
 */
export function applyCommand(opts: PlanCommandOptions & { out: string }): string {
  const args = ['plek-sync', 'apply', '--mapping', opts.mapping, '--plan', opts.out];
  if (opts.target) args.push('--target', opts.target);
  if (opts.clientId) args.push('--client-id', opts.clientId);
  if (opts.tokenUrl) args.push('--token-url', opts.tokenUrl);
  return args.map((a) => shellWord(a)).join(' ');
}

/** Quoted for the shell it will be pasted into: Windows' (cmd, PowerShell) takes double quotes, a POSIX shell single. */
export function shellWord(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  return platform === 'win32' ? `"${arg}"` : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Writes the parts in pieces of some 64 KiB, waiting for each: never one string, never more than a piece queued. */
async function writeParts(
  out: { write(text: string): Promise<unknown> },
  parts: Iterable<string>,
): Promise<void> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length < 65_536) continue;
    await out.write(piece);
    piece = '';
  }
  if (piece) await out.write(piece);
}
