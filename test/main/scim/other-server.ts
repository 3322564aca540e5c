import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';

export interface Quirks {
  /** Any `filter` → 400 invalidFilter. */
  noFilter?: boolean;
  /** No ETag header, no meta.version, no etag in /ServiceProviderConfig. */
  noEtags?: boolean;
  /** 500 instead of 404 for a missing resource. */
  errorForMissing?: boolean;
  /** At most this many resources per page, whatever `count` asks. */
  maxPage?: number;
  /** totalResults is off by this much (positive: too large), or absent when 'missing'. */
  totalResults?: number | 'missing';
}

export interface OtherServer {
  url: string;
  users: Record<string, unknown>[];
  seen: { method: string; url: string; ifMatch?: string }[];
  stop(): Promise<void>;
}

/** A deliberately different SCIM server (think of a vendor that implements just enough of RFC 7644). */
export async function startOtherServer(token: string, quirks: Quirks): Promise<OtherServer> {
  const users: Record<string, unknown>[] = [];
  const seen: OtherServer['seen'] = [];
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers['if-match'] ? { ifMatch: String(req.headers['if-match']) } : {}),
      });
      if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { detail: 'unauthorized' });
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : undefined;
      const [, head, id] = url.pathname.split('/');
      if (head === 'ServiceProviderConfig')
        return send(res, 200, { patch: { supported: true }, filter: { supported: !quirks.noFilter } });
      if (head !== 'Users') return send(res, 404, { detail: 'not found' });
      const missing = () =>
        send(res, quirks.errorForMissing ? 500 : 404, {
          status: quirks.errorForMissing ? '500' : '404',
          detail: 'Internal Server Error',
        });
      const withMeta = (u: Record<string, unknown>) =>
        quirks.noEtags ? u : { ...u, meta: { version: `W/"${String(u._v)}"` } };
      const strip = (u: Record<string, unknown>) => {
        const { _v, ...rest } = u;
        return withMeta({ ...rest, _v });
      };
      const clean = (u: Record<string, unknown>) => {
        const { _v: _drop, ...rest } = strip(u);
        return rest;
      };
      if (!id && req.method === 'GET') {
        const filter = url.searchParams.get('filter');
        if (filter && quirks.noFilter)
          return send(res, 400, { status: '400', scimType: 'invalidFilter', detail: 'filter not supported' });
        let all = users;
        const m = filter ? /^(\w+) eq "(.*)"$/.exec(filter) : null;
        if (m)
          all = users.filter(
            (u) => String(u[m[1] as string]).toLowerCase() === (m[2] as string).toLowerCase(),
          );
        const start = Number(url.searchParams.get('startIndex') ?? '1');
        const count = Math.min(Number(url.searchParams.get('count') ?? '100'), quirks.maxPage ?? 100);
        const page = all.slice(start - 1, start - 1 + count).map(clean);
        const total =
          quirks.totalResults === 'missing' ? {} : { totalResults: all.length + (quirks.totalResults ?? 0) };
        return send(res, 200, { ...total, Resources: page });
      }
      if (!id && req.method === 'POST' && body) {
        if (users.some((u) => String(u.userName).toLowerCase() === String(body.userName).toLowerCase()))
          return send(res, 409, { detail: 'duplicate' });
        const u = { ...body, id: randomUUID(), active: body.active ?? true, _v: 1 };
        users.push(u);
        return send(res, 201, clean(u));
      }
      const index = users.findIndex((u) => u.id === id);
      if (index < 0) return missing();
      const current = users[index] as Record<string, unknown>;
      if (req.method === 'GET') return send(res, 200, clean(current));
      if (req.method === 'PATCH' && body) {
        const patched = scimPatch(
          { ...current, schemas: [], meta: {} } as never,
          body.Operations as ScimPatchOperation[],
          { treatMissingAsAdd: true },
        ) as Record<string, unknown>;
        const { meta: _m, ...rest } = patched;
        users[index] = { ...rest, _v: Number(current._v) + 1 };
        return send(res, 200, clean(users[index] as Record<string, unknown>));
      }
      return send(res, 405, { detail: 'method not allowed' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    users,
    seen,
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
