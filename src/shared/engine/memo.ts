import type { CompiledExpression, EvalEnv, EvalFailed, Value } from '../expression';

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

  const memo = new Map<string, Value | EvalFailed>();
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
      nullResult = undefined;
    }
    lookups = 0;
    hits = 0;
    judgeAt = WINDOW;
  };

  return (env) => {
    const cells = env.cells;
    if (!on || cells === undefined || env.columns === undefined) return expr.compute(env);
    if (env.columns !== columns) {
      columns = env.columns;
      for (let i = 0; i < n; i++) at[i] = columns.get(refs[i]!) ?? -1;
    }
    // The key is the referenced values as the expression reads them (a missing column reads as null): one value
    // as itself (null has a slot of its own); more than one each with its length first, so that no two inputs
    // share a key.
    let key: string | null;
    if (n === 1) {
      const v = at[0]! < 0 ? null : cells[at[0]!];
      if (typeof v === 'string') key = v;
      else if (v === null || v === undefined) key = null;
      else return expr.compute(env);
    } else {
      key = '';
      for (let i = 0; i < n; i++) {
        const v = at[i]! < 0 ? null : cells[at[i]!];
        if (typeof v === 'string') key += `${v.length}=${v}`;
        else if (v === null || v === undefined) key += '-';
        else return expr.compute(env);
      }
    }
    lookups++;
    let result = key === null ? nullResult : memo.get(key);
    if (result !== undefined) hits++;
    else {
      result = expr.compute(env);
      if (key === null) nullResult = result;
      else if (memo.size < MAX_ENTRIES) memo.set(key, result);
    }
    if (lookups === judgeAt) judge();
    return result;
  };
}
