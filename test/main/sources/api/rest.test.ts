import { afterEach, describe, expect, it } from 'vitest';
import { restSourceSchema, type RestSource } from '../../../../src/shared/mapping/schema';
import { readApiRecords } from '../../../../src/main/sources/api/index';
import { flattenRecord } from '../../../../src/main/sources/api/flatten';
import type { SourceRecord } from '../../../../src/shared/source/types';
import {
  startRestEmulator,
  type EmulatorBase,
  type RestEmulatorOptions,
  type RestPagingStyle,
} from '../../../support/hr-api-emulators';
import { generateHrPeople } from '../../../support/hr-people';

const { people } = generateHrPeople({ count: 131, seed: 8 });
let emulator: EmulatorBase | null = null;
afterEach(async () => {
  await emulator?.stop();
  emulator = null;
});

const quick = (waits: number[] = []) => ({ backoffMs: 5, sleep: async (ms: number) => void waits.push(ms) });

const PAGING: Record<RestPagingStyle, unknown> = {
  none: { style: 'none' },
  offset: { style: 'offset', pageSize: 25 },
  page: { style: 'page', pageSize: 30 },
  cursor: { style: 'cursor', cursorPath: 'meta.next_cursor', sizeParam: 'size', pageSize: 40 },
  nextLink: { style: 'nextLink', nextPath: 'links.next' },
};

async function setup(
  paging: RestPagingStyle,
  extra: Partial<RestEmulatorOptions> = {},
  sourceExtra: object = {},
) {
  emulator = await startRestEmulator({
    people,
    paging,
    auth: { kind: 'oauth2', clientId: 'hr2day', clientSecret: 'geheim-2day' },
    ...extra,
  });
  const source = restSourceSchema.parse({
    kind: 'rest',
    url: `${emulator.url}/api/v1/employees`,
    auth: { kind: 'oauth2', tokenUrl: `${emulator.url}/oauth/token`, clientId: 'hr2day' },
    recordsPath: 'data',
    totalPath: 'meta.total',
    paging: PAGING[paging],
    ...sourceExtra,
  });
  return { e: emulator, source };
}

async function readAll(s: RestSource, secret = 'geheim-2day', waits: number[] = []) {
  const records: SourceRecord[] = [];
  for await (const r of readApiRecords(s, { secret, tuning: quick(waits) })) records.push(r);
  return records;
}

