/**
 * HR application emulators on 127.0.0.1, written from the vendors' public API documentation:
 *  - Personio Persons & Employments v2: POST /v2/auth/token (form: client_id, client_secret, grant_type),
 *    GET /v2/persons?limit≤50&cursor=… → { _data, _meta: { links: { self, next } } },
 *    GET /v2/persons/{id}/employments → { _data: [most recent first], _meta }.
 *  - AFAS Profit GetConnector: GET /ProfitRestServices/connectors/{id}?skip&take → { skip, take, rows },
 *    `Authorization: AfasToken <base64 of the token XML>`.
 *  - A generic REST/JSON people API with each paging style (offset, page, cursor, next link) and auth kind.
 * Faults are scripted per request number (429 with Retry-After, 500), tokens can expire mid-read, and every
 * request is recorded (path, host, whether credentials came along) so tests can check what the client sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fullFamilyName, type HrPerson } from './hr-people';

export interface Fault {
  status: number;
  retryAfter?: string;
}

export interface EmulatorRequest {
  method: string;
  path: string;
  authorization: string | null;
  /** 1-based count of API (non-token) requests when it arrived. */
  n: number;
}

export interface EmulatorBase {
  url: string;
  requests: EmulatorRequest[];
  tokenRequests: number;
  /** Most API requests that were in flight at the same time. */
  maxInFlight: number;
  /** API requests answered 429 by the `ratePerSecond` limit. */
  rateLimited: number;
  stop(): Promise<void>;
}

interface CommonOptions {
  /** Answer every request after this many milliseconds (latency of a real API). */
  latencyMs?: number;
  /** A fault for the n-th API request (1-based), or undefined to answer normally. */
  fault?: (n: number, path: string) => Fault | undefined;
  /** Serve https with this certificate (one the client does not trust, to test the TLS message). */
  tls?: { key: string; cert: string };
  /**
   * A rate limit: at most this many API requests per rolling second; beyond it 429 with `Retry-After: 1`, as an
   * API with a burst limit answers.
   */
  ratePerSecond?: number;
}

const FAULT_TITLES: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, n: number) => Promise<void> | void;

