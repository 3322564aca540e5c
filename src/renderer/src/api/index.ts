import type { WorkbenchApi } from '../../../shared/api/contract';
import { createHttpApi, takeBridgeToken } from './http-client';

export { createHttpApi, takeBridgeToken } from './http-client';
export { unwrap, ApiCallError } from '../../../shared/api/client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser (serve) mode. */
    plek?: WorkbenchApi;
  }
}

export type Transport = 'electron' | 'browser';

let cached: { api: WorkbenchApi; transport: Transport } | null = null;

/**
 * The workbench API for this page: the preload's `window.plek` in Electron, otherwise the HTTP bridge that
 * served the page (token from the URL). Returns null when neither is available (the page was opened without
 * its token), so the caller can say how to open it properly.
 */
export function connectWorkbench(): { api: WorkbenchApi; transport: Transport } | null {
  if (cached) return cached;
  if (window.plek) {
    cached = { api: window.plek, transport: 'electron' };
    return cached;
  }
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  const token = takeBridgeToken(window.location, window.history, storage);
  if (!token || !/^https?:$/.test(window.location.protocol)) return null;
  cached = { api: createHttpApi({ baseUrl: window.location.origin, token }), transport: 'browser' };
  return cached;
}

/** The connected API; throws when the page has none (main.tsx checks `connectWorkbench()` before rendering). */
export function getWorkbenchApi(): WorkbenchApi {
  const c = connectWorkbench();
  if (!c) throw new Error('The workbench API is not available in this page.');
  return c.api;
}
