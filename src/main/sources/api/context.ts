/** What every API reader shares: options, progress, and the helpers for pages and next links. */
import { ApiSourceError, endpointLabel, type ApiVendor } from './errors';
import { DEFAULT_TUNING, sameOrigin, type HttpContext, type HttpTuning } from './http';

/** How far a read is; `total` only when the API says how many records there are. */
export interface ApiProgress {
  records: number;
  pages: number;
  total: number | null;
  requests: number;
  retries: number;
  /** Epoch milliseconds when the read started (records/s and ETA are computed from it). */
  startedAt: number;
}

export interface ApiReadOptions {
  /** Client secret, bearer token, API key or AFAS token: the CLI reads it from the environment, the app from its store. */
  secret?: string;
  signal?: AbortSignal;
  /** Called after every page (and every 50 records for Personio's per-person requests). */
  onProgress?: (progress: ApiProgress) => void;
  /** Stop after this many records (a sample); a read without it is always complete or fails. */
  limit?: number;
  /**
   * The token URL origin the consultant confirmed (the app's confirmation, `--token-url` or PLEK_SOURCE_TOKEN_URL on
   * the CLI). A REST source whose OAuth2 token URL is on another origin than its API is refused without it: a
   * mapping file alone never decides where a client secret goes.
   */
  confirmedTokenOrigin?: string;
  /** Test and bench hooks: fetch, sleep, backoff. */
  tuning?: Partial<HttpTuning>;
}

export interface ReadState {
  ctx: HttpContext;
  progress: ApiProgress;
  report(): void;
}

export function readState(
  vendor: ApiVendor,
  source: { timeoutMs: number; retries: number },
  options: ApiReadOptions,
  signal: AbortSignal,
): ReadState {
  const ctx: HttpContext = {
    vendor,
    signal,
    stats: { requests: 0, retries: 0, reauthentications: 0 },
    tuning: { ...DEFAULT_TUNING, timeoutMs: source.timeoutMs, retries: source.retries, ...options.tuning },
  };
  const progress: ApiProgress = {
    records: 0,
    pages: 0,
    total: null,
    requests: 0,
    retries: 0,
    startedAt: Date.now(),
  };
  return {
    ctx,
    progress,
    report() {
      progress.requests = ctx.stats.requests;
      progress.retries = ctx.stats.retries;
      options.onProgress?.({ ...progress });
    },
  };
}

/**
 * Resolves a next-page link against the page it came from. A link to another origin is refused: following it
 * would send the access token to a host the consultant never configured.
 */
export function nextLink(href: string, current: string, seen: Set<string>): string {
  let next: string;
  try {
    next = new URL(href, current).toString();
  } catch {
    throw new ApiSourceError(
      'bad-response',
      `${endpointLabel(current)} gave a next-page link that is not a URL.`,
      'Check the paging settings of the source (nextPath).',
    );
  }
  if (!sameOrigin(next, current)) {
    throw new ApiSourceError(
      'redirect',
      `${endpointLabel(current)} points the next page at another host (${new URL(next).host}); the read stopped without sending credentials there.`,
      'Ask the application administrator why the API links to another host; the read is not used.',
    );
  }
  if (seen.has(next)) {
    throw new ApiSourceError(
      'bad-response',
      `${endpointLabel(current)} sends the same page again (a paging loop); the read stopped.`,
      'Check the paging settings of the source; the API repeats a page it already gave.',
    );
  }
  seen.add(next);
  return next;
}

/** The records array of a page, or an error that names where it was expected. */
export function recordsOf(
  body: unknown,
  path: string,
  url: string,
  at: (v: unknown, p: string) => unknown,
): unknown[] {
  const value = at(body, path);
  if (Array.isArray(value)) return value;
  throw new ApiSourceError(
    'bad-response',
    `${endpointLabel(url)} answered without a list of records${path ? ` at "${path}"` : ''}.`,
    path
      ? 'Check recordsPath in the source settings: the name of the list in the response (e.g. data or _data).'
      : 'Set recordsPath in the source settings to the name of the list in the response (e.g. data).',
  );
}

/**
 * Yields results in input order while at most `concurrency` calls run at once. The input is pulled lazily, so the
 * next page of persons loads while the employments of the previous one are still in flight.
 */
export async function* mapOrdered<T, R>(
  items: AsyncIterable<T>,
  fn: (item: T) => Promise<R>,
  concurrency: number,
): AsyncGenerator<R> {
  const iterator = items[Symbol.asyncIterator]();
  const window: Promise<R>[] = [];
  let done = false;
  try {
    for (;;) {
      while (!done && window.length < concurrency) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const pending = fn(next.value);
        // Awaited in order below; this only keeps a later failure from being reported as unhandled.
        pending.catch(() => undefined);
        window.push(pending);
      }
      const first = window.shift();
      if (!first) return;
      yield await first;
    }
  } finally {
    await iterator.return?.();
  }
}
