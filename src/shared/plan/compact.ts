import type { NullPolicy } from '../mapping/schema';
import type { FlatValue } from '../scim/resource';
import type { FieldChange, Plan, PlanChange } from './types';

/**
 * Creates held in memory as the plan file stores them: a row of values in the order of a table of attribute
 * paths shared by the whole plan, instead of one `{ path, before, after, op, policy }` object per field. A
 * 100,000-row initial import held a million such objects (some 70 MB) through the whole run; a create's `fields`
 * are now made when they are read, and are the same as before (`toJSON` gives the plan's JSON unchanged).
 *
 * Only `run`, `plan` and `apply` of the CLI compact a plan (`compactCreates`); the workbench keeps plain objects
 * (they cross to the renderer by structured clone, which would leave out `fields`).
 */
interface CreateTable {
  /** Attribute paths, in the order a create lists its fields (path order). */
  columns: readonly string[];
  /** Per column: the null policy most creates have. */
  policies: readonly (NullPolicy | undefined)[];
}

type Cell = FlatValue | { managerKey: string } | undefined;

const TABLE = Symbol('table');
const CELLS = Symbol('cells');
const POLICIES = Symbol('policies');
const AT = Symbol('fieldsAt');

/**
 * A `create` whose fields are a row of the plan's table (see above). Reads like any PlanChange: its other
 * properties are its own, in their order; `fields` is made when read. Its own bookkeeping sits under symbols, so
 * `Object.keys` and `for…in` see the change's keys only.
 */
export class CompactCreate implements PlanChange {
  declare op: string;
  declare action: 'create';
  declare reason: string;
  declare key?: string;
  private readonly [TABLE]: CreateTable;
  /** Per column: the value (`undefined`: the create does not set that path). */
  private readonly [CELLS]: readonly Cell[];
  /** Per column: the policy, when this create's differ from the table's. */
  private readonly [POLICIES]: readonly (NullPolicy | undefined)[] | undefined;
  /** Where `fields` stood among the keys (the JSON keeps the order). */
  private readonly [AT]: number;

  /** `change`'s keys but `fields`, in their order, and where `fields` stood; its fields are `cells` of `table`. */
  constructor(
    change: PlanChange,
    table: CreateTable,
    cells: readonly Cell[],
    policies: readonly (NullPolicy | undefined)[] | undefined,
  ) {
    const from = change as unknown as Record<string, unknown>;
    const self = this as unknown as Record<string, unknown>;
    let at = -1;
    let k = 0;
    for (const key in from) {
      if (key === 'fields') at = k;
      else {
        self[key] = from[key];
        k++;
      }
    }
    this[TABLE] = table;
    this[CELLS] = cells;
    this[POLICIES] = policies;
    this[AT] = at;
  }

  get fields(): FieldChange[] {
    const out: FieldChange[] = [];
    const table = this[TABLE];
    const cells = this[CELLS];
    const policies = this[POLICIES] ?? table.policies;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      const path = table.columns[i]!;
      const policy = policies[i];
      if (cell !== null && typeof cell === 'object') {
        const f: FieldChange = { path, before: null, after: null, op: 'add' };
        if (policy !== undefined) f.policy = policy;
        f.managerKey = cell.managerKey;
        out.push(f);
      } else {
        const f: FieldChange = { path, before: null, after: cell, op: 'add' };
        if (policy !== undefined) f.policy = policy;
        out.push(f);
      }
    }
    return out;
  }

  /** Calls `each` with each field's path, value and manager key, in order, without making the fields. */
  eachField(each: (path: string, after: FlatValue, managerKey: string | undefined) => void): void {
    const columns = this[TABLE].columns;
    const cells = this[CELLS];
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      if (cell !== null && typeof cell === 'object') each(columns[i]!, null, cell.managerKey);
      else each(columns[i]!, cell, undefined);
    }
  }

  /** Calls `each` with each field's path and policy, in order (what `fields` would hold), without making them. */
  eachPath(each: (path: string, policy: NullPolicy | undefined) => void): void {
    const columns = this[TABLE].columns;
    const cells = this[CELLS];
    const policies = this[POLICIES] ?? this[TABLE].policies;
    for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined) each(columns[i]!, policies[i]);
  }

  /** The manager created in the same run (its key), when this create has one. */
  managerKey(): string | undefined {
    const cells = this[CELLS];
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== null && typeof cell === 'object') return cell.managerKey;
    }
    return undefined;
  }

  /**
   * The create as its table row: the paths, a value per path (`undefined`: not set) and a policy per path, and
   * its keys in their order with `fields` in its place (for the plan file, without making the fields).
   */
  tableRow(): {
    columns: readonly string[];
    cells: readonly Cell[];
    policies: readonly (NullPolicy | undefined)[];
    keys: string[];
  } {
    const keys = Object.keys(this);
    keys.splice(Math.min(this[AT], keys.length), 0, 'fields');
    return {
      columns: this[TABLE].columns,
      cells: this[CELLS],
      policies: this[POLICIES] ?? this[TABLE].policies,
      keys,
    };
  }

  /** The change as a plain object, keys in their original order (what JSON.stringify writes). */
  toJSON(): PlanChange {
    const out: Record<string, unknown> = {};
    const self = this as unknown as Record<string, unknown>;
    let i = 0;
    for (const k of Object.keys(this)) {
      if (i++ === this[AT]) out.fields = this.fields;
      out[k] = self[k];
    }
    if (i <= this[AT]) out.fields = this.fields;
    return out as unknown as PlanChange;
  }
}

