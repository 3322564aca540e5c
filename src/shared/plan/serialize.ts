import { WORK_EMAIL } from '../scim/fields';
import type { FlatValue } from '../scim/resource';
import type { FieldChange, Plan, PlanChange } from './types';
import { CompactCreate, plainChange } from './compact';

/**
 * The plan file. A 100,000-row initial import is mostly creates, so creates are stored as a table: the plan
 * names the attribute paths once (`createColumns`, in path order, with each path's null policy in
 * `createPolicies`) and each create lists its values in that order:
 *
 *     "createColumns":["displayName","emails[type eq \"work\"].value",…,"userName"],
 *     {"row":2,"key":"100003","action":"create","reason":"new in the source",
 *      "values":["Pieter el Amrani","pieter.elamrani@gemeente-voorbeeld.nl",…]}
 *
 * instead of one `{ path, before: null, after, op: "add", policy }` object per field. `null` is a path the create
 * does not set, `{"managerKey":"…"}` a manager created in the same run; `op`, `userName`, `email` and `name` are
 * left out where they follow from the key and the values, and a create whose policy differs from the plan's
 * says so in its own `policy`. `expandPlan` gives back the identical plan, so what `apply` reads is what `plan`
 * computed (apply recomputes the safety verdict from those changes). A create this form cannot say everything
 * about (a field with a `before`, a property it does not know) keeps its full `fields`. The most common reasons
 * are stored by a short name (`"r":"new"`, see COMMON_REASONS).
 */
type StoredValue = FlatValue | { managerKey: string };

interface StoredCreate extends Omit<PlanChange, 'fields' | 'op'> {
  op?: string;
  values: StoredValue[];
  /** Per path: this create's null policy where it differs from the plan's `createPolicies` (null: none). */
  policy?: Record<string, FieldChange['policy'] | null>;
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

/** The common reasons by their English text (the quick test; `commonReason` checks the coded message too). */
const REASON_NAMES = new Map(Object.entries(COMMON_REASONS).map(([name, common]) => [common.reason, name]));

function commonReason(c: PlanChange): string | undefined {
  const name = REASON_NAMES.get(c.reason);
  if (name === undefined || c.reasons?.length !== 1) return undefined;
  const [m] = c.reasons;
  return m?.code === COMMON_REASONS[name]!.reasons![0]!.code && !m.params ? name : undefined;
}

/** The change with its reason and coded reasons replaced, in place (keys keep their order), by `r`. */
function shortReason(c: PlanChange): PlanChange {
  const name = commonReason(c);
  if (name === undefined) return c;
  const out: Record<string, unknown> = {};
  const from = c as unknown as Record<string, unknown>;
  for (const k in from) {
    if (k === 'reason') out.r = name;
    else if (k !== 'reasons') out[k] = from[k];
  }
  return out as unknown as PlanChange;
}

/** `shortReason` undone: `r` becomes the reason and its coded reasons again, at the same place. */
function longReason<T extends { r?: unknown }>(c: T): T {
  const common = typeof c.r === 'string' ? COMMON_REASONS[c.r] : undefined;
  if (!common) return c;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'r') {
      out.reason = common.reason;
      out.reasons = common.reasons!.map((m) => ({ ...m }));
    } else out[k] = v;
  }
  return out as unknown as T;
}

interface StoredPlan extends Omit<Plan, 'changes'> {
  createColumns?: string[];
  createPolicies?: Record<string, FieldChange['policy']>;
  changes: (PlanChange | StoredCreate)[];
}

const FIELD_KEYS = new Set(['path', 'before', 'after', 'op', 'policy', 'managerKey']);
/** Keys a create may leave out or that lead; in the order `computePlan` writes them. */
const HEAD = ['op', 'row', 'key', 'name', 'email', 'action', 'userName', 'reason'] as const;
type Derivable = 'op' | 'name' | 'email' | 'userName';

function isFlat(v: unknown): v is FlatValue {
  return v === null || typeof v === 'string' || typeof v === 'boolean';
}

/** Paths in the order `computePlan` sorts a create's fields. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a create's derivable keys are when the stored form leaves them out. */
function derived(key: unknown, value: (path: string) => StoredValue | undefined): Record<Derivable, unknown> {
  const name = ['name.givenName', 'name.middleName', 'name.familyName']
    .map(value)
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(' ');
  const email = value(WORK_EMAIL);
  const userName = value('userName');
  return {
    op: `user:${String(key)}`,
    name: name || undefined,
    email: typeof email === 'string' && email ? email : undefined,
    userName: String(userName === null || userName === undefined ? '' : userName),
  };
}

