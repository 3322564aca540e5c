import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox';
import {
  backoffDelay,
  discoverTargetFields,
  parseRetryAfter,
  ScimAuthError,
  ScimClient,
} from '../../../src/main/scim';
import { PLEK_PROFILE_SCHEMA } from '../../../src/shared/scim/fields';
import { startFaultProxy } from '../../support/fault-proxy';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('retry helpers', () => {
  it('draws full-jitter backoff below min(cap, base·2^attempt)', () => {
    expect(backoffDelay(3, 100, 10_000, () => 0.999)).toBe(799);
    expect(backoffDelay(10, 100, 10_000, () => 0.5)).toBe(5000);
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(0);
  });

  it.each([
    ['120', 120_000],
    [' 3 ', 3000],
    ['Mon, 23 Nov 2026 08:00:05 GMT', 5000],
    ['Mon, 23 Nov 2026 07:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('parses Retry-After %j', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('2026-11-23T08:00:00Z'))).toBe(ms);
  });
});

describe('ScimClient', () => {
  it('reports a refused client secret without echoing it', async () => {
    const h = await startSandbox({ clientSecret: 'juiste-geheim' });
    cleanup.push(() => h.stop());
    const c = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: 'verkeerd-geheim-123' },
    });
    cleanup.push(() => c.close());
    const err = await c.listUsers().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScimAuthError);
    expect(String((err as Error).message)).toMatch(/HTTP 401 \(invalid_client\)/);
    expect(String((err as Error).message)).not.toContain('verkeerd-geheim-123');
  });

  it('renews its token before expiry by its own clock', async () => {
    const h = await startSandbox({ tokenTtlSeconds: 600 });
    cleanup.push(() => h.stop());
    let now = Date.now();
    const c = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
      now: () => now,
    });
    cleanup.push(() => c.close());
    await c.listUsers();
    now += 500_000;
    await c.listUsers();
    expect(h.stats().tokensIssued).toBe(1);
    now += 50_000; // within a minute of expiry
    await c.listUsers();
    expect(h.stats().tokensIssued).toBe(2);
    expect(h.stats().unauthorized).toBe(0);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const h = await startSandbox();
    const proxy = await startFaultProxy({
      target: h.url,
      seed: 7,
      rates: { rateLimit: 0.5 },
      retryAfterSeconds: 4,
    });
    cleanup.push(
      () => h.stop(),
      () => proxy.stop(),
    );
    const waits: number[] = [];
    // A clock the waits advance: the client's pacing then sees the Retry-After already waited out.
    let clock = Date.parse('2026-11-23T06:00:00Z');
    const c = new ScimClient({
      baseUrl: proxy.url,
      auth: {
        kind: 'oauth',
        clientId: h.clientId,
        clientSecret: h.clientSecret,
        tokenUrl: `${h.url}/oauth/token`,
      },
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    cleanup.push(() => c.close());
    for (let i = 0; i < 6; i++) await c.listUsers();
    expect(proxy.stats.rateLimit).toBeGreaterThan(0);
    expect(waits).toHaveLength(proxy.stats.rateLimit);
    expect(new Set(waits)).toEqual(new Set([4000]));
  });

  it('does not blindly repeat a create whose answer was lost: it finds the account by externalId', async () => {
    const h = await startSandbox();
    const proxy = await startFaultProxy({ target: h.url, seed: 1, rates: { resetAfter: 1 } });
    cleanup.push(
      () => h.stop(),
      () => proxy.stop(),
    );
    const direct = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
    });
    cleanup.push(() => direct.close());
    // Only the POST goes through the lossy proxy; lookups go straight to the sandbox.
    const lossy = new ScimClient({
      baseUrl: proxy.url,
      auth: {
        kind: 'oauth',
        clientId: h.clientId,
        clientSecret: h.clientSecret,
        tokenUrl: `${h.url}/oauth/token`,
      },
      maxRetries: 0,
    });
    cleanup.push(() => lossy.close());
    lossy.findUserByExternalId = (id: string) => direct.findUserByExternalId(id);
    const created = await lossy.createUser({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: 'E7001',
      userName: 'ruud.vanbeek@demo.nl',
    });
    expect(created.recovered).toBe(true);
    expect(h.stats().byMethod.POST).toBe(3); // two token requests (one per client) and exactly one create
    expect(h.stats().users).toBe(1);
  });

  it('creates through /Bulk: one clash fails alone, a repeated batch finds the accounts instead of duplicating', async () => {
    const h = await startSandbox();
    cleanup.push(() => h.stop());
    const c = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
    });
    cleanup.push(() => c.close());
    const u = (key: string, userName: string) => ({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: key,
      userName,
    });
    expect(await c.bulkMaxOperations()).toBe(1000);
    const first = await c.createUsersBulk([
      u('E1', 'ilse.debruijn@demo.nl'),
      u('E2', 'ILSE.deBruijn@demo.nl'),
      u('E3', 'mehmet.yilmaz@demo.nl'),
    ]);
    expect(typeof first[0]).toBe('string');
    expect(first[1]).toBeInstanceOf(Error);
    expect(String(first[1])).toMatch(/409/);
    const again = await c.createUsersBulk([
      u('E1', 'ilse.debruijn@demo.nl'),
      u('E3', 'mehmet.yilmaz@demo.nl'),
    ]);
    expect(again).toEqual([first[0], first[2]]);
    expect(h.stats().users).toBe(2);
  });

  it('gives up on a request that outlives its timeout, after its retries', async () => {
    const h = await startSandbox();
    const proxy = await startFaultProxy({ target: h.url, seed: 9, rates: { slow: 1 }, slowMs: 400 });
    cleanup.push(
      () => h.stop(),
      () => proxy.stop(),
    );
    const c = new ScimClient({
      baseUrl: proxy.url,
      auth: {
        kind: 'oauth',
        clientId: h.clientId,
        clientSecret: h.clientSecret,
        tokenUrl: `${h.url}/oauth/token`,
      },
      timeoutMs: 30,
      maxRetries: 2,
      retryBaseMs: 1,
      retryMaxMs: 2,
    });
    cleanup.push(() => c.close());
    // Seed 9 delays the three attempts by 340, 328 and 275 ms: each outlives the 30 ms timeout.
    await expect(c.listUsers()).rejects.toThrow('GET /Users failed: ETIMEDOUT');
    expect(c.counters.requests).toBe(3);
    expect(c.counters.retries).toBe(2);
  });

  it('discovers Plek profile fields from /Schemas as mapping targets', async () => {
    const h = await startSandbox();
    cleanup.push(() => h.stop());
    const c = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
    });
    cleanup.push(() => c.close());
    const fields = await discoverTargetFields(c);
    expect(fields.find((f) => f.path === `${PLEK_PROFILE_SCHEMA}:location`)).toEqual({
      path: `${PLEK_PROFILE_SCHEMA}:location`,
      label: { nl: 'Locatie', en: 'location' },
      type: 'string',
    });
    expect(fields.find((f) => f.path === `${PLEK_PROFILE_SCHEMA}:bhv`)?.type).toBe('boolean');
    expect(fields.some((f) => f.path === 'name.familyName')).toBe(true);
  });
});
