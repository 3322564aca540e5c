import { firstFreeLogin } from '../engine/login';
import { said, type CodedMessage } from '../i18n/message';
import type { MappedUser } from '../engine/types';
import type { NullPolicy, SafetyThresholds } from '../mapping/schema';
import { ENTERPRISE_USER_SCHEMA, WORK_EMAIL } from '../scim/fields';
import { getPath, readBoolean, type FlatValue, type ScimUser } from '../scim/resource';
import { compactChanges, CompactCreate, rowFields, type CreateRow } from './compact';
import {
  PLAN_ACTIONS,
  type FieldChange,
  type Plan,
  type PlanAction,
  type PlanChange,
  type PlanCounts,
  type PlanTargetGroup,
  type SafetyMessage,
  type SafetyVerdict,
  type ManualAssignment,
  type UntouchedAccount,
} from './types';

export const MANAGER_PATH = `${ENTERPRISE_USER_SCHEMA}:manager`;
/** Paths the plan handles itself rather than as plain field values. */
const RESERVED_PATHS = new Set(['active', 'externalId', 'id']);

export interface PlanMappingOptions {
  fields: Record<string, { nullPolicy?: NullPolicy }>;
  linking: { matchOn: 'email' | 'userName'; ignoreInactive: boolean };
  safety: SafetyThresholds;
}

export interface ComputePlanInput {
  users: MappedUser[];
  skipped: { row: number; key?: string; reason: string; reasonMessage?: CodedMessage }[];
  /** `issues`: the row's errors as coded messages (the issue texts Validate shows). */
  errors: { row: number; key?: string; message: string; issues?: CodedMessage[] }[];
  targetUsers: ScimUser[];
  targetGroups: PlanTargetGroup[];
  mapping: PlanMappingOptions;
  target: { url: string };
  sourceRows: number;
  previousSourceRows?: number;
  /** First sync of this customer: existing Plek accounts without externalId are linked by email/userName. */
  initialImport: boolean;
  allowMassDeactivation?: boolean;
  today: string;
  /**
   * Creates as rows of a table shared by the plan (CompactCreate), as the CLI holds a plan: made so from the
   * start, without a field object each. The plan reads and serialises the same as with plain creates.
   */
  compact?: boolean;
}

/** Emails compare case- and whitespace-insensitively (`Jan.deVries@Plek.nl ` = `jan.devries@plek.nl`). */
export function normalizeEmail(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.replace(/\s+/g, '').toLowerCase();
  return s === '' ? null : s;
}

function normalizeUserName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return s === '' ? null : s;
}

function emailsOf(u: ScimUser): string[] {
  const list = Array.isArray(u.emails) ? (u.emails as unknown[]) : [];
  const out: string[] = [];
  for (const e of list) {
    const n = normalizeEmail((e as { value?: unknown } | null)?.value);
    if (n) out.push(n);
  }
  return out;
}

function isActive(u: ScimUser): boolean {
  return u.active !== false;
}

