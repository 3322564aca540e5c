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
