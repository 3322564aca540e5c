import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel } from '../../shared/api/channels';
import { fail, type ApiErrorCode, type Result } from '../../shared/api/contract';
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
}

export interface BridgeHandle {
  /** `http://127.0.0.1:PORT/#token=…`: what the consultant opens. The token sits in the fragment, so it is never sent in a request line or logged by a proxy. */
  url: string;
  origin: string;
  port: number;
  token: string;
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

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
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

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, 'invalid-request', `request body larger than ${limit} bytes`));
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
        reject(new HttpError(413, 'invalid-request', `request body larger than ${limit} bytes`));
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
 * random token (header `Authorization: Bearer …` or `X-Plek-Token`, compared in constant time); requests with a
 * foreign `Host` (DNS rebinding) or `Origin` (another site in the same browser) are refused before anything
 * else. `POST /api/<channel>` carries a JSON request; `GET /api/events?token=…` streams events (SSE); every other
 * GET serves the built renderer with a strict CSP.
 */
export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token, 'utf8');
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 96 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice('/api/'.length);
    if (route === 'events') {
      if (req.method !== 'GET') throw new HttpError(405, 'invalid-request', 'use GET for the event stream');
      // EventSource cannot set headers, so the stream also accepts the token as a query parameter.
      if (!tokenMatches(expected, tokenFromHeaders(req) ?? url.searchParams.get('token')))
        throw new HttpError(401, 'unauthorized', 'missing or wrong token');
      openEventStream(req, res);
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'invalid-request', 'API calls are POST requests');
    if (!tokenMatches(expected, tokenFromHeaders(req)))
      throw new HttpError(401, 'unauthorized', 'missing or wrong token');
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
    if (!isBridgeHost(req.headers.host, port)) throw new HttpError(403, 'forbidden', 'wrong Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !isBridgeOrigin(origin, port))
      throw new HttpError(403, 'forbidden', 'requests from other origins are refused');
    if (req.headers['sec-fetch-site'] === 'cross-site')
      throw new HttpError(403, 'forbidden', 'requests from other sites are refused');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      throw new HttpError(400, 'invalid-request', 'bad request line');
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await handleApi(req, res, url);
    else await handleStatic(req, res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) sendJson(res, error.status, fail(error.code, error.message));
      else sendJson(res, 500, fail('internal', 'the bridge could not handle this request'));
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 0; // uploads and the event stream may take long; the token guards the door.

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
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
