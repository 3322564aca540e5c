import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src/shared/api/contract';
import { format, hasMessage, type Lang } from '../../../src/shared/i18n';
import { describeProblem } from '../../../src/renderer/src/app/logic/problems';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import { csvMapping, HR_CSV, PLAIN_HTTP_TARGET } from '../../fixtures/attacks';

/**
 * A refusal of the service reaches the screen as data (a catalogue id and values), so the Dutch interface says it
 * in Dutch; the English text stays in `message` for logs and the CLI.
 */
const RESOURCES = resolve(new URL('../../../resources', import.meta.url).pathname);
let dir: string;
let service: WorkbenchService;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-refusals-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: RESOURCES,
    env: {},
    now: () => new Date('2026-11-23T10:00:00'),
  });
});

afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The refusal as the renderer words it (src/renderer/src/app/store/helpers.ts wordDetail). */
function worded(error: ApiError, lang: Lang): string {
  expect(error.detail, error.message).toBeDefined();
  expect(hasMessage(error.detail!.id)).toBe(true);
  return format(lang, error.detail!.id as never, error.detail!.values);
}

async function refused(channel: string, body: unknown): Promise<ApiError> {
  const r = await service.dispatch(channel, body);
  expect(r.ok).toBe(false);
  return (r as { error: ApiError }).error;
}

describe('refusals in the interface language', () => {
  it('a mapping whose target URL is http:// is named in Dutch on validation and refused in Dutch when planning', async () => {
    const csv = join(dir, 'hr.csv');
    await writeFile(csv, HR_CSV);
    const projectPath = join(dir, 'ede.plekmap.json');
    await writeFile(projectPath, JSON.stringify(PLAIN_HTTP_TARGET(csv)));
    service.grantPath(projectPath);
    service.grantPath(csv);
    const opened = await service.dispatch('project:open', { path: projectPath });
    expect(opened.ok).toBe(true);
    const problems = (opened as { value: { problems: Parameters<typeof describeProblem>[0][] } }).value
      .problems;
    expect(problems.map((p) => describeProblem(p, 'nl'))).toEqual([
      'De doel-URL moet https gebruiken (gewone http alleen voor 127.0.0.1 of localhost): http://gemeente-ede.plek.co zou geheimen onversleuteld versturen.',
    ]);
    expect(problems.map((p) => describeProblem(p, 'en'))).toEqual([
      'The target URL must use https (plain http only for 127.0.0.1 or localhost): http://gemeente-ede.plek.co would send secrets unencrypted.',
    ]);
    const plan = await refused('plan:compute', { mapping: PLAIN_HTTP_TARGET(csv), projectPath });
    expect(plan.message).toMatch(/must use https/);
    expect(worded(plan, 'nl')).toBe(
      'De mapping heeft een probleem; los het op bij de stap Mapping of Valideren voordat je plant.',
    );
  });

  it('a CSV path outside the folders the consultant chose is refused in Dutch', async () => {
    const error = await refused('source:sample', { source: { kind: 'csv', path: '/etc/passwd' } });
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/absolute path that was not chosen/);
    expect(worded(error, 'nl')).toBe(
      'source.path is een pad buiten de mappen die je in deze sessie hebt gekozen; kies het bestand opnieuw (of geef het op de opdrachtregel mee).',
    );
    const projectPath = join(dir, 'ede.plekmap.json');
    service.grantPath(projectPath);
    const leaving = await refused('source:sample', {
      source: { kind: 'csv', path: '../andere-klant/hr.csv' },
      projectPath,
    });
    expect(worded(leaving, 'nl')).toMatch(/^source\.path gaat buiten de projectmap;/);
  });

  it('a project file name, a stored secret without its endpoint, an unknown run', async () => {
    const save = await refused('project:save', {
      path: join(dir, 'ergens.json'),
      mapping: csvMapping('hr.csv'),
    });
    expect(worded(save, 'nl')).toBe('Een mapping wordt opgeslagen als .plekmap.json-bestand.');
    const secret = await refused('secrets:set', { name: 'scim-client-secret', value: 'Welkom01!' });
    expect(worded(secret, 'nl')).toMatch(/^Een geheim hoort bij één plek:/);
    expect(secret.message).not.toContain('Welkom01!');
    const run = await refused('run:cancel', { runId: 'run-bestaat-niet' });
    expect(worded(run, 'nl')).toBe('Deze run is (niet meer) bekend; start hem opnieuw bij de stap Run.');
    expect(worded(run, 'en')).toBe('This run is not known (any more); start it again from the Run step.');
  });
});
