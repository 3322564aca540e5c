import { describeRecordAttributes } from '../../../shared/source/describe';
import type { Client, Entry } from 'ldapts';
import type { CodedMessage } from '../../../shared/i18n/message';
import type { LdapSource } from '../../../shared/mapping/schema';
import type { SourceAttribute, SourceRecord, SourceValue } from '../../../shared/source/types';
import {
  checkCredentials,
  checkFilter,
  connectAndBind,
  describeFailure,
  effectiveFilter,
  type LdapConnectOptions,
  throwIfAborted,
} from './connection';
import {
  type ConvertedEntry,
  convertEntry,
  explicitBufferAttributes,
  isKnownMultiValued,
  normalizeDn,
  requestedAttributes,
} from './entry';
import { LdapError } from './errors';

export interface LdapReadOptions extends LdapConnectOptions {
  /** Called after every page with the number of entries read so far. */
  onProgress?: (read: number) => void;
  /**
   * The mapping key attribute. When set (and manager is read), `manager` holds the manager's key instead of a DN
   * whenever the manager is among the entries read; `managerDn` always keeps the DN.
   */
  mappingKeyAttribute?: string;
}

interface SearchPlan {
  filter: string;
  attributes: string[];
  names: Map<string, string>;
  buffers: string[];
}

function plan(source: LdapSource): SearchPlan {
  const filter = effectiveFilter(source);
  checkFilter(filter);
  const attributes = requestedAttributes(source.flavor, source.attributes);
  const names = new Map<string, string>();
  for (const a of source.attributes ?? []) names.set(a.toLowerCase(), a);
  return { filter, attributes, names, buffers: explicitBufferAttributes(source.attributes) };
}

/** Streams the search page by page (paged results control), never holding more than one page. */
async function* pages(
  client: Client,
  source: LdapSource,
  p: SearchPlan,
  attributes: string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<Entry[]> {
  const iterator = client.searchPaginated(source.baseDn, {
    scope: source.scope,
    filter: p.filter,
    attributes,
    explicitBufferAttributes: p.buffers,
    paged: { pageSize: source.pageSize },
    timeLimit: Math.ceil(source.timeoutMs / 1000),
  });
  for await (const page of iterator) {
    throwIfAborted(source, signal);
    // Search references (Samba/AD answer a search from the domain root with one for the Configuration
    // partition) are not followed: they would need DNS for the partition and hold no people.
    yield page.searchEntries;
  }
}

function wantsManager(p: SearchPlan): boolean {
  return p.attributes.some((a) => a === '*' || a.toLowerCase() === 'manager');
}

/** First pass for manager resolution: DN → mapping key of every entry in scope (DN and one attribute only). */
async function keyIndex(
  client: Client,
  source: LdapSource,
  p: SearchPlan,
  keyAttribute: string,
  signal: AbortSignal | undefined,
): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const attributes = requestedAttributes(source.flavor, [keyAttribute]);
  for await (const entries of pages(client, source, p, attributes, signal)) {
    for (const entry of entries) {
      const values = convertEntry(entry, p.names).values;
      const name = Object.keys(values).find((k) => k.toLowerCase() === keyAttribute.toLowerCase());
      const key = name === undefined ? null : values[name];
      const text = Array.isArray(key) ? key[0] : key;
      if (text) index.set(normalizeDn(entry.dn), text);
    }
  }
  return index;
}

function resolveManager(values: Record<string, SourceValue>, index: Map<string, string> | null): void {
  const managerKey = Object.keys(values).find((k) => k.toLowerCase() === 'manager');
  if (!managerKey) return;
  const dn = values[managerKey];
  if (typeof dn !== 'string') return;
  values.managerDn = dn;
  if (!index) return;
  const key = index.get(normalizeDn(dn));
  values[managerKey] = key ?? dn;
  values.managerResolved = key ? 'true' : 'false';
}

function toRecord(converted: ConvertedEntry, row: number): SourceRecord {
  return { row, ref: converted.dn, values: converted.values };
}

/**
 * Reads every entry under the base DN as source records (row = 1-based entry index, ref = DN), page by page with
 * the paged-results control, so AD's 1,000-entry limit and 100k-user directories work. Always unbinds.
 */
