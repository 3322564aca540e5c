import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { startSandbox } from '../../../src/main/sandbox';
import { expandPlan } from '../../../src/shared/plan/serialize';
import type { Plan } from '../../../src/shared/plan/types';
import { captureCliOutput } from '../../support/cli-output';

const ROOT = join(import.meta.dirname, '../../..');
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
let dir: string;
const io = captureCliOutput();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('plek-sync plan / apply / run', () => {
  it('plans against a sandbox folder, applies the saved plan, and a daily run afterwards changes nothing', async () => {
    const target = `sandbox:${join(dir, 'sb')}`;
    const planPath = join(dir, 'plan.json');
    expect(
      await main(['plan', '-m', MAPPING, '-t', target, '--today', '2026-11-23', '--json', '--out', planPath]),
    ).toBe(0);
    const plan = JSON.parse(io.out) as Plan;
    expect(plan.counts.create).toBeGreaterThan(200);
    expect(plan.counts.skipped).toBeGreaterThan(0);
    expect(plan.target.url).toBe(target);
    // The file is the compact form (creates spelled once) of the same plan.
    expect(expandPlan(JSON.parse(readFileSync(planPath, 'utf8')) as Plan)).toEqual(plan);
    expect(readFileSync(planPath, 'utf8').length).toBeLessThan(JSON.stringify(plan).length * 0.7);

    io.out = '';
    expect(await main(['apply', '-m', MAPPING, '--plan', planPath, '-t', target])).toBe(0);
    expect(io.out).toMatch(/\d+ ok, 0 failed, 0 not run/);
    const csv = readFileSync(join(dir, 'plan.report.nl.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFrij;mapping key;naam;e-mail;actie;resultaat;wijzigingen;reden;waarschuwingen;groepen;Plek-id',
    );

    io.out = '';
    // The demo export has rows with errors: the daily job reports them with exit 1 although all else is done.
    expect(
      await main([
        'run',
        '-m',
        MAPPING,
        '-t',
        target,
        '--today',
        '2026-11-23',
        '--run-dir',
        join(dir, 'runs'),
        '--state-dir',
        join(dir, 'state'),
      ]),
    ).toBe(1);
    expect(io.out).toMatch(/create 0 {2}update 0 {2}deactivate 0/);
    expect(io.out).toMatch(/rows with errors need attention/);
  });

  it('writes a plan named .json.gz gzip-compressed (the same bytes each time) and applies it', async () => {
    const target = `sandbox:${join(dir, 'sb')}`;
    const planPath = join(dir, 'plan.json.gz');
    const plan = ['plan', '-m', MAPPING, '-t', target, '--today', '2026-11-23', '--out', planPath];
    expect(await main([...plan, '--json'])).toBe(0);
    const full = JSON.parse(io.out) as Plan;
    const bytes = readFileSync(planPath);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(bytes).toString('utf8');
    expect(expandPlan(JSON.parse(text) as Plan)).toEqual(full);
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(await main(plan)).toBe(0);
    expect(readFileSync(planPath).equals(bytes)).toBe(true);

    io.out = '';
    expect(await main(['apply', '-m', MAPPING, '--plan', planPath, '-t', target])).toBe(0);
    expect(io.out).toMatch(/\d+ ok, 0 failed, 0 not run/);
    expect(readFileSync(join(dir, 'plan.report.json'), 'utf8')).toMatch(/"status":"completed"/);
    expect(readFileSync(join(dir, 'plan.journal.jsonl'), 'utf8')).toMatch(/"t":"header"/);
  });

  it('refuses to apply a plan to another target (exit 2) and a blocked plan (exit 1)', async () => {
    const planPath = join(dir, 'plan.json');
    expect(
      await main([
        'plan',
        '-m',
        MAPPING,
        '-t',
        `sandbox:${join(dir, 'a')}`,
        '--today',
        '2026-11-23',
        '--out',
        planPath,
      ]),
    ).toBe(0);
    expect(await main(['apply', '-m', MAPPING, '--plan', planPath, '-t', `sandbox:${join(dir, 'b')}`])).toBe(
      2,
    );
    expect(io.err).toMatch(/the plan was made for sandbox:.*\/a, not for sandbox:.*\/b/);

    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    // The verdict is recomputed from the plan's own numbers: a previous run 10× larger means a truncated export.
    writeFileSync(planPath, JSON.stringify({ ...plan, previousSourceRows: plan.sourceRows * 10 }));
    io.out = '';
    expect(await main(['apply', '-m', MAPPING, '--plan', planPath, '-t', `sandbox:${join(dir, 'a')}`])).toBe(
      1,
    );
    expect(io.out).toMatch(/blocked by the safety guards; nothing was changed/);

    // A new plan written over the old file does not silently reuse the old plan's journal.
    writeFileSync(
      join(dir, 'plan.journal.jsonl'),
      `${JSON.stringify({ t: 'header', planId: 'andere-plan', target: 'x' })}\n`,
    );
    writeFileSync(planPath, JSON.stringify(plan));
    expect(await main(['apply', '-m', MAPPING, '--plan', planPath, '-t', `sandbox:${join(dir, 'a')}`])).toBe(
      2,
    );
    expect(io.err).toMatch(/belongs to another plan/);
  });

  it("uses the mapping's target when --target is absent (the demo mapping: the sandbox in the data folder)", async () => {
    vi.stubEnv('PLEK_WORKBENCH_DATA', dir);
    try {
      expect(await main(['plan', '-m', MAPPING, '--today', '2026-11-23', '--json'])).toBe(0);
      expect((JSON.parse(io.out) as Plan).target.url).toBe(`sandbox:${join(dir, 'sandbox')}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('takes the secret only from the environment and never prints it', async () => {
    const h = await startSandbox({ clientSecret: 'S3cr3t-van-de-klant' });
    try {
      const args = ['plan', '-m', MAPPING, '-t', h.url, '--client-id', h.clientId, '--today', '2026-11-23'];
      vi.stubEnv('PLEK_CLIENT_SECRET', '');
      expect(await main(args)).toBe(2);
      expect(io.err).toMatch(/set PLEK_CLIENT_SECRET/);
      vi.stubEnv('PLEK_CLIENT_SECRET', 'fout-geheim');
      expect(await main(args)).toBe(1);
      expect(io.err).toMatch(/refused: HTTP 401/);
      vi.stubEnv('PLEK_CLIENT_SECRET', 'S3cr3t-van-de-klant');
      expect(await main([...args, '--json'])).toBe(0);
      expect(io.out + io.err).not.toMatch(/S3cr3t-van-de-klant|fout-geheim/);
      expect(
        await main(['plan', '-m', MAPPING, '-t', 'http://plek.example.com/scim', '--today', '2026-11-23']),
      ).toBe(2);
      expect(io.err).toMatch(/must use https/);
    } finally {
      vi.unstubAllEnvs();
      await h.stop();
    }
  });
});

describe('plek-sync apply: a report file that cannot be written', () => {
  it('is named in the error with exit code 2 (the English CSV, made and written by the report thread)', async () => {
    if (!existsSync('/dev/full')) return;
    const target = `sandbox:${join(dir, 'sb')}`;
    const planPath = join(dir, 'plan.json');
    expect(
      await main(['plan', '-m', MAPPING, '-t', target, '--today', '2026-11-23', '--out', planPath]),
    ).toBe(0);
    // Opens as any file; every write to it fails: the disk is full.
    symlinkSync('/dev/full', join(dir, 'rapport.en.csv'));
    io.err = '';
    const code = await main([
      'apply',
      '-m',
      MAPPING,
      '--plan',
      planPath,
      '-t',
      target,
      '--report',
      join(dir, 'rapport.json'),
    ]);
    expect(code).toBe(2);
    expect(io.err).toContain(join(dir, 'rapport.en.csv'));
    expect(io.err).toContain('ENOSPC');
    // The other files are there (the JSON file whole).
    expect(JSON.parse(readFileSync(join(dir, 'rapport.json'), 'utf8'))).toMatchObject({
      status: 'completed',
    });
  });
});

describe('plek-sync run decides today in the mapping’s time zone', () => {
  it('names its report by the date in Kiritimati, not Amsterdam’s or the computer’s', async () => {
    const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'hr-export.csv'), readFileSync(join(ROOT, 'resources/demo/hr-export.csv')));
    writeFileSync(
      join(dir, 'kiritimati.plekmap.json'),
      JSON.stringify({ ...mapping, timeZone: 'Pacific/Kiritimati' }),
    );
    // 12:00 UTC on 1 December: 13:00 on the 1st in Amsterdam, already 02:00 on the 2nd in Kiritimati (UTC+14).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
    try {
      await main([
        'run',
        '-m',
        join(dir, 'kiritimati.plekmap.json'),
        '-t',
        `sandbox:${join(dir, 'sb')}`,
        '--run-dir',
        join(dir, 'runs'),
        '--state-dir',
        join(dir, 'state'),
      ]);
    } finally {
      vi.useRealTimers();
    }
    expect(/report=\S*run-(\d{4}-\d{2}-\d{2})-/.exec(io.out)?.[1]).toBe('2026-12-02');
  });
});
