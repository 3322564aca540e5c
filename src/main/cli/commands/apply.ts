import { closeSync, openSync } from 'node:fs';
import type { Command } from 'commander';
import { applyPlan, type ApplyResult } from '../../sync/apply';
import { interruptible, readPlanFile, withTargetErrors, targetFromOptions } from '../../sync/cli-support';
import { terminalProgress } from '../../sync/progress-bar';
import {
  reportCsvFile,
  reportJsonFile,
  ROWS,
  type FileRow,
  type ReportFile,
  type ReportLanguage,
} from '../../sync/report';
import { ReportThread } from '../../sync/report-thread';
import type { ResolvedTarget } from '../../sync/target';
import type { SafetyThresholds } from '../../../shared/mapping/schema';
import type { Plan } from '../../../shared/plan/types';
import { compactCreates } from '../../../shared/plan/compact';
import { loadMappingFile } from '../../pipeline';
import { said } from '../../../shared/i18n/message';
import { UserError } from '../../user-error';
import { cliLang, green, red, say, yellow } from '../common';
import { formatMessages } from '../../../shared/i18n';
import { warningTexts } from '../../../shared/plan/messages';
import { safetyLines } from '../../../shared/plan/format';
import { writeError } from '../output';
import { WriteThread, type WriteFailure } from '../../sync/write-thread';

interface ApplyCommandOptions {
  mapping: string;
  plan: string;
  target?: string;
  clientId?: string;
  tokenUrl?: string;
  journal?: string;
  report?: string;
  json?: boolean;
  allowMassDeactivation?: boolean;
}

/** Where `applyWithReport` writes: the journal, and the report as `<report>.json` + `.nl.csv` + `.en.csv`. */
export interface ReportPaths {
  journal: string;
  report: string;
}

/** The report files for a `--report` value (with or without `.json`). */
export function reportFiles(report: string): { json: string; nl: string; en: string } {
  const json = report.endsWith('.json') ? report : `${report}.json`;
  const stem = json.replace(/\.json$/, '');
  return { json, nl: `${stem}.nl.csv`, en: `${stem}.en.csv` };
}

/** The rows whose pieces are joined into one text for the writer (about 40 KB of a 100,000-row import's JSON). */
const ROWS_PER_TEXT = 32;

/**
 * Writes the report files (JSON, Dutch and English CSV) in one pass over the rows: each row is built once. The
 * files with a language (the CSV files) are worded, encoded and written by a thread of their own (ReportThread),
 * which takes the rows as plain values; this thread makes the JSON file, whose 1 MB pieces a writing thread
 * (WriteThread) writes (a 100,000-row report is 280 MB of text; making it took as long as the rest of the run's
 * end). Without the report thread (a build without it) this thread makes every file. A large report never
 * becomes one string. This is the end of the command; nothing else waits.
 */
