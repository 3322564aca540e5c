import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { ScimClient } from '../../../src/main/scim';
import { applyPlan } from '../../../src/main/sync';
import type { Plan } from '../../../src/shared/plan/types';
import { client, duplicates, employee, endState, MANAGER, planFor } from '../../support/scim-fixtures';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/plek-sync.mjs');
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');

let dir: string;
let h: SandboxHandle;
let c: ScimClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plek-kill-'));
  h = await startSandbox();
  c = client(h);
});
afterAll(async () => {
  c.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

function journalLines(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

function applyCli(planPath: string): ChildProcess {
  return spawn(
    process.execPath,
    [BIN, 'apply', '--mapping', MAPPING, '--plan', planPath, '--target', h.url, '--client-id', h.clientId],
    {
      env: { ...process.env, PLEK_CLIENT_SECRET: h.clientSecret, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('plek-sync apply killed with SIGKILL', () => {
  it('converges after kill -9 at several points and a re-run: no duplicates, no lost operation', async () => {
    const users = Array.from({ length: 250 }, (_, i) =>
      employee(i, {
        groups: i % 2 ? ['Zorg'] : ['Zorg', 'Iedereen'],
        attrs: { [MANAGER]: `E${10000 + (i % 7)}` },
      }),
    );
    const plan: Plan = await planFor(c, users);
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(plan));
    const journal = join(dir, 'plan.journal.jsonl');

    // Kill points, as journal line counts, drawn from a seeded generator (PLEK_KILL_SEED to replay another
    // run): one among the creates, one among the updates, one among the memberships.
    let seed = Number(process.env.PLEK_KILL_SEED ?? 20261123) >>> 0;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const points = [
      [5, 480],
      [520, 800],
      [820, 1300],
    ].map(([lo, hi]) => Math.floor(lo! + random() * (hi! - lo!)));
    const kills: number[] = [];
    for (const at of points) {
      const child = applyCli(planPath);
      const done = exited(child);
      while (journalLines(journal) < at && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      const r = await done;
      if (r.signal === 'SIGKILL') kills.push(journalLines(journal));
    }
    expect(
      kills.length,
      `killed at journal lines ${kills.join(', ')} (targets ${points.join(', ')})`,
    ).toBeGreaterThanOrEqual(2);

    const final = await exited(applyCli(planPath));
    expect(final.out).toMatch(/0 failed, 0 not run/);
    expect(final.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'plan.report.json'), 'utf8')) as {
      totals: Record<string, number>;
      lines: { result: string }[];
    };
    expect(report.totals.failed).toBe(0);
    expect(report.totals['not-run']).toBe(0);
    // The file lists per operation only what did not simply succeed: nothing here.
    expect(report.lines).toEqual([]);

    // The reference: the same plan applied in one go to a fresh sandbox.
    const ref = await startSandbox();
    const rc = client(ref);
    try {
      const r = await applyPlan(
        { ...plan, target: { url: ref.url } },
        { client: rc, journalPath: join(dir, 'ref.jsonl') },
      );
      expect(r.failed).toBe(0);
      expect(duplicates(h)).toEqual([]);
      expect(h.stats().users).toBe(250);
      // Creates went through /Bulk (a batch interrupted by a kill is resumed one by one, looked up first).
      expect(h.stats().bulkRequests).toBeGreaterThanOrEqual(1);
      expect(endState(h)).toEqual(endState(ref));
      expect(h.stats().byMethod.DELETE ?? 0).toBe(0);
    } finally {
      rc.close();
      await ref.stop();
    }
  }, 60_000);
});
