import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { shellWord } from '../../../src/main/cli/commands/plan';
import { captureCliOutput } from '../../support/cli-output';

const ROOT = join(import.meta.dirname, '../../..');
let dir: string;
const io = captureCliOutput();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-demo-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Report {
  rows: number;
  users: { active: number; deactivate: number; leavingLater: number; skipped: number };
  errorRows: number;
  issues: { code: string; row: number | null }[];
}

async function validate(mapping: string, today?: string): Promise<Report> {
  io.out = '';
  const code = await main(['validate', '-m', mapping, '--json', ...(today ? ['--today', today] : [])]);
  // The demo has planted errors: exit 1.
  expect(code).toBe(1);
  return JSON.parse(io.out) as Report;
}

describe('plek-sync demo', () => {
  it('writes the demo for today, so validate without --today shows the README’s picture on any day', async () => {
    const demo = join(dir, 'demo');
    expect(await main(['demo', '--out', demo, '--lang', 'en'])).toBe(0);
    expect(io.err).toMatch(/^wrote .*demo\.plekmap\.json\n/);
    expect(io.err).toMatch(
      /hr-export\.csv, its dates as on \d{4}-\d{2}-\d{2} \(the demo is written for 2026-11-23\)/,
    );
    expect(io.err).toContain(`next: plek-sync validate --mapping ${join(demo, 'demo.plekmap.json')}`);
    const r = await validate(join(demo, 'demo.plekmap.json'));
    expect(r.rows).toBe(250);
    expect(r.users.deactivate).toBe(26);
    expect(r.users.leavingLater).toBe(8);
  });

  it('gives the same counts on days far apart, and the bundled mapping with --today on the anchor agrees', async () => {
    const anchor = await validate(join(ROOT, 'resources/demo/demo.plekmap.json'), '2026-11-23');
    for (const day of ['2027-08-01', '2030-02-28']) {
      const demo = join(dir, day);
      expect(await main(['demo', '--out', demo, '--today', day])).toBe(0);
      const r = await validate(join(demo, 'demo.plekmap.json'), day);
      expect({ rows: r.rows, users: r.users, errorRows: r.errorRows }).toEqual({
        rows: anchor.rows,
        users: anchor.users,
        errorRows: anchor.errorRows,
      });
      expect(r.issues.map((i) => `${i.code}@${i.row}`)).toEqual(
        anchor.issues.map((i) => `${i.code}@${i.row}`),
      );
    }
  });

  it('keeps a mapping that is already there and rewrites the export', async () => {
    const demo = join(dir, 'kept');
    expect(await main(['demo', '--out', demo, '--today', '2027-08-01'])).toBe(0);
    const mapping = join(demo, 'demo.plekmap.json');
    writeFileSync(mapping, readFileSync(mapping, 'utf8').replace('(demo)', '(mijn demo)'));
    const before = readFileSync(join(demo, 'hr-export.csv'));
    io.err = '';
    expect(await main(['demo', '--out', demo, '--today', '2030-02-28', '--lang', 'nl'])).toBe(0);
    expect(io.err).toMatch(/demo\.plekmap\.json bewaard: die bestond al, dus je wijzigingen blijven/);
    expect(io.err).toMatch(/hr-export\.csv geschreven, met de datums zoals op 2030-02-28/);
    expect(readFileSync(mapping, 'utf8')).toContain('(mijn demo)');
    const after = readFileSync(join(demo, 'hr-export.csv'));
    expect(after.length).toBe(before.length);
    expect(after.equals(before)).toBe(false);
  });

  it('writes the demo’s Plek beside it, so plan links its accounts, and keeps that Plek on a second demo', async () => {
    const demo = join(dir, 'plek');
    expect(await main(['demo', '--out', demo, '--lang', 'en'])).toBe(0);
    const sandbox = join(demo, 'sandbox');
    expect(io.err).toContain(`wrote ${sandbox}: the demo’s Plek, a sandbox with its accounts to link`);
    expect(io.err).toContain(
      `then:  plek-sync plan --mapping ${join(demo, 'demo.plekmap.json')} --target sandbox:${sandbox}`,
    );
    const plan = async () => {
      io.out = '';
      const mapping = join(demo, 'demo.plekmap.json');
      expect(await main(['plan', '-m', mapping, '--target', `sandbox:${sandbox}`, '--json'])).toBe(0);
      return JSON.parse(io.out) as { initialImport: boolean; counts: Record<string, number> };
    };
    const first = await plan();
    // The demo's accounts: two linked by e-mail, the inactive namesake (Niels Dekker) a conflict, never linked.
    expect(first.initialImport).toBe(true);
    expect(first.counts).toMatchObject({ link: 2, conflict: 1, create: 212 });

    const mapping = join(demo, 'demo.plekmap.json');
    // Its reports and daily state go to a data folder of this test's own.
    vi.stubEnv('PLEK_WORKBENCH_DATA', join(dir, 'data'));
    // A plan written for apply says the apply to type, with the same target (the plan refuses any other).
    io.out = '';
    const planFile = join(dir, 'plan.json');
    expect(await main(['plan', '-m', mapping, '--target', `sandbox:${sandbox}`, '--out', planFile])).toBe(0);
    const hint = /apply it with: (plek-sync apply .*)\n/.exec(io.out)?.[1];
    expect(hint).toBe(`plek-sync apply --mapping ${mapping} --plan ${planFile} --target sandbox:${sandbox}`);
    io.out = '';
    expect(await main(hint!.split(' ').slice(1))).toBe(0);
    // The 22 people whose manager (Niels Dekker, the conflict) is not created: created without one, warned once.
    expect(io.err + io.out).toMatch(/\b278 ok, 0 failed\b.*, 22 with a warning\n/);
    vi.unstubAllEnvs();
    io.err = '';
    expect(await main(['demo', '--out', demo, '--lang', 'nl'])).toBe(0);
    expect(io.err).toContain(`${sandbox} bewaard: wat eerdere runs in de Plek van de demo deden, blijft`);
    const second = await plan();
    expect(second.initialImport).toBe(false);
    expect(second.counts).toMatchObject({ create: 0, link: 0, update: 0 });
  });

  it('quotes the apply command for the shell it is pasted into', () => {
    expect(shellWord('C:\\Users\\jan\\plan.json', 'win32')).toBe('C:\\Users\\jan\\plan.json');
    expect(shellWord('C:\\Users\\Jan de Vries\\plan.json', 'win32')).toBe(
      '"C:\\Users\\Jan de Vries\\plan.json"',
    );
    expect(shellWord("/home/jan/o'brien plan.json", 'linux')).toBe("'/home/jan/o'\\''brien plan.json'");
    expect(shellWord('sandbox:/tmp/demo/sandbox', 'linux')).toBe('sandbox:/tmp/demo/sandbox');
  });

  it('refuses a --today that is no date, and an --out it cannot write, with exit 2', async () => {
    expect(await main(['demo', '--out', join(dir, 'x'), '--today', '2027-02-29', '--lang', 'en'])).toBe(2);
    expect(io.err).toMatch(/--today <date> does not accept "2027-02-29"/);
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    io.err = '';
    expect(await main(['demo', '--out', join(file, 'sub'), '--lang', 'en'])).toBe(2);
    expect(io.err).toMatch(/cannot write .*a-file\/sub: /);
  });
});
