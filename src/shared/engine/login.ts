import { normalizeDiacritics } from '../text/transliterate';
import type { CompiledLoginSchema } from './compile';
import type { FlatUser } from '../scim/resource';

/**
 * The login schema from Plek's product notes (after Personio → Okta): begin (a field, or its first letter)
 * + separator + end (a field, its first letter, or none) + "@" + domain; lower-case and transliterated.
 * Returns the local part, or null when nothing usable is left (an empty begin field, or a name of only
 * punctuation or emoji).
 */
export function loginLocalPart(schema: CompiledLoginSchema, attributes: FlatUser): string | null {
  const begin = part(attributes[schema.beginTarget], schema.begin.part, schema.transliteration);
  if (!begin) return null;
  if (schema.end === 'none' || schema.endTarget === null) return begin;
  const end = part(attributes[schema.endTarget], schema.end.part, schema.transliteration);
  return end ? `${begin}${schema.separator}${end}` : begin;
}

/**
 * Symbols (emoji, ©, ™, currency…) and control/format characters (the zero-width joiner inside an emoji
 * sequence) are dropped before transliteration: any-ascii spells 😀 as ":grinning:", which would otherwise
 * reach the login as the word "grinning".
 */
const NOT_A_NAME = /[\p{S}\p{C}]/gu;

function loginText(value: string, mode: 'strip' | 'dach'): string {
  return normalizeDiacritics(value.replace(NOT_A_NAME, ''), mode).toLowerCase();
}

function part(value: unknown, which: 'full' | 'firstLetter', mode: 'strip' | 'dach'): string {
  if (typeof value !== 'string') return '';
  // Letters, digits and the few symbols a login may hold; spaces and apostrophes of "van 't Hek" vanish.
  const cleaned = loginText(value, mode).replace(/[^a-z0-9.\-_]/g, '');
  if (which === 'firstLetter') return /[a-z0-9]/.exec(cleaned)?.[0] ?? '';
  return cleaned.replace(/^[.\-_]+|[.\-_]+$/g, '');
}

/** `johndoe_12345@demo.com`: the collision suffix the notes prescribe. */
export function withCollisionSuffix(local: string, suffix: string, mode: 'strip' | 'dach'): string {
  const clean = collisionSuffix(suffix, mode);
  return clean ? `${local}_${clean}` : local;
}

/** The suffix value as it appears in a login: lower-case letters and digits only. */
export function collisionSuffix(suffix: string, mode: 'strip' | 'dach'): string {
  return loginText(suffix, mode).replace(/[^a-z0-9]/g, '');
}

/** What a login is made of: the local part, the collision suffix (already cleaned) and the domain. */
export interface LoginParts {
  local: string;
  suffix: string;
  domain: string;
}

/** How many numbered variants (`_ict_2`, `_ict_3`…) are tried before a login is given up as taken. */
export const MAX_LOGIN_VARIANTS = 99;

/**
 * The first free login for a new account: `local@domain`; when taken, `local_suffix@domain`; when that is taken
 * too (two namesakes in one department with a department suffix), `local_suffix_2@domain`, `_3`… Returns null
 * when every variant is taken. `taken` compares lower-case logins. Deterministic: the same taken set gives the
 * same login.
 */
export function firstFreeLogin(parts: LoginParts, taken: (login: string) => boolean): string | null {
  const domain = parts.domain.toLowerCase();
  const plain = `${parts.local}@${domain}`;
  if (!taken(plain)) return plain;
  const stem = parts.suffix ? `${parts.local}_${parts.suffix}` : parts.local;
  if (parts.suffix && !taken(`${stem}@${domain}`)) return `${stem}@${domain}`;
  for (let i = 2; i <= MAX_LOGIN_VARIANTS; i++) {
    const login = `${stem}_${i}@${domain}`;
    if (!taken(login)) return login;
  }
  return null;
}
