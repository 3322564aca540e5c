import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidFilterError } from './filter';
import {
  MAX_RESULTS,
  RESOURCE_TYPES,
  SCHEMAS,
  SERVICE_PROVIDER_CONFIG,
  BULK_MAX_OPERATIONS,
} from './schemas';
import { SandboxPersistence } from './persistence';
import {
  SandboxStore,
  ScimHttpError,
  StoredUser,
  type Resource,
  type ResourceKind,
  type SandboxState,
} from './store';
import { mulberry32 as seeded } from '../../shared/random';

export interface SandboxSeed {
  users?: Record<string, unknown>[];
  groups?: { displayName: string; members?: { value: string }[] }[];
}

export interface SandboxOptions {
  /** 0 or absent = a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Persisted state folder; absent = in memory only. */
  dataDir?: string;
  clientId?: string;
  /** Absent = a random secret is generated (read it from the returned handle). */
  clientSecret?: string;
  /** Also accept this fixed bearer token. */
  staticToken?: string;
  tokenTtlSeconds?: number;
  /** Token bucket: this many requests per minute, burst of one second's worth; excess → 429 + Retry-After. */
  rateLimit?: { perMinute: number; /** Send `RateLimit-*` headers (default true). */ headers?: boolean };
  /** Random 500s before a request is processed (seeded), for demos of the client's retries. */
  faults?: { errorRate: number; seed?: number };
  /** Accounts to start with when the state is new (the linking demo). */
  seed?: SandboxSeed;
  /** Clock in ms, injectable so tests can expire tokens. */
  now?: () => number;
  /** Debounce for writes of the state file. */
  saveDelayMs?: number;
  /**
   * `plek` (the default) behaves as Plek does per its SCIM product note: value-filter PATCH paths on users
   * (`emails[type eq "work"].value`) are refused with 400 invalidPath. `permissive` accepts them (for tests of
   * other targets' behaviour).
   */
  profile?: SandboxProfile;
}

export type SandboxProfile = 'plek' | 'permissive';

export interface SandboxStats {
  requests: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  unauthorized: number;
  /** /Bulk requests processed, and the operations they held. */
  bulkRequests: number;
  bulkOperations: number;
  tokensIssued: number;
  users: number;
  groups: number;
}

export interface SandboxHandle {
  url: string;
  tokenUrl: string;
  clientId: string;
  /** The demo credential; the CLI prints it once on start (a local throw-away server). */
  clientSecret: string;
  /**
   * Answers a request as the HTTP server does (the same answer, headers and counts), without the HTTP: for a
   * client in the same process (see SandboxRequest).
   */
  exchange(request: SandboxRequest): Promise<SandboxAnswer>;
  stop(): Promise<void>;
  stats(): SandboxStats;
  /** The current users and groups (copies), for tests and the workbench's preview. */
  snapshot(): SandboxState;
}

/**
 * A request as the sandbox reads it. Its HTTP server makes one of each HTTP request; a client in the same process
 * (the CLI's own, when it started the sandbox) hands it over as it is (`exchange`): an initial import is some 1,900
 * /Bulk requests of 30,000 characters, and HTTP over loopback (the kernel's TCP, both parsers) cost the CLI's main
 * thread about a tenth of its apply.
 */
export interface SandboxRequest {
  method: string;
  /** The path and query (an absolute URL is read the same). */
  url: string;
  /** Header names in lower case, as Node's HTTP server gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The body: at hand, or still being read (HTTP). */
  body: string | Promise<string>;
}

/** The sandbox's answer: status, headers (names in lower case) and body ('' when it has none). */
export interface SandboxAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The largest request body the sandbox takes (10 MiB); a larger one is answered 413. */
const BODY_LIMIT = 10_485_760;

/** Resources written to the change log in one turn of the event loop (about 3 ms of work for new accounts). */
const FLUSH_SLICE = 256;

const SCIM_JSON = 'application/scim+json';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const BULK_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

interface Reply {
  status: number;
  body?: unknown;
  /** The body's JSON text when it is at hand (a stored user's text, a listing made of such texts). */
  text?: string;
  headers?: Record<string, string>;
}

