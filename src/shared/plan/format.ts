import type { FlatValue } from '../scim/resource';
import type { Plan, PlanChange } from './types';

function show(v: FlatValue): string {
  if (v === null) return '(empty)';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** One change as consultants read it: `row 12  update  E1024 (jan.devries@demo.com): title "A" → "B"`. */
export function formatChange(c: PlanChange): string {
  const who = [c.key, c.userName ? `(${c.userName})` : ''].filter(Boolean).join(' ');
  const action = c.linked && c.action !== 'link' ? `link + ${c.action}` : c.action;
  const head = `${c.row !== undefined ? `row ${c.row}` : '      '}  ${action.padEnd(10)} ${c.group && c.action !== 'groupAdd' ? c.group : who}`;
  const lines = [`${head}${c.action === 'groupAdd' ? ` → ${c.group}` : ''}  — ${c.reason}`];
  for (const w of c.warnings ?? []) lines.push(`        warning: ${w}`);
  for (const f of c.fields ?? []) {
    const after =
      f.managerKey !== undefined ? `manager "${f.managerKey}" (created in this run)` : show(f.after);
    lines.push(`        ${f.path}: ${show(f.before)} → ${after}`);
  }
  return lines.join('\n');
}

/** The plan's first two lines: its target and source, and the counts per action. */
export function formatPlanSummary(plan: Plan): string {
  const c = plan.counts;
  const linkedLeavers = plan.changes.filter((x) => x.linked && x.action === 'deactivate').length;
  return [
    `Plan for ${plan.target.url} (today ${plan.today}, ${plan.sourceRows} source rows${plan.initialImport ? ', initial import' : ''})`,
    `create ${c.create}  update ${c.update}  deactivate ${c.deactivate}${linkedLeavers ? ` (${linkedLeavers} linked and deactivated)` : ''}  reactivate ${c.reactivate}  link ${c.link}  groupAdd ${c.groupAdd}  createGroup ${c.createGroup}  noop ${c.noop}  conflict ${c.conflict}  skipped ${c.skipped}`,
  ].join('\n');
}

/** The human plan: counts, the safety verdict and the changes (no-ops left out unless asked). */
export function formatPlan(plan: Plan, options: { includeNoop?: boolean } = {}): string {
  return [...formatPlanLines(plan, options)].join('\n');
}

/**
 * `formatPlan` line by line (joined with newlines it is the same text): a 100,000-row plan is printed without
 * first becoming one string.
 */
export function* formatPlanLines(plan: Plan, options: { includeNoop?: boolean } = {}): Generator<string> {
  yield formatPlanSummary(plan);
  for (const w of plan.target.warnings ?? []) yield `Target: ${w}`;
  if (plan.safety.ok) yield 'Safety: ok';
  else {
    yield 'Safety: BLOCKED — nothing will be applied';
    for (const r of plan.safety.reasons) yield `  - ${r}`;
  }
  yield '';
  for (const ch of plan.changes) if (options.includeNoop || ch.action !== 'noop') yield formatChange(ch);
  const manual = plan.manualAssignment ?? [];
  if (manual.length > 0) {
    yield '';
    yield `Plek accounts to assign by hand (${manual.length}): set their externalId to the person's mapping key, or leave them`;
    for (const m of manual) yield `  ${m.id}  ${m.userName ?? m.email ?? '(no userName)'}  — ${m.reason}`;
  }
}
