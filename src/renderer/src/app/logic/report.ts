import type { RunReport } from '../../../../shared/api/contract';
import type { CodedMessage } from '../../../../shared/i18n';
import { csvField } from './issues';

/** The run report as a CSV for the customer: a summary block, then one line per failed user. */
export function reportToCsv(report: RunReport): string {
  const lines: string[] = [];
  const push = (...cells: (string | number | null | undefined)[]) =>
    lines.push(cells.map((c) => csvField(c ?? null)).join(';'));
  push('run', report.runId);
  push('plan', report.planId);
  push('status', report.status);
  push('target', report.target);
  push('startedAt', report.startedAt);
  push('finishedAt', report.finishedAt ?? '');
  for (const [action, n] of Object.entries(report.counts)) push(`count.${action}`, n);
  lines.push('');
  push('key', 'message');
  for (const f of report.failures) push(f.key, f.message);
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
