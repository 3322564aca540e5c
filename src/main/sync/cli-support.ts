import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Plan } from '../../shared/plan/types';
import { expandPlan, serializePlanParts } from '../../shared/plan/serialize';
import { writeError } from '../cli/output';
import { PLAN_ACTIONS } from '../../shared/plan/types';
import { loadMappingFile } from '../pipeline';
import { said } from '../../shared/i18n/message';
import { failureMessage, ScimRequestError } from '../scim/errors';
import { TransportError } from '../scim/transport';
import { networkReason } from '../system-errors';
import { UserError } from '../user-error';
import { startTarget, type ResolvedTarget, type StartingTarget } from './target';

const SCIM_ERRORS = new Set(['ScimRequestError', 'ScimAuthError', 'ScimConflictError', 'TransportError']);

/** Runs a CLI action; target failures become one-line messages (exit 1) instead of stack traces. */
export async function withTargetErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error && SCIM_ERRORS.has(e.name)) {
      // No answer at all (refused, unknown host, timeout, certificate): the reason in words, the code beside it.
      const code = unansweredCode(e);
      const reason = code ? networkReason({ code }) : null;
      throw new UserError(
        reason
          ? said('cli.error.targetUnreachable', { reason: [reason] })
          : said('cli.error.target', { reason: [failureMessage(e)] }),
        1,
        { technical: reason ? code : undefined },
      );
    }
    throw e;
  }
}

/** The network code of a SCIM call that got no answer (`GET /Users: ECONNREFUSED`), else ''. */
function unansweredCode(e: Error): string {
  if (e instanceof TransportError) return e.code;
  if (e instanceof ScimRequestError && e.status === null)
    return /\b([A-Z][A-Z0-9_]{3,})\s*$/.exec(e.detail ?? e.message)?.[1] ?? '';
  return '';
}

/** A plan file named `….gz` is written gzip-compressed (a 100,000-row import mails as a few MB). */
export function isGzipName(path: string): boolean {
  return /\.gz$/i.test(path);
}

/** Joins small parts into pieces of about 64 KB for the stream. */
function* pieces(parts: Iterable<string>): Generator<string> {
  let piece: string[] = [];
  let size = 0;
  for (const part of parts) {
    piece.push(part);
    size += part.length;
    if (size < 65_536) continue;
    yield piece.join('');
    piece = [];
    size = 0;
  }
  if (piece.length) yield piece.join('');
}

/**
 * Writes the plan file for `plek-sync apply` (`serializePlan`'s compact form) without building it as one
 * string; gzip-compressed when the name ends in `.gz`. A failure is a UserError naming the path.
 */
export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  const text = Readable.from(pieces(serializePlanParts(plan)), { objectMode: false });
  try {
    if (isGzipName(path)) await pipeline(text, createGzip(), createWriteStream(path));
    else await pipeline(text, createWriteStream(path));
  } catch (error) {
    throw writeError(path, error);
  }
}

const gunzipAsync = promisify(gunzip);

/** Reads a plan written by `plek-sync plan --out`, plain or gzip-compressed (whatever its name); refuses anything else. */
export async function readPlanFile(path: string): Promise<Plan> {
  let value: unknown;
  try {
    let bytes = await readFile(path);
    // The gzip magic number: a compressed plan is read whatever its name says.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzipAsync(bytes);
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new UserError(said('cli.error.planUnreadable', { file: path }));
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
    throw new UserError(said('cli.error.planInvalid', { file: path }));
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
export async function targetFromOptions(opts: TargetOptions): Promise<ResolvedTarget> {
  return (await startingTargetFromOptions(opts)).ready;
}

interface TargetOptions {
  mapping: string;
  target?: string;
  clientId?: string;
  tokenUrl?: string;
}

/** `targetFromOptions` without waiting for an embedded sandbox's thread to start (see `startTarget`). */
export async function startingTargetFromOptions(opts: TargetOptions): Promise<StartingTarget> {
  const { mapping } = await loadMappingFile(opts.mapping);
  return startTarget({
    ...(opts.target ? { target: opts.target } : {}),
    ...(mapping.target ? { mappingTarget: mapping.target } : {}),
    ...(opts.clientId ? { clientId: opts.clientId } : {}),
    ...(opts.tokenUrl ? { tokenUrl: opts.tokenUrl } : {}),
    sandboxThread: true,
  });
}
