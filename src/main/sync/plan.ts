import type { MappingResult } from '../../shared/engine/run';
import type { MappingFile } from '../../shared/mapping/schema';
import { computePlan } from '../../shared/plan/compute';
import { issueMessage } from '../../shared/plan/messages';
import type { Plan, PlanTargetGroup } from '../../shared/plan/types';
import type { ScimUser } from '../../shared/scim/resource';
import type { ScimClient } from '../scim/client';
import type { PreviousState } from '../../shared/engine/types';
import { runPipeline, type PipelineResult } from '../pipeline';
import type { ApiSecrets } from '../sources/index';
import type { ResolvedTarget, StartingTarget } from './target';

/**
 * An account as the plan needs it: every attribute, but of `meta` only the version (the If-Match of a write) and
 * no `schemas`. At 100,000 accounts the timestamps, locations and schema lists were some 40 MB the plan never
 * reads. Built property by property: made by spreading, every account got a hidden class of its own in V8
 * (another 30 MB at 100,000 accounts).
 */
export function forPlan(user: ScimUser): ScimUser {
  const out: Record<string, unknown> = {};
  const from = user as Record<string, unknown>;
  for (const k of Object.keys(from)) if (k !== 'meta' && k !== 'schemas') out[k] = from[k];
  out.schemas = NO_SCHEMAS;
  if (user.meta?.version) out.meta = { version: user.meta.version };
  return out as ScimUser;
}

const NO_SCHEMAS = Object.freeze([]) as unknown as string[];

/** Everything the plan needs from Plek: all users (as `forPlan` keeps them) and groups, paged. */
export async function readTargetState(
  client: ScimClient,
  signal?: AbortSignal,
): Promise<{ users: ScimUser[]; groups: PlanTargetGroup[] }> {
  const users = await client.listUsers({ keep: forPlan, ...(signal ? { signal } : {}) });
  const groups = await client.listGroups(signal ? { signal } : {});
  return { users, groups };
}

export interface BuildPlanOptions {
  client: ScimClient;
  mapping: MappingFile;
  result: MappingResult;
  sourceRows: number;
  previousSourceRows?: number;
  today: string;
  allowMassDeactivation?: boolean;
  /** What the plan records as target (default the client's base URL; `sandbox:<dir>` for the sandbox). */
  targetLabel?: string;
  /** Link existing accounts by email/userName; default: when no Plek account carries an externalId yet. */
  initialImport?: boolean;
  /** Plek's state when it is already being read (`planFromMapping` reads it while the source is mapped). */
  targetState?: Promise<{ users: ScimUser[]; groups: PlanTargetGroup[] }>;
  /** Creates as rows of one table (CompactCreate), as the CLI holds a plan; the workbench keeps plain objects. */
  compact?: boolean;
  signal?: AbortSignal;
}

