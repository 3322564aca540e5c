import { dirname } from 'node:path';
import {
  ApiFailure,
  refuse,
  type ApiReadProgress,
  type ConnectionTestResult,
  type Request,
  type SourceSample,
} from '../../shared/api/contract';
import type { ApiProgress } from '../sources/api/context';
import type { ApiSourceError } from '../sources/api/errors';
import { apiProblem, isApiSourceError } from '../sources/api/errors';
import type { Issue } from '../../shared/issues';
import type { SourceRecord } from '../../shared/source/types';
import { describeAttributes, openCsv } from '../sources/csv/read-csv';
import { openSource, type ApiSecrets, type SourceOfMapping } from '../sources/index';
import type { ApiSource } from '../../shared/mapping/schema';
import { apiSecretEndpointUrl, apiSecretName } from '../../shared/source/api-secret';
import { ldapBackend } from './backends';
import type { ServiceContext } from './context';
import { appPathPolicy, checkProjectPath, resolveSourceFile } from './path-access';
import { csvPathOf, readCa } from './project-files';
import type { Task } from './tasks';

/** The endpoint a directory's bind password belongs to: host, port, TLS mode and bind DN. */
export function ldapEndpoint(source: { url: string; startTls?: boolean; bindDn: string }) {
  return { url: source.url, startTls: source.startTls ?? true, bindDn: source.bindDn };
}

export interface WholeSource {
  records: SourceRecord[];
  issues: Issue[];
  headers?: string[];
}

/** Reads every record of a project's source in the main process, reporting progress on the task; cancellable. */
export async function readWholeSource(
  ctx: ServiceContext,
  mapping: SourceOfMapping,
  projectPath: string | null,
  task: Task,
): Promise<WholeSource> {
  const ldapPassword =
    mapping.source.kind === 'ldap'
      ? await ctx.secrets.get('ldap-bind-password', ldapEndpoint(mapping.source))
      : null;
  await checkProjectPath(ctx, projectPath);
  const apiSecrets = isApi(mapping.source) ? await apiSecretsOf(ctx, mapping.source) : undefined;
  const opened = await openSource(mapping, {
    baseDir: projectPath ? dirname(projectPath) : ctx.options.dataDir,
    pathPolicy: appPathPolicy(ctx),
    // Plain LDAP was confirmed by the consultant when the password was handed out (EndpointSecrets.get).
    allowPlainLdap: true,
    ...(ldapPassword ? { ldapPassword } : {}),
    ...(apiSecrets ? { apiSecrets } : {}),
    signal: task.signal,
  });
  const records: SourceRecord[] = [];
  const issues: Issue[] = [...opened.issues];
  for await (const event of opened.events) {
    if (task.signal.aborted)
      throw refuse('cancelled', 'reading the source was cancelled', 'refusal.cancelled', { task: 'reading' });
    if (event.kind === 'issue') issues.push(event.issue);
    else records.push(event.record);
    if (records.length % 5000 === 0 && event.kind === 'record') {
      const f = opened.progress();
      ctx.emit('task:progress', {
        taskId: task.id,
        label: 'read',
        done: records.length,
        total: f ? Math.round(records.length / f) : null,
      });
    }
  }
  return { records, issues, ...(opened.headers ? { headers: opened.headers } : {}) };
}

function isApi(source: { kind: string }): source is ApiSource {
  return source.kind === 'personio' || source.kind === 'afas' || source.kind === 'rest';
}

/**
 * The stored secret of an API source, bound to the endpoint it is sent to (EndpointSecrets: a mapping that points
 * elsewhere is asked to confirm before anything is sent). A REST token URL on another host than the API needs the
 * consultant's confirmation of that host first.
 */
async function apiSecretsOf(ctx: ServiceContext, source: ApiSource): Promise<ApiSecrets> {
  const name = apiSecretName(source);
  if (!name) return {};
  const url = apiSecretEndpointUrl(source);
  let confirmedTokenUrl: string | undefined;
  if (source.kind === 'rest' && source.auth.kind === 'oauth2') {
    await ctx.secrets.checkTokenUrl(source.url, source.auth.tokenUrl);
    confirmedTokenUrl = source.auth.tokenUrl;
  }
  const value = await ctx.secrets.get(name, { url });
  if (!value) return confirmedTokenUrl ? { confirmedTokenUrl } : {};
  return {
    ...(name === 'source-token' ? { token: value } : { secret: value }),
    ...(confirmedTokenUrl ? { confirmedTokenUrl } : {}),
  };
}

/** Records/s and the ETA of an API read; the ETA only when the API says how many records there are. */
export function apiReadProgress(p: ApiProgress, limit: number, now: number): ApiReadProgress {
  const seconds = Math.max(0.001, (now - p.startedAt) / 1000);
  const ratePerSecond = p.records / seconds;
  const target = p.total !== null ? Math.min(p.total, limit) : null;
  return {
    records: p.records,
    pages: p.pages,
    sourceTotal: p.total,
    retries: p.retries,
    ratePerSecond: Math.round(ratePerSecond * 10) / 10,
    etaSeconds:
      target === null
        ? null
        : ratePerSecond > 0
          ? Math.max(0, Math.round((target - p.records) / ratePerSecond))
          : null,
  };
}

/** An API read failure for the renderer: the English text for logs, plus the catalogue message to word it. */
function apiFailure(error: ApiSourceError, source: ApiSource): ApiFailure {
  return new ApiFailure(
    'source-failed',
    `${error.message} ${error.hint}`,
    undefined,
    apiProblem(error, source.kind),
  );
}

