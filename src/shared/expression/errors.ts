/** A problem in the expression text: what, and where (1-based column, 0-based offset into the text). */
export interface ExpressionError {
  /** Ends with `at column N`, e.g. `unknown function Jion at column 5`. */
  message: string;
  column: number;
  offset: number;
}

/** Longest expression text accepted; a mapping rule is a line or two, not a program. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Deepest nesting of parentheses, calls and `not` — checked while parsing, so never a stack overflow. */
export const MAX_NESTING_DEPTH = 64;
/** Deepest syntax tree, counting every operator of a chain such as `[a] & [b] & [c]`. */
export const MAX_TREE_DEPTH = 256;

/** Thrown inside the parser and compiler only; the public functions return it as an `ExpressionError`. */
export class ExpressionSyntaxError extends Error {
  readonly offset: number;
  readonly reason: string;
  constructor(reason: string, offset: number) {
    super(`${reason} at column ${offset + 1}`);
    this.reason = reason;
    this.offset = offset;
  }
  toExpressionError(): ExpressionError {
    return { message: this.message, column: this.offset + 1, offset: this.offset };
  }
}

export function expressionError(reason: string, offset: number): ExpressionError {
  return { message: `${reason} at column ${offset + 1}`, column: offset + 1, offset };
}
