import {
  isLiteralElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  TYPE,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Issue, IssueCode } from '../issues';
import { CORE_TARGET_FIELDS } from '../scim/fields';
import { en, type Catalogue, type MessageId } from './en';
import { nl } from './nl';
import type { CodedMessage, CodedParam } from './message';

export type { Catalogue, MessageId } from './en';
export { said, type CodedMessage, type CodedParam } from './message';

/** The workbench's two languages: Dutch for the consultants, English as the reference. */
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, nl };

/** The locale each language formats numbers, dates and plurals in. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', nl: 'nl-NL' };

export type MessageValue = string | number | boolean | null | undefined;
export type MessageValues = Readonly<Record<string, MessageValue>>;

// Parsed once per language and id: parsing is the expensive part, formatting a parsed message is cheap.
const compiled: Record<Lang, Map<string, { format: IntlMessageFormat; args: string[] }>> = {
  en: new Map(),
  nl: new Map(),
};

function compile(lang: Lang, id: MessageId): { format: IntlMessageFormat; args: string[] } {
  let c = compiled[lang].get(id);
  if (!c) {
    // ignoreTag: texts such as `_<employeeNumber>` are plain text, not rich-text tags.
    const format = new IntlMessageFormat(CATALOGUES[lang][id], LOCALES[lang], undefined, { ignoreTag: true });
    c = { format, args: argumentNames(format.getAst()) };
    compiled[lang].set(id, c);
  }
  return c;
}

/** Names of every argument a parsed message reads, those inside plural and select branches included. */
export function argumentNames(ast: readonly MessageFormatElement[]): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]) => {
    for (const el of elements) {
      if (isLiteralElement(el) || isPoundElement(el)) continue;
      if (isTagElement(el)) {
        walk(el.children);
        continue;
      }
      names.add(el.value);
      if (isPluralElement(el) || isSelectElement(el)) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(ast);
  return [...names].sort();
}

/**
 * The text of a message in a language, its `{arguments}` filled in: plurals and number grouping follow the
 * language. An argument that is not given stays visible as `{name}` rather than breaking the screen.
 */
export function format(lang: Lang, id: MessageId, values: MessageValues = {}): string {
  const { format: message, args } = compile(lang, id);
  const filled: Record<string, string | number> = {};
  const missing = new Set<string>();
  for (const name of args) {
    const v = values[name];
    if (v === undefined || v === null) missing.add(name);
    else filled[name] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
  }
  const out = (missing.size === 0 ? message : withMissing(lang, id, message, missing)).format(filled);
  return typeof out === 'string' ? out : String(out);
}

/**
 * The message compiled with its missing arguments shown as `{name}`, once per message and set of missing names:
 * some messages name arguments only in a branch their other cases never take (an invalid date's `{a}`/`{b}`), and
 * compiling anew for each of thousands of issues cost a validate more than the rest of its texts.
 */
const withMissingCache: Record<Lang, Map<string, IntlMessageFormat>> = { en: new Map(), nl: new Map() };

function withMissing(
  lang: Lang,
  id: MessageId,
  message: IntlMessageFormat,
  missing: ReadonlySet<string>,
): IntlMessageFormat {
  const key = `${id}\u0000${[...missing].join('\u0000')}`;
  let found = withMissingCache[lang].get(key);
  if (!found) {
    found = new IntlMessageFormat(showMissing(message.getAst(), missing), LOCALES[lang]);
    withMissingCache[lang].set(key, found);
  }
  return found;
}

/** The message with each missing argument replaced by the literal text `{name}`. */
function showMissing(ast: MessageFormatElement[], missing: ReadonlySet<string>): MessageFormatElement[] {
  return ast.map((el): MessageFormatElement => {
    if (isLiteralElement(el) || isPoundElement(el)) return el;
    if (isTagElement(el)) return { ...el, children: showMissing(el.children, missing) };
    if (missing.has(el.value)) return { type: TYPE.literal, value: `{${el.value}}` };
    if (isPluralElement(el) || isSelectElement(el)) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [k, { ...o, value: showMissing(o.value, missing) }]),
      );
      return { ...el, options };
    }
    return el;
  });
}

