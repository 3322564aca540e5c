import { format, formatNumber, type Lang } from '../i18n';
import type { FlatValue } from '../scim/resource';
import { reasonText, warningTexts } from './messages';
import { PLAN_ACTIONS, type Plan, type PlanChange } from './types';

/** Options of the human plan: its language (the CLI's `--lang`; English by default) and whether no-ops show. */
export interface FormatPlanOptions {
  includeNoop?: boolean;
  lang?: Lang;
}

function show(v: FlatValue, lang: Lang): string {
  if (v === null) return format(lang, 'report.empty');
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function actionWord(c: Pick<PlanChange, 'action' | 'linked'>, lang: Lang): string {
  const word = format(lang, `report.action.${c.action}`);
  return c.linked && c.action !== 'link' ? `${format(lang, 'report.action.link')} + ${word}` : word;
}

/**
 * One change as consultants read it, in a language: `row 12  update  E1024 (jan.devries@demo.com) — 1 field
 * changed`, its warnings and field changes below. Reasons and warnings are worded from their codes.
 */
export function formatChange(c: PlanChange, lang: Lang = 'en'): string {
  const who = [c.key, c.userName ? `(${c.userName})` : ''].filter(Boolean).join(' ');
  const where = c.row !== undefined ? format(lang, 'cli.plan.row', { row: c.row }) : '      ';
  const head = `${where}  ${actionWord(c, lang).padEnd(10)} ${c.group && c.action !== 'groupAdd' ? c.group : who}`;
  const lines = [`${head}${c.action === 'groupAdd' ? ` → ${c.group}` : ''}  — ${reasonText(c, lang)}`];
  for (const w of warningTexts(c, lang))
    lines.push(`        ${format(lang, 'cli.plan.warning', { warning: w })}`);
  for (const f of c.fields ?? []) {
    const after =
      f.managerKey !== undefined
        ? format(lang, 'cli.plan.managerCreated', { key: f.managerKey })
        : show(f.after, lang);
    lines.push(`        ${f.path}: ${show(f.before, lang)} → ${after}`);
  }
  return lines.join('\n');
}

/** The plan's first two lines: its target and source, and the counts per action. */
export function formatPlanSummary(plan: Plan, lang: Lang = 'en'): string {
  const c = plan.counts;
  const linkedLeavers = plan.changes.filter((x) => x.linked && x.action === 'deactivate').length;
  const counts = PLAN_ACTIONS.map((a) => {
    const n = `${format(lang, `report.action.${a}`)} ${formatNumber(lang, c[a])}`;
    return a === 'deactivate' && linkedLeavers
      ? `${n} ${format(lang, 'cli.plan.linkedLeavers', { n: linkedLeavers })}`
      : n;
  });
  return [
    format(lang, 'cli.plan.heading', {
      target: plan.target.url,
      today: plan.today,
      rows: plan.sourceRows,
      initial: plan.initialImport ? 'yes' : 'no',
    }),
    counts.join('  '),
  ].join('\n');
}

/** Why the safety guards block a plan, one line each, in a language (the English reasons for an old plan). */
export function safetyLines(
  plan: { safety: Pick<Plan['safety'], 'reasons' | 'messages'> },
  lang: Lang = 'en',
): string[] {
  const { messages, reasons } = plan.safety;
  return messages?.length === reasons.length ? messages.map((m) => format(lang, m.id, m.values)) : reasons;
}

/** The human plan: counts, the safety verdict and the changes (no-ops left out unless asked), in a language. */
export function formatPlan(plan: Plan, options: FormatPlanOptions = {}): string {
  return [...formatPlanLines(plan, options)].join('\n');
}

/**
 * `formatPlan` line by line (joined with newlines it is the same text): a 100,000-row plan is printed without
 * first becoming one string.
 */
export function* formatPlanLines(plan: Plan, options: FormatPlanOptions = {}): Generator<string> {
  const lang = options.lang ?? 'en';
  yield formatPlanSummary(plan, lang);
  for (const w of warningTexts(plan.target, lang)) yield format(lang, 'cli.plan.target', { warning: w });
  if (plan.safety.ok) yield format(lang, 'cli.plan.safe');
  else {
    yield format(lang, 'cli.plan.blocked');
    for (const r of safetyLines(plan, lang)) yield `  - ${r}`;
  }
  yield '';
  for (const ch of plan.changes)
    if (options.includeNoop || ch.action !== 'noop') yield formatChange(ch, lang);
  const manual = plan.manualAssignment ?? [];
  if (manual.length > 0) {
    yield '';
    yield format(lang, 'cli.plan.manual', { n: manual.length });
    for (const m of manual)
      yield `  ${m.id}  ${m.userName ?? m.email ?? format(lang, 'cli.plan.noUserName')}  — ${reasonText(m, lang)}`;
  }
}
