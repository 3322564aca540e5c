import { EVENTS, isEventName, type Channel, type EventName } from '../../../shared/api/channels';
import { createApi } from '../../../shared/api/client';
import type { Result, WorkbenchApi } from '../../../shared/api/contract';
import { refusal } from '../../../shared/api/refusals';

/**
 * Whether this page holds a bridge session. The link `plek-sync serve` prints is a one-time code that the bridge
 * trades for an HttpOnly cookie before the page loads, so the page never sees a secret: it only asks.
 */
export async function hasBridgeSession(
  baseUrl: string,
  doFetch: typeof fetch = fetch.bind(globalThis),
): Promise<boolean> {
  try {
    const res = await doFetch(`${baseUrl}/api/session`, { credentials: 'same-origin' });
    return res.ok;
  } catch {
    return false;
  }
}

export interface HttpApiOptions {
  /** Origin of the bridge; the page's own origin when the renderer is served by the bridge. */
  baseUrl: string;
  /** Programmatic clients only; the page authenticates with its HttpOnly session cookie. */
  token?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/**
 * The WorkbenchApi over the loopback HTTP bridge: `POST /api/<channel>` with the session cookie, events
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
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { 'x-plek-token': options.token } : {}),
        },
        body: JSON.stringify(request ?? {}),
      });
      const body = (await res.json()) as Result<unknown>;
      if (typeof body === 'object' && body !== null && 'ok' in body) return body;
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `unexpected answer (HTTP ${res.status})`,
          detail: refusal('refusal.bridge.failed'),
        },
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `the workbench service is unreachable: ${message}`,
          detail: refusal('refusal.unreachable', { message }),
        },
      };
    }
  }

  function ensureSource(): void {
    if (source || !ES) return;
    // Same origin: the session cookie goes along; no token in the URL.
    source = new ES(`${options.baseUrl}/api/events`);
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
