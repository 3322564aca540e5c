import type { WorkbenchApi } from '../../../shared/api/contract';
import { watchConfirmations } from './confirmations';
import { createHttpApi, hasBridgeSession } from './http-client';

export { createHttpApi, hasBridgeSession } from './http-client';
export { confirmEndpoint, onConfirmationNeeded, type PendingConfirmation } from './confirmations';
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
 * served the page (its session cookie). Resolves to null when neither is available (the page was opened
 * without its one-time link, or from a file), so the caller can say how to open it properly.
 */
export async function connectWorkbench(): Promise<{ api: WorkbenchApi; transport: Transport } | null> {
  if (cached) return cached;
  if (window.plek) {
    cached = { api: watchConfirmations(window.plek), transport: 'electron' };
    return cached;
  }
  if (!/^https?:$/.test(window.location.protocol)) return null;
  if (!(await hasBridgeSession(window.location.origin))) return null;
  cached = {
    api: watchConfirmations(createHttpApi({ baseUrl: window.location.origin })),
    transport: 'browser',
  };
  return cached;
}

/** The connected API; throws when the page has none (main.tsx checks `connectWorkbench()` before rendering). */
export function getWorkbenchApi(): WorkbenchApi {
  if (!cached) throw new Error('The workbench API is not available in this page.');
  return cached.api;
}
