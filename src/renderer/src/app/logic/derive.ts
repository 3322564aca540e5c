import type { PlanAction, PlanChangeView, PreviewResult } from '../../../../shared/api/contract';
import type { MappedUser, RowOutcome } from '../../../../shared/engine/types';
import type { Issue } from '../../../../shared/issues';
import type { CodedMessage } from '../../../../shared/i18n/message';
import type { Lang } from '../../../../shared/i18n';
import { warningTexts } from '../../../../shared/plan/messages';

/** What the Rules step shows under the deactivation rule. */
export interface DeactivationPreview {
  /** `reason` in English; `reasons` the same as coded messages, for the interface language. */
  deactivate: { row: number; key: string; name: string; reason: string; reasons?: CodedMessage[] }[];
  leavingLater: { row: number; key: string; name: string; date: string }[];
}

export function displayNameOf(user: MappedUser): string {
  const a = user.attributes;
  const direct = a.displayName ?? a['name.formatted'];
  if (typeof direct === 'string' && direct.trim()) return direct;
  const parts = [a['name.givenName'], a['name.middleName'], a['name.familyName']].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return parts.length ? parts.join(' ') : user.key;
}

export function mappedUsers(outcomes: readonly RowOutcome[]): MappedUser[] {
  const users: MappedUser[] = [];
  for (const o of outcomes) if (o.status === 'mapped') users.push(o.user);
  return users;
}

export function deactivationPreview(outcomes: readonly RowOutcome[]): DeactivationPreview {
  const out: DeactivationPreview = { deactivate: [], leavingLater: [] };
  for (const u of mappedUsers(outcomes)) {
    if (!u.active) {
      out.deactivate.push({
        row: u.row,
        key: u.key,
        name: displayNameOf(u),
        reason: u.deactivationReason ?? '',
        ...(u.deactivation ? { reasons: [u.deactivation] } : {}),
      });
    } else if (u.leavingOn) {
      out.leavingLater.push({ row: u.row, key: u.key, name: displayNameOf(u), date: u.leavingOn });
    }
  }
  out.leavingLater.sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  return out;
}

/** Who lands in which group, in the order the group rules name the groups. */
export function groupPreview(
  outcomes: readonly RowOutcome[],
  groupOrder: readonly string[],
): { group: string; members: { key: string; name: string }[] }[] {
  const byGroup = new Map<string, { key: string; name: string }[]>(groupOrder.map((g) => [g, []]));
  for (const u of mappedUsers(outcomes)) {
    for (const g of u.groups) {
      let list = byGroup.get(g);
      if (!list) byGroup.set(g, (list = []));
      list.push({ key: u.key, name: displayNameOf(u) });
    }
  }
  return [...byGroup].map(([group, members]) => ({ group, members }));
}

/** Login collisions reported by the engine, grouped by the login they fought over. */
export function loginCollisions(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.code === 'login-collision');
}

export interface PreviewRow {
  row: number;
  key: string;
  status: RowOutcome['status'];
  active: boolean | null;
  values: Record<string, string>;
  issues: Issue[];
  reason?: string;
}

/** Flattens preview outcomes into table rows; a row's own issues come from both the outcome and the issue list. */
export function previewRows(preview: PreviewResult, fields: readonly string[]): PreviewRow[] {
  const issuesByRow = new Map<number, Issue[]>();
  for (const i of preview.issues) {
    if (i.row === undefined) continue;
    let list = issuesByRow.get(i.row);
    if (!list) issuesByRow.set(i.row, (list = []));
    list.push(i);
  }
  return preview.outcomes.map((o) => {
    const own = issuesByRow.get(o.row) ?? [];
    if (o.status === 'mapped') {
      const values: Record<string, string> = {};
      for (const f of fields) {
        const v = o.user.attributes[f];
        values[f] = v === null || v === undefined ? '' : String(v);
      }
      return { row: o.row, key: o.user.key, status: o.status, active: o.user.active, values, issues: own };
    }
    if (o.status === 'skipped') {
      return {
        row: o.row,
        key: o.key ?? '',
        status: o.status,
        active: null,
        values: {},
        issues: own,
        reason: o.reason,
      };
    }
    const merged = [...o.issues, ...own.filter((i) => !o.issues.includes(i))];
    return { row: o.row, key: o.key ?? '', status: o.status, active: null, values: {}, issues: merged };
  });
}

/** The Plan table's filter: an action, every line, or the lines that carry a warning. */
export type PlanFilterAction = PlanAction | 'all' | 'warning';

export interface PlanFilterInput {
  action: PlanFilterAction;
  text: string;
}

/** Whether a plan line carries a warning (a login that had to be suffixed…), coded or only in English. */
export function hasWarning(c: Pick<PlanChangeView, 'warnings' | 'warningMessages'>): boolean {
  return (c.warningMessages?.length ?? 0) > 0 || (c.warnings?.length ?? 0) > 0;
}

/** The lines of a plan that carry a warning, for the Plan step's summary. */
export function countWarnings(changes: readonly PlanChangeView[]): number {
  let n = 0;
  for (const c of changes) if (hasWarning(c)) n++;
  return n;
}

