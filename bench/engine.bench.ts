// Parse + map + validate of generated Dutch HR exports (Windows-1252, semicolons) through the same pipeline the
// CLI runs. Target from the issue: 100k rows in under 1.5 s on the 2-core machine, memory bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../src/main/pipeline';
import { writeHrExport } from '../test/fixtures/hr-export';
import { measure, type Report } from './support';

const DEMO_MAPPING = new URL('../resources/demo/demo.plekmap.json', import.meta.url).pathname;

const validate = (file: string) =>
  runPipeline({ mappingPath: DEMO_MAPPING, sourcePath: file, today: '2026-11-23', collect: false });

export async function benchEngine(report: Report, sizes = [100_000, 1_000_000]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plek-bench-engine-'));
  try {
    // Files first, so that generating them does not leave garbage for the measured runs to collect.
    const files = new Map<number, string>();
    for (const rows of [2_000, ...sizes]) {
      const file = join(dir, `hr-${rows}.csv`);
      await writeHrExport(file, { rows, seed: 42, defects: true, encoding: 'windows-1252', delimiter: ';' });
      files.set(rows, file);
    }
    // A first run in a fresh process also pays for loading and compiling the modules. Report it on a small
    // file, then measure throughput.
    const first = await measure(() => validate(files.get(2_000)!));
    report('first run in a fresh process, 2,000 rows (module loading included)', {
      seconds: first.seconds.toFixed(2),
    });
    for (const rows of sizes) {
      // Twice: the first run also grows the heap; both are shown.
      for (const attempt of [1, 2]) {
        const { result, seconds, peakRssMiB } = await measure(() => validate(files.get(rows)!));
        report(`parse+map+validate ${rows.toLocaleString('en')} rows, run ${attempt}`, {
          seconds: seconds.toFixed(2),
          'rows/s': Math.round(result.source.rows / seconds),
          'peak RSS MiB': peakRssMiB,
          issues: result.result.issues.length,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
