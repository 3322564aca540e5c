import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api/channels';
import { unwrap } from '../../../src/shared/api/client';
import type { ProjectDocument, RunReport } from '../../../src/shared/api/contract';
import type { CsvSource, MappingFileInput } from '../../../src/shared/mapping/schema';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

const RESOURCES = resolve(new URL('../../../resources', import.meta.url).pathname);
/** The demo's dates are relative to this day (resources/demo/README.md). */
const TODAY = new Date('2026-11-23T10:00:00');

let dir: string;
let service: WorkbenchService;
const events: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-service-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: RESOURCES,
    env: { PLEK_CLIENT_SECRET: 'uit-de-omgeving-123' },
    now: () => TODAY,
  });
  service.subscribe((event, payload) => events.push({ event, payload }));
});

afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

const api = () => service.api;

describe('projects', () => {
  const mapping: MappingFileInput = {
    version: 1,
    name: 'Gemeente Ede',
    source: { kind: 'csv', path: 'medewerkers.csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: {
      'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], [Achternaam])' },
    },
  };

  it('saves by file name inside the workbench folder and opens it again', async () => {
    const saved = unwrap(await api().project.save({ fileName: 'Gemeente Ede.plekmap.json', mapping }));
    expect(saved.path).toBe(join(dir, 'data', 'projects', 'Gemeente Ede.plekmap.json'));
    const doc = unwrap(await api().project.open({ path: saved.path }));
    expect(doc.problems).toEqual([]);
    expect(doc.mapping.fields['name.familyName']?.expression).toBe(
      'Join(" ", [Tussenvoegsel], [Achternaam])',
    );
    expect(doc.csvPath).toBe(join(dir, 'data', 'projects', 'medewerkers.csv'));
    expect(unwrap(await api().project.recent()).paths[0]).toBe(saved.path);
  });

  it('offers a recent project only while its file exists (after clearing workbench data with projects)', async () => {
    // A service of its own: clearing its data must not take the other tests' projects along.
    const own = await mkdtemp(join(tmpdir(), 'plek-service-recent-'));
    const local = createWorkbenchService({
      dataDir: join(own, 'data'),
      secrets: new MemorySecretStore(),
      mode: 'browser',
      resourcesDir: RESOURCES,
      now: () => TODAY,
    });
    try {
      const kept = unwrap(await local.api.project.save({ fileName: 'Gemeente Ede.plekmap.json', mapping }));
      const other = unwrap(
        await local.api.project.save({ fileName: 'Gemeente Wageningen.plekmap.json', mapping }),
      );
      expect(unwrap(await local.api.project.recent()).paths).toEqual([other.path, kept.path]);
      await rm(other.path);
      expect(unwrap(await local.api.project.recent()).paths).toEqual([kept.path]);
      unwrap(await local.api.data.clear({ includeProjects: true }));
      expect(unwrap(await local.api.project.recent()).paths).toEqual([]);
    } finally {
      await local.close();
      await rm(own, { recursive: true, force: true });
    }
  });

  it('refuses file names that leave the folder', async () => {
    for (const fileName of ['../../evil.plekmap.json', '..\\evil.plekmap.json', '/tmp/evil.plekmap.json']) {
      const r = await api().project.save({ fileName, mapping });
      expect(r.ok, fileName).toBe(false);
    }
  });

  it('refuses to write a mapping that holds a secret', async () => {
    const r = await api().project.save({
      path: join(dir, 'lek.plekmap.json'),
      mapping: { ...mapping, source: { kind: 'csv', password: 'Welkom01' } } as unknown as MappingFileInput,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('$.source.password');
      expect(r.error.message).not.toContain('Welkom01');
    }
  });

  it('opens a mapping with schema problems, listing them', async () => {
    const path = join(dir, 'half-af.plekmap.json');
    await writeFile(
      path,
      JSON.stringify({ version: 1, name: 'Half af', source: { kind: 'csv' }, fields: {} }),
    );
    service.grantPath(path); // picked in the Open dialog
    const doc = unwrap(await api().project.open({ path }));
    expect(doc.problems.map((p) => p.path)).toContain('$.mappingKey');
  });

  it('reports a missing file as not-found, without a stack trace', async () => {
    service.grantPath(join(dir, 'bestaat-niet.plekmap.json'));
    const r = await api().project.open({ path: join(dir, 'bestaat-niet.plekmap.json') });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'bestaat-niet.plekmap.json does not exist (moved or renamed?)',
        detail: { id: 'refusal.file.missing', values: { file: 'bestaat-niet.plekmap.json', code: 'ENOENT' } },
      },
    });
  });

  it('starts a new project from a CSV with an empty key to fill in', async () => {
    const doc = unwrap(
      await api().project.new({
        name: 'Zorggroep Noord',
        source: { kind: 'csv', path: '/data/Zorggroep Noord/hr.csv' },
      }),
    );
    expect(doc.path).toBeNull();
    expect(doc.csvPath).toBe('/data/Zorggroep Noord/hr.csv');
    expect(doc.problems.some((p) => p.path === '$.mappingKey.attribute')).toBe(true);
  });
});