/** A plan line's warnings in a language, one text each (`warningTexts`: coded ones worded, old texts kept). */
export function planWarnings(c: PlanChangeView, lang: Lang): string[] {
  return hasWarning(c) ? warningTexts(c, lang) : [];
}

/**
 * What the search reads of a plan line besides its key, names and values: the reason and the warnings as the
 * table shows them (`reasonOf`, `planWarnings`), one text.
 */
export function shownWords(
  c: PlanChangeView,
  reasonOf: (c: PlanChangeView) => string | undefined,
  lang: Lang,
): string {
  const warnings = planWarnings(c, lang);
  const reason = reasonOf(c);
  return warnings.length ? [reason ?? '', ...warnings].join('\n') : (reason ?? '');
}

function valueText(v: string | boolean | null): string {
  return v === null ? '' : String(v);
}

/**
 * Filters the plan's per-user changes by action (or "with a warning") and free text (key, user name, display
 * name, changed field, old or new value, reason, warning). Plain loops: it runs on every keystroke over up to 100k changes.
 */
export function filterPlanChanges(
  changes: readonly PlanChangeView[],
  filter: PlanFilterInput,
  /**
   * The reason and warnings as the table shows them (in the consultant's language, `shownWords`); the plan's
   * English reason and warnings otherwise.
   */
  reasonOf: (c: PlanChangeView) => string | undefined = (c) =>
    c.warnings?.length ? [c.reason ?? '', ...c.warnings].join('\n') : c.reason,
): PlanChangeView[] {
  const q = filter.text.trim().toLowerCase();
  const out: PlanChangeView[] = [];
  for (const c of changes) {
    if (filter.action === 'warning') {
      if (!hasWarning(c)) continue;
    } else if (filter.action !== 'all' && c.action !== filter.action) continue;
    if (q && !planChangeMatches(c, q, reasonOf)) continue;
    out.push(c);
  }
  return out;
}

/**
 * `reasonOf` remembered per change: the table words a reason once, and the search over 100k changes does not
 * word it again at every keystroke. A new function (a new language, a new plan) starts afresh.
 */
export function rememberedReasons(
  reasonOf: (c: PlanChangeView) => string | undefined,
): (c: PlanChangeView) => string | undefined {
  const known = new WeakMap<PlanChangeView, string>();
  return (c) => {
    let text = known.get(c);
    if (text === undefined) {
      text = (reasonOf(c) ?? '').toLowerCase();
      known.set(c, text);
    }
    return text;
  };
}

function planChangeMatches(
  c: PlanChangeView,
  q: string,
  reasonOf: (c: PlanChangeView) => string | undefined,
): boolean {
  if (c.key.toLowerCase().includes(q)) return true;
  if (c.userName && c.userName.toLowerCase().includes(q)) return true;
  if (c.displayName && c.displayName.toLowerCase().includes(q)) return true;
  const reason = reasonOf(c);
  if (reason && reason.toLowerCase().includes(q)) return true;
  for (const ch of c.changes) {
    if (ch.path.toLowerCase().includes(q)) return true;
    if (valueText(ch.from).toLowerCase().includes(q) || valueText(ch.to).toLowerCase().includes(q))
      return true;
  }
  if (c.groupsAdded?.some((g) => g.toLowerCase().includes(q))) return true;
  return false;
}

/** A one-line summary of a change for the plan table: `title: "Adviseur" → "Senior adviseur"; +group Zorg`. */
export function summarizeChange(
  c: PlanChangeView,
  max = 3,
  label: (path: string) => string = (p) => p.split(':').pop() ?? p,
  /** The line's reason in the consultant's language (`planReason`); the plan's English reason otherwise. */
  reason: string | undefined = c.reason,
): string {
  const parts = c.changes.slice(0, max).map((ch) => {
    const field = label(ch.path);
    if (ch.from === null || ch.from === '') return `${field}: ${JSON.stringify(ch.to)}`;
    return `${field}: ${JSON.stringify(ch.from)} → ${JSON.stringify(ch.to)}`;
  });
  if (c.changes.length > max) parts.push(`+${c.changes.length - max}`);
  for (const g of c.groupsAdded ?? []) parts.push(`+${g}`);
  if (parts.length === 0 && reason) return reason;
  return parts.join('; ');
}

/**
 * The source attributes an issue points at: the attribute itself when the issue names one, or the attributes
 * the target field's expression reads (`[E-mailadres]` for `emails[type eq "work"].value`).
 */
export function attributesOfField(
  field: string | undefined,
  fields: Readonly<Record<string, { expression: string }>>,
  attributeNames: readonly string[],
): string[] {
  if (!field) return [];
  if (attributeNames.includes(field)) return [field];
  const expression = fields[field]?.expression;
  if (!expression) return [];
  const found = new Set<string>();
  for (const m of expression.matchAll(/\[([^\]]+)\]/g)) {
    const name = m[1] ?? '';
    if (attributeNames.includes(name)) found.add(name);
  }
  return [...found];
}
