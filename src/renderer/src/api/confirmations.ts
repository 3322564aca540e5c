import type { Confirmation, MessageRef, Result, WorkbenchApi } from '../../../shared/api/contract';

export interface PendingConfirmation {
  confirmation: Confirmation;
  /** English, for logs; `detail` is the same as a catalogue message, for the screen's language. */
  message: string;
  detail?: MessageRef;
}

type Listener = (pending: PendingConfirmation) => void;
const listeners = new Set<Listener>();
let confirmCall: ((c: Confirmation) => Promise<Result<{ confirmed: true }>>) | null = null;

/** Called with every `needs-confirmation` answer any API call gets; returns the unsubscribe function. */
export function onConfirmationNeeded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Sends the consultant's "yes" for a confirmation that was shown to them. */
export async function confirmEndpoint(c: Confirmation): Promise<Result<{ confirmed: true }>> {
  if (!confirmCall) return { ok: false, error: { code: 'internal', message: 'not connected' } };
  return confirmCall(c);
}

/**
 * Wraps every call of an API so that a `needs-confirmation` answer (a new host for a stored secret, plain LDAP,
 * a token server elsewhere) reaches the confirmation dialog, whichever step made the call. The call's own
 * result is returned unchanged, so each step still shows its error.
 */
export function watchConfirmations(api: WorkbenchApi): WorkbenchApi {
  const wrapped: Record<string, unknown> = { on: api.on };
  for (const [domain, group] of Object.entries(api as unknown as Record<string, unknown>)) {
    if (typeof group !== 'object' || group === null) continue;
    const calls: Record<string, unknown> = {};
    for (const [verb, fn] of Object.entries(group as Record<string, unknown>)) {
      if (typeof fn !== 'function') continue;
      calls[verb] = async (request?: unknown) => {
        const result = (await (fn as (r?: unknown) => Promise<Result<unknown>>)(request)) as Result<unknown>;
        if (!result.ok && result.error.code === 'needs-confirmation' && result.error.confirm) {
          const pending: PendingConfirmation = {
            confirmation: result.error.confirm,
            message: result.error.message,
            ...(result.error.detail ? { detail: result.error.detail } : {}),
          };
          for (const l of listeners) l(pending);
        }
        return result;
      };
    }
    wrapped[domain] = calls;
  }
  const result = wrapped as unknown as WorkbenchApi;
  confirmCall = (c) => api.secrets.confirm(c);
  return result;
}