export async function* readLdapRecords(
  source: LdapSource,
  options: LdapReadOptions,
): AsyncGenerator<SourceRecord> {
  checkCredentials(source, options.password);
  const p = plan(source);
  const client = await connectAndBind(source, options);
  try {
    let index: Map<string, string> | null = null;
    if (options.mappingKeyAttribute && wantsManager(p)) {
      index = await keyIndex(client, source, p, options.mappingKeyAttribute, options.signal);
    }
    let row = 0;
    for await (const entries of pages(client, source, p, p.attributes, options.signal)) {
      for (const entry of entries) {
        row++;
        const converted = convertEntry(entry, p.names);
        resolveManager(converted.values, index);
        yield toRecord(converted, row);
      }
      options.onProgress?.(row);
    }
  } catch (error) {
    throw error instanceof LdapError ? error : await describeFailure(error, source, options);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Schema discovery for `init` and the graph editor: reads the first `size` entries and lists every attribute with
 * its fill rate and up to three example values. Binary attributes are listed with a note instead of values.
 */
export async function sampleLdap(
  source: LdapSource,
  options: LdapConnectOptions & { size: number },
): Promise<{ attributes: SourceAttribute[]; records: SourceRecord[] }> {
  checkCredentials(source, options.password);
  const p = plan(source);
  const client = await connectAndBind(source, options);
  const records: SourceRecord[] = [];
  const binary = new Map<string, { count: number; bytes: number; photo: boolean }>();
  try {
    // A sample of 200 should not make the server prepare a page of 1,000.
    const sampled = { ...source, pageSize: Math.min(source.pageSize, Math.max(options.size, 1)) };
    outer: for await (const entries of pages(client, sampled, p, p.attributes, options.signal)) {
      for (const entry of entries) {
        const converted = convertEntry(entry, p.names);
        resolveManager(converted.values, null);
        records.push(toRecord(converted, records.length + 1));
        for (const b of converted.binary) {
          const seen = binary.get(b.name) ?? { count: 0, bytes: b.bytes, photo: b.photo };
          seen.count++;
          binary.set(b.name, seen);
        }
        if (records.length >= options.size) break outer;
      }
    }
  } catch (error) {
    throw error instanceof LdapError ? error : await describeFailure(error, source, options);
  } finally {
    await client.unbind().catch(() => undefined);
  }
  return { attributes: describeAttributes(records, binary), records };
}

/** Fill rate, three distinct examples and list-ness of every attribute seen in the sample. */
export function describeAttributes(
  records: readonly SourceRecord[],
  binary: ReadonlyMap<string, { count: number; bytes: number; photo: boolean }> = new Map(),
): SourceAttribute[] {
  const total = Math.max(records.length, 1);
  const out = describeRecordAttributes(records, isKnownMultiValued);
  for (const [name, b] of binary) {
    out.push({
      name,
      fillRate: b.count / total,
      examples: [b.photo ? `(photo, ${b.bytes} bytes: photos are not synced)` : `(binary, ${b.bytes} bytes)`],
      binary: true,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** How many entries a connection test counts before it stops (it is a test, not a read). */
export const TEST_COUNT_CAP = 10_000;

/**
 * Connects, binds and counts the entries the filter finds under the base DN (up to TEST_COUNT_CAP; `more` says
 * whether there are more). Never throws: failures come back as `{ ok: false, error }`.
 */
export async function testLdapConnection(
  source: LdapSource,
  options: LdapConnectOptions,
): Promise<
  { ok: true; entries: number; more: boolean; warnings: CodedMessage[] } | { ok: false; error: LdapError }
> {
  const warnings: CodedMessage[] = [];
  let client: Client | undefined;
  try {
    checkCredentials(source, options.password);
    const p = plan(source);
    client = await connectAndBind(source, {
      ...options,
      onWarning: (w) => {
        warnings.push(w);
        options.onWarning?.(w);
      },
    });
    let entries = 0;
    let more = false;
    outer: for await (const page of pages(client, source, p, ['1.1'], options.signal)) {
      for (const _ of page) {
        if (entries >= TEST_COUNT_CAP) {
          more = true;
          break outer;
        }
        entries++;
      }
    }
    return { ok: true, entries, more, warnings };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof LdapError ? error : await describeFailure(error, source, options),
    };
  } finally {
    await client?.unbind().catch(() => undefined);
  }
}
