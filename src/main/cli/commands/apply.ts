import type { Command } from 'commander';
import { applyPlan, type ApplyResult } from '../../sync/apply';
import { interruptible, readPlanFile, withTargetErrors, targetFromOptions } from '../../sync/cli-support';
import { terminalProgress } from '../../sync/progress-bar';
import { reportToCsv } from '../../sync/report';
import type { ResolvedTarget } from '../../sync/target';
import type { Plan } from '../../../shared/plan/types';
import { UserError } from '../../user-error';
import { green, red, yellow } from '../common';
import { writeOutputFile } from '../output';

interface ApplyCommandOptions {
  mapping: string;
  plan: string;
  target?: string;
  clientId?: string;
  tokenUrl?: string;
  journal?: string;
  report?: string;
  json?: boolean;
}

/** Applies a plan with a progress bar, writes the report (JSON + CSV) and sets the exit code. Shared with `run`. */
export async function applyWithReport(
  plan: Plan,
  target: ResolvedTarget,
  paths: { journal: string; report: string },
  json: boolean,
): Promise<ApplyResult> {
  const stop = interruptible();
  const bar = terminalProgress(process.stdout);
  let result: ApplyResult;
  try {
    result = await withTargetErrors(() =>
      applyPlan(plan, {
        client: target.client,
        journalPath: paths.journal,
        signal: stop.signal,
        onEvent: (p) => bar.update(p),
      }),
    );
  } finally {
    bar.end();
    stop.dispose();
  }
  const reportJson = paths.report.endsWith('.json') ? paths.report : `${paths.report}.json`;
  const reportCsv = reportJson.replace(/\.json$/, '.csv');
  await writeOutputFile(reportJson, `${JSON.stringify(result.report, null, 2)}\n`);
  await writeOutputFile(reportCsv, reportToCsv(result.report));
  const t = result.report.totals;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ blocked: result.blocked, aborted: result.aborted, totals: t, report: { json: reportJson, csv: reportCsv }, journal: paths.journal })}\n`,
    );
  } else if (result.blocked) {
    process.stdout.write(
      `${red('✗ the plan is blocked by the safety guards; nothing was changed:')}\n${plan.safety.reasons.map((r) => `  - ${r}`).join('\n')}\n`,
    );
  } else {
    const summary = `${t.ok} ok, ${t.failed} failed, ${t['not-run']} not run, ${t.noop} unchanged, ${t.conflict} conflicts, ${t.skipped} skipped`;
    process.stdout.write(
      `${result.aborted ? yellow(`interrupted: ${summary}; run the same command again to resume`) : t.failed ? red(summary) : green(summary)}\n`,
    );
    process.stdout.write(`report: ${reportJson} and ${reportCsv}\n`);
  }
  if (!json)
    for (const w of result.report.target.warnings ?? []) process.stdout.write(`${yellow(`target: ${w}`)}\n`);
  process.exitCode = result.aborted ? 130 : result.blocked || result.failed > 0 ? 1 : 0;
  return result;
}

/** `plek-sync apply`: executes a saved plan, journaled (re-run the same command to resume after a crash). */
export function register(program: Command): void {
  program
    .command('apply')
    .description('apply a plan written by plek-sync plan --out; resumable: re-run after an interruption')
    .requiredOption(
      '-m, --mapping <file>',
      'mapping file (.plekmap.json): the target when --target is absent',
    )
    .requiredOption('--plan <file>', 'plan JSON from plek-sync plan --out')
    .option('-t, --target <target>', 'SCIM base URL, "sandbox" or "sandbox:DIR"; must be the plan\'s target')
    .option('--client-id <id>', 'OAuth2 client id (the secret comes from PLEK_CLIENT_SECRET)')
    .option('--token-url <url>', 'OAuth2 token URL (default: <target>/oauth/token)')
    .option('--journal <file>', 'journal for resuming (default: <plan>.journal.jsonl)')
    .option('--report <file>', 'run report (.json, with a .csv beside it; default: <plan>.report.json)')
    .option('--json', 'a JSON summary on stdout')
    .action(async (opts: ApplyCommandOptions) => {
      const plan = await readPlanFile(opts.plan);
      const target = await targetFromOptions(opts);
      try {
        if (target.label !== plan.target.url) {
          throw new UserError(
            `the plan was made for ${plan.target.url}, not for ${target.label}: make a new plan for this target`,
          );
        }
        const base = opts.plan.replace(/\.json$/i, '');
        await applyWithReport(
          plan,
          target,
          { journal: opts.journal ?? `${base}.journal.jsonl`, report: opts.report ?? `${base}.report.json` },
          opts.json ?? false,
        );
      } finally {
        await target.close();
      }
    });
}