function blank(v: FlatValue | undefined): v is null | undefined | '' {
  return v === null || v === undefined || v === '';
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function describe(u: ScimUser): string {
  return `Plek account ${u.id ?? '?'}${u.userName ? ` (${u.userName})` : ''}`;
}

/**
 * The manager of a key: its Plek id; null when it is created in this run (set once it exists); undefined when it
 * is neither in Plek nor in this run.
 */
type ManagerLookup = (key: string) => string | null | undefined;

/**
 * A user's attribute paths in the order a user's fields are listed (sorted, without the reserved paths), with each
 * path's null policy. Users whose attributes have the same keys in the same order (nearly all of one source)
 * share one list: it is made again only when the keys differ from the previous user's.
 */
class FieldPaths {
  private keys: string[] = [];
  paths: readonly string[] = [];
  policies: readonly NullPolicy[] = [];
  /**
   * The paths and policies of new accounts' rows, one pair of lists per set of paths (see `rowColumnsOf`), for the
   * attributes' current paths: an import's 92,000 rows set a handful of different sets of fields.
   */
  private rowColumns = new Map<number | string, { paths: string[]; policies: (NullPolicy | undefined)[] }>();
  /** The same lists with `userName` in its place (see `withUserName`). */
  private readonly userNamed = new WeakMap<
    readonly string[],
    { paths: string[]; policies: (NullPolicy | undefined)[]; at: number }
  >();

  constructor(private readonly mapping: PlanMappingOptions) {}

  /**
   * The lists of a row that sets these of `paths` (their places, in order), shared by every row that sets the
   * same: each row then holds only its values. Never changed: a row that needs other lists gets new ones
   * (`withUserName`, `settleManagers`).
   */
  rowColumnsOf(at: readonly number[]): { paths: string[]; policies: (NullPolicy | undefined)[] } {
    let key: number | string = at.join(',');
    if (this.paths.length <= 30) {
      key = 0;
      for (const i of at) key |= 1 << i;
    }
    let c = this.rowColumns.get(key);
    if (c === undefined) {
      c = { paths: at.map((i) => this.paths[i]!), policies: at.map((i) => this.policies[i]) };
      this.rowColumns.set(key, c);
    }
    return c;
  }

  /** A row's lists with `userName` added in path order, and where it went (shared as `rowColumnsOf`'s are). */
  withUserName(row: CreateRow): { paths: string[]; policies: (NullPolicy | undefined)[]; at: number } {
    let c = this.userNamed.get(row.paths);
    if (c === undefined) {
      let at = 0;
      while (at < row.paths.length && row.paths[at]! < 'userName') at++;
      c = {
        paths: [...row.paths.slice(0, at), 'userName', ...row.paths.slice(at)],
        policies: [...row.policies.slice(0, at), undefined, ...row.policies.slice(at)],
        at,
      };
      this.userNamed.set(row.paths, c);
    }
    return c;
  }

  of(attributes: MappedUser['attributes']): this {
    const keys = this.keys;
    let i = 0;
    let same = true;
    for (const k in attributes) {
      if (keys[i++] === k) continue;
      same = false;
      break;
    }
    if (same && i === keys.length) return this;
    this.keys = Object.keys(attributes);
    this.paths = this.keys.filter((p) => !RESERVED_PATHS.has(p)).sort();
    this.policies = this.paths.map((p) => this.mapping.fields[p]?.nullPolicy ?? 'keep');
    // Places in other paths: the rows' lists start again.
    this.rowColumns = new Map();
    return this;
  }
}

/** Why a manager reference is left as it is: its key is neither in Plek nor in this run. */
function managerUnknown(key: string): Note {
  return {
    text: `manager "${key}" is not in Plek nor in this run: left unchanged`,
    said: said('report.reason.managerUnknown', { key }),
  };
}

/** Where `eachFieldChange` puts a field change (the same values a FieldChange holds, in its key order). */
type FieldSink = (
  path: string,
  before: FlatValue,
  after: FlatValue,
  op: FieldChange['op'],
  policy: NullPolicy,
  managerKey?: string,
) => void;

/** The field-level difference for one user under each field's null policy, one change at a time (path order). */
function eachFieldChange(
  user: MappedUser,
  current: ScimUser | null,
  fieldPaths: FieldPaths,
  resolveManager: ManagerLookup,
  notes: Note[],
  sink: FieldSink,
): void {
  const { paths, policies } = fieldPaths.of(user.attributes);
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const policy = policies[i]!;
    let before = current ? getPath(current, path) : null;
    let after = user.attributes[path] ?? null;
    if (after === '') after = null;
    // A boolean profile field the target sends as "True"/"False" (Entra's style) compares as a boolean.
    if (typeof after === 'boolean' && typeof before === 'string') before = readBoolean(before) ?? before;
    let managerKey: string | undefined;
    if (path === MANAGER_PATH && typeof after === 'string') {
      const resolved = resolveManager(after);
      if (resolved) after = resolved;
      else if (resolved === null) {
        managerKey = after;
        after = null;
      } else {
        notes.push(managerUnknown(after));
        continue;
      }
    }
    if (managerKey !== undefined) {
      sink(path, before, null, blank(before) ? 'add' : 'replace', policy, managerKey);
      continue;
    }
    if (!current) {
      if (!blank(after)) sink(path, null, after, 'add', policy);
      continue;
    }
    if (blank(after)) {
      if (policy === 'overwrite' && !blank(before)) sink(path, before, null, 'remove', policy);
      continue;
    }
    if (policy === 'fillIfEmpty' && !blank(before)) continue;
    if (after !== before) sink(path, before, after, blank(before) ? 'add' : 'replace', policy);
  }
}

/** The field-level difference for one user under each field's null policy. */
function diffFields(
  user: MappedUser,
  current: ScimUser | null,
  fieldPaths: FieldPaths,
  resolveManager: ManagerLookup,
  notes: Note[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  eachFieldChange(
    user,
    current,
    fieldPaths,
    resolveManager,
    notes,
    (path, before, after, op, policy, managerKey) =>
      changes.push(
        managerKey !== undefined
          ? { path, before, after, op, policy, managerKey }
          : { path, before, after, op, policy },
      ),
  );
  return changes;
}

/** The key of a row's manager created in this run, if it has one. */
function rowManagerKey(row: CreateRow): string | undefined {
  for (const v of row.values) if (v !== null && typeof v === 'object') return v.managerKey;
  return undefined;
}

/**
 * A new account's fields as a row: what `diffFields` gives without an account (every field from empty, an add),
 * without a field object each; a row that does not fit the plan's table becomes its fields again
 * (`compactChanges`).
 */
function newAccountRow(
  user: MappedUser,
  fieldPaths: FieldPaths,
  resolveManager: ManagerLookup,
  notes: Note[],
): CreateRow {
  const values: CreateRow['values'] = [];
  /** The places in `paths` this row sets. */
  const at: number[] = [];
  const { paths } = fieldPaths.of(user.attributes);
  const attributes = user.attributes;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const value = attributes[path] ?? null;
    if (value === null || value === '') continue;
    let after: FlatValue | { managerKey: string } = value;
    if (path === MANAGER_PATH && typeof value === 'string') {
      const resolved = resolveManager(value);
      if (resolved === undefined) {
        notes.push(managerUnknown(value));
        continue;
      }
      after = resolved ?? { managerKey: value };
    }
    at.push(i);
    values.push(after);
  }
  return { ...fieldPaths.rowColumnsOf(at), values };
}

/** A reason fragment or warning: its English text (logs, `--json`) and the same as a coded message. */
interface Note {
  text: string;
  said: CodedMessage;
}

interface Pending {
  user: MappedUser;
  account: ScimUser | null;
  link: boolean;
  conflict?: Note;
}

/** The English reason (fragments joined by "; ") and the coded one, for a change. */
function reasonOf(notes: readonly Note[]): { reason: string; reasons: CodedMessage[] } {
  return { reason: notes.map((n) => n.text).join('; '), reasons: notes.map((n) => n.said) };
}

/** Warnings as a change carries them: English texts and coded messages, in the same order. */
function warningsOf(notes: readonly Note[]): { warnings?: string[]; warningMessages?: CodedMessage[] } {
  return notes.length
    ? { warnings: notes.map((n) => n.text), warningMessages: notes.map((n) => n.said) }
    : {};
}

