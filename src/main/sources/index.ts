import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Issue } from '../../shared/issues';
import { csvSourceSchema, type CsvSource, type MappingFile } from '../../shared/mapping/schema';
import type { SourceRecord } from '../../shared/source/types';
import type { EvaluatedRows, TakenRows } from '../../shared/engine/verdicts';
import type { RowStageJob } from './csv/csv-wire';
import type { EarlyCsvRead } from './csv/read-csv';
import { hasMessage } from '../../shared/i18n';
import { said } from '../../shared/i18n/message';
import { PathPolicyError, resolveMappingPath, type PathPolicy } from '../security/path-policy';
import { readReason } from '../system-errors';
import { UserError } from '../user-error';
import { SourceError } from './source-error';

export type SourceEvent = { kind: 'record'; record: SourceRecord } | { kind: 'issue'; issue: Issue };

export interface OpenedSource {
  /** File path or LDAP URL + base DN, for messages and reports. */
  label: string;
  /** Column or attribute names, when the source knows them up front (CSV headers). */
  headers?: string[];
  /** File-level issues found while opening (duplicate headers, encoding). */
  issues: Issue[];
  events: AsyncIterable<SourceEvent>;
  /** The same events in batches, when the source reads in chunks (CSV): fewer awaits for bulk runs. */
  batches?: AsyncIterable<SourceEvent[]>;
  /**
   * When opened with a `rowStage` that the reader runs (a CSV read in a worker thread): the batches, with the rows
   * it evaluated as `EvaluatedRows` and the others as records or as `TakenRows`. Iterate this instead of `events`
   * or `batches` then.
   */
  evaluatedBatches?: AsyncIterable<(SourceEvent | EvaluatedRows | TakenRows)[]>;
  /** 0..1 when the source can tell how far it is. */
  progress(): number | null;
  /** Reads the same data again from the start (the second pass of a streaming map). */
  reopen(): Promise<OpenedSource>;
}

/** What opening a source needs of a mapping: the source, and the key attribute (managers resolve to it). */
export type SourceOfMapping = Pick<MappingFile, 'source' | 'mappingKey'>;

export interface OpenSourceOptions {
  /** Folder of the mapping file; relative source paths resolve against it. */
  baseDir: string;
  /** A CSV path that overrides `source.path` (the CLI's --source). */
  sourcePath?: string;
  /** LDAP bind password; the CLI reads it from PLEK_LDAP_PASSWORD, the app from its secret store. */
  ldapPassword?: string;
  /** HR application API secrets; the CLI reads PLEK_SOURCE_SECRET / PLEK_SOURCE_TOKEN, the app its store. */
  apiSecrets?: ApiSecrets;
  signal?: AbortSignal;
  /**
   * Which absolute paths in the mapping the consultant picked. The CLI passes `{}` (none: they come as flags);
   * absent means any absolute local path (the app, until it passes its own grants). UNC, device and WebDAV
   * paths and `..` escapes are refused either way.
   */
  pathPolicy?: PathPolicy;
  /**
   * Bind over plain LDAP (ldap:// with StartTLS off) with a password: the app sets it after its own visible
   * confirmation; absent, the CLI's `--allow-plain-ldap` decides. A mapping's `startTls: false` alone never does.
   */
  allowPlainLdap?: boolean;
  /** CSV records in compact form (cells + a shared column table), for the bulk runs of the pipeline. */
  compactRecords?: boolean;
  /** The mapping's row-local stage, for a reader that can run it beside reading (a CSV read in a thread). */
  rowStage?: RowStageJob;
  /** A read of `sourcePath` begun while the mapping was validated (`prepareSourceReader`), taken over if it fits. */
  earlyCsv?: EarlyCsvRead;
}

let plainLdapAllowed = false;

/** The CLI's `--allow-plain-ldap`: the consultant's explicit choice to bind over unencrypted LDAP. */
export function setPlainLdapAllowed(allowed: boolean): void {
  plainLdapAllowed = allowed;
}

