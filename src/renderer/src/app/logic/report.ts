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