export async function writeReportFiles(
  files: { path: string; file: ReportFile; lang?: ReportLanguage }[],
  rows: Iterable<FileRow>,
  /** The report thread's batches (tests: small ones). */
  threadOptions: Parameters<typeof ReportThread.start>[1] = {},
): Promise<void> {
  const outs: {
    path: string;
    file: ReportFile;
    lang?: ReportLanguage;
    parts: Iterator<string | typeof ROWS>;
    fd: number;
  }[] = [];
  const fail = (path: string, error: unknown): never => {
    for (const o of outs) closeSync(o.fd);
    throw writeError(path, error);
  };
  for (const { path, file, lang } of files) {
    let fd = -1;
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      fail(path, error);
    }
    outs.push({ path, file, ...(lang ? { lang } : {}), parts: file.parts[Symbol.iterator](), fd });
  }
  const worded = outs.filter((o) => o.lang !== undefined);
  const thread = worded.length
    ? ReportThread.start(
        worded.map((o) => ({ fd: o.fd, lang: o.lang! })),
        threadOptions,
      )
    : null;
  /** The files whose rows are made here. */
  const here = thread ? outs.filter((o) => o.lang === undefined) : outs;
  const writer = new WriteThread();
  let wait: Promise<void> | undefined;
  let threadWait: Promise<void> | undefined;
  // The writer encodes each text into the file's buffer as it comes (no long string is put together here).
  const put = (o: (typeof outs)[number], text: string): void => {
    if (thread && o.lang !== undefined) thread.text(worded.indexOf(o), text);
    else wait = writer.write(outs.indexOf(o), o.fd, text) ?? wait;
  };
  /** A file's parts up to its rows (true when it has them), or to its end. */
  const until = (o: (typeof outs)[number]): boolean => {
    for (let next = o.parts.next(); !next.done; next = o.parts.next()) {
      if (next.value === ROWS) return true;
      put(o, next.value);
    }
    return false;
  };
  let failure: WriteFailure | null = null;
  let threadEnd: PromiseSettledResult<WriteFailure | null> | undefined;
  try {
    // Per file made here, the pieces of its last rows: joined into one text every `ROWS_PER_TEXT` rows.
    const withRows = here.filter(until).map((o) => ({ o, pieces: [] as string[] }));
    const flush = () => {
      for (const w of withRows) {
        wait = writer.text(outs.indexOf(w.o), w.o.fd, w.pieces.join('')) ?? wait;
        w.pieces.length = 0;
      }
    };
    // The report thread's files all have rows (CSV files do).
    const threadRows = thread !== null && worded.map(until).every(Boolean);
    let i = 0;
    for (const [r, create] of rows) {
      for (const w of withRows) w.o.file.row(w.pieces, r, i, create);
      if (threadRows) threadWait = thread.row(r, create) ?? threadWait;
      i += 1;
      if (i % ROWS_PER_TEXT === 0) flush();
      if (wait || threadWait) {
        await Promise.all([wait, threadWait]);
        wait = threadWait = undefined;
      }
    }
    flush();
    for (const o of outs) until(o);
  } finally {
    const ending = thread?.end();
    failure = await writer.end();
    if (ending) [threadEnd] = await Promise.allSettled([ending]);
  }
  if (!failure && threadEnd?.status === 'fulfilled' && threadEnd.value) {
    const { file, error } = threadEnd.value;
    failure = { file: outs.indexOf(worded[file]!), error };
  }
  if (failure) fail(outs[failure.file]?.path ?? '', failure.error);
  if (threadEnd?.status === 'rejected') {
    // The thread itself failed (not a write): a defect, reported as one.
    for (const o of outs) closeSync(o.fd);
    throw threadEnd.reason;
  }
  for (const o of outs) closeSync(o.fd);
}

/**
 * Applies a plan with a progress bar, writes the report (JSON + CSV in Dutch and English) and sets the exit
 * code. The safety verdict is recomputed from the plan's changes with the mapping's thresholds. Shared with `run`.
 */
