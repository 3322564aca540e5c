import type { CompiledExpression, EvalEnv, EvalFailed, Value } from '../expression';
import type { SourceValue } from '../source/types';

/** Lookups before the memo judges whether the values repeat enough to be worth it. */
const WARMUP = 2048;
/** Below this share of hits (in the warm-up and in every later window) the memo is switched off for the run. */
const MIN_HIT_RATE = 0.3;
/** Lookups per later window. */
const WINDOW = 32768;
/** At most this many remembered inputs per expression: a run never holds more, however many rows it reads. */
const MAX_ENTRIES = 4096;
/** Expressions reading more columns than this are evaluated every time (the key would cost too much). */
const MAX_REFERENCES = 4;

/** Evaluates one mapping expression for the current row: its value, or how it failed. */
export type RowEvaluator = (env: EvalEnv) => Value | EvalFailed;

/**
 * The evaluator a run uses for one expression. A costly, pure expression (a department table, a phone number, a
 * display name, a status comparison…) gives the same result for the same referenced values, and in HR exports
 * those values repeat from row to row: the result is remembered per input, for this run only (the memo is made
 * by the run and dies with it, so nothing carries over between runs or mappings). Remembered results are shared
 * between rows, so callers must not change them. The memo switches itself off for expressions whose inputs do
 * not repeat (an email, a personal number), and holds a bounded number of entries. Results are exactly those of
 * `expr.compute`: only how often it runs changes.
 */
export function rowEvaluator(expr: CompiledExpression): RowEvaluator {
  const refs = expr.references;
  const n = refs.length;
  if (!expr.pure || !expr.costly || n === 0 || n > MAX_REFERENCES) return (env) => expr.compute(env);

  // One value: its result by the value (null has a slot of its own). More: a table per referenced column, each
  // value leading to the next column's table, the last one's to the result (no key text made per row).
  const memo = new Map<string, Value | EvalFailed>();
  const tree: Level = new Map();
  let entries = 0;
  let columns: ReadonlyMap<string, number> | undefined;
  const at = new Int32Array(n);
  let nullResult: Value | EvalFailed | undefined;
  let on = true;
  let lookups = 0;
  let hits = 0;
  let judgeAt = WARMUP;

  const judge = () => {
    if (hits < lookups * MIN_HIT_RATE) {
      on = false;
      memo.clear();
      tree.clear();
      nullResult = undefined;
    }
    lookups = 0;
    hits = 0;
    judgeAt = WINDOW;
  };

  /** The referenced values of the row as keys: a string as itself, a missing value as null; undefined: neither. */
  const keyAt = (cells: readonly SourceValue[], i: number): string | null | undefined => {
    const v = at[i]! < 0 ? null : cells[at[i]!];
    return typeof v === 'string' ? v : v === null || v === undefined ? null : undefined;
  };

  return (env) => {
    const cells = env.cells;
    if (!on || cells === undefined || env.columns === undefined) return expr.compute(env);
    if (env.columns !== columns) {
      columns = env.columns;
      for (let i = 0; i < n; i++) at[i] = columns.get(refs[i]!) ?? -1;
    }
    let result: Value | EvalFailed | undefined;
    if (n === 1) {
      const key = keyAt(cells, 0);
      if (key === undefined) return expr.compute(env);
      lookups++;
      result = key === null ? nullResult : memo.get(key);
      if (result !== undefined) hits++;
      else {
        result = expr.compute(env);
        if (key === null) nullResult = result;
        else if (memo.size < MAX_ENTRIES) memo.set(key, result);
      }
    } else {
      // Walks the tables as far as they go; a value not met before ends the walk (a miss).
      let level: Level | undefined = tree;
      let depth = 0;
      for (; depth < n - 1 && level !== undefined; depth++) {
        const key = keyAt(cells, depth);
        if (key === undefined) return expr.compute(env);
        level = level.get(key) as Level | undefined;
      }
      if (level !== undefined) {
        const last = keyAt(cells, n - 1);
        if (last === undefined) return expr.compute(env);
        result = level.get(last) as Value | EvalFailed | undefined;
      } else for (let i = depth; i < n; i++) if (keyAt(cells, i) === undefined) return expr.compute(env);
      lookups++;
      if (result !== undefined) hits++;
      else {
        result = expr.compute(env);
        if (entries < MAX_ENTRIES) {
          entries++;
          let table = tree;
          for (let i = 0; i < n - 1; i++) {
            const key = keyAt(cells, i)!;
            let next = table.get(key) as Level | undefined;
            if (next === undefined) table.set(key, (next = new Map()));
            table = next;
          }
          table.set(keyAt(cells, n - 1)!, result);
        }
      }
    }
    if (lookups === judgeAt) judge();
    return result;
  };
}

/** A table of the memo for more than one referenced column: a value → the next column's table, or the result. */
type Level = Map<string | null, unknown>;
