/** The mapping expression language: parse, print, compile and evaluate. See docs/expressions.md. */
export * from './ast';
export * from './spec';
export type { ExpressionError } from './errors';
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, MAX_TREE_DEPTH } from './errors';
export type { ParseResult } from './parse';
export { parseExpression } from './parse';
export { printExpression, printLiteral } from './print';
export type { CompiledExpression, CompileResult } from './compile';
export { compileExpression } from './compile';
export type { CompileContext, EvalEnv, EvalErrorCode, EvalResult, ValueMapTable } from './runtime';
export { EvalFailed } from './runtime';
export type { PlainDate, Value } from './value';
export {
  compareValues,
  isBlank,
  isPlainDate,
  matchKey,
  plainDate,
  valuesEqual,
  valueToBoolean,
  valueToText,
} from './value';
export { arity, canonicalFunctionName, FUNCTION_NAMES, FUNCTIONS, functionSpec } from './functions';
export { splitFamilyName } from './functions/names';
export { isIsoDate } from './date';
export { MAX_PATTERN_LENGTH, MAX_REGEX_INPUT_LENGTH } from './regex';