/** A create in its stored form, or null when the short form cannot say everything it holds. */
function storeCreate(
  c: PlanChange,
  column: ReadonlyMap<string, number>,
  policies: Record<string, FieldChange['policy']>,
): StoredCreate | null {
  const values: StoredValue[] = [];
  const policy: NonNullable<StoredCreate['policy']> = {};
  let last = -1;
  for (const f of c.fields ?? []) {
    const at = column.get(f.path);
    // Fields in column order, each once, from empty: anything else keeps the full form.
    if (at === undefined || at <= last || f.before !== null || f.op !== 'add') return null;
    for (const k in f) if (!FIELD_KEYS.has(k)) return null;
    if (f.managerKey !== undefined) {
      if (f.after !== null) return null;
      values[at] = { managerKey: f.managerKey };
    } else if (isFlat(f.after) && f.after !== null) values[at] = f.after;
    else return null;
    last = at;
    if (policies[f.path] !== f.policy) policy[f.path] = f.policy ?? null;
  }
  for (let i = 0; i < values.length; i++) values[i] ??= null;
  const d = derived(c.key, (path) => {
    const at = column.get(path);
    return at === undefined ? undefined : values[at];
  });
  const out: Record<string, unknown> = {};
  const from = c as unknown as Record<string, unknown>;
  for (const k in from) {
    const v = from[k];
    if (k === 'fields') {
      out.values = values;
      if (Object.keys(policy).length) out.policy = policy;
      continue;
    }
    // Left out when it follows from the key and the values.
    if (Object.hasOwn(d, k) && d[k as Derivable] === v) continue;
    out[k] = v;
  }
  // Absent although it would follow: said with an explicit null.
  for (const k of Object.keys(d) as Derivable[]) if (!(k in c) && d[k] !== undefined) out[k] = null;
  return out as unknown as StoredCreate;
}

/**
 * `storeCreate` for a create held as a table row (`CompactCreate`), straight from its values: the same object,
 * without making its fields first. Null when its table is not the plan file's (then the fields are made).
 */
function storeCompact(
  c: CompactCreate,
  createColumns: readonly string[],
  column: ReadonlyMap<string, number>,
  policies: Record<string, FieldChange['policy']>,
): StoredCreate | null {
  const row = c.tableRow();
  if (row.columns.length !== createColumns.length || row.columns.some((p, i) => p !== createColumns[i]))
    return null;
  let last = -1;
  for (let i = 0; i < row.cells.length; i++) if (row.cells[i] !== undefined) last = i;
  const values: StoredValue[] = [];
  const policy: NonNullable<StoredCreate['policy']> = {};
  for (let i = 0; i <= last; i++) {
    const cell = row.cells[i];
    values.push(cell === undefined ? null : cell);
    if (cell === undefined) continue;
    const path = createColumns[i]!;
    if (policies[path] !== row.policies[i]) policy[path] = row.policies[i] ?? null;
  }
  const d = derived(c.key, (path) => {
    const at = column.get(path);
    return at === undefined ? undefined : values[at];
  });
  const reason = commonReason(c);
  const from = c as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of row.keys) {
    if (k === 'fields') {
      out.values = values;
      if (Object.keys(policy).length) out.policy = policy;
      continue;
    }
    if (reason !== undefined && (k === 'reason' || k === 'reasons')) {
      if (k === 'reason') out.r = reason;
      continue;
    }
    const v = from[k];
    // Left out when it follows from the key and the values.
    if (Object.hasOwn(d, k) && d[k as Derivable] === v) continue;
    out[k] = v;
  }
  for (const k of Object.keys(d) as Derivable[]) if (!(k in c) && d[k] !== undefined) out[k] = null;
  return out as unknown as StoredCreate;
}

/**
 * The plan file's text in parts (one per change), so a large plan never becomes one string: compact JSON with
 * creates as a table. The same plan always gives the same bytes.
 */
