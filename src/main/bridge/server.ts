import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel } from '../../shared/api/channels';
import { fail, type ApiErrorCode, type Result } from '../../shared/api/contract';
import { refusal as refusalOf, type Refusal } from '../../shared/api/refusals';
import { RENDERER_CSP_HEADER } from '../../shared/api/csp';
import { isBridgeHost, isBridgeOrigin } from '../../shared/api/validators';
import type { WorkbenchService } from '../services/workbench-service';
import { contentTypeOf, resolveStaticFile } from './static-files';

export interface BridgeOptions {
  service: Pick<WorkbenchService, 'dispatch' | 'subscribe'>;
  /** The built renderer (out/renderer). Absent: API only. */
  staticDir?: string;
  /** 0 or absent: a free port. The bridge always binds to 127.0.0.1. */
  port?: number;
  /** Fixed token (tests); absent: 256 random bits. */
  token?: string;
  /** Body limit for ordinary calls (default 2 MiB). */
  maxBodyBytes?: number;
  /** Body limit for `source:upload` (default 96 MiB, a large HR export as base64). */
  maxUploadBytes?: number;
  /** Socket limits (tests shorten them); defaults in `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<BridgeTimeouts>;
}

export interface BridgeTimeouts {
  /** Time to receive the request headers. */
  headersMs: number;
  /** Time to receive the whole request, body included (a 96 MiB upload over loopback takes seconds). */
  requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveMs: number;
  /** How often Node checks the two limits above. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: BridgeTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 5_000,
  checkEveryMs: 5_000,
};

export interface BridgeHandle {
  /**
   * `http://127.0.0.1:PORT/session?code=…`: what the consultant opens. The code works once: the bridge trades it
   * for an HttpOnly, SameSite=Strict session cookie and sends the browser on to `/`, so what the browser's
   * command line (visible to other users through `ps`) and history show is useless afterwards.
   */
  url: string;
  origin: string;
  port: number;
  /** The session secret: the cookie's value, also accepted as a header by programmatic clients (tests). */
  token: string;
  /** A new one-time link (for a second browser); each works once. */
  newLoginUrl(): string;
  stop(): Promise<void>;
}

