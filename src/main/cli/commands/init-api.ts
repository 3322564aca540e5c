import { InvalidArgumentError, type Command } from 'commander';
import {
  afasSourceSchema,
  personioSourceSchema,
  restSourceSchema,
  type ApiSource,
} from '../../../shared/mapping/schema';
import { suggestApiMapping } from '../../../shared/source/suggest-api';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import { UserError } from '../../user-error';
import { envSecret } from '../common';

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
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** Adds the API options to `plek-sync init` (kept here so the CSV/LDAP command stays readable). */
export function apiInitOptions(cmd: Command): Command {
  return cmd
    .option(
      '--source-url <url>',
      'personio|afas|rest: API base URL (Personio: default https://api.personio.de)',
    )
    .option(
      '--source-client-id <id>',
      'personio|rest: OAuth2 client ID (the secret comes from PLEK_SOURCE_SECRET)',
    )
    .option('--connector <name>', 'afas: the GetConnector id (the token comes from PLEK_SOURCE_TOKEN)')
    .option('--order-by <field>', 'afas: field id to sort on while paging, e.g. Medewerker')
    .option(
      '--auth <kind>',
      'rest: oauth2, bearer, api-key or none (default: oauth2 with a client ID, else bearer)',
    )
    .option('--token-url <url>', 'rest: OAuth2 token URL')
    .option('--scope <scope>', 'rest: OAuth2 scope')
    .option('--api-key-header <name>', 'rest: header that carries the API key, e.g. X-Api-Key')
    .option(
      '--records-path <path>',
      'rest: where the list is in the response, e.g. data (default: the response itself)',
    )
    .option('--paging <style>', 'rest: none, offset, page, cursor or next-link')
    .option('--page-size <n>', 'rest/afas/personio: records per page', positiveInt)
    .option('--cursor-path <path>', 'rest: where the next cursor is, e.g. meta.next_cursor')
    .option('--cursor-param <name>', 'rest: query parameter for the cursor (default cursor)')
    .option('--next-path <path>', 'rest: where the next-page URL is, e.g. links.next')
    .option('--total-path <path>', 'rest: where the total count is, e.g. meta.total');
}

function parsed<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  throw new UserError(
    `invalid source settings: ${result.error.issues.map((i) => `${i.path.map(String).join('.') || 'source'}: ${i.message}`).join('; ')}`,
  );
}

/** The source block of the mapping from the command line; never the secret. */
export function apiSourceFromOptions(opts: ApiInitOptions): ApiSource {
  if (opts.source === 'personio') {
    if (!opts.sourceClientId)
      throw new UserError(
        'init --source personio needs --source-client-id (the secret goes in PLEK_SOURCE_SECRET)',
      );
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
      throw new UserError(
        'init --source afas needs --source-url (https://12345.rest.afas.online/ProfitRestServices) and --connector (the token goes in PLEK_SOURCE_TOKEN)',
      );
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
  if (!opts.sourceUrl)
    throw new UserError('init --source rest needs --source-url (the URL that lists the people)');
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
    throw new UserError(
      '--auth oauth2 needs --token-url and --source-client-id (the secret goes in PLEK_SOURCE_SECRET)',
    );
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

/** Reads a sample of the API and proposes a mapping from its attribute names. */
export async function initApi(opts: ApiInitOptions) {
  const source = apiSourceFromOptions(opts);
  const { sampleApiSource, secretEnvName, secretDescription, apiSourceLabel } =
    await import('../../sources/api/index');
  const env = secretEnvName(source);
  const secret = env ? envSecret(env) : undefined;
  if (env && !secret)
    throw new UserError(
      `set ${env} to ${secretDescription(source)} (it is never written to the mapping file)`,
    );
  // --token-url on the command line is the consultant's confirmation of the token host.
  const confirmed =
    source.kind === 'rest' && source.auth.kind === 'oauth2' && opts.tokenUrl
      ? { confirmedTokenOrigin: new URL(opts.tokenUrl).origin }
      : {};
  const sample = await sampleApiSource(source, { ...(secret ? { secret } : {}), ...confirmed, size: 200 });
  if (sample.records.length === 0) {
    throw new UserError(
      `${apiSourceLabel(source)} returned no records; check the settings (connector, records path, rights)`,
    );
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
