import { formatMessage, formatMessages, type CodedMessage, type Lang, type MessageId } from '../i18n';
import type { CodedParam } from '../i18n/message';
import type { Issue } from '../issues';

/**
 * The plan's reasons and warnings, the client's target warnings and the run's failures are coded messages
 * (src/shared/i18n/message.ts); these word them for a screen or a report. Something written before codes existed
 * (an old plan file) carries only its English text, which is shown as written.
 */

/** An issue as a coded message: its catalogue text id and values (what Validate shows for it). */
/** The catalogue text of each result a run report counts (the Run step's tiles, the text and CSV reports). */
export const RESULT_MESSAGE_IDS: Readonly<Record<string, MessageId>> = {
  ok: 'result.ok',
  failed: 'result.failed',
  'not-run': 'result.not-run',
  noop: 'result.noop',
  conflict: 'result.conflict',
  skipped: 'result.skipped',
  blocked: 'result.blocked',
};

export function issueMessage(issue: Issue): CodedMessage {
  if (!issue.params) return { code: 'report.reason.rowErrors' };
  const { id, ...rest } = issue.params;
  const params: Record<string, CodedParam> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) params[k] = v;
  return { code: id, params };
}

/** A reason in a language: its coded fragments joined by ", ", else the English text. */
export function reasonText(c: { reason: string; reasons?: readonly CodedMessage[] }, lang: Lang): string {
  return c.reasons?.length ? formatMessages(lang, c.reasons) : c.reason;
}

/**
 * Warnings in a language, one text each: the coded ones worded, English texts without a code kept (the lists
 * run in parallel; a list of texts longer than the coded one keeps its extra texts).
 */
export function warningTexts(
  w: { warnings?: readonly string[]; warningMessages?: readonly CodedMessage[] },
  lang: Lang,
): string[] {
  const coded = w.warningMessages ?? [];
  const texts = w.warnings ?? [];
  const out = coded.map((m) => formatMessage(lang, m));
  for (let i = coded.length; i < texts.length; i++) out.push(texts[i]!);
  return out;
}
