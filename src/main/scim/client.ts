import { GROUP_SCHEMA } from '../../shared/scim/fields';
import {
  isValuePathWrite,
  patchOperations,
  type AttributeWrite,
  type PatchOperation,
  type WriteStrategy,
} from '../../shared/scim/patch';
import { normaliseUser, type ScimUser } from '../../shared/scim/resource';
import { said, type CodedMessage } from '../../shared/i18n/message';
import { AbortedError, failureMessage, ScimAuthError, ScimConflictError, ScimRequestError } from './errors';
import { RatePacer, Semaphore, backoffDelay, parseRetryAfter, sleep as realSleep } from './retry';
import { Transport, TransportError, type LocalServer, type RawResponse } from './transport';

export type ScimAuth =
  | { kind: 'oauth'; clientId: string; clientSecret: string; tokenUrl?: string }
  | { kind: 'bearer'; token: string };

export interface ScimClientOptions {
  baseUrl: string;
  auth: ScimAuth;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  timeoutMs?: number;
  /** Retries of a failed idempotent call (5xx, reset, timeout); default 6. */
  maxRetries?: number;
  /** Retries after 429/503 (the server asked us to wait); default 60. */
  maxRateLimitRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  pageSize?: number;
  /**
   * How multi-valued attributes are written (see WriteStrategy); `detect` (the default) uses value-filter paths
   * until the target refuses one with 400 invalidPath/invalidFilter/noTarget, then replaces whole attributes.
   */
  writeStrategy?: WriteStrategy | 'detect';
  /**
   * The target is a server in this process (the embedded sandbox the CLI started): requests to its origin are
   * handed to it without HTTP (see LocalServer).
   */
  local?: LocalServer;
  /** Injectable for tests: jitter source, clock and sleep. */
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ScimGroup {
  id: string;
  displayName: string;
  members: string[];
}

export type { PatchOperation, AttributeWrite, WriteStrategy };

/** What the client learned about the target: capabilities, and what it could not learn (said, never silent). */
export interface TargetDiscovery {
  etag: boolean;
  bulkMaxOperations: number;
  filter: boolean;
  /** Why a capability is off or a behaviour changed, for the plan and the run report (English). */
  warnings: string[];
  /** `warnings` as coded messages, in the same order. */
  warningMessages: CodedMessage[];
}

/** A listing of a target's resources that cannot be trusted to be complete: no plan is made from it. */
export class ScimListingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScimListingError';
  }
}

export type LookupAttribute = 'externalId' | 'userName' | 'emails.value' | 'id' | 'displayName';

interface CallOptions {
  body?: unknown;
  /** The body already as JSON text (sent as it is, instead of `body`). */
  bodyText?: string;
  ifMatch?: string;
  /** POST creates are not idempotent: a lost answer is reported as ambiguous instead of retried blindly. */
  idempotent: boolean;
  signal?: AbortSignal;
  query?: Record<string, string | number>;
  /**
   * The caller does not read a successful answer: it is not parsed (a group's PATCH answers with the whole
   * group, tens of thousands of members, after every batch), and the request says `Prefer: return=minimal`
   * (RFC 7240), so a server that honours it sends none. An error answer is read as always.
   */
  ignoreAnswer?: boolean;
}

export interface ScimResponse<T = unknown> {
  status: number;
  body: T;
  etag?: string;
}

const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK_REQUEST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

/**
 * A new account given as its JSON text (exactly what `JSON.stringify` of the account gives), for /Bulk: an
 * initial import's accounts are written as text and never built as objects (ScimUserWriter). The text is handed
 * over once (`take`) and not kept while the request is under way (92,000 texts held across their requests ended
 * in the old generation: 150 MB more peak heap); the object is built only when needed (a create on its own after
 * an unreadable bulk answer), by `build`.
 */
export class ScimUserJson {
  private text: string | null;

  constructor(
    json: string,
    readonly externalId: string,
    private readonly build: () => ScimUser,
  ) {
    this.text = json;
  }

  /** The text, once (then the account is built if it is asked for again). */
  take(): string {
    const text = this.text ?? JSON.stringify(this.build());
    this.text = null;
    return text;
  }

  /** What createUsersBulk keeps: the externalId, and the account when first asked for. */
  get lazy(): LazyUser {
    return { externalId: this.externalId, resource: this.build };
  }
}

interface LazyUser {
  externalId: string;
  resource: () => ScimUser;
}

