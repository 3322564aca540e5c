import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { EventName } from '../../shared/api/channels';
import { createApi } from '../../shared/api/client';
import {
  ApiFailure,
  PLAN_ACTIONS,
  type AppInfo,
  type EventMap,
  type PlanAction,
  type PlanChangeView,
  type PlanView,
  type ProjectDocument,
  type Request,
  type RunReport,
  type SandboxStatus,
  type SourceSample,
  type ValidationResult,
  type WorkbenchApi,
  type WorkbenchHandlers,
} from '../../shared/api/contract';
import { isSafeProjectFileName, isSafeFileName } from '../../shared/api/validators';
import { compileMapping, type CompiledMapping } from '../../shared/engine/compile';
import { mapRecords } from '../../shared/engine/run';
import type { Issue } from '../../shared/issues';
import {
  parseMapping,
  parseMappingText,
  stringifyMapping,
  type MappingProblem,
} from '../../shared/mapping/load';
import {
  sourceSchema,
  type MappingFile,
  type MappingFileInput,
  type MappingSource,
} from '../../shared/mapping/schema';
import type { Plan, PlanChange } from '../../shared/plan/types';
import type { SourceRecord } from '../../shared/source/types';
import type { SandboxHandle, SandboxSeed } from '../sandbox/server';
import type { ScimAuth } from '../scim/client';
import { describeAttributes, openCsv } from '../sources/csv/read-csv';
import { openSource, type SourceOfMapping } from '../sources/index';
import { applyPlan } from '../sync/apply';
import { buildPlan, type BuildPlanOptions } from '../sync/plan';
import { reportToCsv } from '../sync/report';
import { ldapBackend, type WorkbenchBackends } from './backends';
import { createDispatch, type Dispatch } from './dispatch';
import { EventHub, type AnyEventListener } from './event-hub';
import { lookupSecret, secretKey, SecretRedactor, type SecretStore } from './secret-store';

export interface DialogHost {
  openMapping(): Promise<string | null>;
  saveMapping(suggestedName?: string): Promise<string | null>;
  pickCsv(): Promise<string | null>;
}

export interface RecentProjects {
  list(): Promise<string[]>;
  add(path: string): Promise<void>;
}

export interface WorkbenchServiceOptions {
  /** The workbench's own folder: saved projects, uploads, the sandbox state. */
  dataDir: string;
  secrets: SecretStore;
  mode: AppInfo['mode'];
  /** Folder holding `demo/` (hr-export.csv + demo.plekmap.json); the repository's `resources` by default. */
  resourcesDir?: string;
  /** Native dialogs (Electron only). */
  dialogs?: DialogHost;
  recent?: RecentProjects;
  backends?: WorkbenchBackends;
  /** The clock: today's date for the engine comes from here, never from inside the engine. */
  now?: () => Date;
  env?: Record<string, string | undefined>;
  version?: string;
  locale?: string;
  /** Unexpected errors (bugs), for a log; never receives request bodies or secrets. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface WorkbenchService {
  /** Validates and runs one request; what both transports call. Never throws. */
  dispatch: Dispatch;
  subscribe(listener: AnyEventListener): () => void;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** The same service as an in-process `WorkbenchApi` (tests, scripts). */
  api: WorkbenchApi;
  handlers: WorkbenchHandlers;
  close(): Promise<void>;
}

const MAX_MAPPING_BYTES = 5 * 1024 * 1024;
const SECRET_KEY = /pass(?:word|wd)?|secret|token|apikey|api_key|credential/i;

function todayOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

/** Finds keys that look like secrets anywhere in a mapping (outside the opaque layout). */
function secretLikeKeys(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (path === '$' && k === 'layout') continue;
    if (SECRET_KEY.test(k)) found.push(`${path}.${k}`);
    found.push(...secretLikeKeys(v, `${path}.${k}`));
  }
  return found;
}

/** A path strictly inside `root` after resolving (`..`, absolute paths and encoded tricks end up outside). */
function inside(root: string, candidate: string): boolean {
  const r = resolve(root);
  const c = resolve(r, candidate);
  return c.startsWith(r + sep);
}

