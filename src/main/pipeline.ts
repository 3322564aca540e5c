import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { compileMapping, type CompiledMapping } from '../shared/engine/compile';
import { detach } from '../shared/engine/detach';
import {
  createMappingRun,
  finalizeOutcome,
  rowsAreIndependent,
  rowStageColumns,
  type MappingResult,
  type RunFinish,
  type RunOptions,
} from '../shared/engine/run';
import type { MappedUser, PreviousState, RowOutcome } from '../shared/engine/types';
import type { Issue } from '../shared/issues';
import type { EvaluatedRows, TakenRows } from '../shared/engine/verdicts';
import type { RowStageJob } from './sources/csv/csv-wire';
import type { EarlyCsvRead } from './sources/csv/read-csv';
import { recordValue } from '../shared/source/record-value';
import type { SourceRecord } from '../shared/source/types';
import { todayIn } from '../shared/engine/today';
import { parseMappingText } from '../shared/mapping/load';
import type { MappingFile } from '../shared/mapping/schema';
import { WORK_EMAIL } from '../shared/scim/fields';
import {
  mappingBaseDir,
  openSource,
  prepareSourceReader,
  type ApiSecrets,
  type OpenedSource,
  type OpenSourceOptions,
  type SourceEvent,
} from './sources/index';
import { said } from '../shared/i18n/message';
import { readReason } from './system-errors';
import { UserError } from './user-error';

export interface LoadedMapping {
  path: string;
  baseDir: string;
  mapping: MappingFile;
  compiled: CompiledMapping;
}

/** Reads, validates and compiles a mapping file; every problem is named by file and JSON path. */
export async function loadMappingFile(path: string): Promise<LoadedMapping> {
  return loadMappingText(path, await readMappingText(path));
}

/** The text of a mapping file, or a UserError that says why it cannot be read. */
export async function readMappingText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? said('cli.error.mappingMissing', { file: path })
        : said('cli.error.mappingUnreadable', { file: path, reason: [readReason(e)] }),
      2,
      { technical: code },
    );
  }
}

/** The text of mapping file `path` validated and compiled, or a UserError that names the file and its problems. */
export function loadMappingText(path: string, text: string): LoadedMapping {
  const parsed = parseMappingText(text);
  if (!parsed.ok) {
    throw new UserError(said('cli.error.mappingInvalid', { file: basename(path) }), 2, {
      problems: parsed.problems,
    });
  }
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) {
    throw new UserError(said('cli.error.mappingErrors', { file: basename(path) }), 2, {
      problems: compiled.problems,
    });
  }
  return { path, baseDir: mappingBaseDir(path), mapping: parsed.mapping, compiled: compiled.compiled };
}

export interface PipelineOptions {
  mappingPath: string;
  sourcePath?: string;
  /** yyyy-MM-dd; default: today in the mapping's time zone (Europe/Amsterdam when it names none). */
  today?: string;
  /** The previous export (same format as the source) or a state file written by `validate --write-state`. */
  previousPath?: string;
  /** The previous state itself (the daily run's saved state); `previousPath` wins when both are given. */
  previous?: PreviousState;
  ldapPassword?: string;
  /** HR application API secrets (PLEK_SOURCE_SECRET / PLEK_SOURCE_TOKEN for the CLI). */
  apiSecrets?: ApiSecrets;
  signal?: AbortSignal;
  onProgress?: (progress: { rows: number; fraction: number | null }) => void;
  trace?: RunOptions['trace'];
  /** Keep every outcome in memory (plan, preview). Off: only the summary, and the issues unless `onIssue` takes them. */
  collect?: boolean;
  /**
   * Takes every issue as the run finds it, instead of `result.issues` (which is then empty): the rows' issues in
   * row order while the source is read, then the ones that need the whole file (duplicates, key changes…) in row
   * order. With `collect: false` this keeps memory flat however many rows have issues (validate on 1M rows).
   */
  onIssue?: (issue: Issue) => void;
  /** Build the identity state for `--write-state`. */
  keepState?: boolean;
}