/** True when the catalogue has this id: for ids built at run time from data (`issue.${code}`). */
export function hasMessage(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n);
}

/** The short title of an issue code ("Dubbele mapping key"), for headings, badges and the HR export. */
export function issueTitle(lang: Lang, code: IssueCode): string {
  return format(lang, `issue.${code}`);
}

/** A Plek field's name in a language ("Voornaam" for `name.givenName`), or the path itself when unknown. */
export function targetLabel(lang: Lang, path: string): string {
  return CORE_TARGET_FIELDS.find((f) => f.path === path)?.label[lang] ?? path;
}

/**
 * An issue in a language, from its code and parameters. An issue without parameters (from code that has not
 * moved to the catalogue yet) shows its English `message`. A `target` parameter (a Plek field path) is offered to
 * the text as `targetLabel`, the field's name in that language.
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  const params = issue.params;
  if (!params || !hasMessage(params.id)) return issue.message;
  const values: Record<string, MessageValue> = { ...params };
  if (typeof params.target === 'string') {
    values.targetLabel = targetLabel(lang, params.target).toLowerCase();
  }
  // An expression failure inside the text (`{detail}`): worded from its own catalogue entry when it has one.
  const detailId = params['detail:id'];
  if (typeof detailId === 'string' && hasMessage(detailId)) {
    const detail: Record<string, MessageValue> = {};
    for (const [k, v] of Object.entries(params)) if (k.startsWith('detail:')) detail[k.slice(7)] = v;
    values.detail = format(lang, detailId, detail);
  }
  return format(lang, params.id, values);
}

/** The language the app starts in: what the user chose, else Dutch when the system speaks Dutch, else English. */
export function detectLang(stored: string | null | undefined, systemLanguage: string | undefined): Lang {
  if (stored === 'nl' || stored === 'en') return stored;
  return systemLanguage?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * The language of a command-line run from the environment, the way POSIX programs choose theirs: LC_ALL, then
 * LC_MESSAGES, then LANG (`nl_NL.UTF-8` → Dutch); English otherwise.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * A problem in an expression's text in a language ("de expressie houdt te vroeg op"), from its code and
 * parameters; an error without a code (from a function's own compile check) keeps its English text.
 */
export function formatExpressionError(
  lang: Lang,
  error: { message: string; column: number; code?: string; params?: MessageValues },
): string {
  const id = `expr.${error.code ?? ''}`;
  if (!error.code || !hasMessage(id)) return error.message.replace(/ at column \d+$/, '');
  return format(lang, id, error.params ?? {});
}

/** A date parameter (yyyy-MM-dd) as HR writes dates in both languages: dd-MM-yyyy. Other values as they are. */
function hrDate(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : v;
}

/**
 * A coded message (the plan's reasons, warnings, run failures) in a language. Parameters that hold messages are
 * worded first and joined with "; "; dates (yyyy-MM-dd) show as dd-MM-yyyy; an issue's text (`issue.*`) is worded as `formatIssue` does. A code the
 * catalogue does not know (a plan file from a newer workbench) shows as the code with its parameters, never as
 * an empty line.
 */
export function formatMessage(lang: Lang, m: CodedMessage): string {
  const issue = m.code.startsWith('issue.');
  const values: Record<string, MessageValue> = {};
  for (const [k, v] of Object.entries(m.params ?? {}))
    values[k] =
      typeof v === 'object' ? formatMessages(lang, v, '; ') : typeof v === 'string' && !issue ? hrDate(v) : v;
  if (!hasMessage(m.code)) {
    const shown = Object.entries(values).map(([k, v]) => `${k}=${String(v)}`);
    return shown.length ? `${m.code} (${shown.join(', ')})` : m.code;
  }
  if (issue) {
    const params = { ...values, id: m.code } as unknown as Issue['params'];
    return formatIssue({ code: 'expression-error', severity: 'error', message: m.code, params }, lang);
  }
  return format(lang, m.code, values);
}

/** Several coded messages in a language, joined (the fragments of one reason: "new in the source, leaving on …"). */
export function formatMessages(lang: Lang, list: readonly CodedMessage[], separator = ', '): string {
  return list.map((m) => formatMessage(lang, m)).join(separator);
}

/**
 * A coded message flattened into one value list (as log lines cross the API: `{ id, values }` with string and
 * number values only): `<name>:id` and `<name>:<param>` entries word the message that fills `{name}`.
 */
export function flattenMessage(
  name: string,
  m: CodedMessage,
  lang: Lang = 'en',
): Record<string, string | number> {
  const out: Record<string, string | number> = { [`${name}:id`]: m.code };
  for (const [k, v] of Object.entries(m.params ?? {}))
    out[`${name}:${k}`] =
      typeof v === 'object' ? formatMessages(lang, v, '; ') : typeof v === 'boolean' ? String(v) : v;
  return out;
}

/**
 * A coded message as data that crosses the API (`{ id, values }` with string and number values only): messages
 * inside it, at any depth, are flattened to `<param>:<i>:id` and `<param>:<i>:<name>` entries, so the receiving
 * screen words every part in its own language with `formatRef`.
 */
export function toRef(m: CodedMessage): { id: string; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {};
  const put = (prefix: string, params: CodedMessage['params']) => {
    for (const [k, v] of Object.entries(params ?? {})) {
      if (typeof v === 'object')
        v.forEach((inner, i) => {
          values[`${prefix}${k}:${i}:id`] = inner.code;
          put(`${prefix}${k}:${i}:`, inner.params);
        });
      else values[`${prefix}${k}`] = typeof v === 'boolean' ? String(v) : v;
    }
  };
  put('', m.params);
  return { id: m.code, values };
}

/**
 * The messages inside a flattened value list, by parameter name: `<name>:id` + `<name>:<param>` (one message,
 * `flattenMessage`) or `<name>:<i>:id` + `<name>:<i>:<param>` (a list, `toRef`, nested to any depth).
 */
function unflatten(values: Readonly<Record<string, string | number>>): {
  scalars: Record<string, string | number>;
  nested: Map<string, CodedMessage[]>;
} {
  const scalars: Record<string, string | number> = {};
  const groups = new Map<string, Record<string, string | number>>();
  for (const [k, v] of Object.entries(values)) {
    const at = k.indexOf(':');
    if (at < 0) scalars[k] = v;
    else {
      const name = k.slice(0, at);
      const group = groups.get(name) ?? {};
      group[k.slice(at + 1)] = v;
      groups.set(name, group);
    }
  }
  const nested = new Map<string, CodedMessage[]>();
  for (const [name, group] of groups) {
    const one = (g: Record<string, string | number>): CodedMessage | null => {
      const { id, ...rest } = g;
      if (typeof id !== 'string') return null;
      const inner = unflatten(rest);
      const params: Record<string, CodedParam> = { ...inner.scalars };
      for (const [k, list] of inner.nested) params[k] = list;
      return { code: id, params };
    };
    if (typeof group.id === 'string') {
      const m = one(group);
      if (m) nested.set(name, [m]);
      continue;
    }
    // A list: the entries grouped by their index.
    const byIndex = new Map<number, Record<string, string | number>>();
    for (const [k, v] of Object.entries(group)) {
      const at = k.indexOf(':');
      const i = Number(k.slice(0, at));
      if (at < 0 || !Number.isInteger(i)) continue;
      const entry = byIndex.get(i) ?? {};
      entry[k.slice(at + 1)] = v;
      byIndex.set(i, entry);
    }
    const list = [...byIndex.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, g]) => one(g))
      .filter((m): m is CodedMessage => m !== null);
    if (list.length) nested.set(name, list);
  }
  return { scalars, nested };
}

/**
 * A catalogue message sent as data (`{ id, values }`) in a language; values flattened with `flattenMessage` or
 * `toRef` are worded into their parameter first. Null when the catalogue does not know the id.
 */
export function formatRef(
  lang: Lang,
  ref: { id: string; values: Readonly<Record<string, string | number>> },
): string | null {
  if (!hasMessage(ref.id)) return null;
  const { scalars, nested } = unflatten(ref.values);
  const values: Record<string, MessageValue> = { ...scalars };
  for (const [name, list] of nested) {
    const known = list.filter((m) => hasMessage(m.code));
    if (known.length) values[name] = formatMessages(lang, known, '; ');
  }
  return format(lang, ref.id, values);
}
