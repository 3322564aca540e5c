/**
 * One JSON request to an HR application, made reliable: a timeout per attempt, retries with exponential backoff
 * on 429, 5xx and broken connections (honouring Retry-After), one re-authentication when a token expires
 * mid-read, redirects followed only on the same origin (credentials never travel to another host), and https
 * only except on this computer. Failures come back as ApiSourceError in the consultant's words.
 */
import { parseRetryAfter, sleep } from '../../http/wait';
import { isAllowedApiUrl } from '../../../shared/mapping/schema';
import {
  abortedError,
  ApiSourceError,
  endpointLabel,
  httpError,
  isTransientNetworkError,
  networkError,
  type ApiVendor,
} from './errors';

/** Supplies the authentication header; `invalidate` drops a token the server no longer accepts. */
export interface Authenticator {
  headers(signal?: AbortSignal): Promise<{ headers: Record<string, string>; generation: number }>;
  /** Drops the token of this generation; false when the credential cannot be renewed (a fixed key). */
  invalidate(generation: number): boolean;
}

export interface HttpTuning {
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Retries after the first attempt on 429, 5xx and broken connections. */
  retries: number;
  /** Longest Retry-After the client waits for; beyond it the read stops and names the time to try again. */
  maxRetryAfterMs: number;
  /** First backoff step; doubles per attempt (with jitter), capped at 20 s. */
  backoffMs: number;
  fetch: typeof fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface HttpStats {
  requests: number;
  retries: number;
  reauthentications: number;
}

export interface HttpContext {
  vendor: ApiVendor;
  tuning: HttpTuning;
  stats: HttpStats;
  signal?: AbortSignal;
  /**
   * A rate limit applies to the whole read, not to the one request that met it: after a 429 every request of
   * this read waits here until the server's Retry-After has passed, instead of each worker running into its
   * own 429.
   */
  holdOff?: Promise<void>;
}

export interface JsonRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** application/x-www-form-urlencoded body (token requests). */
  form?: Record<string, string>;
  auth?: Authenticator;
  phase: 'token' | 'read';
}

export const DEFAULT_TUNING: HttpTuning = {
  timeoutMs: 30_000,
  retries: 4,
  maxRetryAfterMs: 120_000,
  backoffMs: 400,
  fetch: (...args) => globalThis.fetch(...args),
  sleep,
};

/** Refuses a URL that is not https (or loopback http), or that carries a user name or password. */
export function checkUrl(vendor: ApiVendor, url: string): void {
  if (!isAllowedApiUrl(url)) {
    throw new ApiSourceError(
      'insecure-url',
      `${endpointLabel(url)} is not an https:// address; the source refuses to send credentials over it.`,
      'Use the https:// address of the API (http:// is only accepted for 127.0.0.1 or localhost).',
    );
  }
  void vendor;
}

/** True when both URLs have the same scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

function backoff(tuning: HttpTuning, attempt: number): number {
  const base = Math.min(20_000, tuning.backoffMs * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Sends the request and parses the JSON answer. Throws ApiSourceError when it cannot succeed: after the retries,
 * on a 4xx, on a redirect to another origin, or when the body is not JSON.
 */
export async function requestJson(ctx: HttpContext, req: JsonRequest): Promise<unknown> {
  const { tuning, vendor } = ctx;
  let url = req.url;
  checkUrl(vendor, url);
  let attempt = 0;
  let redirects = 0;
  let renewed = false;
  for (;;) {
    if (ctx.holdOff) await ctx.holdOff;
    if (ctx.signal?.aborted) throw abortedError(vendor);
    const auth = req.auth ? await req.auth.headers(ctx.signal) : null;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...req.headers,
      ...(auth?.headers ?? {}),
    };
    let body: string | undefined;
    if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const timeout = AbortSignal.timeout(tuning.timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
    ctx.stats.requests++;
    let res: Response;
    try {
      res = await tuning.fetch(url, {
        method: req.method ?? 'GET',
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (ctx.signal?.aborted) throw abortedError(vendor);
      const timedOut = timeout.aborted;
      if ((timedOut || isTransientNetworkError(error)) && attempt < tuning.retries) {
        await pause(ctx, backoff(tuning, attempt));
        attempt++;
        ctx.stats.retries++;
        continue;
      }
      throw networkError(vendor, url, error, timedOut);
    }

    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel().catch(() => undefined);
      const next = new URL(res.headers.get('location')!, url).toString();
      if (!sameOrigin(next, url)) {
        throw new ApiSourceError(
          'redirect',
          `${endpointLabel(url)} redirects to another host (${new URL(next).host}); the credentials were not sent there.`,
          'Use the final API address in the source settings; ask the application administrator which URL to use.',
          { status: res.status },
        );
      }
      if (++redirects > 5) {
        throw new ApiSourceError(
          'redirect',
          `${endpointLabel(url)} redirects too often.`,
          'Check the URL in the source settings.',
          { status: res.status },
        );
      }
      checkUrl(vendor, next);
      url = next;
      continue;
    }

    if (res.ok) {
      const text = await res.text();
      try {
        return text === '' ? null : JSON.parse(text);
      } catch {
        throw new ApiSourceError(
          'bad-response',
          `${endpointLabel(url)} answered, but not with JSON.`,
          'Check that the URL points at the API (not at a login page or a web page of the application).',
          { status: res.status },
        );
      }
    }
    await res.body?.cancel().catch(() => undefined);

    // An access token that expired mid-read: renew it once per token and repeat the same request.
    if (
      res.status === 401 &&
      req.phase === 'read' &&
      req.auth &&
      auth &&
      !renewed &&
      req.auth.invalidate(auth.generation)
    ) {
      renewed = true;
      ctx.stats.reauthentications++;
      continue;
    }

    if (RETRY_STATUS.has(res.status)) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now()) ?? null;
      if (retryAfter !== null && retryAfter > tuning.maxRetryAfterMs) {
        throw httpError(vendor, res.status, url, {
          phase: req.phase,
          retryAt: new Date(Date.now() + retryAfter),
        });
      }
      if (attempt < tuning.retries) {
        if (res.status === 429) await holdOff(ctx, retryAfter ?? backoff(tuning, attempt));
        else await pause(ctx, retryAfter ?? backoff(tuning, attempt));
        attempt++;
        ctx.stats.retries++;
        continue;
      }
      throw httpError(vendor, res.status, url, {
        phase: req.phase,
        ...(retryAfter !== null ? { retryAt: new Date(Date.now() + retryAfter) } : {}),
      });
    }
    throw httpError(vendor, res.status, url, { phase: req.phase });
  }
}

/**
 * Makes every request of the read wait `ms` (one wait, shared). A 429 that arrives while such a wait runs — a
 * request that was already on its way — joins that wait rather than starting a second one.
 */
function holdOff(ctx: HttpContext, ms: number): Promise<void> {
  if (ctx.holdOff) return ctx.holdOff;
  const wait: Promise<void> = pause(ctx, ms).finally(() => {
    if (ctx.holdOff === wait) delete ctx.holdOff;
  });
  ctx.holdOff = wait;
  return wait;
}

async function pause(ctx: HttpContext, ms: number): Promise<void> {
  try {
    await ctx.tuning.sleep(ms, ctx.signal);
  } catch {
    throw abortedError(ctx.vendor);
  }
}
