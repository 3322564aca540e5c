import { failAt } from '../runtime';
import type { Value } from '../value';
import { isBlank, valueToText } from '../value';
import type { FunctionDef } from './define';
import { eager, toInteger } from './define';

export const Split: FunctionDef = {
  name: 'Split',
  params: [
    { name: 'text', type: 'text' },
    { name: 'separator', type: 'text' },
  ],
  returns: 'list',
  description: {
    en: 'Splits text into a list at each separator (not trimmed). Empty text gives null.',
    nl: 'Splitst tekst in een lijst bij elk scheidingsteken.',
  },
  example: 'Split("ICT;HR", ";") → ["ICT", "HR"]',
  compile: eager((call) => (v, sep) => {
    const s = valueToText(sep);
    if (s === null || s === '')
      throw failAt(call, 'expression-error', 'the separator is empty', { id: 'eval.emptySeparator' });
    const t = valueToText(v);
    return t === null || t === '' ? null : t.split(s);
  }),
};

export const Item: FunctionDef = {
  name: 'Item',
  params: [
    { name: 'list', type: 'list' },
    { name: 'index', type: 'number' },
  ],
  returns: 'any',
  description: {
    en: 'The item at a position (the first is 1); null when the list is shorter. A single value is a list of one.',
    nl: 'Het element op een positie (het eerste is 1); null als de lijst korter is.',
  },
  example: 'Item(Split("a;b;c", ";"), 2) → "b"',
  compile: eager((call) => (list, index) => {
    const i = toInteger(index);
    if (i === undefined)
      throw failAt(
        call,
        'expression-error',
        `index must be a whole number, got ${JSON.stringify(valueToText(index))}`,
        { id: 'eval.notWhole', param: 'index', text: JSON.stringify(valueToText(index)) },
      );
    if (Array.isArray(list)) return i >= 1 && i <= list.length ? list[i - 1]! : null;
    return i === 1 ? list : null;
  }),
};

export const First: FunctionDef = {
  name: 'First',
  params: [{ name: 'list', type: 'list' }],
  returns: 'any',
  description: {
    en: 'The first non-empty item of a list (a multi-valued directory attribute); a single value as it is.',
    nl: 'Het eerste niet-lege element van een lijst.',
  },
  example: 'First(Split(";b;c", ";")) → "b"',
  compile: eager(() => (list) => {
    if (!Array.isArray(list)) return list;
    for (const item of list) if (!isBlank(item)) return item;
    return null;
  }),
};

function findPrefix(v: Value, prefix: string): string | null {
  if (Array.isArray(v)) {
    for (const item of v) {
      const hit = findPrefix(item, prefix);
      if (hit !== null) return hit;
    }
    return null;
  }
  const t = valueToText(v);
  return t !== null && t.startsWith(prefix) ? t.slice(prefix.length) : null;
}

export const FindPrefix: FunctionDef = {
  name: 'FindPrefix',
  params: [
    { name: 'list', type: 'list' },
    { name: 'prefix', type: 'text' },
  ],
  returns: 'text',
  description: {
    en: 'The first item that starts with the prefix (case-sensitive), without the prefix. With "SMTP:" it picks the primary address from proxyAddresses.',
    nl: 'Het eerste element dat met het voorvoegsel begint (hoofdlettergevoelig), zonder dat voorvoegsel.',
  },
  example: 'FindPrefix(Split("smtp:j@oud.nl,SMTP:jan@plek.nl", ","), "SMTP:") → "jan@plek.nl"',
  compile: eager(() => (list, prefix) => {
    const p = valueToText(prefix);
    return p === null ? null : findPrefix(list, p);
  }),
};

export const Count: FunctionDef = {
  name: 'Count',
  params: [{ name: 'list', type: 'list' }],
  returns: 'number',
  description: {
    en: 'The number of non-empty items (a single non-empty value counts 1).',
    nl: 'Het aantal niet-lege elementen.',
  },
  example: 'Count(Split("a;;b", ";")) → 2',
  compile: eager(
    () => (list) => (Array.isArray(list) ? list.filter((x) => !isBlank(x)).length : isBlank(list) ? 0 : 1),
  ),
};

export const LIST_FUNCTIONS = [Split, Item, First, FindPrefix, Count];