async function serve(
  options: CommonOptions,
  isToken: (url: URL, method: string) => boolean,
  handler: Handler,
): Promise<EmulatorBase & { server: Server }> {
  const state = {
    requests: [] as EmulatorRequest[],
    tokenRequests: 0,
    inFlight: 0,
    maxInFlight: 0,
    n: 0,
    limited: 0,
  };
  // Arrival times of the API requests answered within the last second (the rate limit's window).
  const window: number[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const token = isToken(url, req.method ?? 'GET');
      const n = token ? 0 : ++state.n;
      if (token) state.tokenRequests++;
      else {
        state.requests.push({
          method: req.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          authorization: req.headers.authorization ?? null,
          n,
        });
        state.inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      }
      try {
        if (options.latencyMs) await sleep(options.latencyMs);
        if (!token && options.ratePerSecond !== undefined) {
          const now = Date.now();
          while (window.length > 0 && window[0]! <= now - 1000) window.shift();
          if (window.length >= options.ratePerSecond) {
            state.limited++;
            sendJson(res, 429, { title: 'Too Many Requests', status: 429 }, { 'retry-after': '1' });
            return;
          }
          window.push(now);
        }
        const fault = token ? undefined : options.fault?.(n, url.pathname);
        if (fault) {
          sendJson(
            res,
            fault.status,
            { title: FAULT_TITLES[fault.status] ?? 'Error', status: fault.status },
            fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {},
          );
          return;
        }
        await handler(req, res, url, n);
      } catch (error) {
        sendJson(res, 500, { title: String(error) });
      } finally {
        if (!token) state.inFlight--;
      }
    })();
  };
  const server: Server = options.tls
    ? (createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) as unknown as Server)
    : createServer(listener);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get tokenRequests() {
      return state.tokenRequests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    get rateLimited() {
      return state.limited;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- Personio v2

export interface PersonioEmulatorOptions extends CommonOptions {
  people: HrPerson[];
  clientId: string;
  clientSecret: string;
  /** expires_in of issued tokens (seconds). */
  tokenTtlSeconds?: number;
  /** Revoke the current token after this many API requests (token expiry mid-read). */
  expireTokenAfter?: number;
  /** The scope of issued tokens (default personio:persons:read); without that scope persons answer 403. */
  scope?: string;
}

export type PersonioEmulator = EmulatorBase;

/** Personio's problem answer (`personio_trace_id`, `timestamp`, `errors[]`), as its v2 OpenAPI documents it. */
function personioProblem(status: number, title: string, detail: string): Record<string, unknown> {
  return {
    personio_trace_id: `trace-${status}-${title.length}`,
    timestamp: '2026-11-23T09:00:00+00:00',
    errors: [{ title, detail, type: `https://developer.personio.de/reference/errors#common.${status}` }],
  };
}

function personioStatus(p: HrPerson): 'ACTIVE' | 'INACTIVE' {
  // The person's status is derived from the latest employment: ACTIVE for ACTIVE, LEAVE and ONBOARDING.
  return p.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE';
}

/** A person as GET /v2/persons lists it (the Person schema of Personio's v2 OpenAPI). */
function personioPerson(p: HrPerson, base: string): Record<string, unknown> {
  return {
    id: p.id,
    email: p.email,
    created_at: `${p.startDate}T08:00:00Z`,
    updated_at: '2026-11-01T10:00:00Z',
    first_name: p.givenName,
    last_name: fullFamilyName(p),
    preferred_name: p.callName ?? '',
    gender: p.gender.toUpperCase(),
    profile_picture: { url: `${base}/v1/company/employees/${p.id}/profile-picture` },
    status: personioStatus(p),
    custom_attributes: [
      { id: 'dynamic_21827', global_id: '21827', label: 'Afdeling', type: 'STRING', value: p.department },
      { id: 'dynamic_30001', global_id: '30001', label: 'Mobiel', type: 'STRING', value: null },
    ],
    employments: [{ id: `emp-${p.id}` }],
    _meta: { links: { employments: { href: `${base}/v2/persons/${p.id}/employments` } } },
  };
}

/** The employments of a person, most recent first (the Employment schema of Personio's v2 OpenAPI). */
function personioEmployments(p: HrPerson, base: string): Record<string, unknown>[] {
  const current = {
    id: `emp-${p.id}`,
    status: p.status,
    weekly_working_hours: 36,
    full_time_weekly_working_hours: 40,
    probation_end_date: null,
    employment_start_date: p.startDate,
    employment_end_date: p.endDate,
    type: 'INTERNAL',
    contract_end_date: null,
    created_at: `${p.startDate}T08:00:00Z`,
    updated_at: '2026-11-01T10:00:00Z',
    position: { title: p.title },
    supervisor: p.supervisorId ? { id: p.supervisorId } : null,
    office: { id: `office-${p.office}` },
    legal_entity: { id: '170' },
    org_units: [
      { type: 'department', id: `dept-${p.department}` },
      { type: 'team', id: `team-${p.id.slice(-1)}` },
    ],
    cost_centers: [{ id: 'cc-1000', weight: 100 }],
    person: { id: p.id },
    termination: p.endDate
      ? {
          termination_date: p.endDate,
          last_working_day: p.endDate,
          terminated_at: null,
          type: 'QUIT',
          reason: null,
        }
      : null,
    _meta: {
      links: {
        person: { href: `${base}/v2/persons/${p.id}` },
        ...(p.supervisorId ? { supervisor: { href: `${base}/v2/persons/${p.supervisorId}` } } : {}),
      },
    },
  };
  // An older, ended employment after the current one (most recent first, as documented).
  const earlier = {
    id: `emp-${p.id}-old`,
    status: 'INACTIVE',
    employment_start_date: '2010-01-01',
    employment_end_date: '2011-12-31',
    type: 'INTERNAL',
    position: { title: 'Stagiair' },
    supervisor: null,
    person: { id: p.id },
    termination: {
      termination_date: '2011-12-31',
      last_working_day: '2011-12-31',
      terminated_at: '2011-10-01',
      type: 'CONTRACT_EXPIRED',
      reason: null,
    },
  };
  return Number(p.id) % 3 === 0 ? [current, earlier] : [current];
}

export async function startPersonioEmulator(o: PersonioEmulatorOptions): Promise<PersonioEmulator> {
  const tokens = new Set<string>();
  let issued = 0;
  let current: string | null = null;
  let requestsOnToken = 0;
  const cursors = new Map<string, number>();
  let base = '';
  const emulator = await serve(
    o,
    (url, method) => method === 'POST' && url.pathname === '/v2/auth/token',
    async (req, res, url) => {
      if (url.pathname === '/v2/auth/token') {
        const form = new URLSearchParams(await readBody(req));
        if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          return sendJson(res, 400, { error: 'invalid_request' });
        }
        if (form.get('grant_type') !== 'client_credentials')
          return sendJson(res, 400, { error: 'unsupported_grant_type' });
        if (form.get('client_id') !== o.clientId || form.get('client_secret') !== o.clientSecret) {
          return sendJson(res, 401, {
            error: 'invalid_client',
            error_description: 'Client authentication failed',
          });
        }
        const token = `papi-${++issued}-${Math.random().toString(36).slice(2)}`;
        tokens.add(token);
        current = token;
        requestsOnToken = 0;
        return sendJson(res, 200, {
          access_token: token,
          token_type: 'Bearer',
          expires_in: o.tokenTtlSeconds ?? 86_400,
          scope: o.scope ?? 'personio:persons:read',
        });
      }
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!tokens.has(token))
        return sendJson(res, 401, personioProblem(401, 'Unauthorized', 'The access token is not valid.'));
      if (token === current && o.expireTokenAfter !== undefined && ++requestsOnToken > o.expireTokenAfter) {
        tokens.delete(token);
        return sendJson(res, 401, personioProblem(401, 'Unauthorized', 'The access token expired.'));
      }
      if (!(o.scope ?? 'personio:persons:read').split(' ').includes('personio:persons:read')) {
        return sendJson(res, 403, {
          title: 'Forbidden',
          status: 403,
          detail: 'missing scope personio:persons:read',
        });
      }
      if (url.pathname === '/v2/persons') {
        const limit = Number(url.searchParams.get('limit') ?? '10');
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
          return sendJson(
            res,
            400,
            personioProblem(400, 'Bad request', 'Provided request parameters are invalid.'),
          );
        }
        const cursor = url.searchParams.get('cursor');
        const start = cursor === null ? 0 : cursors.get(cursor);
        if (start === undefined)
          return sendJson(res, 400, personioProblem(400, 'Bad request', 'Provided cursor is invalid.'));
        const page = o.people.slice(start, start + limit);
        const links: Record<string, { href: string }> = {
          self: { href: `${base}${url.pathname}${url.search}` },
        };
        if (start + limit < o.people.length) {
          const next = `cur_${Buffer.from(String(start + limit)).toString('base64url')}`;
          cursors.set(next, start + limit);
          links.next = { href: `${base}/v2/persons?limit=${limit}&cursor=${next}` };
        }
        return sendJson(res, 200, { _data: page.map((p) => personioPerson(p, base)), _meta: { links } });
      }
      const m = /^\/v2\/persons\/([^/]+)\/employments$/.exec(url.pathname);
      if (m) {
        const person = o.people.find((p) => p.id === decodeURIComponent(m[1]!));
        if (!person)
          return sendJson(
            res,
            404,
            personioProblem(404, 'Resource not found', 'There is no resource for the specified id.'),
          );
        return sendJson(res, 200, {
          _data: personioEmployments(person, base),
          _meta: { links: { self: { href: `${base}${url.pathname}` } } },
        });
      }
      return sendJson(res, 404, personioProblem(404, 'Not found', 'The requested resource was not found.'));
    },
  );
  base = emulator.url;
  return emulator;
}

