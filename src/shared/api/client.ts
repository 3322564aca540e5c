import { CHANNELS, type Channel, type EventName } from './channels';
import type { ApiError, EventListener, Result, WorkbenchApi } from './contract';

/** Sends one request over a transport; never throws (transport failures come back as `{ ok: false }`). */
export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;
/** Subscribes to one event; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the nested `WorkbenchApi` (`api.project.open(…)`) from a transport's `invoke` and `subscribe`. The preload
 * and the HTTP bridge client both use it, so the renderer sees the same object whichever transport runs.
 * Deliberately zod-free: it runs in the sandboxed preload; main validates every request anyway.
 */
export function createApi(invoke: Invoke, subscribe: Subscribe): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[verb] = (request?: unknown) => invoke(channel, request ?? {});
  }
  api.on = (event: EventName, listener: EventListener<EventName>) =>
    subscribe(event, listener as (payload: unknown) => void);
  return api as WorkbenchApi;
}

/** Returns the value of a result or throws an Error carrying its code, for code that prefers exceptions. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error);
}

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}