describe('the bundled demo, end to end through the service', () => {
  let demo: ProjectDocument;

  it('opens the demo (a copy in the workbench folder)', async () => {
    demo = unwrap(await api().project.demo());
    expect(demo.path).toBe(join(dir, 'data', 'demo', 'demo.plekmap.json'));
    expect(demo.problems).toEqual([]);
    expect(demo.csvPath).toBe(join(dir, 'data', 'demo', 'hr-export.csv'));
  });

  it('samples the Windows-1252 export with fill rates and Dutch examples', async () => {
    const sample = unwrap(
      await api().source.sample({
        source: demo.mapping.source as CsvSource,
        projectPath: demo.path,
        limit: 5000,
        taskId: 'sample-1',
      }),
    );
    expect(sample.encoding).toBe('windows-1252');
    expect(sample.delimiter).toBe(';');
    // 250 people; row 189 has an unquoted delimiter too many and is reported instead of read.
    expect(sample.totalRecords).toBe(249);
    expect(sample.issues.find((i) => i.code === 'long-row')?.row).toBe(189);
    const achternaam = sample.attributes.find((a) => a.name === 'Achternaam');
    expect(achternaam?.fillRate).toBeGreaterThan(0.99);
    expect(achternaam?.fillRate).toBeLessThan(1);
    expect(sample.records.some((r) => String(r.values.Tussenvoegsel ?? '').includes('van'))).toBe(true);
    expect(sample.issues.map((i) => i.code)).toContain('long-row');
    expect(
      events.some(
        (e) => e.event === 'task:progress' && (e.payload as { taskId: string }).taskId === 'sample-1',
      ),
    ).toBe(true);

    const validation = unwrap(
      await api().mapping.validate({ mapping: demo.mapping, records: sample.records }),
    );
    expect(validation.problems).toEqual([]);
    for (const code of [
      'empty-key',
      'duplicate-key',
      'missing-required',
      'invalid-email',
      'duplicate-email',
      'invalid-date',
    ])
      expect(validation.issueCounts[code], code).toBeGreaterThan(0);
    const dup = validation.issues.find((i) => i.code === 'duplicate-key');
    expect(dup?.rows ?? [dup?.row]).toContain(43);

    const preview = unwrap(
      await api().mapping.preview({ mapping: demo.mapping, records: sample.records.slice(0, 50) }),
    );
    expect(preview.outcomes).toHaveLength(50);
    expect(preview.outcomes.some((o) => o.status === 'mapped')).toBe(true);
  });

  it('validates every row of the source itself and returns the rows that have issues', async () => {
    const validation = unwrap(
      await api().mapping.validate({ mapping: demo.mapping, projectPath: demo.path, taskId: 'validate-1' }),
    );
    expect(validation.complete).toBe(true);
    // 250 people: 249 records read plus the long row the reader reports instead of mapping.
    expect(validation.summary?.rows).toBe(250);
    const u = validation.summary!.users;
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(250);
    expect(validation.issues.find((i) => i.code === 'long-row')?.row).toBe(189);
    const invalid = validation.issues.find((i) => i.code === 'invalid-email');
    expect(validation.records?.find((r) => r.row === invalid?.row)?.values['E-mailadres']).toMatch(/@@|@$/);
    // Each issue once: row-level errors are not repeated from the outcomes.
    const keys = validation.issues.map((i) => `${i.code}|${i.row}|${i.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('plans against the sandbox and applies the plan with progress and a report', async () => {
    const plan = unwrap(await api().plan.compute({ mapping: demo.mapping, projectPath: demo.path }));
    expect(plan.target).toBe('sandbox');
    expect(plan.counts.create).toBeGreaterThan(150);
    expect(plan.safety.ok).toBe(true);
    expect(unwrap(await api().sandbox.status()).running).toBe(true);

    const finished = new Promise<void>((resolveDone) => {
      const off = api().on('run:finished', () => {
        off();
        resolveDone();
      });
    });
    const { runId } = unwrap(await api().run.apply({ planId: plan.planId }));
    await finished;
    const report: RunReport = unwrap(await api().run.report({ runId }));
    expect(report.status).toBe('completed');
    expect(report.counts.ok).toBeGreaterThan(150);
    expect(report.csv?.startsWith('\uFEFF')).toBe(true);
    // The report's text in the language asked for: Dutch by default, English on request.
    expect(report.text).toMatch(new RegExp(`^Run ${runId}\nDoel: sandbox\n[^]*\nStatus: voltooid\n`));
    const english = unwrap(await api().run.report({ runId, lang: 'en' }));
    expect(english.text).toMatch(new RegExp(`^Run ${runId}\nTarget: sandbox\n[^]*\nStatus: finished\n`));
    expect(english.csv?.split('\r\n')[0]).toBe(
      '\uFEFFrow;key;name;email;action;result;changes;reason;warnings;groups;Plek id',
    );
    expect(events.some((e) => e.event === 'run:progress')).toBe(true);
    expect(unwrap(await api().sandbox.status()).users).toBeGreaterThan(150);

    // A second plan against the now-filled sandbox changes nothing.
    const again = unwrap(await api().plan.compute({ mapping: demo.mapping, projectPath: demo.path }));
    expect(again.counts.create).toBe(0);
  });

  it('never lets the sandbox client secret out in events or reports', async () => {
    const text = JSON.stringify(events);
    expect(text).not.toMatch(/clientSecret|client_secret/);
  });
});

describe('CSV uploads (browser mode)', () => {
  it('stores an uploaded export under the workbench folder and samples it', async () => {
    const csv = iconv.encode(
      'Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam\r\n1001;Zoë;van der;Berg\r\n1002;Jürgen;;Müller\r\n',
      'win1252',
    );
    const { path } = unwrap(
      await api().source.upload({ fileName: 'export mei.csv', contentBase64: csv.toString('base64') }),
    );
    expect(path.startsWith(join(dir, 'data', 'uploads'))).toBe(true);
    expect(await readFile(path)).toEqual(csv);
    const sample = unwrap(await api().source.sample({ source: { kind: 'csv', path } }));
    expect(sample.records.map((r) => r.values.Voornaam)).toEqual(['Zoë', 'Jürgen']);
  });
});

describe('secrets', () => {
  it('answers per endpoint, never from the environment, never with its value', async () => {
    // PLEK_CLIENT_SECRET is set in this service's environment: the app does not use it.
    expect(
      unwrap(await api().secrets.has({ name: 'scim-client-secret', scope: 'https://ede.plek.co/scim/v2' })),
    ).toEqual({ present: false, source: null });
    const endpoint = { url: 'ldaps://dc1.ede.local', startTls: true, bindDn: 'CN=svc-plek,DC=ede,DC=local' };
    expect(unwrap(await api().secrets.has({ name: 'ldap-bind-password', endpoint }))).toEqual({
      present: false,
      source: null,
    });
    unwrap(await api().secrets.set({ name: 'ldap-bind-password', endpoint, value: 'Herfst2026!' }));
    expect(unwrap(await api().secrets.has({ name: 'ldap-bind-password', endpoint }))).toEqual({
      present: true,
      source: 'store',
    });
    // Another host, bind DN or port is another endpoint.
    for (const other of [
      { ...endpoint, url: 'ldaps://dc1.ede.local.evil.example' },
      { ...endpoint, bindDn: 'CN=Administrator,DC=ede,DC=local' },
      { ...endpoint, url: 'ldaps://dc1.ede.local:3269' },
    ])
      expect(unwrap(await api().secrets.has({ name: 'ldap-bind-password', endpoint: other })).present).toBe(
        false,
      );
    const noScope = await api().secrets.has({ name: 'ldap-bind-password' });
    expect(noScope.ok).toBe(false);
    expect(unwrap(await api().secrets.delete({ name: 'ldap-bind-password', endpoint }))).toEqual({
      deleted: true,
    });
    expect(JSON.stringify(events)).not.toContain('Herfst2026!');
  });
});

describe('browser mode without native dialogs', () => {
  it('answers unsupported so the renderer falls back to upload / save by name', async () => {
    const r = await api().dialog.openMapping();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unsupported');
    const info = unwrap(await api().app.info());
    expect(info).toMatchObject({
      mode: 'browser',
      capabilities: { nativeDialogs: false, persistentSecrets: false },
      demoAvailable: true,
    });
  });
});

describe('cancelling a long task', () => {
  it('stops planning a large export when the consultant cancels', async () => {
    const lines = ['Personeelsnummer;Voornaam;Achternaam;E-mailadres'];
    for (let i = 0; i < 20_000; i++)
      lines.push(`${100000 + i};Sanne;de Vries;sanne.devries${i}@zorggroep-noord.nl`);
    const csvPath = join(dir, 'groot.csv');
    service.grantPath(csvPath);
    await writeFile(csvPath, `${lines.join('\r\n')}\r\n`);
    const mapping: MappingFileInput = {
      version: 1,
      name: 'Zorggroep Noord',
      source: { kind: 'csv', path: csvPath },
      mappingKey: { attribute: 'Personeelsnummer' },
      fields: {
        'name.givenName': { expression: '[Voornaam]' },
        'name.familyName': { expression: '[Achternaam]' },
        'emails[type eq "work"].value': { expression: '[E-mailadres]' },
        userName: { expression: '[E-mailadres]' },
      },
    };
    // Cancel as soon as the first progress event for this task arrives (after 5,000 rows).
    const off = api().on('task:progress', (p) => {
      if (p.taskId === 'plan-groot') void api().task.cancel({ taskId: 'plan-groot' });
    });
    const r = await api().plan.compute({ mapping, taskId: 'plan-groot' });
    off();
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'cancelled',
        message: 'planning was cancelled',
        detail: { id: 'refusal.cancelled', values: { task: 'planning' } },
      },
    });
    expect(unwrap(await api().task.cancel({ taskId: 'plan-groot' }))).toEqual({ cancelled: false });
  });
});