export async function applyWithReport(
  plan: Plan,
  target: ResolvedTarget,
  paths: ReportPaths,
  json: boolean,
  safety: { thresholds: SafetyThresholds; allowMassDeactivation?: boolean },
): Promise<ApplyResult> {
  const stop = interruptible();
  const bar = terminalProgress(process.stdout, cliLang());
  let result: ApplyResult;
  try {
    result = await withTargetErrors(() =>
      applyPlan(plan, {
        client: target.client,
        journalPath: paths.journal,
        signal: stop.signal,
        onEvent: (p) => bar.update(p),
        safety,
      }),
    );
  } finally {
    bar.end();
    stop.dispose();
  }
  const files = reportFiles(paths.report);
  // The target is done with: an embedded sandbox saves its state and ends (its thread and its memory) while the
  // report is written. The caller's own close waits for this one.
  const closing = target.close();
  try {
    // Row by row: a 100,000-row report is never held whole, neither as rows nor as text.
    await writeReportFiles(
      [
        { path: files.json, file: reportJsonFile(result.report) },
        { path: files.nl, file: reportCsvFile(result.report, 'nl'), lang: 'nl' },
        { path: files.en, file: reportCsvFile(result.report, 'en'), lang: 'en' },
      ],
      result.fileRows(),
    );
  } finally {
    await closing;
  }
  const t = result.report.totals;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ status: result.status, blocked: result.blocked, aborted: result.aborted, totals: t, warnings: result.report.warnings, report: { json: files.json, csv: files.nl, csvEnglish: files.en }, journal: paths.journal })}\n`,
    );
  } else if (result.blocked) {
    process.stdout.write(
      `${red(say('cli.apply.blocked'))}\n${safetyLines(result.report, cliLang())
        .map((r) => `  - ${r}`)
        .join('\n')}\n`,
    );
  } else {
    const summary = say('cli.apply.summary', {
      ok: t.ok,
      failed: t.failed,
      notRun: t['not-run'],
      noop: t.noop,
      conflict: t.conflict,
      skipped: t.skipped,
      warnings: result.report.warnings,
    });
    process.stdout.write(
      `${result.aborted ? yellow(say('cli.apply.interrupted', { summary })) : t.failed ? red(summary) : green(summary)}\n`,
    );
    // The first failures, worded in the CLI's language (all of them are in the report files).
    const failed = result.report.lines.filter((l) => l.result === 'failed');
    for (const l of failed.slice(0, 20))
      process.stdout.write(
        `  ${red(say('cli.apply.failure', { key: l.key ?? l.group ?? '', reason: l.errorMessages?.length ? formatMessages(cliLang(), l.errorMessages) : (l.error ?? '') }))}\n`,
      );
    if (failed.length > 20) process.stdout.write(`  ${say('cli.more', { n: failed.length - 20 })}\n`);
    process.stdout.write(`${say('cli.apply.report', { json: files.json, nl: files.nl, en: files.en })}\n`);
  }
  if (!json)
    for (const w of warningTexts(result.report.target, cliLang()))
      process.stdout.write(`${yellow(say('cli.apply.target', { warning: w }))}\n`);
  process.exitCode = result.aborted ? 130 : result.blocked || result.failed > 0 ? 1 : 0;
  return result;
}

/** `plek-sync apply`: executes a saved plan, journaled (re-run the same command to resume after a crash). */
export function register(program: Command): void {
  program
    .command('apply')
    .description(say('cli.help.apply'))
    .requiredOption('-m, --mapping <file>', say('cli.help.mappingTarget'))
    .requiredOption('--plan <file>', say('cli.help.plan'))
    .option('-t, --target <target>', say('cli.help.targetPlan'))
    .option('--client-id <id>', say('cli.help.clientId'))
    .option('--token-url <url>', say('cli.help.tokenUrl'))
    .option('--journal <file>', say('cli.help.journal'))
    .option('--report <file>', say('cli.help.reportApply'))
    .option('--allow-mass-deactivation', say('cli.help.massDeactivation'))
    .option('--json', say('cli.help.jsonSummary'))
    .action(async (opts: ApplyCommandOptions) => {
      // Creates held as rows of values, as the file has them (not a field object each).
      const plan = compactCreates(await readPlanFile(opts.plan));
      const { mapping } = await loadMappingFile(opts.mapping);
      const target = await targetFromOptions(opts);
      try {
        if (target.label !== plan.target.url) {
          throw new UserError(
            said('cli.error.planTarget', { planTarget: plan.target.url, target: target.label }),
          );
        }
        const base = opts.plan.replace(/(?:\.json)?(?:\.gz)?$/i, '');
        await applyWithReport(
          plan,
          target,
          { journal: opts.journal ?? `${base}.journal.jsonl`, report: opts.report ?? `${base}.report.json` },
          opts.json ?? false,
          {
            thresholds: mapping.safety,
            ...(opts.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
          },
        );
      } finally {
        await target.close();
      }
    });
}
