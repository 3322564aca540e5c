import { arity } from '../expression/functions';
import type { FunctionSpec, ParamSpec, ValueType } from '../expression/spec';

/** Looks a function up by name (case-insensitive); the graph never guesses a signature it does not know. */
export type SpecLookup = (name: string) => FunctionSpec | undefined;

interface VariadicShape {
  /** Index of the first repeating parameter. */
  first: number;
  /** How many parameters repeat together (Switch repeats key/value pairs). */
  group: number;
  optional: boolean;
}

function variadicShape(spec: FunctionSpec): VariadicShape | undefined {
  const first = spec.params.findIndex((p) => p.variadic);
  if (first < 0) return undefined;
  let group = 0;
  while (spec.params[first + group]?.variadic) group++;
  return { first, group, optional: spec.params[first]?.optional === true };
}

/** The parameter an argument slot binds to, or undefined when the function takes no such argument. */
export function paramForSlot(spec: FunctionSpec, slot: number): ParamSpec | undefined {
  const v = variadicShape(spec);
  if (!v || slot < v.first) return spec.params[slot];
  return spec.params[v.first + ((slot - v.first) % v.group)];
}

/** Most arguments a call may take; Infinity for variadic functions (the language's own arity rule). */
export function maxArgs(spec: FunctionSpec): number {
  return arity(spec).max;
}

/** Fewest arguments a call needs. */
export function minArgs(spec: FunctionSpec): number {
  return arity(spec).min;
}

/**
 * Argument slots a transform node draws for a call with `argCount` arguments: every declared parameter, and for
 * variadic functions one spare repetition so that another input can always be connected.
 */
export function slotCount(spec: FunctionSpec | undefined, argCount: number): number {
  if (!spec) return argCount;
  const v = variadicShape(spec);
  if (!v) return Math.max(spec.params.length, argCount);
  const reps = Math.max(0, Math.ceil((argCount - v.first) / v.group));
  return v.first + (reps + 1) * v.group;
}

export type { FunctionSpec, ParamSpec, ValueType };
