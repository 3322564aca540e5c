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
 * Yields results in input order while at most `concurrency` calls run at once. Calls start as soon as a slot is
 * free, not only when the oldest one is done (one slow answer does not stall the others), with at most `maxAhead`
 * finished results waiting for an older one. The input is pulled lazily, one item at a time, so the next page of
 * persons loads while employments are still in flight.
 */
export async function* mapOrdered<T, R>(
  items: AsyncIterable<T>,
  fn: (item: T) => Promise<R>,
  concurrency: number,
  maxAhead = concurrency * 4,
): AsyncGenerator<R> {
  const iterator = items[Symbol.asyncIterator]();
  const results = new Map<number, { ok: true; value: R } | { ok: false; error: unknown }>();
  let started = 0;
  let next = 0;
  let inFlight = 0;
  let exhausted = false;
  let stopped = false;
  let pulling = false;
  let inputError: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const pump = (): void => {
    while (!exhausted && !stopped && !pulling && inFlight < concurrency && started - next < maxAhead) {
      pulling = true;
      iterator.next().then(
        (r) => {
          pulling = false;
          if (r.done) exhausted = true;
          else if (!stopped) {
            const index = started++;
            inFlight++;
            fn(r.value)
              .then(
                (value) => results.set(index, { ok: true, value }),
                (error: unknown) => results.set(index, { ok: false, error }),
              )
              .finally(() => {
                inFlight--;
                pump();
                notify();
              });
          }
          pump();
          notify();
        },
        (error: unknown) => {
          pulling = false;
          inputError = { error };
          notify();
        },
      );
    }
  };
  try {
    pump();
    for (;;) {
      const r = results.get(next);
      if (r) {
        results.delete(next);
        next++;
        if (!r.ok) throw r.error;
        pump();
        yield r.value;
        continue;
      }
      if (inputError) throw (inputError as { error: unknown }).error;
      if (exhausted && !pulling && next >= started) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stopped = true;
    // Not awaited: a page still loading is aborted by the read's own controller right after this.
    void iterator.return?.(undefined).catch(() => undefined);
  }
}
