import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { startSandbox } from '../../../src/main/sandbox';
import { dailyStatePath, removeStaleStaging } from '../../../src/main/sync/state';
import type { Plan } from '../../../src/shared/plan/types';
import {
  generateHrExport,
  HR_HEADERS_NL,
  PERSON_FIELDS,
  type GeneratedPerson,
} from '../../fixtures/hr-export';

const ROOT = join(import.meta.dirname, '../../..');
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
let dir: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-daily-'));
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function cell(v: string): string {
  return /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The people as the HR system exports them (UTF-8, `;`), in the given order. */
function exportOf(people: readonly GeneratedPerson[], name: string): string {
  const lines = [
    HR_HEADERS_NL.join(';'),
    ...people.map((p) => PERSON_FIELDS.map((f) => cell(p[f])).join(';')),
  ];
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

/** The id of a process that has ended (a child that ran and exited). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('what a killed run left beside the daily state', () => {
  it('is removed by the next run: the staged state and half-written file of a process that no longer runs', async () => {
    const statePath = join(dir, 'state', 'demo.sandbox.state.json');
    mkdirSync(join(dir, 'state'));
    const dead = deadPid();
    const stale = [`demo.sandbox.state.json.${dead}.next`, `demo.sandbox.state.json.${dead}.tmp`];
    // A run still going (this process, and the parent that started it) keeps its files; other files are not ours.
    const alive = [
      `demo.sandbox.state.json.${process.pid}.next`,
      `demo.sandbox.state.json.${process.ppid}.next`,
      `other.state.json.${dead}.next`,
      'demo.sandbox.state.json',
      `demo.sandbox.state.json.${dead}.bak`,
    ];
    for (const name of [...stale, ...alive]) writeFileSync(join(dir, 'state', name), '{}\n');
    expect((await removeStaleStaging(statePath)).sort()).toEqual([...stale].sort());
    expect(readdirSync(join(dir, 'state')).sort()).toEqual([...alive].sort());
    // A state folder that does not exist yet is not an error.
    expect(await removeStaleStaging(join(dir, 'nowhere', 'x.state.json'))).toEqual([]);
  });

  it('is gone after the next plek-sync run', async () => {
    const { people } = generateHrExport({ rows: 30, seed: 3, defects: false, encoding: 'utf-8' });
    const target = `sandbox:${join(dir, 'sb')}`;
    const stateDir = join(dir, 'state');
    const statePath = dailyStatePath(MAPPING, target, stateDir);
    mkdirSync(stateDir);
    const leftover = `${statePath}.${deadPid()}.next`;
    writeFileSync(leftover, '{}\n');
    const source = exportOf(people, 'dag1.csv');
    const args = ['run', '-m', MAPPING, '-s', source, '-t', target, '--today', '2026-11-23'];
    expect(await main([...args, '--run-dir', join(dir, 'runs'), '--state-dir', stateDir])).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(stateDir)).toEqual([statePath.slice(stateDir.length + 1)]);
  });
});

describe('plek-sync run as an unattended daily job', () => {
  it('keeps its own state: a key change is flagged and a truncated export blocked without --previous', async () => {
    const { people } = generateHrExport({ rows: 240, seed: 7, defects: false, encoding: 'utf-8' });
    const target = `sandbox:${join(dir, 'sb')}`;
    const stateDir = join(dir, 'state');
    const runDir = join(dir, 'runs');
    const run = (source: string, ...extra: string[]) =>
      main([
        'run',
        '-m',
        MAPPING,
        '-s',
        source,
        '-t',
        target,
        '--today',
        '2026-11-23',
        '--run-dir',
        runDir,
        '--state-dir',
        stateDir,
        ...extra,
      ]);
    const lastLine = () => out.trim().split('\n').at(-1) ?? '';

    // Day 1: the initial import starts the state.
    expect(await run(exportOf(people, 'dag1.csv'))).toBe(0);
    expect(out).toContain('no daily state yet: this run starts it');
    expect(lastLine()).toMatch(
      /^plek-sync run: status=completed exit=0 rows=240 create=\d+ update=0 deactivate=0 .* failed=0 notRun=0 warnings=0 report=\S+\.report\.json$/,
    );
    const statePath = dailyStatePath(MAPPING, target, stateDir);
    const day1 = JSON.parse(readFileSync(statePath, 'utf8')) as { rows: number; users: { key: string }[] };
    expect(day1.rows).toBe(240);
    const accounts = async () => {
      const h = await startSandbox({ dataDir: join(dir, 'sb') });
      try {
        return h.snapshot().users;
      } finally {
        await h.stop();
      }
    };
    const before = await accounts();

    // Day 2: HR re-keyed one active person (same email, new number). The run flags it by itself: no duplicate.
    const moved = people.findIndex((p) => p.status === 'Actief' && p.endDate === '' && p.email !== '');
    const oldKey = people[moved]!.employeeId;
    const day2 = people.map((p, i) => (i === moved ? { ...p, employeeId: '990001' } : p));
    out = '';
    expect(await run(exportOf(day2, 'dag2.csv'))).toBe(1);
    expect(out).toContain('compared with the state of the run of 2026-11-23 (240 rows)');
    expect(lastLine()).toMatch(/status=completed exit=1 .* rowErrors=1 /);
    const report = JSON.parse(readFileSync(lastLine().split('report=')[1]!, 'utf8')) as {
      rows: { key: string; reason: string }[];
    };
    expect(report.rows.find((r) => r.key === '990001')?.reason).toMatch(
      new RegExp(`mapping key changed from "${oldKey}" to "990001"`),
    );
    expect((await accounts()).length).toBe(before.length);
    // Tomorrow still knows the old key: the change is flagged again until HR restores it.
    const day2State = JSON.parse(readFileSync(statePath, 'utf8')) as { users: { key: string }[] };
    expect(day2State.users.map((u) => u.key)).toContain(oldKey);
    expect(day2State.users.map((u) => u.key)).not.toContain('990001');
    out = '';
    expect(await run(exportOf(day2, 'dag2b.csv'))).toBe(1);
    expect(lastLine()).toMatch(/rowErrors=1 /);

    // Day 3: the export lost 60 % of its rows: blocked, nothing written, the state keeps the last good day.
    const stateBefore = readFileSync(statePath, 'utf8');
    const plekBefore = await accounts();
    out = '';
    expect(await run(exportOf(people.slice(0, 96), 'dag3.csv'))).toBe(1);
    expect(lastLine()).toMatch(/^plek-sync run: status=blocked exit=1 rows=96 /);
    expect(out).toMatch(/The source holds 96 rows, fewer than 80% of the 240 of the previous run/);
    expect(readFileSync(statePath, 'utf8')).toBe(stateBefore);
    expect(await accounts()).toEqual(plekBefore);

    // --no-state: a dry experiment neither reads nor writes the state (and --previous still overrides).
    out = '';
    expect(
      await run(
        exportOf(people.slice(0, 96), 'dag3.csv'),
        '--no-state',
        '--previous',
        exportOf(people, 'p.csv'),
      ),
    ).toBe(1);
    expect(lastLine()).toMatch(/status=blocked/);
    expect(readFileSync(statePath, 'utf8')).toBe(stateBefore);
    expect(readdirSync(stateDir)).toHaveLength(1);
  });

  it('a plan is byte-identical on a re-run, and apply recomputes the safety verdict instead of trusting the file', async () => {
    const { people } = generateHrExport({ rows: 60, seed: 3, defects: false, encoding: 'utf-8' });
    const source = exportOf(people, 'hr.csv');
    const target = `sandbox:${join(dir, 'sb')}`;
    const plan = (path: string) =>
      main(['plan', '-m', MAPPING, '-s', source, '-t', target, '--today', '2026-11-23', '--out', path]);
    expect(await plan(join(dir, 'a.json'))).toBe(0);
    expect(await plan(join(dir, 'b.json'))).toBe(0);
    expect(readFileSync(join(dir, 'a.json'))).toEqual(readFileSync(join(dir, 'b.json')));

    // A plan file that claims ok while its own numbers say the export is truncated is refused.
    const p = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Plan;
    writeFileSync(
      join(dir, 'forged.json'),
      JSON.stringify({ ...p, previousSourceRows: 600, safety: { ...p.safety, ok: true, reasons: [] } }),
    );
    out = '';
    expect(await main(['apply', '-m', MAPPING, '--plan', join(dir, 'forged.json'), '-t', target])).toBe(1);
    expect(out).toMatch(/blocked by the safety guards; nothing was changed:\n {2}- The source holds 60 rows/);
    expect(existsSync(join(dir, 'forged.report.nl.csv'))).toBe(true);
  });
});
