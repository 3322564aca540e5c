import { afterEach, describe, expect, it } from 'vitest';
import { personioSourceSchema, type PersonioSource } from '../../../../src/shared/mapping/schema';
import { readApiRecords, sampleApiSource, testApiConnection } from '../../../../src/main/sources/api/index';
import { ApiSourceError } from '../../../../src/main/sources/api/errors';
import type { SourceRecord } from '../../../../src/shared/source/types';
import {
  startPersonioEmulator,
  type PersonioEmulator,
  type PersonioEmulatorOptions,
} from '../../../support/hr-api-emulators';
import { generateHrPeople } from '../../../support/hr-people';

const SECRET = 'papi-secret-Zx81!kq';
const { people, expect: expected } = generateHrPeople({ count: 137, seed: 3 });
let emulator: PersonioEmulator | null = null;
afterEach(async () => {
  await emulator?.stop();
  emulator = null;
});

async function start(extra: Partial<PersonioEmulatorOptions> = {}) {
  emulator = await startPersonioEmulator({ people, clientId: 'plek-client', clientSecret: SECRET, ...extra });
  return emulator;
}

function source(url: string, extra: Partial<PersonioSource> = {}): PersonioSource {
  return personioSourceSchema.parse({ kind: 'personio', baseUrl: url, clientId: 'plek-client', ...extra });
}

/** Waits are recorded instead of slept: the tests check Retry-After was honoured without taking seconds. */
function quick(waits: number[] = []) {
  return { backoffMs: 5, sleep: async (ms: number) => void waits.push(ms) };
}

async function readAll(s: PersonioSource, options: Parameters<typeof readApiRecords>[1] = {}) {
  const records: SourceRecord[] = [];
  for await (const r of readApiRecords(s, { secret: SECRET, tuning: quick(), ...options })) records.push(r);
  return records;
}

