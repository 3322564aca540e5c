import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { RatePacer } from './retry';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * The caller does not read a successful answer: it is read to its end but not kept (`text` is empty). An
   * error answer (400 and up) is kept as always.
   */
  skipOkBody?: boolean;
}

/**
 * A server in this process that answers requests handed to it as they are (the embedded sandbox the CLI started:
 * `SandboxHandle.exchange`), for the URLs of its origin: the same requests and answers as over HTTP, without the
 * loopback TCP and the two HTTP parsers.
 */
export interface LocalServer {
  /** `scheme://host:port` of the URLs it answers. */
  origin: string;
  exchange(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
  }): Promise<{ status: number; headers: Record<string, string>; body: string }>;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/**
 * HTTP(S) with keep-alive sockets (one pool per client), a per-request timeout, and pacing: every request,
 * token requests included, starts when the target's rate limit allows (see `RatePacer`).
 */
export class Transport {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(
    maxSockets: number,
    readonly pacer: RatePacer = new RatePacer(),
    private readonly local?: LocalServer,
  ) {
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  }

  async send(r: RawRequest): Promise<RawResponse> {
    try {
      await this.pacer.acquire(r.signal);
    } catch {
      throw new TransportError('aborted', 'ABORT_ERR');
    }
    let res: RawResponse;
    try {
      res = await this.sendNow(r);
    } catch (e) {
      this.pacer.release();
      throw e;
    }
    this.pacer.observe(res.status, res.headers);
    return res;
  }

  private sendNow(r: RawRequest): Promise<RawResponse> {
    const local = this.local;
    if (local && r.url.startsWith(`${local.origin}/`)) return exchangeLocally(local, r);
    return new Promise((resolve, reject) => {
      const url = new URL(r.url);
      const https = url.protocol === 'https:';
      const headers: Record<string, string> = { ...r.headers };
      // Encoded once: its length and what is sent (a /Bulk body is some 30,000 characters).
      const body = r.body !== undefined ? Buffer.from(r.body, 'utf8') : undefined;
      if (body !== undefined) headers['content-length'] = String(body.length);
      const req = (https ? httpsRequest : httpRequest)(
        url,
        { method: r.method, headers, agent: https ? this.httpsAgent : this.httpAgent },
        (res) => {
          const chunks: Buffer[] = [];
          // A group's PATCH answers with the whole group (a 14,000-member group is 700 KB, 140 times over).
          const keep = !r.skipOkBody || (res.statusCode ?? 0) >= 400;
          res.on('data', (c: Buffer) => {
            if (keep) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', (e: NodeJS.ErrnoException) =>
            reject(new TransportError(`response interrupted: ${e.code ?? e.message}`, e.code ?? 'ERESPONSE')),
          );
          res.on('aborted', () => reject(new TransportError('response aborted', 'ECONNRESET')));
        },
      );
      req.setTimeout(r.timeoutMs, () =>
        req.destroy(new TransportError(`no answer within ${r.timeoutMs} ms`, 'ETIMEDOUT')),
      );
      const onAbort = () => req.destroy(new TransportError('aborted', 'ABORT_ERR'));
      r.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => r.signal?.removeEventListener('abort', onAbort));
      req.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          e instanceof TransportError
            ? e
            : new TransportError(`${e.code ?? 'network error'}`, e.code ?? 'ENETWORK'),
        ),
      );
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/**
 * `Transport.sendNow` for a server in this process: its answer as HTTP would give it (`skipOkBody` leaves the text
 * of a successful answer out), with the same timeout and abort, and a failure as a broken connection.
 */
function exchangeLocally(local: LocalServer, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (r.signal?.aborted) {
      reject(new TransportError('aborted', 'ABORT_ERR'));
      return;
    }
    const done = () => {
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new TransportError('aborted', 'ABORT_ERR'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new TransportError(`no answer within ${r.timeoutMs} ms`, 'ETIMEDOUT'));
    }, r.timeoutMs);
    r.signal?.addEventListener('abort', onAbort, { once: true });
    local.exchange({ method: r.method, url: r.url, headers: r.headers, body: r.body ?? '' }).then(
      (a) => {
        done();
        resolve({
          status: a.status,
          headers: a.headers,
          text: r.skipOkBody && a.status < 400 ? '' : a.body,
        });
      },
      () => {
        done();
        reject(new TransportError('ECONNRESET', 'ECONNRESET'));
      },
    );
  });
}
