// A CSV worker thread that cannot start (its modules fail to load, as in a packaged app whose archive a thread
// cannot read) must not make large exports unreadable: the desktop app starts one thread ahead at launch
// (prestartCsvWorker), and once that one failed before it was ready, every read happens in the calling thread.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as WorkerEntryModule from '../../../../src/main/worker-entry';
import { writeHrExport } from '../../../fixtures/hr-export';

let dir: string;
let broken: string;

// The worker entry points at a script that throws while it loads, as a thread whose imports cannot be resolved.
vi.mock('../../../../src/main/worker-entry', async (importOriginal) => {
  const real = await importOriginal<typeof WorkerEntryModule>();
  let unusable = false;
  return {
    ...real,
    workerEntry: () => (unusable ? undefined : { url: pathToFileURL(broken) }),
    workerUnusable: () => {
      unusable = true;
    },
  };
});

const { openCsv, prestartCsvWorker, CSV_WORKER_MIN_BYTES } =
  await import('../../../../src/main/sources/csv/read-csv');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-csv-fallback-'));
  broken = join(dir, 'broken-worker.mjs');
  await writeFile(broken, "import 'a-package-this-archive-does-not-have';\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a CSV worker that cannot start', () => {
  it('makes later reads of a large export happen in this thread, with every row', async () => {
    const path = join(dir, 'groot.csv');
    // Large enough to be read in a thread of its own (auto).
    await writeHrExport(path, {
      rows: 30_000,
      seed: 7,
      defects: true,
      encoding: 'windows-1252',
      delimiter: ';',
    });
    const { size } = await import('node:fs').then((fs) => fs.statSync(path));
    expect(size).toBeGreaterThanOrEqual(CSV_WORKER_MIN_BYTES);

    await prestartCsvWorker();
    const csv = await openCsv(path);
    let records = 0;
    let lastRow = 0;
    for await (const event of csv.events) {
      if (event.kind !== 'record') continue;
      records++;
      lastRow = event.record.row;
    }
    expect(records).toBeGreaterThan(29_900);
    expect(lastRow).toBeGreaterThan(30_000);
  });

  it('is refused in words when the worker was forced on (troubleshooting), not read silently in this thread', async () => {
    const path = join(dir, 'klein.csv');
    await writeHrExport(path, { rows: 50, seed: 8 });
    await expect(openCsv(path, { worker: 'on' })).rejects.toMatchObject({ code: 'source-unreadable' });
  });
});
