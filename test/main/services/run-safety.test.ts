import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { RunReport } from '../../../src/shared/api/contract';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import { startSandbox } from '../../../src/main/sandbox';
import { startQuirkProxy } from '../../support/scim-quirks';

const PEOPLE = 40;
let dir: string;
let service: WorkbenchService;

function csv(status: (i: number) => string): string {
  const lines = ['Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Status'];
  for (let i = 0; i < PEOPLE; i++)
    lines.push(`${2000 + i};Daan;van der;Meer ${i};daan.vandermeer${i}@woonstichting-west.nl;${status(i)}`);
  return `${lines.join('\r\n')}\r\n`;
}

const mapping = (path: string): MappingFileInput => ({
  version: 1,
  name: 'Woonstichting West',
  source: { kind: 'csv', path },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    userName: { expression: '[E-mailadres]' },
    'name.givenName': { expression: '[Voornaam]' },
    'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], [Achternaam])' },
    'emails[type eq "work"].value': { expression: '[E-mailadres]' },
  },
  deactivation: { inactiveWhen: '[Status] = "Inactief"' },
  target: { kind: 'sandbox' },
});

async function applyAndWait(planId: string, overrideSafety = false): Promise<RunReport> {
  const done = new Promise<string>((resolveDone) => {
    const off = service.api.on('run:finished', (f) => {
      off();
      resolveDone(f.runId);
    });
  });
  unwrap(await service.api.run.apply({ planId, overrideSafety }));
  return unwrap(await service.api.run.report({ runId: await done }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-safety-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    env: {},
    now: () => new Date('2026-11-23T10:00:00'),
  });
  unwrap(await service.api.sandbox.start({ seed: 'empty' }));
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('safety thresholds on apply', () => {
  it('blocks a mass deactivation until the consultant confirms it', async () => {
    const path = join(dir, 'west.csv');
    service.grantPath(path); // the consultant picked it (CSV dialog)
    await writeFile(
      path,
      csv(() => 'Actief'),
    );
    const first = unwrap(await service.api.plan.compute({ mapping: mapping(path) }));
    expect(first.counts.create).toBe(PEOPLE);
    expect((await applyAndWait(first.planId)).status).toBe('completed');

    // 30 of 40 leave at once: above the default limit of 25 deactivations.
    await writeFile(
      path,
      csv((i) => (i < 30 ? 'Inactief' : 'Actief')),
    );
    const risky = unwrap(await service.api.plan.compute({ mapping: mapping(path) }));
    expect(risky.counts.deactivate).toBe(30);
    expect(risky.safety.ok).toBe(false);
    expect(risky.safety.reasons.join(' ')).toContain('30 deactivations');

    const refused = await service.api.run.apply({ planId: risky.planId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('conflict');

    const confirmed = await applyAndWait(risky.planId, true);
    expect(confirmed.status).toBe('completed');
    expect(confirmed.failures).toEqual([]);
    const after = unwrap(await service.api.plan.compute({ mapping: mapping(path) }));
    expect(after.counts.deactivate).toBe(0);
  });

  it('answers unknown runs and plans with not-found', async () => {
    const r = await service.api.run.report({ runId: 'run-bestaat-niet' });
    expect(r.ok ? null : r.error.code).toBe('not-found');
    const p = await service.api.run.apply({ planId: 'plan-bestaat-niet' });
    expect(p.ok ? null : p.error.code).toBe('not-found');
  });
});

describe("the Run step's report", () => {
  it('shows what the run had to say about the target: no /ServiceProviderConfig turned ETags and /Bulk off', async () => {
    const plek = await startSandbox({ staticToken: 'tenant-token' });
    // 501: a server without the endpoint (a 503 would be retried with backoff first). Said as what it is, not as
    // a server error.
    const proxy = await startQuirkProxy(plek.url, { serviceProviderConfigStatus: 501 });
    try {
      const path = join(dir, 'tenant.csv');
      service.grantPath(path);
      await writeFile(
        path,
        csv(() => 'Actief'),
      );
      unwrap(
        await service.api.secrets.set({
          name: 'scim-token',
          endpoint: { url: proxy.url },
          value: 'tenant-token',
        }),
      );
      const plan = unwrap(
        await service.api.plan.compute({
          mapping: { ...mapping(path), target: { kind: 'scim', baseUrl: proxy.url } },
        }),
      );
      const warning =
        'GET /ServiceProviderConfig answered HTTP 501: the target publishes no configuration; ETags and /Bulk are off for this run';
      expect(plan.targetWarnings).toEqual([warning]);
      const report = await applyAndWait(plan.planId);
      expect(report.status).toBe('completed');
      expect(report.targetWarnings).toEqual([warning]);
      // The saved text and CSV are in the language asked for (the interface's), Dutch by default.
      expect(report.text).toContain(
        'Een waarschuwing over Plek:\n  Plek publiceert geen /ServiceProviderConfig (HTTP 501): ETags en /Bulk stonden uit voor deze run, dus elke wijziging ging als een eigen verzoek',
      );
      expect(report.text).toMatch(/^Run run-\S+\nDoel: .*\nGestart: .*\nKlaar: .*\nStatus: voltooid\n/);
      expect(report.csv).toContain(
        'Waarschuwingen over Plek in deze run (1)\r\nPlek publiceert geen /ServiceProviderConfig (HTTP 501)',
      );
      const english = unwrap(await service.api.run.report({ runId: report.runId, lang: 'en' }));
      expect(english.text).toContain(
        'A warning about Plek:\n  Plek publishes no /ServiceProviderConfig (HTTP 501): ETags and /Bulk were off for this run, so every change went as a request of its own',
      );
      expect(english.text).toMatch(/\nStatus: finished\n/);
      expect(english.csv).toContain('Warnings about Plek in this run (1)');
      expect(english.text).not.toMatch(/\b(?:voltooid|Doel|Gestart|waarschuwing)\b/);
      expect(JSON.stringify(report)).not.toContain('tenant-token');
    } finally {
      await proxy.stop();
      await plek.stop();
    }
  });
});

describe('cancelling a run', () => {
  it('stops applying when the consultant cancels, and the report says so', async () => {
    const path = join(dir, 'groot.csv');
    service.grantPath(path); // the consultant picked it (CSV dialog)
    const lines = ['Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Status'];
    for (let i = 0; i < 1500; i++)
      lines.push(`${9000 + i};Noor;de;Wit ${i};noor.dewit${i}@woonstichting-west.nl;Actief`);
    await writeFile(path, `${lines.join('\r\n')}\r\n`);
    const plan = unwrap(await service.api.plan.compute({ mapping: mapping(path) }));
    expect(plan.counts.create).toBe(1500);
    const before = unwrap(await service.api.sandbox.status({})).users ?? 0;
    let runId = '';
    const finished = new Promise<void>((resolveDone) => {
      const offProgress = service.api.on('run:progress', (p) => {
        offProgress();
        void service.api.run.cancel({ runId: p.runId });
      });
      const offFinished = service.api.on('run:finished', () => {
        offFinished();
        resolveDone();
      });
    });
    runId = unwrap(await service.api.run.apply({ planId: plan.planId })).runId;
    await finished;
    const report = unwrap(await service.api.run.report({ runId }));
    expect(report.status).toBe('cancelled');
    expect(report.counts.ok ?? 0).toBeLessThan(1500);
    expect(unwrap(await service.api.run.cancel({ runId }))).toEqual({ cancelled: false });

    // Resume (the Run step's Pause → Resume): the same plan again finishes the rest, with no duplicate account.
    const resumed = new Promise<void>((resolveDone) => {
      const off = service.api.on('run:finished', () => {
        off();
        resolveDone();
      });
    });
    const second = unwrap(await service.api.run.apply({ planId: plan.planId })).runId;
    await resumed;
    const done = unwrap(await service.api.run.report({ runId: second }));
    expect(done.status).toBe('completed');
    expect(done.failures).toEqual([]);
    const status = unwrap(await service.api.sandbox.status({}));
    expect(status.users).toBe(before + 1500);
    const again = unwrap(await service.api.plan.compute({ mapping: mapping(path) }));
    expect(again.counts.create).toBe(0);
  });
});