async function atomicWrite(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

function csvPathOf(source: MappingSource | undefined, projectPath: string | null | undefined): string | null {
  if (!source || source.kind !== 'csv' || !source.path) return null;
  if (isAbsolute(source.path)) return source.path;
  if (!projectPath) return null;
  return resolve(dirname(projectPath), source.path);
}

function validateDraft(
  mapping: MappingFileInput,
): { ok: true; mapping: MappingFile; compiled: CompiledMapping } | { ok: false; problems: MappingProblem[] } {
  const parsed = parseMapping(mapping);
  if (!parsed.ok) return parsed;
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  return { ok: true, mapping: parsed.mapping, compiled: compiled.compiled };
}

function countIssues(issues: readonly Issue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of issues) counts[i.code] = (counts[i.code] ?? 0) + 1;
  return counts;
}

/** The plan as the renderer's table shows it: one row per user, group additions folded into their user. */
export function toPlanView(
  planId: string,
  plan: Plan,
  issues: Issue[],
  summary: PlanView['summary'],
): PlanView {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  const byKey = new Map<string, PlanChangeView>();
  const rows: PlanChangeView[] = [];
  const actionOf = (c: PlanChange): PlanAction | null => {
    switch (c.action) {
      case 'noop':
        return 'unchanged';
      case 'skipped':
        return 'skip';
      case 'conflict':
        return 'error';
      case 'groupAdd':
      case 'createGroup':
        return null;
      default:
        return c.action;
    }
  };
  for (const c of plan.changes) {
    const action = actionOf(c);
    if (action === null) {
      if (c.action === 'groupAdd' && c.key && c.group) {
        const owner = byKey.get(c.key);
        if (owner) (owner.groupsAdded ??= []).push(c.group);
      }
      continue;
    }
    counts[action]++;
    const view: PlanChangeView = {
      key: c.key ?? c.op,
      action,
      ...(c.row !== undefined ? { row: c.row } : {}),
      userName: c.userName ?? null,
      changes: (c.fields ?? []).map((f) => ({ path: f.path, from: f.before, to: f.after })),
      reason: c.reason,
    };
    rows.push(view);
    if (c.key) byKey.set(c.key, view);
  }
  return {
    planId,
    counts,
    changes: rows,
    safety: { ok: plan.safety.ok, reasons: plan.safety.reasons },
    issues,
    summary,
    target: plan.target.url,
    ...(plan.manualAssignment ? { manualAssignment: plan.manualAssignment } : {}),
  };
}

interface StoredPlan {
  plan: Plan;
  mapping: MappingFile;
  /** What the plan was computed from, to plan again when the consultant lifts the mass-deactivation guard. */
  input: Omit<BuildPlanOptions, 'client'>;
}

interface RunState {
  report: RunReport;
  controller: AbortController;
  log: string[];
}

/**
 * The workbench in plain Node: every channel of the contract as a handler over the engine, the sources, the
 * sandbox and the SCIM client. Electron (IPC) and serve mode (HTTP bridge) wrap the same instance.
 */
