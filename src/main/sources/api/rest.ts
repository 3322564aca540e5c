/**
 * Any REST/JSON API that lists people (Nmbrs, Visma, Loket, HR2day…): a URL, an auth kind, where the records are
 * in the response, and a paging style (offset/limit, page number, cursor or next link). When the API says how
 * many records there are (`totalPath`), a read that ends with fewer is refused: a short read would look like
 * leavers.
 */
import type { RestSource } from '../../../shared/mapping/schema';
import type { SourceRecord } from '../../../shared/source/types';
import { apiKey, bearer, oauth2ClientCredentials } from './auth';
import { nextLink, recordsOf, type ReadState } from './context';
import { ApiSourceError, endpointLabel } from './errors';
import { flattenRecord, valueAt } from './flatten';
import { requestJson, type Authenticator } from './http';
import { decideTokenUrl } from '../../../shared/api/validators';

export function restAuth(
  state: ReadState,
  source: RestSource,
  secret: string | undefined,
  confirmedTokenOrigin?: string,
): Authenticator | undefined {
  const auth = source.auth;
  if (auth.kind === 'none') return undefined;
  if (auth.kind === 'oauth2') {
    const decision = decideTokenUrl(source.url, auth.tokenUrl, confirmedTokenOrigin ?? null);
    if (decision.kind === 'needs-confirmation') {
      throw new ApiSourceError(
        'insecure-url',
        `The token URL is on ${decision.origin}, another host than the API (${decision.baseOrigin}); the client secret is not sent there without your confirmation.`,
        `Confirm that host: in the workbench when asked, or on the command line with PLEK_SOURCE_TOKEN_URL=${auth.tokenUrl}.`,
      );
    }
    if (decision.kind === 'invalid') {
      throw new ApiSourceError(
        'insecure-url',
        decision.reason,
        'Use https:// URLs for the API and its token endpoint.',
      );
    }
  }
  const value = secret ?? '';
  if (auth.kind === 'bearer') return bearer(value);
  if (auth.kind === 'apiKey') return apiKey(auth.header, value);
  return oauth2ClientCredentials(state.ctx, {
    tokenUrl: auth.tokenUrl,
    clientId: auth.clientId,
    clientSecret: value,
    ...(auth.scope ? { scope: auth.scope } : {}),
    vendor: 'rest',
  });
}

function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

function totalOf(body: unknown, source: RestSource): number | null {
  if (!source.totalPath) return null;
  const value = valueAt(body, source.totalPath);
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Every record the API lists, page by page (row = 1-based position, ref = "record N"). */
export async function* readRest(
  state: ReadState,
  source: RestSource,
  secret: string | undefined,
  limit: number | undefined,
  confirmedTokenOrigin?: string,
): AsyncGenerator<SourceRecord> {
  const auth = restAuth(state, source, secret, confirmedTokenOrigin);
  const paging = source.paging;
  const first = withQuery(source.url, source.query ?? {});
  let row = 0;
  let pageIndex = 0;
  let url = first;
  let cursor: string | null = null;
  const seen = new Set<string>([first]);
  const seenCursors = new Set<string>();
  let total: number | null = null;

  const pageUrl = (): string => {
    switch (paging.style) {
      case 'offset':
        return withQuery(first, {
          [paging.offsetParam]: String(row),
          [paging.limitParam]: String(paging.pageSize),
        });
      case 'page':
        return withQuery(first, {
          [paging.pageParam]: String(paging.firstPage + pageIndex),
          [paging.sizeParam]: String(paging.pageSize),
        });
      case 'cursor':
        return withQuery(first, {
          ...(paging.sizeParam ? { [paging.sizeParam]: String(paging.pageSize) } : {}),
          ...(cursor !== null ? { [paging.cursorParam]: cursor } : {}),
        });
      default:
        return url;
    }
  };

  for (;;) {
    const requestUrl = pageUrl();
    const body = await requestJson(state.ctx, { url: requestUrl, ...(auth ? { auth } : {}), phase: 'read' });
    const records = recordsOf(body, source.recordsPath, requestUrl, valueAt);
    total = totalOf(body, source) ?? total;
    state.progress.total = total;
    state.progress.pages++;
    pageIndex++;
    for (const record of records) {
      row++;
      state.progress.records = row;
      yield { row, ref: `record ${row}`, values: flattenRecord(record) };
      if (limit !== undefined && row >= limit) {
        state.report();
        return;
      }
    }
    state.report();
    if (paging.style === 'none') break;
    if (paging.style === 'offset' || paging.style === 'page') {
      // An empty page ends the list (a short page may only mean the API capped the page size).
      if (records.length === 0 || (total !== null && row >= total)) break;
      continue;
    }
    if (paging.style === 'cursor') {
      const next = valueAt(body, paging.cursorPath);
      if (next === null || next === undefined || next === '' || records.length === 0) break;
      const text = String(next);
      if (seenCursors.has(text)) {
        throw new ApiSourceError(
          'bad-response',
          `${endpointLabel(requestUrl)} returns the same cursor again (a paging loop); the read stopped.`,
          'Check cursorPath in the source settings: it must name the cursor of the next page.',
        );
      }
      seenCursors.add(text);
      cursor = text;
      continue;
    }
    const link = valueAt(body, paging.nextPath);
    const href = typeof link === 'object' && link !== null ? valueAt(link, 'href') : link;
    if (typeof href !== 'string' || href === '' || records.length === 0) break;
    url = nextLink(href, requestUrl, seen);
  }
  if (total !== null && row < total) {
    throw new ApiSourceError(
      'incomplete',
      `${endpointLabel(source.url)} announced ${total} records but gave ${row}; the read is not used.`,
      'Check the paging settings (style, parameter names, page size); a partial list would make people look like leavers.',
    );
  }
}
