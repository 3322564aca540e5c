import type { Channel } from '../../shared/api/channels';
import {
  fail,
  ok,
  toApiError,
  validateRequest,
  type Result,
  type WorkbenchHandlers,
} from '../../shared/api/contract';
import { refusal } from '../../shared/api/refusals';
import { toRef } from '../../shared/i18n';
import { said } from '../../shared/i18n/message';
import { codedError } from '../error-words';
import { isUserFacing } from '../user-error';
import type { SecretRedactor } from './secret-store';

export type Dispatch = (channel: unknown, body: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  redactor?: SecretRedactor;
  /** Called with unexpected errors (programming errors), for the app log. Never receives request bodies. */
  onInternalError?: (channel: Channel, error: unknown) => void;
}

/**
 * The one entry point both transports call: validates the channel and body against the contract, runs the
 * handler, and turns every outcome into a `Result`. It never throws and never lets a stack trace, a stray
 * error field or a known secret value out.
 */
export function createDispatch(handlers: WorkbenchHandlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, body) => {
    const validated = validateRequest(channel, body);
    if (!validated.ok) return validated;
    const name = channel as Channel;
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    try {
      return ok(await handler(validated.value));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') {
        if (isUserFacing(error)) {
          // A source's or the sync's own message: the screen frames it in its language; a message with a code
          // (a file that cannot be read, a directory that refuses) is worded in that language too.
          apiError.code = 'source-failed';
          const coded = codedError(error);
          apiError.detail = coded
            ? refusal(
                'refusal.sourceFailed',
                toRef(said('refusal.sourceFailed', { message: [coded] })).values,
              )
            : refusal('refusal.sourceFailed', { message: apiError.message });
        } else options.onInternalError?.(name, error);
      }
      const redact = (text: string) => (options.redactor ? options.redactor.redact(text) : text);
      const detail = apiError.detail
        ? {
            id: apiError.detail.id,
            values: Object.fromEntries(
              Object.entries(apiError.detail.values).map(([k, v]) => [
                k,
                typeof v === 'string' ? redact(v) : v,
              ]),
            ),
          }
        : undefined;
      return fail(apiError.code, redact(apiError.message), apiError.confirm, detail);
    }
  };
}
