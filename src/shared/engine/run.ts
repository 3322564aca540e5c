import type { Value } from '../expression';
import { EvaluationError, type EvalDetail, type EvalEnv } from '../expression/runtime';
import { EvalFailed, isBlank, isPlainDate, valueToText } from '../expression';
import { dayNumber, fromDayNumber, parseAuto } from '../expression/date';
import { rowLabel, type Issue, type IssueCode, type Severity } from '../issues';
import { said, type CodedMessage } from '../i18n/message';
import { WORK_EMAIL } from '../scim/fields';
import { asciiLabel, MAX_LABEL_OCTETS } from '../text/punycode';
import type { FlatUser, FlatValue } from '../scim/resource';
import { recordValue } from '../source/record-value';
import type { SourceRecord, SourceValue } from '../source/types';
import { normalizeMatch, REQUIRED_FOR_CREATE, type CompiledField, type CompiledMapping } from './compile';
import { collisionSuffix, firstFreeLogin, loginLocalPart, type LoginParts } from './login';
import { detach } from './detach';
import { FirstSeenKeys, FirstSeenTexts, RepeatedTexts, RESERVE_SLACK } from './first-seen';
import { rowEvaluator } from './memo';
import type { MappedUser, MappingRunSummary, PreviousState, RowOutcome, TraceEntry } from './types';
import {
  EARLY_ERROR,
  EARLY_SKIPPED,
  FailureReader,
  INDEXED,
  IS_ACTIVE,
  ISSUE_FIELD_FAILED,
  ISSUE_OBJECT,
  LEAVING,
  SPAN_EMAIL,
  SPAN_KEY,
  SPAN_LOGIN,
  SPAN_NAME_BIRTH,
  SPAN_SUFFIX,
  SPANS,
  type RowVerdicts,
  type VerdictWriter,
} from './verdicts';

export interface RunOptions {
  /** yyyy-MM-dd; the engine never reads the clock. */
  today: string;
  previous?: PreviousState;
  /** Columns the source really has: a mapping that reads another column is reported once, not per row. */
  headers?: readonly string[];
  /** Record per-field traces (preview, `--trace`); off for bulk runs to save memory. */
  trace?: boolean | ((key: string) => boolean);
  /**
   * Receives every issue instead of the run holding them (validate on a million rows): a row's issues as soon as
   * the row is pushed — in row order, file-level issues of the source first — and at `finish()` the issues that
   * need the whole file (duplicates, key changes, login collisions, unknown columns), in row order. `finish()`
   * then returns no issues.
   */
  onIssue?: (issue: Issue) => void;
  /**
   * The caller keeps no mapped users (validate): group memberships, which only the users carry and which never
   * raise an issue, are not worked out; nor are the fields that can never fail and that no check reads (a title,
   * a department table, a display name: their attributes stay null in the outcome). Outcomes are then only good
   * for their status, issues, key, and the identity fields (names, email).
   */
  statusOnly?: boolean;
  /**
   * Keep every row's login and what it is made of, for `finalizeOutcome` (default). Off when no outcome is
   * finalised (validate): only the logins that the login-collision issues name are kept, which spares a million
   * entries on a million rows.
   */
  keepLogins?: boolean;
  /**
   * Finish every row the general way, which decides every issue, instead of finishing a row with no issue but
   * failed fields and "leaves later" the plain way: the same outcomes and issues, only slower. For tests that hold
   * the two against each other.
   */
  generalRowsOnly?: boolean;
  /**
   * Run only the row-local stage (in the thread that reads the rows): `push` writes each row's verdict (its
   * status, issues and what the cross-row checks file it under) to `writer` instead of filing it, for the run that
   * holds the cross-row checks to file with `pushVerdicts`. `identity`: that run has a previous state, so each
   * row's name and birth date are wanted for the key-change check.
   */
  rowStage?: { writer: VerdictWriter; identity: boolean };
}

/** The most rows `expectRows` makes room for ahead: a wrong estimate must not cost much memory. */
const MAX_EXPECTED_ROWS = 4_000_000;

/** A row's status after its own checks; the cross-row checks in `finish()` may still block it. */
const ACTIVE = 0;
const DEACTIVATE = 1;
const STARTING = 2;
const ERROR = 3;
/** The summary counter of each status but STARTING (a joiner not created yet counts as skipped). */
const COUNTER = ['active', 'deactivate', 'skipped', 'error'] as const;

/**
 * What the run keeps of every row that passed the key and scope checks, as columns: row number, status, "leaves
 * later" and the key in typed arrays (a key that is no whole number as its place in a list of those keys). A million
 * rows cost some 14 bytes each plus the keys that are text; whatever the cross-row checks need beyond that is kept
 * in tables keyed by the value (key, email, login) that point to the first row, and in lists for the values seen
 * more than once.
 */
class RowColumns {
  length = 0;
  rows = new Int32Array(1024);
  status = new Uint8Array(1024);
  leaving = new Uint8Array(1024);
  /** A whole-number key as itself, another key as −1 − its place in `texts`. */
  private keyColumn = new Int32Array(1024);
  private readonly texts: string[] = [];
  /** How many rows have each status, and how many active ones leave later: the summary without a pass over all. */
  readonly statusCounts = new Float64Array(COUNTER.length);
  leavingActive = 0;
  /** Every row added has a higher row number than the one before (so `find` may search by halves). */
  ascending = true;

  /** Makes room for `n` rows at once. */
  reserve(n: number): void {
    if (n > this.rows.length) this.resize(n);
  }

  private resize(size: number): void {
    const rows = new Int32Array(size);
    rows.set(this.rows.subarray(0, this.length));
    this.rows = rows;
    const statusCol = new Uint8Array(size);
    statusCol.set(this.status.subarray(0, this.length));
    this.status = statusCol;
    const leavingCol = new Uint8Array(size);
    leavingCol.set(this.leaving.subarray(0, this.length));
    this.leaving = leavingCol;
    const keyCol = new Int32Array(size);
    keyCol.set(this.keyColumn.subarray(0, this.length));
    this.keyColumn = keyCol;
  }

  /** `key`: as `keyId` gives it (a number is a whole number 0 … 999,999,999). */
  add(row: number, key: KeyId, status: number, leaving: boolean): number {
    if (this.length === this.rows.length) this.resize(this.length * 2);
    const i = this.length++;
    if (i > 0 && row <= this.rows[i - 1]!) this.ascending = false;
    this.rows[i] = row;
    this.status[i] = status;
    this.leaving[i] = leaving ? 1 : 0;
    this.statusCounts[status]!++;
    if (leaving && status === ACTIVE) this.leavingActive++;
    this.keyColumn[i] = typeof key === 'number' ? key : -this.texts.push(key);
    return i;
  }

  /** The place of the row numbered `row` (only when `ascending`), or −1. */
  find(row: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.rows[mid]!;
      if (at === row) return mid;
      if (at < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The key of row `i` as it was added. */
  key(i: number): KeyId {
    const k = this.keyColumn[i]!;
    return k >= 0 ? k : this.texts[-k - 1]!;
  }
}

/** Adds `i` to the list of a value seen before (`first` is where it was first seen). */
function addDuplicate<K>(dups: Map<K, number[]>, value: K, first: number, i: number): void {
  const list = dups.get(value);
  if (list) list.push(i);
  else dups.set(value, [first, i]);
}

/** A mapping key as the run files it: a plain whole number (most personnel numbers) as a number, else the text. */
type KeyId = string | number;
/** The id a key is looked up by: a number needs no string of its own in the maps that hold a million keys. */
function keyId(key: string): KeyId {
  // "0" or 1–9 digits without a leading zero (what /^(?:0|[1-9]\d{0,8})$/ matches) is that number, read in the
  // loop that tests it: Number(key) would first hash the text (V8 looks for a cached array index in the hash), a
  // cost per row since every row's key is a new string.
  const n = key.length;
  if (n === 0 || n > 9) return key;
  const first = key.charCodeAt(0) - 0x30;
  if (first === 0) return n === 1 ? 0 : key;
  if (first < 1 || first > 9) return key;
  let value = first;
  for (let i = 1; i < n; i++) {
    const digit = key.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return key;
    value = value * 10 + digit;
  }
  return value;
}

/** A row with a key that was not in the previous state: a candidate for `key-changed`. */
interface NewKeyRow {
  i: number;
  email: string | null;
  nameBirth: string | null;
}

export interface RunFinish {
  /** Cross-row issues (duplicate keys and emails, key changes, login collisions, unknown columns). */
  issues: Issue[];
  /** Rows the cross-row checks block (their users are not synced). */
  blockedRows: Map<number, Issue[]>;
  /** Final login per row, when a login schema is set (against this batch only: the plan re-checks against Plek). */
  logins: Map<number, string>;
  /** What each row's login is made of, so the plan can give a new account the first login Plek does not hold. */
  loginParts: Map<number, LoginParts>;
  summary: MappingRunSummary;
}

export interface MappingRun {
  /**
   * Maps one record. The outcome is provisional until `finish()` has run the cross-row checks. (With `rowStage`,
   * the row is written down for another run to file instead; its outcome is made but not filed.)
   */
  push(record: SourceRecord): RowOutcome;
  /**
   * Maps and files one record as `push` does, without making its outcome: for a caller that keeps nothing of a
   * row (validate without --write-state), which spares the objects of a mapped user on every row.
   */
  take(record: SourceRecord): void;
  /**
   * Files rows whose row-local stage ran elsewhere (`rowStage`), rows `from` to `to` (exclusive) of the block: the
   * same summary, issues and cross-row checks as pushing their records. Their outcomes are not made.
   */
  pushVerdicts(block: RowVerdicts, from: number, to: number): void;
  /**
   * Says about how many rows will come (an estimate, from the share of the file read), so that the tables of the
   * cross-row checks are made that size at once instead of doubling on the way. Changes nothing else.
   */
  expectRows(rows: number): void;
  /** Records a source-level issue (short row, encoding…) so it counts in the summary. */
  pushSourceIssue(issue: Issue): void;
  finish(): RunFinish;
}

export interface MappingResult {
  outcomes: RowOutcome[];
  issues: Issue[];
  summary: MappingRunSummary;
}

const EMAIL_LOCAL = /^[^\s@"(),:;<>[\\\]]+$/u;
/** A domain label: letters and digits of any script (internationalised or punycode), inner hyphens. */
const EMAIL_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?$/u;
/** A top-level domain: two or more letters, or a punycode label. */
const EMAIL_TLD = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]*[a-z0-9])$/iu;
/** Invisible and control characters (zero-width space/joiners, word joiner, BOM, soft hyphen, ...) and odd spaces. */
const EMAIL_INVISIBLE = /[\p{C}\p{Z}]/u;

/**
 * A plain ASCII address: dot-separated atoms, ASCII labels of 1–63 characters with inner hyphens, a top-level domain
 * of letters. Every address it accepts passes the full check below (except a domain over 253 characters). No `i`
 * flag: with `u` it would fold "ſ" and the Kelvin sign into ASCII letters.
 */
const PLAIN_EMAIL =
  /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?\.)+[A-Za-z]{2,63}$/u;

