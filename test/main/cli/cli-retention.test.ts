import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { generateHrExport } from '../../fixtures/hr-export';
import { captureCliOutput } from '../../support/cli-output';

const MAPPING = join(import.meta.dirname, '../../../resources/demo/demo.plekmap.json');
const DAY_MS = 86_400_000;
let dir: string;
const io = captureCliOutput();

/** A file dated `age` days before the real clock (the CLI judges age against the time it runs). */
function place(path: string, age: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'rij;sleutel;naam\n2;10001;Sanne de Vries\n');
  const t = new Date(Date.now() - age * DAY_MS);
  utimesSync(path, t, t);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-retention-'));
  writeFileSync(join(dir, 'export.csv'), generateHrExport({ rows: 25, seed: 31, defects: false }).bytes);
  vi.stubEnv('PLEK_WORKBENCH_DATA', join(dir, 'data'));
  vi.stubEnv('PLEK_CLIENT_SECRET', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...extra: string[]) =>
  main([
    'run',
    '-m',
    MAPPING,
    '-s',
    join(dir, 'export.csv'),
    '-t',
    `sandbox:${join(dir, 'sb')}`,
    '--today',
    '2026-11-23',
    '--no-state',
    ...extra,
  ]);

describe('plek-sync run --retention-days', () => {
  it('removes its own journals and reports past the period from --run-dir, nothing else', async () => {
    const runs = join(dir, 'runs');
    place(join(runs, 'run-2026-10-01-00112233aabbccdd.journal.jsonl'), 10);
    place(join(runs, 'run-2026-10-01-00112233aabbccdd.report.json'), 10);
    place(join(runs, 'run-2026-10-01-00112233aabbccdd.report.nl.csv'), 10);
    place(join(runs, 'run-2026-11-20-44556677eeff0011.report.json'), 2);
    place(join(runs, 'overzicht-oktober.xlsx'), 90);
    expect(await run('--run-dir', runs, '--retention-days', '7'), io.err).toBeLessThanOrEqual(1);
    const left = readdirSync(runs).sort();
    expect(left.filter((n) => n.startsWith('run-2026-10-01'))).toEqual([]);
    expect(left).toContain('run-2026-11-20-44556677eeff0011.report.json');
    expect(left).toContain('overzicht-oktober.xlsx');
    // Today's journal and report are there, readable by their owner only.
    const today = left.filter((n) => n.startsWith('run-2026-11-23-'));
    expect(today.some((n) => n.endsWith('.journal.jsonl'))).toBe(true);
    expect(today.some((n) => n.endsWith('.report.json'))).toBe(true);
    if (process.platform !== 'win32')
      for (const n of today) expect(statSync(join(runs, n)).mode & 0o777, n).toBe(0o600);
  });

  it('without the flag takes the workbench setting, and cleans the data folder’s uploads too', async () => {
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ retentionDays: 3 }));
    place(join(data, 'uploads', 'u-1', 'medewerkers.csv'), 5);
    place(join(data, 'uploads', 'u-2', 'medewerkers.csv'), 1);
    place(join(data, 'runs', 'run-2026-11-01-8899aabbccddeeff.report.json'), 4);
    place(join(data, 'state', 'daily.json'), 400);
    expect(await run(), io.err).toBeLessThanOrEqual(1);
    expect(readdirSync(join(data, 'uploads'))).toEqual(['u-2']);
    expect(readdirSync(join(data, 'runs')).some((n) => n.startsWith('run-2026-11-01'))).toBe(false);
    expect(readdirSync(join(data, 'runs')).some((n) => n.startsWith('run-2026-11-23'))).toBe(true);
    expect(readdirSync(join(data, 'state'))).toEqual(['daily.json']);
  });

  it.each(['0', '-3', 'dertig', '3651', '2.5'])('refuses --retention-days %s with exit 2', async (value) => {
    expect(await run('--retention-days', value)).toBe(2);
    expect(io.err).toMatch(/expected a number of days from 1 to 3650/);
  });

  it('is in plek-sync run --help', async () => {
    expect(await main(['run', '--help'])).toBe(0);
    expect(io.out).toMatch(/--retention-days <days>/);
  });
});