export interface PipelineResult {
  loaded: LoadedMapping;
  mapping: MappingFile;
  /** The day the run judged dates by. */
  today: string;
  result: MappingResult;
  source: { label: string; rows: number; headers?: string[] };
  /** Identity data for the next run's key-stability check (`--write-state`). */
  state: PreviousState;
  /** The previous state the run was checked against, if any. */
  previous?: PreviousState;
}

/** A saved source state (`--write-state`, and the daily run's state file, which adds its own header). */
export const previousStateSchema = z.object({
  rows: z.number().int().min(0),
  users: z.array(
    z.object({
      key: z.string(),
      email: z.string().nullable().optional(),
      givenName: z.string().nullable().optional(),
      familyName: z.string().nullable().optional(),
      birthDate: z.string().nullable().optional(),
    }),
  ),
});

/** Runs one source through a mapping: one pass, cross-row checks at the end. */
async function runOnSource(
  loaded: LoadedMapping,
  opened: OpenedSource,
  options: RunOptions & {
    collect: boolean;
    keepState: boolean;
    /** Keep every row's login although no outcome is collected (the streaming run's second pass needs them). */
    keepLogins?: boolean;
    signal?: AbortSignal;
    onProgress?: PipelineOptions['onProgress'];
  },
): Promise<{ result: MappingResult; state: PreviousState; finished: RunFinish }> {
  // Without collected outcomes nothing reads the users' groups (a state file needs only their identity).
  const run = createMappingRun(loaded.compiled, {
    ...options,
    statusOnly: !options.collect,
    keepLogins: options.collect || options.keepLogins === true,
  });
  for (const issue of opened.issues) run.pushSourceIssue(issue);
  const provisional: RowOutcome[] = [];
  const state: PreviousState = { rows: 0, users: [] };
  const birthAttr = loaded.mapping.mappingKey.birthDateAttribute;
  const names = nameInterner();
  let rows = 0;
  let nextProgress = 5000;
  let expected = false;
  // Validate keeps nothing of a row: the run then makes no outcome objects.
  const keepsOutcomes = options.collect || options.keepState;
  /** After each row (or stretch of rows): the estimate of the rows to come, and progress. */
  const progressed = () => {
    if (!expected && rows >= 1000) {
      // Some 1000 rows in: the share of the file they took tells about how many rows the file holds.
      expected = true;
      const fraction = opened.progress();
      if (fraction !== null && fraction > 0 && fraction < 1) run.expectRows((rows / fraction) * 1.05);
    }
    if (options.onProgress && rows >= nextProgress) {
      nextProgress = rows - (rows % 5000) + 5000;
      options.onProgress({ rows, fraction: opened.progress() });
    }
  };
  for await (const batch of opened.evaluatedBatches ?? batchesOf(opened)) {
    if (options.signal?.aborted) throw new UserError(said('cli.error.cancelled'), 130);
    for (const event of batch) {
      if (event.kind === 'issue') {
        run.pushSourceIssue(event.issue);
        continue;
      }
      if (event.kind === 'rows') {
        // Records handed over as cells (only when no outcome is kept: see rowStageFor), taken in stretches that end
        // where the row count is checked below, so that it is checked at the same rows as one record at a time.
        for (let r = event.from; r < event.to;) {
          const check = expected ? (options.onProgress ? nextProgress : Infinity) : 1000;
          const stop = Math.min(event.to, r + Math.max(1, check - rows));
          event.take(run, r, stop);
          rows += stop - r;
          r = stop;
          if (rows >= check) progressed();
        }
        continue;
      }
      if (event.kind === 'evaluated') {
        // Rows whose row-local stage the reader's thread ran (only when no outcome is kept: see rowStageFor).
        run.pushVerdicts(event.verdicts, event.from, event.to);
        rows += event.to - event.from;
      } else {
        rows++;
        if (keepsOutcomes) {
          const outcome = run.push(event.record);
          if (options.keepState && outcome.status === 'mapped')
            keepIdentity(state, outcome.user, event.record, birthAttr, names);
          if (options.collect) provisional.push(outcome);
        } else run.take(event.record);
      }
      progressed();
    }
  }
  const finished = run.finish();
  // Every spreadsheet row once: mapped, skipped or in error (a row with only warnings is not counted twice).
  state.rows = finished.summary.rows;
  options.onProgress?.({ rows, fraction: 1 });
  const outcomes = provisional.map((o) => finalizeOutcome(o, finished, loaded.compiled));
  return { result: { outcomes, issues: finished.issues, summary: finished.summary }, state, finished };
}

