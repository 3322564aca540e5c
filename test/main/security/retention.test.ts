import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFolders, type DataFolders } from '../../../src/main/data-dir';
import {
  clearWorkbenchData,
  DAY_MS,
  ownerOnlyFiles,
  pruneRunFiles,
} from '../../../src/main/security/data-protection';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { fileSettingsStore, settingsWithDefaults } from '../../../src/main/services/settings';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

const RESOURCES = join(import.meta.dirname, '../../../resources');
/** 1 December 2026, 09:00 in Amsterdam: "now" for every test here, passed in (nothing sleeps). */
const NOW = new Date('2026-12-01T08:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

let dir: string;
let folders: DataFolders;

/** Writes a file (creating its folder) and dates it `age` days before NOW. */
async function place(path: string, age: number, content = 'Personeelsnummer;Achternaam\n10001;de Vries\n') {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  await utimes(path, daysAgo(age), daysAgo(age));
}

async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name).slice(root.length + 1));
  return out.sort();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-retention-'));
  folders = dataFolders(join(dir, 'data'));
  await place(join(folders.uploads, 'u-old', 'medewerkers-okt.csv'), 45);
  await place(join(folders.uploads, 'u-new', 'medewerkers-nov.csv'), 3);
  await place(join(folders.runs, 'a1b2c3.journal'), 31);
  await place(join(folders.runs, 'd4e5f6.journal'), 29);
  await place(join(folders.sandbox, 'state.json'), 60, '{"users":[]}');
  await place(join(folders.projects, 'gemeente-ede.plekmap.json'), 400, '{}');
  await place(join(folders.state, 'daily-ede.json'), 400, '{}');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('retention of HR data in the workbench folder', () => {
  it('removes what is older than the period, keeps what is newer, projects and the daily state', async () => {
    const removed = await clearWorkbenchData(folders, { now: NOW.getTime(), olderThanMs: 30 * DAY_MS });
    expect(removed).toBe(3);
    expect(await tree(folders.root)).toEqual([
      'projects/gemeente-ede.plekmap.json',
      'runs/d4e5f6.journal',
      'state/daily-ede.json',
      'uploads/u-new/medewerkers-nov.csv',
    ]);
  });

  it('"clear workbench data" removes every upload, journal and the sandbox; projects only when chosen', async () => {
    expect(await clearWorkbenchData(folders, { now: NOW.getTime() })).toBe(5);
    expect(await tree(folders.root)).toEqual(['projects/gemeente-ede.plekmap.json', 'state/daily-ede.json']);
    expect(await clearWorkbenchData(folders, { now: NOW.getTime(), includeProjects: true })).toBe(1);
    expect(await tree(folders.root)).toEqual(['state/daily-ede.json']);
  });

  it('prunes only the run files plek-sync names itself from a run folder', async () => {
    const runs = join(dir, 'klant-runs');
    await place(join(runs, 'run-2026-10-01-0123456789abcdef.journal.jsonl'), 61);
    await place(join(runs, 'run-2026-10-01-0123456789abcdef.report.json'), 61);
    await place(join(runs, 'run-2026-10-01-0123456789abcdef.report.nl.csv'), 61);
    await place(join(runs, 'run-2026-10-01-0123456789abcdef.report.en.csv'), 61);
    await place(join(runs, 'run-2026-11-28-fedcba9876543210.report.json'), 3);
    await place(join(runs, 'budget-2025.xlsx'), 300);
    await place(join(runs, 'run-notes.txt'), 300);
    expect(await pruneRunFiles(runs, { now: NOW.getTime(), olderThanMs: 30 * DAY_MS })).toBe(4);
    expect(await tree(runs)).toEqual([
      'budget-2025.xlsx',
      'run-2026-11-28-fedcba9876543210.report.json',
      'run-notes.txt',
    ]);
    expect(await pruneRunFiles(join(dir, 'missing'), { now: NOW.getTime(), olderThanMs: 0 })).toBe(0);
  });
});