// ---------------------------------------------------------------- AFAS Profit GetConnector

export interface AfasEmulatorOptions extends CommonOptions {
  people: HrPerson[];
  connector: string;
  /** The token XML AFAS handed out. */
  token: string;
  /** Profit caps take at this (default 1000). */
  maxTake?: number;
}

/** A GetConnector row with AFAS's Dutch field ids and ISO date-times. */
export function afasRow(p: HrPerson): Record<string, unknown> {
  return {
    Medewerker: p.id,
    Voornaam: p.givenName,
    Roepnaam: p.callName ?? p.givenName,
    Voorvoegsel: p.prefix,
    Achternaam: p.familyName,
    'E-mail werk': p.email,
    Functie: p.title,
    Afdeling: p.department,
    Standplaats: p.office,
    'Datum in dienst': `${p.startDate}T00:00:00Z`,
    'Datum uit dienst': p.status === 'INACTIVE' || p.endDate ? `${p.endDate}T00:00:00Z` : null,
    Leidinggevende: p.supervisorId,
  };
}

export async function startAfasEmulator(o: AfasEmulatorOptions): Promise<EmulatorBase> {
  const expected = `AfasToken ${Buffer.from(o.token, 'utf8').toString('base64')}`;
  return serve(
    o,
    () => false,
    (req, res, url) => {
      const prefix = '/ProfitRestServices/connectors/';
      if (!url.pathname.startsWith(prefix)) return sendJson(res, 404, { externalMessage: 'Not found' });
      if (req.headers.authorization !== expected) {
        return sendJson(res, 401, { externalMessage: 'Geen geldig token', profitLogReference: 'abc' });
      }
      const connector = decodeURIComponent(url.pathname.slice(prefix.length));
      if (connector !== o.connector) {
        return sendJson(res, 404, { externalMessage: `Connector ${connector} bestaat niet` });
      }
      const skip = Number(url.searchParams.get('skip') ?? '0');
      const take = Math.min(Number(url.searchParams.get('take') ?? '100'), o.maxTake ?? 1000);
      let rows = o.people.map(afasRow);
      const order = url.searchParams.get('orderbyfieldids');
      if (order) rows = [...rows].sort((a, b) => String(a[order]).localeCompare(String(b[order])));
      return sendJson(res, 200, { skip, take, rows: rows.slice(skip, skip + take) });
    },
  );
}