const STATUS_OF: Partial<Record<ApiErrorCode, number>> = {
  'invalid-request': 400,
  'unknown-channel': 404,
  unauthorized: 401,
  forbidden: 403,
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** A refusal of the bridge itself (before any handler): its HTTP status, API code and catalogue message. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly refusal: Refusal = refusalOf('refusal.bridge.protocol'),
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function tokenMatches(expected: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  const g = Buffer.from(given, 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the timing flat for wrong lengths too.
  if (g.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(g, expected);
}

function tokenFromHeaders(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer /i.test(auth)) return auth.slice(7).trim();
  const header = req.headers['x-plek-token'];
  return typeof header === 'string' ? header : null;
}

/** The value of one cookie, parsed strictly (no decoding: our values are base64url). */
function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(
      413,
      'invalid-request',
      `request body larger than ${limit} bytes`,
      refusalOf('refusal.bridge.tooLarge', { limit }),
    );
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

/**
 * Serve mode's transport: the workbench service behind a loopback-only HTTP server. Every API call needs the
 * session: the HttpOnly cookie a one-time login link set (`GET /session?code=…`), or for programmatic clients
 * the token as a header (`Authorization: Bearer …` or `X-Plek-Token`); compared in constant time. Requests with
 * a foreign `Host` (DNS rebinding) or `Origin` (another site in the same browser) are refused before anything
 * else. `POST /api/<channel>` carries a JSON request; `GET /api/events` streams events (SSE); `GET /api/session`
 * tells the page whether it holds a session; every other GET serves the built renderer with a strict CSP.
 */
export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token, 'utf8');
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 96 * 1024 * 1024;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const streams = new Set<ServerResponse>();
  /** One-time login codes that have not been used yet. */
  const codes = new Set<string>();
  let port = 0;
  let cookieName = 'plek-session';

  /** The session cookie (the page) or the token header (programmatic clients); never a query parameter. */
  function authorized(req: IncomingMessage): boolean {
    return tokenMatches(expected, tokenFromHeaders(req) || cookieValue(req, cookieName));
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice('/api/'.length);
    if (route === 'session') {
      // The page asks whether it holds a session before it shows the workbench.
      if (req.method !== 'GET') throw new HttpError(405, 'invalid-request', 'use GET for the session');
      if (!authorized(req))
        throw new HttpError(
          401,
          'unauthorized',
          'no session: open the link plek-sync serve printed',
          refusalOf('refusal.bridge.noSession'),
        );
      sendJson(res, 200, { ok: true, value: { session: true } });
      return;
    }
    if (route === 'events') {
      if (req.method !== 'GET') throw new HttpError(405, 'invalid-request', 'use GET for the event stream');
      if (!authorized(req))
        throw new HttpError(
          401,
          'unauthorized',
          'missing or wrong token',
          refusalOf('refusal.bridge.noSession'),
        );
      openEventStream(req, res);
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'invalid-request', 'API calls are POST requests');
    if (!authorized(req))
      throw new HttpError(
        401,
        'unauthorized',
        'missing or wrong token',
        refusalOf('refusal.bridge.noSession'),
      );
    if (!isChannel(route)) throw new HttpError(404, 'unknown-channel', 'unknown channel');
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(type))
      throw new HttpError(415, 'invalid-request', 'send the request as application/json');
    const body = await readBody(req, route === 'source:upload' ? maxUpload : maxBody);
    let parsed: unknown;
    try {
      parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid-request', `${route}: the body is not valid JSON`);
    }
    const result = await options.service.dispatch(route, parsed);
    sendJson(res, result.ok ? 200 : (STATUS_OF[result.error.code] ?? 200), result);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.service.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    keepAlive.unref();
    const close = () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', close);
    res.on('close', close);
  }

  /** `GET /session?code=…`: trades a one-time code for the session cookie, then sends the browser to `/`. */
  function handleLogin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') throw new HttpError(405, 'invalid-request', 'method not allowed');
    const code = url.searchParams.get('code') ?? '';
    const known = [...codes].find((c) => tokenMatches(Buffer.from(c, 'utf8'), code));
    if (known === undefined && !authorized(req)) {
      res.writeHead(403, {
        ...SECURITY_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(
        'This link has been used already or is not valid. Run plek-sync serve (or npm start) again for a new link.\n',
      );
      return;
    }
    if (known !== undefined) codes.delete(known);
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      location: '/',
      'cache-control': 'no-store',
      // HttpOnly: page scripts never see it. SameSite=Strict: no other site's page makes the browser send it.
      // Per-port name: cookies are not separated by port, and two workbenches may run side by side.
      'set-cookie': `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end();
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'invalid-request', 'method not allowed');
    // The raw path, not url.pathname: URL parsing would quietly resolve `..` segments before we could refuse them.
    const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const file = options.staticDir ? await resolveStaticFile(options.staticDir, rawPath) : null;
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    const type = contentTypeOf(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
      'content-security-policy': RENDERER_CSP_HEADER,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.com that re-points its name at 127.0.0.1 still sends Host: evil.com.
    if (!isBridgeHost(req.headers.host, port))
      throw new HttpError(403, 'forbidden', 'wrong Host header', refusalOf('refusal.bridge.foreign'));
    const origin = req.headers.origin;
    if (origin !== undefined && !isBridgeOrigin(origin, port))
      throw new HttpError(
        403,
        'forbidden',
        'requests from other origins are refused',
        refusalOf('refusal.bridge.foreign'),
      );
    if (req.headers['sec-fetch-site'] === 'cross-site')
      throw new HttpError(
        403,
        'forbidden',
        'requests from other sites are refused',
        refusalOf('refusal.bridge.foreign'),
      );
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      throw new HttpError(400, 'invalid-request', 'bad request line');
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await handleApi(req, res, url);
    else if (url.pathname === '/session') handleLogin(req, res, url);
    else await handleStatic(req, res);
  }

  const server: Server = createServer({ connectionsCheckingInterval: timeouts.checkEveryMs }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError)
        sendJson(res, error.status, fail(error.code, error.message, undefined, error.refusal));
      else
        sendJson(
          res,
          500,
          fail(
            'internal',
            'the bridge could not handle this request',
            undefined,
            refusalOf('refusal.bridge.failed'),
          ),
        );
    });
  });
  // A socket that never finishes its headers or body is closed (slowloris); the event stream is a response, so
  // the request limit does not cut it. Long API calls (a plan on 100k rows) send no bytes while they work and
  // are not idle sockets in Node's sense: only keep-alive idleness between requests is limited.
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `plek-session-${port}`;
  const origin = `http://127.0.0.1:${port}`;
  const newLoginUrl = () => {
    const code = randomBytes(24).toString('base64url');
    codes.add(code);
    return `${origin}/session?code=${code}`;
  };

  return {
    url: newLoginUrl(),
    origin,
    port,
    token,
    newLoginUrl,
    stop: async () => {
      for (const s of streams) s.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