/** Reads Plek's current state and computes the plan for a mapping run. Writes nothing. */
export async function buildPlan(o: BuildPlanOptions): Promise<Plan> {
  const target = await (o.targetState ?? readTargetState(o.client, o.signal));
  const users = [];
  const skipped = [];
  const errors = [];
  for (const out of o.result.outcomes) {
    if (out.status === 'mapped') users.push(out.user);
    else if (out.status === 'skipped')
      skipped.push({
        row: out.row,
        ...(out.key ? { key: out.key } : {}),
        reason: out.reason,
        ...(out.reasonMessage ? { reasonMessage: out.reasonMessage } : {}),
      });
    else {
      const blocking = out.issues.filter((i) => i.severity === 'error');
      errors.push({
        row: out.row,
        ...(out.key ? { key: out.key } : {}),
        message: blocking.map((i) => i.message).join('; ') || 'row has errors',
        issues: blocking.map(issueMessage),
      });
    }
  }
  // What the client learned about the target (a failing /ServiceProviderConfig, recovered paging) goes
  // into the plan, so the consultant sees it before applying.
  const { warnings, warningMessages } = await o.client.discovery();
  const plan = computePlan({
    users,
    skipped,
    errors,
    targetUsers: target.users,
    targetGroups: target.groups,
    mapping: { fields: o.mapping.fields, linking: o.mapping.linking, safety: o.mapping.safety },
    target: { url: o.targetLabel ?? o.client.baseUrl },
    sourceRows: o.sourceRows,
    ...(o.previousSourceRows !== undefined ? { previousSourceRows: o.previousSourceRows } : {}),
    initialImport:
      o.initialImport ?? !target.users.some((u) => typeof u.externalId === 'string' && u.externalId !== ''),
    ...(o.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
    today: o.today,
    ...(o.compact ? { compact: true } : {}),
  });
  return warnings.length ? { ...plan, target: { ...plan.target, warnings, warningMessages } } : plan;
}

export interface PlanFromMappingOptions {
  mappingPath: string;
  sourcePath?: string;
  previousPath?: string;
  /** The daily run's saved state (used when there is no `previousPath`). */
  previous?: PreviousState;
  /** Keep the identity state of this source (for the daily run to save after success). */
  keepState?: boolean;
  /** yyyy-MM-dd; default: today in the mapping's time zone. */
  today?: string;
  /** The target, or one still starting (an embedded sandbox: its thread starts while the source is read). */
  target: ResolvedTarget | StartingTarget;
  allowMassDeactivation?: boolean;
  initialImport?: boolean;
  ldapPassword?: string;
  apiSecrets?: ApiSecrets;
  signal?: AbortSignal;
}

/**
 * Mapping file + source (+ previous run) + the target's current state → the plan (`plek-sync plan` and `run`),
 * its creates compact from the start (see `compactCreates`).
 */
export async function planFromMapping(
  o: PlanFromMappingOptions,
): Promise<{ plan: Plan; mapping: MappingFile; pipeline: PipelineResult }> {
  // Plek is read while the source is read and mapped: the scheduled job starts using the target's allowance at
  // once (its start-up counts against it), and the two waits overlap. A failure surfaces after the pipeline's own.
  // An embedded sandbox may still be starting (StartingTarget): its thread starts beside the reading too; if it
  // cannot start, reading stops and that is the error.
  const ready = 'ready' in o.target ? o.target.ready : Promise.resolve(o.target);
  // Stops the reading of both (the consultant's interrupt, a target that cannot start, a source that fails): a
  // read of Plek left going would keep retrying after the target is closed.
  const reading = new AbortController();
  const targetState = ready.then((t) => readTargetState(t.client, reading.signal));
  targetState.catch(() => {});
  const stopReading = () => reading.abort();
  o.signal?.addEventListener('abort', stopReading, { once: true });
  if (o.signal?.aborted) reading.abort();
  const failedStart = ready.then(
    () => new Promise<never>(() => {}),
    (e: unknown) => {
      reading.abort();
      throw e;
    },
  );
  const mapped = runPipeline({
    mappingPath: o.mappingPath,
    ...(o.today ? { today: o.today } : {}),
    collect: true,
    ...(o.keepState ? { keepState: true } : {}),
    ...(o.sourcePath ? { sourcePath: o.sourcePath } : {}),
    ...(o.previousPath ? { previousPath: o.previousPath } : o.previous ? { previous: o.previous } : {}),
    ...(o.ldapPassword ? { ldapPassword: o.ldapPassword } : {}),
    ...(o.apiSecrets ? { apiSecrets: o.apiSecrets } : {}),
    signal: reading.signal,
  });
  mapped.catch(() => {});
  let pipeline: PipelineResult;
  try {
    pipeline = await Promise.race([mapped, failedStart]);
  } catch (e) {
    reading.abort();
    o.signal?.removeEventListener('abort', stopReading);
    throw e;
  }
  // The consultant's interrupt still stops the read of Plek while the plan waits for it.
  void targetState.finally(() => o.signal?.removeEventListener('abort', stopReading)).catch(() => {});
  const target = await ready;
  const previous = pipeline.previous;
  const plan = await buildPlan({
    client: target.client,
    targetLabel: target.label,
    mapping: pipeline.mapping,
    result: pipeline.result,
    sourceRows: pipeline.source.rows,
    ...(previous ? { previousSourceRows: previous.rows } : {}),
    today: pipeline.today,
    ...(o.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
    ...(o.initialImport !== undefined ? { initialImport: o.initialImport } : {}),
    targetState,
    compact: true,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  return { plan, mapping: pipeline.mapping, pipeline };
}
