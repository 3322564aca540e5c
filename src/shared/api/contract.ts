import { z } from 'zod';
import type { ManualAssignment, SafetyMessage } from '../plan/types';
import type { Issue } from '../issues';
import type { CodedMessage } from '../i18n/message';
import type { SourceAttribute, SourceRecord } from '../source/types';
import type { MappingRunSummary, RowOutcome } from '../engine/types';
import type { MappingFileInput } from '../mapping/schema';
import {
  afasSourceSchema,
  ldapSourceSchema,
  mappingSourceSchema,
  personioSourceSchema,
  restSourceSchema,
} from '../mapping/schema';
import type { MappingProblem } from '../mapping/load';
import { jsonPath } from '../mapping/load';
import { CHANNELS, EVENTS, type Channel, type EventName, isChannel } from './channels';
import { refusal, type MessageRef, type RefusalId } from './refusals';
import {
  isAcceptableLdapUrl,
  isSafeAbsolutePath,
  isSafeFileName,
  isSafeProjectFileName,
  isSafeRelativePath,
} from './validators';

/**
 * The workbench API: every channel `domain:verb` with its request and response schema. Both transports (Electron
 * IPC and the loopback HTTP bridge) validate each incoming request with `validateRequest` before a handler sees
 * it, and every result crosses as `{ ok: true, value } | { ok: false, error: { code, message } }`.
 * Secrets only ever go in (`secrets:set`); no channel returns one.
 */

// ---------------------------------------------------------------------------------------------------------
// Results

export const API_ERROR_CODES = [
  'invalid-request',
  'unknown-channel',
  'not-found',
  'unsupported',
  'cancelled',
  'conflict',
  'source-failed',
  'target-failed',
  'unauthorized',
  'forbidden',
  'internal',
  // The consultant must confirm something a mapping decided (a new host for a stored secret, plain LDAP, a
  // token server on another origin) before the workbench sends anything; the error carries `confirm`.
  'needs-confirmation',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** With `needs-confirmation`: what to show the consultant and send back with `secrets:confirm`. */
  confirm?: Confirmation;
  /** The same failure as a catalogue message, for the renderer to word in the consultant's language. */
  detail?: MessageRef;
}

export type { MessageRef } from './refusals';

/**
 * Something only the consultant may decide, never a mapping file: sending a stored secret to a host it was not
 * stored for, sending the bind password over plain LDAP, or the OAuth client secret to a token server on
 * another origin than the target. `host` is what the consultant must see before saying yes.
 */
export type Confirmation =
  | {
      kind: 'secret-endpoint';
      name: SecretName;
      endpoint: SecretEndpointInput;
      /** The new host (`ldaps://dc2.example:636`, `https://x.plek.co`). */
      host: string;
      /** The host the secret was stored for. */
      previousHost: string;
      /** Opaque id of the stored endpoint the secret would be copied from (no secret). */
      from: string;
    }
  | { kind: 'plain-ldap'; endpoint: SecretEndpointInput; host: string }
  | { kind: 'token-host'; baseUrl: string; tokenUrl: string; host: string; baseHost: string };

/** The endpoint a secret belongs to, as the renderer names it: a SCIM base URL, or a directory with its TLS mode and bind DN. */
export interface SecretEndpointInput {
  url: string;
  startTls?: boolean;
  bindDn?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ApiErrorCode,
  message: string,
  confirm?: Confirmation,
  detail?: MessageRef,
): { ok: false; error: ApiError } {
  return {
    ok: false,
    error: { code, message, ...(confirm ? { confirm } : {}), ...(detail ? { detail } : {}) },
  };
}

/**
 * A refusal as data: the English `message` for logs and the CLI, and its catalogue id and values (`refusal.*`),
 * which the renderer words in the consultant's language.
 */
export function refuse(
  code: ApiErrorCode,
  message: string,
  id: RefusalId,
  values: Record<string, string | number> = {},
  confirm?: Confirmation,
): ApiFailure {
  return new ApiFailure(code, message, confirm, refusal(id, values));
}

/** An error a handler throws on purpose; its code and message reach the renderer unchanged. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly confirm?: Confirmation,
    readonly detail?: MessageRef,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building blocks

const empty = z.object({}).strict();

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A mapping as the renderer edits it: possibly incomplete (a new project has no key yet), so the wire only
 * checks that it is an object; `mapping:validate` and the engine judge its content.
 */
