import { setMaxListeners } from 'node:events';
import type { SafetyThresholds } from '../../shared/mapping/schema';
import { MANAGER_PATH, recomputeSafety } from '../../shared/plan/compute';
import { CompactCreate, eachField, fieldManagerKey } from '../../shared/plan/compact';
import type { FieldChange, Plan, PlanChange } from '../../shared/plan/types';
import {
  buildScimUser,
  getPath,
  setPath,
  toScimUser,
  type FlatUser,
  type FlatValue,
  type ScimUser,
  ScimUserWriter,
} from '../../shared/scim/resource';
import { ScimUserJson, type AttributeWrite, type ScimClient } from '../scim/client';
import { said, type CodedMessage } from '../../shared/i18n/message';
import { AbortedError, failureMessage, ScimRequestError } from '../scim/errors';
import { Journal, type JournalState } from './journal';
import {
  reportFileRows,
  reportRows,
  reportRowsOneByOne,
  type FileRow,
  type OpResult,
  type ReportLine,
  type ReportRow,
  type RunReport,
  type RunStatus,
} from './report';

export interface ApplyProgress {
  done: number;
  total: number;
  /** Operations per second in this session. */
  rate: number;
  etaSeconds: number | null;
  lastOp?: { op: string; action: string; result: OpResult; error?: string; failure?: CodedMessage };
}

export interface ApplyOptions {
  client: ScimClient;
  journalPath: string;
  onEvent?: (p: ApplyProgress) => void;
  signal?: AbortSignal;
  /** Operations in flight (the client's own limit caps requests); default 16. */
  workers?: number;
  /** Members per group PATCH; default 100. */
  groupBatchSize?: number;
  /** Use /Bulk for creates when the target supports it (default true), in batches of `bulkSize` (default 50). */
  bulk?: boolean;
  bulkSize?: number;
  now?: () => number;
  /**
   * The safety verdict is recomputed from the plan's changes before anything is written (the `safety.ok` in a
   * plan file is never trusted): with the mapping's thresholds and this run's override. Without thresholds, the
   * inputs the plan recorded are used.
   */
  safety?: { thresholds?: SafetyThresholds; allowMassDeactivation?: boolean };
}

export interface ApplyResult {
  /** `report.rows` is built when first read; a writer that streams reads `rows()` instead. */
  report: RunReport;
  /** The report's rows one at a time, without holding them all (a 100,000-row report file). */
  rows(): Iterable<ReportRow>;
  /** `rows()` for the report files: a compact create's changes are not made (see `FileRow`). */
  fileRows(): Iterable<FileRow>;
  status: RunStatus;
  blocked: boolean;
  aborted: boolean;
  failed: number;
}

