import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../src/shared/random';

/** Probabilities per request (0..1), drawn from one seeded generator so a failing run can be replayed. */
export interface FaultRates {
  /** 500 without forwarding (the server never saw it). */
  errorBefore?: number;
  /** Forward, then answer 500 anyway (it took effect; the client cannot know). */
  errorAfter?: number;
  /** 429 with Retry-After, not forwarded. */
  rateLimit?: number;
  /** Reset the connection before forwarding. */
  resetBefore?: number;
  /** Forward, then reset the connection instead of answering (a lost response). */
  resetAfter?: number;
  /** Delay the answer by up to `slowMs`. */
  slow?: number;
}

export interface FaultProxyOptions {
  target: string;
  seed: number;
  rates: FaultRates;
  slowMs?: number;
  /** Retry-After value sent with 429s (seconds, or an HTTP date when `retryAfterDate`). */
  retryAfterSeconds?: number;
  retryAfterDate?: boolean;
}

export interface FaultProxy {
  url: string;
  stats: Record<keyof FaultRates | 'forwarded' | 'requests', number>;
  stop(): Promise<void>;
}

/**
 * A seeded HTTP proxy on 127.0.0.1 that injects the faults real SCIM targets show: 500s before and after the
 * work is done, 429 with Retry-After, connection resets before and after forwarding, and slow answers.
 */
export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const random = mulberry32(o.seed);
  const target = new URL(o.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const stats: FaultProxy['stats'] = {
    requests: 0,
    forwarded: 0,
    errorBefore: 0,
    errorAfter: 0,
    rateLimit: 0,
    resetBefore: 0,
    resetAfter: 0,
    slow: 0,
  };
  const pick = (): keyof FaultRates | null => {
    const r = random();
    let acc = 0;
    for (const k of [
      'errorBefore',
      'errorAfter',
      'rateLimit',
      'resetBefore',
      'resetAfter',
      'slow',
    ] as const) {
      acc += o.rates[k] ?? 0;
      if (r < acc) return k;
    }
    return null;
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      const up = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (
                typeof v === 'string' &&
                k !== 'connection' &&
                k !== 'keep-alive' &&
                k !== 'transfer-encoding'
              )
                h[k] = v;
            resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
          });
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.requests += 1;
      const fault = pick();
      if (fault) stats[fault] += 1;
      const body = Buffer.concat(chunks);
      const scimError = (status: number, detail: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/scim+json', ...headers });
        res.end(
          JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: String(status),
            detail,
          }),
        );
      };
      if (fault === 'errorBefore') return scimError(500, 'injected: internal error');
      if (fault === 'resetBefore') return req.socket.destroy();
      if (fault === 'rateLimit') {
        const seconds = o.retryAfterSeconds ?? 1;
        const value = o.retryAfterDate
          ? new Date(Date.now() + seconds * 1000).toUTCString()
          : String(seconds);
        return scimError(429, 'injected: too many requests', { 'retry-after': value });
      }
      forward(req, body)
        .then(async (up) => {
          stats.forwarded += 1;
          if (fault === 'resetAfter') return req.socket.destroy();
          if (fault === 'errorAfter') return scimError(500, 'injected: internal error after the change');
          if (fault === 'slow')
            await new Promise((r) => setTimeout(r, Math.floor(random() * (o.slowMs ?? 200))));
          res.writeHead(up.status, up.headers);
          res.end(up.body);
        })
        .catch(() => scimError(502, 'upstream unreachable'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    async stop() {
      agent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
