import type { FieldChange, Plan, PlanChange } from './types';

/**
 * A create's plain values in a plan file: `{ "title": "Verpleegkundige", … }` instead of one
 * `{ path, before: null, after, op: "add", policy: "keep" }` object per field. Anything else (a manager created
 * in the same run, another null policy) stays in `fields`.
 */
interface StoredChange extends Omit<PlanChange, 'fields'> {
  fields?: FieldChange[];
  set?: Record<string, FieldChange['after']>;
}

function plain(f: FieldChange): boolean {
  return f.before === null && f.op === 'add' && f.policy === 'keep' && f.managerKey === undefined;
}

/**
 * The plan as written to a file: compact JSON (no indentation) with creates spelled once. A 100,000-row
 * initial import is mostly creates, so this is most of the file. `parsePlan` gives back the same plan.
 */
export function serializePlan(plan: Plan): string {
  const changes = plan.changes.map((c): StoredChange => {
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
  const changes = (value.changes as StoredChange[]).map((c): PlanChange => {
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
