import type { CallNode } from '../ast';
import { ExpressionSyntaxError, type ExpressionErrorCode, type ExpressionErrorParams } from '../errors';
import type { CompileArg, CompileContext, Evaluator } from '../runtime';
import type { FunctionSpec } from '../spec';
import type { Value } from '../value';
import { valueToText } from '../value';

/** A function of the language: its public spec plus how a call to it is compiled into a closure. */
export interface FunctionDef extends FunctionSpec {
  /** Arity is already checked; may throw `ExpressionSyntaxError` for a bad literal argument. */
  compile(args: CompileArg[], ctx: CompileContext, call: CallNode): Evaluator;
  /** True when this call's result may depend on the rows evaluated before (run state), not only its arguments. */
  dependsOnEarlierRows?(call: CallNode): boolean;
}

export type Impl = (...values: Value[]) => Value;

/**
 * Compiles a call whose arguments are all evaluated before the function runs. Fixed small arities get their own
 * closure so that a row does not allocate an argument array.
 */
export function eager(impl: (call: CallNode) => Impl): FunctionDef['compile'] {
  return (args, _ctx, call) => {
    const f = impl(call);
    const e = args.map((a) => a.evaluate);
    switch (e.length) {
      case 0:
        return () => f();
      case 1: {
        const [a] = e as [Evaluator];
        return (env) => f(a(env));
      }
      case 2: {
        const [a, b] = e as [Evaluator, Evaluator];
        return (env) => f(a(env), b(env));
      }
      case 3: {
        const [a, b, c] = e as [Evaluator, Evaluator, Evaluator];
        return (env) => f(a(env), b(env), c(env));
      }
      default:
        return (env) => f(...e.map((x) => x(env)));
    }
  };
}

/** Applies a text function to a value: null stays null, lists are mapped item by item (multi-valued attributes). */
export function mapText(v: Value, f: (text: string) => Value): Value {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((item) => mapText(item, f));
  const t = valueToText(v);
  return t === null ? null : f(t);
}

/**
 * The literal text of an argument that must be a literal string, or a compile error at that argument
 * (`expr.literalParam`, which names the parameter as the function's spec does: `format`, `region`…).
 */
export function literalText(fn: string, arg: CompileArg | undefined, param: string): string {
  // Arity is checked before a function compiles: a missing argument here is a programming error.
  if (arg === undefined) throw new Error(`${fn}: missing the ${param}`);
  if (arg.literal === undefined || typeof arg.literal.value !== 'string')
    throw new ExpressionSyntaxError(
      `${fn} needs the ${param} as a literal in quotes`,
      arg.node.start,
      'literalParam',
      {
        fn,
        param,
      },
    );
  return arg.literal.value;
}

/**
 * A compile error at an argument: the English `reason` for logs, and the catalogue code (`expr.<code>`) with its
 * parameters for the screens.
 */
export function compileError(
  reason: string,
  arg: CompileArg,
  code: ExpressionErrorCode,
  params: ExpressionErrorParams = {},
): ExpressionSyntaxError {
  return new ExpressionSyntaxError(reason, arg.node.start, code, params);
}

/** Whole number from a value (numbers, numeric text); undefined when it is not one. */
export function toInteger(v: Value): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.trunc(v);
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Compiles a one-argument text function; `f` is created once, not per row. */
export function textFunction(f: (text: string) => Value): FunctionDef['compile'] {
  return (args) => {
    const a = args[0]!.evaluate;
    return (env) => mapText(a(env), f);
  };
}
