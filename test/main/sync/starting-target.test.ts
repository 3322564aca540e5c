// plan and run start the embedded sandbox's thread while the source is read (StartingTarget): what the consultant
// sees must not depend on which of the two is ready first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { generateHrExport } from '../../fixtures/hr-export';

const ROOT = join(import.meta.dirname, '../../..');
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
const BIN = join(ROOT, 'bin/plek-sync.mjs');
let dir: string;
let out: string;
let err: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-starting-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => ((err += String(s)), true),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A generated Dutch HR export of `rows` rows (UTF-8, `;`). */
function source(rows: number): string {
  const path = join(dir, 'hr.csv');
  writeFileSync(path, generateHrExport({ rows, seed: 7, encoding: 'utf-8' }).bytes);
  return path;
}

const run = (src: string, sandbox: string) =>
  main([
    'run',
    '-m',
    MAPPING,
    '-s',
    src,
    '-t',
    `sandbox:${sandbox}`,
    '--today',
    '2026-11-23',
    '--run-dir',
    join(dir, 'runs'),
    '--state-dir',
    join(dir, 'state'),
  ]);

describe('a run whose sandbox starts while the source is read', () => {
  it('names a sandbox folder it cannot read (exit 2), for run and plan, without reports or state', async () => {
    const sandbox = join(dir, 'sandbox');
    mkdirSync(join(sandbox, 'sandbox-state.json'), { recursive: true }); // a folder where the snapshot should be
    const src = source(400);
    expect(await run(src, sandbox)).toBe(2);
    expect(err).toContain(
      `cannot read the sandbox state in ${sandbox}: a folder stands where a file should be; move that folder away`,
    );
    expect(err).toContain('technical detail: EISDIR');
    expect(err).not.toMatch(/unexpected error|fault in plek-sync|\n\s+at /);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
    expect(existsSync(join(dir, 'state')) ? readdirSync(join(dir, 'state')) : []).toEqual([]);
    err = '';
    expect(
      await main(['plan', '-m', MAPPING, '-s', src, '-t', `sandbox:${sandbox}`, '--today', '2026-11-23']),
    ).toBe(2);
    expect(err).toContain(`cannot read the sandbox state in ${sandbox}`);
  });

  it('with a source it cannot read says so (exit 2) and stops the sandbox it started', async () => {
    const sandbox = join(dir, 'sandbox');
    expect(await run(join(dir, 'missing.csv'), sandbox)).toBe(2);
    expect(err).toContain('missing.csv');
    expect(err).toContain('ENOENT');
    // The built CLI as a scheduled job runs it ends by itself: a sandbox thread left running would keep it alive.
    const cli = spawnSync(
      process.execPath,
      [BIN, 'run', '-m', MAPPING, '-s', join(dir, 'missing.csv'), '-t', `sandbox:${sandbox}`],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PLEK_DATA_DIR: join(dir, 'data') } },
    );
    expect(cli.signal).toBeNull();
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('ENOENT');
    // The same sandbox folder starts again at once: the thread of the failed run has stopped.
    err = '';
    expect(await run(source(30), sandbox)).toBe(0);
    expect(out).toMatch(/plek-sync run: status=completed exit=0 rows=30 /);
  });
});
