import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { dataFolders, defaultDataDir } from '../../data-dir';
import { loadMappingFile } from '../../pipeline';
import { formatPlanSummary, safetyLines } from '../../../shared/plan/format';
import type { Plan } from '../../../shared/plan/types';
import { compactCreates } from '../../../shared/plan/compact';
import { withTargetErrors, startingTargetFromOptions } from '../../sync/cli-support';
import { planId } from '../../sync/journal';
import { planFromMapping } from '../../sync/plan';
import type { ApplyResult } from '../../sync/apply';
import {
  dailyStatePath,
  nextDailyState,
  readDailyState,
  removeStaleStaging,
  stateDir,
  writeDailyState,
} from '../../sync/state';
import { formatMessage } from '../../../shared/i18n';
import { said } from '../../../shared/i18n/message';
import { readReason, systemCode, writeReason } from '../../system-errors';
import { UserError } from '../../user-error';
import { apiSecretsFromEnv, cliLang, envSecret, localToday, parseRetentionDays, say } from '../common';
import { clearWorkbenchData, DAY_MS, pruneRunFiles } from '../../security/data-protection';
import { fileSettingsStore, settingsWithDefaults } from '../../services/settings';
import { applyWithReport, reportFiles } from './apply';
import { planOptions, type PlanCommandOptions } from './plan';

interface RunCommandOptions extends PlanCommandOptions {
  runDir?: string;
  report?: string;
  /** `--no-state`: neither read nor write the daily state (a dry experiment). */
  state?: boolean;
  stateDir?: string;
  retentionDays?: number;
}

/**
 * The one line a monitoring system reads (last line on stdout): `plek-sync run: status=… exit=… created=…
 * report=…`. Key=value pairs without spaces in the values, except the report path (last, quoted when needed).
 */
export function monitoringLine(plan: Plan, result: ApplyResult, exitCode: number, report: string): string {
  const c = plan.counts;
  const t = result.report.totals;
  const rowErrors = plan.changes.filter((ch) => ch.reason.startsWith('error:')).length;
  const pairs: [string, string | number][] = [
    ['status', result.status],
    ['exit', exitCode],
    ['rows', plan.sourceRows],
    ['create', c.create],
    ['update', c.update],
    ['deactivate', c.deactivate],
    ['reactivate', c.reactivate],
    ['link', c.link],
    ['unchanged', c.noop],
    ['conflicts', c.conflict],
    ['rowErrors', rowErrors],
    ['ok', t.ok],
    ['failed', t.failed],
    ['notRun', t['not-run']],
    ['warnings', result.report.warnings],
  ];
  const path = /\s|"/.test(report) ? JSON.stringify(report) : report;
  return `plek-sync run: ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')} report=${path}`;
}

/**
 * `plek-sync run` = plan + apply, for the scheduled daily job. It keeps the source's identity state per mapping
 * and target in the data folder, so the key-changed check and the truncated-source guard work without
 * `--previous`. Exit 0: all applied; 1: blocked by the safety guards, or some operation failed, or rows had errors
 * or conflicts (the report says which); 2: usage; 130: interrupted.
 */
