import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Deviations real SCIM servers show, each one switchable. The proxy puts them in front of any SCIM server
 * (the embedded sandbox, SCIMMY) so the client meets them without a vendor's server at hand.
 */
export interface ScimQuirks {
  /**
   * How /Bulk reports an operation's success: `object` — `{code: "201"}` (SCIM 1.1 / early drafts, a widely used
   * open-source gateway), `number` — 201, `string` — "201" (RFC 7644); `unreadable` — no status at all. In every
   * case a success carries only `location` and `version`, no `response`.
   */
  bulkStatus?: 'object' | 'number' | 'string' | 'unreadable';
  /** `active` sent as the strings "True"/"False" (Microsoft Entra's style). */
  stringBooleans?: boolean;
  /** startIndex read as 0-based: the first page silently skips one resource; the asked startIndex is echoed. */
  zeroBasedPaging?: boolean;
  /** totalResults off by this much. */
  totalResultsOffset?: number;
  /** No ETag header, no meta.version, `etag.supported: false`. */
  noEtag?: boolean;
  /** Any `filter` → 400 invalidFilter. */
  noFilter?: boolean;
  /** 500 instead of 404 for an unknown id. */
  errorForUnknownId?: boolean;
  /** Every user has a primary home email before its (non-primary) work email. */
  homePrimaryEmail?: boolean;
  /** /ServiceProviderConfig answers with this status instead. */
  serviceProviderConfigStatus?: number;
  /** /Bulk answers with this status (e.g. 501) although /ServiceProviderConfig says it is supported. */
  bulkEndpointStatus?: number;
}

