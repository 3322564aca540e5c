/**
 * `validate --json` when the source fails halfway: the issues already written stay valid JSON, the object says the
 * run was aborted and why, and the exit code is the error's (2), not 0 or 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { startPersonioEmulator, type EmulatorBase } from '../../support/hr-api-emulators';
import { generateHrPeople } from '../../support/hr-people';

const TODAY = '2026-11-23';

let dir: string;
let out: string;
let err: string;
let emulator: EmulatorBase | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-abort-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => ((err += String(s)), true),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator?.stop();
  emulator = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('plek-sync validate --json on a source that fails halfway', () => {
  it('closes the JSON object with the error and exits 2', async () => {
    const { people } = generateHrPeople({ count: 400, seed: 7, today: TODAY });
    // Two people on the first page have an email HR left half-typed: issues written before the source fails.
    people[3]!.email = 'andre@';
    people[11]!.email = 'noor.bakker@';
    let failing = false;
    let personsPages = 0;
    emulator = await startPersonioEmulator({
      people,
      clientId: 'plek-prod',
      clientSecret: 'geheim-42',
      // While validating, the third page of persons (and every request after it) is refused.
      fault: (_n, path) => {
        if (!failing || !path.endsWith('/v2/persons')) return undefined;
        return ++personsPages >= 3 ? { status: 403 } : undefined;
      },
    });
    vi.stubEnv('PLEK_SOURCE_SECRET', 'geheim-42');
    const mapping = join(dir, 'hr.plekmap.json');
    expect(
      await main([
        'init',
        '--source',
        'personio',
        '--source-url',
        emulator.url,
        '--source-client-id',
        'plek-prod',
        '--out',
        mapping,
      ]),
      err,
    ).toBe(0);
    out = '';
    failing = true;
    const code = await main(['validate', '-m', mapping, '--today', TODAY, '--json']);
    expect(code).toBe(2);
    expect(err).toMatch(/HTTP 403/);
    const report = JSON.parse(out) as {
      issues: { row?: number; code: string }[];
      aborted?: boolean;
      error?: string;
      rows?: number;
    };
    expect(report.aborted).toBe(true);
    expect(report.error).toMatch(/HTTP 403/);
    // The issues found before the failure are kept, at the records they were found (API rows count from 1); no counts pretend a full run.
    expect(report.issues.filter((i) => i.code === 'invalid-email').map((i) => i.row)).toEqual([4, 12]);
    expect(report.rows).toBeUndefined();
    expect(out.endsWith('}\n')).toBe(true);
  });
});