// ---------------------------------------------------------------- generic REST

export type RestPagingStyle = 'none' | 'offset' | 'page' | 'cursor' | 'nextLink';

export interface RestEmulatorOptions extends CommonOptions {
  people: HrPerson[];
  paging: RestPagingStyle;
  auth:
    | { kind: 'oauth2'; clientId: string; clientSecret: string }
    | { kind: 'bearer'; token: string }
    | {
        kind: 'apiKey';
        header: string;
        key: string;
      };
  /** Cap the page size the client asks for (an API that silently returns fewer). */
  maxPageSize?: number;
  /** Report this total instead of the real one (an API that lies, or a list that shrank). */
  reportTotal?: number;
  /** Put the next link on another host (a hostile or misconfigured API). */
  nextLinkHost?: string;
}

function restPerson(p: HrPerson): Record<string, unknown> {
  return {
    id: p.id,
    name: { first: p.givenName, preferred: p.callName, prefix: p.prefix, last: p.familyName },
    contact: { email: p.email, phones: [] },
    job: {
      title: p.title,
      department: p.department,
      manager: p.supervisorId ? { id: p.supervisorId } : null,
    },
    employment: {
      start_date: p.startDate,
      end_date: p.endDate,
      status: p.status === 'INACTIVE' ? 'inactive' : 'active',
    },
    tags: [p.office, p.department],
  };
}

export async function startRestEmulator(o: RestEmulatorOptions): Promise<EmulatorBase> {
  const tokens = new Set<string>();
  let base = '';
  const emulator = await serve(
    o,
    (url, method) => method === 'POST' && url.pathname === '/oauth/token',
    async (req, res, url) => {
      if (url.pathname === '/oauth/token') {
        const form = new URLSearchParams(await readBody(req));
        if (
          o.auth.kind !== 'oauth2' ||
          form.get('client_id') !== o.auth.clientId ||
          form.get('client_secret') !== o.auth.clientSecret
        ) {
          return sendJson(res, 401, { error: 'invalid_client' });
        }
        const token = `rest-${tokens.size + 1}`;
        tokens.add(token);
        return sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
      }
      const a = o.auth;
      const ok =
        a.kind === 'oauth2'
          ? tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))
          : a.kind === 'bearer'
            ? req.headers.authorization === `Bearer ${a.token}`
            : req.headers[a.header.toLowerCase()] === a.key;
      if (!ok) return sendJson(res, 401, { message: 'unauthorized' });
      if (url.pathname !== '/api/v1/employees') return sendJson(res, 404, { message: 'not found' });
      const all = o.people.map(restPerson);
      const cap = (n: number) => Math.min(n, o.maxPageSize ?? 1000);
      const q = url.searchParams;
      let start = 0;
      let size = all.length;
      if (o.paging === 'offset') {
        start = Number(q.get('offset') ?? '0');
        size = cap(Number(q.get('limit') ?? '25'));
      } else if (o.paging === 'page') {
        size = cap(Number(q.get('per_page') ?? '25'));
        start = (Number(q.get('page') ?? '1') - 1) * size;
      } else if (o.paging === 'cursor') {
        size = cap(Number(q.get('size') ?? '25'));
        const c = q.get('cursor');
        start = c ? Number(Buffer.from(c, 'base64url').toString('utf8').replace('after:', '')) : 0;
      } else if (o.paging === 'nextLink') {
        size = cap(20);
        start = Number(q.get('from') ?? '0');
      }
      const data = all.slice(start, start + size);
      const more = start + size < all.length;
      const meta: Record<string, unknown> = { total: o.reportTotal ?? all.length };
      if (o.paging === 'cursor')
        meta.next_cursor = more ? Buffer.from(`after:${start + size}`).toString('base64url') : null;
      const links: Record<string, unknown> = {};
      if (o.paging === 'nextLink' && more) {
        const host = o.nextLinkHost ?? base;
        links.next = `${host}/api/v1/employees?from=${start + size}`;
      }
      return sendJson(res, 200, { data, meta, links });
    },
  );
  base = emulator.url;
  return emulator;
}
