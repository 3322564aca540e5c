import type { HeaderSuggestion } from '../engine/recognize-headers';
import { recognizeHeaders } from '../engine/recognize-headers';
import { PLEK_PROFILE_SCHEMA } from '../scim/fields';

export type WireSuggestion = HeaderSuggestion & { target: string; expression: string };

/**
 * Auto-wire suggestions for the canvas: what the header recogniser proposes for Plek fields that are not mapped
 * yet and that the consultant has not turned down, one per field (the most confident). A column that already
 * feeds a field is not proposed again (Roepnaam feeds the given name, so it is not offered as nickName), and
 * custom profile fields, which the mapping must declare first, are left out: accepting every suggestion keeps
 * the mapping valid.
 */
export function pendingSuggestions(
  headers: readonly string[],
  mapped: Readonly<Record<string, unknown>>,
  rejected: readonly string[],
): WireSuggestion[] {
  const best = new Map<string, WireSuggestion>();
  const used = new Set<string>();
  for (const expression of Object.values(mapped)) {
    if (typeof expression !== 'string') continue;
    for (const m of expression.matchAll(/\[((?:[^\]]|\]\])+)\]/g))
      used.add((m[1] ?? '').replace(/\]\]/g, ']'));
  }
  for (const s of recognizeHeaders(headers)) {
    if (s.target === null || s.expression === null) continue;
    if (used.has(s.header) || s.target.startsWith(`${PLEK_PROFILE_SCHEMA}:`)) continue;
    if (s.target in mapped || rejected.includes(s.target)) continue;
    const current = best.get(s.target);
    if (!current || s.confidence > current.confidence) best.set(s.target, s as WireSuggestion);
  }
  return [...best.values()];
}
