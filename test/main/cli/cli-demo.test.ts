import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/index';
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
