import type { BinaryNode, CallNode, ExprNode } from './ast';
import { referencedAttributes } from './ast';
import type { ExpressionError } from './errors';
import { ExpressionSyntaxError } from './errors';
import { arity, functionDef } from './functions';
import { parseOrThrow } from './parse';
import type { CompileArg, CompileContext, EvalEnv, EvalResult, Evaluator } from './runtime';
import {
  EvaluationError,
  EvalFailed,
  EvalFailure,
  expressionPosition,
  positionInExpression,
} from './runtime';
import { compareValues, matchKey, valuesEqual, valueToBoolean, valueToText, type Value } from './value';

export interface CompiledExpression {
  ast: ExprNode;
  text: string;
  /** Attribute names the expression reads, in order of first appearance, without duplicates. */
  references: string[];
  /** Runs the expression for one record. Never throws for bad data: failures come back as `ok: false`. */
  evaluate(env: EvalEnv): EvalResult;
  /**
   * `evaluate` for bulk runs: the value itself, or an `EvalFailed` (test with `instanceof`) holding what
   * `evaluate` would return as its error — no result object per call.
   */
  compute(env: EvalEnv): Value | EvalFailed;
  /**
   * False when a result may depend on earlier rows of the run as well as on the referenced values (a
   * `ParseDate(…, "auto")` reads a number as a serial only while no date written as text was seen).
   */
  pure: boolean;
  /** True when a call in it costs more than a trim or a case change: worth remembering per input value. */
  costly: boolean;
  /**
   * True when no input can make it fail (only references, literals and calls that never fail, such as `Trim`,
   * `Join`, `ValueMap`): a run that keeps no users need not evaluate it unless something reads its value.
   */
  neverFails?: boolean;
}

export type CompileResult = { ok: true; expr: CompiledExpression } | { ok: false; error: ExpressionError };

/**
 * Parses and checks an expression once (unknown functions, arity, ValueMap tables, literal regexes and formats)
 * and turns it into a tree of closures, so that evaluating a row does not walk the syntax tree again.
 */
export function compileExpression(text: string, ctx: CompileContext): CompileResult {
  try {
    const ast = parseOrThrow(text);
    return { ok: true, expr: compiled(ast, text, compileNode(ast, ctx)) };
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return { ok: false, error: e.toExpressionError() };
    throw e;
  }
}

function compiled(ast: ExprNode, text: string, root: Evaluator): CompiledExpression {
  const { pure, costly } = traits(ast);
  const neverFails = cannotFail(ast);
  // Where each failing call sits in the text, worked out once per call (a failing column fails on many rows).
  const positions = new Map<number, { where: { line: number; position: number }; words: string }>();
  const positionOf = (offset: number) => {
    let known = positions.get(offset);
    if (known === undefined) {
      known = { where: expressionPosition(text, offset), words: positionInExpression(text, offset) };
      positions.set(offset, known);
    }
    return known;
  };
  const failed = (e: unknown): EvalFailed => {
    if (e instanceof EvalFailure) {
      const at = e.offset === undefined ? undefined : positionOf(e.offset);
      const where = at?.where;
      const message = at ? `${e.message} (${at.words})` : e.message;
      // The catalogue data rides along for the engine's issues without changing the error's shape for anyone
      // comparing or printing it (see EvaluationError).
      return new EvalFailed(new EvaluationError(e.code, message, e.detail, e.fn, where));
    }
    if (e instanceof RangeError) {
      // e.g. a string grown past the engine's maximum length by `&`
      return new EvalFailed(new EvaluationError('expression-error', e.message, { id: 'eval.tooLarge' }));
    }
    throw e;
  };
  return {
    ast,
    text,
    references: referencedAttributes(ast),
    pure,
    costly,
    neverFails,
    evaluate(env) {
      try {
        return { ok: true, value: root(env) };
      } catch (e) {
        return { ok: false, error: failed(e).error };
      }
    },
    compute(env) {
      try {
        return root(env);
      } catch (e) {
        return failed(e);
      }
    },
  };
}

/** Calls that cost no more than reading the value: not worth remembering results for. */
const CHEAP_CALLS: ReadonlySet<string> = new Set([
  'Trim',
  'Lower',
  'Upper',
  'ToLower',
  'ToUpper',
  'Coalesce',
  'Join',
  'IsEmpty',
  'IsNullOrEmpty',
  'IsPresent',
  'ToText',
  'Left',
  'Mid',
  'IIF',
  'Append',
]);

/**
 * Functions that return a value for every input, whatever its type: no failure of their own, and no JavaScript
 * error on any value (text, list, number, date, null). Comparisons, `&` (a string can grow past the engine's
 * limit) and every other function are taken to be able to fail.
 */
const NEVER_FAILING_CALLS: ReadonlySet<string> = new Set([
  'Trim',
  'Lower',
  'Upper',
  'Coalesce',
  'Join',
  'ValueMap',
  'DisplayName',
]);

function cannotFail(node: ExprNode): boolean {
  switch (node.kind) {
    case 'ref':
    case 'literal':
      return true;
    case 'not':
      return cannotFail(node.operand);
    case 'binary':
      return (node.op === 'and' || node.op === 'or') && cannotFail(node.left) && cannotFail(node.right);
    case 'call': {
      const def = functionDef(node.name);
      return def !== undefined && NEVER_FAILING_CALLS.has(def.name) && node.args.every(cannotFail);
    }
  }
}

