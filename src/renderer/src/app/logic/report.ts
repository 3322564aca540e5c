import type { RunReport } from '../../../../shared/api/contract';
import { format, formatMessages, type CodedMessage, type Lang } from '../../../../shared/i18n';
import { RESULT_MESSAGE_IDS } from '../../../../shared/plan/messages';
import { csvField } from './issues';

/** The catalogue text of each result a run report counts (the tiles on the Run step). */
export const RESULT_KEYS = RESULT_MESSAGE_IDS;

/**
 * The run report as a CSV for the customer, in the interface language, when the service has none (a run that
 * stopped before its report was written): a summary block, then one line per operation that failed or needs
 * attention, with the person, what happened, what to do and the technical detail.
 */
export function reportToCsv(
  report: RunReport,
  lang: Lang,
  nameOf: (key: string) => string | null = () => null,
): string {
  const lines: string[] = [];
  const push = (...cells: (string | number | null | undefined)[]) =>
    lines.push(cells.map((c) => csvField(c ?? null)).join(';'));
  push(format(lang, 'run.csv.run'), report.runId);
  push(format(lang, 'run.csv.plan'), report.planId);
  push(format(lang, 'run.csv.status'), format(lang, `run.status.${report.status}`));
  push(format(lang, 'run.csv.target'), report.target);
  push(format(lang, 'run.csv.started'), report.startedAt);
  push(format(lang, 'run.csv.finished'), report.finishedAt ?? '');
  for (const [result, n] of Object.entries(report.counts)) {
    const id = RESULT_KEYS[result];
    push(id ? format(lang, id) : result, n);
  }
  lines.push('');
  push(
    format(lang, 'report.col.key'),
    format(lang, 'report.col.name'),
    format(lang, 'run.csv.what'),
    format(lang, 'run.csv.todo'),
    format(lang, 'run.csv.detail'),
  );
  for (const f of report.failures)
    push(
      f.key,
      nameOf(f.key),
      f.messages?.length ? formatMessages(lang, f.messages) : f.message,
      format(lang, `run.failure.${failureReason(f.messages)}`),
      f.message,
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `plek-run-2026-11-23T10-04-12.json`: a file name without characters Windows refuses. */
export function reportFileName(report: RunReport, ext: 'json' | 'csv'): string {
  const stamp = (report.finishedAt ?? report.startedAt).replace(/\.\d+Z?$|Z$/, '').replace(/:/g, '-');
  return `plek-run-${stamp}.${ext}`;
}

/** Why an operation failed, in the consultant's words: a catalogue id (`run.failure.*`) for what to do next. */
export type FailureReason =
  'uniqueness' | 'invalidValue' | 'access' | 'gone' | 'unavailable' | 'manager' | 'ambiguous' | 'other';

/** What the consultant can do, per code of a failure, a plan conflict or a warning on an operation. */
const TODO: Readonly<Record<string, FailureReason>> = {
  'report.failure.conflict': 'uniqueness',
  'report.reason.userNameTaken': 'uniqueness',
  'report.reason.emailTaken': 'uniqueness',
  'report.reason.loginExhausted': 'uniqueness',
  'report.failure.invalidValue': 'invalidValue',
  'report.failure.refused': 'invalidValue',
  'report.failure.access': 'access',
  'report.failure.notFound': 'gone',
  'report.failure.rateLimited': 'unavailable',
  'report.failure.server': 'unavailable',
  'report.failure.network': 'unavailable',
  'report.failure.ambiguous': 'ambiguous',
  'report.reason.externalIdAmbiguous': 'ambiguous',
  'report.reason.linkAmbiguous': 'ambiguous',
  'report.reason.linkClaimed': 'ambiguous',
  'report.warning.managerFailed': 'manager',
  'report.warning.managerNotCreated': 'manager',
  'report.warning.managerNotPlanned': 'manager',
};

/**
 * What the consultant can do about a failed operation, from the codes the sync gave it (the HTTP status and
 * scimType were turned into a code where the failure happened). The technical text stays beside it.
 */
export function failureReason(messages: readonly CodedMessage[] | undefined): FailureReason {
  for (const m of messages ?? []) {
    const todo = TODO[m.code];
    if (todo) return todo;
  }
  return 'other';
}
