import type { Result } from '../../../../shared/api/contract';
import type { GetState } from './types';
import { formatApiError } from '../i18n';

/** Unwraps a result; a failure (other than a cancellation the user asked for) is shown in the error banner. */
export function valueOrReport<T>(get: GetState, result: Result<T>): T | undefined {
  if (result.ok) return result.value;
  if (result.error.code !== 'cancelled') get().showError(formatApiError(get().lang, result.error));
  return undefined;
}
