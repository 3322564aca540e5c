import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { DEMO_ANCHOR } from '../../../src/main/demo/bundled-demo';
import { daysBetween, shiftDutchDate } from '../../../src/main/demo/shift-dates';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

const RESOURCES = resolve(new URL('../../../resources', import.meta.url).pathname);
const BUNDLED_DIR = join(RESOURCES, 'demo');
/** The anchor itself, a day the next summer, and the last day of a February two years on. */
const DAYS = ['2026-11-23', '2027-08-01', '2030-02-28'] as const;
/** The rule a consultant may add to the demo: joiners are created on their first working day. */
const START_RULE = { startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")', daysAhead: 0 };

/** 10:00 in Amsterdam on `day`; 00:30 in Amsterdam is still the day before in UTC. */
const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}+01:00`);

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await readdir(dir))
    out[f] = createHash('sha256')
      .update(await readFile(join(dir, f)))
      .digest('hex');
  return out;
}

/** What a consultant sees of the demo on one day: counts only, none of them a date. */
async function picture(service: WorkbenchService) {
  const api = service.api;
  const demo = unwrap(await api.project.demo());
  const validation = unwrap(await api.mapping.validate({ mapping: demo.mapping, projectPath: demo.path }));
  const plan = unwrap(await api.plan.compute({ mapping: demo.mapping, projectPath: demo.path }));
  const leaving = validation.issues.filter((i) => i.code === 'leaving-later');
  return {
    demo,
    leaving,
    counts: {
      summary: validation.summary,
      issues: validation.issueCounts,
      plan: plan.counts,
      planSafe: plan.safety.ok,
      planErrors: plan.summary?.users.error,
    },
  };
}

let root: string;
const services: WorkbenchService[] = [];
const before: { bundled?: Record<string, string> } = {};

function serviceOn(now: () => Date, dataDir: string): WorkbenchService {
  const service = createWorkbenchService({
    dataDir,
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: RESOURCES,
    env: {},
    now,
  });
  services.push(service);
  return service;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plek-demo-days-'));
  before.bundled = await hashes(BUNDLED_DIR);
});

afterAll(async () => {
  for (const s of services) await s.close();
  await rm(root, { recursive: true, force: true });
});

describe('the bundled demo shows the same picture on any day', () => {
  const seen = new Map<string, Awaited<ReturnType<typeof picture>>>();

  it.each(DAYS)('opened on %s', async (day) => {
    const service = serviceOn(() => at(day), join(root, day));
    const p = await picture(service);
    seen.set(day, p);
    // The picture the README describes: 26 gone, 8 leaving later, the planted errors, a first import.
    expect(p.counts.summary?.rows).toBe(250);
    expect(p.counts.summary?.users.deactivate).toBe(26);
    expect(p.counts.summary?.users.leavingLater).toBe(8);
    expect(p.leaving).toHaveLength(8);
    expect(p.counts.plan.create).toBeGreaterThan(200);
    expect(p.counts.plan.link).toBeGreaterThan(0);
    // Row 3 (Chloë de Graaf, 01-12-2026 on the anchor) always leaves 8 days ahead.
    const row3 = p.leaving.find((i) => i.row === 3);
    expect(daysBetween(day, String(row3?.params?.date))).toBe(8);
  });

  it('has the same counts on each of those days', () => {
    const [first, ...rest] = DAYS.map((d) => seen.get(d)!.counts);
    expect(first).toBeDefined();
    for (const counts of rest) expect(counts).toEqual(first);
    // The same people leave later, each the same number of days ahead.
    const ahead = (day: string) =>
      seen.get(day)!.leaving.map((i) => [i.row, daysBetween(day, String(i.params?.date))]);
    for (const day of DAYS) expect(ahead(day)).toEqual(ahead(DAYS[0]));
  });

  it('writes a Windows-1252 export with the same rows, only its start and end dates moved', async () => {
    const bundled = await readFile(join(BUNDLED_DIR, 'hr-export.csv'));
    const written = await readFile(seen.get('2030-02-28')!.demo.csvPath!);
    expect(seen.get('2030-02-28')!.demo.csvPath).toBe(join(root, '2030-02-28', 'demo', 'hr-export.csv'));
    expect(written.length).toBe(bundled.length);
    // Still Windows-1252 (é is the byte E9, ë EB; no UTF-8 sequences), CRLF, semicolons.
    expect(written.includes(Buffer.from('Chloë', 'utf8'))).toBe(false);
    expect(written.includes(iconv.encode('Chloë', 'win1252'))).toBe(true);
    const days = daysBetween(DEMO_ANCHOR, '2030-02-28');
    const lines = (b: Buffer) => iconv.decode(b, 'win1252').split('\r\n');
    const was = lines(bundled);
    const now = lines(written);
    expect(now.length).toBe(was.length);
    expect(now[0]).toBe(was[0]);
    // Row 3: start 27-04-2025 and end 01-12-2026 moved by the same days; birth date 04-11-1989 as it was.
    expect(now[2]).toBe(
      was[2]!
        .replace('27-04-2025', shiftDutchDate('27-04-2025', days)!)
        .replace('01-12-2026', shiftDutchDate('01-12-2026', days)!),
    );
    expect(now[2]).toContain(';04-11-1989;');
    expect(now.filter((l, i) => l !== was[i]).length).toBeGreaterThan(240);
  });

  it('never changes the bundled files', async () => {
    expect(await hashes(BUNDLED_DIR)).toEqual(before.bundled);
  });
});

describe('the demo project in the data folder', () => {
  it('moves the dates again when it is opened on another day, keeping the consultant’s mapping', async () => {
    let now = at('2027-08-01');
    const service = serviceOn(() => now, join(root, 'kept'));
    const api = service.api;
    const first = unwrap(await api.project.demo());
    // The consultant adds a start-date rule to the demo and saves it where it is.
    const edited = { ...(first.mapping as MappingFileInput), activation: START_RULE };
    unwrap(await api.project.save({ path: first.path!, mapping: edited }));
    const on = async (day: string) => {
      now = at(day);
      const doc = unwrap(await api.project.demo());
      expect(doc.mapping.activation).toEqual(START_RULE);
      const v = unwrap(await api.mapping.validate({ mapping: doc.mapping, projectPath: doc.path }));
      const startsOn = v.issues.filter((i) => i.code === 'starting-later').map((i) => i.row);
      return { users: v.summary?.users, startsOn };
    };
    const a = await on('2027-08-01');
    const b = await on('2030-02-28');
    // 9 joiners start within 30 days of the anchor: on any day they start later, the same ones.
    expect(a.users?.startingLater).toBe(9);
    expect(b).toEqual(a);
    expect(a.users?.leavingLater).toBe(8);
  });

  it('brings the copy to today when it is opened from the recent list', async () => {
    let now = at('2027-08-01');
    const dataDir = join(root, 'recent');
    const service = serviceOn(() => now, dataDir);
    const api = service.api;
    const doc = unwrap(await api.project.demo());
    const csv = join(dataDir, 'demo', 'hr-export.csv');
    const row3 = async () =>
      iconv
        .decode(await readFile(csv), 'win1252')
        .split('\r\n')[2]!
        .split(';')[13];
    expect(await row3()).toBe(shiftDutchDate('01-12-2026', daysBetween(DEMO_ANCHOR, '2027-08-01')));
    now = at('2028-03-01');
    expect(unwrap(await api.project.recent()).paths).toContain(doc.path);
    unwrap(await api.project.open({ path: doc.path! }));
    expect(await row3()).toBe('09-03-2028');
  });

  it('decides today in the mapping’s time zone (Amsterdam): 00:30 there is already the next day', async () => {
    const service = serviceOn(() => at('2027-08-01', '00:30:00'), join(root, 'zone'));
    // 2027-07-31T23:30Z: still the 31st in UTC, the 1st of August (summer time) in Amsterdam.
    const doc = unwrap(await service.api.project.demo());
    const v = unwrap(await service.api.mapping.validate({ mapping: doc.mapping, projectPath: doc.path }));
    const row3 = v.issues.find((i) => i.code === 'leaving-later' && i.row === 3);
    expect(row3?.params?.date).toBe('2027-08-09');
  });

  it('takes the time zone of the consultant’s copy of the mapping: Kiritimati is already a day ahead', async () => {
    const now = new Date('2027-08-01T12:00:00Z'); // 2 August, 02:00 on Kiritimati (UTC+14)
    const service = serviceOn(() => now, join(root, 'kiritimati'));
    const api = service.api;
    const first = unwrap(await api.project.demo());
    const edited = { ...(first.mapping as MappingFileInput), timeZone: 'Pacific/Kiritimati' };
    unwrap(await api.project.save({ path: first.path!, mapping: edited }));
    const doc = unwrap(await api.project.demo());
    const v = unwrap(await api.mapping.validate({ mapping: doc.mapping, projectPath: doc.path }));
    expect(v.issues.find((i) => i.code === 'leaving-later' && i.row === 3)?.params?.date).toBe('2027-08-10');
    expect(v.summary?.users).toMatchObject({ deactivate: 26, leavingLater: 8 });
  });

  it('refuses with a worded reason when the bundled demo is missing', async () => {
    const empty = join(root, 'no-resources');
    const service = createWorkbenchService({
      dataDir: join(root, 'missing'),
      secrets: new MemorySecretStore(),
      mode: 'browser',
      resourcesDir: empty,
      env: {},
    });
    services.push(service);
    const r = await service.api.project.demo();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-found');
  });

  it('does not call a data folder it cannot write a missing demo', async () => {
    const dataDir = join(root, 'blocked');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'demo'), 'a file where the demo folder goes');
    const service = serviceOn(() => at('2027-08-01'), dataDir);
    const r = await service.api.project.demo();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).not.toBe('not-found');
  });
});