/** PLAIN_EMAIL in lower case only (`\w` without A–Z): an address it accepts is its own lower case. */
const PLAIN_LOWER_EMAIL =
  /^[a-z\d_!#$%&'*+/=?^`{|}~-]+(?:\.[a-z\d_!#$%&'*+/=?^`{|}~-]+)*@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}$/u;
/** What the plain way found of a row's email (indexRow). */
const NOT_PLAIN = 0;
const PLAIN = 1;
const PLAIN_LOWER = 2;

/**
 * Pragmatic email syntax check: one @, no spaces or invisible characters, no consecutive or edge dots in the local
 * part, and a dotted domain whose labels (internationalised or punycode) are 1–63 octets, 253 in all, counted in
 * the domain's ASCII form (an internationalised label counts as its `xn--` punycode).
 */
export function isValidEmail(email: string): boolean {
  // Nearly every address is plain ASCII; one pattern that accepts only what the full check accepts decides those.
  if (PLAIN_EMAIL.test(email)) return email.length - email.lastIndexOf('@') - 1 <= 253;
  if (EMAIL_INVISIBLE.test(email)) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!EMAIL_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return false;
  // Characters never outnumber the octets of the ASCII form: a domain this long is too long in any form.
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL.test(l))) return false;
  // DNS limits count octets of the ASCII (punycode) form: bücher.de is xn--bcher-kva.de.
  const ascii = labels.map(asciiLabel);
  if (ascii.join('.').length > 253 || ascii.some((l) => l.length > MAX_LABEL_OCTETS)) return false;
  return EMAIL_TLD.test(labels[labels.length - 1]!);
}

function issue(code: IssueCode, severity: Severity, message: string, extra: Partial<Issue> = {}): Issue {
  return { code, severity, message, ...extra };
}

