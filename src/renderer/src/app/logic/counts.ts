import type { PlanChangeView, PlanView, SourceSample } from '../../../../shared/api/contract';
import { format, formatIssue, type Lang } from '../../../../shared/i18n';
import { reasonText } from '../../../../shared/plan/messages';
import type { Issue } from '../../../../shared/issues';

/** Reader issues about the header: they do not stand for a data row (as the engine's HEADER_CODES). */
const NOT_A_ROW = new Set(['duplicate-header', 'empty-header']);

/** Rows the reader could not turn into a record (an error on the row itself, such as a row that is too long). */
export function unreadableRows(issues: readonly Issue[]): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) {
    if (i.row === undefined || i.severity !== 'error' || NOT_A_ROW.has(i.code)) continue;
    for (const r of i.rows ?? [i.row]) rows.add(r);
  }
  return rows;
}

/**
 * The Source step's row count, said the way Validate counts: every data row of the file, of which some could not
 * be read (they are skipped, and Validate lists them as errors).
 */
export function sourceRowCounts(sample: Pick<SourceSample, 'totalRecords' | 'issues'>): {
  rows: number;
  unreadable: number;
} {
  const unreadable = unreadableRows(sample.issues).size;
  // Empty rows are no records either, but the engine counts them as rows it skipped.
  const empty = new Set(sample.issues.filter((i) => i.code === 'empty-row').map((i) => i.row)).size;
  return { rows: sample.totalRecords + unreadable + empty, unreadable };
}

/** Rows with at least one error: the engine does not sync them (Validate's errors, counted as rows). */
export function errorRows(issues: readonly Issue[]): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) {
    if (i.severity !== 'error' || i.row === undefined) continue;
    for (const r of i.rows ?? [i.row]) rows.add(r);
  }
  return rows;
}

/** How the source's rows end up in the plan, so that Source, Validate and Plan can be compared. */
export interface PlanReconciliation {
  /** Data rows in the source (as Validate counts them), when the plan knows. */
  rows: number | null;
  /** Rows with errors, left out of the sync (skipped in the plan). */
  errorRows: number;
  /** Rows the reader could not read (no plan line at all). */
  unreadable: number;
  /** Other rows skipped: leavers not in Plek, joiners who start later, empty rows. */
  otherSkipped: number;
  /** People the plan cannot apply (a login or e-mail already taken by another Plek account…). */
  planErrors: number;
}

/**
 * Reconciles the plan with the validation it was made from: Validate's error rows appear in the plan as skipped
 * lines (or not at all, when they could not be read), while the plan's own errors are conflicts with Plek.
 */
export function reconcilePlan(plan: Pick<PlanView, 'changes' | 'issues' | 'summary'>): PlanReconciliation {
  const withErrors = errorRows(plan.issues);
  const planned = new Set<number>();
  let errorSkipped = 0;
  let otherSkipped = 0;
  let planErrors = 0;
  for (const c of plan.changes) {
    if (c.row !== undefined) planned.add(c.row);
    if (c.action === 'skip') {
      if (c.row !== undefined && withErrors.has(c.row)) errorSkipped++;
      else otherSkipped++;
    } else if (c.action === 'error') planErrors++;
  }
  let unreadable = 0;
  for (const r of withErrors) if (!planned.has(r)) unreadable++;
  return {
    rows: plan.summary?.rows ?? null,
    errorRows: errorSkipped,
    unreadable,
    otherSkipped,
    planErrors,
  };
}

/** Each row's error issues, in the order the engine reported them. */
export function errorsByRow(issues: readonly Issue[]): Map<number, Issue[]> {
  const out = new Map<number, Issue[]>();
  for (const i of issues) {
    if (i.severity !== 'error' || i.row === undefined) continue;
    for (const r of i.rows ?? [i.row]) out.set(r, [...(out.get(r) ?? []), i]);
  }
  return out;
}

/**
 * A plan line's reason in a language: a row skipped for its errors says its first error from the catalogue (the
 * text Validate shows); other reasons go through the plan's reason table (`reasonText`).
 */
export function planReason(
  c: Pick<PlanChangeView, 'action' | 'row' | 'reason' | 'reasons'>,
  errors: ReadonlyMap<number, readonly Issue[]>,
  lang: Lang,
): string | undefined {
  const first = c.row !== undefined ? errors.get(c.row)?.[0] : undefined;
  if (c.action === 'skip' && first)
    return format(lang, 'report.reason.error', { message: formatIssue(first, lang) });
  return c.reason || c.reasons?.length ? reasonText({ reason: c.reason ?? '', ...c }, lang) : undefined;
}