export function register(program: Command): void {
  planOptions(program.command('run').description(say('cli.help.run')))
    .option('--run-dir <dir>', say('cli.help.runDir'))
    .option('--report <file>', say('cli.help.reportRun'))
    .option('--state-dir <dir>', say('cli.help.stateDir'))
    .option('--no-state', say('cli.help.noState'))
    .option('--retention-days <days>', say('cli.help.retentionDays'), parseRetentionDays)
    .option('--json', say('cli.help.jsonSummary'))
    .action(async (opts: RunCommandOptions) => {
      // Today in the mapping's own time zone (Europe/Amsterdam unless it names another): the date that judges end
      // dates also names the journal and the report.
      const today =
        opts.today ?? localToday(new Date(), (await loadMappingFile(opts.mapping)).compiled.timeZone);
      // An embedded sandbox's thread starts while the source is read (planFromMapping waits for it).
      const starting = await startingTargetFromOptions(opts);
      let staged: string | null = null;
      try {
        const useState = opts.state !== false;
        const statePath = dailyStatePath(opts.mapping, starting.label, opts.stateDir ?? stateDir());
        let saved = null;
        if (useState && !opts.previous) {
          try {
            saved = await readDailyState(statePath);
          } catch (e) {
            throw new UserError(
              systemCode(e)
                ? said('cli.error.stateUnreadableDaily', { file: statePath, reason: [readReason(e)] })
                : said('cli.error.stateDamaged', { file: statePath }),
              1,
            );
          }
        }
        const ldapPassword = envSecret('PLEK_LDAP_PASSWORD');
        // Tomorrow's baseline is worked out as soon as the plan is made and written beside the state file, so
        // neither the mapped rows nor the baseline stay in memory during the apply; it takes the state's place
        // only when the run goes through.
        const next = `${statePath}.${process.pid}.next`;
        // What a run killed earlier left beside the state (its staged or half-written file) goes first.
        if (useState) await removeStaleStaging(statePath);
        staged = next;
        const { plan, thresholds, nextState } = await withTargetErrors(async () => {
          const { plan, pipeline } = await planFromMapping({
            mappingPath: opts.mapping,
            today,
            target: starting,
            keepState: useState,
            ...(opts.source ? { sourcePath: opts.source } : {}),
            ...(opts.previous ? { previousPath: opts.previous } : saved ? { previous: saved } : {}),
            ...(opts.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
            ...(opts.initialImport ? { initialImport: true } : {}),
            ...(ldapPassword ? { ldapPassword } : {}),
            ...apiSecretsFromEnv(),
          });
          const tomorrow = useState
            ? nextDailyState(pipeline.previous ?? null, pipeline.state, pipeline.result.outcomes, {
                mapping: resolve(opts.mapping),
                target: starting.label,
                today,
              })
            : null;
          if (tomorrow) await writeDailyState(next, tomorrow);
          // Creates held as rows of values through the apply (not a million field objects).
          return {
            plan: compactCreates(plan),
            thresholds: pipeline.mapping.safety,
            nextState: tomorrow !== null,
          };
        });
        if (!opts.json) {
          const from = opts.previous
            ? say('cli.run.comparedWithFile', { file: opts.previous })
            : saved
              ? say('cli.run.comparedWithState', { date: saved.today, rows: saved.rows })
              : useState
                ? say('cli.run.noState')
                : say('cli.run.stateOff');
          process.stdout.write(
            `${formatPlanSummary(plan, cliLang())}\n${from}\n${
              plan.safety.ok
                ? ''
                : `${safetyLines(plan, cliLang())
                    .map((r) => `  - ${r}`)
                    .join('\n')}\n`
            }`,
          );
        }
        const dir = opts.runDir ?? dataFolders(defaultDataDir()).runs;
        await mkdir(dir, { recursive: true });
        const id = planId(plan);
        const report = resolve(opts.report ?? join(dir, `run-${today}-${id}.report.json`));
        const result = await applyWithReport(
          plan,
          await starting.ready,
          { journal: join(dir, `run-${today}-${id}.journal.jsonl`), report },
          opts.json ?? false,
          {
            thresholds,
            ...(opts.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
          },
        );
        const rowErrors = plan.changes.filter((ch) => ch.reason.startsWith('error:')).length;
        if (process.exitCode === 0 && (plan.counts.conflict > 0 || rowErrors > 0)) {
          if (!opts.json) {
            process.stdout.write(
              `${say('cli.run.attention', { conflicts: plan.counts.conflict, rows: rowErrors })}\n`,
            );
          }
          process.exitCode = 1;
        }
        // The source was accepted (not blocked, not interrupted): it is tomorrow's baseline.
        if (nextState && !result.blocked && !result.aborted) await rename(next, statePath);
        await applyRetention(opts);
        const exit = typeof process.exitCode === 'number' ? process.exitCode : 0;
        if (!opts.json)
          process.stdout.write(`${monitoringLine(plan, result, exit, reportFiles(report).json)}\n`);
      } finally {
        // Tomorrow's state not taken (blocked, interrupted, failed): it goes.
        if (staged) await rm(staged, { force: true });
        // Also when the run failed before the target was used: a sandbox that started is stopped (its state saved).
        await (await starting.ready.catch(() => null))?.close();
      }
    });
}

/**
 * HR data at rest after a run: journals and reports past the retention period go from the run folder (only the
 * files `run` names itself), and from the workbench data folder its old uploads and sandbox state too. The
 * period is `--retention-days`, else the one the consultant set in the workbench, else 30 days.
 */
async function applyRetention(opts: RunCommandOptions): Promise<void> {
  const folders = dataFolders(defaultDataDir());
  const days =
    opts.retentionDays ?? settingsWithDefaults(await fileSettingsStore(folders.root).read()).retentionDays;
  const limits = { now: Date.now(), olderThanMs: days * DAY_MS };
  try {
    await pruneRunFiles(opts.runDir ?? folders.runs, limits);
    if (!opts.runDir) await clearWorkbenchData(folders, limits);
  } catch (e) {
    // Not fatal: the run itself went through; the reason in words, the system's code for support.
    const code = systemCode(e);
    process.stderr.write(
      `plek-sync: ${say('cli.run.pruneFailed', { reason: formatMessage(cliLang(), writeReason(e)) })}${code ? ` (${say('cli.error.technical', { detail: code })})` : ''}\n`,
    );
  }
}
