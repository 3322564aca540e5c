import type { HeaderSuggestion } from '../engine/recognize-headers';
import { recognizeHeaders } from '../engine/recognize-headers';

export type WireSuggestion = HeaderSuggestion & { target: string; expression: string };

/**
 * Auto-wire suggestions for the canvas: what the header recogniser proposes for Plek fields that are not mapped
 * yet and that the consultant has not turned down, one per field (the most confident).
 */
export function pendingSuggestions(
  headers: readonly string[],
  mapped: Readonly<Record<string, unknown>>,
  rejected: readonly string[],
): WireSuggestion[] {
  const best = new Map<string, WireSuggestion>();
  for (const s of recognizeHeaders(headers)) {
    if (s.target === null || s.expression === null) continue;
    if (s.target in mapped || rejected.includes(s.target)) continue;
    const current = best.get(s.target);
    if (!current || s.confidence > current.confidence) best.set(s.target, s as WireSuggestion);
  }
  return [...best.values()];
}