describe('generic REST reader', () => {
  it.each(['none', 'offset', 'page', 'cursor', 'nextLink'] as const)(
    'reads all 131 people with %s paging, nested JSON as dotted names and arrays as lists',
    async (style) => {
      const { e, source } = await setup(
        style,
        style === 'none'
          ? {}
          : {
              fault: (n) =>
                n === 2 ? { status: 429, retryAfter: '1' } : n === 3 ? { status: 500 } : undefined,
            },
      );
      const waits: number[] = [];
      const records = await readAll(source, 'geheim-2day', waits);
      expect(records.map((r) => r.values.id)).toEqual(people.map((p) => p.id));
      const v = records[9]!.values;
      expect(v['name.first']).toBe(people[9]!.givenName);
      expect(v['job.manager.id']).toBe(people[9]!.supervisorId);
      expect(v['employment.status']).toMatch(/^(?:active|inactive)$/);
      expect(v['employment.end_date'] === null || typeof v['employment.end_date'] === 'string').toBe(true);
      expect(v.tags).toEqual([people[9]!.office, people[9]!.department]);
      expect(v['contact.phones']).toEqual([]);
      expect(e.tokenRequests).toBe(1);
      if (style !== 'none') expect(waits).toContain(1000);
    },
  );

  it('refuses a short read when the API announced more records', async () => {
    const { source } = await setup('offset', { reportTotal: 140 });
    await expect(readAll(source)).rejects.toMatchObject({ code: 'incomplete' });
  });

  it('reads on past a capped page size (offset/limit) until an empty page', async () => {
    const { source } = await setup('offset', { maxPageSize: 10 });
    expect(await readAll(source)).toHaveLength(131);
  });

  it('never follows a next link to another host with the token', async () => {
    const { e, source } = await setup('nextLink', { nextLinkHost: 'http://127.0.0.2:9' });
    await expect(readAll(source)).rejects.toMatchObject({ code: 'redirect' });
    expect(e.requests).toHaveLength(1);
  });

  it('sends a bearer token or an API key header as configured, and says 401 when it is wrong', async () => {
    emulator = await startRestEmulator({
      people,
      paging: 'none',
      auth: { kind: 'apiKey', header: 'X-Api-Key', key: 'k-123456' },
    });
    const keyed = restSourceSchema.parse({
      kind: 'rest',
      url: `${emulator.url}/api/v1/employees`,
      auth: { kind: 'apiKey', header: 'X-Api-Key' },
      recordsPath: 'data',
    });
    expect(await readAll(keyed, 'k-123456')).toHaveLength(131);
    await expect(readAll(keyed, 'k-wrong')).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await emulator.stop();
    emulator = await startRestEmulator({
      people,
      paging: 'none',
      auth: { kind: 'bearer', token: 'tok-abcdef' },
    });
    const bearer = { ...keyed, url: `${emulator.url}/api/v1/employees`, auth: { kind: 'bearer' as const } };
    expect(await readAll(bearer, 'tok-abcdef')).toHaveLength(131);
    expect(emulator.requests[0]!.authorization).toBe('Bearer tok-abcdef');
  });

  it('sends the client secret to a token URL on another host only after the consultant confirmed that host', async () => {
    const { e, source } = await setup('none');
    const port = new URL(e.url).port;
    const elsewhere = {
      ...source,
      auth: { kind: 'oauth2' as const, tokenUrl: `http://localhost:${port}/oauth/token`, clientId: 'hr2day' },
    };
    await expect(readAll(elsewhere)).rejects.toMatchObject({
      code: 'insecure-url',
      message: expect.stringContaining(`http://localhost:${port}`),
    });
    expect(e.tokenRequests).toBe(0);
    const records: SourceRecord[] = [];
    for await (const r of readApiRecords(elsewhere, {
      secret: 'geheim-2day',
      confirmedTokenOrigin: `http://localhost:${port}`,
      tuning: quick(),
    }))
      records.push(r);
    expect(records).toHaveLength(131);
    expect(e.tokenRequests).toBe(1);
  });

  it('says where it expected the records when recordsPath is wrong', async () => {
    const { source } = await setup('none', {}, { recordsPath: 'items' });
    await expect(readAll(source)).rejects.toMatchObject({
      code: 'bad-response',
      message: expect.stringContaining('"items"'),
    });
  });
});

describe('flattenRecord', () => {
  it.each([
    [{ a: { b: { c: 1 } } }, { 'a.b.c': '1' }],
    [
      { x: null, y: true, z: '' },
      { x: null, y: 'true', z: '' },
    ],
    [{ list: ['a', null, 3] }, { list: ['a', '3'] }],
    [{ units: [{ id: 1, type: 'team' }, { id: 2 }] }, { 'units.id': ['1', '2'], 'units.type': ['team'] }],
    [{ nested: [[1, 2]] }, { nested: ['[1,2]'] }],
    [JSON.parse('{"__proto__": "x", "a": {"__proto__": {"p": 1}}}') as object, { 'a.__proto__.p': '1' }],
    [{ 'Datum uit dienst': '2026-01-31T00:00:00Z' }, { 'Datum uit dienst': '2026-01-31T00:00:00Z' }],
  ])('%j → %j', (input, output) => {
    expect(flattenRecord(input)).toEqual(output);
  });

  it('bounds depth and width of hostile JSON', () => {
    let deep: Record<string, unknown> = { v: 'bottom' };
    for (let i = 0; i < 50; i++) deep = { d: deep };
    const flat = flattenRecord(deep);
    expect(Object.keys(flat)).toHaveLength(1);
    expect(Object.keys(flat)[0]!.split('.').length).toBeLessThanOrEqual(10);
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(flattenRecord(wide))).toHaveLength(2000);
  });
});
