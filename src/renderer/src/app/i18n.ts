import type { IssueCode } from '../../../shared/issues';
import { format, type MessageId, type MessageValues } from '../../../shared/i18n';

/**
 * The app's words come from the shared ICU catalogue (src/shared/i18n): one per language, the same one the CLI
 * and the engine's issue texts use. This module keeps the names the screens already import.
 */
export { LANGS, detectLang, formatIssue, formatNumber, issueTitle, type Lang } from '../../../shared/i18n';

export type MessageKey = MessageId;
export type Params = MessageValues;

/** Looks a message up and fills its arguments; plurals and numbers follow the language. */
export const translate = format;

/** The message key of an issue code's title. */
export function issueTitleKey(code: IssueCode): MessageKey {
  return `issue.${code}`;
}
