import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { RunLogLine, RunReport } from '../../../src/shared/api/contract';
import { format, hasMessage, type MessageId } from '../../../src/shared/i18n';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

let dir: string;
let service: WorkbenchService;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-run-log-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    resourcesDir: join(process.cwd(), 'resources'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    env: {},
    now: () => new Date('2026-11-23T10:00:00'),
  });
});
afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the run log', () => {
  it('announces the operation count the progress and the report count, in catalogue texts', async () => {
    const demo = unwrap(await service.api.project.demo());
    const plan = unwrap(
      await service.api.plan.compute({ mapping: demo.mapping, projectPath: demo.path, today: '2026-11-23' }),
    );
    const lines: RunLogLine[] = [];
    const offLog = service.api.on('run:log', (l) => void lines.push(l));
    const finished = new Promise<string>((resolve) => {
      const off = service.api.on('run:finished', (f) => {
        off();
        resolve(f.runId);
      });
    });
    unwrap(await service.api.run.apply({ planId: plan.planId, overrideSafety: !plan.safety.ok }));
    const report: RunReport = unwrap(await service.api.run.report({ runId: await finished }));
    offLog();

    const progress = lines.filter((l) => l.detail?.id === 'run.log.progress');
    const total = Number(progress.at(-1)?.detail?.values.total);
    // Users, memberships and manager follow-ups: more operations than plan lines that create someone, and the
    // report's results cover them all (plus the plan lines that were skipped, which are no operation).
    expect(total).toBeGreaterThan(plan.counts.create);
    expect(report.counts.ok).toBeLessThanOrEqual(total);
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(
      total + plan.counts.skip + plan.counts.error,
    );
    expect(lines[0]?.detail).toMatchObject({ id: 'run.log.applying', values: { total } });
    expect(progress.at(-1)?.detail?.values).toMatchObject({ done: total, total });
    expect(lines.at(-1)?.detail).toMatchObject({ id: 'run.log.finished', values: { total, failed: 0 } });
    const dutch = (l: RunLogLine) => format('nl', l.detail!.id as MessageId, l.detail!.values);
    for (const l of lines) {
      expect(l.detail && hasMessage(l.detail.id), l.message).toBe(true);
      expect(dutch(l)).not.toMatch(/operations|failed|applying/);
    }
    expect(dutch(lines[0]!)).toMatch(/^\d+(\.\d{3})* bewerkingen uitvoeren op /);
  });
});
