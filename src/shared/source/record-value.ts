import type { SourceRecord, SourceValue } from './types';

/**
 * A record's value for a column or attribute, undefined when it has none. Reads the compact cells when the
 * source gave them (no per-row object is built), else `values` — own properties only, so a record backed by a
 * plain object never hands out `constructor` or `__proto__` of Object.
 */
export function recordValue(record: SourceRecord, name: string): SourceValue | undefined {
  const { cells, columns } = record;
  if (cells !== undefined && columns !== undefined) {
    const i = columns.get(name);
    return i === undefined ? undefined : cells[i];
  }
  return Object.hasOwn(record.values, name) ? record.values[name] : undefined;
}
