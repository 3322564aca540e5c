// Apply throughput against the local Plek sandbox, and how much of a rate-limited target's allowance the
// client uses. The sandbox runs in a child process (as it would on a consultant's laptop next to the app), so
// client and server do not share one event loop. Prints figures; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type SandboxOptions } from '../src/main/sandbox';
import { ScimClient } from '../src/main/scim';
import { applyPlan, readTargetState } from '../src/main/sync';
import type { MappedUser } from '../src/shared/engine/types';
import { computePlan } from '../src/shared/plan/compute';
import { WORK_EMAIL } from '../src/shared/scim/fields';
import type { Report } from './support';

const CHILD_ENV = 'PLEK_BENCH_SANDBOX_OPTIONS';

interface Remote {
  url: string;
  clientId: string;
  clientSecret: string;
  child: ChildProcess;
  stats(): Promise<{
    requests: number;
    rateLimited: number;
    tokensIssued: number;
    byStatus: Record<string, number>;
  }>;
}

/** Starts a sandbox in a child process; it answers `stats` on stdin. */
function remoteSandbox(options: SandboxOptions): Promise<Remote> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((r) => waiters.push(r));
  return next().then((first) => {
    const info = JSON.parse(first) as { url: string; clientId: string; clientSecret: string };
    return {
      ...info,
      child,
      async stats() {
        const p = next();
        child.stdin?.write('stats\n');
        return JSON.parse(await p);
      },
    };
  });
}

function users(n: number): MappedUser[] {
  return Array.from({ length: n }, (_, i) => {
    const local = `medewerker.${i}`;
    return {
      row: i + 2,
      key: `B${i}`,
      attributes: {
        userName: `${local}@bench-demo.nl`,
        'name.givenName': i % 2 ? 'Zoë' : 'Jan',
        'name.middleName': i % 3 ? 'van der' : null,
        'name.familyName': 'Meer',
        [WORK_EMAIL]: `${local}@bench-demo.nl`,
        title: 'Medewerker',
      },
      active: true,
      groups: [],
      trace: {},
    };
  });
}

async function planAgainst(client: ScimClient, n: number) {
  const target = await readTargetState(client);
  return computePlan({
    users: users(n),
    skipped: [],
    errors: [],
    targetUsers: target.users,
    targetGroups: target.groups,
    mapping: {
      fields: {},
      linking: { matchOn: 'email', ignoreInactive: true },
      safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
    },
    target: { url: client.baseUrl },
    sourceRows: n,
    initialImport: false,
    today: '2026-11-23',
  });
}

export async function benchScim(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plek-bench-scim-'));
  try {
    for (const { n, bulk } of [
      { n: 10_000, bulk: true },
      { n: 100_000, bulk: true },
      { n: 10_000, bulk: false },
    ]) {
      const remote = await remoteSandbox({});
      const client = new ScimClient({
        baseUrl: remote.url,
        auth: { kind: 'oauth', clientId: remote.clientId, clientSecret: remote.clientSecret },
        concurrency: 16,
      });
      try {
        const plan = await planAgainst(client, n);
        const started = process.hrtime.bigint();
        const r = await applyPlan(plan, {
          client,
          journalPath: join(dir, `apply-${n}-${bulk}.jsonl`),
          workers: 32,
          bulk,
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const ops = r.report.totals.ok;
        report(
          `apply ${n.toLocaleString('en')} creates to the local sandbox (${bulk ? '/Bulk, 50 per request' : 'one POST each'})`,
          {
            'ops/s': Math.round(ops / seconds),
            seconds: Math.round(seconds * 10) / 10,
            failed: r.failed,
            target: '≥ 2000 ops/s',
          },
        );
      } finally {
        client.close();
        remote.child.kill();
      }
    }

    // A target allowing 600 requests/minute, measured over a 30 s window.
    const windowSeconds = 30;
    const perMinute = 600;
    const remote = await remoteSandbox({ rateLimit: { perMinute } });
    const client = new ScimClient({
      baseUrl: remote.url,
      auth: { kind: 'oauth', clientId: remote.clientId, clientSecret: remote.clientSecret },
    });
    try {
      const plan = await planAgainst(client, 2000);
      const before = await remote.stats();
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), windowSeconds * 1000);
      // One request per operation (no /Bulk), so the window measures the client's pacing, not batching.
      const r = await applyPlan(plan, {
        client,
        journalPath: join(dir, 'rate.jsonl'),
        signal: ac.signal,
        bulk: false,
      });
      clearTimeout(timer);
      const after = await remote.stats();
      const accepted = (s: typeof before) =>
        (s.byStatus['200'] ?? 0) + (s.byStatus['201'] ?? 0) - s.tokensIssued;
      const used = accepted(after) - accepted(before);
      const allowance = (perMinute * windowSeconds) / 60;
      report(`rate-limited target (${perMinute} requests/minute, ${windowSeconds} s window)`, {
        'allowance used': `${((used / allowance) * 100).toFixed(1)}%`,
        'requests accepted': used,
        '429s': after.rateLimited - before.rateLimited,
        'failed operations': r.failed,
        target: '≥ 95 %, 0 failed',
      });
    } finally {
      client.close();
      remote.child.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Child mode: run a sandbox and report its stats on request.
if (process.env[CHILD_ENV]) {
  const options = JSON.parse(process.env[CHILD_ENV]) as SandboxOptions;
  const sandbox = await startSandbox(options);
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })}\n`,
  );
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d: string) => {
    if (d.includes('stats')) process.stdout.write(`${JSON.stringify(sandbox.stats())}\n`);
  });
  process.stdin.on('end', () => void sandbox.stop().then(() => process.exit(0)));
}