const mappingDraft = z.custom<MappingFileInput>(isPlainObject, { message: 'expected a mapping object' });

const absolutePath = z
  .string()
  .refine(isSafeAbsolutePath, 'must be an absolute, normalised local path (no "..", no URL, no UNC share)');
const projectFileName = z
  .string()
  .refine(isSafeProjectFileName, 'must be a plain file name ending in .plekmap.json (no folders)');
const uploadFileName = z.string().refine((n) => isSafeFileName(n), 'must be a plain file name (no folders)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd');
const taskId = z
  .string()
  .regex(/^[\w-]{1,64}$/, 'letters, digits, - and _')
  .optional();

const sourceValue = z.union([z.string(), z.array(z.string()), z.null()]);
const sourceRecordSchema: z.ZodType<SourceRecord> = z
  .object({
    row: z.number().int().min(1),
    ref: z.string().max(2000).optional(),
    values: z.record(z.string(), sourceValue),
  })
  .strict();
const sampledRecords = z.array(sourceRecordSchema).max(5000);

/** A source as the source form sends it; a CSV path is absolute, or relative to `projectPath`. */
const wireSource = mappingSourceSchema.superRefine((s, ctx) => {
  if (s.kind === 'csv' && s.path !== undefined && !isSafeAbsolutePath(s.path) && !isSafeRelativePath(s.path))
    ctx.addIssue({ code: 'custom', path: ['path'], message: 'must be a local file path' });
  if (s.kind === 'ldap' && !isAcceptableLdapUrl(s.url))
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: 'must be ldap://host[:port] or ldaps://host[:port]',
    });
  if (
    s.kind === 'ldap' &&
    s.caFile !== undefined &&
    !isSafeAbsolutePath(s.caFile) &&
    !isSafeRelativePath(s.caFile)
  )
    ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'must be a local file path' });
});

export const SECRET_NAMES = [
  'ldap-bind-password',
  'scim-client-secret',
  'scim-token',
  // HR application APIs: OAuth2 client secret / bearer token / API key, and the AFAS token.
  'source-client-secret',
  'source-token',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
const secretEndpoint = z
  .object({
    url: z.string().min(1).max(500),
    startTls: z.boolean().optional(),
    bindDn: z.string().min(1).max(500).optional(),
  })
  .strict();
const secretRef = {
  name: z.enum(SECRET_NAMES),
  /** The SCIM base URL a ClientSecret or token belongs to (same as `endpoint: { url }`). */
  scope: z.string().min(1).max(500).optional(),
  /** The endpoint the secret belongs to; a directory password needs the bind DN and TLS mode too. */
  endpoint: secretEndpoint.optional(),
};
const confirmationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('secret-endpoint'),
      name: z.enum(SECRET_NAMES),
      endpoint: secretEndpoint,
      host: z.string().max(600),
      previousHost: z.string().max(600),
      from: z.string().min(1).max(1200),
    })
    .strict(),
  z.object({ kind: z.literal('plain-ldap'), endpoint: secretEndpoint, host: z.string().max(600) }).strict(),
  z
    .object({
      kind: z.literal('token-host'),
      baseUrl: z.string().min(1).max(2000),
      tokenUrl: z.string().min(1).max(2000),
      host: z.string().max(600),
      baseHost: z.string().max(600),
    })
    .strict(),
]);

// ---------------------------------------------------------------------------------------------------------
// Response shapes

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'browser';
  platform: string;
  /** BCP 47 locale of the system, for the UI's default language. */
  locale: string;
  capabilities: {
    /** Native open/save dialogs (Electron); in the browser the renderer uploads files and saves by name. */
    nativeDialogs: boolean;
    /** Secrets are encrypted with the OS keychain (Electron safeStorage); in the browser they live in memory. */
    persistentSecrets: boolean;
  };
  demoAvailable: boolean;
}

export { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, type WorkbenchSettings } from './settings';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, type WorkbenchSettings } from './settings';

