import type { CompileContext, EvalResult, Value } from '../../../src/shared/expression';
import { compileExpression } from '../../../src/shared/expression';

export const VALUE_MAPS: CompileContext['valueMaps'] = {
  afdelingen: {
    entries: { ICT: 'Informatievoorziening', ' fin ': 'Financiën', HR: 'P&O' },
    default: 'Overig',
  },
  geslacht: { entries: { M: 'male', V: 'female', X: 'other' } },
  leeg: { entries: {}, default: null },
};

/** A record as a source yields it: CSV text or multi-valued directory attributes. */
export type Row = Record<string, string | string[] | null>;

export function compileOk(text: string, ctx: CompileContext = { valueMaps: VALUE_MAPS }) {
  const r = compileExpression(text, ctx);
  if (!r.ok) throw new Error(`expected ${text} to compile: ${r.error.message}`);
  return r.expr;
}

export function evaluate(text: string, row: Row = {}, today = '2026-11-23'): EvalResult {
  const values = new Map(Object.entries(row));
  return compileOk(text).evaluate({ get: (name) => values.get(name), today });
}

/** The value, or throws with the error message (so a table row shows what went wrong). */
export function value(text: string, row: Row = {}, today?: string): Value {
  const r = evaluate(text, row, today);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function compileError(text: string, ctx: CompileContext = { valueMaps: VALUE_MAPS }) {
  const r = compileExpression(text, ctx);
  if (r.ok) throw new Error(`expected ${text} not to compile`);
  return r.error;
}
