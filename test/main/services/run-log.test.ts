import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { RunLogLine, RunReport } from '../../../src/shared/api/contract';
import { format, hasMessage } from '../../../src/shared/i18n';
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

    const progress = lines.filter((l) => l.text?.id === 'run.log.progress');
    const total = Number(progress.at(-1)?.text?.total);
    // Users, memberships and manager follow-ups: more operations than plan lines that create someone, and the
    // report's results cover them all (plus the plan lines that were skipped, which are no operation).
    expect(total).toBeGreaterThan(plan.counts.create);
    expect(report.counts.ok).toBeLessThanOrEqual(total);
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(
      total + plan.counts.skip + plan.counts.error,
    );
    const first = lines[0];
    expect(first?.text).toMatchObject({ id: 'run.log.applying', total });
    expect(progress.at(-1)?.text).toMatchObject({ done: total, total });
    expect(lines.at(-1)?.text).toMatchObject({ id: 'run.log.finished', total, failed: 0 });
    for (const l of lines) {
      expect(l.text && hasMessage(l.text.id), l.message).toBe(true);
      if (l.text) expect(format('nl', l.text.id, l.text)).not.toMatch(/operations|failed|applying/);
    }
    expect(format('nl', lines[0]!.text!.id, lines[0]!.text!)).toMatch(
      /^\d+(\.\d{3})* bewerkingen uitvoeren op /,
    );
  });
});
