// CSV source throughput: parse-only (decode + papaparse + row checks), no mapping. The lead's engine bench adds
// parse + map + validate on the same generator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCsv } from '../src/main/sources/csv/read-csv';
import { writeHrExport, type HrExportOptions } from '../test/fixtures/hr-export';
import { measure, type Report } from './support';

const CASES: { name: string; options: HrExportOptions }[] = [
  { name: '100k rows, Windows-1252 ;', options: { rows: 100_000, seed: 1, defects: true } },
  {
    name: '100k rows, UTF-16LE tab',
    options: { rows: 100_000, seed: 1, encoding: 'utf-16le', delimiter: '\t' },
  },
  { name: '1M rows, Windows-1252 ;', options: { rows: 1_000_000, seed: 1, defects: true } },
];

export async function benchCsv(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'plek-csv-bench-'));
  try {
    for (const c of CASES) {
      const path = join(dir, 'hr.csv');
      const generated = await measure(() => writeHrExport(path, c.options));
      const { result, seconds, peakRssMiB } = await measure(async () => {
        const csv = await openCsv(path);
        let records = 0;
        let issues = 0;
        for await (const event of csv.events) {
          if (event.kind === 'record') records++;
          else issues++;
        }
        return { records, issues, bytes: csv.bytesTotal };
      });
      report(`parse ${c.name}`, {
        'file MiB': (result.bytes / 1048576).toFixed(1),
        records: result.records,
        issues: result.issues,
        seconds: seconds.toFixed(2),
        'rows/s': Math.round(result.records / seconds),
        'MiB/s': (result.bytes / 1048576 / seconds).toFixed(1),
        'peak RSS MiB': peakRssMiB,
        'generate s': generated.seconds.toFixed(2),
      });
      await rm(path, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