/** Why a user is inactive in the source, as the engine said it (English and coded). */
function inactiveNote(user: MappedUser): Note {
  return {
    text: user.deactivationReason ?? 'inactive in the source',
    said: user.deactivation ?? said('report.reason.inactive'),
  };
}

/**
 * Computes the dry-run plan: what the sync would do to Plek for every source user, without writing anything.
 * Pure and deterministic (the same input gives byte-identical JSON); absence from the source never deactivates.
 */
export function computePlan(input: ComputePlanInput): Plan {
  const { mapping } = input;
  const byExternalId = new Map<string, ScimUser[]>();
  const byEmail = new Map<string, ScimUser[]>();
  const byUserName = new Map<string, ScimUser[]>();
  for (const t of input.targetUsers) {
    if (t.externalId) push(byExternalId, t.externalId, t);
    for (const e of new Set(emailsOf(t))) push(byEmail, e, t);
    const un = normalizeUserName(t.userName);
    if (un) push(byUserName, un, t);
  }

  const users = [...input.users].sort(
    (a, b) => a.row - b.row || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  // Each user's pending change, and each key's first (the one a manager reference finds); the rows of each key
  // that occurs more than once (a key on one row only makes no list).
  const pending: Pending[] = [];
  const byKey = new Map<string, Pending>();
  const keyRows = new Map<string, number[]>();
  for (const user of users) {
    const p: Pending = { user, account: null, link: false };
    pending.push(p);
    const first = byKey.get(user.key);
    if (first === undefined) {
      byKey.set(user.key, p);
      continue;
    }
    const rows = keyRows.get(user.key);
    if (rows) rows.push(user.row);
    else keyRows.set(user.key, [first.user.row, user.row]);
  }

  // Pass 1: find each user's Plek account (by externalId, or by email/userName when linking).
  const claims = new Map<string, Pending[]>();
  for (const p of pending) {
    const { user } = p;
    const rows = keyRows.get(user.key);
    if (rows) {
      p.conflict = {
        text: `mapping key "${user.key}" occurs on rows ${rows.join(', ')}`,
        said: said('report.reason.duplicateKey', { key: user.key, rows: rows.join(', ') }),
      };
      continue;
    }
    const found = byExternalId.get(user.key);
    if (found && found.length > 1) {
      const ids = found.map((f) => f.id).join(', ');
      p.conflict = {
        text: `externalId "${user.key}" matches ${found.length} Plek accounts (${ids})`,
        said: said('report.reason.externalIdAmbiguous', { key: user.key, n: found.length, ids }),
      };
      continue;
    }
    if (found?.length === 1) {
      p.account = found[0] ?? null;
      continue;
    }
    if (!input.initialImport) continue;
    const matchOn = mapping.linking.matchOn;
    // No account to link to (an empty Plek): nothing to look up.
    if ((matchOn === 'email' ? byEmail : byUserName).size === 0) continue;
    const needle =
      matchOn === 'email'
        ? normalizeEmail(user.attributes[WORK_EMAIL])
        : normalizeUserName(user.attributes.userName);
    if (!needle) continue;
    const candidates = ((matchOn === 'email' ? byEmail : byUserName).get(needle) ?? []).filter(
      (c) => !c.externalId && (!mapping.linking.ignoreInactive || isActive(c)),
    );
    if (candidates.length > 1) {
      const ids = candidates.map((c) => c.id).join(', ');
      p.conflict = {
        text: `${matchOn} ${needle} matches ${candidates.length} Plek accounts without externalId (${ids})`,
        said: said('report.reason.linkAmbiguous', { by: matchOn, value: needle, n: candidates.length, ids }),
      };
      continue;
    }
    const c = candidates[0];
    if (c?.id) {
      p.account = c;
      p.link = true;
      push(claims, c.id, p);
    }
  }
  for (const [id, list] of claims) {
    if (list.length < 2) continue;
    const rows = list.map((l) => l.user.row).join(', ');
    for (const l of list)
      l.conflict = {
        text: `source rows ${rows} all match Plek account ${id} by ${mapping.linking.matchOn}`,
        said: said('report.reason.linkClaimed', { rows, id, by: mapping.linking.matchOn }),
      };
  }

  // A manager reference: the id of the account its key will have after this run (null: created in this run),
  // found through the key's pending change (a key in conflict has none), else Plek's account with that externalId.
  const resolveManager: ManagerLookup = (key) => {
    const p = byKey.get(key);
    const usable = p !== undefined && p.conflict === undefined;
    if (usable && p.account?.id) return p.account.id;
    const existing = byExternalId.get(key);
    if (existing?.length === 1 && existing[0]?.id) return existing[0].id;
    return usable && !p.account?.id && p.user.active ? null : undefined;
  };

  // userName/email already used by some account: who holds it (an account id, or `new:<key>` for a create).
  const userNameHolder = new Map<string, string>();
  const emailHolder = new Map<string, string>();
  for (const t of input.targetUsers) {
    const un = normalizeUserName(t.userName);
    if (un && t.id && !userNameHolder.has(un)) userNameHolder.set(un, t.id);
    for (const e of emailsOf(t)) if (t.id && !emailHolder.has(e)) emailHolder.set(e, t.id);
  }
  const targetById = new Map(input.targetUsers.filter((t) => t.id).map((t) => [t.id as string, t]));
  /** Who holds a login or email already: English, and the parameters of the coded message. */
  const holderOf = (holder: string): { text: string; kind: 'new' | 'account'; holder: string } => {
    if (holder.startsWith('new:'))
      return { text: `new user "${holder.slice(4)}" in this run`, kind: 'new', holder: holder.slice(4) };
    const t = targetById.get(holder);
    return {
      text: t ? describe(t) : holder,
      kind: 'account',
      holder: t ? `${t.id ?? '?'}${t.userName ? ` (${t.userName})` : ''}` : holder,
    };
  };
  const taken = (what: 'userName' | 'email', value: string, holder: string): Note => {
    const h = holderOf(holder);
    return {
      text: `${what} ${value} is already used by ${h.text}`,
      said: said(what === 'email' ? 'report.reason.emailTaken' : 'report.reason.userNameTaken', {
        value,
        kind: h.kind,
        holder: h.holder,
      }),
    };
  };

  const logins = takenLogins(input.targetUsers, input.users);
  const fieldPaths = new FieldPaths(mapping);
  const userChanges: PlanChange[] = [];
  /** Changes whose manager is to be created in this run, with what their reasons were made of (see settleManagers). */
  const awaitingManager: AwaitingManager[] = [];
  /** Per user change that may add to groups (in the order of the changes): the groups, and the adds planned. */
  const groupWanted: {
    change: PlanChange;
    user: MappedUser;
    targetId?: string;
    groups: string[];
    adds?: PlanChange[];
    /** A compact plan's new account made as a row (see CreateRow). */
    row?: CreateRow;
  }[] = [];
  for (const p of pending) {
    const { user } = p;
    const base = baseOf(user);
    if (p.conflict) {
      userChanges.push(
        change(
          base,
          { action: 'conflict' },
          reasonOf([p.conflict]),
          p.account?.id ? { targetId: p.account.id } : undefined,
        ),
      );
      continue;
    }
    const account = p.account;
    if (!account && !user.active) {
      userChanges.push(
        change(base, {
          action: 'skipped',
          reason: `inactive in the source (${user.deactivationReason ?? 'deactivated'}) and not in Plek: not created`,
          reasons: [said('report.reason.notCreatedInactive', { why: [inactiveNote(user).said] })],
        }),
      );
      continue;
    }
    const notes: Note[] = [];
    const warnings: Note[] = [];
    const login = user.login ? assignLogin(user, account, logins, warnings) : undefined;
    if (login === null) {
      const plain = `${user.login!.local}@${user.login!.domain}`;
      userChanges.push(
        change(
          base,
          { action: 'conflict' },
          reasonOf([
            {
              text: `every variant of the login ${plain} is already taken in Plek or in this run`,
              said: said('report.reason.loginExhausted', { login: plain }),
            },
          ]),
        ),
      );
      continue;
    }
    const mappedUser = login === undefined ? user : withAttribute(user, user.login!.target, login);
    // A new account of a compact plan: its fields as a row, no field object each (see CreateRow).
    let row = input.compact && !account ? newAccountRow(mappedUser, fieldPaths, resolveManager, notes) : null;
    const fields = row ? [] : diffFields(mappedUser, account, fieldPaths, resolveManager, notes);
    const holderId = account?.id ?? `new:${user.key}`;

    // Uniqueness: a new or changed userName/email must not belong to another account.
    let conflict: Note | undefined;
    const wantUserName = normalizeUserName(
      account
        ? fields.find((f) => f.path === 'userName')?.after
        : (mappedUser.attributes.userName ?? mappedUser.attributes[WORK_EMAIL]),
    );
    if (wantUserName) {
      const h = userNameHolder.get(wantUserName);
      if (h && h !== holderId) conflict = taken('userName', wantUserName, h);
      else userNameHolder.set(wantUserName, holderId);
    }
    const wantEmail = normalizeEmail(
      account ? fields.find((f) => f.path === WORK_EMAIL)?.after : mappedUser.attributes[WORK_EMAIL],
    );
    if (!conflict && wantEmail) {
      const h = emailHolder.get(wantEmail);
      if (h && h !== holderId) conflict = taken('email', wantEmail, h);
      else emailHolder.set(wantEmail, holderId);
    }
    if (conflict) {
      userChanges.push(
        change(
          base,
          { action: 'conflict' },
          reasonOf([conflict]),
          account?.id ? { targetId: account.id } : undefined,
        ),
      );
      continue;
    }

    if (!account) {
      const byEmail = !mappedUser.attributes.userName && mappedUser.attributes[WORK_EMAIL];
      // A userName that is there and yet false (a boolean): the fields as objects, sorted as below.
      if (row && byEmail && row.paths.includes('userName')) {
        fields.push(...rowFields(row));
        row = null;
      }
      if (byEmail && row) {
        // In path order, as the sort below puts it.
        const named = fieldPaths.withUserName(row);
        row.values.splice(named.at, 0, mappedUser.attributes[WORK_EMAIL] ?? null);
        row = { paths: named.paths, policies: named.policies, values: row.values };
      } else if (byEmail) {
        fields.push({
          path: 'userName',
          before: null,
          after: mappedUser.attributes[WORK_EMAIL] ?? null,
          op: 'add',
        });
        fields.sort((a, b) => (a.path < b.path ? -1 : 1));
      }
      const userNameAt = row ? row.paths.indexOf('userName') : -1;
      if (row ? userNameAt < 0 : !fields.some((f) => f.path === 'userName')) {
        userChanges.push(
          change(base, {
            action: 'skipped',
            reason: 'no userName or work email to create the account with',
            reasons: [said('report.reason.noLogin')],
          }),
        );
        continue;
      }
      const userName = row ? row.values[userNameAt] : fields.find((f) => f.path === 'userName')?.after;
      const reasons: Note[] = [{ text: 'new in the source', said: said('report.reason.new') }];
      // The change is its base with the rest added in order (what `change(base, …)` makes, without a copy).
      base.action = 'create';
      base.userName = String(userName ?? '');
      if (notes.length) Object.assign(base, reasonOf([...reasons, ...notes]));
      else {
        base.reason = reasons[0]!.text;
        base.reasons = [reasons[0]!.said];
      }
      base.fields = fields;
      if (warnings.length) Object.assign(base, warningsOf(warnings));
      const created = base as unknown as PlanChange;
      userChanges.push(created);
      awaitManager(awaitingManager, created, row ?? fields, reasons, notes, warnings);
      groupWanted.push(
        row
          ? { change: created, user, groups: user.groups, row }
          : { change: created, user, groups: user.groups },
      );
      continue;
    }

    const wasActive = isActive(account);
    if (user.active !== wasActive)
      fields.push({ path: 'active', before: wasActive, after: user.active, op: 'replace' });
    const target = {
      targetId: account.id,
      ...(account.meta?.version ? { version: account.meta.version } : {}),
      ...(account.userName ? { userName: account.userName } : {}),
    };
    let action: PlanAction;
    const reasons: Note[] = [];
    if (p.link) {
      fields.unshift({ path: 'externalId', before: null, after: user.key, op: 'add' });
      reasons.push({
        text: `initial import: existing account matched by ${mapping.linking.matchOn}, externalId set`,
        said: said('report.reason.linked', { by: mapping.linking.matchOn }),
      });
      if (!user.active && wasActive) {
        // A leaver who still has an active account: linked and deactivated in one PATCH, counted as a
        // deactivation (the safety guard's percentage base on an initial import is the accounts linked).
        action = 'deactivate';
        reasons.push(inactiveNote(user));
      } else action = 'link';
    } else if (user.active !== wasActive) {
      action = user.active ? 'reactivate' : 'deactivate';
      reasons.push(
        user.active
          ? { text: 'active again in the source', said: said('report.reason.activeAgain') }
          : inactiveNote(user),
      );
    } else if (fields.length > 0) {
      action = 'update';
      reasons.push(changedNote(fields.length));
    } else {
      action = 'noop';
      reasons.push(changedNote(0));
    }
    if (user.leavingOn)
      reasons.push({
        text: `leaving on ${user.leavingOn}`,
        said: said('report.reason.leavingOn', { date: user.leavingOn }),
      });
    const changed = change(
      base,
      { action },
      target,
      p.link ? { linked: true } : undefined,
      reasonOf([...reasons, ...notes]),
      fields.length ? { fields } : undefined,
      warningsOf(warnings),
    );
    userChanges.push(changed);
    awaitManager(awaitingManager, changed, fields, reasons, notes, warnings);
    groupWanted.push(
      account.id
        ? { change: changed, user, targetId: account.id, groups: user.groups }
        : { change: changed, user, groups: user.groups },
    );
  }
  settleManagers(awaitingManager, userChanges);

  // Groups: add-only; a missing group is created once.
  const groupsByName = new Map<string, PlanTargetGroup>();
  for (const g of input.targetGroups) {
    const k = g.displayName.trim().toLowerCase();
    if (!groupsByName.has(k)) groupsByName.set(k, g);
  }
  const createGroups = new Map<string, string>();
  /** A Plek group's members as a set, made when first asked (a group of thousands is asked as often). */
  const memberSets = new Map<PlanTargetGroup, Set<string>>();
  const isMember = (g: PlanTargetGroup, id: string): boolean => {
    let set = memberSets.get(g);
    if (!set) memberSets.set(g, (set = new Set(g.members)));
    return set.has(id);
  };
  for (const w of groupWanted) {
    if (!w.user.active || w.groups.length === 0) continue;
    const seen = new Set<string>();
    for (const name of w.groups.length === 1 ? w.groups : [...w.groups].sort()) {
      const k = name.trim().toLowerCase();
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const g = groupsByName.get(k);
      if (g && w.targetId && isMember(g, w.targetId)) continue;
      if (!g && !createGroups.has(k)) createGroups.set(k, name.trim());
      const displayName = g?.displayName ?? createGroups.get(k) ?? name.trim();
      // Key by key in this order (what spreading the optional ones in made).
      const add: Record<string, unknown> = {
        op: `member:${displayName}:${w.user.key}`,
        action: 'groupAdd',
        row: w.user.row,
        key: w.user.key,
      };
      if (w.targetId) add.targetId = w.targetId;
      add.group = displayName;
      if (g) add.groupId = g.id;
      add.reason = g ? 'group rule matches' : 'group rule matches; group is created first';
      add.reasons = [said(g ? 'report.reason.groupRule' : 'report.reason.groupRuleNewGroup')];
      (w.adds ??= []).push(add as unknown as PlanChange);
    }
  }

  const changes: PlanChange[] = [];
  for (const name of [...createGroups.values()].sort()) {
    changes.push({
      op: `group:${name}`,
      action: 'createGroup',
      group: name,
      reason: 'group does not exist in Plek yet',
      reasons: [said('report.reason.groupMissing')],
    });
  }
  const extra: PlanChange[] = [
    ...input.skipped.map((s) => ({
      op: `row:${s.row}`,
      action: 'skipped' as const,
      row: s.row,
      ...(s.key ? { key: s.key } : {}),
      reason: s.reason,
      ...(s.reasonMessage ? { reasons: [s.reasonMessage] } : {}),
    })),
    ...input.errors.map((e) => ({
      op: `row:${e.row}`,
      action: 'skipped' as const,
      row: e.row,
      ...(e.key ? { key: e.key } : {}),
      reason: `error: ${e.message}`,
      reasons: [
        said('report.reason.error', {
          message: e.issues?.length ? e.issues : [said('report.reason.rowErrors')],
        }),
      ],
    })),
  ].sort((a, b) => a.row - b.row);
  // One list in source-row order: users (each followed by its group memberships) and skipped/error rows merged.
  /** The rows of the new accounts made as rows, by their index in `changes`. */
  const rowAt: (CreateRow | undefined)[] = [];
  let e = 0;
  let w = 0;
  for (const c of userChanges) {
    while (e < extra.length && (extra[e]?.row ?? 0) < (c.row ?? 0)) changes.push(extra[e++]!);
    // A user's group memberships follow it (`groupWanted` is in the order of the changes).
    let adds: PlanChange[] | undefined;
    if (groupWanted[w]?.change === c) {
      const wanted = groupWanted[w++]!;
      if (wanted.row) rowAt[changes.length] = wanted.row;
      adds = wanted.adds;
    }
    changes.push(c);
    if (adds && c.key) for (const add of adds) changes.push(add);
  }
  while (e < extra.length) changes.push(extra[e++]!);
  if (input.compact) compactChanges(changes, (_c, n) => rowAt[n]);

  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as PlanCounts;
  for (const c of changes) counts[c.action] += 1;

  const activeLinked = input.targetUsers.filter((t) => isActive(t) && t.externalId).length;
  const untouched = notInSource(input, pending);
  return {
    version: 1,
    ...(input.initialImport ? { manualAssignment: manualAssignment(input, pending) } : {}),
    today: input.today,
    target: { url: input.target.url },
    initialImport: input.initialImport,
    sourceRows: input.sourceRows,
    ...(input.previousSourceRows !== undefined ? { previousSourceRows: input.previousSourceRows } : {}),
    counts,
    safety: safetyVerdict(
      {
        thresholds: input.mapping.safety,
        sourceRows: input.sourceRows,
        ...(input.previousSourceRows !== undefined ? { previousSourceRows: input.previousSourceRows } : {}),
        activeLinked,
        ...(input.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
      },
      changes,
    ),
    changes,
    ...(untouched.length ? { notInSource: untouched } : {}),
  };
}

/** What the safety verdict is computed from, besides the plan's changes. */
export interface SafetyInputs {
  thresholds: SafetyThresholds;
  sourceRows: number;
  previousSourceRows?: number;
  /** Active Plek accounts with an externalId when the plan was made. */
  activeLinked: number;
  allowMassDeactivation?: boolean;
}

/**
 * The mass-deactivation and truncated-source guards; `allowMassDeactivation` lifts only the first. The
 * percentage base is the active linked accounts plus the active accounts this plan links (on an initial import
 * nothing is linked yet, so the accounts about to be linked are the base); the count threshold always applies.
 */
export function safetyVerdict(input: SafetyInputs, changes: readonly PlanChange[]): SafetyVerdict {
  const safety = input.thresholds;
  const reasons: string[] = [];
  const messages: SafetyMessage[] = [];
  let deactivations = 0;
  let linking = 0;
  for (const c of changes) {
    // A compact create's fields are all from empty (no `before`): it deactivates nothing, and links only when it
    // says so and sets no `active` (read without making its fields).
    if (c instanceof CompactCreate) {
      const linked = (c as PlanChange).linked;
      let active = false;
      if (linked) c.eachPath((path) => (active ||= path === 'active'));
      if (linked && !active) linking++;
      continue;
    }
    const active = c.fields?.find((f) => f.path === 'active');
    if (active && active.before === true && active.after === false) deactivations++;
    if (c.linked && (!active || active.before === true)) linking++;
  }
  if (input.sourceRows === 0) {
    reasons.push(
      'the source holds no rows: an empty export or directory result is an error, not a wave of leavers',
    );
    messages.push({ id: 'plan.safety.empty', values: {} });
  }
  if (input.previousSourceRows !== undefined && input.previousSourceRows > 0) {
    const min = (input.previousSourceRows * safety.minSourceRowsPercent) / 100;
    if (input.sourceRows < min) {
      reasons.push(
        `the source holds ${input.sourceRows} rows, fewer than ${safety.minSourceRowsPercent}% of the previous run's ${input.previousSourceRows}: is the export truncated?`,
      );
      messages.push({
        id: 'plan.safety.truncated',
        values: {
          rows: input.sourceRows,
          percent: safety.minSourceRowsPercent,
          previous: input.previousSourceRows,
        },
      });
    }
  }
  const baseCount = input.activeLinked + linking;
  if (!input.allowMassDeactivation && deactivations > 0) {
    if (deactivations > safety.maxDeactivateCount) {
      reasons.push(
        `${deactivations} deactivations exceed the limit of ${safety.maxDeactivateCount} (allow with --allow-mass-deactivation)`,
      );
      messages.push({
        id: 'plan.safety.count',
        values: { count: deactivations, limit: safety.maxDeactivateCount },
      });
    }
    const pct = baseCount > 0 ? (deactivations / baseCount) * 100 : 100;
    if (pct > safety.maxDeactivatePercent) {
      const of =
        linking > 0
          ? `${baseCount} active Plek accounts linked or being linked`
          : `${baseCount} active linked Plek accounts`;
      reasons.push(
        `${deactivations} deactivations are ${Math.round(pct * 10) / 10}% of ${of}, above the limit of ${safety.maxDeactivatePercent}% (allow with --allow-mass-deactivation)`,
      );
      messages.push({
        id: 'plan.safety.percent',
        values: {
          count: deactivations,
          percent: Math.round(pct * 10) / 10,
          base: baseCount,
          linking: linking > 0 ? 1 : 0,
          limit: safety.maxDeactivatePercent,
        },
      });
    }
  }
  return {
    ok: reasons.length === 0,
    reasons,
    ...(messages.length > 0 ? { messages } : {}),
    activeLinked: input.activeLinked,
    ...(linking ? { linking } : {}),
    deactivations,
    thresholds: {
      maxDeactivateCount: safety.maxDeactivateCount,
      maxDeactivatePercent: safety.maxDeactivatePercent,
      minSourceRowsPercent: safety.minSourceRowsPercent,
    },
    ...(input.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
  };
}

/**
 * The verdict for a plan read from a file, recomputed from its changes: `apply` never trusts `safety.ok` as
 * written. Thresholds and the override come from the caller (the mapping and the command line); only when the
 * caller has none are the inputs the plan recorded used.
 */
export function recomputeSafety(
  plan: Plan,
  override: { thresholds?: SafetyThresholds; allowMassDeactivation?: boolean } = {},
): SafetyVerdict {
  const thresholds = override.thresholds ??
    plan.safety.thresholds ?? { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 };
  const allow = override.thresholds
    ? (override.allowMassDeactivation ?? false)
    : (override.allowMassDeactivation ?? plan.safety.allowMassDeactivation ?? false);
  return safetyVerdict(
    {
      thresholds,
      sourceRows: plan.sourceRows,
      ...(plan.previousSourceRows !== undefined ? { previousSourceRows: plan.previousSourceRows } : {}),
      activeLinked: Number.isInteger(plan.safety.activeLinked) ? Math.max(0, plan.safety.activeLinked) : 0,
      ...(allow ? { allowMassDeactivation: true } : {}),
    },
    plan.changes,
  );
}

/** Lower-case logins Plek holds, per login target field (only the fields a login schema fills). */
function takenLogins(
  targetUsers: readonly ScimUser[],
  users: readonly MappedUser[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const u of users) {
    const target = u.login?.target;
    if (!target || out.has(target)) continue;
    const set = new Set<string>();
    for (const t of targetUsers) {
      const v = getPath(t, target);
      if (typeof v === 'string' && v.trim()) set.add(v.trim().toLowerCase());
    }
    out.set(target, set);
  }
  return out;
}

/**
 * A login, once an account has it in Plek, is that account's for good: an existing (or linked) account keeps
 * its own; a new account gets the first variant that neither Plek nor an earlier row of this run holds.
 * Returns the login to write, or null when every variant is taken.
 */
function assignLogin(
  user: MappedUser,
  account: ScimUser | null,
  logins: Map<string, Set<string>>,
  warnings: Note[],
): string | null {
  const login = user.login!;
  const taken = logins.get(login.target) ?? new Set<string>();
  const current = account ? getPath(account, login.target) : null;
  if (typeof current === 'string' && current.trim() !== '') return current;
  const given = firstFreeLogin(login, (l) => taken.has(l));
  if (given === null) return null;
  taken.add(given);
  const plain = `${login.local}@${login.domain.toLowerCase()}`;
  if (given !== plain)
    warnings.push({
      text: `login ${plain} is already taken, so this account gets ${given}`,
      said: said('report.warning.loginTaken', { plain, given }),
    });
  return given;
}

/**
 * A change put together from its parts, property by property in their order (what `{ ...base, action, ...reasons }`
 * gives). Made by spreading, every change got a hidden class of its own in V8: 100,000 creates held some 30 MB of
 * maps and descriptor arrays for the whole life of the plan, and spreading took the slow path.
 */
/** Why an account is updated or left alone: how many of its fields change ("up to date" for none). */
function changedNote(n: number): Note {
  return n === 0
    ? { text: 'up to date', said: said('report.reason.upToDate') }
    : { text: `${n} field${n === 1 ? '' : 's'} changed`, said: said('report.reason.fieldsChanged', { n }) };
}

/** A change that sets a manager to be created in this run, and the notes its reason and warnings were made of. */
interface AwaitingManager {
  change: PlanChange;
  managerKey: string;
  /** Its fields, or a compact plan's new account as its row (see CreateRow). */
  fields: FieldChange[] | CreateRow;
  reasons: Note[];
  notes: Note[];
  warnings: Note[];
}

function awaitManager(
  awaiting: AwaitingManager[],
  c: PlanChange,
  fields: FieldChange[] | CreateRow,
  reasons: Note[],
  notes: Note[],
  warnings: Note[],
): void {
  const managerKey = Array.isArray(fields)
    ? fields.find((f) => f.managerKey !== undefined)?.managerKey
    : rowManagerKey(fields);
  if (managerKey !== undefined) awaiting.push({ change: c, managerKey, fields, reasons, notes, warnings });
}

/**
 * A manager counted on to be created in this run can turn out not to be, further down the same plan: its login or
 * e-mail address is taken (a conflict), or it has no login. Its dependents then leave their manager as it is, with
 * one warning each naming the manager's row and why — as `apply` does for a create that fails — so that the plan
 * says what will happen, and tomorrow's plan, which finds the same conflict, does not offer the same change again.
 * An update left with no field becomes "no change".
 */
function settleManagers(awaiting: readonly AwaitingManager[], userChanges: readonly PlanChange[]): void {
  if (awaiting.length === 0) return;
  // A manager awaited is a key counted on to be created: it has one change, a create unless it turned out not
  // to be; only those that are not are looked up.
  const notCreated = new Map<string, PlanChange>();
  for (const c of userChanges) if (c.key !== undefined && c.action !== 'create') notCreated.set(c.key, c);
  for (const a of awaiting) {
    const manager = notCreated.get(a.managerKey);
    if (!manager) continue;
    const c = a.change;
    let fields: FieldChange[] | CreateRow;
    if (Array.isArray(a.fields)) {
      fields = a.fields.filter((f) => f.managerKey === undefined);
      if (fields.length) c.fields = fields;
      else delete c.fields;
    } else {
      // A new account's row, changed in place (its `fields` stand empty until the plan's table is made): new lists,
      // since its paths and policies are shared with other rows (FieldPaths.rowColumnsOf).
      fields = a.fields;
      const keep = fields.values.map((v) => v === null || typeof v !== 'object');
      fields.paths = fields.paths.filter((_, i) => keep[i]);
      fields.values = fields.values.filter((_, i) => keep[i]);
      fields.policies = fields.policies.filter((_, i) => keep[i]);
      if (fields.paths.length === 0) delete c.fields;
    }
    const reasons = [...a.reasons];
    if (c.action === 'update') {
      const n = Array.isArray(fields) ? fields.length : fields.paths.length;
      reasons[0] = changedNote(n);
      if (n === 0) c.action = 'noop';
    }
    const warning: Note = {
      text: `manager not set because row ${manager.row ?? '?'} (${a.managerKey}) is not created in this run: ${manager.reason}`,
      said: said('report.warning.managerNotPlanned', {
        row: manager.row ?? 0,
        key: a.managerKey,
        why: manager.reasons ?? [],
      }),
    };
    Object.assign(c, reasonOf([...reasons, ...a.notes]), warningsOf([...a.warnings, warning]));
  }
}

function change(...parts: (object | undefined)[]): PlanChange {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (!part) continue;
    const from = part as Record<string, unknown>;
    for (const k of Object.keys(from)) out[k] = from[k];
  }
  return out as unknown as PlanChange;
}

function withAttribute(user: MappedUser, path: string, value: string): MappedUser {
  return { ...user, attributes: { ...user.attributes, [path]: value } };
}

/**
 * What every change of a user starts with: op, row and key, and the person as the report shows them (given +
 * middle + family name, and the work email), when known: the key alone means nothing to HR.
 */
function baseOf(user: MappedUser): Record<string, unknown> {
  const base: Record<string, unknown> = { op: `user:${user.key}`, row: user.row, key: user.key };
  const a = user.attributes;
  const name = withName(
    withName(withName('', a['name.givenName']), a['name.middleName']),
    a['name.familyName'],
  );
  if (name) base.name = name;
  const email = a[WORK_EMAIL];
  if (typeof email === 'string' && email) base.email = email;
  return base;
}

/** A name with one more part, when that part is a text that is not blank. */
function withName(name: string, part: FlatValue | undefined): string {
  if (typeof part !== 'string' || part.trim() === '') return name;
  return name ? `${name} ${part}` : part;
}

/** Plek accounts that no source row refers to (by externalId or by a link in this plan): left alone. */
function notInSource(input: ComputePlanInput, pending: readonly Pending[]): UntouchedAccount[] {
  if (input.targetUsers.length === 0) return [];
  const keys = new Set<string>();
  for (const u of input.users) keys.add(u.key);
  for (const s of input.skipped) if (s.key) keys.add(s.key);
  for (const e of input.errors) if (e.key) keys.add(e.key);
  const touched = new Set<string>();
  for (const p of pending) if (p.account?.id) touched.add(p.account.id);
  const out: UntouchedAccount[] = [];
  for (const t of input.targetUsers) {
    if (!t.id || touched.has(t.id)) continue;
    if (typeof t.externalId === 'string' && keys.has(t.externalId)) continue;
    out.push({
      id: t.id,
      userName: typeof t.userName === 'string' ? t.userName : null,
      email: emailsOf(t)[0] ?? null,
      externalId: typeof t.externalId === 'string' && t.externalId ? t.externalId : null,
      active: isActive(t),
    });
  }
  return out.sort((a, b) => (a.userName ?? '').localeCompare(b.userName ?? '') || a.id.localeCompare(b.id));
}

/**
 * Initial import: Plek accounts no source user could be linked to. A consultant assigns them by hand (set the
 * externalId to the person's mapping key) or leaves them alone; the sync never touches an unlinked account.
 */
function manualAssignment(input: ComputePlanInput, pending: readonly Pending[]): ManualAssignment[] {
  if (input.targetUsers.length === 0) return [];
  const linked = new Set(
    pending.filter((p) => p.link && !p.conflict && p.account?.id).map((p) => p.account!.id),
  );
  const out: ManualAssignment[] = [];
  for (const t of input.targetUsers) {
    if (!t.id || t.externalId || linked.has(t.id)) continue;
    const email = emailsOf(t)[0] ?? null;
    const inactive = !isActive(t);
    out.push({
      id: t.id,
      userName: typeof t.userName === 'string' ? t.userName : null,
      email,
      ...(inactive && input.mapping.linking.ignoreInactive
        ? {
            reason: 'inactive Plek account: never linked automatically',
            reasons: [said('report.reason.inactiveNeverLinked')],
          }
        : {
            reason: `no source user has this ${input.mapping.linking.matchOn}`,
            reasons: [said('report.reason.noSourceUser', { by: input.mapping.linking.matchOn })],
          }),
    });
  }
  return out.sort((a, b) => (a.userName ?? '').localeCompare(b.userName ?? '') || a.id.localeCompare(b.id));
}
