/**
 * Personio (Persons & Employments API v2): OAuth2 client credentials at POST {base}/v2/auth/token, persons from
 * GET {base}/v2/persons with cursor paging (follow `_meta.links.next.href` until it is absent), and the current
 * employment of each person from GET {base}/v2/persons/{id}/employments (most recent first), fetched with
 * bounded concurrency. A person becomes one record: its own fields, `custom_attributes.<id>`, and the
 * employment's fields under `employment.` (`employment.status`, `employment.position.title`,
 * `employment.supervisor.id`, `employment.termination.termination_date`, …).
 */
import type { PersonioSource } from '../../../shared/mapping/schema';
import type { SourceRecord, SourceValue } from '../../../shared/source/types';
import { oauth2ClientCredentials } from './auth';
import { mapOrdered, nextLink, recordsOf, type ReadState } from './context';
import { flattenRecord, valueAt } from './flatten';
import { requestJson, type Authenticator } from './http';

function base(source: PersonioSource): string {
  return source.baseUrl.replace(/\/+$/, '');
}

export function personioAuth(state: ReadState, source: PersonioSource, secret: string): Authenticator {
  return oauth2ClientCredentials(state.ctx, {
    tokenUrl: `${base(source)}/v2/auth/token`,
    clientId: source.clientId,
    clientSecret: secret,
    vendor: 'personio',
  });
}

type Json = Record<string, unknown>;

async function* persons(
  state: ReadState,
  source: PersonioSource,
  auth: Authenticator,
  limit: number | undefined,
): AsyncGenerator<Json> {
  let url = `${base(source)}/v2/persons?limit=${source.pageSize}`;
  const seen = new Set<string>([url]);
  let yielded = 0;
  let page: Promise<unknown> = requestJson(state.ctx, { url, auth, phase: 'read' });
  for (;;) {
    const body = await page;
    const data = recordsOf(body, '_data', url, valueAt);
    state.progress.pages++;
    state.report();
    const href = valueAt(body, '_meta.links.next.href');
    const nextUrl =
      typeof href !== 'string' ||
      href === '' ||
      data.length === 0 ||
      (limit !== undefined && yielded + data.length >= limit)
        ? null
        : nextLink(href, url, seen);
    // The next page is asked for now, while this page's people have their employments read: otherwise every 50
    // people the employment requests would run dry waiting for the list. A read that stops early (limit, cancel,
    // a failure) leaves that request's failure handled here; a read that goes on gets it when it awaits the page.
    if (nextUrl !== null) {
      page = requestJson(state.ctx, { url: nextUrl, auth, phase: 'read' });
      page.catch(() => undefined);
    }
    for (const person of data) {
      if (typeof person !== 'object' || person === null) continue;
      yield person as Json;
      if (limit !== undefined && ++yielded >= limit) return;
    }
    if (nextUrl === null) return;
    url = nextUrl;
  }
}

/** The person's own fields; custom attributes keyed by their id; employment references left out. */
function personValues(person: Json): Record<string, SourceValue> {
  const { _meta: _m, employments: _e, custom_attributes: custom, ...own } = person;
  const values = flattenRecord(own);
  if (Array.isArray(custom)) {
    for (const attribute of custom) {
      if (typeof attribute !== 'object' || attribute === null) continue;
      const { id, value } = attribute as { id?: unknown; value?: unknown };
      if (typeof id !== 'string' && typeof id !== 'number') continue;
      Object.assign(values, flattenRecord({ [String(id)]: value ?? null }, 'custom_attributes'));
    }
  }
  return values;
}

async function employmentOf(
  state: ReadState,
  source: PersonioSource,
  auth: Authenticator,
  personId: string,
): Promise<Record<string, SourceValue>> {
  const url = `${base(source)}/v2/persons/${encodeURIComponent(personId)}/employments?limit=50`;
  const body = await requestJson(state.ctx, { url, auth, phase: 'read' });
  const data = recordsOf(body, '_data', url, valueAt);
  // Most recent first (Personio's documented order): that one says whether the person still works here.
  const current = data.find((e) => typeof e === 'object' && e !== null) as Json | undefined;
  if (!current) return { 'employment.status': null };
  const { _meta: _m, person: _p, ...fields } = current;
  return { ...flattenRecord(fields, 'employment'), 'employment.count': String(data.length) };
}

/** Every person as a record (row = 1-based order of the list, ref = "person <id>"). */
export async function* readPersonio(
  state: ReadState,
  source: PersonioSource,
  secret: string,
  limit: number | undefined,
): AsyncGenerator<SourceRecord> {
  const auth = personioAuth(state, source, secret);
  let row = 0;
  const withEmployment = async (person: Json): Promise<Record<string, SourceValue>> => {
    const values = personValues(person);
    if (source.employments && person.id !== undefined && person.id !== null) {
      Object.assign(values, await employmentOf(state, source, auth, String(person.id)));
    }
    return values;
  };
  for await (const values of mapOrdered(
    persons(state, source, auth, limit),
    withEmployment,
    source.employments ? source.concurrency : 1,
  )) {
    row++;
    state.progress.records = row;
    if (row % 50 === 0) state.report();
    const id = values.id;
    yield { row, ref: `person ${typeof id === 'string' ? id : row}`, values };
  }
  state.report();
}