describe('Personio v2 reader', () => {
  it('asks for the next persons page while the employments of this page are read, so they never wait for the list', async () => {
    const e = await start({ latencyMs: 5 });
    const records = await readAll(source(e.url, { concurrency: 4 }));
    expect(records).toHaveLength(137);
    const isPage = (r: { path: string }) => r.path.startsWith('/v2/persons?');
    const pageAt = e.requests.flatMap((r, i) => (isPage(r) ? [i] : []));
    expect(pageAt).toHaveLength(3);
    // Page 2 is requested right after page 1 arrived: before the first page's 50 employment requests have all
    // gone out (at most the four in flight and the ones started while the request was made), not after them.
    const employmentsBeforePage2 = e.requests.slice(0, pageAt[1]).filter((r) => !isPage(r)).length;
    expect(employmentsBeforePage2).toBeLessThan(10);
    const employmentsBeforePage3 = e.requests.slice(0, pageAt[2]).filter((r) => !isPage(r)).length;
    expect(employmentsBeforePage3).toBeLessThan(60);
  });

  it('reads every person with the current employment as dotted attributes, 50 per page, employments in parallel but bounded', async () => {
    const e = await start({ latencyMs: 5 });
    const records = await readAll(source(e.url, { concurrency: 4 }));
    expect(records).toHaveLength(137);
    expect(records.map((r) => r.values.id)).toEqual(people.map((p) => p.id));
    const personPages = e.requests.filter((r) => r.path.startsWith('/v2/persons?'));
    expect(personPages.map((r) => new URL(r.path, e.url).searchParams.get('limit'))).toEqual([
      '50',
      '50',
      '50',
    ]);
    expect(e.requests.filter((r) => r.path.endsWith('/employments?limit=50'))).toHaveLength(137);
    expect(e.tokenRequests).toBe(1);
    expect(e.requests.every((r) => r.authorization?.startsWith('Bearer papi-'))).toBe(true);
    // Four employment requests plus the next persons page at most.
    expect(e.maxInFlight).toBeLessThanOrEqual(5);
    expect(e.maxInFlight).toBeGreaterThan(1);

    const byId = new Map(records.map((r) => [r.values.id as string, r]));
    const umlaut = people.find((p) => /[äöüßë]/i.test(p.givenName + p.familyName))!;
    expect(byId.get(umlaut.id)!.values.first_name).toBe(umlaut.givenName);
    const prefixed = people.find((p) => p.prefix === 'van der')!;
    expect(byId.get(prefixed.id)!.values.last_name).toBe(`van der ${prefixed.familyName}`);
    const staff = byId.get(people[20]!.id)!.values;
    expect(staff['employment.supervisor.id']).toBe(people[20]!.supervisorId);
    expect(staff['employment.position.title']).toBe(people[20]!.title);
    expect(staff['employment.org_units.type']).toEqual(['department', 'team']);
    expect(staff['custom_attributes.dynamic_21827']).toBe(people[20]!.department);
    expect(staff['custom_attributes.dynamic_30001']).toBeNull();
    expect(staff.employments).toBeUndefined();
    // The most recent employment wins, also when an ended one follows it.
    const twoJobs = people.find((p) => Number(p.id) % 3 === 0 && p.status === 'ACTIVE' && !p.endDate)!;
    expect(byId.get(twoJobs.id)!.values['employment.status']).toBe('ACTIVE');
    expect(byId.get(twoJobs.id)!.values['employment.count']).toBe('2');
    const leaver = byId.get(expected.deactivated[0]!)!.values;
    expect(leaver['employment.termination.termination_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byId.get(expected.director)!.values['employment.supervisor']).toBeNull();
  });

  it('waits out a 429 for its Retry-After, repeats a request that got a 500, and completes', async () => {
    const e = await start({
      fault: (n) =>
        n === 2 ? { status: 429, retryAfter: '3' } : n === 60 || n === 61 ? { status: 503 } : undefined,
    });
    const waits: number[] = [];
    const records = await readAll(source(e.url), { tuning: quick(waits) });
    expect(records).toHaveLength(137);
    expect(new Set(records.map((r) => r.values.id)).size).toBe(137);
    expect(waits[0]).toBe(3000);
    expect(waits).toHaveLength(3);
  });

  it('signs in again when the token expires mid-read and reads on', async () => {
    const e = await start({ expireTokenAfter: 40, latencyMs: 2 });
    const records = await readAll(source(e.url));
    expect(records).toHaveLength(137);
    expect(e.tokenRequests).toBeGreaterThanOrEqual(4);
    expect(records.every((r) => r.values['employment.status'] !== undefined)).toBe(true);
  });

  it('names wrong credentials without echoing the secret, and sends nothing else', async () => {
    const e = await start();
    const result = await testApiConnection(source(e.url), { secret: 'wrong-secret-123', tuning: quick() });
    expect(result.ok).toBe(false);
    const error = (result as { error: ApiSourceError }).error;
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('Personio refused the client ID and secret');
    expect(error.hint).toMatch(/API credentials/);
    expect(JSON.stringify({ m: error.message, h: error.hint })).not.toContain('wrong-secret-123');
    expect(e.requests).toHaveLength(0);
  });

  it('fails the whole read when a page keeps failing: never a partial list', async () => {
    let calls = 0;
    emulator = await startPersonioEmulator({
      people,
      clientId: 'plek-client',
      clientSecret: SECRET,
      fault: (_n, path) => (path === '/v2/persons' && ++calls >= 2 ? { status: 500 } : undefined),
    });
    const seen: SourceRecord[] = [];
    const read = async () => {
      for await (const r of readApiRecords(source(emulator!.url, { retries: 2 }), {
        secret: SECRET,
        tuning: quick(),
      }))
        seen.push(r);
    };
    await expect(read()).rejects.toMatchObject({ code: 'server', status: 500 });
    expect(seen.length).toBeLessThanOrEqual(50);
    // 1 good page, then the second page: 1 attempt + 2 retries.
    expect(emulator.requests.filter((r) => r.path.startsWith('/v2/persons?'))).toHaveLength(4);
  });

  it('stops with the time to try again when Retry-After is longer than it will wait', async () => {
    const e = await start({ fault: () => ({ status: 429, retryAfter: '900' }) });
    const error = await readAll(source(e.url)).catch((x: unknown) => x);
    expect(error).toBeInstanceOf(ApiSourceError);
    expect(error).toMatchObject({ code: 'rate-limited', status: 429 });
    expect((error as ApiSourceError).message).toMatch(/Try again after \d{2}:\d{2} UTC/);
    expect(Date.parse((error as ApiSourceError).retryAt!)).toBeGreaterThan(Date.now() + 800_000);
  });

  it('refuses plain http to a real host before sending anything, and needs the secret', async () => {
    const insecure = { ...source('https://api.personio.de'), baseUrl: 'http://api.personio.de' };
    await expect(readAll(insecure)).rejects.toMatchObject({ code: 'insecure-url' });
    await expect(readAll(source('https://api.personio.de'), { secret: '' })).rejects.toMatchObject({
      code: 'missing-secret',
    });
    expect(
      personioSourceSchema.safeParse({ kind: 'personio', clientId: 'x', baseUrl: 'http://api.personio.de' })
        .success,
    ).toBe(false);
    expect(personioSourceSchema.parse({ kind: 'personio', clientId: 'x' }).baseUrl).toBe(
      'https://api.personio.de',
    );
  });

  it('samples the first records and can be cancelled', async () => {
    const e = await start({ latencyMs: 5 });
    const sample = await sampleApiSource(source(e.url), { secret: SECRET, size: 12, tuning: quick() });
    expect(sample.records).toHaveLength(12);
    expect(sample.attributes.map((a) => a.name)).toEqual(
      expect.arrayContaining(['first_name', 'last_name', 'email', 'employment.employment_start_date']),
    );
    const ac = new AbortController();
    const read = (async () => {
      let n = 0;
      for await (const _ of readApiRecords(source(e.url), { secret: SECRET, signal: ac.signal })) {
        if (++n === 10) ac.abort();
      }
    })();
    await expect(read).rejects.toMatchObject({ code: 'aborted' });
  });
});
