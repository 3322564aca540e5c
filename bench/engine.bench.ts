// Parse + map + validate of generated Dutch HR exports (Windows-1252, semicolons) through the same pipeline the
// CLI runs, as ratios measured in one run on this machine (issue 13's goals):
// - validate ≤ 2.0× a bare streaming papaparse parse of the same file, at 100k and 1M rows;
// - peak RSS ≤ 400 MB at 1M rows;
// - a file with a warning on every row ≤ 1.3× a clean one;
// - `plek-sync --version` < 0.2 s (shown beside a bare `node -e 0`).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runPipeline } from '../src/main/pipeline';
import { writeHrExport } from '../test/fixtures/hr-export';
import { measure, type Report } from './support';

const DEMO_MAPPING = new URL('../resources/demo/demo.plekmap.json', import.meta.url);
const BIN = new URL('../bin/plek-sync.mjs', import.meta.url).pathname;

/** The demo mapping plus one field: `ToNumber` of a name fails on every row (a warning), `Trim` never does. */
function mappingWith(dir: string, name: string, nickName: string): string {
  const mapping = JSON.parse(readFileSync(DEMO_MAPPING, 'utf8')) as { fields: Record<string, unknown> };
  mapping.fields.nickName = { expression: nickName };
  const path = join(dir, `${name}.plekmap.json`);
  writeFileSync(path, JSON.stringify(mapping));
  return path;
}

const validate = (mappingPath: string, file: string) =>
  runPipeline({ mappingPath, sourcePath: file, today: '2026-11-23', collect: false });

/** A bare streaming papaparse parse of the same bytes (Windows-1252 read as Latin-1, `;`): the yardstick. */
function bareParse(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, { encoding: 'latin1' }) as unknown as File, {
      delimiter: ';',
      step: () => {
        rows++;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return median(times);
}

export async function benchEngine(report: Report, sizes = [100_000, 1_000_000]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plek-bench-engine-'));
  try {
    const clean = mappingWith(dir, 'clean', 'Trim([Achternaam])');
    const warning = mappingWith(dir, 'warning', 'ToNumber([Achternaam])');
    // Files first, so that generating them does not leave garbage for the measured runs to collect.
    const files = new Map<number, string>();
    for (const rows of [2_000, ...sizes]) {
      const file = join(dir, `hr-${rows}.csv`);
      await writeHrExport(file, { rows, seed: 42, defects: true, encoding: 'windows-1252', delimiter: ';' });
      files.set(rows, file);
    }

    const version = timeProcess([BIN, '--version']);
    const bare = timeProcess(['-e', '0']);
    report('plek-sync --version (median of 5)', {
      seconds: version.toFixed(3),
      'bare node -e 0': bare.toFixed(3),
      'above bare node': (version - bare).toFixed(3),
    });

    // A first run in a fresh process also pays for loading and compiling the modules.
    const first = await measure(() => validate(clean, files.get(2_000)!));
    report('first run in a fresh process, 2,000 rows (module loading included)', {
      seconds: first.seconds.toFixed(2),
    });
    for (const rows of sizes) {
      const file = files.get(rows)!;
      const parse = await measure(() => bareParse(file));
      const run = await measure(() => validate(clean, file));
      report(`validate ${rows.toLocaleString('en')} rows vs bare papaparse`, {
        'papaparse s': parse.seconds.toFixed(2),
        'validate s': run.seconds.toFixed(2),
        ratio: (run.seconds / parse.seconds).toFixed(2),
        'goal ratio': '≤ 2.0',
        'peak RSS MiB': run.peakRssMiB,
        issues: run.result.result.issues.length,
      });
      if (rows === sizes[0]) {
        const warned = await measure(() => validate(warning, file));
        report(`warning on every row, ${rows.toLocaleString('en')} rows`, {
          'clean s': run.seconds.toFixed(2),
          'warnings s': warned.seconds.toFixed(2),
          ratio: (warned.seconds / run.seconds).toFixed(2),
          'goal ratio': '≤ 1.3',
          issues: warned.result.result.issues.length,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
