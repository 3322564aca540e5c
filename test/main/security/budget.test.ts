import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../src/shared/api/contract';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceRecord } from '../../../src/shared/source/types';
import { BUDGET_MS, withinBudget } from '../../../src/main/security/budget';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

/** A clock that moves `step` ms each time it is read: the budget is crossed after a known number of rows. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('withinBudget', () => {
  it('passes every record through while the request is within its budget', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    expect([...withinBudget(rows, 10_000, 'preview', steppingClock(1))]).toEqual(rows);
  });

  it('stops a request at the first row past the budget, with a message that says what to do', () => {
    const seen: number[] = [];
    // Start is read at t=100; record k (k ≥ 2) is checked at t=100·k, 100·(k−1) ms in: past 1,000 ms at record 12.
    const gen = withinBudget([...Array(50).keys()], 1000, 'preview', steppingClock(100));
    let error: unknown;
    try {
      for (const r of gen) seen.push(r);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([...Array(11).keys()]);
    expect(error).toBeInstanceOf(ApiFailure);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect((error as Error).message).toMatch(/^the preview stopped after 1 s, before record 12: .*simplify/);
  });

  it('checks before every row after the first, so one slow row is enough to stop', () => {
    const gen = withinBudget(
      ['a', 'b'],
      BUDGET_MS.preview,
      'validation',
      steppingClock(BUDGET_MS.preview + 1),
    );
    expect(gen.next().value).toBe('a');
    expect(() => gen.next()).toThrow(/validation stopped after 10 s, before record 2/);
  });
});

describe('a mapping request in the service cannot hold the app', () => {
  let dir: string | undefined;
  let service: WorkbenchService | undefined;
  afterEach(async () => {
    await service?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const mapping: MappingFileInput = {
    version: 1,
    name: 'Zorggroep Noord',
    source: { kind: 'csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: {
      'name.givenName': { expression: 'Trim([Roepnaam])' },
      'name.familyName': { expression: 'Replace(Join(" ", [Tussenvoegsel], [Achternaam]), "(x?a|a)+$", "")' },
      'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    },
  };
  const records: SourceRecord[] = Array.from({ length: 200 }, (_, i) => ({
    row: i + 2,
    values: {
      Personeelsnummer: String(10_001 + i),
      Roepnaam: ['Sanne', 'Mohammed', 'Chloë', 'Daan'][i % 4]!,
      Tussenvoegsel: i % 3 === 0 ? 'van der' : '',
      Achternaam: `${'Maas'.repeat(50)}${i}`,
      'E-mailadres': `medewerker${i}@zorggroep-noord.nl`,
    },
  }));

  async function start(budgetClock?: () => number) {
    dir = await mkdtemp(join(tmpdir(), 'plek-budget-'));
    service = createWorkbenchService({
      dataDir: join(dir, 'data'),
      secrets: new MemorySecretStore(),
      mode: 'browser',
      now: () => new Date('2026-12-01T09:00:00Z'),
      ...(budgetClock ? { budgetClock } : {}),
    });
    return service;
  }

  it('stops a preview and a sample validation that run past their budget, and answers the next request', async () => {
    // Each clock read is 1 s: the 10 s budget runs out after eleven rows.
    const s = await start(steppingClock(1000));
    const preview = await s.api.mapping.preview({ mapping, records, today: '2026-12-01' });
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.error).toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/^the preview stopped after 10 s, before record 12/),
    });
    const validation = await s.api.mapping.validate({ mapping, records, today: '2026-12-01' });
    expect(!validation.ok && validation.error.message).toMatch(/^validation stopped after 10 s/);
    // The service is not stuck: the next request is answered.
    expect((await s.api.app.info({})).ok).toBe(true);
  });

  it('maps every row when the request stays within its budget', async () => {
    const s = await start();
    const preview = await s.api.mapping.preview({ mapping, records, today: '2026-12-01' });
    expect(preview.ok && preview.value.outcomes).toHaveLength(200);
  });
});
