// CSV source throughput: parse-only (decode + papaparse + row checks), no mapping. The lead's engine bench adds
// parse + map + validate on the same generator. Each file is read twice as validate reads it (compact records, a
// batch per chunk): in this thread and in the worker thread (PLEK_CSV_WORKER). "CPU s" counts both threads, "main
// CPU s" (Linux) only this one: what the reader leaves of the consumer's core.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCsv, prestartCsvWorker } from '../src/main/sources/csv/read-csv';
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

/** CPU seconds of this (the main) thread, from /proc; undefined elsewhere. */
function mainThreadCpu(): number | undefined {
  const stat = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function benchCsv(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'plek-csv-bench-'));
  try {
    for (const c of CASES) {
      const path = join(dir, 'hr.csv');
      const generated = await measure(() => writeHrExport(path, c.options));
      for (const worker of ['off', 'on'] as const) {
        // The thread's start (tsx compiling its modules, from source) is not the reader's cost.
        if (worker === 'on') await prestartCsvWorker();
        const cpuBefore = process.cpuUsage();
        const mainBefore = mainThreadCpu();
        const { result, seconds, peakRssMiB } = await measure(async () => {
          const csv = await openCsv(path, { compactRecords: true, worker });
          let records = 0;
          let issues = 0;
          for await (const batch of csv.batches) {
            for (const event of batch) {
              if (event.kind === 'record') records++;
              else issues++;
            }
          }
          return { records, issues, bytes: csv.bytesTotal };
        });
        const cpu = process.cpuUsage(cpuBefore);
        const mainAfter = mainThreadCpu();
        report(`parse ${c.name}, ${worker === 'on' ? 'worker thread' : 'in-thread'}`, {
          'file MiB': (result.bytes / 1048576).toFixed(1),
          records: result.records,
          issues: result.issues,
          seconds: seconds.toFixed(2),
          'CPU s': ((cpu.user + cpu.system) / 1e6).toFixed(2),
          ...(mainBefore !== undefined && mainAfter !== undefined
            ? { 'main CPU s': (mainAfter - mainBefore).toFixed(2) }
            : {}),
          'rows/s': Math.round(result.records / seconds),
          'MiB/s': (result.bytes / 1048576 / seconds).toFixed(1),
          'peak RSS MiB': peakRssMiB,
          'generate s': generated.seconds.toFixed(2),
        });
      }
      await rm(path, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
