import { parseRetryAfter, sleep } from '../http/wait';

export { parseRetryAfter, sleep };

/** Exponential backoff with full jitter (AWS architecture blog): a random delay in [0, min(cap, base·2^attempt)). */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** A counting semaphore: at most `limit` holders at once, FIFO. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.active += 1;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

type HeaderValue = string | string[] | undefined;

function header(headers: Record<string, HeaderValue>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = headers[n];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s.trim() !== '') return s.trim();
  }
  return undefined;
}

function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(/^-?\d+(?:\.\d+)?/.exec(v)?.[0]);
  return Number.isFinite(n) ? n : undefined;
}

/** What a target says about its rate limit in one response, normalised (seconds, relative). */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Seconds until the allowance is restored. */
  reset?: number;
  /** The window the limit counts over, in seconds (from `RateLimit-Policy: 600;w=60`). */
  window?: number;
}

/**
 * Reads the rate-limit headers targets send: the IETF draft's `RateLimit-Limit/-Remaining/-Reset` and
 * `RateLimit-Policy: 600;w=60` (also the combined `RateLimit: limit=600, remaining=12, reset=4`), and the
 * `X-Rate-Limit-*` / `X-RateLimit-*` variants, whose reset may be a Unix time. Header names are lower-case (Node).
 */
export function parseRateLimit(headers: Record<string, HeaderValue>, now: number): RateLimitInfo {
  const info: RateLimitInfo = {};
  const combined = header(headers, 'ratelimit');
  if (combined) {
    for (const part of combined.split(/[,;]/)) {
      const m = /^\s*(limit|remaining|reset|r|t)\s*=\s*(\d+(?:\.\d+)?)/i.exec(part);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const v = Number(m[2]);
      if (key === 'limit') info.limit = v;
      else if (key === 'remaining' || key === 'r') info.remaining = v;
      else info.reset = v;
    }
  }
  info.limit ??= num(header(headers, 'ratelimit-limit', 'x-rate-limit-limit', 'x-ratelimit-limit'));
  info.remaining ??= num(
    header(headers, 'ratelimit-remaining', 'x-rate-limit-remaining', 'x-ratelimit-remaining'),
  );
  const reset = num(header(headers, 'ratelimit-reset', 'x-rate-limit-reset', 'x-ratelimit-reset'));
  if (info.reset === undefined && reset !== undefined) {
    // A Unix time (seconds or milliseconds) rather than a delta.
    info.reset = reset > 1e12 ? (reset - now) / 1000 : reset > 1e9 ? reset - now / 1000 : reset;
    if (info.reset < 0) info.reset = 0;
  }
  const policy = header(headers, 'ratelimit-policy', 'x-ratelimit-policy');
  if (policy) {
    const first = policy.split(',')[0] ?? '';
    const limit = num(first);
    const w = /;\s*w\s*=\s*(\d+(?:\.\d+)?)/i.exec(first);
    if (limit !== undefined && w) {
      info.limit ??= limit;
      info.window = Number(w[1]);
    }
  }
  return info;
}

/**
 * Paces requests to what the target allows instead of bursting into its limit, and uses all of it. Request starts
 * are spaced by the steady rate the policy names (`RateLimit-Policy: 600;w=60`: window ÷ limit), and what the target
 * says remains is spread evenly over the time to its reset: after a quiet start-up or a window reset that is
 * faster than the steady rate, never slower. Requests already sent count
 * against what remains. With nothing left it waits one steady interval (a token bucket refills) but never past the
 * reset (a fixed window starts again there); without a policy it waits for the reset. A 429/503 with Retry-After
 * holds back every request, not only the refused one. Without rate-limit headers nothing is paced until the target
 * first refuses. Deterministic given `now`.
 */
export class RatePacer {
  /** Milliseconds between request starts at the policy's steady rate; 0 = no policy known. */
  private steady = 0;
  /** Milliseconds between starts that spend what remains until the reset; null = the target did not say. */
  private spread: number | null = null;
  private nextAt = 0;
  private pausedUntil = 0;
  /** Requests started and not yet answered. */
  private inFlight = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void> = sleep,
    /** Use this share of the steady rate (a margin for other clients of the same allowance). */
    private readonly share = 1,
  ) {}

  /** Resolves when the next request may start; the caller then calls `observe` (answer) or `release` (none). */
  async acquire(signal?: AbortSignal): Promise<void> {
    const t = this.now();
    const at = Math.max(t, this.nextAt, this.pausedUntil);
    this.nextAt = at + this.spacingMs;
    this.inFlight += 1;
    if (at <= t) return;
    try {
      await this.wait(at - t, signal);
    } catch (e) {
      this.release();
      throw e;
    }
  }

  /** A request that got no answer (aborted, network error): it no longer counts as in flight. */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Learns from a response: its rate-limit headers, and Retry-After on a refusal. */
  observe(status: number, headers: Record<string, HeaderValue>): void {
    this.release();
    const t = this.now();
    const info = parseRateLimit(headers, t);
    if (info.limit && info.window) this.steady = (info.window * 1000) / info.limit / this.share;
    if (info.remaining !== undefined && info.reset !== undefined) {
      const usable = info.remaining - this.inFlight;
      // Reset 0: the whole allowance is there now (a full token bucket); the steady rate keeps it that way, as a
      // cushion against the bursts a busy event loop makes, where spending it at once would not.
      if (usable > 0) this.spread = info.reset > 0 ? (info.reset * 1000) / usable : null;
      else {
        this.spread = null;
        const reset = info.reset * 1000;
        this.pausedUntil = Math.max(
          this.pausedUntil,
          t + (this.steady > 0 ? Math.min(reset, this.steady) : reset),
        );
      }
    }
    if (status === 429 || status === 503) {
      const retry = parseRetryAfter(header(headers, 'retry-after'), t);
      if (retry !== undefined) this.pausedUntil = Math.max(this.pausedUntil, t + retry);
    }
  }

  /** The interval in force between request starts (for tests and the bench). */
  get spacingMs(): number {
    if (this.spread === null) return this.steady;
    return this.steady > 0 ? Math.min(this.steady, this.spread) : this.spread;
  }
}
