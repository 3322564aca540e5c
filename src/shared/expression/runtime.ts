import type { CallNode, ExprNode, LiteralValue } from './ast';
import type { Value } from './value';

/** What an expression reads while it runs. `get` returning undefined means "no such attribute" (→ null). */
export interface EvalEnv {
  get(attribute: string): string | string[] | null | undefined;
  /**
   * The record in compact form (a CSV row): its cells and the column table shared by every row. When set, an
   * attribute is read by its column index, which is looked up once per table instead of once per row.
   */
  cells?: readonly (string | string[] | null)[] | undefined;
  columns?: ReadonlyMap<string, number> | undefined;
  /** yyyy-MM-dd; `Today()` returns it. */
  today: string;
}

export type EvalErrorCode = 'invalid-date' | 'invalid-phone' | 'expression-error';

/**
 * A data failure as catalogue data (src/shared/i18n: `eval.*`), so the issue it becomes reads in the consultant's
 * language; `message` keeps the English text.
 */
export interface EvalDetail {
  readonly id: `eval.${string}`;
  readonly [name: string]: string | number;
}

export type EvalResult =
  | { ok: true; value: Value }
  | { ok: false; error: { code: EvalErrorCode; message: string; detail?: EvalDetail } };

/**
 * An evaluation's error as `compile` makes it: `code` and `message` are its own properties, `detail` (the catalogue
 * data: the failing function's, its name as `fn`, and where in the expression as `line` and `position`) is read
 * through the class, so that comparing, copying or printing the error shows the two alone. A file may fail so on
 * every row: the detail is kept in its parts and put together only when read (a property defined as not enumerable
 * on each error, and two object spreads, made a failing row cost several times a clean one), and `detailParams`
 * flattens it into an issue's parameters once per error (a failure the memo remembers comes back as the same
 * error on many rows).
 */
export class EvaluationError {
  readonly code: EvalErrorCode;
  readonly message: string;
  readonly #detail: EvalDetail | undefined;
  readonly #fn: string | undefined;
  readonly #where: { line: number; position: number } | undefined;
  #merged: EvalDetail | undefined;
  #params: Readonly<Record<`detail:${string}`, string | number>> | undefined;

  constructor(
    code: EvalErrorCode,
    message: string,
    detail: EvalDetail | undefined,
    fn?: string,
    where?: { line: number; position: number },
  ) {
    this.code = code;
    this.message = message;
    this.#detail = detail;
    this.#fn = fn;
    this.#where = where;
  }

  /** The function's detail, then `fn`, `line` and `position` (none of them without the function's). */
  get detail(): EvalDetail | undefined {
    const detail = this.#detail;
    if (detail === undefined || (this.#fn === undefined && this.#where === undefined)) return detail;
    return (this.#merged ??= {
      ...detail,
      ...(this.#fn !== undefined ? { fn: this.#fn } : {}),
      ...this.#where,
    });
  }

  /** `detail` as issue parameters (`detail:<name>` for each name, `nameOf` making those), made once. */
  detailParams(
    nameOf: (name: string) => `detail:${string}`,
  ): Readonly<Record<`detail:${string}`, string | number>> {
    if (this.#params !== undefined) return this.#params;
    const flat: Record<`detail:${string}`, string | number> = {};
    const detail = this.#detail;
    if (detail !== undefined) {
      for (const k of Object.keys(detail)) flat[nameOf(k)] = detail[k]!;
      if (this.#fn !== undefined) flat[nameOf('fn')] = this.#fn;
      if (this.#where !== undefined) {
        flat[nameOf('line')] = this.#where.line;
        flat[nameOf('position')] = this.#where.position;
      }
    }
    return (this.#params = flat);
  }
}

/** A failed evaluation as `CompiledExpression.compute` returns it: `error` is what `evaluate` returns. */
export class EvalFailed {
  constructor(readonly error: { code: EvalErrorCode; message: string; detail?: EvalDetail }) {}
}

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

/**
 * Thrown while evaluating a row; `evaluate` turns it into an `EvalResult` error. Deliberately not an `Error`: bad
 * data in a row is expected, not exceptional, and an Error captures a stack trace when it is made — which made a
 * file with a failing expression on every row several times slower to validate than a clean one.
 */
export class EvalFailure {
  readonly name = 'EvalFailure';
  readonly code: EvalErrorCode;
  readonly message: string;
  /** 0-based offset of the call in the expression text, when known: the message then says where. */
  readonly offset: number | undefined;
  /** The function's catalogue data, without its name: that is `fn` (the error's detail puts them together). */
  readonly detail: EvalDetail | undefined;
  readonly fn: string | undefined;
  constructor(code: EvalErrorCode, message: string, offset?: number, detail?: EvalDetail, fn?: string) {
    this.code = code;
    this.message = message;
    this.offset = offset;
    this.detail = detail;
    this.fn = fn;
  }
}

/** Helper for function implementations: a failure that names the function and where it was called. */
export function failAt(
  call: CallNode,
  code: EvalErrorCode,
  reason: string,
  detail?: { id: `eval.${string}`; [name: string]: string | number },
): EvalFailure {
  return new EvalFailure(code, `${call.name}: ${reason}`, call.start, detail, call.name);
}

/**
 * Where an offset lies in the expression text, as the catalogue words it: `line` is 0 for an expression on one
 * line, else the 1-based line; `position` counts characters from the start of the expression (or of that line).
 */
export function expressionPosition(text: string, offset: number): { line: number; position: number } {
  if (!text.includes('\n')) return { line: 0, position: offset + 1 };
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, position: offset - before.lastIndexOf('\n') };
}

/**
 * Where in the expression text an offset lies, in words that do not send anyone to spreadsheet column A:
 * "in the expression at position 12", or "at line 2, position 5" for an expression written over several lines.
 */
export function positionInExpression(text: string, offset: number): string {
  const { line, position } = expressionPosition(text, offset);
  return line === 0
    ? `in the expression at position ${position}`
    : `in the expression at line ${line}, position ${position}`;
}