/** Where the API source's secret comes from and where an OAuth2 token may go, as the readers take them. */
async function apiReadSecrets(
  ctx: ServiceContext,
  source: ApiSource,
): Promise<{ secret?: string; confirmedTokenOrigin?: string }> {
  const secrets = await apiSecretsOf(ctx, source);
  const secret = source.kind === 'afas' ? secrets.token : secrets.secret;
  return {
    ...(secret ? { secret } : {}),
    ...(secrets.confirmedTokenUrl ? { confirmedTokenOrigin: new URL(secrets.confirmedTokenUrl).origin } : {}),
  };
}

/** A sample of an HR application's API, with progress (records, pages, records/s, ETA when the API gives a total). */
async function readApiSample(
  ctx: ServiceContext,
  source: ApiSource,
  limit: number,
  task: Task,
): Promise<SourceSample> {
  const { sampleApiSource } = await import('../sources/api/index');
  const secrets = await apiReadSecrets(ctx, source);
  try {
    const sample = await sampleApiSource(source, {
      size: limit,
      ...secrets,
      // The task's signal reaches every request in flight: Cancel stops the read, not only the waiting.
      signal: task.signal,
      onProgress: (p) =>
        ctx.emit('task:progress', {
          taskId: task.id,
          label: 'sampling',
          done: p.records,
          total: p.total !== null ? Math.min(p.total, limit) : limit,
          api: apiReadProgress(p, limit, Date.now()),
        }),
    });
    return {
      attributes: sample.attributes,
      records: sample.records,
      issues: [],
      totalRecords: sample.records.length,
    };
  } catch (error) {
    if (task.signal.aborted)
      throw refuse('cancelled', 'reading the source was cancelled', 'refusal.cancelled', { task: 'reading' });
    if (isApiSourceError(error)) throw apiFailure(error, source);
    throw error;
  }
}

/**
 * Test connection for an HR application: signs in and reads the first few records, quickly — one retry, and a
 * rate limit is reported with its time instead of waited out. Never throws for an API failure: the answer says
 * what went wrong as a catalogue message (wrong client ID or secret, missing scope, wrong connector name, rate
 * limited until …, certificate not trusted).
 */
export async function testApiSource(
  ctx: ServiceContext,
  source: ApiSource,
  signal?: AbortSignal,
): Promise<ConnectionTestResult> {
  const { testApiConnection } = await import('../sources/api/index');
  const secrets = await apiReadSecrets(ctx, source);
  const result = await testApiConnection(source, {
    ...secrets,
    ...(signal ? { signal } : {}),
    tuning: { retries: 1, maxRetryAfterMs: 5_000, timeoutMs: Math.min(source.timeoutMs, 20_000) },
  });
  if (result.ok) {
    return {
      ok: true,
      message: `Connected: read ${result.records} records with ${result.attributes} attributes.`,
      sampleCount: result.records,
      detail: { id: 'source.api.ok', values: { records: result.records, attributes: result.attributes } },
    };
  }
  return {
    ok: false,
    message: `${result.error.message} ${result.error.hint}`,
    detail: apiProblem(result.error, source.kind),
  };
}

/** The first `limit` records of a source, with every row's problems counted over the whole file. */
export async function readSample(
  ctx: ServiceContext,
  request: Request<'source:sample'>,
  task: Task,
): Promise<SourceSample> {
  const source = request.source;
  if (isApi(source)) return readApiSample(ctx, source, request.limit, task);
  if (source.kind === 'ldap') {
    const ldap = ctx.options.backends?.ldap ?? ldapBackend;
    const password = await ctx.secrets.get('ldap-bind-password', ldapEndpoint(source));
    if (!password)
      throw refuse(
        'invalid-request',
        `enter the bind password of ${source.bindDn} first (it is kept in the secret store, never in the mapping)`,
        'error.ldapPasswordMissing',
        { bindDn: source.bindDn },
      );
    const caPem = await readCa(ctx, source.caFile, request.projectPath);
    return ldap.sample(source, {
      password,
      limit: request.limit,
      ...(caPem ? { caPem } : {}),
      signal: task.signal,
    });
  }
  if (!source.path || !csvPathOf(source, request.projectPath))
    throw refuse(
      'invalid-request',
      'choose the CSV file first (an absolute path, or save the project so a relative path can be resolved)',
      'error.csvMissing',
    );
  const path = await resolveSourceFile(ctx, source.path, request.projectPath, 'source.path');
  const csv = await openCsv(path, { encoding: source.encoding, delimiter: source.delimiter }, task.signal);
  const records: SourceRecord[] = [];
  const issues: Issue[] = [...csv.info.issues];
  let total = 0;
  try {
    for await (const event of csv.events) {
      if (task.signal.aborted)
        throw refuse('cancelled', 'sampling was cancelled', 'refusal.cancelled', { task: 'sampling' });
      if (event.kind === 'issue') {
        if (issues.length < 5000) issues.push(event.issue);
        continue;
      }
      total++;
      if (records.length < request.limit) records.push(event.record);
      if (total % 5000 === 0)
        ctx.emit('task:progress', {
          taskId: task.id,
          label: 'sample',
          done: csv.bytesRead(),
          total: csv.bytesTotal,
        });
    }
  } finally {
    await csv.close();
  }
  ctx.emit('task:progress', {
    taskId: task.id,
    label: 'sample',
    done: csv.bytesTotal,
    total: csv.bytesTotal,
  });
  return {
    attributes: describeAttributes(csv.info.headers, records),
    records,
    issues,
    totalRecords: total,
    encoding: csv.info.encoding,
    delimiter: csv.info.delimiter,
    csvPath: path,
  };
}