describe('the retention setting', () => {
  let service: WorkbenchService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });
  const start = (retentionDays?: number) => {
    service = createWorkbenchService({
      dataDir: folders.root,
      secrets: new MemorySecretStore(),
      mode: 'browser',
      now: () => NOW,
      ...(retentionDays !== undefined ? { retentionDays } : {}),
    });
    return service;
  };

  it('defaults to 30 days and is applied when the workbench starts', async () => {
    const s = start();
    await s.ready;
    expect(await s.api.settings.get()).toEqual({ ok: true, value: { retentionDays: 30 } });
    expect(await tree(folders.uploads)).toEqual(['u-new/medewerkers-nov.csv']);
    expect(await tree(folders.runs)).toEqual(['d4e5f6.journal']);
  });

  it('a shorter period is saved, removes what is now too old at once, and holds at the next start', async () => {
    const s = start();
    await s.ready;
    const r = await s.api.settings.set({ retentionDays: 2 });
    expect(r).toEqual({ ok: true, value: { retentionDays: 2, removed: 2 } });
    expect(await tree(folders.root)).toEqual([
      'projects/gemeente-ede.plekmap.json',
      'settings.json',
      'state/daily-ede.json',
    ]);
    await s.close();

    await place(join(folders.uploads, 'u-3', 'medewerkers-dec.csv'), 3);
    await place(join(folders.uploads, 'u-4', 'medewerkers-vandaag.csv'), 0);
    const again = start();
    await again.ready;
    expect(await again.api.settings.get()).toEqual({ ok: true, value: { retentionDays: 2 } });
    expect(await tree(folders.uploads)).toEqual(['u-4/medewerkers-vandaag.csv']);
  });

  it('refuses a period outside 1 to 3650 days, and a broken settings file means the default', async () => {
    const s = start();
    for (const retentionDays of [0, -1, 3651, 2.5])
      expect((await s.api.settings.set({ retentionDays })).ok).toBe(false);
    await writeFile(join(folders.root, 'settings.json'), '{"retentionDays": "7; rm -rf /"}');
    expect(await s.api.settings.get()).toEqual({ ok: true, value: { retentionDays: 30 } });
    await writeFile(join(folders.root, 'settings.json'), 'niet eens JSON');
    expect(await s.api.settings.get()).toEqual({ ok: true, value: { retentionDays: 30 } });
    expect(settingsWithDefaults({ retentionDays: 0 }, { retentionDays: 14 })).toEqual({ retentionDays: 14 });
  });

  it('is applied again after each run', async () => {
    const s = createWorkbenchService({
      dataDir: folders.root,
      secrets: new MemorySecretStore(),
      mode: 'browser',
      resourcesDir: RESOURCES,
      now: () => NOW,
    });
    service = s;
    await s.ready;
    // Written while the workbench runs (a week-old export copied in by hand, say) and past the period by now.
    await place(join(folders.uploads, 'u-tijdens', 'medewerkers.csv'), 31);
    const demo = await s.api.project.demo();
    if (!demo.ok) throw new Error(demo.error.message);
    const plan = await s.api.plan.compute({ mapping: demo.value.mapping, projectPath: demo.value.path });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(await tree(folders.uploads)).toContain('u-tijdens/medewerkers.csv');
    const finished = new Promise<void>((done) => {
      const off = s.api.on('run:finished', () => (off(), done()));
    });
    expect((await s.api.run.apply({ planId: plan.value.planId })).ok).toBe(true);
    await finished;
    expect(await tree(folders.uploads)).toEqual(['u-new/medewerkers-nov.csv']);
    // The run's own journal is new and stays.
    expect((await tree(folders.runs)).some((f) => f.endsWith('.journal'))).toBe(true);
  });

  it('data:clear leaves saved projects unless asked', async () => {
    const s = start();
    await s.ready;
    expect(await s.api.data.clear({})).toEqual({ ok: true, value: { removed: 2 } });
    expect(await tree(folders.root)).toEqual(['projects/gemeente-ede.plekmap.json', 'state/daily-ede.json']);
    expect(await s.api.data.clear({ includeProjects: true })).toEqual({ ok: true, value: { removed: 1 } });
  });
});

describe('files with HR data are readable by their owner only', () => {
  it.skipIf(process.platform === 'win32')(
    'the data folder, settings and what the workbench writes are 0700/0600 even under umask 022',
    async () => {
      const before = process.umask(0o022);
      try {
        ownerOnlyFiles();
        const s = createWorkbenchService({
          dataDir: folders.root,
          secrets: new MemorySecretStore(),
          mode: 'browser',
          now: () => NOW,
        });
        await s.ready;
        await s.api.settings.set({ retentionDays: 30 });
        const up = await s.api.source.upload({
          fileName: 'medewerkers.csv',
          contentBase64: Buffer.from('Personeelsnummer;Achternaam\n10001;Öztürk\n').toString('base64'),
        });
        await s.close();
        expect(up.ok).toBe(true);
        const mode = async (p: string) => (await stat(p)).mode & 0o777;
        expect(await mode(folders.root)).toBe(0o700);
        expect(await mode(join(folders.root, 'settings.json'))).toBe(0o600);
        const upload = up.ok ? up.value.path : '';
        expect(await mode(upload)).toBe(0o600);
        expect(await mode(join(upload, '..'))).toBe(0o700);
        await fileSettingsStore(join(dir, 'elders')).write({ retentionDays: 9 });
        expect(await mode(join(dir, 'elders', 'settings.json'))).toBe(0o600);
      } finally {
        process.umask(before);
      }
    },
  );
});
