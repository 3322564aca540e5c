import type { RunReport } from '../../../../shared/api/contract';
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

/**
 * Classifies a failed operation's technical message (`POST /Users: HTTP 409 uniqueness — …`, `… failed:
 * ECONNRESET`, `manager reference left out: …`) into what the consultant can do about it. The technical text
 * stays beside it for the Plek administrator.
 */
export function failureReason(message: string): FailureReason {
  if (/^manager reference left out/i.test(message)) return 'manager';
  if (/\bHTTP 409\b|\buniqueness\b|already (?:used|in use|exists)/i.test(message)) return 'uniqueness';
  if (/\bHTTP 40[13]\b|token request|unauthori[sz]ed|forbidden/i.test(message)) return 'access';
  if (/\bHTTP 404\b|no longer exists/i.test(message)) return 'gone';
  if (/\bHTTP 400\b|invalidValue|invalidSyntax|mutability|tooMany/i.test(message)) return 'invalidValue';
  if (/\bHTTP (?:429|5\d\d)\b|timed? ?out|ECONN|ETIMEDOUT|EPIPE|socket|aborted/i.test(message))
    return 'unavailable';
  if (/several|more than one|ambiguous/i.test(message)) return 'ambiguous';
  return 'other';
}
