import type { MessageId } from './en';

/**
 * A message as data: a catalogue code (an id in src/shared/i18n/en.ts) and its language-neutral parameters. The
 * plan, the sync and the SCIM client say what happened this way; screens, reports and the CLI word it per language
 * with `formatMessage`. A parameter may itself hold messages (a failure inside a warning): they are worded first.
 */
export interface CodedMessage {
  code: string;
  params?: { readonly [name: string]: CodedParam };
}

export type CodedParam = string | number | boolean | readonly CodedMessage[];

/** A message from its code and parameters (parameters that are undefined are left out). */
export function said(
  code: MessageId,
  params?: Readonly<Record<string, CodedParam | undefined>>,
): CodedMessage {
  if (!params) return { code };
  const kept: Record<string, CodedParam> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) kept[k] = v;
  return Object.keys(kept).length ? { code, params: kept } : { code };
}

/** The messages in their order, each once (two notes with the same code and parameters say the same). */
export function uniqueMessages(list: readonly CodedMessage[]): CodedMessage[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
