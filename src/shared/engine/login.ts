import { normalizeDiacritics } from '../text/transliterate';
import type { CompiledLoginSchema } from './compile';
import type { FlatUser } from '../scim/resource';

/**
 * The login schema from Plek's product notes (after Personio → Okta): begin (a field, or its first letter)
 * + separator + end (a field, its first letter, or none) + "@" + domain; lower-case and transliterated.
 * Returns the local part, or null when the begin field is empty.
 */
export function loginLocalPart(schema: CompiledLoginSchema, attributes: FlatUser): string | null {
  const begin = part(attributes[schema.beginTarget], schema.begin.part, schema.transliteration);
  if (!begin) return null;
  if (schema.end === 'none' || schema.endTarget === null) return begin;
  const end = part(attributes[schema.endTarget], schema.end.part, schema.transliteration);
  return end ? `${begin}${schema.separator}${end}` : begin;
}

function part(value: unknown, which: 'full' | 'firstLetter', mode: 'strip' | 'dach'): string {
  if (typeof value !== 'string') return '';
  // Letters, digits and the few symbols a login may hold; spaces and apostrophes of "van 't Hek" vanish.
  const cleaned = normalizeDiacritics(value, mode)
    .toLowerCase()
    .replace(/[^a-z0-9.\-_]/g, '');
  if (which === 'firstLetter') return /[a-z0-9]/.exec(cleaned)?.[0] ?? '';
  return cleaned.replace(/^[.\-_]+|[.\-_]+$/g, '');
}

/** `johndoe_12345@demo.com`: the collision suffix the notes prescribe. */
export function withCollisionSuffix(local: string, suffix: string, mode: 'strip' | 'dach'): string {
  const clean = normalizeDiacritics(suffix, mode)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `${local}_${clean}`;
}
