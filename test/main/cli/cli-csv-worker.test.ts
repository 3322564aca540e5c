import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHrExport } from '../../fixtures/hr-export';

const root = new URL('../../../', import.meta.url);
const BIN = new URL('bin/plek-sync.mjs', root).pathname;
const DEMO_MAPPING = new URL('resources/demo/demo.plekmap.json', root).pathname;

function validate(source: string, worker: 'on' | 'off') {
  const r = spawnSync(
    process.execPath,
    [BIN, 'validate', '--mapping', DEMO_MAPPING, '--source', source, '--today', '2026-11-23', '--json'],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PLEK_SYNC_FROM_SOURCE: '', PLEK_CSV_WORKER: worker },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-worker-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plek-sync reads a large CSV in a worker thread', () => {
  it('ships the worker beside the built CLI', () => {
    expect(existsSync(new URL('dist/cli/csv-worker.js', root))).toBe(true);
  });

  it('validate --json is byte-identical with the worker forced on and off', async () => {
    const source = join(dir, 'hr-groot.csv');
    // Above the size from which the worker is used by default, with every planted defect.
    const written = await writeHrExport(source, {
      rows: 40_000,
      seed: 42,
      defects: true,
      lineEnding: '\r\n',
    });
    expect(written.bytesWritten).toBeGreaterThan(4 * 1024 * 1024);
    const inThread = validate(source, 'off');
    // Forced on, a missing worker is an error rather than a quiet fallback: this run used the thread.
    const inWorker = validate(source, 'on');
    expect(inWorker.stderr).toBe('');
    expect(inThread.stderr).toBe('');
    expect(inThread.code).toBe(1);
    expect(inWorker.code).toBe(inThread.code);
    const report = JSON.parse(inThread.stdout) as { rows: number; issues: unknown[] };
    expect(report.rows).toBe(40_000);
    expect(report.issues.length).toBeGreaterThan(100);
    expect(inWorker.stdout).toBe(inThread.stdout);
  }, 240_000);
});