/** A path from the mapping, through the one path policy; a refusal becomes a message for the consultant. */
function mappingPath(options: OpenSourceOptions, path: string, what: string): string {
  try {
    return resolveMappingPath(
      options.baseDir,
      path,
      what,
      options.pathPolicy ?? { allowAbsolute: () => true },
    );
  } catch (e) {
    if (e instanceof PathPolicyError && hasMessage(e.refusal.id))
      throw new UserError(said(e.refusal.id, e.refusal.values));
    throw new UserError((e as Error).message);
  }
}

/** `secret`: OAuth2 client secret, bearer token or API key; `token`: the AFAS token. */
export interface ApiSecrets {
  secret?: string;
  token?: string;
  /** A REST source's OAuth2 token URL (or its origin) the consultant confirmed, when it is on another host. */
  confirmedTokenUrl?: string;
}

/** Resolves the CSV file a mapping reads, or explains how to name one. */
export function resolveCsvPath(mapping: SourceOfMapping, options: OpenSourceOptions): string {
  if (options.sourcePath) return resolve(options.sourcePath);
  if (mapping.source.kind === 'csv' && mapping.source.path) {
    return mappingPath(options, mapping.source.path, 'source.path');
  }
  throw new UserError(said('cli.error.noSource'));
}

/**
 * Starts the CSV reader's worker thread for the source file the command line named, when that file is large
 * enough to be read in one: called before the mapping is loaded, the thread's start-up (some 50 ms) overlaps that
 * work instead of following it. `rowStage`: the run may give the thread a row stage (it keeps no outcomes), so the
 * thread loads the mapping engine as well when the file is large enough for one. Resolves once the thread is ready
 * (or has loaded the engine). Never fails: a file that cannot be read is reported when it is opened.
 *
 * With `mappingText` (the mapping file, not validated yet; or its read, undefined if that failed, so that the source
 * file is opened while the mapping file is read), the thread is not waited for: when the mapping reads a
 * CSV and the file gets no row stage, the read itself begins now, with the encoding and delimiter the mapping
 * gives (its `source` part validated on its own), so that the header is parsed while the whole mapping is
 * validated. `openSource` takes that read over when the validated mapping asks for the same one (`earlyCsv`);
 * the caller discards it when the run ends. Only the file named here, by the consultant, is read: a mapping's own
 * `source.path` is never read before the mapping is validated.
 */
export async function prepareSourceReader(
  sourcePath: string | undefined,
  options: { rowStage?: boolean; mappingText?: string | Promise<string | undefined> } = {},
): Promise<EarlyCsvRead | undefined> {
  if (!sourcePath) return undefined;
  try {
    const [{ size }, csv] = await Promise.all([stat(sourcePath), import('./csv/read-csv')]);
    if (size < csv.CSV_WORKER_MIN_BYTES) return undefined;
    const rowStage = options.rowStage === true && csv.rowStageLikely(size);
    // The file is opened while the mapping text may still be read; the read begins once that text says how.
    const early =
      !rowStage && options.mappingText !== undefined
        ? await csv.startEarlyCsvRead(
            resolve(sourcePath),
            Promise.resolve(options.mappingText).then((text) =>
              text === undefined ? undefined : csvSourceOf(text),
            ),
          )
        : undefined;
    if (early) return early;
    // A mapping file that could not be read: the run ends with that error, it needs no thread.
    if (options.mappingText !== undefined && (await options.mappingText) === undefined) return undefined;
    // No read begun (no CSV source in the text, a file for a row stage, or one that cannot be opened): the thread
    // at least starts now.
    const ready = csv.prestartCsvWorker({ rowStage });
    if (options.mappingText === undefined) await ready;
  } catch {
    // Said by openSource, with the file's name and what to do.
  }
  return undefined;
}

/** The encoding and delimiter of a mapping's CSV source, from its text (undefined: not JSON, or no valid CSV source). */
function csvSourceOf(mappingText: string): Pick<CsvSource, 'encoding' | 'delimiter'> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(mappingText.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const source =
    typeof value === 'object' && value !== null ? (value as { source?: unknown }).source : undefined;
  const parsed = csvSourceSchema.safeParse(source);
  return parsed.success ? { encoding: parsed.data.encoding, delimiter: parsed.data.delimiter } : undefined;
}