export function createWorkbenchService(options: WorkbenchServiceOptions): WorkbenchService {
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const hub = new EventHub();
  const redactor = new SecretRedactor();
  const resourcesDir = options.resourcesDir ?? resolve(process.cwd(), 'resources');
  const projectsDir = join(options.dataDir, 'projects');
  const tasks = new Map<string, AbortController>();
  const plans = new Map<string, StoredPlan>();
  const runs = new Map<string, RunState>();
  let sandbox: SandboxHandle | null = null;
  let sandboxStarting: Promise<SandboxHandle> | null = null;
  const recentMemory: string[] = [];
  const recent: RecentProjects = options.recent ?? {
    list: async () => [...recentMemory],
    add: async (p) => {
      const i = recentMemory.indexOf(p);
      if (i >= 0) recentMemory.splice(i, 1);
      recentMemory.unshift(p);
      recentMemory.splice(10);
    },
  };

  function startTask(taskId: string | undefined): { id: string; signal: AbortSignal; done(): void } {
    const id = taskId ?? newId('task');
    tasks.get(id)?.abort();
    const controller = new AbortController();
    tasks.set(id, controller);
    return {
      id,
      signal: controller.signal,
      done: () => {
        if (tasks.get(id) === controller) tasks.delete(id);
      },
    };
  }

  /** Reads every record of a project's source, reporting progress on the task; cancellable. */
  async function readWholeSource(
    mapping: SourceOfMapping,
    projectPath: string | null,
    task: { id: string; signal: AbortSignal },
  ): Promise<{ records: SourceRecord[]; issues: Issue[]; headers?: string[] }> {
    const ldapPassword =
      mapping.source.kind === 'ldap' ? await secret('ldap-bind-password', mapping.source.url) : null;
    const opened = await openSource(mapping, {
      baseDir: projectPath ? dirname(projectPath) : options.dataDir,
      ...(ldapPassword ? { ldapPassword } : {}),
      signal: task.signal,
    });
    const records: SourceRecord[] = [];
    const issues: Issue[] = [...opened.issues];
    for await (const event of opened.events) {
      if (task.signal.aborted) throw new ApiFailure('cancelled', 'reading the source was cancelled');
      if (event.kind === 'issue') issues.push(event.issue);
      else records.push(event.record);
      if (records.length % 5000 === 0 && event.kind === 'record') {
        const f = opened.progress();
        hub.emit('task:progress', {
          taskId: task.id,
          label: 'read',
          done: records.length,
          total: f ? Math.round(records.length / f) : null,
        });
      }
    }
    return { records, issues, ...(opened.headers ? { headers: opened.headers } : {}) };
  }

  async function secret(name: Parameters<typeof lookupSecret>[1], scope?: string): Promise<string | null> {
    const found = await lookupSecret(options.secrets, name, scope, env);
    if (found) redactor.remember(found.value);
    return found?.value ?? null;
  }

  async function readProject(path: string): Promise<ProjectDocument> {
    let text: string;
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new ApiFailure('not-found', `${basename(path)} is not a file`);
      if (s.size > MAX_MAPPING_BYTES)
        throw new ApiFailure('invalid-request', `${basename(path)} is too large for a mapping file`);
      text = await readFile(path, 'utf8');
    } catch (e) {
      if (e instanceof ApiFailure) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new ApiFailure(
        code === 'ENOENT' ? 'not-found' : 'source-failed',
        code === 'ENOENT'
          ? `${basename(path)} does not exist (moved or renamed?)`
          : `cannot read ${basename(path)} (${code ?? 'error'})`,
      );
    }
    const parsed = parseMappingText(text);
    if (parsed.ok) {
      await recent.add(path);
      return { path, mapping: parsed.mapping, problems: [], csvPath: csvPathOf(parsed.mapping.source, path) };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new ApiFailure(
        'invalid-request',
        `${basename(path)}: ${parsed.problems.map((p) => p.message).join('; ')}`,
      );
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ApiFailure('invalid-request', `${basename(path)} does not hold a mapping object`);
    await recent.add(path);
    const draft = raw as MappingFileInput;
    const source = (draft as { source?: MappingSource }).source;
    return { path, mapping: draft, problems: parsed.problems, csvPath: csvPathOf(source, path) };
  }

  /** The CA file named in a directory source: absolute, or relative to the saved project. */
  async function readCa(
    caFile: string | undefined,
    projectPath: string | null | undefined,
  ): Promise<string | undefined> {
    if (!caFile) return undefined;
    if (!isAbsolute(caFile) && !projectPath)
      throw new ApiFailure(
        'invalid-request',
        `save the project first, or give the CA file ${caFile} as a full path`,
      );
    const path = isAbsolute(caFile) ? caFile : resolve(dirname(projectPath as string), caFile);
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new ApiFailure(
        'source-failed',
        `cannot read the CA file ${basename(path)}; check the path in the source settings`,
      );
    }
  }

  async function readSample(
    request: Request<'source:sample'>,
    task: { id: string; signal: AbortSignal },
  ): Promise<SourceSample> {
    const source = request.source;
    if (source.kind === 'ldap') {
      const ldap = options.backends?.ldap ?? ldapBackend;
      const password = await secret('ldap-bind-password', source.url);
      if (!password)
        throw new ApiFailure(
          'invalid-request',
          `enter the bind password of ${source.bindDn} first (it is kept in the secret store, never in the mapping)`,
        );
      const caPem = await readCa(source.caFile, request.projectPath);
      return ldap.sample(source, {
        password,
        limit: request.limit,
        ...(caPem ? { caPem } : {}),
        signal: task.signal,
      });
    }
    const path = csvPathOf(source, request.projectPath);
    if (!path)
      throw new ApiFailure(
        'invalid-request',
        'choose the CSV file first (an absolute path, or save the project so a relative path can be resolved)',
      );
    const csv = await openCsv(path, { encoding: source.encoding, delimiter: source.delimiter }, task.signal);
    const records: SourceRecord[] = [];
    const issues: Issue[] = [...csv.info.issues];
    let total = 0;
    try {
      for await (const event of csv.events) {
        if (task.signal.aborted) throw new ApiFailure('cancelled', 'sampling was cancelled');
        if (event.kind === 'issue') {
          if (issues.length < 5000) issues.push(event.issue);
          continue;
        }
        total++;
        if (records.length < request.limit) records.push(event.record);
        if (total % 5000 === 0)
          hub.emit('task:progress', {
            taskId: task.id,
            label: 'sample',
            done: csv.bytesRead(),
            total: csv.bytesTotal,
          });
      }
    } finally {
      await csv.close();
    }
    hub.emit('task:progress', {
      taskId: task.id,
      label: 'sample',
      done: csv.bytesTotal,
      total: csv.bytesTotal,
    });
    return {
      attributes: describeAttributes(csv.info.headers, records),
      records,
      issues,
      totalRecords: total,
      encoding: csv.info.encoding,
      delimiter: csv.info.delimiter,
      csvPath: path,
    };
  }

  async function ensureSandbox(port?: number, seed: 'empty' | 'demo' = 'demo'): Promise<SandboxHandle> {
    if (sandbox) return sandbox;
    if (!sandboxStarting) {
      sandboxStarting = (async () => {
        const { startSandbox } = await import('../sandbox/server');
        let seedData: SandboxSeed | undefined;
        if (seed === 'demo') {
          try {
            seedData = JSON.parse(await readFile(join(resourcesDir, 'demo', 'sandbox-seed.json'), 'utf8'));
          } catch {
            seedData = undefined;
          }
        }
        const handle = await startSandbox({
          ...(port ? { port } : {}),
          dataDir: join(options.dataDir, 'sandbox'),
          ...(seedData ? { seed: seedData } : {}),
        });
        redactor.remember(handle.clientSecret);
        sandbox = handle;
        return handle;
      })().finally(() => {
        sandboxStarting = null;
      });
    }
    return sandboxStarting;
  }

  function sandboxStatus(): SandboxStatus {
    if (!sandbox) return { running: false, url: null, users: null };
    return { running: true, url: sandbox.url, users: sandbox.stats().users };
  }

  async function targetClient(mapping: MappingFile) {
    const { ScimClient } = await import('../scim/client');
    const target = mapping.target ?? { kind: 'sandbox' as const };
    if (target.kind === 'sandbox') {
      const sb = await ensureSandbox();
      hub.emit('sandbox:status', sandboxStatus());
      return {
        label: 'sandbox',
        baseUrl: sb.url,
        auth: {
          kind: 'oauth' as const,
          clientId: sb.clientId,
          clientSecret: sb.clientSecret,
          tokenUrl: sb.tokenUrl,
        },
        client: new ScimClient({
          baseUrl: sb.url,
          auth: {
            kind: 'oauth',
            clientId: sb.clientId,
            clientSecret: sb.clientSecret,
            tokenUrl: sb.tokenUrl,
          },
        }),
      };
    }
    const token = await secret('scim-token', target.baseUrl);
    const clientSecret = await secret('scim-client-secret', target.baseUrl);
    let auth: ScimAuth;
    if (target.clientId && clientSecret)
      auth = {
        kind: 'oauth',
        clientId: target.clientId,
        clientSecret,
        ...(target.tokenUrl ? { tokenUrl: target.tokenUrl } : {}),
      };
    else if (token) auth = { kind: 'bearer', token };
    else
      throw new ApiFailure(
        'invalid-request',
        `enter the ClientSecret for ${target.baseUrl} first (kept in the secret store)`,
      );
    return {
      label: target.baseUrl,
      baseUrl: target.baseUrl,
      auth,
      client: new ScimClient({ baseUrl: target.baseUrl, auth }),
    };
  }

  const handlers: WorkbenchHandlers = {
    'app:info': async () => ({
      name: 'Plek Provisioning Workbench',
      version: options.version ?? '0.1.0',
      mode: options.mode,
      platform: process.platform,
      locale: options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
      capabilities: {
        nativeDialogs: Boolean(options.dialogs),
        persistentSecrets: options.secrets.persistent,
      },
      demoAvailable: await stat(join(resourcesDir, 'demo', 'demo.plekmap.json')).then(
        (s) => s.isFile(),
        () => false,
      ),
    }),

    'project:new': async ({ name, source }) => {
      const mapping: MappingFileInput = {
        version: 1,
        name,
        source,
        mappingKey: { attribute: '' },
        fields: {},
        target: { kind: 'sandbox' },
      };
      const parsed = parseMapping(mapping);
      return {
        path: null,
        mapping,
        problems: parsed.ok ? [] : parsed.problems,
        csvPath: csvPathOf(source, null),
      };
    },

    'project:open': async ({ path }) => readProject(path),

    'project:save': async ({ path, fileName, mapping }) => {
      const leaked = secretLikeKeys(mapping);
      if (leaked.length > 0)
        throw new ApiFailure(
          'invalid-request',
          `not saved: ${leaked.join(', ')} looks like a secret; a mapping file never holds one`,
        );
      let target: string;
      if (fileName !== undefined) {
        // Checked again here (not only by the schema): this is the line that joins user input onto our folder.
        if (!isSafeProjectFileName(fileName) || !inside(projectsDir, fileName))
          throw new ApiFailure('forbidden', 'the file name must be a plain name ending in .plekmap.json');
        target = join(projectsDir, fileName);
      } else {
        target = path as string;
        if (!target.toLowerCase().endsWith('.plekmap.json'))
          throw new ApiFailure('invalid-request', 'a mapping is saved as a .plekmap.json file');
      }
      await atomicWrite(target, stringifyMapping(mapping as Record<string, unknown>));
      await recent.add(target);
      return { path: target };
    },

    'project:demo': async () => {
      const from = join(resourcesDir, 'demo');
      const to = join(options.dataDir, 'demo');
      await mkdir(to, { recursive: true });
      try {
        for (const f of ['demo.plekmap.json', 'hr-export.csv']) {
          const dest = join(to, f);
          const exists = await stat(dest).then(
            () => true,
            () => false,
          );
          if (!exists) await copyFile(join(from, f), dest);
        }
      } catch {
        throw new ApiFailure(
          'not-found',
          'the bundled demo is missing from this installation (resources/demo)',
        );
      }
      return readProject(join(to, 'demo.plekmap.json'));
    },

    'project:recent': async () => ({ paths: await recent.list() }),

    'dialog:openMapping': async () => {
      if (!options.dialogs) throw new ApiFailure('unsupported', 'no native dialogs in browser mode');
      return { path: await options.dialogs.openMapping() };
    },
    'dialog:saveMapping': async ({ suggestedName }) => {
      if (!options.dialogs) throw new ApiFailure('unsupported', 'no native dialogs in browser mode');
      return { path: await options.dialogs.saveMapping(suggestedName) };
    },
    'dialog:pickCsv': async () => {
      if (!options.dialogs) throw new ApiFailure('unsupported', 'no native dialogs in browser mode');
      return { path: await options.dialogs.pickCsv() };
    },

    'source:sample': async (request) => {
      const task = startTask(request.taskId);
      try {
        return await readSample(request, task);
      } catch (e) {
        if (task.signal.aborted) throw new ApiFailure('cancelled', 'sampling was cancelled');
        throw e;
      } finally {
        task.done();
      }
    },

    'source:upload': async ({ fileName, contentBase64 }) => {
      if (!isSafeFileName(fileName)) throw new ApiFailure('forbidden', 'the file name must be a plain name');
      const folder = join(options.dataDir, 'uploads', newId('u'));
      if (!inside(folder, fileName)) throw new ApiFailure('forbidden', 'the file name must be a plain name');
      await mkdir(folder, { recursive: true });
      const dest = join(folder, fileName);
      await writeFile(dest, Buffer.from(contentBase64, 'base64'));
      return { path: dest };
    },

    'source:inspectCertificate': async ({ url, timeoutMs }) => {
      const ldap = options.backends?.ldap ?? ldapBackend;
      return ldap.inspectCertificate(url, timeoutMs);
    },

    'source:testConnection': async ({ source, projectPath }) => {
      const ldap = options.backends?.ldap ?? ldapBackend;
      const password = await secret('ldap-bind-password', source.url);
      if (!password) return { ok: false, message: `enter the bind password of ${source.bindDn} first` };
      const caPem = await readCa(source.caFile, projectPath);
      return ldap.testConnection(source, { password, ...(caPem ? { caPem } : {}) });
    },

    'mapping:validate': async ({
      mapping,
      records,
      projectPath,
      today,
      taskId,
    }): Promise<ValidationResult> => {
      const v = validateDraft(mapping);
      if (!v.ok) {
        // No usable mapping yet (a fresh CSV project): still read every row, so bad rows show before mapping.
        const source = sourceSchema.safeParse(mapping.source);
        if (records || !source.success)
          return { problems: v.problems, issues: [], issueCounts: {}, summary: null };
        const task = startTask(taskId);
        try {
          const whole = await readWholeSource(
            { source: source.data, mappingKey: { attribute: mapping.mappingKey?.attribute ?? '' } },
            projectPath ?? null,
            task,
          );
          const rows = new Set(whole.issues.flatMap((i) => (i.row === undefined ? [] : [i.row])));
          return {
            problems: v.problems,
            issues: whole.issues,
            issueCounts: countIssues(whole.issues),
            summary: null,
            complete: true,
            records: whole.records.filter((r) => rows.has(r.row)).slice(0, 5000),
          };
        } catch (e) {
          if (task.signal.aborted) throw new ApiFailure('cancelled', 'validation was cancelled');
          throw e;
        } finally {
          task.done();
        }
      }
      const day = today ?? todayOf(now());
      if (records) {
        const result = mapRecords(v.compiled, records, { today: day });
        return {
          problems: [],
          issues: result.issues,
          issueCounts: countIssues(result.issues),
          summary: result.summary,
          complete: false,
        };
      }
      // The whole source, read in the main process: the renderer never holds 100k rows.
      const task = startTask(taskId);
      try {
        const whole = await readWholeSource(v.mapping, projectPath ?? null, task);
        const result = mapRecords(
          v.compiled,
          whole.records,
          { today: day, ...(whole.headers ? { headers: whole.headers } : {}) },
          whole.issues,
        );
        const rows = new Set(
          result.issues.flatMap((i) => (i.row === undefined ? [] : [i.row, ...(i.rows ?? [])])),
        );
        const withIssues = whole.records.filter((r) => rows.has(r.row)).slice(0, 5000);
        return {
          problems: [],
          issues: result.issues,
          issueCounts: countIssues(result.issues),
          summary: result.summary,
          complete: true,
          records: withIssues,
        };
      } catch (e) {
        if (task.signal.aborted) throw new ApiFailure('cancelled', 'validation was cancelled');
        throw e;
      } finally {
        task.done();
      }
    },

    'mapping:preview': async ({ mapping, records, today }) => {
      const v = validateDraft(mapping);
      if (!v.ok) return { outcomes: [], issues: [], summary: null, problems: v.problems };
      const result = mapRecords(v.compiled, records, { today: today ?? todayOf(now()), trace: true });
      return { outcomes: result.outcomes, issues: result.issues, summary: result.summary, problems: [] };
    },

    'plan:compute': async ({ mapping: draft, projectPath, today, taskId }) => {
      const v = validateDraft(draft);
      if (!v.ok)
        throw new ApiFailure(
          'invalid-request',
          `the mapping has problems: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        );
      const task = startTask(taskId);
      try {
        const day = today ?? todayOf(now());
        const mapping = v.mapping;
        const whole = await readWholeSource(mapping, projectPath ?? null, task);
        const result = mapRecords(
          v.compiled,
          whole.records,
          { today: day, ...(whole.headers ? { headers: whole.headers } : {}) },
          whole.issues,
        );
        const issues = result.issues;
        hub.emit('task:progress', { taskId: task.id, label: 'target', done: 0, total: null });
        const target = await targetClient(mapping);
        const input: Omit<BuildPlanOptions, 'client'> = {
          mapping,
          result,
          sourceRows: result.summary.rows,
          today: day,
          targetLabel: target.label,
        };
        let plan: Plan;
        try {
          plan = await buildPlan({
            ...input,
            client: target.client,
            createdAt: now().toISOString(),
            signal: task.signal,
          });
        } finally {
          target.client.close();
        }
        const planId = newId('plan');
        plans.set(planId, { plan, mapping, input });
        // Keep the last few plans only: each may hold 100k changes.
        for (const id of [...plans.keys()].slice(0, Math.max(0, plans.size - 3))) plans.delete(id);
        hub.emit('task:progress', { taskId: task.id, label: 'plan', done: 1, total: 1 });
        return toPlanView(planId, plan, issues, result.summary);
      } catch (e) {
        if (task.signal.aborted) throw new ApiFailure('cancelled', 'planning was cancelled');
        throw e;
      } finally {
        task.done();
      }
    },

    'run:apply': async ({ planId, overrideSafety }) => {
      const stored = plans.get(planId);
      if (!stored)
        throw new ApiFailure('not-found', 'this plan is no longer available; compute the plan again');
      if (!stored.plan.safety.ok && !overrideSafety)
        throw new ApiFailure(
          'conflict',
          `the plan exceeds the safety thresholds: ${stored.plan.safety.reasons.join('; ')}`,
        );
      const target = await targetClient(stored.mapping);
      let plan = stored.plan;
      if (!plan.safety.ok) {
        // The consultant confirmed the mass deactivation: plan again with that guard lifted (a truncated
        // source stays blocked: that guard cannot be overridden).
        plan = await buildPlan({
          ...stored.input,
          client: target.client,
          allowMassDeactivation: true,
          createdAt: now().toISOString(),
        });
        if (!plan.safety.ok) {
          target.client.close();
          throw new ApiFailure('conflict', `the plan is still blocked: ${plan.safety.reasons.join('; ')}`);
        }
      }
      const runId = newId('run');
      const controller = new AbortController();
      const state: RunState = {
        controller,
        log: [],
        report: {
          runId,
          planId,
          status: 'running',
          startedAt: now().toISOString(),
          finishedAt: null,
          target: target.label,
          counts: {},
          failures: [],
          text: '',
          csv: null,
        },
      };
      runs.set(runId, state);
      const log = (level: 'info' | 'warn' | 'error', message: string) => {
        const line = { runId, at: now().toISOString(), level, message: redactor.redact(message) };
        state.log.push(`${line.at} ${level.toUpperCase()} ${line.message}`);
        if (state.log.length > 10_000) state.log.shift();
        hub.emit('run:log', line);
      };
      const journalPath = join(options.dataDir, 'runs', `${planId}.journal`);
      await mkdir(dirname(journalPath), { recursive: true });
      log('info', `applying ${plan.changes.length} operations to ${target.label}`);
      let failed = 0;
      let lastTenth = -1;
      void applyPlan(plan, {
        client: target.client,
        journalPath,
        signal: controller.signal,
        onEvent: (p) => {
          if (p.lastOp?.result === 'failed') {
            failed++;
            log('error', `${p.lastOp.op}: ${p.lastOp.error ?? 'failed'}`);
          }
          const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 10;
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            log('info', `${p.done} of ${p.total} operations done`);
          }
          hub.emit('run:progress', {
            runId,
            done: p.done,
            total: p.total,
            failed,
            ratePerSecond: Math.round(p.rate * 10) / 10,
            etaSeconds: p.etaSeconds,
          });
        },
      })
        .then(
          (r) => {
            state.report.counts = { ...r.report.totals };
            state.report.failures = r.report.lines
              .filter((l) => l.result === 'failed' || l.result === 'conflict')
              .map((l) => ({ key: l.key ?? l.group ?? '', message: redactor.redact(l.error ?? l.result) }));
            state.report.csv = redactor.redact(reportToCsv(r.report));
            state.report.status = r.aborted ? 'cancelled' : r.blocked ? 'failed' : 'completed';
            log(r.failed > 0 ? 'warn' : 'info', `finished: ${r.failed} failed`);
          },
          (e: unknown) => {
            state.report.status = controller.signal.aborted ? 'cancelled' : 'failed';
            log('error', e instanceof Error ? e.message : String(e));
          },
        )
        .finally(() => {
          target.client.close();
          state.report.finishedAt = now().toISOString();
          state.report.text = reportText(state);
          hub.emit('run:finished', { runId, status: state.report.status });
          if (sandbox) hub.emit('sandbox:status', sandboxStatus());
        });
      return { runId };
    },

    'run:cancel': async ({ runId }) => {
      const state = runs.get(runId);
      if (!state) throw new ApiFailure('not-found', 'unknown run');
      if (state.report.status !== 'running') return { cancelled: false };
      state.controller.abort();
      return { cancelled: true };
    },

    'run:report': async ({ runId }) => {
      const state = runs.get(runId);
      if (!state) throw new ApiFailure('not-found', 'unknown run');
      return { ...state.report, text: state.report.text || reportText(state) };
    },

    'task:cancel': async ({ taskId }) => {
      const c = tasks.get(taskId);
      if (!c) return { cancelled: false };
      c.abort();
      tasks.delete(taskId);
      return { cancelled: true };
    },

    'sandbox:start': async ({ port, seed }) => {
      await ensureSandbox(port, seed);
      const status = sandboxStatus();
      hub.emit('sandbox:status', status);
      return status;
    },
    'sandbox:stop': async () => {
      const sb = sandbox;
      sandbox = null;
      if (sb) await sb.stop();
      const status = sandboxStatus();
      hub.emit('sandbox:status', status);
      return status;
    },
    'sandbox:status': async () => sandboxStatus(),

    'secrets:set': async ({ name, scope, value }) => {
      redactor.remember(value);
      await options.secrets.set(secretKey(name, scope), value);
      return { stored: true as const };
    },
    'secrets:has': async ({ name, scope }) => {
      const found = await lookupSecret(options.secrets, name, scope, env);
      return { present: found !== null, source: found?.source ?? null };
    },
    'secrets:delete': async ({ name, scope }) => ({
      deleted: await options.secrets.delete(secretKey(name, scope)),
    }),
  };

  function reportText(state: RunState): string {
    const r = state.report;
    const lines = [
      `Plek sync run ${r.runId}`,
      `Target: ${r.target}`,
      `Started: ${r.startedAt}`,
      `Finished: ${r.finishedAt ?? '-'}`,
      `Status: ${r.status}`,
      '',
      ...Object.entries(r.counts).map(([k, n]) => `${k}: ${n}`),
      ...(r.failures.length ? ['', 'Failures:', ...r.failures.map((f) => `  ${f.key}: ${f.message}`)] : []),
      '',
      'Log:',
      ...state.log,
    ];
    return `${lines.join('\n')}\n`;
  }

  const dispatch = createDispatch(handlers, {
    redactor,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });

  return {
    dispatch,
    handlers,
    subscribe: (l) => hub.subscribe(l),
    emit: (event, payload) => hub.emit(event, payload),
    api: createApi(
      (channel, request) => dispatch(channel, request),
      (event, listener) => hub.subscribe((e, p) => e === event && listener(p)),
    ),
    close: async () => {
      for (const c of tasks.values()) c.abort();
      for (const r of runs.values()) r.controller.abort();
      const sb = sandbox;
      sandbox = null;
      if (sb) await sb.stop();
    },
  };
}