export interface QuirkProxy {
  url: string;
  /** Requests as the client sent them (method and path with query). */
  seen: { method: string; url: string; body?: unknown }[];
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scimError(status: number, detail: string, scimType?: string): Json {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

/** The home address a person keeps in their own profile: derived from the work address, so reads are stable. */
function homeEmail(work: string): string {
  const local = work.split('@')[0] ?? 'prive';
  return `${local}.prive@thuismail.example`;
}

function quirkUser(u: Json, q: ScimQuirks): Json {
  let out: Json = { ...u };
  if (q.stringBooleans && typeof out.active === 'boolean') out.active = out.active ? 'True' : 'False';
  if (q.noEtag && isRecord(out.meta)) {
    const { version: _v, ...meta } = out.meta;
    out = { ...out, meta };
  }
  if (q.homePrimaryEmail && Array.isArray(out.emails)) {
    const emails = out.emails.filter(isRecord);
    const work = emails.find((e) => e.type === 'work');
    if (work && typeof work.value === 'string') {
      const others = emails.filter((e) => e.type !== 'home').map((e) => ({ ...e, primary: false }));
      const home = emails.find((e) => e.type === 'home') ?? { type: 'home', value: homeEmail(work.value) };
      out.emails = [{ ...home, primary: true }, ...others];
    }
  }
  return out;
}

/**
 * Starts a proxy on 127.0.0.1 in front of `target` (a SCIM base URL) that answers as a server with the given
 * quirks would. The target's path prefix is kept: the proxy's URL is a SCIM base URL as well.
 */
export async function startQuirkProxy(target: string, q: ScimQuirks): Promise<QuirkProxy> {
  const base = new URL(target.replace(/\/+$/, ''));
  const prefix = base.pathname === '/' ? '' : base.pathname;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const seen: QuirkProxy['seen'] = [];

  const forward = (
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = request(
        {
          host: base.hostname,
          port: base.port,
          path: `${prefix}${path}`,
          method,
          headers: { ...headers, host: base.host, 'content-length': String(body.length) },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (typeof v === 'string' && !['connection', 'keep-alive', 'transfer-encoding'].includes(k))
                h[k] = v;
            resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
          });
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const handle = async (
    req: IncomingMessage,
    raw: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body?: unknown; rawBody?: Buffer }> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://proxy');
    let path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    if (path === '') path = '/';
    let parsedBody: unknown;
    try {
      parsedBody = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      parsedBody = undefined;
    }
    seen.push({
      method,
      url: `${path}${url.search}`,
      ...(parsedBody !== undefined ? { body: parsedBody } : {}),
    });
    const json = { 'content-type': 'application/scim+json' };
    if (path === '/ServiceProviderConfig' && q.serviceProviderConfigStatus)
      return {
        status: q.serviceProviderConfigStatus,
        headers: json,
        body: scimError(q.serviceProviderConfigStatus, 'configuration store unavailable'),
      };
    if (path === '/Bulk' && q.bulkEndpointStatus)
      return {
        status: q.bulkEndpointStatus,
        headers: json,
        body: scimError(q.bulkEndpointStatus, 'Bulk is not implemented'),
      };
    const [, head, id] = path.split('/');
    const isList = method === 'GET' && !id && (head === 'Users' || head === 'Groups');
    if (isList && q.noFilter && url.searchParams.has('filter'))
      return {
        status: 400,
        headers: json,
        body: scimError(400, 'Filtering is not supported', 'invalidFilter'),
      };
    const asked = Number(url.searchParams.get('startIndex') ?? '1');
    if (isList && q.zeroBasedPaging) url.searchParams.set('startIndex', String(Math.max(0, asked) + 1));
    const up = await forward(
      method,
      `${path}${url.search ? `?${url.searchParams.toString()}` : ''}`,
      req.headers,
      raw,
    );
    const headers = { ...up.headers };
    delete headers['content-length'];
    if (q.noEtag) delete headers.etag;
    let body: unknown;
    try {
      body = up.body.length ? JSON.parse(up.body.toString('utf8')) : undefined;
    } catch {
      return { status: up.status, headers, rawBody: up.body };
    }
    if (q.errorForUnknownId && up.status === 404 && id && (head === 'Users' || head === 'Groups'))
      return { status: 500, headers: json, body: scimError(500, 'Internal Server Error') };
    if (!isRecord(body)) return { status: up.status, headers, body };
    return { status: up.status, headers, body: rewrite(body) };

    function rewrite(answer: Json): Json {
      let body = answer;
      if (path === '/ServiceProviderConfig' && q.noEtag) body = { ...body, etag: { supported: false } };
      if (path === '/ServiceProviderConfig' && q.noFilter)
        body = { ...body, filter: { supported: false, maxResults: 0 } };
      if (head === 'Users' && up.status < 300) {
        if (Array.isArray(body.Resources))
          body = { ...body, Resources: body.Resources.filter(isRecord).map((u) => quirkUser(u, q)) };
        else if (id || method === 'POST') body = quirkUser(body, q);
      }
      if (isList && isRecord(body)) {
        if (q.zeroBasedPaging) body = { ...body, startIndex: asked };
        if (q.totalResultsOffset && typeof body.totalResults === 'number')
          body = { ...body, totalResults: body.totalResults + q.totalResultsOffset };
      }
      if (path === '/Bulk' && q.bulkStatus && isRecord(body) && Array.isArray(body.Operations)) {
        body = {
          ...body,
          Operations: body.Operations.filter(isRecord).map((o) => {
            const code = Number(isRecord(o.status) ? o.status.code : o.status);
            if (!(code >= 200 && code < 300)) return o;
            const { response, status: _s, ...rest } = o;
            const location =
              typeof rest.location === 'string'
                ? rest.location
                : isRecord(response) && isRecord(response.meta) && typeof response.meta.location === 'string'
                  ? response.meta.location
                  : undefined;
            const out: Json = {
              ...rest,
              ...(location ? { location } : {}),
              version: rest.version ?? 'W/"1"',
            };
            if (q.bulkStatus === 'object') out.status = { code: String(code) };
            else if (q.bulkStatus === 'number') out.status = code;
            else if (q.bulkStatus === 'string') out.status = String(code);
            return out;
          }),
        };
      }
      return body;
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks))
        .then((r) => {
          res.writeHead(r.status, r.headers);
          res.end(r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body)));
        })
        .catch(() => {
          res.writeHead(502, { 'content-type': 'application/scim+json' });
          res.end(JSON.stringify(scimError(502, 'upstream unreachable')));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    seen,
    async stop() {
      agent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
