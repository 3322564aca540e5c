import { randomUUID } from 'node:crypto';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import {
  CORE_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  PLEK_PROFILE_SCHEMA,
} from '../../shared/scim/fields';
import { matches, parseFilter, simpleEquality } from './filter';

export type ResourceKind = 'Users' | 'Groups';
export type Resource = Record<string, unknown> & {
  id: string;
  schemas: string[];
  meta: { resourceType: string; created: string; lastModified: string; version: string; location: string };
};

export interface SandboxState {
  seq: number;
  users: Resource[];
  groups: Resource[];
}

/** A SCIM protocol error with its RFC 7644 §3.12 status and scimType. */
export class ScimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: string,
  ) {
    super(message);
  }
}

const USER_EXTENSIONS = [ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The stored account: the copy `normalise` made (which has neither key) with `id` and `meta` added, in that order,
 * instead of a second copy. Not `{ ...r, id, meta }`: V8 gave every account made by spreading a hidden class of its
 * own, and 92,000 new accounts held some 30 MB of them for the sandbox's life.
 */
function withId(r: Record<string, unknown>, id: string, meta: Resource['meta']): Resource {
  r.id = id;
  r.meta = meta;
  return r as Resource;
}

type MemberAdd = { op: string; path: string; value: { value: string }[] };

function isMemberAdd(o: unknown): o is MemberAdd {
  return (
    isRecord(o) &&
    typeof o.op === 'string' &&
    o.op.toLowerCase() === 'add' &&
    typeof o.path === 'string' &&
    o.path.toLowerCase() === 'members' &&
    Array.isArray(o.value) &&
    o.value.every((m) => isRecord(m) && typeof m.value === 'string')
  );
}

/**
 * Per group member list (a list is never changed once stored: a change makes a new one): its JSON text without
 * the brackets, in pieces (joined by commas), and the set of its member ids, carried from a list to the next when
 * members are added.
 */
const membersText = new WeakMap<unknown[], readonly string[]>();
const memberIds = new WeakMap<unknown[], Set<unknown>>();
const MEMBERS_MARK = '\u0001members\u0001';
/** The mark as `"members":…` in a JSON text: quotes inside a string are escaped, so it is found only as the key. */
const MEMBERS_MARK_JSON = `"members":${JSON.stringify(MEMBERS_MARK)}`;

/** The sandbox's data: users and groups with a userName/externalId index, ETag versions and uniqueness. */
export class SandboxStore {
  readonly users = new Map<string, Resource>();
  readonly groups = new Map<string, Resource>();
  private readonly userNames = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();
  /**
   * Per kind, per externalId: the id holding it, or the ids in order when more than one do (a Set only then).
   * A map per kind, keyed by the externalId itself: no key text made per account.
   */
  private readonly externalIds = {
    Users: new Map<string, string | Set<string>>(),
    Groups: new Map<string, string | Set<string>>(),
  };
  private seq = 0;

  constructor(
    private readonly now: () => number,
    /** Persistence hook: which resource changed (none given: everything, e.g. after a load). */
    private readonly onChange: (kind?: ResourceKind, id?: string) => void = () => {},
    /** Plek's profile: PATCH paths with a value filter (`emails[type eq "work"].value`) are refused on users. */
    private readonly refuseValuePaths = false,
  ) {}

  load(state: SandboxState): void {
    this.seq = state.seq;
    for (const u of state.users) this.index('Users', u);
    for (const g of state.groups) this.index('Groups', g);
  }

  /** The last version number given out (persisted with the change log). */
  get sequence(): number {
    return this.seq;
  }

  toJSON(): SandboxState {
    return { seq: this.seq, users: [...this.users.values()], groups: [...this.groups.values()] };
  }

  private map(kind: ResourceKind): Map<string, Resource> {
    return kind === 'Users' ? this.users : this.groups;
  }

  private uniqueKey(kind: ResourceKind, r: Record<string, unknown>): string | null {
    const v = kind === 'Users' ? r.userName : r.displayName;
    return typeof v === 'string' ? v.trim().toLowerCase() : null;
  }

  private index(kind: ResourceKind, r: Resource): void {
    this.map(kind).set(r.id, r);
    const k = this.uniqueKey(kind, r);
    if (k) (kind === 'Users' ? this.userNames : this.groupNames).set(k, r.id);
    if (typeof r.externalId === 'string') {
      const byExternal = this.externalIds[kind];
      const held = byExternal.get(r.externalId);
      if (held === undefined || held === r.id) byExternal.set(r.externalId, r.id);
      else if (typeof held === 'string') byExternal.set(r.externalId, new Set([held, r.id]));
      else held.add(r.id);
    }
  }

  private unindex(kind: ResourceKind, r: Resource): void {
    this.map(kind).delete(r.id);
    const k = this.uniqueKey(kind, r);
    const names = kind === 'Users' ? this.userNames : this.groupNames;
    if (k && names.get(k) === r.id) names.delete(k);
    if (typeof r.externalId === 'string') {
      const byExternal = this.externalIds[kind];
      const held = byExternal.get(r.externalId);
      if (held === r.id) byExternal.delete(r.externalId);
      else if (typeof held === 'object') held.delete(r.id);
    }
  }

  private lastMs = Number.NaN;
  private lastStamp = '';

  /** The time now as ISO text; made once per millisecond (a /Bulk request creates 50 accounts in one). */
  private timestamp(): string {
    const ms = this.now();
    if (ms !== this.lastMs) {
      this.lastStamp = new Date(ms).toISOString();
      this.lastMs = ms;
    }
    return this.lastStamp;
  }

  private nextVersion(): string {
    this.seq += 1;
    return `W/"${this.seq}"`;
  }

  private validate(kind: ResourceKind, r: Record<string, unknown>, selfId?: string): void {
    const field = kind === 'Users' ? 'userName' : 'displayName';
    const v = r[field];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new ScimHttpError(400, `${field} is required`, 'invalidValue');
    }
    const holder = (kind === 'Users' ? this.userNames : this.groupNames).get(v.trim().toLowerCase());
    if (holder && holder !== selfId)
      throw new ScimHttpError(409, `${field} "${v}" is already in use`, 'uniqueness');
    if (r.active !== undefined && typeof r.active !== 'boolean') {
      throw new ScimHttpError(400, 'active must be a boolean', 'invalidValue');
    }
  }

  /**
   * The resource to store: `body` without id, meta and groups, with its schemas and defaults. A body the store
   * may keep (`owned`: parsed from a request for this call alone) that has none of those keys is completed in
   * place, else copied: the same keys in the same order either way (an /Bulk import made a copy of each of its
   * 92,000 new accounts only to drop the parsed one).
   */
  private normalise(
    kind: ResourceKind,
    body: Record<string, unknown>,
    owned = false,
  ): Record<string, unknown> {
    const keep =
      owned && !Object.hasOwn(body, 'id') && !Object.hasOwn(body, 'meta') && !Object.hasOwn(body, 'groups');
    // `{ ...body }` without id, meta and groups, copied key by key: deleting keys from the copy turned every
    // account into a slow dictionary object first (the same keys in the same order either way).
    const r: Record<string, unknown> = keep ? body : {};
    if (!keep)
      for (const k of Object.keys(body)) {
        if (k === 'id' || k === 'meta' || k === 'groups') continue;
        if (k === '__proto__')
          Object.defineProperty(r, k, {
            value: body[k],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else r[k] = body[k];
      }
    if (kind === 'Users') {
      const schemas = new Set([CORE_USER_SCHEMA]);
      for (const ext of USER_EXTENSIONS) if (isRecord(r[ext])) schemas.add(ext);
      r.schemas = [...schemas];
      if (r.active === undefined) r.active = true;
    } else {
      r.schemas = [GROUP_SCHEMA];
      if (!Array.isArray(r.members)) r.members = [];
    }
    return r;
  }

  /**
   * A new resource. `owned`: the body was parsed for this call and nothing else holds it (a request's), so the
   * store may complete it in place instead of copying it.
   */
  create(kind: ResourceKind, body: unknown, base: string, owned = false): Resource {
    if (!isRecord(body)) throw new ScimHttpError(400, 'body must be a JSON object', 'invalidSyntax');
    const r = this.normalise(kind, body, owned);
    this.validate(kind, r);
    const id = randomUUID();
    const at = this.timestamp();
    // `normalise` made `r` (a copy without id and meta): they are added to it, not to another copy.
    const resource = withId(r, id, {
      resourceType: kind === 'Users' ? 'User' : 'Group',
      created: at,
      lastModified: at,
      version: this.nextVersion(),
      location: `${base}/${kind}/${id}`,
    });
    this.index(kind, resource);
    this.onChange(kind, id);
    return resource;
  }

  get(kind: ResourceKind, id: string): Resource {
    const r = this.map(kind).get(id);
    if (!r) throw new ScimHttpError(404, `${kind === 'Users' ? 'User' : 'Group'} ${id} not found`);
    return r;
  }

  private checkVersion(r: Resource, ifMatch: string | undefined): void {
    if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').some((v) => v.trim() === r.meta.version)) {
      throw new ScimHttpError(412, `version mismatch: the resource is at ${r.meta.version}`);
    }
  }

  private commit(kind: ResourceKind, old: Resource, next: Record<string, unknown>): Resource {
    const r = this.normalise(kind, next);
    this.validate(kind, r, old.id);
    const resource = withId(r, old.id, {
      ...old.meta,
      lastModified: this.timestamp(),
      version: this.nextVersion(),
    });
    this.unindex(kind, old);
    this.index(kind, resource);
    this.onChange(kind, old.id);
    return resource;
  }

  replace(kind: ResourceKind, id: string, body: unknown, ifMatch?: string): Resource {
    const old = this.get(kind, id);
    this.checkVersion(old, ifMatch);
    if (!isRecord(body)) throw new ScimHttpError(400, 'body must be a JSON object', 'invalidSyntax');
    return this.commit(kind, old, body);
  }

  patch(kind: ResourceKind, id: string, body: unknown, ifMatch?: string): Resource {
    const old = this.get(kind, id);
    this.checkVersion(old, ifMatch);
    const ops = isRecord(body) ? (body.Operations ?? body.operations) : undefined;
    if (!Array.isArray(ops)) throw new ScimHttpError(400, 'PATCH needs Operations', 'invalidSyntax');
    if (this.refuseValuePaths && kind === 'Users') {
      const filtered = ops.find(
        (o: unknown) => isRecord(o) && typeof o.path === 'string' && o.path.includes('['),
      );
      if (filtered)
        throw new ScimHttpError(
          400,
          `Plek does not process value-filter paths such as ${String((filtered as { path: string }).path)}: replace the whole attribute (e.g. path "emails" with the complete list)`,
          'invalidPath',
        );
    }
    if (kind === 'Groups' && ops.every(isMemberAdd)) return this.addMembers(old, ops);
    const normalisedOps = ops.map((o: unknown) =>
      isRecord(o) && typeof o.op === 'string' ? { ...o, op: o.op.toLowerCase() } : o,
    ) as ScimPatchOperation[];
    let patched: Record<string, unknown>;
    try {
      patched = scimPatch(structuredClone(old) as never, normalisedOps, { treatMissingAsAdd: true });
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      throw new ScimHttpError(
        400,
        e instanceof Error ? e.message : String(e),
        name === 'NoTarget' ? 'noTarget' : 'invalidValue',
      );
    }
    return this.commit(kind, old, patched);
  }

  /**
   * `add` to a group's members, the sync's one group write: members are compared by id in a set, where
   * scim-patch compares each new member with every existing one (a 10,000-member group took seconds per batch).
   * An id already a member is not added twice.
   */
  private addMembers(old: Resource, ops: readonly MemberAdd[]): Resource {
    const before = Array.isArray(old.members) ? (old.members as unknown[]) : [];
    const members = [...before];
    // The ids already in: the set made for the previous member list, when there is one (a 14,000-member group
    // gets 140 batches; making the set again each time was most of a batch's cost).
    const have = memberIds.get(before) ?? new Set(before.map((m) => (isRecord(m) ? m.value : undefined)));
    memberIds.delete(before);
    let added = '';
    for (const o of ops)
      for (const m of o.value) {
        if (have.has(m.value)) continue;
        have.add(m.value);
        const member = { ...m };
        members.push(member);
        added += `${added ? ',' : ''}${JSON.stringify(member)}`;
      }
    const text = membersText.get(before);
    const resource = this.commit('Groups', old, { ...old, members });
    if (resource.members === members) {
      memberIds.set(members, have);
      // The list's text in pieces (one per batch): no copy of the whole text is made until it is written.
      if (text !== undefined) membersText.set(members, added === '' ? text : [...text, added]);
    }
    return resource;
  }

  /**
   * A resource (or any answer body) as JSON: `JSON.stringify(value)`, except that a group's member list is
   * written once and then only extended (each batch of members answers with the whole group).
   */
  toJson(value: unknown): string {
    if (!isRecord(value) || !Array.isArray(value.members)) return JSON.stringify(value);
    const members = value.members;
    let text = membersText.get(members);
    if (text === undefined) {
      const whole = JSON.stringify(members);
      text = whole === '[]' ? [] : [whole.slice(1, -1)];
      membersText.set(members, text);
    }
    const shallow: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      if (k === '__proto__') return JSON.stringify(value);
      shallow[k] = k === 'members' ? MEMBERS_MARK : value[k];
    }
    const json = JSON.stringify(shallow);
    const at = json.indexOf(MEMBERS_MARK_JSON);
    if (at < 0) return JSON.stringify(value);
    // One string of the whole text, made once (as JSON.stringify would).
    const pieces = text.length ? [...text] : [''];
    pieces[0] = `${json.slice(0, at)}"members":[${pieces[0]}`;
    pieces[pieces.length - 1] = `${pieces[pieces.length - 1]}]${json.slice(at + MEMBERS_MARK_JSON.length)}`;
    return pieces.join(',');
  }

  delete(kind: ResourceKind, id: string, ifMatch?: string): void {
    const old = this.get(kind, id);
    this.checkVersion(old, ifMatch);
    this.unindex(kind, old);
    if (kind === 'Users') {
      for (const g of this.groups.values()) {
        if (Array.isArray(g.members) && g.members.some((m) => isRecord(m) && m.value === id)) {
          g.members = g.members.filter((m) => !(isRecord(m) && m.value === id));
          this.onChange('Groups', g.id);
        }
      }
    }
    this.onChange(kind, id);
  }

  /** Resources matching a filter (all when absent), in creation order. */
  query(kind: ResourceKind, filterText?: string): Resource[] {
    if (!filterText) return [...this.map(kind).values()];
    const f = parseFilter(filterText);
    const eq = simpleEquality(f);
    if (eq?.attr === 'externalid') {
      const held = this.externalIds[kind].get(eq.value);
      const ids = held === undefined ? [] : typeof held === 'string' ? [held] : held;
      return [...ids].map((id) => this.map(kind).get(id)).filter((r): r is Resource => r !== undefined);
    }
    if (
      eq &&
      ((kind === 'Users' && eq.attr === 'username') || (kind === 'Groups' && eq.attr === 'displayname'))
    ) {
      const id = (kind === 'Users' ? this.userNames : this.groupNames).get(eq.value.trim().toLowerCase());
      const r = id ? this.map(kind).get(id) : undefined;
      return r ? [r] : [];
    }
    if (eq?.attr === 'id') {
      const r = this.map(kind).get(eq.value);
      return r ? [r] : [];
    }
    const out: Resource[] = [];
    for (const r of this.map(kind).values()) if (matches(f, r)) out.push(r);
    return out;
  }
}
