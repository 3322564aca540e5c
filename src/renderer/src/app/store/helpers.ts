import type { MessageRef, Result } from '../../../../shared/api/contract';
import { formatRef, type Lang } from '../../../../shared/i18n';
import type { GetState } from './types';

/** A message that crossed the API as data, in the consultant's language; null when the catalogue lacks its id. */
export function wordDetail(detail: MessageRef | undefined, lang: Lang): string | null {
  return detail ? formatRef(lang, detail) : null;
}

/**
 * Unwraps a result; a failure (other than a cancellation the user asked for) is shown in the error banner, worded
 * from its catalogue message when it carries one (HR application APIs), else its English text.
 */
export function valueOrReport<T>(get: GetState, result: Result<T>): T | undefined {
  if (result.ok) return result.value;
  if (result.error.code !== 'cancelled')
    get().showError(wordDetail(result.error.detail, get().lang) ?? result.error.message);
  return undefined;
}
