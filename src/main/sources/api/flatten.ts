/**
 * JSON records → source values: nested objects become dotted attribute names (`position.title`,
 * `supervisor.id`), arrays of values become lists, and arrays of objects become one list per field
 * (`org_units.id` = ["12", "40"]). Numbers and booleans become their JSON text. Depth and width are bounded so a
 * hostile or broken API cannot make a record of a million attributes.
 */
import { describeRecordAttributes } from '../../../shared/source/describe';
import type { SourceAttribute, SourceRecord, SourceValue } from '../../../shared/source/types';

const MAX_DEPTH = 8;
const MAX_ATTRIBUTES = 2000;

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attributes written per output object, so the width check stays O(1). */
const sizes = new WeakMap<object, number>();

function put(out: Record<string, SourceValue>, name: string, value: SourceValue): void {
  // A "__proto__" key in hostile JSON would replace the record's prototype instead of adding an attribute.
  if (name === '__proto__') return;
  if (Object.hasOwn(out, name)) {
    out[name] = value;
    return;
  }
  const size = sizes.get(out) ?? 0;
  if (size >= MAX_ATTRIBUTES) return;
  sizes.set(out, size + 1);
  out[name] = value;
}

function flattenInto(value: unknown, name: string, out: Record<string, SourceValue>, depth: number): void {
  if (Array.isArray(value)) {
    if (value.every((v) => !isPlainObject(v) && !Array.isArray(v))) {
      put(
        out,
        name,
        value.map(scalar).filter((v): v is string => v !== null),
      );
      return;
    }
    if (depth >= MAX_DEPTH) {
      put(out, name, JSON.stringify(value));
      return;
    }
    // Arrays of objects: one list per field, in element order.
    const lists = new Map<string, string[]>();
    for (const element of value) {
      const inner: Record<string, SourceValue> = {};
      if (isPlainObject(element)) flattenObject(element, '', inner, depth + 1);
      else inner[''] = scalar(element);
      for (const [k, v] of Object.entries(inner)) {
        const key = k === '' ? name : `${name}.${k}`;
        const list = lists.get(key) ?? [];
        if (Array.isArray(v)) list.push(...v);
        else if (v !== null) list.push(v);
        lists.set(key, list);
      }
    }
    for (const [k, list] of lists) put(out, k, list);
    return;
  }
  if (isPlainObject(value)) {
    if (depth >= MAX_DEPTH) {
      put(out, name, JSON.stringify(value));
      return;
    }
    flattenObject(value, name, out, depth + 1);
    return;
  }
  put(out, name, scalar(value));
}

function flattenObject(
  object: Record<string, unknown>,
  prefix: string,
  out: Record<string, SourceValue>,
  depth: number,
): void {
  for (const [key, value] of Object.entries(object)) {
    flattenInto(value, prefix ? `${prefix}.${key}` : key, out, depth);
  }
}

/** One JSON record as source values with dotted names; a non-object record becomes `{ value }`. */
export function flattenRecord(record: unknown, prefix = ''): Record<string, SourceValue> {
  const out: Record<string, SourceValue> = {};
  if (isPlainObject(record)) flattenObject(record, prefix, out, 0);
  else flattenInto(record, prefix || 'value', out, 0);
  return out;
}

/** The value at a dotted path (`meta.next_cursor`, `_meta.links.next.href`); '' is the value itself. */
export function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Fill rate, three distinct examples and list-ness of every attribute in a sample of API records. */
export function describeApiAttributes(records: readonly SourceRecord[]): SourceAttribute[] {
  return describeRecordAttributes(records);
}
