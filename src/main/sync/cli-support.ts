import { readFile } from 'node:fs/promises';
import type { Plan } from '../../shared/plan/types';
import { expandPlan } from '../../shared/plan/serialize';
import { PLAN_ACTIONS } from '../../shared/plan/types';
import { loadMappingFile } from '../pipeline';
import { UserError } from '../user-error';
import { resolveTarget, type ResolvedTarget } from './target';

const SCIM_ERRORS = new Set(['ScimRequestError', 'ScimAuthError', 'ScimConflictError', 'TransportError']);

/** Runs a CLI action; target failures become one-line messages (exit 1) instead of stack traces. */
export async function withTargetErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error && SCIM_ERRORS.has(e.name)) throw new UserError(`Plek target: ${e.message}`, 1);
    throw e;
  }
}

/** Reads a plan written by `plek-sync plan --out`; refuses anything else. */
export async function readPlanFile(path: string): Promise<Plan> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new UserError(`cannot read the plan ${path}: expected the JSON written by plek-sync plan --out`);
  }
  const p = (
    value && typeof value === 'object' && Array.isArray((value as Plan).changes)
      ? expandPlan(value as Plan)
      : value
  ) as Partial<Plan> | null;
  if (
    !p ||
    p.version !== 1 ||
    typeof p.target?.url !== 'string' ||
    !Array.isArray(p.changes) ||
    typeof p.safety?.ok !== 'boolean' ||
    !p.changes.every((c) => typeof c?.op === 'string' && PLAN_ACTIONS.includes(c.action))
  ) {
    throw new UserError(`${path} is not a plan written by plek-sync plan --out (version 1)`);
  }
  return p as Plan;
}

/** Creates an AbortController that Ctrl+C (SIGINT) and SIGTERM abort; `dispose` removes the handlers. */
export function interruptible(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: ac.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The target of a CLI run: --target, else the mapping's `target` (never its secret: that comes from the environment). */
export async function targetFromOptions(opts: {
  mapping: string;
  target?: string;
  clientId?: string;
  tokenUrl?: string;
}): Promise<ResolvedTarget> {
  const { mapping } = await loadMappingFile(opts.mapping);
  return resolveTarget({
    ...(opts.target ? { target: opts.target } : {}),
    ...(mapping.target ? { mappingTarget: mapping.target } : {}),
    ...(opts.clientId ? { clientId: opts.clientId } : {}),
    ...(opts.tokenUrl ? { tokenUrl: opts.tokenUrl } : {}),
  });
}