const EXECUTABLE = new Set([
  'create',
  'update',
  'deactivate',
  'reactivate',
  'link',
  'groupAdd',
  'createGroup',
]);

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** A failure the sync itself words (not the target's answer): English text and the same as a coded message. */
class CodedError extends Error {
  constructor(
    message: string,
    readonly said: CodedMessage,
  ) {
    super(message);
  }
}

/** An operation that was not attempted because of what happened to another one (reported, not a failure). */
class Skip extends CodedError {}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Why an operation failed, as a coded message: the sync's own words, else the target's answer classified. */
function failureOf(e: unknown): CodedMessage {
  return e instanceof CodedError ? e.said : failureMessage(e);
}

/** A warning on an operation: English text (logs, journal) and the coded message the report words. */
interface Note {
  text: string;
  said: CodedMessage;
}

interface Task {
  ops: string[];
  /** Per operation: the Plek id it produced or touched, or the Error it failed with. */
  run: (resumed: boolean) => Promise<(string | undefined | Error)[] | void>;
}

/**
 * The creates in waves: the first holds those whose manager is not created in this run, each next one those
 * whose manager is in an earlier wave (plan order kept within a wave). Creates in a manager cycle (a manager of
 * themselves, directly or further up) and those below them come last, in `cyclic`: created without the reference,
 * which a follow-up PATCH sets once they all exist.
 */
export function createWaves(creates: readonly PlanChange[]): { waves: PlanChange[][]; cyclic: Set<string> } {
  // By position: each create's manager among the creates (the last create with that key, -1 for none), then each
  // create's depth, found from the managers down (-1: not reached, a cycle or below one). Keyless creates: depth 0.
  const n = creates.length;
  const at = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = creates[i]!.key;
    if (key !== undefined) at.set(key, i);
  }
  const depth = new Int32Array(n).fill(-1);
  /** Per manager (position): the first and the next of its team, as linked lists (-1 ends one). */
  const firstMember = new Int32Array(n).fill(-1);
  const nextMember = new Int32Array(n).fill(-1);
  let level: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = creates[i]!;
    if (c.key === undefined) {
      depth[i] = 0;
      continue;
    }
    const m = fieldManagerKey(c);
    const boss = m === undefined ? undefined : at.get(m);
    if (boss !== undefined) {
      nextMember[i] = firstMember[boss]!;
      firstMember[boss] = i;
    } else {
      depth[i] = 0;
      level.push(i);
    }
  }
  // A key held by more than one create (never in a plan: a conflict) is one manager: the team hangs on its last.
  for (let d = 1; level.length > 0; d++) {
    const next: number[] = [];
    for (const k of level) {
      const boss = at.get(creates[k]!.key!)!;
      // Members in the order they were met (the list holds them last first).
      const team: number[] = [];
      for (let m = firstMember[boss]!; m >= 0; m = nextMember[m]!) team.push(m);
      for (let t = team.length - 1; t >= 0; t--) {
        const m = team[t]!;
        if (depth[m] === -1 || depth[m]! >= d) {
          depth[m] = d;
          next.push(m);
        }
      }
    }
    level = next;
  }
  const waves: PlanChange[][] = [];
  const last: PlanChange[] = [];
  const cyclic = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = creates[i]!;
    const d = depth[i]!;
    if (d < 0) {
      cyclic.add(c.key as string);
      last.push(c);
      continue;
    }
    (waves[d] ??= []).push(c);
  }
  if (last.length) waves.push(last);
  return { waves: waves.filter((w) => w.length > 0), cyclic };
}

/**
 * Applies a plan to Plek: groups first, then creates, then updates and manager references, then group
 * memberships. Journaled and resumable: a run killed at any point and started again with the same journal
 * converges, with no duplicate account (a create that may have happened is looked up by externalId first).
 * Refuses a plan whose safety verdict is not ok. Never deletes.
 */