/** Names repeat (Jansen, de Vries, Sanne…): one copy of each kept name serves every row, up to a bound. */
function nameInterner(limit = 65536): (name: string) => string {
  const seen = new Map<string, string>();
  return (name) => {
    const known = seen.get(name);
    if (known !== undefined) return known;
    const copy = detach(name);
    if (seen.size < limit) seen.set(copy, copy);
    return copy;
  };
}

/** A mapped row's identity for the next run's key-stability check (`--write-state`). */
function keepIdentity(
  state: PreviousState,
  user: MappedUser,
  record: SourceRecord,
  birthAttr: string | undefined,
  name: (text: string) => string,
): void {
  const a = user.attributes;
  const birth = birthAttr ? recordValue(record, birthAttr) : null;
  // Copies, not slices: a value cut from the CSV chunk it was read from would keep that whole chunk in memory, and
  // a million rows' state would hold the whole file.
  state.users.push({
    key: detach(user.key),
    email: typeof a[WORK_EMAIL] === 'string' ? detach(a[WORK_EMAIL] as string) : null,
    givenName: typeof a['name.givenName'] === 'string' ? name(a['name.givenName'] as string) : null,
    familyName: typeof a['name.familyName'] === 'string' ? name(a['name.familyName'] as string) : null,
    birthDate: typeof birth === 'string' ? detach(birth.trim()) : null,
  });
}

/**
 * The row-local stage for the reader's thread to run beside reading, when the run keeps nothing of a row but what
 * the cross-row stage files (validate without --write-state or --trace, the first pass of map) and its rows are
 * independent of each other; else undefined (every record comes to this thread).
 */
function rowStageFor(
  loaded: LoadedMapping,
  today: string,
  previous: PreviousState | undefined,
  options: { collect: boolean; keepState: boolean; trace?: RunOptions['trace'] },
): RowStageJob | undefined {
  if (options.collect || options.keepState) return undefined;
  if (options.trace !== undefined && options.trace !== false) return undefined;
  if (!rowsAreIndependent(loaded.compiled)) return undefined;
  const identity = previous !== undefined;
  return {
    mapping: loaded.mapping,
    today,
    identity,
    share: 'auto',
    columns: [...rowStageColumns(loaded.compiled, identity)],
  };
}

/** Whether rowStageFor may give the reader a row stage, as far as the options tell before the mapping is loaded. */
function mayHaveRowStage(options: Pick<PipelineOptions, 'collect' | 'keepState' | 'trace'>): boolean {
  return (
    !(options.collect ?? true) &&
    !options.keepState &&
    (options.trace === undefined || options.trace === false)
  );
}

/** The source's events a chunk at a time when it reads in chunks (CSV), else one by one. */
async function* batchesOf(opened: OpenedSource): AsyncGenerator<(SourceEvent | EvaluatedRows | TakenRows)[]> {
  if (opened.batches) {
    yield* opened.batches;
    return;
  }
  for await (const event of opened.events) yield [event];
}