/**
 * Calls `each` with a change's fields (path, value, manager key) in order: a compact create reads its row
 * instead of making its fields (apply and the report read every create's fields).
 */
export function eachField(
  c: PlanChange,
  each: (path: string, after: FlatValue, managerKey: string | undefined) => void,
): void {
  if (c instanceof CompactCreate) c.eachField(each);
  else for (const f of c.fields ?? []) each(f.path, f.after, f.managerKey);
}

/** The key of the first field's manager created in the same run (`managerKey`), if any. */
export function fieldManagerKey(c: PlanChange): string | undefined {
  if (c instanceof CompactCreate) return c.managerKey();
  return c.fields?.find((f) => f.managerKey !== undefined)?.managerKey;
}

/** The plan's own JSON shape for a change (a compact create as a plain object). */
export function plainChange(c: PlanChange): PlanChange {
  return c instanceof CompactCreate ? c.toJSON() : c;
}

const KEYS = ['path', 'before', 'after', 'op'];
/** A field's keys, in order: with or without `policy`, with `managerKey` for a manager created in this run. */
const FIELD_KEYS = [KEYS, [...KEYS, 'managerKey'], [...KEYS, 'policy'], [...KEYS, 'policy', 'managerKey']];

function plainKeys(f: FieldChange, manager: boolean): boolean {
  const want = FIELD_KEYS[(f.policy !== undefined ? 2 : 0) + (manager ? 1 : 0)]!;
  let i = 0;
  for (const k in f) if (want[i++] !== k) return false;
  return i === want.length;
}

/**
 * A new account's fields as parallel lists in path order (what `computePlan` makes for a create when the plan is
 * to be compact): the same as its fields `{ path, before: null, after, op: "add", policy }` (`{ managerKey }` as
 * the value of a manager created in the same run, with `after` null; no `policy` where it is undefined).
 */
export interface CreateRow {
  paths: string[];
  values: (FlatValue | { managerKey: string })[];
  policies: (NullPolicy | undefined)[];
}

/** A row's fields as objects (what the create holds when it does not fit the table). */
export function rowFields(row: CreateRow): FieldChange[] {
  return row.paths.map((path, i) => {
    const value = row.values[i] ?? null;
    const policy = row.policies[i];
    const f: FieldChange = {
      path,
      before: null,
      after: value !== null && typeof value === 'object' ? null : value,
      op: 'add',
    };
    if (policy !== undefined) f.policy = policy;
    if (value !== null && typeof value === 'object') f.managerKey = value.managerKey;
    return f;
  });
}

/**
 * The plan with its creates compact (in place: the same plan object, each create replaced). A create that does
 * not fit the table (a field with a `before`, another op, a value that is not a plain value, fields out of path
 * order) keeps its fields as they are.
 */
export function compactCreates(plan: Plan): Plan {
  compactChanges(plan.changes);
  return plan;
}

/**
 * `compactCreates` on a list of changes. `rowOf` gives the fields of a create made as a row, by the change and its
 * index in `changes` (`computePlan`'s
 * compact creates: their `fields` stand in the keys' order, empty): the same table and creates as when the
 * fields were objects; a row that does not fit the table becomes its fields.
 */
