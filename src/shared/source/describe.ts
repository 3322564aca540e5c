import type { SourceAttribute, SourceRecord } from './types';

/**
 * Fill rate, up to three distinct examples and list-ness of every attribute seen in a sample of records
 * (directory entries, API records), sorted by name. `multiValued` marks attributes known to hold lists even
 * when the sample has single values only.
 */
export function describeRecordAttributes(
  records: readonly SourceRecord[],
  multiValued: (name: string) => boolean = () => false,
): SourceAttribute[] {
  const stats = new Map<string, { filled: number; examples: string[]; multi: boolean }>();
  for (const r of records) {
    for (const [name, value] of Object.entries(r.values)) {
      const s = stats.get(name) ?? { filled: 0, examples: [], multi: multiValued(name) };
      stats.set(name, s);
      const items = value === null ? [] : Array.isArray(value) ? value : [value];
      if (Array.isArray(value)) s.multi = true;
      const nonEmpty = items.filter((v) => v.trim() !== '');
      if (nonEmpty.length > 0) s.filled++;
      for (const v of nonEmpty) {
        if (s.examples.length >= 3) break;
        if (!s.examples.includes(v)) s.examples.push(v);
      }
    }
  }
  const total = Math.max(records.length, 1);
  return [...stats]
    .map(([name, s]) => ({
      name,
      fillRate: s.filled / total,
      examples: s.examples,
      ...(s.multi ? { multiValued: true } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
