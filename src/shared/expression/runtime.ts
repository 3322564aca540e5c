import type { CallNode, ExprNode, LiteralValue } from './ast';
import type { Value } from './value';

/** What an expression reads while it runs. `get` returning undefined means "no such attribute" (→ null). */
export interface EvalEnv {
  get(attribute: string): string | string[] | null | undefined;
  /** yyyy-MM-dd; `Today()` returns it. */
  today: string;
}

export type EvalErrorCode = 'invalid-date' | 'invalid-phone' | 'expression-error';

export type EvalResult =
  { ok: true; value: Value } | { ok: false; error: { code: EvalErrorCode; message: string } };

/** A compiled node: a closure over its compiled children. */
export type Evaluator = (env: EvalEnv) => Value;

/** A ValueMap table as the mapping file holds it. */
export interface ValueMapTable {
  entries: Record<string, string>;
  default?: string | null;
}

export interface CompileContext {
  valueMaps: Record<string, ValueMapTable>;
}

/** One argument of a call, as a function's compile step sees it. */
export interface CompileArg {
  node: ExprNode;
  evaluate: Evaluator;
  /** Set when the argument is written as a literal: lets a function check and prepare it once. */
  literal?: { value: LiteralValue };
}

/** Thrown while evaluating a row; `evaluate` turns it into an `EvalResult` error. */
export class EvalFailure extends Error {
  readonly code: EvalErrorCode;
  /** 0-based offset of the call in the expression text, when known: the message then says where. */
  readonly offset: number | undefined;
  constructor(code: EvalErrorCode, message: string, offset?: number) {
    super(message);
    this.code = code;
    this.offset = offset;
  }
}

/** Helper for function implementations: a failure that names the function and where it was called. */
export function failAt(call: CallNode, code: EvalErrorCode, reason: string): EvalFailure {
  return new EvalFailure(code, `${call.name}: ${reason}`, call.start);
}

/**
 * Where in the expression text an offset lies, in words that do not send anyone to spreadsheet column A:
 * "in the expression at position 12", or "at line 2, position 5" for an expression written over several lines.
 */
export function positionInExpression(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  if (!text.includes('\n')) return `in the expression at position ${offset + 1}`;
  return `in the expression at line ${line}, position ${offset - before.lastIndexOf('\n')}`;
}
