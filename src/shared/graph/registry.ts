import { FUNCTION_NAMES, FUNCTIONS, functionSpec } from '../expression';
import type { FunctionSpec } from '../expression/spec';
import type { SpecLookup } from './signatures';

/** The expression language's function registry, as the graph reads it (case-insensitive lookup). */
export const specOf: SpecLookup = (name) => functionSpec(name);

/** Every function in the docs' order, for the canvas palette and the round-trip tests. */
export function allFunctionSpecs(): FunctionSpec[] {
  return FUNCTION_NAMES.map((n) => FUNCTIONS[n]).filter((s): s is FunctionSpec => s !== undefined);
}
