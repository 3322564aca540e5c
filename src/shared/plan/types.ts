import type { CodedMessage } from '../i18n/message';
import type { NullPolicy } from '../mapping/schema';
import type { FlatValue } from '../scim/resource';

/** What the sync does for one user or group. A user has one user-level action plus zero or more `groupAdd`s. */
export type PlanAction =
  | 'create'
  | 'update'
  | 'deactivate'
  | 'reactivate'
  | 'link'
  | 'groupAdd'
  | 'createGroup'
  | 'noop'
  | 'conflict'
  | 'skipped';

export const PLAN_ACTIONS: readonly PlanAction[] = [
  'create',
  'update',
  'deactivate',
  'reactivate',
  'link',
  'groupAdd',
  'createGroup',
  'noop',
  'conflict',
  'skipped',
];

/** One attribute's planned change, `before` as Plek holds it and `after` as the source wants it. */
export interface FieldChange {
  path: string;
  before: FlatValue;
  after: FlatValue;
  /** SCIM PATCH op: `add` fills an empty value, `replace` changes it, `remove` clears it (nullPolicy overwrite). */
  op: 'add' | 'replace' | 'remove';
  /** The field's null policy: apply re-checks `fillIfEmpty` against Plek's value at write time. */
  policy?: NullPolicy;
  /** For the manager reference: the manager's mapping key, resolved to a Plek id (at apply time when created in this run). */
  managerKey?: string;
}

export interface PlanChange {
  /** Stable operation id (`user:<key>`, `group:<name>`, `member:<name>:<key>`): the journal's unit of work. */
  op: string;
  action: PlanAction;
  /** Source row (spreadsheet row or directory entry index). */
  row?: number;
  /** Mapping key = SCIM externalId. */
  key?: string;
  /** Plek resource id of the account (absent for a create). */
  targetId?: string;
  /** `meta.version` of the account when the plan was made (sent as If-Match when the target supports ETags). */
  version?: string;
  userName?: string;
  /** The person as the report shows them (given + family name) and their work email, when known. */
  name?: string;
  email?: string;
  /**
   * Initial import: the account was matched by email/userName and gets its externalId in this change. A leaver
   * matched this way is a `deactivate` with `linked: true` (link + deactivate in one PATCH).
   */
  linked?: boolean;
  /** In English, for logs and `--json`; `reasons` says the same as data, fragment by fragment. */
  reason: string;
  /** The reason as coded messages (catalogue code + parameters), worded per language by screens and reports. */
  reasons?: CodedMessage[];
  /** Non-blocking remarks (a manager reference left out, a login that had to be suffixed…), in English. */
  warnings?: string[];
  /** `warnings` as coded messages, in the same order. */
  warningMessages?: CodedMessage[];
  /** create: every value to write; update/link/(de|re)activate: only what changes. */
  fields?: FieldChange[];
  /** groupAdd / createGroup: the Plek group's display name (and id when it exists already). */
  group?: string;
  groupId?: string;
}

/** Why the safety guard blocks a plan, as data: a catalogue id (`plan.safety.*`) and its values. */
export interface SafetyMessage {
  id: 'plan.safety.empty' | 'plan.safety.truncated' | 'plan.safety.count' | 'plan.safety.percent';
  values: Record<string, number>;
}

export interface SafetyVerdict {
  ok: boolean;
  /** In English, for logs, the CLI and the JSON report; `messages` says the same as data, in the same order. */
  reasons: string[];
  messages?: SafetyMessage[];
  /** Active Plek accounts that carry an externalId (linked to a source) when the plan was made. */
  activeLinked: number;
  /** Active accounts this plan links (initial import): with `activeLinked` the base of the percentage. */
  linking?: number;
  deactivations: number;
  /** The inputs the verdict was computed with; `apply` recomputes it with the mapping's thresholds instead. */
  thresholds?: { maxDeactivateCount: number; maxDeactivatePercent: number; minSourceRowsPercent: number };
  allowMassDeactivation?: boolean;
}

export type PlanCounts = Record<PlanAction, number>;

/**
 * The dry-run result: JSON-serialisable, deterministic (no clock: the same inputs give byte-identical JSON),
 * never holds a secret.
 */
export interface Plan {
  version: 1;
  today: string;
  /**
   * `warnings`: what the client could not learn or had to change about the target (a failing
   * /ServiceProviderConfig that turns ETags and /Bulk off, a recovered paging fault…), shown with the plan.
   */
  target: { url: string; warnings?: string[]; warningMessages?: CodedMessage[] };
  initialImport: boolean;
  sourceRows: number;
  previousSourceRows?: number;
  counts: PlanCounts;
  safety: SafetyVerdict;
  changes: PlanChange[];
  /** Initial import only: Plek accounts without externalId that no source user matched — for manual assignment. */
  manualAssignment?: ManualAssignment[];
  /** Plek accounts no source row refers to: left alone (absence never deactivates); the report lists them. */
  notInSource?: UntouchedAccount[];
}

export interface UntouchedAccount {
  id: string;
  userName: string | null;
  email: string | null;
  externalId: string | null;
  active: boolean;
}

export interface ManualAssignment {
  /** Plek account id. */
  id: string;
  userName: string | null;
  email: string | null;
  reason: string;
  reasons?: CodedMessage[];
}

export interface PlanTargetGroup {
  id: string;
  displayName: string;
  /** Member ids. */
  members: string[];
}
