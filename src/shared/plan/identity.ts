import type { Plan, PlanChange } from './types';
import { CompactCreate } from './compact';

/**
 * What a plan's id is a hash of (see `planId`): the plan's whole content as a text in which every value says
 * where it ends, so that two plans give the same text only when they are equal. Much cheaper to make than the
 * plan file (`serializePlanParts`), which an id was the hash of before: no JSON for the values of a change, nothing
 * left out or shortened, what repeats from change to change (its keys, a field's path and policy) numbered once.
 *
 * Values (`value`): a string as `s<length>:<text>`, a number as `n<number>;`, `t` / `f` for true / false, `z` for
 * null, `u` for undefined, a list of coded messages without parameters (`[{ code }]`, most reasons) as `a<count>;`
 * and each code as a string, and anything else as `j<length>:<JSON>`. Records, in the order of the plan:
 *
 * - `T<value>` a top-level entry other than `changes`: its JSON `[key, value]` as a string;
 * - `S<value>` a change's keys met for the first time (the JSON of the list of keys in their order, as a
 *   string): shapes are numbered 0, 1, 2… in the order they are met; `K<value>` a field's path and policy met
 *   for the first time (`j…` of `[path, policy]`, 0 for none), numbered likewise;
 * - `C<shape>;` a change, then its values in the order of its keys. A list of fields as `F`, each field as
 *   `<column>` and the value (`m<length>:<key>` for a manager created in the same run) for a field `{ path,
 *   before: null, after, op: "add", policy?, managerKey? }` (every field of a new account), or `x` and the field
 *   as `s…` of its JSON for any other; then `;`.
 *
 * A create held as a table row (`CompactCreate`) gives the same text as the same create with its fields as
 * objects, so the id does not depend on how the plan is held in memory.
 */
export function* planIdentityParts(plan: Plan): Generator<string> {
  let text = '';
  const columns = new Map<string, Map<unknown, string>>();
  /** Per policy list of a table: its paths' column numbers as far as used (most creates share the table's list). */
  const tableColumns = new WeakMap<readonly unknown[], string[]>();
  /** A path and policy's number (text); one met for the first time is defined first (a K record). */
  const columnNumber = (path: string, policy: unknown): string => {
    let byPolicy = columns.get(path);
    if (byPolicy === undefined) columns.set(path, (byPolicy = new Map()));
    let n = byPolicy.get(policy);
    if (n === undefined) {
      n = String(columnCount++);
      byPolicy.set(policy, n);
      text += `K${value([path, policy])}`;
    }
    return n;
  };
  let columnCount = 0;
  const shapes = new Shapes();
  for (const [k, v] of Object.entries(plan)) {
    if (k === 'changes' || v === undefined) continue;
    text += `T${value(JSON.stringify([k, v]))}`;
  }
  for (const c of plan.changes) {
    const from = c as unknown as Record<string, unknown>;
    const row = c instanceof CompactCreate ? c.tableRow() : undefined;
    const keys = row ? row.keys : Object.keys(from);
    let shape = shapes.known(keys);
    if (shape === undefined) {
      shape = shapes.add(keys);
      text += `S${value(JSON.stringify(keys))}`;
    }
    text += `C${shape};`;
    for (const k of keys) {
      if (k !== 'fields') text += value(from[k]);
      else if (row) {
        let numbers = tableColumns.get(row.policies);
        if (numbers === undefined) tableColumns.set(row.policies, (numbers = []));
        text += 'F';
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i];
          if (cell === undefined) continue;
          // Numbered when first used, as a plain create's fields number them (a K record comes before).
          const n = (numbers[i] ??= columnNumber(row.columns[i]!, row.policies[i] ?? 0));
          text +=
            cell !== null && typeof cell === 'object'
              ? `${n}m${cell.managerKey.length}:${cell.managerKey}`
              : `${n}${value(cell)}`;
        }
        text += ';';
      } else if (Array.isArray(from.fields)) {
        text += 'F';
        for (const f of from.fields as unknown[]) {
          if (!isPlainAdd(f)) {
            text += `x${value(JSON.stringify(f))}`;
            continue;
          }
          const n = columnNumber(f.path, f.policy ?? 0);
          text +=
            f.managerKey !== undefined
              ? `${n}m${f.managerKey.length}:${f.managerKey}`
              : `${n}${value(f.after)}`;
        }
        text += ';';
      } else text += value(from.fields);
    }
    // Handed out in pieces of some 16K characters: the hash flattens each piece first, and a longer one with a
    // letter above U+00FF (two bytes a character) takes memory of its own from the system each time (in a
    // 100,000-row import, 100 MB of fresh pages and a third of the id's time).
    if (text.length < 16_384) continue;
    yield text;
    text = '';
  }
  yield text;
}

