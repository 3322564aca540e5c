import type { FunctionSpec } from '../spec';
import { DATE_FUNCTIONS } from './dates';
import type { FunctionDef } from './define';
import { ENTRA_FUNCTIONS } from './entra';
import { LIST_FUNCTIONS } from './lists';
import { LOGIC_FUNCTIONS } from './logic';
import { NAME_FUNCTIONS } from './names';
import { PHONE_FUNCTIONS } from './phone';
import { TEXT_FUNCTIONS } from './text';

const ALL: readonly FunctionDef[] = [
  ...TEXT_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...NAME_FUNCTIONS,
  ...PHONE_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...ENTRA_FUNCTIONS,
];

// Null-prototype maps: a call to `constructor` or `__proto__` finds nothing, not Object's internals.
// The public specs are plain data (no compile step), so they survive structured cloning over IPC.
const byName: Record<string, FunctionSpec> = Object.create(null);
const specByLowerName: Record<string, FunctionSpec> = Object.create(null);
const byLowerName: Record<string, FunctionDef> = Object.create(null);
for (const def of ALL) {
  const { name, params, returns, description, example } = def;
  const spec: FunctionSpec = Object.freeze({ name, params, returns, description, example });
  byName[name] = spec;
  specByLowerName[name.toLowerCase()] = spec;
  byLowerName[name.toLowerCase()] = def;
}

/** Every function of the language by canonical name (null prototype, frozen). */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = Object.freeze(byName);

/** Canonical names in the order the docs list them. */
export const FUNCTION_NAMES: readonly string[] = ALL.map((f) => f.name);

/** Internal: the definition with its compile step, found case-insensitively. */
export function functionDef(name: string): FunctionDef | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(byLowerName, key) ? byLowerName[key] : undefined;
}

/** The spec of a function, matched case-insensitively (`join` finds Join); undefined when unknown. */
export function functionSpec(name: string): FunctionSpec | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(specByLowerName, key) ? specByLowerName[key] : undefined;
}

/** `join` → `Join`; undefined for unknown names. */
export function canonicalFunctionName(name: string): string | undefined {
  return functionDef(name)?.name;
}

/** Smallest and largest argument count a call may have (`max` is Infinity for variadic functions). */
export function arity(spec: FunctionSpec): { min: number; max: number; group: number } {
  let min = 0;
  let group = 0;
  let groupOptional = false;
  for (const p of spec.params) {
    if (p.variadic) {
      group++;
      groupOptional ||= p.optional === true;
    } else if (!p.optional) min++;
  }
  const fixed = spec.params.filter((p) => !p.variadic).length;
  if (group > 0) return { min: min + (groupOptional ? 0 : group), max: Infinity, group };
  return { min, max: fixed, group: 0 };
}
