// A mapping file's contents validated and compiled, for tests that start from a compiled mapping: the problems
// of a mapping that does not validate or compile are thrown, so that a test never runs on half a mapping.
import { compileMapping, type CompiledMapping } from '../../src/shared/engine/compile';
import { parseMapping } from '../../src/shared/mapping/load';
import type { MappingFileInput } from '../../src/shared/mapping/schema';

export function compileOrThrow(input: object): CompiledMapping {
  const parsed = parseMapping(input as MappingFileInput);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.compiled;
}
