/**
 * HR application APIs as a source: Personio (v2), AFAS Profit (GetConnector) and any REST/JSON API. Plain Node
 * (global fetch), no Electron: the CLI and the app share it. A read is complete or it fails — a page that still
 * fails after the retries fails the whole read, so a partial list can never look like a wave of leavers.
 */
import type { ApiSource } from '../../../shared/mapping/schema';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { readAfas } from './afas';
import { readState, type ApiProgress, type ApiReadOptions } from './context';
import { ApiSourceError, abortedError, isApiSourceError, type ApiVendor } from './errors';
import { describeApiAttributes } from './flatten';
import { readPersonio } from './personio';
import { readRest } from './rest';

export { ApiSourceError, isApiSourceError, type ApiErrorCode } from './errors';
export type { ApiProgress, ApiReadOptions } from './context';
export { flattenRecord, describeApiAttributes } from './flatten';

/** The environment variables the CLI reads the secret from. */
export const SOURCE_SECRET_ENV = 'PLEK_SOURCE_SECRET';
export const SOURCE_TOKEN_ENV = 'PLEK_SOURCE_TOKEN';

export function isApiSource(source: { kind: string }): source is ApiSource {
  return source.kind === 'personio' || source.kind === 'afas' || source.kind === 'rest';
}

/** Which environment variable holds the secret of this source for the CLI (null: it needs none). */
export function secretEnvName(source: ApiSource): string | null {
  if (source.kind === 'afas') return SOURCE_TOKEN_ENV;
  if (source.kind === 'rest' && source.auth.kind === 'none') return null;
  return SOURCE_SECRET_ENV;
}

/** What the secret is, in the consultant's words. */
export function secretDescription(source: ApiSource): string {
  if (source.kind === 'afas') return 'the AFAS token';
  if (source.kind === 'personio') return `the client secret of Personio client ID ${source.clientId}`;
  switch (source.auth.kind) {
    case 'oauth2':
      return `the client secret of client ID ${source.auth.clientId}`;
    case 'bearer':
      return 'the bearer token';
    case 'apiKey':
      return `the API key (header ${source.auth.header})`;
    default:
      return 'no secret';
  }
}

/**
 * The endpoint a stored secret is bound to: the origin it is sent to (the token URL for OAuth2, the API itself
 * otherwise) plus the client ID or connector. A mapping that points elsewhere never receives it.
 */
export function secretScope(source: ApiSource): string {
  if (source.kind === 'personio') return `${new URL(source.baseUrl).origin} ${source.clientId}`;
  if (source.kind === 'afas') return new URL(source.baseUrl).origin;
  if (source.auth.kind === 'oauth2') return `${new URL(source.auth.tokenUrl).origin} ${source.auth.clientId}`;
  return new URL(source.url).origin;
}

/** For messages and reports: which application and where. */
export function apiSourceLabel(source: ApiSource): string {
  if (source.kind === 'personio') return `Personio ${source.baseUrl}`;
  if (source.kind === 'afas') return `AFAS ${source.baseUrl} connector ${source.connector}`;
  return `API ${source.url}`;
}

function vendorOf(source: ApiSource): ApiVendor {
  return source.kind;
}

function requireSecret(source: ApiSource, secret: string | undefined): string | undefined {
  const env = secretEnvName(source);
  if (env === null) return undefined;
  if (secret && secret.trim() !== '') return secret;
  throw new ApiSourceError(
    'missing-secret',
    `${apiSourceLabel(source)} needs ${secretDescription(source)}, and none was given.`,
    `Set ${env} (the CLI; it is never stored in the mapping file), or store the secret in the workbench.`,
  );
}

/**
 * Reads every record of the source (or the first `limit`, for a sample). Records come in the API's order; the
 * generator throws ApiSourceError when the read cannot be completed.
 */
export async function* readApiRecords(
  source: ApiSource,
  options: ApiReadOptions = {},
): AsyncGenerator<SourceRecord> {
  const secret = requireSecret(source, options.secret);
  // One controller per read: when the consumer stops or a request fails, the requests still in flight stop too.
  const inner = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, inner.signal]) : inner.signal;
  const state = readState(vendorOf(source), source, options, signal);
  try {
    if (source.kind === 'personio') yield* readPersonio(state, source, secret!, options.limit);
    else if (source.kind === 'afas') yield* readAfas(state, source, secret!, options.limit);
    else yield* readRest(state, source, secret, options.limit, options.confirmedTokenOrigin);
  } catch (error) {
    if (options.signal?.aborted) throw abortedError(vendorOf(source));
    throw error;
  } finally {
    inner.abort();
  }
}

export interface ApiSample {
  attributes: SourceAttribute[];
  records: SourceRecord[];
  progress: ApiProgress | null;
}

/** The first `size` records and what their attributes look like (init, the Source step). */
export async function sampleApiSource(
  source: ApiSource,
  options: ApiReadOptions & { size: number },
): Promise<ApiSample> {
  const records: SourceRecord[] = [];
  let progress: ApiProgress | null = null;
  for await (const record of readApiRecords(source, {
    ...options,
    limit: options.size,
    onProgress: (p) => {
      progress = p;
      options.onProgress?.(p);
    },
  })) {
    records.push(record);
  }
  return { attributes: describeApiAttributes(records), records, progress };
}

/** Signs in and reads the first page; never throws (failures come back as `{ ok: false, error }`). */
export async function testApiConnection(
  source: ApiSource,
  options: ApiReadOptions,
): Promise<{ ok: true; records: number; attributes: number } | { ok: false; error: ApiSourceError }> {
  try {
    const sample = await sampleApiSource(source, { ...options, size: 5 });
    return { ok: true, records: sample.records.length, attributes: sample.attributes.length };
  } catch (error) {
    if (isApiSourceError(error)) return { ok: false, error };
    return {
      ok: false,
      error: new ApiSourceError(
        'bad-response',
        `Reading ${apiSourceLabel(source)} failed unexpectedly.`,
        'Send this message to Plek support; it contains no secret.',
      ),
    };
  }
}
