import { parse, type Filter } from 'scim2-parse-filter';

/** Attributes whose values compare case-sensitively (RFC 7643: caseExact). */
const CASE_EXACT = new Set(['id', 'externalid', 'members.value', 'manager.value']);

export class InvalidFilterError extends Error {}

/** Parses a SCIM filter with scim2-parse-filter; a syntax error becomes InvalidFilterError (400 invalidFilter). */
export function parseFilter(text: string): Filter {
  try {
    return parse(text);
  } catch (e) {
    throw new InvalidFilterError(`invalid filter: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function getKey(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** Values at an attribute path; multi-valued attributes flatten (`emails.value` → every email). */
function resolve(resource: unknown, path: string): unknown[] {
  let current: unknown[] = [resource];
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    const cut = path.lastIndexOf(':');
    const schema = path.slice(0, cut);
    rest = path.slice(cut + 1);
    current = current.map((r) =>
      r && typeof r === 'object' ? getKey(r as Record<string, unknown>, schema) : undefined,
    );
  }
  for (const seg of rest.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      if (c === null || c === undefined) continue;
      const items = Array.isArray(c) ? c : [c];
      for (const item of items) {
        if (item && typeof item === 'object') next.push(getKey(item as Record<string, unknown>, seg));
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null);
}

function compare(op: string, actual: unknown, expected: unknown, caseExact: boolean): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = caseExact ? actual : actual.toLowerCase();
    const e = caseExact ? expected : expected.toLowerCase();
    switch (op) {
      case 'eq':
        return a === e;
      case 'ne':
        return a !== e;
      case 'co':
        return a.includes(e);
      case 'sw':
        return a.startsWith(e);
      case 'ew':
        return a.endsWith(e);
      case 'gt':
        return a > e;
      case 'ge':
        return a >= e;
      case 'lt':
        return a < e;
      case 'le':
        return a <= e;
    }
    return false;
  }
  if (op === 'eq') return actual === expected;
  if (op === 'ne') return actual !== expected;
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (op === 'gt') return actual > expected;
    if (op === 'ge') return actual >= expected;
    if (op === 'lt') return actual < expected;
    if (op === 'le') return actual <= expected;
  }
  return false;
}

/** Evaluates a parsed filter against a resource: case-insensitive except caseExact attributes. */
export function matches(f: Filter, resource: unknown): boolean {
  switch (f.op) {
    case 'and':
      return f.filters.every((x) => matches(x, resource));
    case 'or':
      return f.filters.some((x) => matches(x, resource));
    case 'not':
      return !matches(f.filter, resource);
    case '[]':
      return resolve(resource, f.attrPath).some((v) => matches(f.valFilter, v));
    case 'pr':
      return resolve(resource, f.attrPath).some((v) => v !== '' && !(Array.isArray(v) && v.length === 0));
    default: {
      // Inside a value filter (`members[value eq "…"]`) the path is relative; `emails.value` is not case-exact.
      const leaf = (
        f.attrPath.toLowerCase().startsWith('urn:')
          ? f.attrPath.slice(f.attrPath.lastIndexOf(':') + 1)
          : f.attrPath
      ).toLowerCase();
      const values = resolve(resource, f.attrPath);
      if (f.op === 'ne') return values.every((v) => compare('ne', v, f.compValue, CASE_EXACT.has(leaf)));
      return values.some((v) => compare(f.op, v, f.compValue, CASE_EXACT.has(leaf)));
    }
  }
}

/** `attr eq "value"` on a top-level attribute, for index lookups. */
export function simpleEquality(f: Filter): { attr: string; value: string } | null {
  if (
    f.op === 'eq' &&
    typeof f.compValue === 'string' &&
    !f.attrPath.includes('.') &&
    !f.attrPath.includes(':')
  ) {
    return { attr: f.attrPath.toLowerCase(), value: f.compValue };
  }
  return null;
}
