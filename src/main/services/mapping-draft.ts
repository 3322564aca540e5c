import { compileMapping, type CompiledMapping } from '../../shared/engine/compile';
import type { Issue } from '../../shared/issues';
import { parseMapping, type MappingProblem } from '../../shared/mapping/load';
import type { MappingFile, MappingFileInput } from '../../shared/mapping/schema';

export type CheckedDraft =
  { ok: true; mapping: MappingFile; compiled: CompiledMapping } | { ok: false; problems: MappingProblem[] };

/** A mapping as the renderer sends it (possibly half-made): parsed and compiled, or its problems. */
export function checkDraft(mapping: MappingFileInput): CheckedDraft {
  const parsed = parseMapping(mapping);
  if (!parsed.ok) return parsed;
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  return { ok: true, mapping: parsed.mapping, compiled: compiled.compiled };
}

export function countIssues(issues: readonly Issue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of issues) counts[i.code] = (counts[i.code] ?? 0) + 1;
  return counts;
}