function resolved(r: ScimUser | LazyUser): ScimUser {
  return 'resource' in r && typeof r.resource === 'function' ? r.resource() : (r as ScimUser);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The HTTP status of one /Bulk operation: RFC 7644 sends a string ("201"), others a number (201) or the SCIM 1.1
 * / early-draft object ({code: "201"}). Undefined when it is none of these.
 */
export function bulkStatus(v: unknown): number | undefined {
  const raw = isRecord(v) ? v.code : v;
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d{3}\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 100 && n < 600 ? n : undefined;
}

/** The new resource's id from a /Bulk operation result: `response.id`, else the last segment of `location`. */
export function bulkResourceId(o: Record<string, unknown>): string | undefined {
  if (isRecord(o.response) && typeof o.response.id === 'string' && o.response.id) return o.response.id;
  if (typeof o.location !== 'string') return undefined;
  // Without query or fragment and trailing slashes, the part after the last slash (one per new account: no
  // regular expressions or arrays where a few index searches do).
  let location = o.location;
  const cut = location.search(/[?#]/);
  if (cut >= 0) location = location.slice(0, cut);
  let end = location.length;
  while (end > 0 && location.charCodeAt(end - 1) === 0x2f) end -= 1;
  const last = location.slice(location.lastIndexOf('/', end - 1) + 1, end);
  return last ? (last.includes('%') ? decodeURIComponent(last) : last) : undefined;
}

/** A non-negative integer as servers send counts: a number or a numeric string; else undefined. */
function readCount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The server's `detail` in one /Bulk operation result, when it sent one. */
function bulkDetail(o: Record<string, unknown> | undefined): string | undefined {
  const response = isRecord(o?.response) ? o.response : {};
  return typeof response.detail === 'string' && response.detail.trim()
    ? response.detail.slice(0, 300)
    : undefined;
}

function escapeFilterValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Local evaluation of the lookups the client needs, for servers without filter support. */
function localMatch(resource: Record<string, unknown>, attr: LookupAttribute, value: string): boolean {
  if (attr === 'emails.value') {
    const emails = Array.isArray(resource.emails) ? resource.emails : [];
    return emails.some(
      (e) => isRecord(e) && typeof e.value === 'string' && e.value.toLowerCase() === value.toLowerCase(),
    );
  }
  const v = resource[attr];
  if (typeof v !== 'string') return false;
  return attr === 'externalId' || attr === 'id' ? v === value : v.toLowerCase() === value.toLowerCase();
}

/**
 * A SCIM 2.0 client for Plek (and other RFC 7644 servers): OAuth2 client credentials or a bearer token,
 * keep-alive, a concurrency limit, timeouts, retries with full-jitter backoff honouring Retry-After, safe
 * create retries (lookup by externalId first), and graceful degradation (no ETags, no filter, paging quirks).
 * It has no delete method: the sync never deletes.
 */
export class ScimClient {
  readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly limiter: Semaphore;
  private readonly o: Required<Omit<ScimClientOptions, 'auth' | 'baseUrl' | 'writeStrategy' | 'local'>>;
  private token: { value: string; renewAt: number } | null = null;
  private tokenPending: Promise<string> | null = null;
  private spc: Promise<Record<string, unknown> | null> | null = null;
  /** Set once a server rejects filters: lookups then page through everything and filter locally. */
  filterUnsupported = false;
  /** The write strategy in force: fixed by the target's settings, or `valuePath` until the target refuses it. */
  writeStrategy: WriteStrategy;
  private readonly detectWriteStrategy: boolean;
  /** Things the run must say about the target (a failed /ServiceProviderConfig, a changed strategy…). */
  readonly warnings: string[] = [];
  /** `warnings` as coded messages (catalogue code + parameters), in the same order. */
  readonly warningMessages: CodedMessage[] = [];
  /** Counts for reports and the bench. */
  readonly counters = { requests: 0, retries: 0, rateLimited: 0, tokenRenewals: 0, recoveredCreates: 0 };

  constructor(private readonly options: ScimClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const concurrency = options.concurrency ?? 8;
    this.o = {
      concurrency,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 6,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 60,
      retryBaseMs: options.retryBaseMs ?? 200,
      retryMaxMs: options.retryMaxMs ?? 20_000,
      pageSize: options.pageSize ?? 500,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? realSleep,
    };
    this.writeStrategy = options.writeStrategy === 'wholeAttribute' ? 'wholeAttribute' : 'valuePath';
    this.detectWriteStrategy = (options.writeStrategy ?? 'detect') === 'detect';
    // Pacing shares the client's clock and sleep, so a Retry-After the client waited out is not waited twice.
    this.transport = new Transport(concurrency, new RatePacer(this.o.now, this.o.sleep), options.local);
    this.limiter = new Semaphore(concurrency);
  }

  close(): void {
    this.transport.close();
  }

  private get tokenUrl(): string {
    const a = this.options.auth;
    return a.kind === 'oauth' && a.tokenUrl ? a.tokenUrl : `${this.baseUrl}/oauth/token`;
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const a = this.options.auth;
    if (a.kind === 'bearer') return a.token;
    const basic = Buffer.from(
      `${encodeURIComponent(a.clientId)}:${encodeURIComponent(a.clientSecret)}`,
    ).toString('base64');
    let attempt = 0;
    for (;;) {
      let res: RawResponse;
      try {
        res = await this.transport.send({
          method: 'POST',
          url: this.tokenUrl,
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
          timeoutMs: this.o.timeoutMs,
          ...(signal ? { signal } : {}),
        });
      } catch (e) {
        if (attempt++ >= this.o.maxRetries)
          throw new ScimAuthError(`token request to ${this.tokenUrl} failed: ${(e as Error).message}`);
        await this.o.sleep(
          backoffDelay(attempt, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          signal,
        );
        continue;
      }
      if ((res.status >= 500 || res.status === 429) && attempt++ < this.o.maxRetries) {
        const wait = parseRetryAfter(res.headers['retry-after'] as string | undefined, this.o.now());
        await this.o.sleep(
          wait ?? backoffDelay(attempt, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          signal,
        );
        continue;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(res.text);
      } catch {
        // reported below
      }
      if (res.status !== 200 || !isRecord(body) || typeof body.access_token !== 'string') {
        const err = isRecord(body) && typeof body.error === 'string' ? ` (${body.error})` : '';
        throw new ScimAuthError(
          `token request to ${this.tokenUrl} was refused: HTTP ${res.status}${err}; check the client id and secret`,
        );
      }
      const ttl = typeof body.expires_in === 'number' ? body.expires_in : 3600;
      // Renew a minute early, or halfway for short-lived tokens.
      const margin = Math.min(60, ttl / 2) * 1000;
      this.token = { value: body.access_token, renewAt: this.o.now() + ttl * 1000 - margin };
      this.counters.tokenRenewals += 1;
      return body.access_token;
    }
  }

  private async bearer(signal?: AbortSignal): Promise<string> {
    if (this.options.auth.kind === 'bearer') return this.options.auth.token;
    if (this.token && this.o.now() < this.token.renewAt) return this.token.value;
    this.tokenPending ??= this.fetchToken(signal).finally(() => {
      this.tokenPending = null;
    });
    return this.tokenPending;
  }

  private warn(message: string, coded: CodedMessage): void {
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.warningMessages.push(coded);
  }

  private url(path: string, query?: Record<string, string | number>): string {
    const u = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, String(v));
    return u.toString();
  }

  /** One SCIM call with auth, the concurrency limit and the retry policy. */
  async call<T = unknown>(method: string, path: string, opts: CallOptions): Promise<ScimResponse<T>> {
    let attempt = 0;
    let rateLimited = 0;
    let renewed = false;
    for (;;) {
      if (opts.signal?.aborted) throw new AbortedError();
      const token = await this.bearer(opts.signal);
      let res: RawResponse;
      try {
        res = await this.limiter.run(() => {
          this.counters.requests += 1;
          return this.transport.send({
            method,
            url: this.url(path, opts.query),
            headers: {
              authorization: `Bearer ${token}`,
              accept: 'application/scim+json, application/json',
              ...(opts.body !== undefined || opts.bodyText !== undefined
                ? { 'content-type': 'application/scim+json' }
                : {}),
              ...(opts.ifMatch ? { 'if-match': opts.ifMatch } : {}),
              // The answer is not read: a server that knows RFC 7240 may leave it out (204, no body).
              ...(opts.ignoreAnswer ? { prefer: 'return=minimal' } : {}),
            },
            ...(opts.bodyText !== undefined
              ? { body: opts.bodyText }
              : opts.body !== undefined
                ? { body: JSON.stringify(opts.body) }
                : {}),
            timeoutMs: this.o.timeoutMs,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.ignoreAnswer ? { skipOkBody: true } : {}),
          });
        });
      } catch (e) {
        if (opts.signal?.aborted) throw new AbortedError();
        const code = e instanceof TransportError ? e.code : 'ENETWORK';
        const err = new ScimRequestError(
          `${method} ${path} failed: ${code}`,
          null,
          undefined,
          true,
          undefined,
          `${method} ${path}: ${code}`,
        );
        if (!opts.idempotent || attempt >= this.o.maxRetries) throw err;
        attempt += 1;
        this.counters.retries += 1;
        await this.o.sleep(
          backoffDelay(attempt, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          opts.signal,
        );
        continue;
      }
      if (res.status === 401 && !renewed && this.options.auth.kind === 'oauth') {
        // An expired or revoked token: renew once and repeat (the request was not processed).
        renewed = true;
        if (this.token?.value === token) this.token = null;
        continue;
      }
      if (opts.ignoreAnswer && res.status < 400) return { status: res.status, body: undefined as T };
      let body: unknown = undefined;
      if (res.text.trim() !== '') {
        try {
          body = JSON.parse(res.text);
        } catch {
          body = undefined;
        }
      }
      if (res.status < 400) {
        const etagHeader = res.headers.etag;
        const etag =
          typeof etagHeader === 'string'
            ? etagHeader
            : isRecord(body) && isRecord(body.meta) && typeof body.meta.version === 'string'
              ? body.meta.version
              : undefined;
        return { status: res.status, body: body as T, ...(etag ? { etag } : {}) };
      }
      const detail = isRecord(body) && typeof body.detail === 'string' ? body.detail : '';
      const scimType = isRecord(body) && typeof body.scimType === 'string' ? body.scimType : undefined;
      const retryAfter = parseRetryAfter(res.headers['retry-after'] as string | undefined, this.o.now());
      const message = `${method} ${path}: HTTP ${res.status}${scimType ? ` ${scimType}` : ''}${detail ? ` — ${detail.slice(0, 300)}` : ''}`;
      if (res.status === 429 || (res.status === 503 && retryAfter !== undefined)) {
        // The server refused before processing: safe to repeat for any method.
        if (rateLimited >= this.o.maxRateLimitRetries)
          throw new ScimRequestError(message, res.status, scimType, false, retryAfter, detail || undefined);
        rateLimited += 1;
        this.counters.rateLimited += 1;
        await this.o.sleep(
          retryAfter ?? backoffDelay(rateLimited, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          opts.signal,
        );
        continue;
      }
      const transient = res.status >= 500 && res.status !== 501;
      if (transient && opts.idempotent && attempt < this.o.maxRetries) {
        attempt += 1;
        this.counters.retries += 1;
        await this.o.sleep(
          retryAfter ?? backoffDelay(attempt, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          opts.signal,
        );
        continue;
      }
      throw new ScimRequestError(
        message,
        res.status,
        scimType,
        transient,
        undefined,
        detail ? detail.slice(0, 300) : undefined,
      );
    }
  }

  /**
   * /ServiceProviderConfig (cached); null when the server has none or it failed. A failure is not silent: it is
   * recorded in `warnings` (ETags and /Bulk are then off), and the plan and the run report show it.
   */
  serviceProviderConfig(): Promise<Record<string, unknown> | null> {
    this.spc ??= this.call<Record<string, unknown>>('GET', '/ServiceProviderConfig', { idempotent: true })
      .then((r) => {
        if (isRecord(r.body)) return r.body;
        this.warn(
          `GET /ServiceProviderConfig answered HTTP ${r.status} without a configuration: ETags and /Bulk are off for this run`,
          said('report.warning.spcEmpty', { status: r.status }),
        );
        return null;
      })
      .catch((e: unknown) => {
        if (e instanceof AbortedError) throw e;
        // 404 or 501: the server does not publish the (optional) document at all. Not a failure of the server;
        // said as what it means, once, without "could not be read" and the server error wording.
        if (e instanceof ScimRequestError && (e.status === 404 || e.status === 501)) {
          this.warn(
            `GET /ServiceProviderConfig answered HTTP ${e.status}: the target publishes no configuration; ETags and /Bulk are off for this run`,
            said('report.warning.spcMissing', { status: e.status }),
          );
          return null;
        }
        const why = e instanceof Error ? e.message : String(e);
        this.warn(
          `${why.startsWith('GET /ServiceProviderConfig') ? why : `GET /ServiceProviderConfig failed: ${why}`}; ETags and /Bulk are off for this run`,
          said('report.warning.spcFailed', { detail: [failureMessage(e)] }),
        );
        return null;
      });
    return this.spc;
  }

  /** The target's capabilities and the warnings about them, for the plan and the run report. */
  async discovery(): Promise<TargetDiscovery> {
    const spc = await this.serviceProviderConfig();
    const filter = isRecord(spc?.filter) ? spc.filter.supported !== false : true;
    return {
      etag: await this.etagsSupported(),
      bulkMaxOperations: await this.bulkMaxOperations(),
      filter: filter && !this.filterUnsupported,
      warnings: [...this.warnings],
      warningMessages: [...this.warningMessages],
    };
  }

  /** The server's /Bulk limit when it supports bulk requests, else 0. */
  async bulkMaxOperations(): Promise<number> {
    const bulk = (await this.serviceProviderConfig())?.bulk;
    if (!isRecord(bulk) || bulk.supported !== true) return 0;
    return typeof bulk.maxOperations === 'number' ? bulk.maxOperations : 0;
  }

  async etagsSupported(): Promise<boolean> {
    const spc = await this.serviceProviderConfig();
    const etag = spc?.etag;
    return isRecord(etag) && etag.supported === true;
  }

  /**
   * Every resource of an endpoint, paged from startIndex 1 until an empty page (or a page with nothing new).
   * The listing is checked before it is trusted: fewer distinct resources than `totalResults`, or a server
   * that echoes another `startIndex` than asked, leads to one more read from startIndex 0 (a compliant server
   * reads it as 1, RFC 7644 §3.4.2.4; a 0-based one returns what its first page skipped). When that does not
   * account for `totalResults`, the listing is refused with a ScimListingError: a plan made from it could
   * create an account that exists.
   */
  async listAll(
    path: '/Users' | '/Groups',
    opts: {
      signal?: AbortSignal;
      filter?: string;
      onPage?: (n: number) => void;
      /** What is kept of each resource as its page arrives (the page itself is then garbage). */
      keep?: (resource: Record<string, unknown>) => Record<string, unknown>;
    } = {},
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    let total: number | undefined;
    let echoMismatch: { asked: number; echoed: number } | null = null;
    const add = (page: Record<string, unknown>[]): number => {
      let fresh = 0;
      for (const raw of page) {
        const res = path === '/Users' ? normaliseUser(raw) : raw;
        const id = typeof res.id === 'string' ? res.id : null;
        if (id && seen.has(id)) continue;
        if (id) seen.add(id);
        out.push(opts.keep ? opts.keep(res) : res);
        fresh += 1;
      }
      return fresh;
    };
    const read = async (startIndex: number) => {
      const r = await this.call<Record<string, unknown>>('GET', path, {
        idempotent: true,
        ...(opts.signal ? { signal: opts.signal } : {}),
        query: { startIndex, count: this.o.pageSize, ...(opts.filter ? { filter: opts.filter } : {}) },
      });
      const body = isRecord(r.body) ? r.body : {};
      const page = Array.isArray(body.Resources) ? (body.Resources as unknown[]).filter(isRecord) : [];
      const t = readCount(body.totalResults);
      if (t !== undefined) total = t;
      const echoed = readCount(body.startIndex);
      if (echoed !== undefined && echoed !== startIndex && page.length > 0 && startIndex >= 1)
        echoMismatch ??= { asked: startIndex, echoed };
      return page;
    };
    let startIndex = 1;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const page = await read(startIndex);
      if (page.length === 0) break;
      // A server that ignores startIndex past the end repeats a page: nothing new means the end.
      if (add(page) === 0) break;
      opts.onPage?.(out.length);
      startIndex += page.length;
      // Neither a short page (servers cap page sizes) nor totalResults (some servers get it wrong, or leave
      // it out) ends the listing: only an empty page does, at the cost of one request after the last page.
    }
    const short = (): boolean => total !== undefined && out.length < total;
    if (short() || echoMismatch) {
      const before = out.length;
      add(await read(0));
      const recovered = out.length - before;
      const mismatch = echoMismatch as { asked: number; echoed: number } | null;
      const why = mismatch
        ? `it answered startIndex ${mismatch.echoed} when asked for ${mismatch.asked}`
        : `it listed ${before} of the ${String(total)} resources it reports`;
      if (short())
        throw new ScimListingError(
          `GET ${path}${opts.filter ? ` (filter ${opts.filter})` : ''}: the listing cannot be trusted — ${why}, ` +
            `and reading again from startIndex 0 still gives ${out.length} of ${String(total)}. No plan is made ` +
            `from an incomplete listing (it could create accounts that exist); the target's paging ` +
            `(startIndex, totalResults) needs fixing.`,
        );
      if (recovered > 0)
        this.warn(
          `GET ${path}: the target's paging skipped ${recovered} resource${recovered === 1 ? '' : 's'} (${why}; ` +
            `a 0-based startIndex?); read again from startIndex 0, the listing is complete`,
          said('report.warning.pagingRecovered', {
            path,
            n: recovered,
            why: [
              mismatch
                ? said('report.paging.echo', { asked: mismatch.asked, echoed: mismatch.echoed })
                : said('report.paging.short', { listed: before, total: total ?? 0 }),
            ],
          }),
        );
    }
    return out;
  }

  async listUsers(
    opts: {
      signal?: AbortSignal;
      onPage?: (n: number) => void;
      keep?: (user: ScimUser) => ScimUser;
    } = {},
  ): Promise<ScimUser[]> {
    return (await this.listAll('/Users', opts as Parameters<ScimClient['listAll']>[1])) as ScimUser[];
  }

  /** Every group with its member ids; a server without a /Groups endpoint has none. */
  async listGroups(opts: { signal?: AbortSignal } = {}): Promise<ScimGroup[]> {
    let raw: Record<string, unknown>[];
    try {
      raw = await this.listAll('/Groups', opts);
    } catch (e) {
      if (e instanceof ScimRequestError && (e.status === 404 || e.status === 501)) return [];
      throw e;
    }
    return raw.map((g) => ({
      id: String(g.id),
      displayName: String(g.displayName ?? ''),
      members: Array.isArray(g.members) ? g.members.filter(isRecord).map((m) => String(m.value)) : [],
    }));
  }

  /** Resources whose attribute equals the value; falls back to listing + local filtering without filter support. */
  async find(
    path: '/Users' | '/Groups',
    attr: LookupAttribute,
    value: string,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>[]> {
    if (!this.filterUnsupported) {
      try {
        return await this.listAll(path, {
          filter: `${attr} eq "${escapeFilterValue(value)}"`,
          ...(signal ? { signal } : {}),
        });
      } catch (e) {
        if (!(e instanceof ScimRequestError) || !(e.status === 400 || e.status === 501 || e.status === 403))
          throw e;
        if (e.status === 400 && e.scimType && e.scimType !== 'invalidFilter') throw e;
        this.filterUnsupported = true;
      }
    }
    const all = await this.listAll(path, signal ? { signal } : {});
    return all.filter((r) => localMatch(r, attr, value));
  }

  /** The one resource with this attribute value, null when none; more than one is a conflict, never a guess. */
  async findOne(
    path: '/Users' | '/Groups',
    attr: LookupAttribute,
    value: string,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown> | null> {
    const found = (await this.find(path, attr, value, signal)).filter((r) => localMatch(r, attr, value));
    if (found.length > 1) {
      const ids = found.map((f) => String(f.id));
      throw new ScimConflictError(
        `${attr} "${value}" matches ${found.length} resources in ${path} (${ids.join(', ')})`,
        ids,
      );
    }
    return found[0] ?? null;
  }

  async findUserByExternalId(externalId: string, signal?: AbortSignal): Promise<ScimUser | null> {
    return (await this.findOne('/Users', 'externalId', externalId, signal)) as ScimUser | null;
  }

  /** A user by id; null when missing (also for servers that answer 500 instead of 404). */
  async getUser(id: string, signal?: AbortSignal): Promise<{ user: ScimUser; etag?: string } | null> {
    try {
      const r = await this.call<ScimUser>('GET', `/Users/${encodeURIComponent(id)}`, {
        idempotent: true,
        ...(signal ? { signal } : {}),
      });
      return { user: normaliseUser(r.body), ...(r.etag ? { etag: r.etag } : {}) };
    } catch (e) {
      if (e instanceof ScimRequestError && e.status === 404) return null;
      if (e instanceof ScimRequestError && e.status !== null && e.status >= 500) {
        const found = await this.findOne('/Users', 'id', id, signal).catch(() => null);
        if (!found) return null;
      }
      throw e;
    }
  }

  /**
   * Creates a user. A create is not idempotent: after a lost answer (timeout, reset, 5xx) or a 409, the
   * client looks the externalId up and returns the account when the earlier attempt took effect.
   */
  async createUser(
    resource: ScimUser,
    signal?: AbortSignal,
  ): Promise<{ user: ScimUser; recovered: boolean }> {
    const externalId = resource.externalId;
    let attempt = 0;
    for (;;) {
      try {
        const r = await this.call<ScimUser>('POST', '/Users', {
          body: resource,
          idempotent: false,
          ...(signal ? { signal } : {}),
        });
        return { user: isRecord(r.body) ? normaliseUser(r.body) : r.body, recovered: false };
      } catch (e) {
        if (!(e instanceof ScimRequestError) || !externalId) throw e;
        if (!e.ambiguous && e.status !== 409) throw e;
        const existing = await this.findUserByExternalId(externalId, signal);
        if (existing) {
          this.counters.recoveredCreates += 1;
          return { user: existing, recovered: true };
        }
        if (e.status === 409 || attempt >= this.o.maxRetries) throw e;
        attempt += 1;
        this.counters.retries += 1;
        await this.o.sleep(
          backoffDelay(attempt, this.o.retryBaseMs, this.o.retryMaxMs, this.o.random),
          signal,
        );
      }
    }
  }

  /**
   * PATCH with only the given operations; `ifMatch` is sent when known (412 then surfaces to the caller).
   * Our operations set absolute values, so repeating one after a lost answer is safe.
   */
  async patchUser(
    id: string,
    operations: PatchOperation[],
    ifMatch?: string,
    signal?: AbortSignal,
  ): Promise<ScimResponse<ScimUser>> {
    return this.call<ScimUser>('PATCH', `/Users/${encodeURIComponent(id)}`, {
      body: { schemas: [PATCH_SCHEMA], Operations: operations },
      idempotent: true,
      ...(ifMatch ? { ifMatch } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * Writes attribute changes to a user with this target's write strategy. Multi-valued attributes written whole
   * need the current resource (`current`, else it is read first). With `detect`, a 400 invalidPath,
   * invalidFilter or noTarget to a value-filter path switches this client to whole attributes (said in
   * `warnings`) and the change is sent again that way.
   */
  async updateUser(
    id: string,
    writes: readonly AttributeWrite[],
    opts: { ifMatch?: string; current?: ScimUser | null; signal?: AbortSignal } = {},
  ): Promise<ScimResponse<ScimUser> | null> {
    const { signal } = opts;
    let current = opts.current ?? null;
    const send = async (): Promise<ScimResponse<ScimUser> | null> => {
      const strategy = this.writeStrategy;
      if (strategy === 'wholeAttribute' && !current && writes.some(isValuePathWrite)) {
        const fresh = await this.getUser(id, signal);
        if (!fresh)
          throw new ScimRequestError(
            `GET /Users/${id}: the account no longer exists`,
            404,
            undefined,
            false,
            undefined,
            `GET /Users/${id}`,
          );
        current = fresh.user;
      }
      const ops = patchOperations(writes, strategy, current);
      if (ops.length === 0) return null;
      return this.patchUser(id, ops, opts.ifMatch, signal);
    };
    try {
      return await send();
    } catch (e) {
      if (
        !(e instanceof ScimRequestError) ||
        e.status !== 400 ||
        !this.detectWriteStrategy ||
        this.writeStrategy !== 'valuePath' ||
        !writes.some(isValuePathWrite) ||
        !['invalidPath', 'invalidFilter', 'noTarget'].includes(e.scimType ?? '')
      )
        throw e;
      this.writeStrategy = 'wholeAttribute';
      this.warn(
        `the target refused a value-filter path (${e.message}): multi-valued attributes (emails, phoneNumbers) are written as whole attributes from now on`,
        said('report.warning.wholeAttributes', { detail: [failureMessage(e)] }),
      );
      return send();
    }
  }

  /**
   * Creates several users with one /Bulk request. Each entry is the new id or the error for that user; a 409
   * (or a bulk request whose answer was lost) is checked by externalId, so a repeat never duplicates.
   */
  async createUsersBulk(
    accounts: readonly (ScimUser | ScimUserJson)[],
    signal?: AbortSignal,
  ): Promise<(string | Error)[]> {
    let results: Record<string, unknown>[] | null = null;
    // The same text as JSON.stringify({ schemas, Operations: [{ method, path, bulkId, data }] }), with each
    // account's text as it came (an account given as its JSON text is not parsed and serialised again).
    // Joined once into one flat string: the accounts' texts are not held by it while the request waits its turn.
    const pieces = [`{"schemas":[${JSON.stringify(BULK_REQUEST_SCHEMA)}],"Operations":[`];
    accounts.forEach((a, i) => {
      const data = a instanceof ScimUserJson ? a.take() : JSON.stringify(a);
      pieces.push(`${i ? ',' : ''}{"method":"POST","path":"/Users","bulkId":"u${i}","data":${data}}`);
    });
    pieces.push(']}');
    const bodyText = pieces.join('');
    const resources = accounts.map((a) => (a instanceof ScimUserJson ? a.lazy : a));
    try {
      const r = await this.call<Record<string, unknown>>('POST', '/Bulk', {
        bodyText,
        idempotent: false,
        ...(signal ? { signal } : {}),
      });
      results = Array.isArray(r.body?.Operations) ? (r.body.Operations as unknown[]).filter(isRecord) : [];
    } catch (e) {
      if (!(e instanceof ScimRequestError)) throw e;
      if (!e.ambiguous) {
        // A /Bulk endpoint that is not there after all (or refuses the size) processed nothing: create one by one.
        if (e.status === null || ![404, 405, 413, 501].includes(e.status)) throw e;
        this.warn(
          `${e.message.split(' — ')[0]}: /Bulk refused, accounts are created one by one`,
          said('report.warning.bulkRefused', { detail: [failureMessage(e)] }),
        );
        return Promise.all(
          resources.map((resource) =>
            this.createUser(resolved(resource), signal).then(
              ({ user }) => user.id ?? new Error('Plek returned no id for the new account'),
              (err: unknown) => {
                if (err instanceof AbortedError) throw err;
                return err instanceof Error ? err : new Error(String(err));
              },
            ),
          ),
        );
      }
    }
    const byBulkId = new Map((results ?? []).map((o) => [String(o.bulkId), o]));
    /**
     * One account's outcome from the answer: its new id, the error the target gave, or null when only a look-up
     * can tell (see `recover`). Made without a promise: an import's 92,000 accounts are nearly all plain ids.
     */
    const read = (i: number): string | Error | null => {
      const o = byBulkId.get(`u${i}`);
      const status = o ? bulkStatus(o.status) : undefined;
      const id = o && status !== undefined && status < 300 ? bulkResourceId(o) : undefined;
      if (id) return id;
      if (status === undefined || status < 300 || status === 409 || status >= 500) return null;
      const response = isRecord(o?.response) ? o.response : {};
      const detail = bulkDetail(o);
      return new ScimRequestError(
        `POST /Users (bulk): HTTP ${status}${detail ? ` — ${detail}` : ''}`,
        status,
        typeof response.scimType === 'string' ? response.scimType : undefined,
        false,
        undefined,
        detail,
      );
    };
    // An answer we cannot read (no entry, no status we understand, a success without an id), a lost answer or a
    // uniqueness clash: did this (or an earlier) attempt create it? Else create it alone.
    const recover = async (resource: ScimUser | LazyUser, i: number): Promise<string | Error> => {
      const o = byBulkId.get(`u${i}`);
      const status = o ? bulkStatus(o.status) : undefined;
      try {
        const existing = resource.externalId
          ? await this.findUserByExternalId(resource.externalId, signal)
          : null;
        if (existing?.id) {
          if (status === undefined || status >= 300) this.counters.recoveredCreates += 1;
          return existing.id;
        }
        if (status === 409)
          return new ScimRequestError(
            `POST /Users: HTTP 409 uniqueness${bulkDetail(o) ? ` — ${bulkDetail(o)}` : ''}`,
            409,
            'uniqueness',
            false,
            undefined,
            bulkDetail(o),
          );
        const { user } = await this.createUser(resolved(resource), signal);
        return user.id ?? new Error('Plek returned no id for the new account');
      } catch (e) {
        if (e instanceof AbortedError) throw e;
        return e instanceof Error ? e : new Error(String(e));
      }
    };
    const outcomes = resources.map((_, i) => read(i));
    if (!outcomes.includes(null)) return outcomes as (string | Error)[];
    return Promise.all(outcomes.map((r, i) => r ?? recover(resources[i]!, i)));
  }

  /** Creates a group, or returns the existing one with that display name (safe to repeat). */
  async ensureGroup(displayName: string, signal?: AbortSignal): Promise<ScimGroup> {
    const toGroup = (g: Record<string, unknown>): ScimGroup => ({
      id: String(g.id),
      displayName: String(g.displayName ?? displayName),
      members: Array.isArray(g.members) ? g.members.filter(isRecord).map((m) => String(m.value)) : [],
    });
    const existing = await this.findOne('/Groups', 'displayName', displayName, signal);
    if (existing) return toGroup(existing);
    try {
      const r = await this.call<Record<string, unknown>>('POST', '/Groups', {
        body: { schemas: [GROUP_SCHEMA], displayName, members: [] },
        idempotent: false,
        ...(signal ? { signal } : {}),
      });
      return toGroup(r.body);
    } catch (e) {
      if (!(e instanceof ScimRequestError) || !(e.ambiguous || e.status === 409)) throw e;
      const again = await this.findOne('/Groups', 'displayName', displayName, signal);
      if (again) return toGroup(again);
      throw e;
    }
  }

  /**
   * Adds members to a group with PATCH `add` (never `remove`, never a PUT of the member list). No
   * `excludedAttributes=members` to spare the member list in the answer: SCIMMY then loses the group's existing
   * members. The answer (the whole group) is not parsed.
   */
  async addGroupMembers(groupId: string, memberIds: string[], signal?: AbortSignal): Promise<void> {
    await this.call('PATCH', `/Groups/${encodeURIComponent(groupId)}`, {
      body: {
        schemas: [PATCH_SCHEMA],
        Operations: [{ op: 'add', path: 'members', value: memberIds.map((value) => ({ value })) }],
      },
      idempotent: true,
      ignoreAnswer: true,
      ...(signal ? { signal } : {}),
    });
  }

  /** The raw /Schemas list (for target field discovery). */
  async schemas(signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    const r = await this.call<Record<string, unknown>>('GET', '/Schemas', {
      idempotent: true,
      ...(signal ? { signal } : {}),
    });
    const body = r.body;
    if (Array.isArray(body)) return body.filter(isRecord);
    return isRecord(body) && Array.isArray(body.Resources) ? body.Resources.filter(isRecord) : [];
  }
}
