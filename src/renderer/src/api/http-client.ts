import { EVENTS, isEventName, type Channel, type EventName } from '../../../shared/api/channels';
import { createApi } from '../../../shared/api/client';
import type { Result, WorkbenchApi } from '../../../shared/api/contract';

const TOKEN_KEY = 'plek-workbench:bridge-token';

/**
 * Reads the bridge token the `serve` command put in the URL (`#token=…` or `?token=…`), keeps it in
 * sessionStorage so a reload still works, and removes it from the address bar and history.
 */
export function takeBridgeToken(loc: Location, history: History, storage: Storage | null): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  const query = new URLSearchParams(loc.search);
  const fromQuery = query.get('token');
  const token = fromHash ?? fromQuery;
  if (token) {
    try {
      storage?.setItem(TOKEN_KEY, token);
    } catch {
      // Storage may be disabled; the token then lives only in this page.
    }
    query.delete('token');
    const search = query.toString();
    history.replaceState(null, '', `${loc.pathname}${search ? `?${search}` : ''}`);
    return token;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export interface HttpApiOptions {
  /** Origin of the bridge; the page's own origin when the renderer is served by the bridge. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/**
 * The WorkbenchApi over the loopback HTTP bridge: `POST /api/<channel>` with the token in a header, events
 * through one Server-Sent Events stream opened on the first subscription.
 */
export function createHttpApi(options: HttpApiOptions): WorkbenchApi {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const ES = options.EventSource ?? globalThis.EventSource;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  async function invoke(channel: Channel, request: unknown): Promise<Result<unknown>> {
    try {
      const res = await doFetch(`${options.baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-plek-token': options.token },
        body: JSON.stringify(request ?? {}),
      });
      const body = (await res.json()) as Result<unknown>;
      if (typeof body === 'object' && body !== null && 'ok' in body) return body;
      return { ok: false, error: { code: 'internal', message: `unexpected answer (HTTP ${res.status})` } };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        error: { code: 'internal', message: `the workbench service is unreachable: ${message}` },
      };
    }
  }

  function ensureSource(): void {
    if (source || !ES) return;
    source = new ES(`${options.baseUrl}/api/events?token=${encodeURIComponent(options.token)}`);
    const dispatch = (event: EventName) => (msg: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(msg.data);
      } catch {
        return;
      }
      for (const l of listeners.get(event) ?? []) l(payload);
    };
    for (const event of EVENTS) source.addEventListener(event, dispatch(event) as EventListener);
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) return () => {};
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    ensureSource();
    return () => {
      set.delete(listener);
    };
  }

  return createApi(invoke, subscribe);
}
