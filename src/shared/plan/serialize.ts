import type { FieldChange, Plan, PlanChange } from './types';

/**
 * A create's plain values in a plan file: `{ "title": "Verpleegkundige", … }` instead of one
 * `{ path, before: null, after, op: "add", policy: "keep" }` object per field. Anything else (a manager created
 * in the same run, another null policy) stays in `fields`.
 */
interface StoredChange extends Omit<PlanChange, 'fields'> {
  fields?: FieldChange[];
  set?: Record<string, FieldChange['after']>;
  /** A common reason by name (see COMMON_REASONS). */
  r?: string;
}

/**
 * The reasons most changes share (a create is "new in the source", a member add "group rule matches"), stored in
 * a plan file as one short name under `r` instead of the English text and its coded message each time.
 */
const COMMON_REASONS: Readonly<Record<string, Pick<PlanChange, 'reason' | 'reasons'>>> = {
  new: { reason: 'new in the source', reasons: [{ code: 'report.reason.new' }] },
  upToDate: { reason: 'up to date', reasons: [{ code: 'report.reason.upToDate' }] },
  groupRule: { reason: 'group rule matches', reasons: [{ code: 'report.reason.groupRule' }] },
};

function commonReason(c: PlanChange): string | undefined {
  for (const [name, common] of Object.entries(COMMON_REASONS)) {
    if (c.reason !== common.reason || c.reasons?.length !== 1) continue;
    const [m] = c.reasons;
    if (m?.code === common.reasons![0]!.code && !m.params) return name;
  }
  return undefined;
}

/** The change with its reason and coded reasons replaced, in place (keys keep their order), by `r`. */
function shortReason(c: PlanChange): PlanChange | StoredChange {
  const name = commonReason(c);
  if (name === undefined) return c;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'reason') out.r = name;
    else if (k !== 'reasons') out[k] = v;
  }
  return out as unknown as StoredChange;
}

/** `shortReason` undone: `r` becomes the reason and its coded reasons again, at the same place. */
function longReason(c: StoredChange): StoredChange {
  const common = typeof c.r === 'string' ? COMMON_REASONS[c.r] : undefined;
  if (!common) return c;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'r') {
      out.reason = common.reason;
      out.reasons = common.reasons!.map((m) => ({ ...m }));
    } else out[k] = v;
  }
  return out as unknown as StoredChange;
}

function plain(f: FieldChange): boolean {
  return f.before === null && f.op === 'add' && f.policy === 'keep' && f.managerKey === undefined;
}

/**
 * The plan as written to a file: compact JSON (no indentation) with creates spelled once. A 100,000-row
 * initial import is mostly creates, so this is most of the file. `parsePlan` gives back the same plan.
 */
export function serializePlan(plan: Plan): string {
  const changes = plan.changes.map((whole): StoredChange => {
    const c = shortReason(whole) as StoredChange;
    if (c.action !== 'create' || !c.fields) return c;
    const set: Record<string, FieldChange['after']> = {};
    const rest: FieldChange[] = [];
    for (const f of c.fields) {
      if (plain(f) && !Object.hasOwn(set, f.path)) set[f.path] = f.after;
      else rest.push(f);
    }
    const { fields: _fields, ...head } = c;
    return { ...head, set, ...(rest.length ? { fields: rest } : {}) };
  });
  return `${JSON.stringify({ ...plan, changes })}\n`;
}

/** Reads what `serializePlan` wrote (or a plan with every field spelled out): a create's fields by path. */
export function expandPlan(value: Plan): Plan {
  if (!Array.isArray(value.changes)) return value;
  const changes = (value.changes as StoredChange[]).map((stored): PlanChange => {
    const c = longReason(stored);
    if (!c.set || typeof c.set !== 'object') return c;
    const { set, ...head } = c;
    const fields: FieldChange[] = [
      ...Object.entries(set).map(([path, after]): FieldChange => ({
        path,
        before: null,
        after,
        op: 'add',
        policy: 'keep',
      })),
      ...(c.fields ?? []),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...head, fields };
  });
  return { ...value, changes };
}
