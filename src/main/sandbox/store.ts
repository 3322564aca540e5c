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
 * `text` (JSON.stringify's answer) to keep, in one piece: JSON.stringify answers a tree of the pieces it wrote
 * (in V8, some 6 strings and 5 links for a 1 KB account). Reading a character of it makes V8 copy them into one
 * string, which takes the tree's place at the next young-generation collection. Only how the text is held
 * changes, never its characters.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * `text` as a string of its own, in one piece: `slice` answers a view that keeps the whole text it was cut from
 * alive (a 4 MB read of the change log). Its two halves joined are a tree, made one string as in `flat`.
 */
export function ownText(text: string): string {
  return text.length < 2 ? text : flat(text.slice(0, 1) + text.slice(1));
}

/**
 * A user as the store keeps it: its JSON text (one string, which the garbage collector never has to look into),
 * made once when the user is written; the same text answers a GET or a listing and goes to the change log. Next
 * to it what the indexes and ETags need. The object is parsed again for the rare request that needs it (a PATCH,
 * a PUT, a filter on another attribute): 92,000 new accounts kept as trees of some ten objects each cost the
 * sandbox thread more time in its collector than in its requests.
 */
export class StoredUser {
  constructor(
    readonly id: string,
    /** `JSON.stringify` of the resource, as one string. */
    readonly text: string,
    readonly version: string,
    /** The userName as the uniqueness index holds it (trimmed, lower case), if any. */
    readonly key: string | null,
    readonly externalId: string | undefined,
  ) {}

  /** A new copy of the resource. */
  resource(): Resource {
    return JSON.parse(this.text) as Resource;
  }
}

/** A stored resource: a user as text, a group (a few, with long member lists changed in batches) as its object. */
export type Stored = StoredUser | Resource;

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

/** A state read from a sandbox folder, as the store keeps it: users as texts (StoredUser), groups as objects. */
export interface StoredState {
  seq: number;
  users: Iterable<StoredUser>;
  groups: Iterable<Resource>;
}

/** A stored resource's ETag. */
function versionOf(s: Stored): string {
  return s instanceof StoredUser ? s.version : s.meta.version;
}

/** The sandbox's data: users and groups with a userName/externalId index, ETag versions and uniqueness. */
export class SandboxStore {
  /** Users as their JSON text (see StoredUser), by id, in the order they were last written. */
  readonly users = new Map<string, StoredUser>();
  readonly groups = new Map<string, Resource>();
  private readonly userNames = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();
  /**
   * Per kind, per externalId: the id holding it, or the ids in order when more than one do (a Set only then).
   * A map per kind, keyed by the externalId itself: no key text made per account. Made at the first filter on
   * externalId and kept up to date from then on (null before): an initial import never asks, and kept one more
   * map of 92,000 entries up to date for nothing. Made from the resources in their order, it holds what it would
   * have held all along (a changed resource moves to the end of both).
   */
  private readonly externalIds: Record<ResourceKind, Map<string, string | Set<string>> | null> = {
    Users: null,
    Groups: null,
  };
  /**
   * Per kind, the stored resources in order, made when a listing needs them and kept until the next change: a
   * listing of 100,000 accounts reads them a page at a time, and copied them all for every page.
   */
  private readonly inOrder: { Users: StoredUser[] | null; Groups: Resource[] | null } = {
    Users: null,
    Groups: null,
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
    this.loadStored({
      seq: state.seq,
      users: state.users.map((u) => this.storedUser(u)),
      groups: state.groups,
    });
  }

  /** A state as SandboxPersistence.loadStored reads it (its users already as texts). */
  loadStored(state: StoredState): void {
    this.seq = state.seq;
    for (const u of state.users) this.indexUser(u);
    for (const g of state.groups) this.indexGroup(g);
  }

  /**
   * A user read from a state folder as the store keeps it. `text`: its JSON text when at hand (the change log's
   * line holds it), else `JSON.stringify(r)` — the text the sandbox answered for it before it was kept as text.
   */
  storedUser(r: Resource, text?: string): StoredUser {
    const meta = r.meta as Resource['meta'] | undefined;
    return new StoredUser(
      r.id,
      text === undefined ? flat(JSON.stringify(r)) : ownText(text),
      meta?.version as string,
      this.uniqueKey('Users', r),
      typeof r.externalId === 'string' ? r.externalId : undefined,
    );
  }

  /** The last version number given out (persisted with the change log). */
  get sequence(): number {
    return this.seq;
  }

  toJSON(): SandboxState {
    return {
      seq: this.seq,
      users: [...this.users.values()].map((u) => u.resource()),
      groups: [...this.groups.values()],
    };
  }

  private map(kind: ResourceKind): Map<string, Stored> {
    return kind === 'Users' ? this.users : this.groups;
  }

  private uniqueKey(kind: ResourceKind, r: Record<string, unknown>): string | null {
    const v = kind === 'Users' ? r.userName : r.displayName;
    return typeof v === 'string' ? v.trim().toLowerCase() : null;
  }

  private indexUser(u: StoredUser): void {
    this.users.set(u.id, u);
    this.inOrder.Users = null;
    if (u.key) this.userNames.set(u.key, u.id);
    if (u.externalId !== undefined) this.indexExternalId('Users', u.externalId, u.id);
  }

  private indexGroup(g: Resource): void {
    this.groups.set(g.id, g);
    this.inOrder.Groups = null;
    const k = this.uniqueKey('Groups', g);
    if (k) this.groupNames.set(k, g.id);
    if (typeof g.externalId === 'string') this.indexExternalId('Groups', g.externalId, g.id);
  }

  private indexExternalId(kind: ResourceKind, externalId: string, id: string): void {
    const byExternal = this.externalIds[kind];
    if (!byExternal) return;
    const held = byExternal.get(externalId);
    if (held === undefined || held === id) byExternal.set(externalId, id);
    else if (typeof held === 'string') byExternal.set(externalId, new Set([held, id]));
    else held.add(id);
  }

  /** Takes the resource stored under `id` out of the store and its indexes. */
  private unindex(kind: ResourceKind, id: string): void {
    const s = this.map(kind).get(id);
    if (!s) return;
    this.map(kind).delete(id);
    this.inOrder[kind] = null;
    const user = s instanceof StoredUser;
    const k = user ? s.key : this.uniqueKey(kind, s);
    const names = kind === 'Users' ? this.userNames : this.groupNames;
    if (k && names.get(k) === id) names.delete(k);
    const externalId = s.externalId;
    const byExternal = this.externalIds[kind];
    if (byExternal && typeof externalId === 'string') {
      const held = byExternal.get(externalId);
      if (held === id) byExternal.delete(externalId);
      else if (typeof held === 'object') held.delete(id);
    }
  }

  /** Stores `resource` (just made, held by nothing else) as its kind is kept, and indexes it. */
  private keep(kind: ResourceKind, resource: Resource, key: string): void {
    if (kind === 'Groups') {
      this.indexGroup(resource);
      return;
    }
    this.indexUser(
      new StoredUser(
        resource.id,
        flat(JSON.stringify(resource)),
        resource.meta.version,
        key,
        typeof resource.externalId === 'string' ? resource.externalId : undefined,
      ),
    );
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

  /** Checks a resource to store; returns its userName or displayName as the uniqueness index holds it. */
  private validate(kind: ResourceKind, r: Record<string, unknown>, selfId?: string): string {
    const field = kind === 'Users' ? 'userName' : 'displayName';
    const v = r[field];
    if (typeof v !== 'string' || v.trim() === '') {
      throw new ScimHttpError(400, `${field} is required`, 'invalidValue');
    }
    const key = v.trim().toLowerCase();
    const holder = (kind === 'Users' ? this.userNames : this.groupNames).get(key);
    if (holder && holder !== selfId)
      throw new ScimHttpError(409, `${field} "${v}" is already in use`, 'uniqueness');
    if (r.active !== undefined && typeof r.active !== 'boolean') {
      throw new ScimHttpError(400, 'active must be a boolean', 'invalidValue');
    }
    return key;
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
    const key = this.validate(kind, r);
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
    this.keep(kind, resource, key);
    this.onChange(kind, id);
    return resource;
  }

  /** The stored resource (a user as text); 404 when there is none. */
  private stored(kind: ResourceKind, id: string): Stored {
    const s = this.map(kind).get(id);
    if (!s) throw new ScimHttpError(404, `${kind === 'Users' ? 'User' : 'Group'} ${id} not found`);
    return s;
  }

  /** A resource: a user parsed from its text (a new copy each time), a group as stored. */
  get(kind: ResourceKind, id: string): Resource {
    const s = this.stored(kind, id);
    return s instanceof StoredUser ? s.resource() : s;
  }

  /** A resource's JSON text and ETag (what a GET answers): a user's as stored, not parsed and written again. */
  read(kind: ResourceKind, id: string): { text: string; version: string } {
    const s = this.stored(kind, id);
    return { text: this.textOf(s), version: versionOf(s) };
  }

  /** A stored resource's JSON text: `JSON.stringify` of the resource. */
  textOf(s: Stored): string {
    return s instanceof StoredUser ? s.text : this.toJson(s);
  }

  /** The JSON text of the resource stored under `id`, or undefined when there is none (for the change log). */
  textById(kind: ResourceKind, id: string): string | undefined {
    const s = this.map(kind).get(id);
    return s === undefined ? undefined : this.textOf(s);
  }

  /** The JSON texts of a kind's resources, in order (for a snapshot). */
  *texts(kind: ResourceKind): Generator<string> {
    for (const s of this.map(kind).values()) yield this.textOf(s);
  }

  private checkVersion(s: Stored, ifMatch: string | undefined): void {
    const version = versionOf(s);
    if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').some((v) => v.trim() === version)) {
      throw new ScimHttpError(412, `version mismatch: the resource is at ${version}`);
    }
  }

  /** Stores `next` as the new state of `old` (a copy of the stored resource, or a group as stored). */
  private commit(kind: ResourceKind, old: Resource, next: Record<string, unknown>): Resource {
    const r = this.normalise(kind, next);
    const key = this.validate(kind, r, old.id);
    const resource = withId(r, old.id, {
      ...old.meta,
      lastModified: this.timestamp(),
      version: this.nextVersion(),
    });
    this.unindex(kind, old.id);
    this.keep(kind, resource, key);
    this.onChange(kind, old.id);
    return resource;
  }

  replace(kind: ResourceKind, id: string, body: unknown, ifMatch?: string): Resource {
    const s = this.stored(kind, id);
    this.checkVersion(s, ifMatch);
    if (!isRecord(body)) throw new ScimHttpError(400, 'body must be a JSON object', 'invalidSyntax');
    return this.commit(kind, s instanceof StoredUser ? s.resource() : s, body);
  }

  patch(kind: ResourceKind, id: string, body: unknown, ifMatch?: string): Resource {
    const s = this.stored(kind, id);
    this.checkVersion(s, ifMatch);
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
    if (!(s instanceof StoredUser) && kind === 'Groups' && ops.every(isMemberAdd))
      return this.addMembers(s, ops);
    const normalisedOps = ops.map((o: unknown) =>
      isRecord(o) && typeof o.op === 'string' ? { ...o, op: o.op.toLowerCase() } : o,
    ) as ScimPatchOperation[];
    // The stored state (`old`: its id and meta are kept): a user's is a new copy of its text. scimPatch works on
    // a copy of its own (without `mutateDocument`), a group's is cloned here as before.
    const old = s instanceof StoredUser ? s.resource() : s;
    let patched: Record<string, unknown>;
    try {
      const copy = s instanceof StoredUser ? old : structuredClone(s);
      patched = scimPatch(copy as never, normalisedOps, { treatMissingAsAdd: true });
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
    this.checkVersion(this.stored(kind, id), ifMatch);
    this.unindex(kind, id);
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

  /** Resources matching a filter (all when absent), in order: users parsed from their texts (new copies). */
  query(kind: ResourceKind, filterText?: string): Resource[] {
    return this.select(kind, filterText).map((s) => (s instanceof StoredUser ? s.resource() : s));
  }

  /**
   * The stored resources matching a filter (all when absent), in order; read their texts with `textOf`. The
   * array is the store's own when there is no filter: not to be changed.
   */
  select(kind: ResourceKind, filterText?: string): readonly Stored[] {
    if (!filterText) return this.ordered(kind);
    const f = parseFilter(filterText);
    const eq = simpleEquality(f);
    const map = this.map(kind);
    if (eq?.attr === 'externalid') {
      const held = this.externalIdIndex(kind).get(eq.value);
      const ids = held === undefined ? [] : typeof held === 'string' ? [held] : held;
      return [...ids].map((id) => map.get(id)).filter((s): s is Stored => s !== undefined);
    }
    if (
      eq &&
      ((kind === 'Users' && eq.attr === 'username') || (kind === 'Groups' && eq.attr === 'displayname'))
    ) {
      const id = (kind === 'Users' ? this.userNames : this.groupNames).get(eq.value.trim().toLowerCase());
      const s = id ? map.get(id) : undefined;
      return s ? [s] : [];
    }
    if (eq?.attr === 'id') {
      const s = map.get(eq.value);
      return s ? [s] : [];
    }
    // Any other filter is matched against each resource: a user's text is parsed for it.
    const out: Stored[] = [];
    for (const s of map.values()) if (matches(f, s instanceof StoredUser ? s.resource() : s)) out.push(s);
    return out;
  }

  /** The externalId index of a kind, made now when it has not been yet. */
  private externalIdIndex(kind: ResourceKind): Map<string, string | Set<string>> {
    let byExternal = this.externalIds[kind];
    if (byExternal) return byExternal;
    byExternal = this.externalIds[kind] = new Map();
    for (const [id, s] of this.map(kind))
      if (typeof s.externalId === 'string') this.indexExternalId(kind, s.externalId, id);
    return byExternal;
  }

  /** A kind's stored resources in order, as one array kept until the next change. */
  private ordered(kind: ResourceKind): readonly Stored[] {
    if (kind === 'Users') return (this.inOrder.Users ??= [...this.users.values()]);
    return (this.inOrder.Groups ??= [...this.groups.values()]);
  }
}
