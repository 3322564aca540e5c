// Apply throughput against the local Plek sandbox, and how much of a rate-limited target's allowance the
// client uses. The sandbox runs in a child process (as it would on a consultant's laptop next to the app), so
// client and server do not share one event loop. Prints figures; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type SandboxOptions } from '../src/main/sandbox';
import { ScimClient } from '../src/main/scim';
import { applyPlan, readTargetState } from '../src/main/sync';
import type { MappedUser } from '../src/shared/engine/types';
import { computePlan } from '../src/shared/plan/compute';
import { WORK_EMAIL } from '../src/shared/scim/fields';
import {
  generateHrExport,
  HR_HEADERS_NL,
  PERSON_FIELDS,
  type GeneratedPerson,
} from '../test/fixtures/hr-export';
import { cli } from './import.bench';
import type { Report } from './support';

const MAPPING = fileURLToPath(new URL('../resources/demo/demo.plekmap.json', import.meta.url));

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

    // A day of title updates against a target allowing 600 requests/minute, as the scheduled job runs it:
    // `plek-sync run` in a fresh process (its start-up counts against the allowance), the accounts created the
    // day before without a limit.
    await benchRateLimited(report, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** People as the HR system exports them (UTF-8, `;`). */
function exportOf(people: readonly GeneratedPerson[]): string {
  const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    HR_HEADERS_NL.join(';'),
    ...people.map((p) => PERSON_FIELDS.map((f) => cell(p[f])).join(';')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export async function benchRateLimited(report: Report, dir: string): Promise<void> {
  const perMinute = 600;
  const { people } = generateHrExport({ rows: 1100, seed: 5, defects: false, encoding: 'utf-8' });
  const day1 = join(dir, 'dag1.csv');
  const day2 = join(dir, 'dag2.csv');
  writeFileSync(day1, exportOf(people));
  writeFileSync(day2, exportOf(people.map((p) => ({ ...p, jobTitle: `Senior ${p.jobTitle}` }))));
  const dataDir = join(dir, 'rate-sandbox');
  const run = async (remote: Remote, source: string, today: string) =>
    cli(
      [
        'run',
        '-m',
        MAPPING,
        '-s',
        source,
        '-t',
        remote.url,
        '--client-id',
        remote.clientId,
        '--today',
        today,
        '--run-dir',
        join(dir, 'rate-runs'),
        '--state-dir',
        join(dir, 'rate-state'),
      ],
      { PLEK_CLIENT_SECRET: remote.clientSecret },
    );
  const seed = await remoteSandbox({ dataDir, clientSecret: 'bench-geheim' });
  try {
    await run(seed, day1, '2026-11-23');
  } finally {
    seed.child.stdin?.end();
    await new Promise((r) => seed.child.once('exit', r));
  }
  const remote = await remoteSandbox({ dataDir, clientSecret: 'bench-geheim', rateLimit: { perMinute } });
  try {
    // What start-up and reading the export cost in this process: a validate of the same file.
    const startUp = await cli(['validate', '-m', MAPPING, '-s', day2, '--today', '2026-11-24']);
    const before = await remote.stats();
    const r = await run(remote, day2, '2026-11-24');
    const after = await remote.stats();
    const accepted = Object.entries(after.byStatus)
      .filter(([status]) => Number(status) < 400)
      .reduce((n, [status, count]) => n + count - (before.byStatus[status] ?? 0), 0);
    const requests = after.requests - before.requests;
    const refused = after.rateLimited - before.rateLimited;
    const allowance = (perMinute / 60) * r.seconds;
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    report(
      `a day of title updates against a target allowing ${perMinute} requests/minute (plek-sync run, fresh process)`,
      {
        updates: /update=(\d+)/.exec(line)?.[1] ?? '?',
        'failed operations': /failed=(\d+)/.exec(line)?.[1] ?? '?',
        seconds: Math.round(r.seconds * 10) / 10,
        'requests accepted': accepted,
        'allowance used': `${((accepted / allowance) * 100).toFixed(1)}%`,
        'after start-up': `${((accepted / ((perMinute / 60) * Math.max(1, r.seconds - startUp.seconds))) * 100).toFixed(1)}% (validate of the file: ${Math.round(startUp.seconds * 10) / 10} s)`,
        '429s': `${refused} (${((refused / Math.max(1, requests)) * 100).toFixed(1)}% of requests)`,
        target: '≥ 95 %, 0 failed, ≤ 5 % 429s',
      },
    );
  } finally {
    remote.child.kill();
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
