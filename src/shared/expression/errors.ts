/**
 * Codes of the problems the lexer, parser and compiler find in an expression's text; each has a text
 * `expr.<code>` in the catalogues (src/shared/i18n), filled from `params`.
 */
export const EXPRESSION_ERROR_CODES = [
  'tooLong',
  'empty',
  'unexpected',
  'unexpectedChar',
  'tooDeep',
  'tooNested',
  'unknownName',
  'expected',
  'unterminatedAttribute',
  'emptyAttribute',
  'unterminatedString',
  'digitAfterDot',
  'numberRange',
  'unknownFunction',
  'arity',
  'literalParam',
  // Raised by a single function's compile check on a literal argument (src/shared/expression/functions):
  'regexTooLong',
  'regexTooLarge',
  'regexLookaround',
  'regexBackref',
  'regexEscape',
  'regexInvalid',
  'dateFormatRepeats',
  'dateFormatIncomplete',
  'dateFormatEmpty',
  'phoneRegion',
  'culture',
  'diacriticsMode',
  'unknownValueMap',
] as const;
export type ExpressionErrorCode = (typeof EXPRESSION_ERROR_CODES)[number];

export type ExpressionErrorParams = Readonly<Record<string, string | number>>;

/** A problem in the expression text: what, and where (1-based column, 0-based offset into the text). */
export interface ExpressionError {
  /** English, ends with `at column N`, e.g. `unknown function Jion at column 5` (logs and older callers). */
  message: string;
  column: number;
  offset: number;
  /** The catalogue code (`expr.<code>`) and its parameters, so that a screen can word it in its language. */
  code?: ExpressionErrorCode;
  params?: ExpressionErrorParams;
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
  readonly code: ExpressionErrorCode | undefined;
  readonly params: ExpressionErrorParams | undefined;
  constructor(reason: string, offset: number, code?: ExpressionErrorCode, params?: ExpressionErrorParams) {
    super(`${reason} at column ${offset + 1}`);
    this.reason = reason;
    this.offset = offset;
    this.code = code;
    this.params = params;
  }
  toExpressionError(): ExpressionError {
    const coded = this.code ? { code: this.code, params: this.params ?? {} } : {};
    return { message: this.message, column: this.offset + 1, offset: this.offset, ...coded };
  }
}

export function expressionError(reason: string, offset: number): ExpressionError {
  return { message: `${reason} at column ${offset + 1}`, column: offset + 1, offset };
}