/** The body of a reply whose text is one stored user's (a GET): its object is parsed only when needed. */
const ONE_USER = Object.freeze({});
/** The body of a reply whose text is a listing made of stored texts. */
const LISTING = Object.freeze({});

function errorReply(
  status: number,
  detail: string,
  scimType?: string,
  headers?: Record<string, string>,
): Reply {
  return {
    status,
    body: { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail },
    ...(headers ? { headers } : {}),
  };
}

/** A request header's value (the first, when it came more than once). */
function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A SCIM ListResponse holding every item in one page (the discovery endpoints are small). */
function wholeList(items: readonly unknown[]): Record<string, unknown> {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: items.length,
    startIndex: 1,
    itemsPerPage: items.length,
    Resources: items,
  };
}

/** The request's `Prefer` header (RFC 7240) asks for `return=minimal`. */
function prefersMinimal(prefer: string | string[] | undefined): boolean {
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  return /(?:^|,)\s*return\s*=\s*"?minimal"?\s*(?:[;,]|$)/i.test(text);
}

function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new ScimHttpError(413, 'payload too large', 'tooMany'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the Plek sandbox: a SCIM 2.0 service provider (RFC 7643/7644) on 127.0.0.1 with OAuth2 client
 * credentials, ETags, filters, paging, PATCH (scim-patch) and /Bulk, optionally persisted to `dataDir`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? 'plek-demo';
  const clientSecret = options.clientSecret ?? randomBytes(18).toString('base64url');
  const ttl = options.tokenTtlSeconds ?? 3600;
  const tokens = new Map<string, number>();
  const stats: SandboxStats = {
    requests: 0,
    byMethod: {},
    byStatus: {},
    rateLimited: 0,
    unauthorized: 0,
    bulkRequests: 0,
    bulkOperations: 0,
    tokensIssued: 0,
    users: 0,
    groups: 0,
  };
  let saveTimer: NodeJS.Timeout | null = null;
  let saveNext: NodeJS.Immediate | null = null;
  // Persistence (snapshot + append-only change log): a change is one appended line, written in batches.
  const persistence = options.dataDir ? new SandboxPersistence(options.dataDir, () => store) : null;
  /**
   * Writes what changed in slices, each in its own turn of the event loop: requests that came in meanwhile are
   * answered between two slices instead of waiting for the whole batch (4,000 accounts after a quarter of a
   * second of /Bulk creates). A slice is FLUSH_SLICE resources, or an eighth of those waiting when more are: what
   * waits stays bounded however fast changes come in.
   */
  const save = (): void => {
    saveTimer = null;
    saveNext = null;
    if (!persistence) return;
    const slice = Math.max(FLUSH_SLICE, Math.ceil(persistence.pendingCount / 8));
    if (persistence.flushSome(slice)) saveNext = setImmediate(save);
  };
  const store = new SandboxStore(
    now,
    (kind, id) => {
      if (!persistence) return;
      persistence.changed(kind, id);
      if (saveTimer || saveNext) return;
      saveTimer = setTimeout(save, options.saveDelayMs ?? 250);
    },
    (options.profile ?? 'plek') === 'plek',
  );
  let fresh = true;
  if (persistence) {
    // Users as their texts, straight from the change log's lines.
    const saved = persistence.loadStored(store);
    if (saved) {
      store.loadStored(saved);
      fresh = false;
    }
  }
  let base = '';
  let stopped = false;
  const perSecond = options.rateLimit ? options.rateLimit.perMinute / 60 : 0;
  let bucket = Math.max(1, perSecond);
  let bucketAt = now();
  const takeToken = (): number => {
    const t = now();
    bucket = Math.min(Math.max(1, perSecond), bucket + ((t - bucketAt) / 1000) * perSecond);
    bucketAt = t;
    if (bucket >= 1) {
      bucket -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket) / perSecond));
  };
  /** The IETF draft's rate-limit headers, as real targets send them, so clients can pace themselves. */
  const rateLimitHeaders = (): Record<string, string> => {
    if (perSecond <= 0 || !options.rateLimit || options.rateLimit.headers === false) return {};
    const capacity = Math.max(1, perSecond);
    const t = now();
    const level = Math.min(capacity, bucket + ((t - bucketAt) / 1000) * perSecond);
    return {
      'ratelimit-limit': String(options.rateLimit.perMinute),
      'ratelimit-remaining': String(Math.floor(level)),
      'ratelimit-reset': String(Math.ceil((capacity - level) / perSecond)),
      'ratelimit-policy': `${options.rateLimit.perMinute};w=60`,
    };
  };
  const faultRandom = seeded(options.faults?.seed ?? 1);

  function authorised(req: SandboxRequest): boolean {
    const h = header(req, 'authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m?.[1]) return false;
    if (options.staticToken && safeEqual(m[1], options.staticToken)) return true;
    const exp = tokens.get(m[1]);
    if (exp === undefined) return false;
    if (exp <= now()) {
      tokens.delete(m[1]);
      return false;
    }
    return true;
  }

  function issueToken(req: SandboxRequest, raw: string): Reply {
    const form = new URLSearchParams(raw);
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const cut = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, cut));
      secret = decodeURIComponent(decoded.slice(cut + 1));
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    if (!safeEqual(id, clientId) || !safeEqual(secret, clientSecret)) {
      return { status: 401, body: { error: 'invalid_client' }, headers: { 'www-authenticate': 'Basic' } };
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, now() + ttl * 1000);
    stats.tokensIssued += 1;
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: ttl },
      headers: { 'cache-control': 'no-store' },
    };
  }

  /** A resource just written, with its ETag; its text as the store keeps it (a user's is made once). */
  function withVersion(kind: ResourceKind, resource: Resource, status = 200): Reply {
    return {
      status,
      body: resource,
      ...(kind === 'Users' ? { text: store.textById(kind, resource.id) } : {}),
      headers: { etag: resource.meta.version },
    };
  }

  /**
   * A page of a listing. Its text is put together from the stored texts (JSON.stringify of the same answer as
   * an object, byte for byte): a page of 1,000 accounts is neither parsed nor written again.
   */
  function list(kind: ResourceKind, query: URLSearchParams): Reply {
    const all = store.select(kind, query.get('filter') ?? undefined);
    const startIndex = Math.max(1, Number.parseInt(query.get('startIndex') ?? '1', 10) || 1);
    const countParam = query.get('count');
    const count = Math.min(
      MAX_RESULTS,
      Math.max(0, countParam === null ? MAX_RESULTS : Number.parseInt(countParam, 10) || 0),
    );
    const page = all.slice(startIndex - 1, startIndex - 1 + count);
    const excluded = (query.get('excludedAttributes') ?? '').toLowerCase().split(',');
    const withoutMembers = excluded.includes('members');
    const texts = page.map((s) => {
      if (withoutMembers && !(s instanceof StoredUser)) {
        // A group, kept as its object: left out of it as before (its member list is never written).
        const { members: _m, ...r } = s;
        return JSON.stringify(r);
      }
      const text = store.textOf(s);
      // `"members":` with its quotes unescaped is found in a JSON text only as a key: a text without it has
      // no member list to leave out.
      if (!withoutMembers || !text.includes('"members":')) return text;
      const { members: _m, ...r } = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify(r);
    });
    // The envelope as JSON.stringify writes it, with a stand-in for the resources at its end.
    const envelope = JSON.stringify({
      schemas: [LIST_SCHEMA],
      totalResults: all.length,
      startIndex,
      itemsPerPage: page.length,
      Resources: 0,
    });
    return { status: 200, body: LISTING, text: `${envelope.slice(0, -2)}[${texts.join(',')}]}` };
  }

  function route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    ifMatch?: string,
  ): Reply {
    const parts = path.split('/').filter(Boolean);
    const [head, id, extra] = parts;
    if (extra !== undefined) return errorReply(404, `no such endpoint ${path}`);
    if (head === 'ServiceProviderConfig' && method === 'GET')
      return { status: 200, body: SERVICE_PROVIDER_CONFIG };
    if (head === 'Schemas' && method === 'GET') {
      if (!id) return { status: 200, body: wholeList(SCHEMAS) };
      const s = SCHEMAS.find((x) => x.id === decodeURIComponent(id));
      return s ? { status: 200, body: s } : errorReply(404, `schema ${id} not found`);
    }
    if (head === 'ResourceTypes' && method === 'GET') {
      if (!id) return { status: 200, body: wholeList(RESOURCE_TYPES) };
      const t = RESOURCE_TYPES.find((x) => x.id === id);
      return t ? { status: 200, body: t } : errorReply(404, `resource type ${id} not found`);
    }
    if (head !== 'Users' && head !== 'Groups') return errorReply(404, `no such endpoint ${path}`);
    const kind: ResourceKind = head;
    if (!id) {
      if (method === 'GET') return list(kind, query);
      // The body was parsed from this request (or its /Bulk operation) alone: the store may keep it.
      if (method === 'POST') return withVersion(kind, store.create(kind, body, base, true), 201);
      return errorReply(405, `${method} not allowed on /${kind}`);
    }
    switch (method) {
      case 'GET': {
        if (kind !== 'Users') return withVersion(kind, store.get(kind, id));
        const { text, version } = store.read(kind, id);
        return { status: 200, body: ONE_USER, text, headers: { etag: version } };
      }
      case 'PUT':
        return withVersion(kind, store.replace(kind, id, body, ifMatch));
      case 'PATCH':
        return withVersion(kind, store.patch(kind, id, body, ifMatch));
      case 'DELETE':
        store.delete(kind, id, ifMatch);
        return { status: 204 };
      default:
        return errorReply(405, `${method} not allowed`);
    }
  }

  function safeRoute(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    ifMatch?: string,
  ): Reply {
    try {
      return route(method, path, query, body, ifMatch);
    } catch (e) {
      if (e instanceof ScimHttpError) return errorReply(e.status, e.message, e.scimType);
      if (e instanceof InvalidFilterError) return errorReply(400, e.message, 'invalidFilter');
      throw e;
    }
  }

  function bulk(body: unknown): Reply {
    const ops = (body as { Operations?: unknown } | null)?.Operations;
    if (!Array.isArray(ops)) return errorReply(400, 'Bulk needs Operations', 'invalidSyntax');
    if (ops.length > BULK_MAX_OPERATIONS)
      return errorReply(413, `at most ${BULK_MAX_OPERATIONS} operations`, 'tooMany');
    stats.bulkRequests += 1;
    stats.bulkOperations += ops.length;
    const failOnErrors = Number((body as { failOnErrors?: unknown }).failOnErrors ?? 0);
    const results: Record<string, unknown>[] = [];
    let errors = 0;
    for (const raw of ops as Record<string, unknown>[]) {
      if (failOnErrors > 0 && errors >= failOnErrors) break;
      const method = String(raw.method ?? '').toUpperCase();
      const path = String(raw.path ?? '');
      const reply = safeRoute(
        method,
        path,
        new URLSearchParams(),
        raw.data,
        typeof raw.version === 'string' ? raw.version : undefined,
      );
      if (reply.status >= 400) errors += 1;
      const resource = (reply.body === ONE_USER ? JSON.parse(reply.text!) : reply.body) as
        { id?: string; meta?: { location?: string; version?: string } } | undefined;
      results.push({
        method,
        ...(raw.bulkId ? { bulkId: raw.bulkId } : {}),
        ...(resource?.meta?.location ? { location: resource.meta.location } : {}),
        ...(resource?.meta?.version ? { version: resource.meta.version } : {}),
        status: String(reply.status),
        ...(reply.status >= 400 ? { response: reply.body } : {}),
      });
    }
    return { status: 200, body: { schemas: [BULK_RESPONSE_SCHEMA], Operations: results } };
  }

  async function handle(req: SandboxRequest): Promise<Reply> {
    const method = req.method.toUpperCase();
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/scim\/v2(?=\/)/, '');
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const raw = await req.body;
    // (A text of n characters is at most 3n bytes: only a long one is measured.)
    if (
      typeof req.body === 'string' &&
      raw.length * 3 > BODY_LIMIT &&
      Buffer.byteLength(raw, 'utf8') > BODY_LIMIT
    )
      throw new ScimHttpError(413, 'payload too large', 'tooMany');
    if (path === '/oauth/token' && method === 'POST') return issueToken(req, raw);
    if (perSecond > 0) {
      const wait = takeToken();
      if (wait > 0) {
        stats.rateLimited += 1;
        return errorReply(429, 'rate limit exceeded', undefined, { 'retry-after': String(wait) });
      }
    }
    if (!authorised(req)) {
      stats.unauthorized += 1;
      return errorReply(401, 'missing, invalid or expired bearer token', undefined, {
        'www-authenticate': 'Bearer',
      });
    }
    if (options.faults && faultRandom() < options.faults.errorRate) return errorReply(500, 'injected fault');
    let body: unknown;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        return errorReply(400, 'request body is not JSON', 'invalidSyntax');
      }
    }
    if (path === '/Bulk') return method === 'POST' ? bulk(body) : errorReply(405, 'Bulk takes POST');
    const ifMatch = header(req, 'if-match');
    const reply = safeRoute(method, path, url.searchParams, body, ifMatch);
    // A PATCH whose client asks for no answer (RFC 7240 `Prefer: return=minimal`; RFC 7644 §3.5.2 allows 204):
    // the status and the ETag, without the resource (a group's PATCH would send back every member).
    if (method === 'PATCH' && reply.status === 200 && prefersMinimal(req.headers.prefer))
      return { status: 204, headers: { ...reply.headers, 'preference-applied': 'return=minimal' } };
    return reply;
  }

  /** A request's answer, as the HTTP server sends it and `exchange` gives it. */
  async function answer(req: SandboxRequest): Promise<Omit<SandboxAnswer, 'body'> & { body?: string }> {
    stats.requests += 1;
    const reply = await handle(req).catch((e: unknown) =>
      e instanceof ScimHttpError
        ? errorReply(e.status, e.message, e.scimType)
        : errorReply(500, 'internal error'),
    );
    stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
    const headers: Record<string, string> = { ...reply.headers, ...rateLimitHeaders() };
    if (reply.body === undefined) return { status: reply.status, headers };
    headers['content-type'] =
      reply.status === 200 && reply.body && 'access_token' in (reply.body as object)
        ? 'application/json'
        : SCIM_JSON;
    return {
      status: reply.status,
      headers,
      body: reply.text ?? store.toJson(reply.body),
    };
  }

  const server = createServer((req, res: ServerResponse) => {
    answer({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: readBody(req),
    })
      .then((a) => {
        res.writeHead(a.status, a.headers);
        res.end(a.body);
      })
      .catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  if (fresh && options.seed) {
    const idByExternal = new Map<string, string>();
    for (const u of options.seed.users ?? []) {
      const r = store.create('Users', u, base);
      if (typeof u.externalId === 'string') idByExternal.set(u.externalId, r.id);
      if (typeof u.userName === 'string') idByExternal.set(u.userName, r.id);
    }
    for (const g of options.seed.groups ?? []) {
      const members = (g.members ?? []).map((m) => ({ value: idByExternal.get(m.value) ?? m.value }));
      store.create('Groups', { displayName: g.displayName, members }, base);
    }
  }

  return {
    url: base,
    tokenUrl: `${base}/oauth/token`,
    clientId,
    clientSecret,
    async exchange(request) {
      // Stopped: what a request to a closed server meets (its state is saved and no longer written).
      if (stopped) throw new Error('the sandbox has stopped');
      const a = await answer(request);
      return { status: a.status, headers: a.headers, body: a.body ?? '' };
    },
    async stop() {
      stopped = true;
      if (saveTimer) clearTimeout(saveTimer);
      if (saveNext) clearImmediate(saveNext);
      saveTimer = null;
      saveNext = null;
      persistence?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    stats() {
      return {
        ...stats,
        byMethod: { ...stats.byMethod },
        byStatus: { ...stats.byStatus },
        users: store.users.size,
        groups: store.groups.size,
      };
    },
    snapshot() {
      return structuredClone(store.toJSON());
    },
  };
}