function firstText(value: SourceValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  const s = Array.isArray(value) ? (value[0] ?? '') : value;
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * Starts a mapping run: push every record, then finish. Pure and deterministic: the same records, mapping and
 * `today` give the same outcomes. Every record ends up mapped, skipped with a reason, or in error.
 */
export function createMappingRun(compiled: CompiledMapping, options: RunOptions): MappingRun {
  const { today } = options;
  // Joiners whose start date lies after this day are not created yet.
  const createUntil = addDaysIso(today, compiled.daysAhead ?? 0);
  const index = new RowColumns();
  // Issues of single rows, in the order they come (row order), unless a sink takes them.
  const held: Issue[] = [];
  const emit = options.onIssue ?? ((i: Issue) => void held.push(i));
  // Cross-row bookkeeping, filled as rows come in: value → first row index (compact tables: a Map of a million
  // entries made these lookups the costliest step of a row), and the values seen more than once.
  const keyFirst = new FirstSeenKeys();
  const keyDups = new Map<KeyId, number[]>();
  // Keys that differ only by case or leading zeros: by their similar form. A key that is its own similar form
  // (most keys) is found through keyFirst, so only the others take room here.
  const similarFirst = new Map<KeyId, number>();
  const similarDups = new Map<KeyId, number[]>();
  // Emails at the domain most of them share are filed by their local part (it takes a third of the room). Their
  // repeats are only wanted at the end: noted as they come, found in `finish()`.
  const emails = new RepeatedTexts();
  let mailDomain: string | null = null;
  /**
   * Where the local part ends when an email is filed by it (at the shared domain), else −1 (filed whole, behind an
   * "@"); `knownAt` is where its only "@" is, when the caller knows (a plain address), else −1.
   */
  const localEnd = (email: string, knownAt: number): number => {
    const at = knownAt >= 0 ? knownAt : email.lastIndexOf('@');
    if (at > 0) {
      mailDomain ??= detach(email.slice(at + 1));
      // A local part holds no "@"; any other email is filed whole behind one, so the two never meet. (With the
      // lengths equal, ending in the domain is starting with it after the "@", and a faster test.)
      if (
        email.length - at - 1 === mailDomain.length &&
        email.endsWith(mailDomain) &&
        (knownAt >= 0 || email.indexOf('@') === at)
      )
        return at;
    }
    return -1;
  };
  /** An email as `emails` notes it (its local part, or "@" and the whole email), whole again. */
  const emailOf = (id: string): string => (id.startsWith('@') ? id.slice(1) : `${id}@${mailDomain}`);
  const newKeyRows: NewKeyRow[] = [];
  const previousKeys = options.previous ? new Set(options.previous.users.map((u) => u.key)) : null;
  // Logins are given in row order (an earlier row keeps the plain login), so each is decided when its row comes.
  const logins = new Map<number, string>();
  const loginParts = new Map<number, LoginParts>();
  // Logins given so far (by what comes before "@domain"), and the first row of each login base.
  const takenLogins = new FirstSeenTexts();
  const loginFirst = new FirstSeenTexts();
  const loginDups = new Map<string, number[]>();
  const loginExhausted: { row: number; problem: Issue }[] = [];
  const loginDomain = compiled.loginSchema?.domain.toLowerCase() ?? '';
  const keepLogins = options.keepLogins ?? true;
  // Every login ends in "@" + the domain: the taken ones are filed by what comes before it.
  const loginLocalEnd = (login: string) => login.length - loginDomain.length - 1;
  // Rows that never reach the index: an empty key or a failing scope (error), out of scope (skipped).
  const counts = { rows: 0, skipped: 0, earlyError: 0 };
  const sourceErrorRows = new Set<number>();
  const wantTrace =
    typeof options.trace === 'function' ? options.trace : options.trace ? () => true : () => false;
  const hasUserName = compiled.targets.includes('userName');
  const suffixAttribute = compiled.loginSchema?.collisionSuffixField ?? compiled.keyAttribute;

  let current: SourceRecord | null = null;
  const env: EvalEnv = {
    today,
    get: (attribute: string): SourceValue | undefined =>
      current === null ? undefined : recordValue(current, attribute),
    cells: undefined,
    columns: undefined,
  };

  // One evaluator per expression for this run (costly pure ones remember their results per input: memo.ts).
  const fieldEvaluators = compiled.fields.map((f) => rowEvaluator(f.expr));
  const scopeEvaluator = compiled.scope ? rowEvaluator(compiled.scope) : null;
  const inactiveEvaluator = compiled.inactiveWhen ? rowEvaluator(compiled.inactiveWhen) : null;
  const endDateEvaluator = compiled.endDate ? rowEvaluator(compiled.endDate) : null;
  const startDateEvaluator = compiled.startDate ? rowEvaluator(compiled.startDate) : null;
  const booleanField = compiled.fields.map((f) => f.field.type === 'boolean');
  const unobserved = unobservedFields(compiled, options.statusOnly === true);

  const birthAttr = compiled.mapping.mappingKey.birthDateAttribute;
  const attributeTemplate: FlatUser = {};
  for (const f of compiled.fields) attributeTemplate[f.target] = null;
  // The userName copied from the email (below) has its place too, last as before: adding it to every row's object
  // would change that object's layout row by row.
  const userNameFromEmail = !hasUserName && !compiled.loginSchema;
  if (userNameFromEmail) attributeTemplate.userName = null;

  /** Files an indexed row under its key, email and login for the cross-row checks in `finish()`. */
  const indexRow = (
    i: number,
    key: string,
    active: boolean,
    /** The email as emails are compared (`emailKey`), or null. */
    emailKey: string | null,
    /** Where the only "@" of a plain email is (−1 when not known). */
    emailAt: number,
    /** Name and birth date as the key-change check compares them (`nameBirthOf`); only read for a new key. */
    nameBirth: string | null,
    loginBase: string | null,
    /** The login's collision suffix (what `collisionSuffix` makes), when there is a login base. */
    suffix: string | null,
  ) => {
    // Similar keys first, while the row is not yet filed under its own key.
    const id = index.key(i);
    // The row is filed under its key at once: a similar key that differs from it is another entry.
    const first = keyFirst.getOrAdd(id, i);
    // A whole-number key (filed as its number) is its own similar form.
    const similar = typeof id === 'number' ? key : similarKey(key);
    const similarId = similar === key ? id : keyId(similar);
    // A new key that is its own similar form, while no other key had a similar form of its own (most rows): no
    // earlier row shares its similar form (such a row would be filed under that key or in similarFirst).
    if (first !== -1 || similarId !== id || similarFirst.size > 0) {
      const similarList = similarDups.get(similarId);
      if (similarList) similarList.push(i);
      else {
        const earlierKey = similarId === id ? first : keyFirst.get(similarId);
        const earlier = earlierKey !== -1 ? earlierKey : similarFirst.get(similarId);
        if (earlier !== undefined) similarDups.set(similarId, [earlier, i]);
      }
      if (similarId !== id && !similarFirst.has(similarId))
        similarFirst.set(typeof similarId === 'string' ? detach(similarId) : similarId, i);
    }

    if (first !== -1) addDuplicate(keyDups, id, first, i);

    if (active && emailKey !== null) {
      // Filed by its local part without cutting it out.
      const end = localEnd(emailKey, emailAt);
      if (end >= 0) emails.addRange(emailKey, 0, end, i);
      else emails.add(`@${emailKey}`, i);
    }

    // Identity only matters for the key-stability check, and only for a key the previous state lacks.
    if (previousKeys !== null && !previousKeys.has(key)) {
      newKeyRows.push({
        i,
        email: emailKey === null ? null : detach(emailKey),
        nameBirth: nameBirth === null ? null : detach(nameBirth),
      });
    }

    const schema = compiled.loginSchema;
    if (schema && loginBase !== null) {
      const row = index.rows[i]!;
      const parts = {
        local: detach(loginBase),
        suffix: detach(suffix!),
        domain: loginDomain,
      };
      if (keepLogins) loginParts.set(row, parts);
      const firstWithBase = loginFirst.getOrAdd(parts.local, i);
      const login = firstFreeLogin(parts, (l) => takenLogins.getRange(l, 0, loginLocalEnd(l)) !== -1);
      if (login === null) {
        loginExhausted.push({
          row,
          problem: issue(
            'login-collision',
            'error',
            `${rowLabel(row)}: every variant of the login "${loginBase}@${loginDomain}" is taken; set ${suffixAttribute} apart or change the login schema`,
            {
              row,
              key,
              field: schema.target,
              params: {
                id: 'issue.login-collision.exhausted',
                row,
                login: `${loginBase}@${loginDomain}`,
                suffix: suffixAttribute,
              },
            },
          ),
        });
      } else {
        // The plain login is the local part itself (mostly): the string is shared, not copied.
        takenLogins.getOrAddRange(login, 0, loginLocalEnd(login), 0);
        // The collision issue names the logins given to every row after the first with the same base.
        if (keepLogins || firstWithBase !== -1) logins.set(row, login);
      }
      if (firstWithBase !== -1) addDuplicate(loginDups, parts.local, firstWithBase, i);
    }
  };

  /** A row's given and family name and birth date as the key-change check compares them, or null. */
  const nameBirthOf = (attributes: FlatUser, record: SourceRecord): string | null => {
    const given = attributes['name.givenName'];
    const family = attributes['name.familyName'];
    const g = typeof given === 'string' ? normalizeMatch(given) : null;
    const f = typeof family === 'string' ? normalizeMatch(family) : null;
    const birth = birthAttr ? birthDateKey(recordValue(record, birthAttr)) : null;
    return g && f && birth ? `${g}|${f}|${birth}` : null;
  };

  /** Indexes a row and files it for the cross-row checks: the cross-row stage of a row. */
  const fileRow = (
    row: number,
    key: string,
    status: number,
    leaving: boolean,
    active: boolean,
    emailKey: string | null,
    emailAt: number,
    nameBirth: string | null,
    loginBase: string | null,
    suffix: string | null,
  ): void => {
    // A whole-number key is filed as its number; only another key is copied out of the chunk it was read from.
    const id = keyId(key);
    const i = index.add(row, typeof id === 'number' ? id : detach(key), status, leaving);
    indexRow(i, key, active, emailKey, emailAt, nameBirth, loginBase, suffix);
  };

  const rowStage = options.rowStage;

  /**
   * The end of the row-local stage of a row that passed the key and scope checks: works out what the cross-row
   * stage files it under, then files it and emits its issues, or (`rowStage`) writes all that down for the run
   * that files it.
   */
  const fileIndexed = (
    record: SourceRecord,
    row: number,
    key: string,
    status: number,
    leaving: boolean,
    active: boolean,
    email: string | null,
    /**
     * What the plain way found of the email: PLAIN_LOWER (the plain-address pattern in lower case: it is its own
     * match key), PLAIN (its match key is its lower case), or NOT_PLAIN (not looked at: normalizeMatch decides).
     */
    emailShape: number,
    /** Where the only "@" of a plain email is (read only for a plain one). */
    emailAt: number,
    attributes: FlatUser,
    loginBase: string | null,
    issues: readonly Issue[] | undefined,
  ): void => {
    // A plain address holds no space, invisible character or mark: normalizeMatch would only lower its case
    // (which keeps every character in its place).
    const emailKey =
      email === null
        ? null
        : emailShape === PLAIN_LOWER
          ? email
          : emailShape === PLAIN
            ? email.toLowerCase()
            : normalizeMatch(email);
    const at = emailShape === NOT_PLAIN ? -1 : emailAt;
    const schema = compiled.loginSchema;
    const suffix =
      schema && loginBase !== null
        ? collisionSuffix(firstText(recordValue(record, suffixAttribute)) ?? key, schema.transliteration)
        : null;
    if (rowStage !== undefined) {
      const w = rowStage.writer;
      w.row(row, INDEXED + status, (leaving ? LEAVING : 0) | (active ? IS_ACTIVE : 0), at);
      w.text(SPAN_KEY, key);
      w.text(SPAN_EMAIL, emailKey);
      if (rowStage.identity) w.text(SPAN_NAME_BIRTH, nameBirthOf(attributes, record));
      w.text(SPAN_LOGIN, loginBase);
      w.text(SPAN_SUFFIX, suffix);
      if (issues !== undefined) for (const p of issues) w.issue(p);
      return;
    }
    // Identity only matters for the key-stability check, and only for a key the previous state lacks.
    const nameBirth =
      previousKeys !== null && !previousKeys.has(key) ? nameBirthOf(attributes, record) : null;
    fileRow(row, key, status, leaving, active, emailKey, at, nameBirth, loginBase, suffix);
    if (issues !== undefined) for (const p of issues) emit(p);
  };

  /** A row that never reaches the index (no key, scope failed: an error; out of scope: skipped), and its issue. */
  const fileEarly = (row: number, skipped: boolean, problem: Issue): void => {
    if (rowStage !== undefined) {
      rowStage.writer.row(row, skipped ? EARLY_SKIPPED : EARLY_ERROR, 0, -1);
      rowStage.writer.issue(problem);
      return;
    }
    if (skipped) counts.skipped++;
    else counts.earlyError++;
    emit(problem);
  };

  /** The issues a plain row's row-local stage writes compactly: its failed fields, then "leaves later". */
  const writePlainIssues = (writer: VerdictWriter, leavingOn: string | undefined): void => {
    for (let fi = 0; fi < fieldResults.length; fi++) {
      const r = fieldResults[fi];
      if (r instanceof EvalFailed) writer.fieldFailed(fi, r.error);
    }
    if (leavingOn !== undefined) writer.leavingLater(leavingOn);
  };

  // The expression failures the blocks name, each made once (the same failure object, as the memo would give).
  const failures = new FailureReader((error) => new EvalFailed(error as EvalFailed['error']));

  /** Files the rows `from`–`to` of a block whose row-local stage ran elsewhere (`rowStage`). */
  const pushVerdicts = (block: RowVerdicts, from: number, to: number): void => {
    const { rows, kinds, flags, emailAt, text, spans, issues, issueKinds, issueA, issueB, issueEnd } = block;
    const span = (r: number, which: number): string | null => {
      const at = (r * SPANS + which) * 2;
      const start = spans[at]!;
      return start < 0 ? null : text.slice(start, spans[at + 1]);
    };
    for (let r = from; r < to; r++) {
      counts.rows++;
      const kind = kinds[r]!;
      const row = rows[r]!;
      // Only an indexed row has a key, and only its issues are written compactly.
      let key = '';
      if (kind === EARLY_ERROR) counts.earlyError++;
      else if (kind === EARLY_SKIPPED) counts.skipped++;
      else {
        const f = flags[r]!;
        key = span(r, SPAN_KEY)!;
        fileRow(
          row,
          key,
          kind - INDEXED,
          (f & LEAVING) !== 0,
          (f & IS_ACTIVE) !== 0,
          span(r, SPAN_EMAIL),
          emailAt[r]!,
          span(r, SPAN_NAME_BIRTH),
          span(r, SPAN_LOGIN),
          span(r, SPAN_SUFFIX),
        );
      }
      for (let k = r === 0 ? 0 : issueEnd[r - 1]!; k < issueEnd[r]!; k++) {
        const entry = issueKinds[k]!;
        if (entry === ISSUE_OBJECT) emit(issues[issueA[k]!]!);
        else if (entry === ISSUE_FIELD_FAILED)
          emit(fieldFailed(row, key, compiled.fields[issueA[k]!]!, failures.get(block, issueB[k]!)));
        else emit(leavingLater(row, key, text.slice(issueA[k]!, issueB[k]!)));
      }
    }
  };

  // The key and name columns by index in a compact record's cells, looked up once per column table.
  let indexedColumns: ReadonlyMap<string, number> | undefined;
  let keyAt = -1;
  const nameColumns = compiled.nameColumns;
  const nameAt = new Int32Array(nameColumns.length);
  const valueAt = (cells: readonly SourceValue[], at: number): SourceValue | undefined =>
    at < 0 ? undefined : cells[at];

  /** A row without a key: an error, before anything else is looked at. */
  const emptyKey = (row: number): RowOutcome => {
    const problem = issue(
      'empty-key',
      'error',
      `${rowLabel(row)}: the mapping key "${compiled.keyAttribute}" is empty; Plek cannot recognise this person on the next sync. Fill it in the source.`,
      {
        row,
        field: compiled.keyAttribute,
        params: { id: 'issue.empty-key.text', row, attribute: compiled.keyAttribute },
      },
    );
    fileEarly(row, false, problem);
    return { status: 'error', row, issues: [problem] };
  };

  /** A row whose scope failed or is not true: an error, or skipped. */
  const notInScope = (row: number, key: string, r: Value | EvalFailed): RowOutcome => {
    if (r instanceof EvalFailed) {
      const { code, message } = r.error;
      const problem = issue(code, 'error', `${rowLabel(row)}: scope: ${message}`, {
        row,
        key,
        params: { id: 'issue.eval.scope', row, detail: message, ...errorParams(r.error) },
      });
      fileEarly(row, false, problem);
      return { status: 'error', row, key, issues: [problem] };
    }
    const reason = `out of scope: ${compiled.mapping.scope?.include} is not true`;
    fileEarly(
      row,
      true,
      issue('out-of-scope', 'info', `${rowLabel(row)}: skipped, ${reason}`, {
        row,
        key,
        params: { id: 'issue.out-of-scope.text', row, scope: compiled.mapping.scope?.include ?? '' },
      }),
    );
    return {
      status: 'skipped',
      row,
      key,
      reason,
      reasonMessage: said('report.reason.outOfScope', { rule: compiled.mapping.scope?.include ?? '' }),
    };
  };

  // What the first stage of `push` evaluated for the current row, read by both ways of finishing it: each field's
  // result (undefined: not evaluated, the field is left null), the deactivation rules' results, and the start
  // date's (undefined until it is evaluated, only for an active user).
  const fieldResults: (Value | EvalFailed | undefined)[] = compiled.fields.map(() => undefined);
  let inactiveResult: Value | EvalFailed = null;
  let endDateResult: Value | EvalFailed = null;
  let startDateResult: Value | EvalFailed | undefined;
  // The common row (no issue but fields that failed and "leaves later", no trace) is finished by `plainRow`;
  // every other row by `generalRow`, which decides every issue. A mapping that maps `active` itself always takes
  // the general way.
  // Each required target's field (and the email's), so that the plain way reads values by position, not by name.
  const requiredAt = REQUIRED_FOR_CREATE.map((t) => compiled.fields.findIndex((f) => f.target === t));
  const emailFieldAt = compiled.fields.findIndex((f) => f.target === WORK_EMAIL);
  const flatValues: FlatValue[] = compiled.fields.map(() => null);
  const plainRowsPossible =
    options.generalRowsOnly !== true &&
    !compiled.fields.some((f) => f.target === 'active') &&
    requiredAt.every((at) => at >= 0);
  const inactiveReason = `deactivation.inactiveWhen is true (${compiled.mapping.deactivation.inactiveWhen})`;

  /**
   * Maps one record. Evaluates everything the row needs once (scope, fields, deactivation rules), in the order
   * the general way always did; then finishes the row the plain way when nothing about it needs wording, else
   * the general way. Both give the same outcome and issues for a plain row (test/shared/engine/fast-path.test.ts).
   * `want`: the caller keeps the outcome; without it a plain row makes none (null).
   */
  const mapRow = (record: SourceRecord, want: boolean): RowOutcome | null => {
    counts.rows++;
    current = record;
    const { cells, columns } = record;
    env.cells = cells;
    env.columns = columns;
    const compact = cells !== undefined && columns !== undefined;
    if (compact && columns !== indexedColumns) {
      indexedColumns = columns;
      keyAt = columns.get(compiled.keyAttribute) ?? -1;
      for (let c = 0; c < nameColumns.length; c++) nameAt[c] = columns.get(nameColumns[c]!) ?? -1;
    }
    const { row } = record;
    const key = firstText(compact ? valueAt(cells, keyAt) : recordValue(record, compiled.keyAttribute));
    if (key === null) return emptyKey(row);
    if (scopeEvaluator) {
      const r = scopeEvaluator(env);
      if (r !== true) return notInScope(row, key, r);
    }
    const tracing = wantTrace(key);
    // Only plain assignments in the rare branches below: what optimised code has never run costs a
    // deoptimisation when it first runs, and this runs for every row.
    let plain = plainRowsPossible && !tracing;
    // A "?" in a name column may be a letter Excel lost (the general way words it). The reader may know that the
    // record holds no "?" at all.
    if (record.noQuestionMark !== true) {
      for (let c = 0; c < nameColumns.length; c++) {
        const raw = compact ? valueAt(cells, nameAt[c]!) : recordValue(record, nameColumns[c]!);
        const first = Array.isArray(raw) ? raw[0] : raw;
        if (typeof first === 'string' && first.includes('?')) plain = false;
      }
    }
    const fields = compiled.fields;
    for (let fi = 0; fi < fields.length; fi++) {
      if (unobserved[fi]! && !tracing) {
        fieldResults[fi] = undefined;
        continue;
      }
      fieldResults[fi] = fieldEvaluators[fi]!(env);
    }
    inactiveResult = inactiveEvaluator ? inactiveEvaluator(env) : null;
    endDateResult = endDateEvaluator ? endDateEvaluator(env) : null;
    startDateResult = undefined;
    const outcome = plain ? plainRow(record, row, key, want) : undefined;
    return outcome !== undefined ? outcome : generalRow(record, row, key, tracing);
  };
  const push = (record: SourceRecord): RowOutcome => mapRow(record, true)!;
  const take = (record: SourceRecord): void => void mapRow(record, false);

  // What a plain row's attributes are read for besides its outcome: the login schema's parts, the key-change
  // check's name (here, or in the run that files the row), group rules.
  const attributesRead =
    compiled.loginSchema !== null ||
    previousKeys !== null ||
    rowStage?.identity === true ||
    options.statusOnly !== true;

  /**
   * Finishes a row that raises no issue but failed fields and "leaves later", and is traced by nobody: exactly
   * what `generalRow` does for such a row, with less to decide. Undefined (before anything is filed or emitted)
   * when the row needs more; null when the row is filed and its outcome is not wanted (then no attributes are
   * made unless something reads them).
   */
  const plainRow = (
    record: SourceRecord,
    row: number,
    key: string,
    want: boolean,
  ): RowOutcome | undefined | null => {
    const attributes: FlatUser | null = want || attributesRead ? { ...attributeTemplate } : null;
    const fields = compiled.fields;
    // A field that failed is left null and warned about (a file may fail so on every row: still plain).
    let failed: Issue[] | undefined;
    for (let fi = 0; fi < fields.length; fi++) {
      const r = fieldResults[fi];
      if (r === undefined) flatValues[fi] = null;
      else if (r instanceof EvalFailed) {
        flatValues[fi] = null;
        if (attributes !== null) attributes[fields[fi]!.target] = null;
        // The row stage writes them compactly (writePlainIssues).
        if (rowStage === undefined) (failed ??= []).push(fieldFailed(row, key, fields[fi]!, r));
      } else {
        const value = toFlat(r, booleanField[fi]!);
        flatValues[fi] = value;
        if (attributes !== null) attributes[fields[fi]!.target] = value;
      }
    }
    if (userNameFromEmail && attributes !== null) attributes.userName = flatValues[emailFieldAt] ?? null;

    let leaver = false;
    let leavingOn: string | undefined;
    let deactivationReason: string | undefined;
    let deactivation: CodedMessage | undefined;
    const inactive = inactiveResult;
    if (inactive instanceof EvalFailed) return undefined;
    // Why a leaver is deactivated is only said in the outcome.
    if (inactive === true) {
      leaver = true;
      if (want) {
        deactivationReason = inactiveReason;
        deactivation = said('report.reason.inactiveWhen', {
          rule: compiled.mapping.deactivation.inactiveWhen ?? '',
        });
      }
    }
    const end = endDateResult;
    if (end instanceof EvalFailed) return undefined;
    if (isPlainDate(end)) {
      if (end.iso < today) {
        if (!leaver && want) {
          deactivationReason = `end date ${end.iso} is before today (${today})`;
          deactivation = said('report.reason.endDate', { date: end.iso, today });
        }
        leaver = true;
      } else if (!leaver) leavingOn = end.iso;
    } else if (end !== null && !(typeof end === 'string' && end.trim() === '')) return undefined;
    const active = !leaver;

    if (active && startDateEvaluator) {
      const r = startDateEvaluator(env);
      startDateResult = r;
      if (r instanceof EvalFailed) return undefined;
      if (isPlainDate(r)) {
        if (r.iso > createUntil) return undefined;
      } else if (!isBlank(r)) return undefined;
    }
    for (let ri = 0; ri < requiredAt.length; ri++) {
      const v = flatValues[requiredAt[ri]!];
      if (v === null || v === undefined || v === '') return undefined;
    }
    const mail = flatValues[emailFieldAt];
    const email = typeof mail === 'string' ? mail.trim() : null;
    // isValidEmail, keeping what its first test finds for filing the address (one "@" in a plain address).
    let emailShape = NOT_PLAIN;
    let emailAt = -1;
    if (email !== null) {
      if (PLAIN_LOWER_EMAIL.test(email)) emailShape = PLAIN_LOWER;
      else if (PLAIN_EMAIL.test(email)) emailShape = PLAIN;
      if (emailShape !== NOT_PLAIN) {
        emailAt = email.indexOf('@');
        if (email.length - emailAt - 1 > 253) return undefined;
      } else if (!isValidEmail(email)) return undefined;
      if (attributes !== null) attributes[WORK_EMAIL] = email;
    }
    const schema = compiled.loginSchema;
    // (A login schema and group rules read the attributes: they are made then, attributesRead.)
    const loginBase = schema ? loginLocalPart(schema, attributes!) : null;
    if (schema && loginBase === null && active) return undefined;

    const groups = options.statusOnly ? NO_GROUPS : groupsOf(compiled, attributes!, active);
    if (leavingOn !== undefined && rowStage === undefined)
      (failed ??= []).push(leavingLater(row, key, leavingOn));
    fileIndexed(
      record,
      row,
      key,
      active ? ACTIVE : DEACTIVATE,
      leavingOn !== undefined,
      active,
      email,
      emailShape,
      emailAt,
      attributes ?? NO_ATTRIBUTES,
      loginBase,
      failed,
    );
    if (rowStage !== undefined) writePlainIssues(rowStage.writer, leavingOn);
    // Made whenever the outcome is wanted.
    if (attributes === null) return null;
    const user: MappedUser = { row, key, attributes, active, groups, trace: NO_TRACE };
    if (leavingOn !== undefined) user.leavingOn = leavingOn;
    if (deactivationReason !== undefined) user.deactivationReason = deactivationReason;
    if (deactivation !== undefined) user.deactivation = deactivation;
    return { status: 'mapped', row, user };
  };

  /** Finishes any row: works out and words every issue it has. */
  const generalRow = (record: SourceRecord, row: number, key: string, tracing: boolean): RowOutcome => {
    const { cells, columns } = record;
    const compact = cells !== undefined && columns !== undefined;
    const issues: Issue[] = [];
    // Excel writes letters its code page lacks (ş, ı, ł…) as "?": "Ay?e Y?lmaz". The name would reach Plek so.
    for (let c = 0; c < nameColumns.length; c++) {
      const column = nameColumns[c]!;
      const raw = compact ? valueAt(cells, nameAt[c]!) : recordValue(record, column);
      // Most values hold no "?" at all: nothing to trim or test then.
      const first = Array.isArray(raw) ? raw[0] : raw;
      if (typeof first !== 'string' || !first.includes('?')) continue;
      const text = firstText(raw);
      if (text !== null && text.includes('?') && LOST_LETTER.test(text)) {
        issues.push(
          issue(
            'encoding',
            'warning',
            `${rowLabel(row)}: "${text}" in [${column}] has a "?" between letters: a letter the export's code page could not hold (ş, ı, ł …) was replaced; export as UTF-8 ("CSV UTF-8") and check the name`,
            {
              row,
              key,
              field: column,
              params: { id: 'issue.encoding.questionMark', row, column, value: text },
            },
          ),
        );
      }
    }
    // A copy of one object holding every target: the stores below then change values instead of adding
    // properties one by one (each a new object layout).
    const attributes: FlatUser = { ...attributeTemplate };
    const trace: Record<string, TraceEntry> = tracing ? {} : NO_TRACE;

    const fields = compiled.fields;
    for (let fi = 0; fi < fields.length; fi++) {
      const r = fieldResults[fi];
      if (r === undefined) continue;
      const f = fields[fi]!;
      let value: FlatValue = null;
      if (r instanceof EvalFailed) issues.push(fieldFailed(row, key, f, r));
      else value = toFlat(r, booleanField[fi]!);
      attributes[f.target] = value;
      if (tracing) {
        const inputs: TraceEntry['inputs'] = {};
        for (const ref of f.expr.references) inputs[ref] = recordValue(record, ref) ?? null;
        trace[f.target] = {
          rule: `fields[${JSON.stringify(f.written)}]`,
          expression: f.expr.text,
          inputs,
          value,
        };
      }
    }

    // Plek logs in with the userName; without a mapping or login schema it is the work email.
    if (userNameFromEmail) attributes.userName = attributes[WORK_EMAIL] ?? null;

    // Deactivation: a source value only. Absence from the export never deactivates. When the source says the
    // person left (the status rule, an end date that has passed, or a mapped `active` = false), they are
    // deactivated whatever else is wrong on the row: the other problems are then warnings, because blocking the
    // row would keep a leaver's account active.
    let statusLeaver = false;
    let endLeaver = false;
    let leavingOn: string | undefined;
    let deactivationReason: string | undefined;
    let deactivation: CodedMessage | undefined;
    let ruleProblems: Issue[] | undefined;
    if (inactiveEvaluator) {
      const r = inactiveResult;
      if (r instanceof EvalFailed) {
        const { code, message } = r.error;
        (ruleProblems ??= []).push(
          issue(code, 'error', `${rowLabel(row)}: deactivation.inactiveWhen: ${message}`, {
            row,
            key,
            params: { id: 'issue.eval.inactiveWhen', row, detail: message, ...errorParams(r.error) },
          }),
        );
      } else if (r === true) {
        statusLeaver = true;
        deactivationReason = `deactivation.inactiveWhen is true (${compiled.mapping.deactivation.inactiveWhen})`;
        deactivation = said('report.reason.inactiveWhen', {
          rule: compiled.mapping.deactivation.inactiveWhen ?? '',
        });
      }
    }
    if (endDateEvaluator) {
      const r = endDateResult;
      if (r instanceof EvalFailed) {
        const { code, message } = r.error;
        (ruleProblems ??= []).push(
          issue(code, 'error', `${rowLabel(row)}: end date: ${message}`, {
            row,
            key,
            field: 'deactivation.endDate',
            params: { id: 'issue.eval.endDate', row, detail: message, ...errorParams(r.error) },
          }),
        );
      } else if (isPlainDate(r)) {
        if (r.iso < today) {
          endLeaver = true;
          if (!deactivationReason) {
            deactivationReason = `end date ${r.iso} is before today (${today})`;
            deactivation = said('report.reason.endDate', { date: r.iso, today });
          }
        } else leavingOn = r.iso;
      } else if (r !== null && !(typeof r === 'string' && r.trim() === '')) {
        (ruleProblems ??= []).push(
          issue(
            'invalid-date',
            'error',
            `${rowLabel(row)}: end date "${valueToText(r)}" is not a date; use ParseDate in deactivation.endDate`,
            {
              row,
              key,
              field: 'deactivation.endDate',
              params: { id: 'issue.invalid-date.endDate', row, value: valueToText(r) ?? '' },
            },
          ),
        );
      }
    }
    const explicitActive = attributes.active;
    if (explicitActive === false && !statusLeaver && !endLeaver) {
      deactivationReason = 'the mapped field "active" is false';
      deactivation = said('report.reason.activeFalse');
    }
    const active = !statusLeaver && !endLeaver && explicitActive !== false;
    if (!active) leavingOn = undefined;
    // `active` is decided above, not written as a profile field (delete only when present: it slows the object).
    if (explicitActive !== undefined) delete attributes.active;
    if (tracing && deactivationReason) {
      trace.active = { rule: 'deactivation', inputs: {}, value: false };
    }
    let blocked = false;
    if (ruleProblems) {
      for (const p of ruleProblems) {
        if (active) {
          blocked = leaverProblem(issues, active, {
            ...p,
            message: `${p.message}; the user is not synced until it is fixed, so nobody is deactivated by mistake`,
          });
        } else {
          // The catalogue's endDate text says "not synced until fixed": not true for a leaver.
          const params =
            p.params?.id === 'issue.eval.endDate'
              ? { ...p.params, id: 'issue.eval.endDateLeaver' as const }
              : p.params;
          leaverProblem(issues, active, { ...p, ...(params ? { params } : {}) });
        }
      }
    }

    // Joiners: not created before the start date (less the days ahead). A leaver is never held back.
    let startsOn: string | undefined;
    if (active && startDateEvaluator) {
      // The plain way may have evaluated it already (for an active user, as here).
      const r = startDateResult !== undefined ? startDateResult : startDateEvaluator(env);
      if (r instanceof EvalFailed) {
        const { code, message } = r.error;
        blocked =
          leaverProblem(
            issues,
            active,
            issue(
              code,
              'error',
              `${rowLabel(row)}: start date: ${message}; the user is not created until it is fixed`,
              {
                row,
                key,
                field: 'activation.startDate',
                params: { id: 'issue.eval.startDate', row, detail: message, ...errorParams(r.error) },
              },
            ),
          ) || blocked;
      } else if (isPlainDate(r)) {
        if (r.iso > createUntil) startsOn = r.iso;
      } else if (!isBlank(r)) {
        blocked =
          leaverProblem(
            issues,
            active,
            issue(
              'invalid-date',
              'error',
              `${rowLabel(row)}: start date "${valueToText(r)}" is not a date; use ParseDate in activation.startDate`,
              {
                row,
                key,
                field: 'activation.startDate',
                params: { id: 'issue.invalid-date.startDate', row, value: valueToText(r) ?? '' },
              },
            ),
          ) || blocked;
      }
    }

    // Required fields: an active user cannot be created without them; a leaver only needs the key.
    for (let ri = 0; ri < REQUIRED_FOR_CREATE.length; ri++) {
      const required = REQUIRED_FOR_CREATE[ri]!;
      const v = attributes[required];
      if (v === null || v === undefined || v === '') {
        const f = compiled.fields.find((c) => c.target === required);
        const written = f?.written ?? required;
        const from =
          f && f.expr.references.length > 0
            ? ` (read from ${f.expr.references.map((r) => `[${r}]`).join(', ')})`
            : '';
        issues.push(
          issue(
            'missing-required',
            active ? 'error' : 'warning',
            `${rowLabel(row)}: ${f?.field.label.en.toLowerCase() ?? written} is empty${from}; Plek needs it to create an account${active ? '' : ' (the user is inactive, so only a deactivation is possible)'}`,
            {
              row,
              key,
              field: written,
              params: {
                id: 'issue.missing-required.text',
                row,
                target: f?.target ?? required,
                columns:
                  f && f.expr.references.length > 0
                    ? f.expr.references.map((r) => `[${r}]`).join(', ')
                    : 'none',
                active: active ? 'yes' : 'no',
              },
            },
          ),
        );
        if (active) blocked = true;
      }
    }
    let email = typeof attributes[WORK_EMAIL] === 'string' ? (attributes[WORK_EMAIL] as string).trim() : null;
    if (email !== null) {
      attributes[WORK_EMAIL] = email;
      if (!isValidEmail(email)) {
        const written = compiled.fields.find((f) => f.target === WORK_EMAIL)?.written ?? WORK_EMAIL;
        blocked =
          leaverProblem(
            issues,
            active,
            issue('invalid-email', 'error', `${rowLabel(row)}: "${email}" is not a valid email address`, {
              row,
              key,
              field: written,
              params: { id: 'issue.invalid-email.text', row, email },
            }),
          ) || blocked;
        // A leaver's bad address is not written to Plek.
        if (!active) {
          delete attributes[WORK_EMAIL];
          email = null;
        }
      }
    }

    // Without group rules to work out (validate) every user shares one empty list: nothing adds to it.
    const groups = options.statusOnly ? NO_GROUPS : groupsOf(compiled, attributes, active);

    const loginBase = compiled.loginSchema ? loginLocalPart(compiled.loginSchema, attributes) : null;
    if (compiled.loginSchema && loginBase === null && active && !blocked) {
      // Never fall back silently (to the email, or to an empty login): the consultant must see this row.
      const schema = compiled.loginSchema;
      issues.push(
        issue(
          'login-empty',
          'error',
          `${rowLabel(row)}: the login schema gives no login (${schema.begin.field}${schema.end === 'none' ? '' : ` + ${schema.end.field}`} hold no letters or digits); fix the name in the source`,
          {
            row,
            key,
            field: schema.target,
            params: {
              id: 'issue.login-empty.text',
              row,
              fields: `${schema.begin.field}${schema.end === 'none' ? '' : ` + ${schema.end.field}`}`,
            },
          },
        ),
      );
      blocked = true;
    }
    if (leavingOn && !blocked) issues.push(leavingLater(row, key, leavingOn));
    if (startsOn && !blocked) {
      issues.push(
        issue(
          'starting-later',
          'info',
          `${rowLabel(row)}: starts on ${startsOn}; the account is created ${compiled.daysAhead ? `${compiled.daysAhead} days before that` : 'on that day'}`,
          {
            row,
            key,
            field: 'activation.startDate',
            params: { id: 'issue.starting-later.text', row, date: startsOn, days: compiled.daysAhead ?? 0 },
          },
        ),
      );
    }
    fileIndexed(
      record,
      row,
      key,
      blocked ? ERROR : startsOn ? STARTING : active ? ACTIVE : DEACTIVATE,
      leavingOn !== undefined,
      active,
      email,
      NOT_PLAIN,
      -1,
      attributes,
      loginBase,
      issues,
    );
    if (blocked) return { status: 'error', row, key, issues };
    if (startsOn)
      return {
        status: 'skipped',
        row,
        key,
        reason: `starts on ${startsOn}`,
        reasonMessage: said('report.reason.startsOn', { date: startsOn }),
        startsOn,
      };
    const user: MappedUser = { row, key, attributes, active, groups, trace };
    if (leavingOn) user.leavingOn = leavingOn;
    if (deactivationReason) user.deactivationReason = deactivationReason;
    if (deactivation) user.deactivation = deactivation;
    return { status: 'mapped', row, user };
  };

  const finish = (): RunFinish => {
    const issues: Issue[] = [];
    const blockedRows = new Map<number, Issue[]>();
    const block = (row: number, problem: Issue) => {
      const list = blockedRows.get(row) ?? [];
      list.push(problem);
      blockedRows.set(row, list);
    };
    const rowOf = (i: number) => index.rows[i]!;
    const keyOf = (i: number) => String(index.key(i));

    if (options.headers) {
      const known = new Set(options.headers);
      for (const ref of compiled.references) {
        if (!known.has(ref)) {
          issues.push(
            issue(
              'mapping-invalid',
              'error',
              `the mapping reads [${ref}], but the source has no such column or attribute; check the spelling (columns: ${options.headers.slice(0, 30).join(', ')})`,
              {
                field: ref,
                params: {
                  id: 'issue.mapping-invalid.unknownColumn',
                  attribute: ref,
                  columns: options.headers.slice(0, 30).join(', '),
                },
              },
            ),
          );
        }
      }
    }

    for (const list of keyDups.values()) {
      const key = keyOf(list[0]!);
      const all = list.map(rowOf);
      for (const row of all) {
        const problem = issue(
          'duplicate-key',
          'error',
          `${rowLabel(row)}: mapping key "${key}" also appears in row(s) ${all.filter((x) => x !== row).join(', ')}; a key must be unique, so none of these rows is synced`,
          {
            row,
            rows: all,
            key,
            field: compiled.keyAttribute,
            params: { id: 'issue.duplicate-key.text', row, key, ...otherRows(all, row) },
          },
        );
        issues.push(problem);
        block(row, problem);
      }
    }

    // Keys that differ only by case or leading zeros ("00123" and "123", "ab12" and "AB12") are most likely the
    // same person typed twice, or an export that lost its zeros: both rows are flagged (not blocked).
    for (const list of similarDups.values()) {
      const distinct = [...new Set(list.map(keyOf))];
      if (distinct.length < 2) continue;
      const all = list.map(rowOf);
      for (const i of list) {
        const row = rowOf(i);
        const key = keyOf(i);
        const like = distinct
          .filter((k) => k !== key)
          .map((k) => `"${k}"`)
          .join(', ');
        const { count, others } = otherRows(all, row);
        issues.push(
          issue(
            'similar-key',
            'warning',
            `${rowLabel(row)}: mapping key "${key}" differs from ${like} (row(s) ${others}) only by case or leading zeros; probably the same person — check the source`,
            {
              row,
              rows: all,
              key,
              field: compiled.keyAttribute,
              params: { id: 'issue.similar-key.text', row, key, like, count, others },
            },
          ),
        );
      }
    }

    for (const [mail, list] of emails.repeats()) {
      if (new Set(list.map(keyOf)).size < 2) continue;
      const email = emailOf(mail);
      const all = list.map(rowOf);
      for (const i of list) {
        const row = rowOf(i);
        const problem = issue(
          'duplicate-email',
          'error',
          `${rowLabel(row)}: email "${email}" is also used in row(s) ${all.filter((x) => x !== row).join(', ')} (compared without case and spaces); Plek needs a unique email per account`,
          {
            row,
            rows: all,
            key: keyOf(i),
            field: WORK_EMAIL,
            params: { id: 'issue.duplicate-email.text', row, email, ...otherRows(all, row) },
          },
        );
        issues.push(problem);
        block(row, problem);
      }
    }

    if (options.previous) {
      issues.push(...keyChanges(newKeyRows, index, keyFirst, options.previous, compiled.keyAttribute, block));
    }

    const schema = compiled.loginSchema;
    if (schema) {
      for (const { row, problem } of loginExhausted) {
        issues.push(problem);
        block(row, problem);
      }
      for (const [base, list] of loginDups) {
        const rows = list.map(rowOf);
        const given = rows
          .slice(1)
          .map((row) => logins.get(row) ?? '?')
          .join(', ');
        issues.push(
          issue(
            'login-collision',
            'info',
            `login "${base}@${loginDomain}" is shared by rows ${rows.join(', ')}; row ${rows[0]} keeps it, the others get _<${suffixAttribute}> (${given}). An account that already holds a login in Plek always keeps it.`,
            {
              row: rows[1]!,
              rows,
              field: schema.target,
              params: {
                id: 'issue.login-collision.text',
                login: `${base}@${loginDomain}`,
                rows: rows.join(', '),
                first: rows[0]!,
                suffix: suffixAttribute,
                given,
              },
            },
          ),
        );
      }
    }

    const summary: MappingRunSummary = {
      rows: counts.rows + sourceErrorRows.size,
      users: {
        active: 0,
        deactivate: 0,
        leavingLater: 0,
        startingLater: 0,
        skipped: counts.skipped,
        error: counts.earlyError + sourceErrorRows.size,
      },
    };
    // The rows' statuses were counted as they were filed; a row a cross-row check blocked moves to the errors.
    const byStatus = Array.from(index.statusCounts);
    let leavingLater = index.leavingActive;
    const blockedAt = (i: number) => {
      const status = index.status[i]!;
      byStatus[status]!--;
      byStatus[ERROR]!++;
      if (status === ACTIVE && index.leaving[i] === 1) leavingLater--;
    };
    if (blockedRows.size > 0) {
      if (index.ascending) {
        for (const row of blockedRows.keys()) {
          const i = index.find(row);
          if (i >= 0) blockedAt(i);
        }
      } else for (let i = 0; i < index.length; i++) if (blockedRows.has(index.rows[i]!)) blockedAt(i);
    }
    summary.users.active += byStatus[ACTIVE]!;
    summary.users.deactivate += byStatus[DEACTIVATE]!;
    summary.users.skipped += byStatus[STARTING]!;
    summary.users.startingLater += byStatus[STARTING]!;
    summary.users.error += byStatus[ERROR]!;
    summary.users.leavingLater += leavingLater;
    issues.sort(byRow);
    if (options.onIssue) {
      for (const i of issues) options.onIssue(i);
      return { issues: [], blockedRows, logins, loginParts, summary };
    }
    const all = held.concat(issues).sort(byRow);
    return { issues: all, blockedRows, logins, loginParts, summary };
  };

  return {
    push,
    take,
    pushVerdicts,
    expectRows(rows: number) {
      const n = Math.min(Math.max(0, Math.ceil(rows)), MAX_EXPECTED_ROWS);
      // The columns are filled in order: room beyond the estimate costs nothing until it is used (RESERVE_SLACK).
      index.reserve(Math.ceil(n * RESERVE_SLACK));
      keyFirst.reserve(n);
      emails.reserve(n);
    },
    pushSourceIssue(i: Issue) {
      if (i.row !== undefined && !HEADER_CODES.has(i.code)) {
        if (i.code === 'empty-row') {
          counts.rows++;
          counts.skipped++;
        } else if (i.severity === 'error') {
          // A bad quote can swallow many spreadsheet rows into one record: each of them is an error row.
          for (const r of i.rows ?? [i.row]) sourceErrorRows.add(r);
        }
      }
      emit(i);
    },
    finish,
  };
}

/**
 * A key that vanished while a new key appeared for the same person (same email, or same name and birth date)
 * would create a second account: `key-changed`. `candidates` are the rows whose key the previous state lacks.
 */
function keyChanges(
  candidates: readonly NewKeyRow[],
  index: RowColumns,
  currentKeys: FirstSeenKeys,
  previous: PreviousState,
  keyAttribute: string,
  block: (row: number, problem: Issue) => void,
): Issue[] {
  if (candidates.length === 0) return [];
  const vanished = previous.users.filter((u) => !currentKeys.has(keyId(u.key)));
  if (vanished.length === 0) return [];
  const byEmail = new Map<string, string>();
  const byNameBirth = new Map<string, string>();
  for (const u of vanished) {
    if (u.email) byEmail.set(normalizeMatch(u.email), u.key);
    if (u.givenName && u.familyName && u.birthDate) {
      byNameBirth.set(
        `${normalizeMatch(u.givenName)}|${normalizeMatch(u.familyName)}|${birthDateKey(u.birthDate)}`,
        u.key,
      );
    }
  }
  const out: Issue[] = [];
  for (const c of candidates) {
    const row = index.rows[c.i]!;
    const key = String(index.key(c.i));
    let old: string | undefined;
    let why = '';
    if (c.email && byEmail.has(c.email)) {
      old = byEmail.get(c.email);
      why = `same email ${c.email}`;
    } else if (c.nameBirth) {
      old = byNameBirth.get(c.nameBirth);
      why = 'same name and birth date';
    }
    if (old === undefined) continue;
    const problem = issue(
      'key-changed',
      'error',
      `${rowLabel(row)}: the mapping key changed from "${old}" to "${key}" for the same person (${why}); syncing would create a duplicate account. Restore the old ${keyAttribute} in the source, or choose a key that never changes.`,
      {
        row,
        key,
        field: keyAttribute,
        params: {
          id: 'issue.key-changed.text',
          row,
          old,
          key,
          why: why.startsWith('same email') ? 'email' : 'identity',
          email: c.email ?? '',
          attribute: keyAttribute,
        },
      },
    );
    out.push(problem);
    block(row, problem);
  }
  return out;
}

type DetailParams = Readonly<Record<`detail:${string}`, string | number>>;

/** An evaluation error's catalogue data as issue parameters: flattened once per error (see EvaluationError). */
function errorParams(error: EvalFailed['error']): DetailParams {
  return error instanceof EvaluationError ? error.detailParams(detailName) : detailParams(error.detail);
}

/**
 * An expression failure's catalogue data, flattened into the issue's parameters as `detail:<name>` (formatIssue
 * words the `{detail}` of the issue text from them); nothing when the failure has no catalogue text yet.
 */
function detailParams(detail: EvalDetail | undefined): DetailParams {
  if (!detail) return NO_DETAIL;
  // A plain loop (Object.fromEntries over mapped entries cost more than the rest of a failing row), with the
  // prefixed names made once. The result is only ever spread into an issue's parameters, never changed.
  const flat: Record<`detail:${string}`, string | number> = {};
  for (const k of Object.keys(detail)) flat[detailName(k)] = detail[k]!;
  return flat;
}

/** `detail:<name>`, made once per name. */
function detailName(name: string): `detail:${string}` {
  let prefixed = detailNames.get(name);
  if (prefixed === undefined) {
    prefixed = `detail:${name}` as const;
    detailNames.set(name, prefixed);
  }
  return prefixed;
}

const NO_DETAIL: DetailParams = Object.freeze({});
/** `detail:<name>` for each name seen (a handful: id, fn, text, line, position…). */
const detailNames = new Map<string, `detail:${string}`>();

/** A key with case and leading zeros dropped, for the look-alike check. */
function similarKey(key: string): string {
  const lower = key.toLowerCase();
  return lower.charCodeAt(0) === 0x30 ? lower.replace(/^0+(?=.)/, '') : lower;
}

/** yyyy-MM-dd plus whole days. */
function addDaysIso(iso: string, days: number): string {
  if (days === 0) return iso;
  return fromDayNumber(dayNumber({ kind: 'date', iso }) + days)?.iso ?? iso;
}

/** A birth date as a comparable key: the day when it reads as a date ("3-4-1975" = "03-04-1975" = "1975-04-03"). */
function birthDateKey(value: SourceValue | undefined): string | null {
  const text = firstText(value);
  if (text === null) return null;
  const parsed = parseAuto(text);
  return parsed && 'iso' in parsed ? parsed.iso : text;
}

/** The other rows of a duplicate, for the catalogue text ("also appears in rows 4, 9"). */
function otherRows(all: readonly number[], row: number): { count: number; others: string } {
  const others = all.filter((x) => x !== row);
  return { count: others.length, others: others.join(', ') };
}

const LOST_LETTER = /\p{L}\?+\p{L}/u;

/** Problems of the header row (row 1): they are no data row, so they never count as one. */
const HEADER_CODES: ReadonlySet<string> = new Set(['duplicate-header', 'empty-header']);

/** The warning for a field whose expression failed on a row: the field is left null (unchanged in Plek). */
function fieldFailed(row: number, key: string, f: CompiledField, r: EvalFailed): Issue {
  const { code, message } = r.error;
  // What issue() makes, written out (a file may fail so on every row): the same properties in the same order.
  return {
    code,
    severity: 'warning',
    message: `${rowLabel(row)}: ${f.written}: ${message}; the field is left unchanged in Plek`,
    row,
    key,
    field: f.written,
    params: {
      id: 'issue.eval.field',
      row,
      field: f.written,
      detail: message,
      ...errorParams(r.error),
    },
  };
}

/** The note on a row whose end date lies ahead. */
function leavingLater(row: number, key: string, date: string): Issue {
  return issue('leaving-later', 'info', `${rowLabel(row)}: leaves on ${date}; stays active until then`, {
    row,
    key,
    field: 'deactivation.endDate',
    params: { id: 'issue.leaving-later.text', row, date },
  });
}

/** The groups an active user's mapped fields put them in, by the mapping's group rules (none for a leaver). */
function groupsOf(
  compiled: CompiledMapping,
  attributes: Record<string, FlatValue>,
  active: boolean,
): string[] {
  const groups: string[] = [];
  if (!active) return groups;
  for (const rule of compiled.groupRules) {
    const v = attributes[rule.target];
    if (typeof v === 'string' && rule.match.has(normalizeMatch(v)) && !groups.includes(rule.group)) {
      groups.push(rule.group);
    }
  }
  return groups;
}

/** What a plain row files when no attributes were made: nothing reads them then (attributesRead). */
const NO_ATTRIBUTES: FlatUser = Object.freeze({}) as FlatUser;

/** The groups of every user of a run that works out no groups (`statusOnly`). */
const NO_GROUPS: string[] = Object.freeze([]) as unknown as string[];

/** Shared by every untraced user: nothing is written to it (finalizeOutcome checks that it is empty). */
const NO_TRACE: Record<string, TraceEntry> = Object.freeze({}) as Record<string, TraceEntry>;

function toFlat(value: Value, boolean: boolean): FlatValue {
  if (boolean) {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const t = value.trim().toLowerCase();
      if (['true', 'ja', 'yes', '1', 'actief', 'active'].includes(t)) return true;
      if (['false', 'nee', 'no', '0', 'inactief', 'inactive'].includes(t)) return false;
    }
    return null;
  }
  const text = valueToText(value);
  if (text === null) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Files a problem that blocks an active user's row and is only a warning on a leaver's; true when it blocks.
 */
function leaverProblem(issues: Issue[], active: boolean, p: Issue): boolean {
  if (active) {
    issues.push(p);
    return true;
  }
  issues.push({
    ...p,
    severity: 'warning',
    message: `${p.message} (the source says this person left, so the account is deactivated anyway)`,
  });
  return false;
}

function byRow(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * Applies what `finish()` decided to a provisional outcome: cross-row errors block the row, the final login is
 * set. Used by in-memory runs and by the second pass of a streaming run.
 */
export function finalizeOutcome(
  outcome: RowOutcome,
  finished: RunFinish,
  compiled: CompiledMapping,
): RowOutcome {
  if (outcome.status === 'skipped' && outcome.key !== undefined) {
    const blocked = finished.blockedRows.get(outcome.row);
    return blocked ? { status: 'error', row: outcome.row, key: outcome.key, issues: blocked } : outcome;
  }
  if (outcome.status !== 'mapped') return outcome;
  const { user } = outcome;
  const blocked = finished.blockedRows.get(user.row);
  if (blocked) return { status: 'error', row: user.row, key: user.key, issues: blocked };
  const login = finished.logins.get(user.row);
  if (login !== undefined && compiled.loginSchema) {
    user.attributes[compiled.loginSchema.target] = login;
    const parts = finished.loginParts.get(user.row);
    if (parts) user.login = { target: compiled.loginSchema.target, ...parts };
    if (Object.keys(user.trace).length > 0) {
      user.trace[compiled.loginSchema.target] = {
        rule: 'loginSchema',
        inputs: {},
        value: login,
      };
    }
  }
  return outcome;
}

/** Maps records held in memory (preview, tests, plan): push all, finish, finalize. */
export function mapRecords(
  compiled: CompiledMapping,
  records: Iterable<SourceRecord>,
  options: RunOptions,
  sourceIssues: readonly Issue[] = [],
): MappingResult {
  const run = createMappingRun(compiled, options);
  for (const i of sourceIssues) run.pushSourceIssue(i);
  const provisional: RowOutcome[] = [];
  for (const record of records) provisional.push(run.push(record));
  const finished = run.finish();
  const outcomes = provisional.map((o) => finalizeOutcome(o, finished, compiled));
  return { outcomes, issues: finished.issues, summary: finished.summary };
}

/**
 * True when each row's row-local stage depends on that row alone (every expression is pure), so that rows may be
 * evaluated in any thread, in any share: a `ParseDate(…, "auto")` remembers what earlier rows held.
 */
export function rowsAreIndependent(compiled: CompiledMapping): boolean {
  const exprs = [compiled.scope, compiled.endDate, compiled.inactiveWhen, compiled.startDate];
  return compiled.fields.every((f) => f.expr.pure) && exprs.every((e) => e === null || e.pure);
}

/** The fields a run leaves unevaluated: with `statusOnly`, those that can never fail and that no check reads. */
function unobservedFields(compiled: CompiledMapping, statusOnly: boolean): boolean[] {
  // What the checks of a row read of its attributes: required fields, `active`, the login schema's parts.
  const readByChecks = new Set<string>([...REQUIRED_FOR_CREATE, 'active']);
  if (compiled.loginSchema) {
    readByChecks.add(compiled.loginSchema.beginTarget);
    if (compiled.loginSchema.endTarget !== null) readByChecks.add(compiled.loginSchema.endTarget);
  }
  // A run that keeps no users evaluates a field only when it may fail (an issue) or a check reads it.
  return compiled.fields.map((f) => statusOnly && f.expr.neverFails === true && !readByChecks.has(f.target));
}

/**
 * The columns the row-local stage of a run reads of a record (`rowStage`: no users kept, no trace; `identity`: a
 * previous state): a reader may leave every other cell null and the verdicts stay the same. Saves the reading
 * thread a string per cell nobody reads (a title or a location that can never fail is not evaluated).
 */
export function rowStageColumns(compiled: CompiledMapping, identity: boolean): Set<string> {
  const read = new Set<string>([compiled.keyAttribute, ...compiled.nameColumns]);
  const unobserved = unobservedFields(compiled, true);
  compiled.fields.forEach((f, fi) => {
    if (!unobserved[fi]) for (const r of f.expr.references) read.add(r);
  });
  for (const e of [compiled.scope, compiled.endDate, compiled.inactiveWhen, compiled.startDate])
    if (e !== null) for (const r of e.references) read.add(r);
  const birth = compiled.mapping.mappingKey.birthDateAttribute;
  if (identity && birth) read.add(birth);
  if (compiled.loginSchema) read.add(compiled.loginSchema.collisionSuffixField ?? compiled.keyAttribute);
  return read;
}
