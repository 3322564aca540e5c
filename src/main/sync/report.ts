import type { PlanAction } from '../../shared/plan/types';

export type OpResult = 'ok' | 'failed' | 'not-run' | 'noop' | 'conflict' | 'skipped' | 'blocked';

/** One line of the run report: what happened to one operation, for the customer. */
export interface ReportLine {
  row: number | null;
  key: string | null;
  action: PlanAction | 'manager';
  result: OpResult;
  /** The Plek account or group the operation wrote. */
  targetId?: string;
  group?: string;
  /** Why it was skipped or failed; never holds a secret (messages carry method, path and status only). */
  error?: string;
}

export interface RunReport {
  version: 1;
  /** `warnings`: the plan's target warnings and those the client met while applying. */
  target: { url: string; warnings?: string[] };
  startedAt: string;
  finishedAt: string;
  safety: { ok: boolean; reasons: string[] };
  totals: Record<OpResult, number>;
  lines: ReportLine[];
}

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading = + - @ would be a formula in Excel: prefix it with an apostrophe.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as CSV for Excel-NL: UTF-8 with BOM, `;`-separated, columns row;key;action;result;error
 * (plus group and Plek id, which help support).
 */
export function reportToCsv(report: RunReport): string {
  const header = ['row', 'key', 'action', 'result', 'error', 'group', 'plekId'];
  const lines = report.lines.map((l) =>
    [l.row, l.key, l.action, l.result, l.error, l.group, l.targetId].map(csvCell).join(';'),
  );
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}
