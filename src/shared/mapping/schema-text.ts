import { z } from 'zod';
import type { Lang } from '../i18n';
import type { SchemaIssue } from './load';

// zod's own message tables (its `locales`), one per language: made once, on first use.
const tables: Partial<Record<Lang, z.core.$ZodConfig>> = {};

/**
 * A schema issue in a language ("Te kort: verwacht dat string >=1 tekens heeft"), from zod's message table for
 * that language; null when the table has no text for it.
 */
export function schemaIssueText(issue: SchemaIssue, lang: Lang): string | null {
  const table = (tables[lang] ??= lang === 'nl' ? z.locales.nl() : z.locales.en());
  const text = table.localeError?.(issue as unknown as z.core.$ZodRawIssue);
  if (typeof text === 'string') return text;
  return text?.message ?? null;
}
