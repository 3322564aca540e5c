import { CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA } from './fields';

/** A mapped value for one target field. Lists are not SCIM targets: a mapping picks one value. */
export type FlatValue = string | boolean | null;
/** Target path → value, as produced by the mapping engine and as read back from a SCIM resource. */
export type FlatUser = Record<string, FlatValue>;

export interface ScimMeta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  version?: string;
  location?: string;
}

export interface ScimUser {
  schemas: string[];
  id?: string;
  externalId?: string;
  userName?: string;
  active?: boolean;
  meta?: ScimMeta;
  [attr: string]: unknown;
}

const FILTERED = /^(\w+)\[type eq "([^"]+)"\]\.(\w+)$/;
const EXTENSIONS = [ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA];

/** A flat path taken apart once: its extension schema, and a value filter or a sub-attribute. */
interface ParsedPath {
  schema: string | null;
  attr: string;
  filtered: { list: string; type: string; sub: string } | null;
  /** `name.givenName` → head `name`, sub `givenName`. */
  head: string | null;
  sub: string;
}

/**
 * Paths are parsed once: a 100,000-row import sets a dozen paths per account, and taking each apart again (two
 * prefix tests and a regular expression per value) was most of the time to build the accounts. The mapping's
 * paths are few; the cache stops growing at 1,000.
 */
const parsedPaths = new Map<string, ParsedPath>();

