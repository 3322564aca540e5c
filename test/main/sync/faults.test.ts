import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { ScimClient } from '../../../src/main/scim';
import { applyPlan } from '../../../src/main/sync';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { client, duplicates, employee, endState, MANAGER, planFor } from '../../support/scim-fixtures';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function source(n: number) {
  return Array.from({ length: n }, (_, i) =>
    employee(i, {
      groups: i % 3 ? ['Zorg Noord'] : ['Iedereen', 'Zorg Noord'],
      attrs: { [MANAGER]: `E${10000 + (i % 5)}` },
    }),
  );
}

async function sandbox(): Promise<SandboxHandle> {
  const h = await startSandbox();
  cleanup.push(() => h.stop());
  return h;
}

describe('apply through a fault-injecting proxy', () => {
  it.each([
    [11, false],
    [2026, true],
  ])(
    'seed %i: the end state equals the fault-free end state, with zero duplicates (Retry-After as date: %s)',
    async (seed, retryAfterDate) => {
      const dir = mkdtempSync(join(tmpdir(), 'plek-faults-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const users = source(100);

      const reference = await sandbox();
      const rc = client(reference);
      cleanup.push(() => rc.close());
      await applyPlan(await planFor(rc, users), { client: rc, journalPath: join(dir, 'ref.jsonl') });
      const day2 = users.map((u, i) =>
        i % 4 === 0
          ? { ...u, attributes: { ...u.attributes, title: 'Teamleider' } }
          : i % 10 === 1
            ? { ...u, active: false }
            : u,
      );
      await applyPlan(await planFor(rc, day2), { client: rc, journalPath: join(dir, 'ref2.jsonl') });

      const h = await sandbox();
      const proxy: FaultProxy = await startFaultProxy({
        target: h.url,
        seed,
        retryAfterDate,
        rates: {
          errorBefore: 0.04,
          errorAfter: 0.04,
          rateLimit: 0.005,
          resetBefore: 0.03,
          resetAfter: 0.04,
          slow: 0.05,
        },
        slowMs: 120,
      });
      cleanup.push(() => proxy.stop());
      const c = new ScimClient({
        baseUrl: proxy.url,
        auth: {
          kind: 'oauth',
          clientId: h.clientId,
          clientSecret: h.clientSecret,
          tokenUrl: `${proxy.url}/oauth/token`,
        },
        retryBaseMs: 5,
        retryMaxMs: 40,
        maxRetries: 8,
        timeoutMs: 2000,
      });
      cleanup.push(() => c.close());
      const r1 = await applyPlan(await planFor(c, users), { client: c, journalPath: join(dir, 'f1.jsonl') });
      expect(r1.failed).toBe(0);
      const r2 = await applyPlan(await planFor(c, day2), { client: c, journalPath: join(dir, 'f2.jsonl') });
      expect(r2.failed).toBe(0);

      expect(proxy.stats.resetAfter + proxy.stats.errorAfter).toBeGreaterThan(5);
      expect(proxy.stats.rateLimit).toBeGreaterThan(0);
      // The 100 creates went through /Bulk (50 per request), some of them more than once after a lost answer.
      expect(h.stats().bulkRequests).toBeGreaterThanOrEqual(2);
      expect(h.stats().bulkOperations).toBeGreaterThanOrEqual(50);
      expect(duplicates(h)).toEqual([]);
      expect(endState(h)).toEqual(endState(reference));
      expect(h.stats().byMethod.DELETE ?? 0).toBe(0);
    },
  );
});