/**
 * The lists of keys met so far, numbered in that order. A plan's changes have a handful of shapes: they are
 * compared key by key (the same key strings, so mostly by reference) instead of being made into text each time.
 */
class Shapes {
  private readonly list: (readonly string[])[] = [];
  private readonly byText = new Map<string, number>();

  known(keys: readonly string[]): number | undefined {
    const list = this.list;
    for (let n = 0; n < list.length; n++) if (sameKeys(list[n]!, keys)) return n;
    return list.length < 64 ? undefined : this.byText.get(JSON.stringify(keys));
  }

  /** Numbers a list of keys `known` did not know. */
  add(keys: readonly string[]): number {
    const n = this.list.length + this.byText.size;
    if (this.list.length < 64) this.list.push(keys);
    else this.byText.set(JSON.stringify(keys), n);
    return n;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A value that says where it ends (see `planIdentityParts`). */
function value(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `s${v.length}:${v}`;
    case 'number':
      return `n${v};`;
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'u';
    default: {
      if (v === null) return 'z';
      const codes = Array.isArray(v) ? codeList(v) : undefined;
      if (codes !== undefined) return codes;
      const json = JSON.stringify(v) ?? '';
      return `j${json.length}:${json}`;
    }
  }
}

/**
 * A list of coded messages without parameters (`[{ code }]`, the reasons of most changes) as `a<count>;` and each
 * code as a string; undefined for any other list.
 */
function codeList(list: readonly unknown[]): string | undefined {
  let out = `a${list.length};`;
  for (const m of list) {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) return undefined;
    let code: unknown;
    let n = 0;
    for (const k in m) {
      if (k !== 'code' || n++) return undefined;
      code = (m as { code: unknown }).code;
    }
    if (typeof code !== 'string') return undefined;
    out += `s${code.length}:${code}`;
  }
  return out;
}

const ADD_KEYS = ['path', 'before', 'after', 'op'];
/** A field's keys as a new account's field has them, in order (with or without `policy`, `managerKey`). */
const ADD_FIELD_KEYS = [
  ADD_KEYS,
  [...ADD_KEYS, 'managerKey'],
  [...ADD_KEYS, 'policy'],
  [...ADD_KEYS, 'policy', 'managerKey'],
];

/**
 * A field as a compact create holds it: from empty, an `add`, a value that is a string or a boolean (or null with
 * a manager created in the same run), a string policy if any, keys in the usual order: what `compactChanges` puts
 * in a row.
 */
function isPlainAdd(f: unknown): f is NonNullable<PlanChange['fields']>[number] {
  if (f === null || typeof f !== 'object') return false;
  const o = f as Record<string, unknown>;
  if (typeof o.path !== 'string' || o.before !== null || o.op !== 'add') return false;
  const manager = o.managerKey !== undefined;
  if (manager ? typeof o.managerKey !== 'string' || o.after !== null : !isValue(o.after)) return false;
  if (o.policy !== undefined && typeof o.policy !== 'string') return false;
  const want = ADD_FIELD_KEYS[(o.policy !== undefined ? 2 : 0) + (manager ? 1 : 0)]!;
  let i = 0;
  for (const k in o) if (want[i++] !== k) return false;
  return i === want.length;
}

/** A value a compact create's cell holds (what `compactChanges` puts in one). */
function isValue(v: unknown): boolean {
  return v !== null && v !== undefined && typeof v !== 'object';
}
