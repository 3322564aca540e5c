import { useSyncExternalStore } from 'react';
import type { ExpressionError } from '../../../shared/expression/errors';
import type { Refusal } from '../../../shared/graph/connection';
import type { IncompleteCode } from '../../../shared/graph/convert';
import {
  format,
  formatExpressionError,
  targetLabel,
  type Lang,
  type MessageId,
  type MessageValues,
} from '../../../shared/i18n';

/** The editor's ids in the shared catalogue, without their `graph.` prefix. */
type Key = MessageId extends infer Id ? (Id extends `graph.${infer K}` ? K : never) : never;

export type GraphLang = Lang;
export type GraphText = (key: Key, params?: MessageValues) => string;

function readLang(): GraphLang {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

export function translate(lang: GraphLang, key: Key, params: MessageValues = {}): string {
  return format(lang, `graph.${key}`, params);
}

/** The app's language, read from `<html lang>`. */
export function useGraphLang(): GraphLang {
  return useSyncExternalStore(subscribe, readLang, () => 'nl' as const);
}

/** The editor follows the app's language through `<html lang>`, as its theme follows `data-theme`. */
export function useGraphText(): GraphText {
  const lang = useGraphLang();
  return (key, params) => translate(lang, key, params);
}

/** A Plek field as a consultant names it ("Voornaam", "Afdeling"), not its SCIM path. */
export function friendlyName(path: string, lang: GraphLang): string {
  const label = targetLabel(lang, path);
  return label !== path ? label : (path.split(':').pop() ?? path);
}

/** "Kolom 17: hier ontbreekt ")"": a problem in an expression's text, where and what, in the app's language. */
export function expressionErrorText(lang: GraphLang, error: ExpressionError): string {
  return translate(lang, 'parseError', { column: error.column, detail: formatExpressionError(lang, error) });
}

/** A refused connection in the app's language; an input named by its Plek field path reads as the field's name. */
export function refusalText(lang: GraphLang, refusal: Pick<Refusal, 'code' | 'params'>): string {
  const params: Record<string, string | number> = { ...refusal.params };
  if (typeof params.field === 'string') params.field = friendlyName(params.field, lang);
  if (typeof params.input === 'string' && !params.input.includes('(') && !params.input.startsWith('"'))
    params.input = friendlyName(params.input, lang);
  return format(lang, `graph.refusal.${refusal.code}`, params);
}

/** Why a field's graph makes no expression yet ("ingang 2 van Join is niet verbonden"), in the app's language. */
export function incompleteText(
  lang: GraphLang,
  state: { code: IncompleteCode; params: Readonly<Record<string, string | number>> },
): string {
  return format(lang, `graph.incomplete.${state.code}`, state.params);
}
