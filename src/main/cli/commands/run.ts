import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataFolders, defaultDataDir } from '../../data-dir';
import { formatPlan } from '../../../shared/plan/format';
import { withTargetErrors, targetFromOptions } from '../../sync/cli-support';
import { planId } from '../../sync/journal';
import { planFromMapping } from '../../sync/plan';
import { apiSecretsFromEnv, envSecret, localToday } from '../common';
import { applyWithReport } from './apply';
import { planOptions, type PlanCommandOptions } from './plan';

interface RunCommandOptions extends PlanCommandOptions {
  runDir?: string;
  report?: string;
}

/**
 * `plek-sync run` = plan + apply, for the scheduled daily job. Exit 0: all applied; 1: blocked by the safety
 * guards, or some operation failed, or rows had errors or conflicts (the report says which); 2: usage.
 */
export function register(program: Command): void {
  planOptions(program.command('run').description('plan and apply in one go (the daily scheduled sync)'))
    .option('--run-dir <dir>', 'where journals and reports go (default: the workbench data folder/runs)')
    .option('--report <file>', 'run report (.json, with a .csv beside it)')
    .option('--json', 'a JSON summary on stdout')
    .action(async (opts: RunCommandOptions) => {
      const today = opts.today ?? localToday();
      const target = await targetFromOptions(opts);
      try {
        const ldapPassword = envSecret('PLEK_LDAP_PASSWORD');
        const { plan } = await withTargetErrors(() =>
          planFromMapping({
            mappingPath: opts.mapping,
            today,
            target,
            createdAt: new Date().toISOString(),
            ...(opts.source ? { sourcePath: opts.source } : {}),
            ...(opts.previous ? { previousPath: opts.previous } : {}),
            ...(opts.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
            ...(opts.initialImport ? { initialImport: true } : {}),
            ...(ldapPassword ? { ldapPassword } : {}),
            ...apiSecretsFromEnv(),
          }),
        );
        if (!opts.json) {
          process.stdout.write(
            `${formatPlan(plan).split('\n').slice(0, 2).join('\n')}\n${plan.safety.ok ? '' : `${plan.safety.reasons.map((r) => `  - ${r}`).join('\n')}\n`}`,
          );
        }
        const dir = opts.runDir ?? dataFolders(defaultDataDir()).runs;
        await mkdir(dir, { recursive: true });
        const id = planId(plan);
        await applyWithReport(
          plan,
          target,
          {
            journal: join(dir, `run-${today}-${id}.journal.jsonl`),
            report: opts.report ?? join(dir, `run-${today}-${id}.report.json`),
          },
          opts.json ?? false,
        );
        const rowErrors = plan.changes.filter((ch) => ch.reason.startsWith('error:')).length;
        if (process.exitCode === 0 && (plan.counts.conflict > 0 || rowErrors > 0)) {
          if (!opts.json) {
            process.stdout.write(
              `exit 1: ${plan.counts.conflict} conflicts and ${rowErrors} rows with errors need attention (see the report)\n`,
            );
          }
          process.exitCode = 1;
        }
      } finally {
        await target.close();
      }
    });
}
