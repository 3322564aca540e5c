import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectDocument } from '../../shared/api/contract';
import { parseOrigin } from '../../shared/api/validators';
import type { ServiceContext } from './context';

type Kind = 'directory' | 'target' | 'token';
type Endpoints = Partial<Record<Kind, string>>;

/** The hosts a project talks to, as the consultant recognises them (TLS mode included for a directory). */
export function endpointsOf(mapping: ProjectDocument['mapping']): Endpoints {
  const out: Endpoints = {};
  const source = mapping.source as { kind?: string; url?: unknown; startTls?: unknown } | undefined;
  if (source?.kind === 'ldap' && typeof source.url === 'string') {
    const o = parseOrigin(source.url);
    const tls = o?.scheme === 'ldaps' ? '' : source.startTls === false ? ' (plain LDAP)' : ' (StartTLS)';
    out.directory = `${o?.origin ?? source.url}${tls}`;
  }
  const target = mapping.target as { kind?: string; baseUrl?: unknown; tokenUrl?: unknown } | undefined;
  if (target?.kind === 'scim' && typeof target.baseUrl === 'string')
    out.target = parseOrigin(target.baseUrl)?.origin ?? target.baseUrl;
  if (target?.kind === 'scim' && typeof target.tokenUrl === 'string')
    out.token = parseOrigin(target.tokenUrl)?.origin ?? target.tokenUrl;
  return out;
}

/**
 * Compares the hosts of a just-opened project with those it had the last time it was opened here, and adds
 * every difference to the document (`endpointChanges`) so the app can say so before any request. The record
 * (project path → hosts, no secrets) lives in the data folder, owner-only.
 */
export async function withEndpointChanges(
  ctx: ServiceContext,
  doc: ProjectDocument,
): Promise<ProjectDocument> {
  if (!doc.path) return doc;
  const file = join(ctx.options.dataDir, 'known-endpoints.json');
  let known: Record<string, Endpoints> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      known = parsed as Record<string, Endpoints>;
  } catch {
    known = {};
  }
  const now = endpointsOf(doc.mapping);
  const before = Object.hasOwn(known, doc.path) ? known[doc.path] : undefined;
  const changes: NonNullable<ProjectDocument['endpointChanges']> = [];
  if (before)
    for (const kind of ['directory', 'target', 'token'] as const) {
      const from = before[kind];
      const to = now[kind];
      if (from !== undefined && to !== undefined && from !== to) changes.push({ kind, from, to });
    }
  known[doc.path] = now;
  await mkdir(ctx.options.dataDir, { recursive: true, mode: 0o700 })
    .then(() => writeFile(file, JSON.stringify(known), { mode: 0o600 }))
    .catch(() => {});
  return changes.length > 0 ? { ...doc, endpointChanges: changes } : doc;
}
