import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { ScimClient } from '../../../src/main/scim';
import { parseRateLimit, RatePacer } from '../../../src/main/scim/retry';
import { applyPlan } from '../../../src/main/sync';
import { employee, planFor } from '../../support/scim-fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = Date.parse('2026-11-23T06:00:00Z');

describe('parseRateLimit', () => {
  it.each([
    [
      'IETF draft headers with a policy',
      {
        'ratelimit-limit': '600',
        'ratelimit-remaining': '12',
        'ratelimit-reset': '4',
        'ratelimit-policy': '600;w=60',
      },
      { limit: 600, remaining: 12, reset: 4, window: 60 },
    ],
    [
      'the combined RateLimit field',
      { ratelimit: 'limit=100, remaining=50, reset=30' },
      { limit: 100, remaining: 50, reset: 30 },
    ],
    [
      'X-Rate-Limit-* with a reset as a Unix time',
      {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(NOW / 1000 + 42),
      },
      { limit: 300, remaining: 0, reset: 42 },
    ],
    [
      'X-RateLimit-* in seconds',
      { 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '3' },
      { remaining: 9, reset: 3 },
    ],
    ['nothing', { 'content-type': 'application/scim+json' }, {}],
    ['garbage', { 'ratelimit-limit': 'veel', 'ratelimit-policy': 'x;w=' }, {}],
  ])('%s', (_, headers, expected) => {
    expect(parseRateLimit(headers, NOW)).toEqual(expected);
  });
});

describe('RatePacer', () => {
  function fakeTime() {
    let clock = NOW;
    const waits: number[] = [];
    const pacer = new RatePacer(
      () => clock,
      async (ms) => {
        waits.push(ms);
      },
      1,
    );
    return { pacer, waits, advance: (ms: number) => (clock += ms) };
  }

  it('spaces request starts by the window divided by the limit once the target has said it', async () => {
    const { pacer, waits } = fakeTime();
    await pacer.acquire(); // the first request goes at once: nothing is known yet
    pacer.observe(200, { 'ratelimit-policy': '600;w=60', 'ratelimit-limit': '600' });
    for (let i = 0; i < 5; i++) await pacer.acquire();
    expect(waits).toEqual([100, 200, 300, 400]);
  });

  it('spreads what remains over the time to the reset, and waits for the reset when nothing remains', async () => {
    const { pacer, waits, advance } = fakeTime();
    pacer.observe(200, { 'x-rate-limit-remaining': '4', 'x-rate-limit-reset': '2' });
    await pacer.acquire();
    await pacer.acquire();
    expect(waits).toEqual([500]);
    advance(1000);
    pacer.observe(200, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '30' });
    waits.length = 0;
    await pacer.acquire();
    expect(waits).toEqual([30_000]);
  });

  it('after a quiet start or a window reset, spends what remains evenly until the reset: faster than the steady rate, never slower', async () => {
    const { pacer } = fakeTime();
    await pacer.acquire();
    // A fixed window of 600 a minute, 5 s of it gone by while the CLI started: 600 left for 55 s.
    pacer.observe(200, {
      'ratelimit-policy': '600;w=60',
      'ratelimit-remaining': '600',
      'ratelimit-reset': '55',
    });
    expect(pacer.spacingMs).toBeCloseTo(55_000 / 600, 6);
    // Late in the window with plenty left: still the steady rate, not slower.
    await pacer.acquire();
    pacer.observe(200, {
      'ratelimit-policy': '600;w=60',
      'ratelimit-remaining': '10',
      'ratelimit-reset': '5',
    });
    expect(pacer.spacingMs).toBe(100);
    // A full token bucket (reset 0): the steady rate, keeping the bucket as a cushion.
    await pacer.acquire();
    pacer.observe(200, {
      'ratelimit-policy': '600;w=60',
      'ratelimit-remaining': '10',
      'ratelimit-reset': '0',
    });
    expect(pacer.spacingMs).toBe(100);
  });

  it('counts requests in flight against what remains; with nothing left and a policy it waits one interval, not the whole reset', async () => {
    const { pacer, waits } = fakeTime();
    const policy = { 'ratelimit-policy': '600;w=60' };
    for (let i = 0; i < 4; i++) await pacer.acquire();
    // Three more are on their way, so the two that remain are spoken for.
    pacer.observe(200, { ...policy, 'ratelimit-remaining': '2', 'ratelimit-reset': '30' });
    waits.length = 0;
    await pacer.acquire();
    expect(waits).toEqual([100]);
    // A request that got no answer no longer counts.
    for (let i = 0; i < 4; i++) pacer.release();
    pacer.observe(200, { ...policy, 'ratelimit-remaining': '2', 'ratelimit-reset': '30' });
    expect(pacer.spacingMs).toBe(100);
  });

  it('holds every request back after a 429 with Retry-After, not only the refused one', async () => {
    const { pacer, waits } = fakeTime();
    pacer.observe(429, { 'retry-after': '3' });
    await pacer.acquire();
    expect(waits).toEqual([3000]);
  });
});

describe('pacing against a rate-limited sandbox', () => {
  const open: { h: SandboxHandle; c: ScimClient; dir: string }[] = [];
  afterEach(async () => {
    for (const { h, c, dir } of open.splice(0)) {
      c.close();
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a day of title updates goes through without a single 429', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-pacing-'));
    const seedSandbox = await startSandbox({ dataDir: dir });
    const seedClient = new ScimClient({
      baseUrl: seedSandbox.url,
      auth: { kind: 'oauth', clientId: seedSandbox.clientId, clientSecret: seedSandbox.clientSecret },
    });
    const users = Array.from({ length: 40 }, (_, i) => employee(i));
    await applyPlan(await planFor(seedClient, users), {
      client: seedClient,
      journalPath: join(dir, 'a.jsonl'),
    });
    seedClient.close();
    await seedSandbox.stop();

    const h = await startSandbox({ dataDir: dir, rateLimit: { perMinute: 1200 } });
    const c = new ScimClient({
      baseUrl: h.url,
      auth: { kind: 'oauth', clientId: h.clientId, clientSecret: h.clientSecret },
      concurrency: 16,
    });
    open.push({ h, c, dir });
    const promoted = users.map((u) => ({
      ...u,
      attributes: { ...u.attributes, title: 'Senior medewerker' },
    }));
    const r = await applyPlan(await planFor(c, promoted), {
      client: c,
      journalPath: join(dir, 'b.jsonl'),
      workers: 16,
      bulk: false,
    });
    expect(r.report.totals).toMatchObject({ ok: 40, failed: 0 });
    expect(h.stats().rateLimited).toBe(0);
    expect(c.counters.rateLimited).toBe(0);
  });
});
