import { InvalidArgumentError, type Command } from 'commander';
import {
  afasSourceSchema,
  personioSourceSchema,
  restSourceSchema,
  type ApiSource,
} from '../../../shared/mapping/schema';
import { suggestApiMapping } from '../../../shared/source/suggest-api';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import type { z } from 'zod';
import { describeSchemaIssue } from '../../../shared/mapping/load';
import { UserError } from '../../user-error';
import { envSecret, say } from '../common';

/** `init --source personio|afas|rest`: the HR application kinds `init` reads over their API. */
export const API_INIT_KINDS = ['personio', 'afas', 'rest'] as const;

export interface ApiInitOptions {
  source: string;
  name?: string;
  sourceUrl?: string;
  sourceClientId?: string;
  connector?: string;
  orderBy?: string;
  auth?: string;
  tokenUrl?: string;
  scope?: string;
  apiKeyHeader?: string;
  recordsPath?: string;
  paging?: string;
  pageSize?: number;
  cursorPath?: string;
  cursorParam?: string;
  nextPath?: string;
  totalPath?: string;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(say('cli.usage.expectedPositive'));
  return n;
}

/** Adds the API options to `plek-sync init` (kept here so the CSV/LDAP command stays readable). */
export function apiInitOptions(cmd: Command): Command {
  return cmd
    .option('--source-url <url>', say('cli.help.sourceUrl'))
    .option('--source-client-id <id>', say('cli.help.sourceClientId'))
    .option('--connector <name>', say('cli.help.connector'))
    .option('--order-by <field>', say('cli.help.orderBy'))
    .option('--auth <kind>', say('cli.help.auth'))
    .option('--token-url <url>', say('cli.help.restTokenUrl'))
    .option('--scope <scope>', say('cli.help.scope'))
    .option('--api-key-header <name>', say('cli.help.apiKeyHeader'))
    .option('--records-path <path>', say('cli.help.recordsPath'))
    .option('--paging <style>', say('cli.help.paging'))
    .option('--page-size <n>', say('cli.help.pageSize'), positiveInt)
    .option('--cursor-path <path>', say('cli.help.cursorPath'))
    .option('--cursor-param <name>', say('cli.help.cursorParam'))
    .option('--next-path <path>', say('cli.help.nextPath'))
    .option('--total-path <path>', say('cli.help.totalPath'));
}

function parsed<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new UserError(said('cli.error.apiSettings'), 2, {
    problems: result.error.issues.map((i) => describeSchemaIssue(i as z.core.$ZodIssue)),
  });
}

/** The source block of the mapping from the command line; never the secret. */
export function apiSourceFromOptions(opts: ApiInitOptions): ApiSource {
  if (opts.source === 'personio') {
    if (!opts.sourceClientId) throw new UserError(said('cli.error.initPersonio'));
    return parsed(
      personioSourceSchema.safeParse({
        kind: 'personio',
        ...(opts.sourceUrl ? { baseUrl: opts.sourceUrl } : {}),
        clientId: opts.sourceClientId,
        ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
      }),
    );
  }
  if (opts.source === 'afas') {
    if (!opts.sourceUrl || !opts.connector) {
      throw new UserError(said('cli.error.initAfas'));
    }
    return parsed(
      afasSourceSchema.safeParse({
        kind: 'afas',
        baseUrl: opts.sourceUrl,
        connector: opts.connector,
        ...(opts.orderBy ? { orderBy: opts.orderBy } : {}),
        ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
      }),
    );
  }
  if (!opts.sourceUrl) throw new UserError(said('cli.error.initRest'));
  const authKind = opts.auth ?? (opts.sourceClientId ? 'oauth2' : 'bearer');
  const auth =
    authKind === 'oauth2'
      ? {
          kind: 'oauth2',
          tokenUrl: opts.tokenUrl,
          clientId: opts.sourceClientId,
          ...(opts.scope ? { scope: opts.scope } : {}),
        }
      : authKind === 'api-key' || authKind === 'apiKey'
        ? { kind: 'apiKey', header: opts.apiKeyHeader ?? 'X-Api-Key' }
        : { kind: authKind };
  if (auth.kind === 'oauth2' && (!opts.tokenUrl || !opts.sourceClientId)) {
    throw new UserError(said('cli.error.initOauth'));
  }
  const style = opts.paging === 'next-link' ? 'nextLink' : (opts.paging ?? 'none');
  const size = opts.pageSize ? { pageSize: opts.pageSize } : {};
  const paging =
    style === 'cursor'
      ? {
          style,
          cursorPath: opts.cursorPath,
          ...(opts.cursorParam ? { cursorParam: opts.cursorParam } : {}),
          ...size,
        }
      : style === 'nextLink'
        ? { style, nextPath: opts.nextPath }
        : style === 'offset' || style === 'page'
          ? { style, ...size }
          : { style };
  return parsed(
    restSourceSchema.safeParse({
      kind: 'rest',
      url: opts.sourceUrl,
      auth,
      ...(opts.recordsPath !== undefined ? { recordsPath: opts.recordsPath } : {}),
      paging,
      ...(opts.totalPath ? { totalPath: opts.totalPath } : {}),
    }),
  );
}

/** Which secret an API source needs, as parameters of `cli.error.apiSecret` (never the secret itself). */
function secretKind(source: ApiSource): { kind: string; clientId: string; header: string } {
  if (source.kind === 'afas' || source.kind === 'personio')
    return { kind: source.kind, clientId: source.kind === 'personio' ? source.clientId : '', header: '' };
  const auth = source.auth;
  return {
    kind: auth.kind,
    clientId: auth.kind === 'oauth2' ? auth.clientId : '',
    header: auth.kind === 'apiKey' ? auth.header : '',
  };
}

/** Reads a sample of the API and proposes a mapping from its attribute names. */
export async function initApi(opts: ApiInitOptions) {
  const source = apiSourceFromOptions(opts);
  const { sampleApiSource, secretEnvName, apiSourceLabel } = await import('../../sources/api/index');
  const env = secretEnvName(source);
  const secret = env ? envSecret(env) : undefined;
  if (env && !secret) throw new UserError(said('cli.error.apiSecret', { env, ...secretKind(source) }));
  // --token-url on the command line is the consultant's confirmation of the token host.
  const confirmed =
    source.kind === 'rest' && source.auth.kind === 'oauth2' && opts.tokenUrl
      ? { confirmedTokenOrigin: new URL(opts.tokenUrl).origin }
      : {};
  const sample = await sampleApiSource(source, { ...(secret ? { secret } : {}), ...confirmed, size: 200 });
  if (sample.records.length === 0) {
    throw new UserError(said('cli.error.apiEmpty', { source: apiSourceLabel(source) }));
  }
  const defaultName =
    source.kind === 'personio' ? 'Personio' : source.kind === 'afas' ? `AFAS ${source.connector}` : 'HR API';
  const suggestion = suggestApiMapping(
    source,
    sample.attributes.map((a) => a.name),
    { name: opts.name ?? defaultName, sampleRows: sample.records.map((r) => r.values) },
  );
  const notes: CodedMessage[] = [
    said('init.note.apiSampled', {
      source: apiSourceLabel(source),
      records: sample.records.length,
      attributes: sample.attributes.length,
    }),
    ...suggestion.recognized.map((r) =>
      said('init.note.recognised', { attribute: r.attribute, concept: r.concept }),
    ),
    ...suggestion.notes,
  ];
  return { mapping: suggestion.mapping, notes };
}