/** Loads the previous state: a JSON state file, or the previous export run through the same mapping. */
export async function loadPreviousState(
  loaded: LoadedMapping,
  previousPath: string,
  today: string,
  sourceOptions: Omit<OpenSourceOptions, 'baseDir'>,
): Promise<PreviousState> {
  if (previousPath.toLowerCase().endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(previousPath, 'utf8'));
    } catch {
      throw new UserError(said('cli.error.stateUnreadable', { file: previousPath }));
    }
    const parsed = previousStateSchema.safeParse(value);
    if (!parsed.success) {
      throw new UserError(said('cli.error.stateInvalid', { file: previousPath }));
    }
    return parsed.data;
  }
  const opened = await openSource(loaded.mapping, {
    ...sourceOptions,
    baseDir: loaded.baseDir,
    sourcePath: previousPath,
    compactRecords: true,
  });
  // Only the identities are wanted: the previous export's own issues are not this run's.
  const { state } = await runOnSource(loaded, opened, {
    today,
    collect: false,
    keepState: true,
    onIssue: () => {},
  });
  return state;
}

function sourceOptionsFor(
  loaded: LoadedMapping,
  options: Pick<PipelineOptions, 'sourcePath' | 'ldapPassword' | 'apiSecrets' | 'signal'>,
): OpenSourceOptions {
  return {
    baseDir: loaded.baseDir,
    // The CLI's path policy: a mapping names files beside it; an absolute path only as a flag (--source).
    pathPolicy: {},
    compactRecords: true,
    ...(options.sourcePath ? { sourcePath: options.sourcePath } : {}),
    ...(options.ldapPassword ? { ldapPassword: options.ldapPassword } : {}),
    ...(options.apiSecrets ? { apiSecrets: options.apiSecrets } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Mapping file + source (+ previous export) → outcomes, issues and summary. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { loaded, early } = await loadBesideRead(options, mayHaveRowStage(options));
  try {
    return await runLoaded(options, loaded, early);
  } finally {
    await early?.discard();
  }
}

/**
 * The mapping file loaded, and the read of the source file the command line named begun while it was validated
 * (see prepareSourceReader): give `early` to openSource, and discard it when the run ends.
 */
async function loadBesideRead(
  options: Pick<PipelineOptions, 'mappingPath' | 'sourcePath'>,
  rowStage: boolean,
): Promise<{ loaded: LoadedMapping; early: EarlyCsvRead | undefined }> {
  // The mapping file is read while the source file is opened (both trips to the I/O threads, side by side).
  const reading = readMappingText(options.mappingPath);
  const preparing = prepareSourceReader(options.sourcePath, {
    rowStage,
    mappingText: reading.catch(() => undefined),
  });
  // (Never fails; without the text it begins no read.)
  const early = await preparing;
  try {
    return { loaded: loadMappingText(options.mappingPath, await reading), early };
  } catch (error) {
    await early?.discard();
    throw error;
  }
}

async function runLoaded(
  options: PipelineOptions,
  loaded: LoadedMapping,
  early: EarlyCsvRead | undefined,
): Promise<PipelineResult> {
  const today = options.today ?? todayIn(loaded.compiled.timeZone, new Date());
  const sourceOptions = sourceOptionsFor(loaded, options);
  const previous = options.previousPath
    ? await loadPreviousState(loaded, options.previousPath, today, {
        ...(options.ldapPassword ? { ldapPassword: options.ldapPassword } : {}),
      })
    : options.previous;
  const rowStage = rowStageFor(loaded, today, previous, {
    collect: options.collect ?? true,
    keepState: options.keepState ?? false,
    ...(options.trace !== undefined ? { trace: options.trace } : {}),
  });
  const opened = await openSource(loaded.mapping, {
    ...sourceOptions,
    ...(rowStage ? { rowStage } : {}),
    ...(early ? { earlyCsv: early } : {}),
  });
  const { result, state } = await runOnSource(loaded, opened, {
    today,
    ...(previous ? { previous } : {}),
    ...(opened.headers ? { headers: opened.headers } : {}),
    ...(options.trace !== undefined ? { trace: options.trace } : {}),
    collect: options.collect ?? true,
    keepState: options.keepState ?? false,
    ...(options.onIssue ? { onIssue: options.onIssue } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    loaded,
    mapping: loaded.mapping,
    today,
    result,
    source: { label: opened.label, rows: state.rows, ...(opened.headers ? { headers: opened.headers } : {}) },
    state,
    ...(previous ? { previous } : {}),
  };
}

/**
 * Streams final outcomes without holding them all: pass 1 runs the cross-row checks, pass 2 re-reads the source
 * and emits each row's final outcome in source order. Memory stays at the small per-row index of pass 1 (and the
 * issues, unless `onIssue` takes them).
 */
export async function streamOutcomes(
  options: Omit<PipelineOptions, 'collect' | 'keepState'>,
  onOutcome: (outcome: RowOutcome) => void | Promise<void>,
): Promise<Omit<PipelineResult, 'result' | 'state'> & { result: Omit<MappingResult, 'outcomes'> }> {
  const { loaded, early } = await loadBesideRead(options, mayHaveRowStage({ ...options, collect: false }));
  try {
    return await streamLoaded(options, loaded, early, onOutcome);
  } finally {
    await early?.discard();
  }
}

async function streamLoaded(
  options: Omit<PipelineOptions, 'collect' | 'keepState'>,
  loaded: LoadedMapping,
  early: EarlyCsvRead | undefined,
  onOutcome: (outcome: RowOutcome) => void | Promise<void>,
): Promise<Omit<PipelineResult, 'result' | 'state'> & { result: Omit<MappingResult, 'outcomes'> }> {
  const today = options.today ?? todayIn(loaded.compiled.timeZone, new Date());
  const sourceOptions = sourceOptionsFor(loaded, options);
  const previous = options.previousPath
    ? await loadPreviousState(loaded, options.previousPath, today, sourceOptions)
    : undefined;
  const runOptions: RunOptions = {
    today,
    ...(previous ? { previous } : {}),
    ...(options.trace !== undefined ? { trace: options.trace } : {}),
  };
  const rowStage = rowStageFor(loaded, today, previous, {
    collect: false,
    keepState: false,
    ...(options.trace !== undefined ? { trace: options.trace } : {}),
  });
  const first = await openSource(loaded.mapping, {
    ...sourceOptions,
    ...(rowStage ? { rowStage } : {}),
    ...(early ? { earlyCsv: early } : {}),
  });
  const pass1 = await runOnSource(loaded, first, {
    ...runOptions,
    ...(first.headers ? { headers: first.headers } : {}),
    collect: false,
    keepState: false,
    keepLogins: true,
    ...(options.onIssue ? { onIssue: options.onIssue } : {}),
  });
  // Pass 2 only rebuilds the outcomes: its issues were reported by pass 1, so none is kept.
  const decided = createMappingRun(loaded.compiled, {
    ...runOptions,
    ...(first.headers ? { headers: first.headers } : {}),
    onIssue: () => {},
  });
  // Without the row stage: pass 2 needs every record (first.reopen() would ask for it again).
  const second = rowStage ? await openSource(loaded.mapping, sourceOptions) : await first.reopen();
  for await (const batch of batchesOf(second)) {
    const outcomes: RowOutcome[] = [];
    for (const event of batch) {
      if (event.kind === 'record')
        outcomes.push(finalizeOutcome(decided.push(event.record), pass1.finished, loaded.compiled));
    }
    for (const o of outcomes) await onOutcome(o);
  }
  return {
    loaded,
    mapping: loaded.mapping,
    today,
    result: { issues: pass1.result.issues, summary: pass1.result.summary },
    source: {
      label: first.label,
      rows: pass1.result.summary.rows,
      ...(first.headers ? { headers: first.headers } : {}),
    },
  };
}
