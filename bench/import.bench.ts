// A consultant's rehearsal of an initial import: N rows (default 100,000; PLEK_BENCH_IMPORT_ROWS) of a generated
// Dutch HR export run into the embedded sandbox persisted in a folder, each command in a fresh process as a
// scheduled job runs it (the built CLI, bin/plek-sync.mjs). Reports run ÷ validate of the same file, peak RSS per command, the plan file's size and
// whether the next plan is all no-ops. Prints figures; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Plan } from '../src/shared/plan/types';
import { writeHrExport } from '../test/fixtures/hr-export';
import type { Report } from './support';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
const BIN = join(ROOT, 'bin/plek-sync.mjs');
const USAGE = join(ROOT, 'bench/usage.mjs');

let built = false;
/** The CLI as a scheduled job runs it: built to JavaScript from the current sources (once per bench run). */
function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface CliRun {
  code: number;
  seconds: number;
  /** User + system CPU time of the child: on a shared machine a steadier measure than wall time. */
  cpuSeconds: number;
  peakRssMiB: number;
  stdout: string;
}

/** Runs one plek-sync command (the built CLI) in a fresh Node process; wall time includes its start-up. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  buildCli();
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', USAGE, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const last = stderr.trim().split('\n').at(-1) ?? '{}';
      let info: { code?: number; maxRssKiB?: number; cpuMicros?: number } = {};
      try {
        info = JSON.parse(last) as typeof info;
      } catch {
        reject(new Error(`plek-sync ${args[0]} failed: ${stderr.slice(-2000)}`));
        return;
      }
      resolve({
        code: info.code ?? -1,
        seconds,
        cpuSeconds: (info.cpuMicros ?? 0) / 1e6,
        peakRssMiB: Math.round((info.maxRssKiB ?? 0) / 1024),
        stdout,
      });
    });
  });
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The sandbox folder's state on disk: its snapshot and its change log. */
function sandboxBytes(dir: string): number {
  return ['sandbox-state.json', 'sandbox-changes.jsonl']
    .map((f) => join(dir, f))
    .filter((f) => existsSync(f))
    .reduce((n, f) => n + statSync(f).size, 0);
}

export async function benchImport(report: Report): Promise<void> {
  const rows = Number(process.env.PLEK_BENCH_IMPORT_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'plek-bench-import-'));
  try {
    const source = join(dir, 'hr.csv');
    await writeHrExport(source, { rows, seed: 11, defects: false, encoding: 'utf-8' });
    const today = ['--today', '2026-11-23'];
    const target = ['-t', `sandbox:${join(dir, 'sandbox')}`];
    const input = ['-m', MAPPING, '-s', source, ...today];
    // validate takes a second or so, and one sample on a shared machine may be a quarter off either way: the
    // median of three (each a fresh process) is the yardstick the run is divided by.
    const validates: CliRun[] = [];
    for (let i = 0; i < 3; i++) validates.push(await cli(['validate', ...input]));
    const validate = [...validates].sort((a, b) => a.seconds - b.seconds)[1]!;
    // The plan file as a consultant mails it (gzip-compressed, by its name), and uncompressed.
    const plan1 = await cli(['plan', ...input, ...target, '--out', join(dir, 'plan1.json.gz')]);
    const planGz = statSync(join(dir, 'plan1.json.gz')).size;
    const planRaw = gunzipSync(readFileSync(join(dir, 'plan1.json.gz'))).length;
    const run = await cli([
      'run',
      ...input,
      ...target,
      '--run-dir',
      join(dir, 'runs'),
      '--state-dir',
      join(dir, 'state'),
    ]);
    const plan2 = await cli(['plan', ...input, ...target, '--out', join(dir, 'plan2.json')]);
    const second = JSON.parse(readFileSync(join(dir, 'plan2.json'), 'utf8')) as Plan;
    const c = second.counts;
    const changes = c.create + c.update + c.deactivate + c.reactivate + c.link + c.groupAdd + c.createGroup;
    const monitoring = run.stdout.trim().split('\n').at(-1) ?? '';
    const created = Number(/ create=(\d+)/.exec(monitoring)?.[1] ?? 0);
    report(
      `initial import of ${rows.toLocaleString('en')} rows into a sandbox folder (each command a fresh process)`,
      {
        'validate s (median of 3)': round(validate.seconds, 2),
        'validate s (all)': validates.map((v) => round(v.seconds, 2)).join('/'),
        'run s': round(run.seconds),
        'run ÷ validate': `${round(run.seconds / validate.seconds, 2)}×`,
        'CPU s validate/run': `${round(validate.cpuSeconds)}/${round(run.cpuSeconds)} (${round(run.cpuSeconds / validate.cpuSeconds)}×)`,
        'peak RSS run MiB': run.peakRssMiB,
        'peak RSS validate MiB': validate.peakRssMiB,
        target: 'run ≤ 10× validate, RSS ≤ 1024 MiB',
      },
    );
    report('plan of that import', {
      s: round(plan1.seconds),
      'CPU s': round(plan1.cpuSeconds),
      'peak RSS MiB': plan1.peakRssMiB,
      'plan file MiB': round(planRaw / 1048576),
      'gzipped MiB': round(planGz / 1048576, 2),
    });
    report('the run of that import', {
      'creates/s': Math.round(created / run.seconds),
      'sandbox state MiB (snapshot + log)': round(sandboxBytes(join(dir, 'sandbox')) / 1048576),
    });
    report('the next plan', {
      'changes (want 0)': changes,
      noop: c.noop,
      s: round(plan2.seconds),
      'CPU s': round(plan2.cpuSeconds),
      'peak RSS MiB': plan2.peakRssMiB,
      'run line': monitoring.replace(/ report=.*/, ''),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