export interface ProjectDocument {
  /** Where the mapping is saved; null for a project not saved yet. */
  path: string | null;
  /**
   * Hosts that changed since this project was last opened (a mapping file that came back by email pointing at
   * another directory or tenant). Shown before anything is sent there; secrets need confirming for the new host.
   */
  endpointChanges?: { kind: 'directory' | 'target' | 'token'; from: string; to: string }[];
  mapping: MappingFileInput;
  /** Problems found when the file was read (the project still opens, so the consultant can fix them). */
  problems: MappingProblem[];
  /** The CSV the project reads, resolved to an absolute path, when there is one. */
  csvPath: string | null;
}

export interface SourceSample {
  attributes: SourceAttribute[];
  records: SourceRecord[];
  issues: Issue[];
  /** Records read to take the sample (all rows for a CSV, the sampled entries for a directory). */
  totalRecords: number;
  /** For a CSV: the encoding and delimiter that were detected or used. */
  encoding?: string;
  delimiter?: string;
  /** Absolute CSV path that was read. */
  csvPath?: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint, 32 upper-case hex pairs separated by colons (the mapping's `pinnedFingerprint`). */
  fingerprint256: string;
  subjectAltNames: string[];
  selfSigned: boolean;
  /** Whether the operating system's trust store already accepts the chain. */
  trusted: boolean;
  /** Why it is not trusted, in words. */
  trustError?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  /** The outcome as a catalogue message (HR application APIs: `source.api.ok`, `source.api.unauthorized`…). */
  detail?: MessageRef;
  /** A few entries read from the base DN as proof. */
  sampleCount?: number;
}

export interface ValidationResult {
  /** Problems in the mapping definition itself (schema, expressions). */
  problems: MappingProblem[];
  /** Data issues found on the records. */
  issues: Issue[];
  /** Issue counts per code, for the grouped list. */
  issueCounts: Record<string, number>;
  summary: MappingRunSummary | null;
  /** True when every row of the source was checked (not a sample). */
  complete?: boolean;
  /** Source rows that have issues (at most 5,000), so a consultant can open any of them. */
  records?: SourceRecord[];
}

export interface PreviewResult {
  outcomes: RowOutcome[];
  issues: Issue[];
  summary: MappingRunSummary | null;
  problems: MappingProblem[];
}

export const PLAN_ACTIONS = [
  'create',
  'update',
  'link',
  'deactivate',
  'reactivate',
  'unchanged',
  'skip',
  'error',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanChangeView {
  key: string;
  action: PlanAction;
  row?: number;
  userName?: string | null;
  displayName?: string | null;
  /** Field-level differences: path, current Plek value, new value. */
  changes: { path: string; from: string | boolean | null; to: string | boolean | null }[];
  groupsAdded?: string[];
  /** In English (logs); `reasons` says the same as coded messages, for the interface language. */
  reason?: string;
  reasons?: CodedMessage[];
  /** Non-blocking remarks (a login that had to be suffixed…) in English; `warningMessages` the same, coded. */
  warnings?: string[];
  warningMessages?: CodedMessage[];
}

export interface PlanView {
  planId: string;
  counts: Record<PlanAction, number>;
  changes: PlanChangeView[];
  /** `reasons` in English (logs); `messages` the same as catalogue ids and values, for the interface language. */
  safety: { ok: boolean; reasons: string[]; messages?: SafetyMessage[] };
  issues: Issue[];
  summary: MappingRunSummary | null;
  /** Where the plan would be applied: `sandbox` or the SCIM base URL. */
  target: string;
  /** What the client learned about the target (a failing /ServiceProviderConfig, recovered paging…), in English. */
  targetWarnings?: string[];
  /** `targetWarnings` as coded messages, in the same order. */
  targetWarningMessages?: CodedMessage[];
  /** Initial import: Plek accounts no source user matched, for the consultant to assign by hand. */
  manualAssignment?: ManualAssignment[];
}

export interface RunReport {
  runId: string;
  planId: string;
  /** `completed-with-failures`: the run went through, but some operations failed (see `failures`). */
  status: 'running' | 'completed' | 'completed-with-failures' | 'cancelled' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  target: string;
  counts: Record<string, number>;
  /**
   * Operations that failed or need attention: `message` in English (the technical detail), `messages` the same as
   * coded messages (the code says what kind of failure it is; the server's own detail is one of its parameters).
   */
  failures: { key: string; message: string; messages?: CodedMessage[] }[];
  /** What the run had to say about the target itself (a failing /ServiceProviderConfig that turned ETags and /Bulk off…). */
  targetWarnings?: string[];
  targetWarningMessages?: CodedMessage[];
  /** The same report as text, ready to save or mail to the customer. */
  text: string;
  /** Per-operation report as CSV for Excel (UTF-8 BOM, `;`), once the run has finished. */
  csv: string | null;
}

export interface SandboxStatus {
  running: boolean;
  url: string | null;
  users: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// The contract

function shape<T>() {
  return z.custom<T>(() => true);
}

export const contract = {
  'app:info': { request: empty, response: shape<AppInfo>() },

  'project:new': {
    request: z.object({ name: z.string().min(1).max(200), source: wireSource }).strict(),
    response: shape<ProjectDocument>(),
  },
  'project:open': { request: z.object({ path: absolutePath }).strict(), response: shape<ProjectDocument>() },
  'project:save': {
    request: z
      .object({ path: absolutePath.optional(), fileName: projectFileName.optional(), mapping: mappingDraft })
      .strict()
      .refine((r) => (r.path === undefined) !== (r.fileName === undefined), {
        message: 'give exactly one of path (a picked file) or fileName (saved in the workbench folder)',
        path: ['path'],
      }),
    response: shape<{ path: string }>(),
  },
  'project:demo': { request: empty, response: shape<ProjectDocument>() },
  'project:recent': { request: empty, response: shape<{ paths: string[] }>() },

  'dialog:openMapping': { request: empty, response: shape<{ path: string | null }>() },
  'dialog:saveMapping': {
    request: z.object({ suggestedName: z.string().max(200).optional() }).strict(),
    response: shape<{ path: string | null }>(),
  },
  'dialog:pickCsv': { request: empty, response: shape<{ path: string | null }>() },

  'source:sample': {
    request: z
      .object({
        source: wireSource,
        projectPath: absolutePath.nullable().optional(),
        limit: z.number().int().min(1).max(5000).default(1000),
        taskId,
      })
      .strict(),
    response: shape<SourceSample>(),
  },
  'source:upload': {
    request: z
      .object({
        fileName: uploadFileName,
        // 64 MiB of file as base64; the bridge's body limit is set to match.
        contentBase64: z
          .string()
          .max(90_000_000)
          .regex(/^[a-z0-9+/]*={0,2}$/i, 'must be base64'),
      })
      .strict(),
    response: shape<{ path: string }>(),
  },
  'source:inspectCertificate': {
    request: z
      .object({
        url: z.string().refine(isAcceptableLdapUrl, 'must be ldap://host[:port] or ldaps://host[:port]'),
        timeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
      })
      .strict(),
    response: shape<CertificateInfo>(),
  },
  'source:testConnection': {
    request: z
      .object({
        /** A directory (bind + a few entries) or an HR application's API (sign in + the first records). */
        source: z.discriminatedUnion('kind', [
          personioSourceSchema,
          afasSourceSchema,
          restSourceSchema,
          ldapSourceSchema
            .refine((s) => isAcceptableLdapUrl(s.url), {
              message: 'must be ldap://host[:port] or ldaps://host[:port]',
              path: ['url'],
            })
            .refine(
              (s) => s.caFile === undefined || isSafeAbsolutePath(s.caFile) || isSafeRelativePath(s.caFile),
              {
                message: 'must be a local file path',
                path: ['caFile'],
              },
            ),
        ]),
        /** The saved project, against which a relative caFile resolves. */
        projectPath: absolutePath.nullable().optional(),
        /** Cancel with task:cancel: a directory or API that does not answer is given up at once, not after its timeout. */
        taskId,
      })
      .strict(),
    response: shape<ConnectionTestResult>(),
  },

  'mapping:validate': {
    request: z
      .object({
        mapping: mappingDraft,
        /** Validate these sampled records; without them the whole source is read (with progress and cancel). */
        records: sampledRecords.optional(),
        projectPath: absolutePath.nullable().optional(),
        today: isoDate.optional(),
        taskId,
      })
      .strict(),
    response: shape<ValidationResult>(),
  },
  'mapping:preview': {
    request: z.object({ mapping: mappingDraft, records: sampledRecords, today: isoDate.optional() }).strict(),
    response: shape<PreviewResult>(),
  },

  'plan:compute': {
    request: z
      .object({
        mapping: mappingDraft,
        projectPath: absolutePath.nullable().optional(),
        today: isoDate.optional(),
        taskId,
      })
      .strict(),
    response: shape<PlanView>(),
  },
  'run:apply': {
    request: z
      .object({
        planId: z.string().min(1).max(100),
        /** The consultant confirmed a plan whose deactivations exceed the safety thresholds. */
        overrideSafety: z.boolean().default(false),
      })
      .strict(),
    response: shape<{ runId: string }>(),
  },
  'run:cancel': {
    request: z.object({ runId: z.string().min(1).max(100) }).strict(),
    response: shape<{ cancelled: boolean }>(),
  },
  'run:report': {
    /** `lang`: the language of the report's text and CSV (the interface language); Dutch when absent. */
    request: z.object({ runId: z.string().min(1).max(100), lang: z.enum(['nl', 'en']).optional() }).strict(),
    response: shape<RunReport>(),
  },
  'task:cancel': {
    request: z.object({ taskId: z.string().min(1).max(64) }).strict(),
    response: shape<{ cancelled: boolean }>(),
  },

  'sandbox:start': {
    request: z
      .object({
        port: z.number().int().min(0).max(65535).optional(),
        seed: z.enum(['empty', 'demo']).default('demo'),
      })
      .strict(),
    response: shape<SandboxStatus>(),
  },
  'sandbox:stop': { request: empty, response: shape<SandboxStatus>() },
  'sandbox:status': { request: empty, response: shape<SandboxStatus>() },

  'secrets:set': {
    request: z.object({ ...secretRef, value: z.string().min(1).max(8192) }).strict(),
    response: shape<{ stored: true }>(),
  },
  'secrets:has': {
    request: z.object(secretRef).strict(),
    response: shape<{ present: boolean; source: 'store' | 'env' | null }>(),
  },
  /**
   * Removes HR data from the workbench's folders (uploads, run journals and reports, sandbox state): all of it,
   * or what is older than `olderThanDays`. Saved projects and the daily sync state stay.
   */
  'data:clear': {
    request: z
      .object({
        olderThanDays: z.number().int().min(0).max(3650).optional(),
        /** Also the projects saved in the workbench's own folder (mappings; no HR data): only when chosen. */
        includeProjects: z.boolean().optional(),
      })
      .strict(),
    response: shape<{ removed: number }>(),
  },
  'settings:get': { request: empty, response: shape<WorkbenchSettings>() },
  /** Saves the settings and applies them at once (a shorter retention removes what is now too old). */
  'settings:set': {
    request: z
      .object({ retentionDays: z.number().int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX) })
      .strict(),
    response: shape<WorkbenchSettings & { removed: number }>(),
  },
  /** The consultant said yes to a `needs-confirmation` answer (shown with its host). */
  'secrets:confirm': { request: confirmationSchema, response: shape<{ confirmed: true }>() },
  'secrets:delete': { request: z.object(secretRef).strict(), response: shape<{ deleted: boolean }>() },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

// Both lists must name the same channels: a channel added to one and not the other fails to compile.
type _SameChannels = [keyof typeof contract] extends [Channel]
  ? [Channel] extends [keyof typeof contract]
    ? true
    : never
  : never;
const _sameChannels: _SameChannels = true;
void _sameChannels;
void CHANNELS;

/** What a caller passes (defaults may be left out). */
export type RequestInput<C extends Channel> = z.input<(typeof contract)[C]['request']>;
/** What a handler receives (validated, defaults filled in). */
export type Request<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof contract)[C]['response']>;

// ---------------------------------------------------------------------------------------------------------
// Events

export interface TaskProgress {
  taskId: string;
  label: string;
  done: number;
  total: number | null;
  /** Reading an HR application's API: records, pages, the API's own total (when it gives one), speed, ETA. */
  api?: ApiReadProgress;
}

export interface ApiReadProgress {
  records: number;
  pages: number;
  /** How many records the API says it has; null when it does not say (Personio, AFAS). */
  sourceTotal: number | null;
  retries: number;
  ratePerSecond: number;
  /** Seconds until the read (the sample: at most its limit) is done; null without a total from the API. */
  etaSeconds: number | null;
}

export interface RunProgress {
  runId: string;
  done: number;
  total: number;
  failed: number;
  ratePerSecond: number;
  etaSeconds: number | null;
}

export interface RunLogLine {
  runId: string;
  at: string;
  level: 'info' | 'warn' | 'error';
  /** In English, for the report file and the app log. */
  message: string;
  /** The line as a catalogue message, for the screen in the consultant's language; absent for raw errors. */
  detail?: MessageRef;
}

export const MENU_COMMANDS = ['new-csv', 'new-ldap', 'open', 'save', 'save-as', 'demo', 'open-csv'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface EventMap {
  'task:progress': TaskProgress;
  'run:progress': RunProgress;
  'run:log': RunLogLine;
  'run:finished': { runId: string; status: RunReport['status']; message?: string };
  'sandbox:status': SandboxStatus;
  /** A native menu item or a file dropped on the window; `path` for dropped/recent files. */
  'menu:command': { command: MenuCommand; path?: string };
  'project:opened': ProjectDocument;
}

type _SameEvents = [keyof EventMap] extends [EventName]
  ? [EventName] extends [keyof EventMap]
    ? true
    : never
  : never;
const _sameEvents: _SameEvents = true;
void _sameEvents;
void EVENTS;

export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;
export type EventSink = <E extends EventName>(event: E, payload: EventMap[E]) => void;

// ---------------------------------------------------------------------------------------------------------
// The renderer-facing API

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;
export type Domain = DomainOf<Channel>;

// A request whose fields are all optional may be left out: `api.app.info()`, `api.sandbox.start()`.
type ChannelFn<C extends Channel> =
  Record<string, never> extends RequestInput<C>
    ? (request?: RequestInput<C>) => Promise<Result<Response<C>>>
    : (request: RequestInput<C>) => Promise<Result<Response<C>>>;

/**
 * What the renderer calls: `api.project.open({ path })`, `api.run.apply({ planId })`, one async function per
 * channel returning a `Result`, plus `on(event, listener)` returning an unsubscribe function. `window.plek`
 * (preload) and the HTTP bridge client both implement it.
 */
export type WorkbenchApi = {
  [D in Domain]: { [V in VerbOf<Channel, D>]: ChannelFn<Extract<`${D}:${V}`, Channel>> };
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};

/** The main-side implementation: one handler per channel, receiving a validated request. */
export type WorkbenchHandlers = {
  [C in Channel]: (request: Request<C>) => Promise<Response<C>>;
};

// ---------------------------------------------------------------------------------------------------------
// Validation at the boundary

/**
 * Validates an incoming request for `channel`. Never throws: an unknown channel or an invalid body becomes a
 * `Result` error whose message names the field (`project:open: $.path: must be an absolute …`).
 */
export function validateRequest<C extends Channel>(channel: C, input: unknown): Result<Request<C>>;
export function validateRequest(channel: unknown, input: unknown): Result<unknown>;
export function validateRequest(channel: unknown, input: unknown): Result<unknown> {
  if (!isChannel(channel))
    return fail(
      'unknown-channel',
      `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`,
      undefined,
      refusal('refusal.unknownChannel'),
    );
  const schema = contract[channel].request as z.ZodType;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${jsonPath(i.path)}: ${i.message}`)
    .join('; ');
  return fail(
    'invalid-request',
    `${channel}: ${details}`,
    undefined,
    refusal('refusal.invalidRequest', { channel }),
  );
}

/** Splits `domain:verb`. */
export function splitChannel(channel: Channel): [Domain, string] {
  const i = channel.indexOf(':');
  return [channel.slice(0, i) as Domain, channel.slice(i + 1)];
}

/** Turns anything a handler threw into an `ApiError`, without stack traces or stray fields. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure)
    return {
      code: error.code,
      message: error.message,
      ...(error.confirm ? { confirm: error.confirm } : {}),
      ...(error.detail ? { detail: error.detail } : {}),
    };
  if (error instanceof Error && error.name === 'AbortError')
    return {
      code: 'cancelled',
      message: 'cancelled',
      detail: refusal('refusal.cancelled', { task: 'other' }),
    };
  const message = (error instanceof Error ? error.message : String(error)) || 'unexpected error';
  // The technical text stays beside the sentence: it is what a log or a support question needs.
  return { code: 'internal', message, detail: refusal('refusal.internal', { message }) };
}
