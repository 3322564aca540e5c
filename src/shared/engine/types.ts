import type { CodedMessage } from '../i18n/message';
import type { Issue } from '../issues';
import type { FlatUser } from '../scim/resource';

/** Where a mapped value came from, for the per-user trace shown in the preview and by `plek-sync map --trace`. */
export interface TraceEntry {
  /** The rule that produced the value: `fields["name.familyName"]`, `loginSchema`, `deactivation.endDate`… */
  rule: string;
  expression?: string;
  /** Source attributes the expression read, with the values it saw. */
  inputs: Record<string, string | string[] | null>;
  value: string | boolean | null;
}

/** A source row turned into a Plek user. */
export interface MappedUser {
  row: number;
  /** The mapping key's value: becomes the SCIM `externalId`. */
  key: string;
  /** Target path → value; `null` means "the source had no value" (the field's null policy decides what happens). */
  attributes: FlatUser;
  active: boolean;
  /** ISO date (yyyy-MM-dd) of the last working day when it lies after `today`. */
  leavingOn?: string;
  /** Why the user is inactive: `endDate 2026-01-31 is before today` or `inactiveWhen`. */
  deactivationReason?: string;
  /** `deactivationReason` as a coded message, for the plan's reason in the reader's language. */
  deactivation?: CodedMessage;
  /**
   * Set when a login schema generates the login: the field it fills and what the login is made of. The plan
   * keeps an existing account's login and gives a new account the first variant Plek does not hold yet.
   */
  login?: { target: string; local: string; suffix: string; domain: string };
  /** Plek groups the rules add this user to (add-only). */
  groups: string[];
  trace: Record<string, TraceEntry>;
}

export type RowOutcome =
  | { status: 'mapped'; row: number; user: MappedUser }
  | {
      status: 'skipped';
      row: number;
      key?: string;
      reason: string;
      /** `reason` as a coded message. */
      reasonMessage?: CodedMessage;
      /** A joiner not created yet: the start date (yyyy-MM-dd). */
      startsOn?: string;
    }
  | { status: 'error'; row: number; key?: string; issues: Issue[] };

export interface MappingRunSummary {
  rows: number;
  users: {
    active: number;
    deactivate: number;
    leavingLater: number;
    /** Joiners whose start date lies ahead: counted in `skipped` too. */
    startingLater: number;
    skipped: number;
    error: number;
  };
}

/** The previous export or last sync state, for key stability and the truncated-source guard. */
export interface PreviousState {
  rows: number;
  users: {
    key: string;
    email?: string | null;
    givenName?: string | null;
    familyName?: string | null;
    birthDate?: string | null;
  }[];
}