export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  const now = options.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  const { client, signal } = options;
  const verdict = recomputeSafety(plan, options.safety ?? {});
  const lines = new Map<string, ReportLine>();
  for (const c of plan.changes) {
    // Key by key in this order (the report file's), without an object spread per operation.
    const line: ReportLine = {
      row: c.row ?? null,
      key: c.key ?? null,
      action: c.action,
      result:
        !verdict.ok && EXECUTABLE.has(c.action)
          ? 'blocked'
          : EXECUTABLE.has(c.action)
            ? 'not-run'
            : (c.action as OpResult),
    };
    if (c.targetId) line.targetId = c.targetId;
    if (c.group) line.group = c.group;
    if (c.action === 'conflict' || c.action === 'skipped') {
      line.error = c.reason;
      if (c.reasons?.length) line.errorMessages = c.reasons;
    }
    lines.set(c.op, line);
  }
  /** The plan's target warnings and what the client met while applying, each once (texts and codes paired). */
  const targetWarnings = (): { warnings?: string[]; warningMessages?: CodedMessage[] } => {
    const warnings: string[] = [];
    const warningMessages: CodedMessage[] = [];
    const add = (texts: readonly string[], coded: readonly CodedMessage[] | undefined) =>
      texts.forEach((text, i) => {
        if (warnings.includes(text)) return;
        warnings.push(text);
        warningMessages.push(coded?.[i] ?? said('report.failure.other', { detail: text }));
      });
    add(plan.target.warnings ?? [], plan.target.warningMessages);
    add(client.warnings, client.warningMessages);
    return warnings.length ? { warnings, warningMessages } : {};
  };
  const finish = (blocked: boolean, aborted: boolean): ApplyResult => {
    const all = [...lines.values()];
    const totals = { ok: 0, failed: 0, 'not-run': 0, noop: 0, conflict: 0, skipped: 0, blocked: 0 } as Record<
      OpResult,
      number
    >;
    let warnings = 0;
    for (const l of all) {
      totals[l.result] += 1;
      if (l.warning) warnings++;
    }
    // And those that went through with a warning the plan gave them (a login suffixed, a manager left out).
    for (const c of plan.changes) {
      if (!c.warnings?.length) continue;
      const l = lines.get(c.op);
      if (l && l.result === 'ok' && !l.warning) warnings++;
    }
    const status: RunStatus = blocked
      ? 'blocked'
      : aborted
        ? 'interrupted'
        : totals.failed > 0
          ? 'completed-with-failures'
          : 'completed';
    let rows: ReportRow[] | undefined;
    return {
      blocked,
      aborted,
      status,
      failed: totals.failed,
      report: {
        version: 1,
        status,
        target: { url: plan.target.url, ...targetWarnings() },
        startedAt,
        finishedAt: new Date(now()).toISOString(),
        safety: {
          ok: verdict.ok,
          reasons: verdict.reasons,
          ...(verdict.messages ? { messages: verdict.messages } : {}),
        },
        totals,
        warnings,
        // Built on first read: the CLI writes its report files from rows() and never holds them all.
        get rows() {
          return (rows ??= reportRows(plan, lines));
        },
        notInSource: plan.notInSource ?? [],
        lines: all,
      },
      rows: () => reportRowsOneByOne(plan, lines),
      fileRows: () => reportFileRows(plan, lines),
    };
  };
  if (!verdict.ok) return finish(true, false);

  const { journal, state } = Journal.open(options.journalPath, plan);
  // Every in-flight request listens to the same signal.
  if (signal) setMaxListeners(0, signal);
  const idByKey = new Map<string, string>();
  const groupIdByName = new Map<string, string>();
  for (const c of plan.changes) {
    if (c.key && c.targetId && c.action !== 'conflict') idByKey.set(c.key, c.targetId);
    if (c.group && c.groupId) groupIdByName.set(c.group.toLowerCase(), c.groupId);
  }
  for (const c of plan.changes) {
    const id = state.done.get(c.op)?.id;
    if (!id) continue;
    if (c.action === 'create' && c.key) idByKey.set(c.key, id);
    if (c.action === 'createGroup' && c.group) groupIdByName.set(c.group.toLowerCase(), id);
  }
  const etags = await client.etagsSupported().catch(() => false);

  const creates = plan.changes.filter((c) => c.action === 'create');
  // Creates go in manager order, so a new account's manager reference is part of its create. Only managers in
  // a cycle (and those left out in an interrupted earlier session) need a follow-up PATCH.
  const { waves, cyclic } = createWaves(creates);
  const managerFollowUps = creates.filter(
    (c) =>
      c.key !== undefined &&
      (cyclic.has(c.key) || state.failed.has(`manager:${c.key}`) || state.inFlight.has(`manager:${c.key}`)) &&
      fieldManagerKey(c) !== undefined,
  );
  for (const c of managerFollowUps) {
    lines.set(`manager:${c.key}`, {
      row: c.row ?? null,
      key: c.key ?? null,
      action: 'manager',
      result: 'not-run',
    });
  }
  let total = 0;
  for (const l of lines.values()) if (l.result === 'not-run') total += 1;
  /** Per operation: what was left out although the operation went through (reported once, on that line). */
  const warningsByOp = new Map<string, Note>();
  const rowByKey = new Map<string, number>();
  for (const c of plan.changes)
    if (c.key && c.row !== undefined && c.op.startsWith('user:')) rowByKey.set(c.key, c.row);
  /** Why a manager created in this run has no Plek id: its own row and error, for the dependents' warning. */
  const managerMissing = (key: string): Note => {
    const line = lines.get(`user:${key}`);
    const row = rowByKey.get(key);
    const why =
      line?.result === 'failed'
        ? `its create failed: ${line.error ?? 'unknown error'}`
        : line?.result === 'not-run'
          ? 'it was not created (interrupted)'
          : 'it was not created';
    const where = { key, row: row ?? '?' };
    return {
      text: `manager reference left out: manager "${key}"${row !== undefined ? ` (row ${row})` : ''} has no Plek account, ${why}`,
      said:
        line?.result === 'failed'
          ? said('report.warning.managerFailed', {
              ...where,
              error: line.errorMessages ?? [said('report.failure.other', { detail: line.error ?? '?' })],
            })
          : said('report.warning.managerNotCreated', {
              ...where,
              interrupted: line?.result === 'not-run' ? 'yes' : 'no',
            }),
    };
  };
  let done = 0;
  let doneThisSession = 0;
  const sessionStart = now();
  let lastEmit = 0;
  /** An event is due (failures always, others at most 10 a second, and the last one). */
  const due = (force: boolean): boolean =>
    options.onEvent !== undefined && (force || done >= total || now() - lastEmit >= 100);
  const emit = (lastOp?: ApplyProgress['lastOp'], force = false): void => {
    if (!options.onEvent) return;
    const t = now();
    if (!force && t - lastEmit < 100 && done < total) return;
    lastEmit = t;
    const elapsed = Math.max(0.001, (t - sessionStart) / 1000);
    const rate = doneThisSession / elapsed;
    options.onEvent({
      done,
      total,
      rate,
      etaSeconds: rate > 0 ? (total - done) / rate : null,
      ...(lastOp ? { lastOp } : {}),
    });
  };

  const record = (
    op: string,
    result: OpResult,
    extra: { id?: string; error?: string; failure?: CodedMessage } = {},
  ): void => {
    const line = lines.get(op);
    if (line) {
      line.result = result;
      if (extra.id && line.action !== 'groupAdd' && line.action !== 'createGroup') line.targetId = extra.id;
      if (extra.error) line.error = extra.error;
      if (extra.failure) line.errorMessages = [extra.failure];
      const warning = warningsByOp.get(op);
      if (warning) {
        line.warning = warning.text;
        line.warningMessage = warning.said;
      }
    }
    done += 1;
    doneThisSession += 1;
    // Failures always reach the UI (its live failure count); other events are throttled to 10 a second (the
    // event is made only when it goes out: 124,000 operations in an import).
    if (!due(result === 'failed')) return;
    emit(
      {
        op,
        action: line?.action ?? '',
        result,
        ...(extra.error ? { error: extra.error } : {}),
        ...(extra.failure ? { failure: extra.failure } : {}),
      },
      result === 'failed',
    );
  };

  async function execute(task: Task): Promise<void> {
    const pending = task.ops.filter((op) => {
      if (!state.done.has(op)) return true;
      const id = state.done.get(op)?.id;
      record(op, 'ok', id ? { id } : {});
      doneThisSession -= 1;
      return false;
    });
    if (pending.length === 0) return;
    const resumed = pending.some((op) => state.inFlight.has(op));
    journal.appendMany(pending.map((op) => ({ t: 'intent' as const, op })));
    try {
      const results = (await task.run(resumed)) ?? [];
      journal.appendMany(
        pending.map((op, i) => {
          const res = results[i];
          return res instanceof Error
            ? { t: 'fail' as const, op, error: res.message }
            : { t: 'done' as const, op, ...(res ? { id: res } : {}) };
        }),
      );
      pending.forEach((op, i) => {
        const res = results[i];
        if (res instanceof Skip) record(op, 'skipped', { error: res.message, failure: res.said });
        else if (res instanceof Error) record(op, 'failed', { error: res.message, failure: failureOf(res) });
        else record(op, 'ok', res ? { id: res } : {});
      });
    } catch (e) {
      if (e instanceof AbortedError || signal?.aborted) throw new AbortedError();
      if (e instanceof Skip) {
        journal.appendMany(pending.map((op) => ({ t: 'fail' as const, op, error: e.message })));
        for (const op of pending) record(op, 'skipped', { error: e.message, failure: e.said });
        return;
      }
      const error = errorText(e);
      const failure = failureOf(e);
      journal.appendMany(pending.map((op) => ({ t: 'fail' as const, op, error })));
      for (const op of pending) record(op, 'failed', { error, failure });
    }
  }

  async function pool(tasks: Task[]): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: Math.min(options.workers ?? 16, tasks.length) }, async () => {
      while (next < tasks.length) {
        if (signal?.aborted) throw new AbortedError();
        const task = tasks[next++];
        if (task) await execute(task);
      }
    });
    await Promise.all(workers);
  }

  /**
   * The manager reference, or null when the manager was to be created in this run and was not: the dependent's
   * own changes still go through, only this reference is left out (with a warning on the operation).
   */
  const resolveManagerOp = (f: FieldChange, op: string): AttributeWrite | null => {
    const id = f.managerKey !== undefined ? idByKey.get(f.managerKey) : f.after;
    if (f.managerKey !== undefined && !id) {
      warningsByOp.set(op, managerMissing(f.managerKey));
      return null;
    }
    return id
      ? { op: 'replace', path: MANAGER_PATH, value: { value: id } }
      : { op: 'remove', path: MANAGER_PATH };
  };

  const toOps = (fields: FieldChange[], current: ScimUser | null, op: string): AttributeWrite[] => {
    const ops: AttributeWrite[] = [];
    for (const f of fields) {
      if (current) {
        const have = getPath(current, f.path);
        if (f.op === 'remove' && blank(have)) continue;
        if (f.policy === 'fillIfEmpty' && !blank(have)) continue;
        const want = f.managerKey !== undefined ? idByKey.get(f.managerKey) : f.after;
        if (f.op !== 'remove' && have === want) continue;
      }
      if (f.path === MANAGER_PATH) {
        const m = resolveManagerOp(f, op);
        if (m) ops.push(m);
      } else if (f.op === 'remove') ops.push({ op: 'remove', path: f.path });
      else ops.push({ op: f.op, path: f.path, value: f.after });
    }
    return ops;
  };

  const gone = (id: string) =>
    new CodedError(`Plek account ${id} no longer exists`, said('report.failure.notFound', { detail: id }));

  async function patchAccount(c: PlanChange, resumed: boolean, op = c.op): Promise<string> {
    const id = c.targetId;
    if (!id)
      throw new CodedError(
        'no Plek account id in the plan',
        said('report.failure.other', { detail: 'no Plek account id in the plan' }),
      );
    let current: ScimUser | null = null;
    let ifMatch = etags ? c.version : undefined;
    if (resumed) {
      // The previous run may have written this already: compare with Plek's current values.
      const fresh = await client.getUser(id, signal);
      if (!fresh) throw gone(id);
      current = fresh.user;
      ifMatch = etags ? fresh.etag : undefined;
    }
    let ops = toOps(c.fields ?? [], current, op);
    if (ops.length === 0) return id;
    try {
      // The client turns the writes into PATCH operations the target takes (its write strategy).
      await client.updateUser(id, ops, {
        ...(ifMatch ? { ifMatch } : {}),
        current,
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (!(e instanceof ScimRequestError && e.status === 412)) throw e;
      // Changed in Plek since the plan: re-read and send only what still differs.
      const fresh = await client.getUser(id, signal);
      if (!fresh) throw gone(id);
      ops = toOps(c.fields ?? [], fresh.user, op);
      if (ops.length > 0)
        await client.updateUser(id, ops, {
          ...(etags && fresh.etag ? { ifMatch: fresh.etag } : {}),
          current: fresh.user,
          ...(signal ? { signal } : {}),
        });
    }
    return id;
  }

  /**
   * The Plek id of a create's manager (by the manager's mapping key), or undefined: a manager in a cycle is set
   * by the follow-up once the whole cycle exists; a manager that was not created is warned about here, once.
   */
  function managerId(c: PlanChange, managerKey: string): string | undefined {
    if (cyclic.has(c.key as string)) return undefined;
    const id = idByKey.get(managerKey);
    if (id) return id;
    const warning = managerMissing(managerKey);
    warningsByOp.set(c.op, warning);
    journal.append({ t: 'fail', op: `manager:${c.key}`, error: warning.text });
    return undefined;
  }

  /**
   * The account to create. A manager created earlier in this run is referred to by its new id; one that was not
   * created is left out with a warning on this create (and a journal note, so a resumed run sets it later).
   */
  function createResource(c: PlanChange): ScimUser {
    let manager: string | undefined;
    const fill = (set: (path: string, value: FlatValue) => void) =>
      eachField(c, (path, after, managerKey) => {
        if (managerKey !== undefined) manager = managerId(c, managerKey) ?? manager;
        else if (path === MANAGER_PATH) manager = String(after);
        else set(path, after);
      });
    let resource: ScimUser;
    if (c instanceof CompactCreate) {
      // Straight from the create's row of values (each path once): no fields, no flat user in between.
      resource = buildScimUser(c.key as string, fill);
    } else {
      const flat: FlatUser = {};
      fill((path, value) => {
        flat[path] = value;
      });
      resource = toScimUser(flat, c.key as string);
    }
    if (manager) setPath(resource, MANAGER_PATH, manager);
    return resource;
  }

  const writer = new ScimUserWriter();
  /**
   * A create for /Bulk: a compact create's account as JSON text straight from its row (the same text the
   * account object would give, see ScimUserWriter), else the account as an object. The manager is looked up as
   * in createResource, with the same warnings.
   */
  function createAccount(c: PlanChange): ScimUser | ScimUserJson {
    if (!(c instanceof CompactCreate)) return createResource(c);
    let manager: string | undefined;
    const paths: string[] = [];
    const values: (string | boolean)[] = [];
    c.eachField((path, after, managerKey) => {
      if (managerKey !== undefined) manager = managerId(c, managerKey) ?? manager;
      else if (path === MANAGER_PATH) manager = String(after);
      else if (after !== null) {
        paths.push(path);
        values.push(after);
      }
    });
    const key = c.key as string;
    const build = (): ScimUser => {
      const resource = buildScimUser(key, (set) => paths.forEach((p, i) => set(p, values[i]!)));
      if (manager) setPath(resource, MANAGER_PATH, manager);
      return resource;
    };
    const json = writer.json(key, paths, values, manager || undefined);
    return json !== null ? new ScimUserJson(json, key, build) : build();
  }

  async function create(c: PlanChange, resumed: boolean): Promise<string> {
    const key = c.key as string;
    if (resumed) {
      const existing = await client.findUserByExternalId(key, signal);
      if (existing?.id) {
        idByKey.set(key, existing.id);
        return existing.id;
      }
    }
    const { user } = await client.createUser(createResource(c), signal);
    if (!user.id)
      throw new CodedError('Plek returned no id for the new account', said('report.failure.noId'));
    idByKey.set(key, user.id);
    return user.id;
  }

  /** Creates through /Bulk (one request per batch) when the target supports it. */
  function createTasks(creates: readonly PlanChange[], bulkMax: number): Task[] {
    if (bulkMax < 2)
      return creates.map((c) => ({ ops: [c.op], run: async (resumed) => [await create(c, resumed)] }));
    const size = Math.min(bulkMax, options.bulkSize ?? 50);
    const tasks: Task[] = [];
    for (let i = 0; i < creates.length; i += size) {
      const slice = creates.slice(i, i + size);
      tasks.push({
        ops: slice.map((c) => c.op),
        run: async (resumed) => {
          // execute() hands over only the operations not yet done; keep the same order.
          const todo = slice.filter((c) => !state.done.has(c.op));
          let found: (string | Error | null)[] = todo.map(() => null);
          if (resumed) {
            // After a crash mid-batch: what the lost request created is found by externalId; the rest goes
            // through /Bulk again (createUsersBulk checks any answer it cannot read the same way).
            found = await Promise.all(
              todo.map((c) =>
                client.findUserByExternalId(c.key as string, signal).then(
                  (u) => u?.id ?? null,
                  (e: unknown) => (e instanceof AbortedError ? Promise.reject(e) : (e as Error)),
                ),
              ),
            );
          }
          const rest = todo.filter((_, j) => found[j] === null);
          const created = rest.length ? await client.createUsersBulk(rest.map(createAccount), signal) : [];
          let next = 0;
          const results = found.map((f) => f ?? (created[next++] as string | Error));
          results.forEach((r, j) => {
            if (typeof r === 'string') idByKey.set(todo[j]?.key as string, r);
          });
          return results;
        },
      });
    }
    return tasks;
  }

  try {
    // 1. Groups the rules need.
    await pool(
      plan.changes
        .filter((c) => c.action === 'createGroup')
        .map((c) => ({
          ops: [c.op],
          run: async () => {
            const g = await client.ensureGroup(c.group as string, signal);
            groupIdByName.set((c.group as string).toLowerCase(), g.id);
            return [g.id];
          },
        })),
    );
    // 2. New accounts (before anything that may refer to them as manager), managers before their teams.
    const bulkMax = options.bulk === false ? 0 : await client.bulkMaxOperations();
    for (const wave of waves) await pool(createTasks(wave, bulkMax));
    // 3. Links, updates, (de|re)activations and manager references of new accounts.
    const updates: Task[] = plan.changes
      .filter(
        (c) =>
          c.action === 'update' ||
          c.action === 'link' ||
          c.action === 'deactivate' ||
          c.action === 'reactivate',
      )
      .map((c) => ({ ops: [c.op], run: async (resumed) => [await patchAccount(c, resumed)] }));
    for (const c of managerFollowUps) {
      const fields = (c.fields ?? []).filter((f) => f.managerKey !== undefined);
      updates.push({
        ops: [`manager:${c.key}`],
        run: async (resumed) => {
          const id = idByKey.get(c.key as string);
          // Its own create failed: that failure is reported once, on the create.
          if (!id) throw new Skip('the account was not created', said('report.failure.notCreated'));
          const missing = fields.find((f) => f.managerKey !== undefined && !idByKey.get(f.managerKey));
          if (missing?.managerKey !== undefined) {
            const warning = managerMissing(missing.managerKey);
            warningsByOp.set(`manager:${c.key}`, warning);
            throw new Skip(warning.text, warning.said);
          }
          return [await patchAccount({ ...c, targetId: id, fields }, resumed, `manager:${c.key}`)];
        },
      });
    }
    await pool(updates);
    // 4. Group memberships: add-only, batched per group.
    const byGroup = new Map<string, PlanChange[]>();
    for (const c of plan.changes) {
      if (c.action !== 'groupAdd' || !c.group) continue;
      const k = c.group.toLowerCase();
      const list = byGroup.get(k);
      if (list) list.push(c);
      else byGroup.set(k, [c]);
    }
    const batch = options.groupBatchSize ?? 100;
    const memberTasks: Task[] = [];
    for (const [k, list] of byGroup) {
      // Accounts whose create failed cannot join; they fail on their own so the rest of the batch goes ahead.
      const missing = list.filter((c) => !(c.targetId ?? idByKey.get(c.key as string)));
      for (const c of missing) {
        memberTasks.push({
          ops: [c.op],
          run: () =>
            Promise.reject(
              new Skip(
                'the account was not created, so it cannot join the group',
                said('report.failure.notCreatedGroup'),
              ),
            ),
        });
      }
      const left = new Set(missing);
      const present = missing.length ? list.filter((c) => !left.has(c)) : list;
      for (let i = 0; i < present.length; i += batch) {
        const slice = present.slice(i, i + batch);
        memberTasks.push({
          ops: slice.map((c) => c.op),
          run: async () => {
            const groupId = groupIdByName.get(k);
            if (!groupId)
              throw new CodedError(
                `group "${slice[0]?.group}" does not exist (its creation failed)`,
                said('report.failure.groupMissing', { group: slice[0]?.group ?? '' }),
              );
            const ids = slice.map((c) => (c.targetId ?? idByKey.get(c.key as string)) as string);
            await client.addGroupMembers(groupId, ids, signal);
            return ids;
          },
        });
      }
    }
    await pool(memberTasks);
  } catch (e) {
    if (!(e instanceof AbortedError)) throw e;
    journal.close();
    emit(undefined, true);
    return finish(false, true);
  }
  journal.close();
  emit(undefined, true);
  return finish(false, false);
}

export type { JournalState };