/** Opens the mapping's source (CSV, LDAP or an HR application's API) as one stream of records and issues. */
export async function openSource(
  mapping: SourceOfMapping,
  options: OpenSourceOptions,
): Promise<OpenedSource> {
  const source = mapping.source;
  if (source.kind === 'csv' || options.sourcePath) {
    const path = resolveCsvPath(mapping, options);
    const { openCsv } = await import('./csv/read-csv');
    const csvOptions = {
      ...(source.kind === 'csv' ? { encoding: source.encoding, delimiter: source.delimiter } : {}),
      ...(options.compactRecords ? { compactRecords: true } : {}),
      ...(options.rowStage ? { rowStage: options.rowStage } : {}),
    };
    const opened = await openCsv(path, csvOptions, options.signal, options.earlyCsv);
    if (opened.info.headers.length === 0) {
      await opened.close();
      throw new SourceError('source-unreadable', said('sourceError.empty', { file: basename(path) }), path);
    }
    return {
      label: path,
      headers: opened.info.headers,
      issues: opened.info.issues,
      get events() {
        return opened.events;
      },
      get batches() {
        return opened.batches;
      },
      ...(options.rowStage
        ? {
            get evaluatedBatches() {
              return opened.evaluatedBatches;
            },
          }
        : {}),
      progress: () => (opened.bytesTotal > 0 ? opened.bytesRead() / opened.bytesTotal : null),
      reopen: () => openSource(mapping, options),
    };
  }
  if (source.kind === 'personio' || source.kind === 'afas' || source.kind === 'rest') {
    const { readApiRecords, apiSourceLabel } = await import('./api/index');
    const secret = source.kind === 'afas' ? options.apiSecrets?.token : options.apiSecrets?.secret;
    let seen: { records: number; total: number | null } = { records: 0, total: null };
    const records = readApiRecords(source, {
      ...(secret ? { secret } : {}),
      ...(options.apiSecrets?.confirmedTokenUrl
        ? { confirmedTokenOrigin: new URL(options.apiSecrets.confirmedTokenUrl).origin }
        : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => {
        seen = p;
      },
    });
    async function* apiEvents(): AsyncIterable<SourceEvent> {
      for await (const record of records) yield { kind: 'record', record };
    }
    return {
      label: apiSourceLabel(source),
      issues: [],
      events: apiEvents(),
      progress: () => (seen.total ? Math.min(1, seen.records / seen.total) : null),
      reopen: () => openSource(mapping, options),
    };
  }
  const password = options.ldapPassword;
  if (!password) {
    throw new UserError(said('cli.error.ldapPassword', { url: source.url, bindDn: source.bindDn }));
  }
  if (
    source.url.toLowerCase().startsWith('ldap:') &&
    source.startTls === false &&
    !(options.allowPlainLdap ?? plainLdapAllowed)
  )
    throw new UserError(said('cli.error.plainLdap', { url: source.url, bindDn: source.bindDn }));
  const { readLdapRecords } = await import('./ldap/index');
  let caPem: string | undefined;
  if (source.caFile) {
    const { readFile } = await import('node:fs/promises');
    const caPath = mappingPath(options, source.caFile, 'source.caFile');
    try {
      caPem = await readFile(caPath, 'utf8');
    } catch (e) {
      throw new UserError(said('cli.error.caFile', { file: caPath, reason: [readReason(e)] }));
    }
  }
  let read = 0;
  const records = readLdapRecords(source, {
    password,
    ...(caPem ? { caPem } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    mappingKeyAttribute: mapping.mappingKey.attribute,
    onProgress: (n: number) => {
      read = n;
    },
  });
  async function* events(): AsyncIterable<SourceEvent> {
    for await (const record of records) yield { kind: 'record', record };
  }
  void read;
  return {
    label: `${source.url} ${source.baseDn}`,
    issues: [],
    events: events(),
    progress: () => null,
    reopen: () => openSource(mapping, options),
  };
}

export function mappingBaseDir(mappingPath: string): string {
  return dirname(resolve(mappingPath));
}