export function* serializePlanParts(plan: Plan): Generator<string> {
  // Every path a create sets, in path order; each path's policy as the first create has it.
  const createPolicies: Record<string, FieldChange['policy']> = {};
  const paths = new Set<string>();
  const add = (path: string, policy: FieldChange['policy']) => {
    if (paths.has(path)) return;
    paths.add(path);
    if (policy !== undefined) createPolicies[path] = policy;
  };
  for (const c of plan.changes) {
    if (c.action !== 'create') continue;
    // A compact create's paths straight from its row (reading `fields` would make them all).
    if (c instanceof CompactCreate) c.eachPath(add);
    else for (const f of c.fields ?? []) add(f.path, f.policy);
  }
  const createColumns = [...paths].sort(byPath);
  const column = new Map(createColumns.map((p, i) => [p, i]));
  let first = true;
  yield '{';
  for (const [k, v] of Object.entries(plan)) {
    if (v === undefined) continue;
    if (k === 'changes') {
      if (createColumns.length) {
        yield `${first ? '' : ','}"createColumns":${JSON.stringify(createColumns)}`;
        yield `,"createPolicies":${JSON.stringify(createPolicies)}`;
        first = false;
      }
      yield `${first ? '' : ','}"changes":[`;
      let i = 0;
      for (const whole of plan.changes) {
        if (whole instanceof CompactCreate) {
          const fast = storeCompact(whole, createColumns, column, createPolicies);
          if (fast) {
            yield `${i++ ? ',' : ''}${JSON.stringify(fast)}`;
            continue;
          }
        }
        const c = shortReason(plainChange(whole));
        const stored = c.action === 'create' && c.fields ? storeCreate(c, column, createPolicies) : null;
        yield `${i++ ? ',' : ''}${JSON.stringify(stored ?? c)}`;
      }
      yield ']';
    } else yield `${first ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}`;
    first = false;
  }
  yield '}\n';
}

/**
 * `JSON.stringify(plan, null, 2)` (what `plan --json` prints) in parts, one per change, so a large plan never becomes
 * one string: a 100,000-row initial import's plan in full is some hundreds of MB, and V8 refuses a string past
 * 512 MiB. Byte for byte the same text (JSON strings hold no raw line break, so indenting is a replace).
 */
export function* planJsonParts(plan: Plan): Generator<string> {
  const entries = Object.entries(plan).filter(([, v]) => v !== undefined);
  yield '{';
  let first = true;
  for (const [k, v] of entries) {
    const head = `${first ? '' : ','}\n  ${JSON.stringify(k)}: `;
    first = false;
    if (!Array.isArray(v) || v.length === 0) {
      yield `${head}${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}`;
      continue;
    }
    yield `${head}[`;
    let i = 0;
    for (const item of v as unknown[]) {
      // `null` stands in for what JSON cannot hold, as JSON.stringify writes it in an array.
      const text = JSON.stringify(item, null, 2) ?? 'null';
      yield `${i++ ? ',' : ''}\n    ${text.replace(/\n/g, '\n    ')}`;
    }
    yield '\n  ]';
  }
  yield entries.length ? '\n}' : '}';
}

/** The plan file's text (see `serializePlanParts`). */
export function serializePlan(plan: Plan): string {
  return [...serializePlanParts(plan)].join('');
}

function expandCreate(
  s: StoredCreate,
  columns: readonly string[],
  policies: Record<string, FieldChange['policy']>,
): PlanChange {
  const values = s.values;
  const d = derived(s.key, (path) => {
    const at = columns.indexOf(path);
    return at < 0 ? undefined : values[at];
  });
  const stored = s as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of HEAD) {
    const v = Object.hasOwn(stored, k) ? stored[k] : d[k as Derivable];
    if (v !== null && v !== undefined) out[k] = v;
  }
  for (const [k, v] of Object.entries(stored)) {
    if ((HEAD as readonly string[]).includes(k) || k === 'policy') continue;
    if (k !== 'values') {
      out[k] = v;
      continue;
    }
    const own = s.policy ?? {};
    const fields: FieldChange[] = [];
    values.forEach((value, i) => {
      const path = columns[i];
      if (value === null || value === undefined || path === undefined) return;
      const policy = Object.hasOwn(own, path) ? own[path] : policies[path];
      const manager = typeof value === 'object' ? value.managerKey : undefined;
      fields.push({
        path,
        before: null,
        after: manager === undefined ? (value as FlatValue) : null,
        op: 'add',
        ...(policy ? { policy } : {}),
        ...(manager !== undefined ? { managerKey: String(manager) } : {}),
      });
    });
    out.fields = fields;
  }
  return out as unknown as PlanChange;
}

/** Reads what `serializePlan` wrote (or a plan with every field spelled out) back into the plan. */
export function expandPlan(value: Plan): Plan {
  const stored = value as unknown as StoredPlan;
  if (!Array.isArray(stored.changes)) return value;
  const columns = Array.isArray(stored.createColumns) ? stored.createColumns.map(String) : [];
  const policies =
    stored.createPolicies && typeof stored.createPolicies === 'object' ? stored.createPolicies : {};
  const changes = stored.changes.map((whole): PlanChange => {
    const c = longReason(whole as PlanChange & { r?: unknown });
    const s = c as unknown as StoredCreate;
    return s && s.action === 'create' && Array.isArray(s.values) && !('fields' in s)
      ? expandCreate(s, columns, policies)
      : (c as PlanChange);
  });
  const { createColumns: _c, createPolicies: _p, ...rest } = stored;
  return { ...rest, changes } as Plan;
}