function traits(node: ExprNode): { pure: boolean; costly: boolean } {
  switch (node.kind) {
    case 'ref':
    case 'literal':
      return { pure: true, costly: false };
    case 'not':
      return traits(node.operand);
    case 'binary': {
      const l = traits(node.left);
      const r = traits(node.right);
      // Comparisons normalise both sides (and may read dates); `and`, `or`, `&` only combine.
      const op = node.op !== 'and' && node.op !== 'or' && node.op !== '&';
      return { pure: l.pure && r.pure, costly: op || l.costly || r.costly };
    }
    case 'call': {
      const def = functionDef(node.name);
      let pure = def?.dependsOnEarlierRows?.(node) !== true;
      let costly = def === undefined || !CHEAP_CALLS.has(def.name);
      for (const arg of node.args) {
        const t = traits(arg);
        pure &&= t.pure;
        costly ||= t.costly;
      }
      return { pure, costly };
    }
  }
}

function compileNode(node: ExprNode, ctx: CompileContext): Evaluator {
  switch (node.kind) {
    case 'ref': {
      const name = node.name;
      // Only text and lists get through: a record backed by a plain object would hand `[constructor]` or
      // `[__proto__]` Object's internals, which must read as "no value".
      let columns: ReadonlyMap<string, number> | undefined;
      let at: number | undefined;
      return (env) => {
        let v;
        const cells = env.cells;
        if (cells !== undefined && env.columns !== undefined) {
          if (env.columns !== columns) {
            columns = env.columns;
            at = columns.get(name);
          }
          v = at === undefined ? undefined : cells[at];
        } else v = env.get(name);
        return typeof v === 'string' || Array.isArray(v) ? v : null;
      };
    }
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'not': {
      const operand = compileNode(node.operand, ctx);
      return (env) => !valueToBoolean(operand(env));
    }
    case 'binary':
      return compileBinary(node, ctx);
    case 'call':
      return compileCall(node, ctx);
  }
}

function compileBinary(node: BinaryNode, ctx: CompileContext): Evaluator {
  const l = compileNode(node.left, ctx);
  const r = compileNode(node.right, ctx);
  switch (node.op) {
    case 'and':
      return (env) => valueToBoolean(l(env)) && valueToBoolean(r(env));
    case 'or':
      return (env) => valueToBoolean(l(env)) || valueToBoolean(r(env));
    case '=': {
      const eq = equalsLiteral(node, l, r);
      return eq ?? ((env) => valuesEqual(l(env), r(env)));
    }
    case '<>': {
      const eq = equalsLiteral(node, l, r);
      return eq ? (env) => !eq(env) : (env) => !valuesEqual(l(env), r(env));
    }
    case '<':
      return ordered(l, r, (c) => c < 0);
    case '<=':
      return ordered(l, r, (c) => c <= 0);
    case '>':
      return ordered(l, r, (c) => c > 0);
    case '>=':
      return ordered(l, r, (c) => c >= 0);
    case '&':
      // Concatenation treats null as empty text; the result is null only when both sides are.
      return (env) => {
        const a = valueToText(l(env));
        const b = valueToText(r(env));
        return a === null ? b : b === null ? a : a + b;
      };
  }
}

/**
 * `[Status] = "Actief"`: the literal's match key is computed once, so a row costs one trim and lower-case of the
 * attribute value. Same result as `valuesEqual`.
 */
function equalsLiteral(node: BinaryNode, l: Evaluator, r: Evaluator): Evaluator | undefined {
  const lit =
    node.right.kind === 'literal' ? node.right : node.left.kind === 'literal' ? node.left : undefined;
  if (lit === undefined || typeof lit.value !== 'string') return undefined;
  const text = lit.value;
  const key = matchKey(text);
  const other = lit === node.right ? l : r;
  return (env) => {
    const v = other(env);
    if (typeof v === 'string') return v === text || matchKey(v) === key;
    return valuesEqual(v, text);
  };
}

function ordered(l: Evaluator, r: Evaluator, test: (c: number) => boolean): Evaluator {
  return (env) => {
    const c = compareValues(l(env), r(env));
    return c !== null && test(c);
  };
}

function compileCall(node: CallNode, ctx: CompileContext): Evaluator {
  const def = functionDef(node.name);
  if (def === undefined)
    throw new ExpressionSyntaxError(`unknown function ${node.name}`, node.start, 'unknownFunction', {
      name: node.name,
    });
  const { min, max, group } = arity(def);
  const n = node.args.length;
  const fixedCount = def.params.filter((p) => !p.variadic).length;
  if (n < min || n > max || (group > 1 && n > fixedCount && (n - fixedCount) % group !== 0)) {
    const expected =
      max === Infinity
        ? group > 1
          ? `${fixedCount} arguments and then pairs`
          : `at least ${min} argument${min === 1 ? '' : 's'}`
        : min === max
          ? `${min} argument${min === 1 ? '' : 's'}`
          : `${min} to ${max} arguments`;
    const kind = max === Infinity ? (group > 1 ? 'pairs' : 'atLeast') : min === max ? 'exactly' : 'range';
    throw new ExpressionSyntaxError(`${def.name} expects ${expected}, got ${n}`, node.start, 'arity', {
      fn: def.name,
      kind,
      min,
      max: max === Infinity ? min : max,
      fixed: fixedCount,
      got: n,
    });
  }
  const args: CompileArg[] = node.args.map((arg) => ({
    node: arg,
    evaluate: compileNode(arg, ctx),
    ...(arg.kind === 'literal' ? { literal: { value: arg.value } } : {}),
  }));
  def.params.forEach((p, i) => {
    const arg = args[i];
    if (p.literalOnly && !p.variadic && arg !== undefined && arg.literal === undefined)
      throw new ExpressionSyntaxError(
        `${def.name} needs the ${p.name} as a literal in quotes`,
        arg.node.start,
        'literalParam',
        { fn: def.name, param: p.name },
      );
  });
  return def.compile(args, ctx, node);
}
