import { z } from 'zod';
import { format, type Lang, type MessageId } from '../i18n';
import type { SchemaIssue } from './load';

// zod's own message tables (its `locales`), one per language: made once, on first use, for issues we do not word.
const tables: Partial<Record<Lang, z.core.$ZodConfig>> = {};

/** The kinds of value a schema issue names, each with a word per language (`schema.type.*`). */
const TYPE_IDS: Readonly<Record<string, MessageId>> = {
  string: 'schema.type.string',
  number: 'schema.type.number',
  int: 'schema.type.int',
  bigint: 'schema.type.number',
  nan: 'schema.type.nan',
  boolean: 'schema.type.boolean',
  array: 'schema.type.array',
  tuple: 'schema.type.array',
  set: 'schema.type.array',
  object: 'schema.type.object',
  record: 'schema.type.object',
  map: 'schema.type.object',
  null: 'schema.type.null',
  undefined: 'schema.type.undefined',
  date: 'schema.type.date',
  function: 'schema.type.other',
  symbol: 'schema.type.other',
};

/** A type's name in a language ("tekst" for `string`, "lijst" for `array`). */
export function typeName(type: string, lang: Lang): string {
  return format(lang, TYPE_IDS[type] ?? 'schema.type.other');
}

/** The kind of value found (the issue's stand-in input: same type, never the value). */
function receivedType(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
  return typeof input;
}

/**
 * A schema issue in a language ("verwacht tekst, gevonden: getal"), with the kinds of value in that language's
 * words rather than zod's type names; an issue kind this does not word falls back to zod's own message table for
 * the language, and null when that has no text for it either.
 */
export function schemaIssueText(issue: SchemaIssue, lang: Lang): string | null {
  const i = issue as SchemaIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(String(i.expected), lang);
      if (!('input' in i) || i.input === undefined) return format(lang, 'schema.missing', { expected });
      return format(lang, 'schema.invalidType', {
        expected,
        received: typeName(receivedType(i.input), lang),
      });
    }
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? i.minimum : i.maximum);
      if (!Number.isFinite(limit)) break;
      const origin = String(i.origin);
      const kind =
        origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : 'number';
      return format(lang, issue.code === 'too_small' ? 'schema.tooSmall' : 'schema.tooBig', {
        kind,
        limit,
        exact: i.exact === true ? 'yes' : i.inclusive === false ? 'exclusive' : 'inclusive',
      });
    }
    case 'invalid_value': {
      const values = Array.isArray(i.values) ? i.values.map((v) => JSON.stringify(v)).join(', ') : '';
      return format(lang, 'schema.invalidValue', {
        values,
        n: Array.isArray(i.values) ? i.values.length : 0,
      });
    }
    case 'invalid_format':
      return format(lang, 'schema.invalidFormat', {
        format: String(i.format),
        pattern: typeof i.pattern === 'string' ? i.pattern : '',
      });
    case 'invalid_union':
      return format(lang, 'schema.invalidUnion');
    default:
      break;
  }
  const table = (tables[lang] ??= lang === 'nl' ? z.locales.nl() : z.locales.en());
  const text = table.localeError?.(issue as unknown as z.core.$ZodRawIssue);
  if (typeof text === 'string') return text;
  return text?.message ?? null;
}
