import { formatMessages, type CodedMessage, type CodedParam, type Lang } from '../../../../shared/i18n';

/** A piece of a worded message: the consultant's words, or a server's own detail (kept as Plek sent it). */
export type SaidPart = { text: string } | { detail: string };

const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * Coded messages worded in a language, split so that each `detail` parameter (what a server said, in its own
 * words and language) can be shown apart from the sentence around it, marked as technical text.
 */
export function messageParts(lang: Lang, messages: readonly CodedMessage[]): SaidPart[] {
  const details: string[] = [];
  const mark = (list: readonly CodedMessage[]): CodedMessage[] =>
    list.map((m) => {
      if (!m.params) return m;
      const params: Record<string, CodedParam> = {};
      for (const [k, v] of Object.entries(m.params)) {
        if (k === 'detail' && typeof v === 'string') {
          params[k] = `${OPEN}${details.length}${CLOSE}`;
          details.push(v);
        } else params[k] = typeof v === 'object' ? mark(v) : v;
      }
      return { code: m.code, params };
    });
  const text = formatMessages(lang, mark(messages));
  const parts: SaidPart[] = [];
  for (const [i, piece] of text.split(new RegExp(`${OPEN}(\\d+)${CLOSE}`)).entries()) {
    if (i % 2 === 1) parts.push({ detail: details[Number(piece)] ?? '' });
    else if (piece) parts.push({ text: piece });
  }
  return parts;
}