export function compactChanges(
  changes: PlanChange[],
  rowOf: (c: PlanChange, n: number) => CreateRow | undefined = () => undefined,
): void {
  const paths = new Set<string>();
  for (let n = 0; n < changes.length; n++) {
    const c = changes[n]!;
    if (c.action === 'create' && !(c instanceof CompactCreate)) {
      const row = rowOf(c, n);
      if (row) for (const p of row.paths) paths.add(p);
      else for (const f of c.fields ?? []) paths.add(f.path);
    }
  }
  if (paths.size === 0) return;
  const columns = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const column = new Map(columns.map((p, i) => [p, i]));
  const policies: (NullPolicy | undefined)[] = columns.map(() => undefined);
  const seen = columns.map(() => false);
  const table: CreateTable = { columns, policies };
  for (let n = 0; n < changes.length; n++) {
    const c = changes[n]!;
    if (c.action !== 'create' || !c.fields || c instanceof CompactCreate) continue;
    const row = rowOf(c, n);
    if (row) {
      // A row (paths in order, values from empty): its cells straight from it.
      const cells = compactRow(row, column, columns.length, policies, seen);
      if (cells === null) c.fields = rowFields(row);
      else changes[n] = new CompactCreate(c, table, cells.cells, cells.own);
      continue;
    }
    const cells: Cell[] = columns.map(() => undefined);
    const own: (NullPolicy | undefined)[] = columns.map(() => undefined);
    let fits = true;
    let last = -1;
    /** One field (as `fields` would hold it); false when the create does not fit. */
    const put = (
      path: string,
      before: FlatValue,
      after: FlatValue,
      op: FieldChange['op'],
      policy: NullPolicy | undefined,
      managerKey: string | undefined,
      keys: boolean,
    ): boolean => {
      const i = column.get(path)!;
      if (i <= last || before !== null || op !== 'add') return false;
      if (managerKey !== undefined) {
        if (after !== null || !keys) return false;
        cells[i] = { managerKey };
      } else if (after === null || typeof after === 'object' || !keys) return false;
      else cells[i] = after;
      last = i;
      own[i] = policy;
      if (!seen[i]) {
        seen[i] = true;
        policies[i] = policy;
      }
      return true;
    };
    for (const f of c.fields) {
      fits = put(
        f.path,
        f.before,
        f.after,
        f.op,
        f.policy,
        f.managerKey,
        plainKeys(f, f.managerKey !== undefined),
      );
      if (!fits) break;
    }
    if (!fits) continue;
    const differs = own.some((p, i) => cells[i] !== undefined && p !== policies[i]);
    changes[n] = new CompactCreate(c, table, cells, differs ? own : undefined);
  }
}

/**
 * A row's cells in the table's columns (what `put` makes of its fields, one by one): null when it does not fit
 * (a path out of order or twice, a value that is not a plain value). A column's policy is the one of the first
 * create that sets it (`policies`, `seen`, as far as this row fits); `own` holds this row's policies when one
 * differs.
 */
function compactRow(
  row: CreateRow,
  column: ReadonlyMap<string, number>,
  width: number,
  policies: (NullPolicy | undefined)[],
  seen: boolean[],
): { cells: Cell[]; own: (NullPolicy | undefined)[] | undefined } | null {
  const cells: Cell[] = new Array<Cell>(width).fill(undefined);
  let differs = false;
  let last = -1;
  for (let j = 0; j < row.paths.length; j++) {
    const i = column.get(row.paths[j]!)!;
    const value = row.values[j] ?? null;
    if (i <= last) return null;
    if (value !== null && typeof value === 'object') cells[i] = { managerKey: value.managerKey };
    else if (value === null) return null;
    else cells[i] = value;
    last = i;
    const policy = row.policies[j];
    if (!seen[i]) {
      seen[i] = true;
      policies[i] = policy;
    } else if (policy !== policies[i]) differs = true;
  }
  if (!differs) return { cells, own: undefined };
  const own: (NullPolicy | undefined)[] = new Array<NullPolicy | undefined>(width).fill(undefined);
  for (let j = 0; j < row.paths.length; j++) own[column.get(row.paths[j]!)!] = row.policies[j];
  return { cells, own };
}
