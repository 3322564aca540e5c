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

function splitExtension(path: string): { schema: string | null; attr: string } {
  for (const s of EXTENSIONS)
    if (path.startsWith(`${s}:`)) return { schema: s, attr: path.slice(s.length + 1) };
  return { schema: null, attr: path };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets one flat path on a SCIM resource object, creating sub-objects and typed multi-value entries. */
export function setPath(resource: Record<string, unknown>, path: string, value: FlatValue): void {
  const { schema, attr } = splitExtension(path);
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
  const m = FILTERED.exec(attr);
  if (m) {
    const [, list, type, sub] = m as unknown as [string, string, string, string];
    const arr = Array.isArray(target[list]) ? (target[list] as Record<string, unknown>[]) : [];
    target[list] = arr;
    let entry = arr.find((e) => isRecord(e) && e.type === type);
    if (!entry) {
      entry = { type };
      if (list === 'emails' && !arr.some((e) => e.primary === true)) entry.primary = true;
      arr.push(entry);
    }
    entry[sub] = value;
    return;
  }
  const dot = attr.indexOf('.');
  if (dot > 0) {
    const head = attr.slice(0, dot);
    const sub = isRecord(target[head]) ? (target[head] as Record<string, unknown>) : {};
    target[head] = sub;
    sub[attr.slice(dot + 1)] = value;
    return;
  }
  target[attr] = value;
}

/** Reads one flat path from a SCIM resource; absent values read as null. */
export function getPath(resource: Record<string, unknown>, path: string): FlatValue {
  const { schema, attr } = splitExtension(path);
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
  const m = FILTERED.exec(attr);
  if (m) {
    const [, list, type, sub] = m as unknown as [string, string, string, string];
    const arr = target[list];
    if (!Array.isArray(arr)) return null;
    const entry = arr.find(
      (e) => isRecord(e) && (e.type === type || (type === 'work' && e.primary === true)),
    );
    return toFlat(isRecord(entry) ? entry[sub] : null);
  }
  const dot = attr.indexOf('.');
  if (dot > 0) {
    const sub = target[attr.slice(0, dot)];
    return isRecord(sub) ? toFlat(sub[attr.slice(dot + 1)]) : null;
  }
  return toFlat(target[attr]);
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

/** Reads the given target paths from a SCIM resource into a flat user. */
export function fromScimUser(resource: ScimUser, paths: readonly string[]): FlatUser {
  const flat: FlatUser = {};
  for (const p of paths) flat[p] = getPath(resource, p);
  return flat;
}
