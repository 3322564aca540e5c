import type { IssueCode } from '../../../shared/issues';
import { format, hasMessage, type Lang, type MessageId, type MessageValues } from '../../../shared/i18n';

/**
 * The app's words come from the shared ICU catalogue (src/shared/i18n): one per language, the same one the CLI
 * and the engine's issue texts use. This module keeps the names the screens already import.
 */
export { LANGS, detectLang, formatIssue, formatNumber, issueTitle, type Lang } from '../../../shared/i18n';
export { hasMessage };

export type MessageKey = MessageId;
export type Params = MessageValues;

/** Looks a message up and fills its arguments; plurals and numbers follow the language. */
export const translate = format;

/** The message key of an issue code's title. */
export function issueTitleKey(code: IssueCode): MessageKey {
  return `issue.${code}`;
}

/** A text the service sent as data (`UiText`) in a language; the English fallback when the id is unknown. */
export function formatText(
  lang: Lang,
  text: { id: string; [name: string]: string | number | undefined } | undefined,
  fallback: string,
): string {
  if (!text || !hasMessage(text.id)) return fallback;
  return format(lang, text.id, text);
}

/** An API error in the consultant's language: its catalogue text when the service sent one. */
export function formatApiError(lang: Lang, error: { message: string; text?: { id: string } }): string {
  return formatText(lang, error.text as Parameters<typeof formatText>[1], error.message);
}
