import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHrExport } from '../../fixtures/hr-export';

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;
const DEMO_MAPPING = new URL('../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let csv: string;
const missing = '/nonexistent-plek-folder/sub';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-errors-'));
  csv = join(dir, 'hr.csv');
  writeFileSync(csv, generateHrExport({ rows: 20, seed: 3, defects: false }).bytes);
});

describe('every CLI write failure names the path and the reason, exit 2, no stack trace', () => {
  it.each([
    [
      'map --out',
      () => [
        'map',
        '-m',
        DEMO_MAPPING,
        '-s',
        csv,
        '--today',
        '2026-11-23',
        '--out',
        `${missing}/users.jsonl`,
      ],
      `${missing}/users.jsonl`,
    ],
    [
      'validate --write-state',
      () => [
        'validate',
        '-m',
        DEMO_MAPPING,
        '-s',
        csv,
        '--today',
        '2026-11-23',
        '--write-state',
        `${missing}/state.json`,
      ],
      `${missing}/state.json`,
    ],
    [
      'init --out',
      () => ['init', '-s', csv, '--out', `${missing}/x.plekmap.json`],
      `${missing}/x.plekmap.json`,
    ],
    [
      'map --out onto a folder',
      () => ['map', '-m', DEMO_MAPPING, '-s', csv, '--today', '2026-11-23', '--out', dir],
      () => dir,
    ],
  ] as const)('%s', (_name, args, where) => {
    const path = typeof where === 'function' ? where() : where;
    const r = cli([...args()]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`cannot write ${path}: `);
    expect(r.stderr).toMatch(/folder does not exist|it is a folder/);
    expect(r.stderr).not.toMatch(/Unhandled|\n\s+at /);
  });
});

describe('a file that is no CSV export is refused with exit 2', () => {
  it.each([
    [
      'png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]),
      /PNG image, not a CSV export/,
    ],
    ['xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 0)]), /Excel workbook/],
    ['empty', Buffer.alloc(0), /is empty \(no header row\)/],
  ])('%s', (ext, bytes, message) => {
    const file = join(dir, `export.${ext}.csv`);
    writeFileSync(file, bytes);
    const r = cli(['validate', '-m', DEMO_MAPPING, '-s', file, '--today', '2026-11-23']);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