function parsePath(path: string): ParsedPath {
  let p = parsedPaths.get(path);
  if (p) return p;
  let schema: string | null = null;
  let attr = path;
  for (const s of EXTENSIONS)
    if (path.startsWith(`${s}:`)) {
      schema = s;
      attr = path.slice(s.length + 1);
      break;
    }
  const m = FILTERED.exec(attr);
  const dot = m ? -1 : attr.indexOf('.');
  p = {
    schema,
    attr,
    filtered: m ? { list: m[1]!, type: m[2]!, sub: m[3]! } : null,
    head: dot > 0 ? attr.slice(0, dot) : null,
    sub: dot > 0 ? attr.slice(dot + 1) : attr,
  };
  if (parsedPaths.size < 1000) parsedPaths.set(path, p);
  return p;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets one flat path on a SCIM resource object, creating sub-objects and typed multi-value entries. */
export function setPath(resource: Record<string, unknown>, path: string, value: FlatValue): void {
  const { schema, attr, filtered, head, sub } = parsePath(path);
  let target: Record<string, unknown> = resource;
  if (schema) {
    const ext = isRecord(resource[schema]) ? (resource[schema] as Record<string, unknown>) : {};
    resource[schema] = ext;
    target = ext;
    if (attr === 'manager') {
      ext.manager = value === null ? null : { value };
      return;
    }
  }
  if (filtered) {
    const { list, type } = filtered;
    const arr = Array.isArray(target[list]) ? (target[list] as Record<string, unknown>[]) : [];
    target[list] = arr;
    let entry = arr.find((e) => isRecord(e) && e.type === type);
    if (!entry) {
      entry = { type };
      if (list === 'emails' && !arr.some((e) => e.primary === true)) entry.primary = true;
      arr.push(entry);
    }
    entry[filtered.sub] = value;
    return;
  }
  if (head !== null) {
    const obj = isRecord(target[head]) ? (target[head] as Record<string, unknown>) : {};
    target[head] = obj;
    obj[sub] = value;
    return;
  }
  target[attr] = value;
}

/** Reads one flat path from a SCIM resource; absent values read as null. */
export function getPath(resource: Record<string, unknown>, path: string): FlatValue {
  const { schema, attr, filtered, head, sub } = parsePath(path);
  let target: unknown = resource;
  if (schema) {
    target = resource[schema];
    if (!isRecord(target)) return null;
    if (attr === 'manager') {
      const mgr = target.manager;
      return isRecord(mgr) && typeof mgr.value === 'string' ? mgr.value : null;
    }
  }
  if (!isRecord(target)) return null;
  if (filtered) {
    const arr = target[filtered.list];
    if (!Array.isArray(arr)) return null;
    return toFlat(multiValuedEntry(arr, filtered.type)?.[filtered.sub] ?? null);
  }
  if (head !== null) {
    const obj = target[head];
    return isRecord(obj) ? toFlat(obj[sub]) : null;
  }
  return toFlat(target[attr]);
}

/**
 * The entry of a multi-valued attribute (emails, phoneNumbers) that `list[type eq "<type>"]` addresses: the entry
 * of that type; for `work` only, when no entry has type work, the primary entry (servers that leave `type` out).
 * A primary home address is never read as the work address while a work entry exists.
 */
export function multiValuedEntry(list: unknown[], type: string): Record<string, unknown> | undefined {
  const typed = list.find((e): e is Record<string, unknown> => isRecord(e) && e.type === type);
  if (typed || type !== 'work') return typed;
  return list.find((e): e is Record<string, unknown> => isRecord(e) && readBoolean(e.primary) === true);
}

/** A value-filter path (`emails[type eq "work"].value`) split into list, type and sub-attribute; else null. */
export function parseValuePath(path: string): { list: string; type: string; sub: string } | null {
  const m = FILTERED.exec(path);
  if (!m) return null;
  const [, list, type, sub] = m as unknown as [string, string, string, string];
  return { list, type, sub };
}

/**
 * A boolean as targets send it: `true`/`false`, or the strings `"True"`/`"False"` (Microsoft Entra's style),
 * in any case and with surrounding whitespace. Anything else is not a boolean (undefined).
 */
export function readBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/**
 * A user resource as the target sent it, with the booleans the sync reads made real booleans: `active` and the
 * `primary` flag of multi-valued entries. Returns a new object when something changed, else the same one.
 */
export function normaliseUser<T extends Record<string, unknown>>(resource: T): T {
  let out: Record<string, unknown> = resource;
  if (resource.active !== undefined && typeof resource.active !== 'boolean') {
    const b = readBoolean(resource.active);
    out = { ...out, active: b ?? resource.active };
  }
  for (const list of ['emails', 'phoneNumbers', 'addresses', 'ims', 'roles']) {
    const arr = resource[list];
    if (!Array.isArray(arr) || !arr.some((e) => isRecord(e) && typeof e.primary === 'string')) continue;
    out = {
      ...out,
      [list]: arr.map((e) =>
        isRecord(e) && typeof e.primary === 'string' ? { ...e, primary: readBoolean(e.primary) ?? false } : e,
      ),
    };
  }
  return out as T;
}

function toFlat(v: unknown): FlatValue {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Builds a SCIM User resource (schemas listed) from flat target values; null values are left out. */
export function toScimUser(flat: FlatUser, externalId: string): ScimUser {
  const resource: ScimUser = { schemas: [CORE_USER_SCHEMA], externalId };
  for (const [path, value] of Object.entries(flat)) {
    if (value === null) continue;
    setPath(resource, path, value);
  }
  for (const s of EXTENSIONS) if (resource[s] !== undefined) resource.schemas.push(s);
  return resource;
}

/**
 * `toScimUser` for values given one by one, each path once (a compact create's row): the same resource, without
 * a flat user in between.
 */
export function buildScimUser(
  externalId: string,
  fill: (set: (path: string, value: FlatValue) => void) => void,
): ScimUser {
  const resource: ScimUser = { schemas: [CORE_USER_SCHEMA], externalId };
  fill((path, value) => {
    if (value !== null) setPath(resource, path, value);
  });
  for (const s of EXTENSIONS) if (resource[s] !== undefined) resource.schemas.push(s);
  return resource;
}

/** A new account's JSON text with the parts that stay the same from account to account written once. */
interface UserShape {
  /** The text between the values: `parts[0] value parts[1] value … parts[n]`. */
  parts: string[];
  /** Per gap: which value goes there (the values' order, then the externalId, then the manager). */
  slots: number[];
}

/** A character JSON.stringify writes other than as itself (a string without one is quoted as it is). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
interface ShapeNode {
  next: Map<string, ShapeNode>;
  plain?: UserShape | null;
  managed?: UserShape | null;
}

const SLOT = /"\\u0001(\d+)\\u0001"/g;

/**
 * The JSON text of new accounts, byte for byte `JSON.stringify` of `buildScimUser` (plus the manager reference
 * set last, as apply does), made without building the account: the text around the values is worked out once per
 * set of paths (a 100,000-row import has a handful) and the values are put in. Building each account as objects
 * and serialising it was a tenth of an initial import's time.
 */
export class ScimUserWriter {
  /** Shapes by the paths set, one level per path (the paths are a table's column names: a lookup is cheap). */
  private readonly root: ShapeNode = { next: new Map() };
  private count = 0;

  /**
   * `paths`/`values`: the account's values in the order they are set (none null); `manager`: the manager's
   * Plek id, set last. Null when the paths cannot be written this way (the caller builds the account instead).
   */
  json(
    externalId: string,
    paths: readonly string[],
    values: readonly (string | boolean)[],
    manager: string | undefined,
  ): string | null {
    let node = this.root;
    for (const p of paths) {
      let child = node.next.get(p);
      if (child === undefined) {
        child = { next: new Map() };
        if (this.count++ < 10_000) node.next.set(p, child);
      }
      node = child;
    }
    const withManager = manager !== undefined;
    let shape = withManager ? node.managed : node.plain;
    if (shape === undefined) {
      shape = userShape(paths, withManager);
      if (withManager) node.managed = shape;
      else node.plain = shape;
    }
    if (shape === null) return null;
    const { parts, slots } = shape;
    const n = values.length;
    let text = parts[0]!;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const v = slot < n ? values[slot]! : slot === n ? externalId : manager!;
      text += (typeof v === 'string' && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v)) + parts[i + 1]!;
    }
    return text;
  }
}

/** The text of an account with a marker for each value, cut at the markers; null when a marker is not found once. */
function userShape(paths: readonly string[], manager: boolean): UserShape | null {
  const marker = (i: number) => `\u0001${i}\u0001`;
  const n = paths.length;
  const resource = buildScimUser(marker(n), (set) => paths.forEach((p, i) => set(p, marker(i))));
  if (manager) setPath(resource, `${ENTERPRISE_USER_SCHEMA}:manager`, marker(n + 1));
  const text = JSON.stringify(resource);
  const parts: string[] = [];
  const slots: number[] = [];
  const seen = new Set<number>();
  let from = 0;
  for (const m of text.matchAll(SLOT)) {
    const slot = Number(m[1]);
    if (seen.has(slot)) return null;
    seen.add(slot);
    parts.push(text.slice(from, m.index!));
    slots.push(slot);
    from = m.index! + m[0].length;
  }
  parts.push(text.slice(from));
  return seen.size === n + 1 + (manager ? 1 : 0) ? { parts, slots } : null;
}

/** Reads the given target paths from a SCIM resource into a flat user. */
export function fromScimUser(resource: ScimUser, paths: readonly string[]): FlatUser {
  const flat: FlatUser = {};
  for (const p of paths) flat[p] = getPath(resource, p);
  return flat;
}
