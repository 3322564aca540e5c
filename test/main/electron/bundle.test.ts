// The desktop app's main-process bundle (electron.vite.config.ts) must carry the CSV reader's worker thread beside
// its index.js, where src/main/worker-entry.ts looks for it; otherwise the app reads large exports in its main
// process and the window waits. The main bundle is built here (to a folder of its own, so that nothing else that
// uses out/ is disturbed) and its worker is run on a generated Windows-1252 export, without tsx: the bundled
// JavaScript alone must load and read the file as the in-thread reader does.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvWorkerStart, FromCsvWorker, RowStageJob } from '../../../src/main/sources/csv/csv-wire';
import type { MappingFile } from '../../../src/shared/mapping/schema';
import { openCsv } from '../../../src/main/sources/csv/read-csv';
import { writeHrExport } from '../../fixtures/hr-export';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
const DEMO_MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
let out: string;

beforeAll(async () => {
  // Inside the repository, so that the bundle's external packages (papaparse, iconv-lite) resolve from node_modules.
  await mkdir(join(ROOT, 'out'), { recursive: true });
  out = await mkdtemp(join(ROOT, 'out', '.test-main-'));
  const resolved = await resolveConfig(
    { configFile: join(ROOT, 'electron.vite.config.ts'), root: ROOT, logLevel: 'silent' },
    'build',
    'production',
  );
  const main = resolved.config?.main;
  if (!main) throw new Error('electron.vite.config.ts has no main build');
  await build({ ...main, logLevel: 'silent', build: { ...main.build, outDir: out } });
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

/**
 * Runs the bundled worker on `path` as openCsv would, and returns the spreadsheet rows of the records it sent and of
 * the rows it evaluated itself (with a row stage).
 */
async function rowsFromBundledWorker(
  worker: Worker,
  path: string,
  rowStage?: RowStageJob,
): Promise<{ records: number[]; evaluated: number[] }> {
  const handle = await open(path, 'r');
  try {
    const start: CsvWorkerStart = {
      fd: handle.fd,
      options: { fileLabel: 'export.csv' },
      ...(rowStage ? { rowStage } : {}),
      chunkBytes: 64 * 1024,
      // More credits than the file has chunks: this test takes every batch as it comes.
      credits: 1_000_000,
      shared: new SharedArrayBuffer(12),
    };
    const records: number[] = [];
    const evaluated: number[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('message', (message: FromCsvWorker) => {
        if (message.type === 'batch') records.push(...message.rows);
        else if (message.type === 'evaluated') evaluated.push(...message.verdicts.rows);
        else if (message.type === 'end') done();
        else if (message.type === 'error') fail(new Error(message.error.message));
      });
      worker.on('error', fail);
      worker.postMessage(start);
    });
    return { records, evaluated };
  } finally {
    await handle.close();
  }
}

/** A 3,000-row Windows-1252 export with defects, in the bundle's folder. */
async function messyExport(name: string, seed: number): Promise<string> {
  const path = join(out, name);
  await writeHrExport(path, { rows: 3000, seed, defects: true, encoding: 'windows-1252', delimiter: ';' });
  return path;
}

/** The bundle's CSV worker, started, with its first message (`ready` once its modules loaded). */
async function startBundledWorker(dir = out): Promise<{ worker: Worker; ready: FromCsvWorker }> {
  const worker = new Worker(join(dir, 'csv-worker.js'));
  const ready = await new Promise<FromCsvWorker>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
  });
  return { worker, ready };
}

/** The spreadsheet rows of the records the in-thread reader gives. */
async function recordRows(path: string): Promise<number[]> {
  const inThread = await openCsv(path, { worker: 'off' });
  const rows: number[] = [];
  for await (const event of inThread.events) if (event.kind === 'record') rows.push(event.record.row);
  return rows;
}

/** A 3,000-row export read by the worker of the bundle in `dir`, given the demo mapping's row stage for every chunk. */
async function withDemoRowStage(dir: string, name: string, seed: number) {
  const path = await messyExport(name, seed);
  const mapping = JSON.parse(readFileSync(DEMO_MAPPING, 'utf8')) as MappingFile;
  const { worker } = await startBundledWorker(dir);
  try {
    const job: RowStageJob = { mapping, today: '2026-11-23', identity: false, share: 'all' };
    const expected = await recordRows(path);
    expect(expected.length).toBeGreaterThan(2900);
    return { ...(await rowsFromBundledWorker(worker, path, job)), expected };
  } finally {
    await worker.terminate();
  }
}

describe('the desktop app bundle', () => {
  it('has the CSV reader’s worker beside index.js, and not the sandbox’s (the app serves its sandbox in-process)', () => {
    expect(existsSync(join(out, 'index.js'))).toBe(true);
    expect(existsSync(join(out, 'csv-worker.js'))).toBe(true);
    expect(existsSync(join(out, 'sandbox-worker.js'))).toBe(false);
    // The worker must not need Electron: it runs in a plain Node thread of the main process.
    expect(readFileSync(join(out, 'csv-worker.js'), 'utf8')).not.toMatch(/from ["']electron["']/);
  });

  it('whose worker, plain JavaScript, reads a Windows-1252 export with defects as the in-thread reader does', async () => {
    const path = await messyExport('export.csv', 31);
    const { worker, ready } = await startBundledWorker();
    try {
      expect(ready).toEqual({ type: 'ready' });
      const fromBundle = await rowsFromBundledWorker(worker, path);

      const expected = await recordRows(path);
      expect(expected.length).toBeGreaterThan(2900);
      expect(fromBundle).toEqual({ records: expected, evaluated: [] });
    } finally {
      await worker.terminate();
    }
  });

  it('whose worker loads the mapping engine when it is given a row stage, and evaluates the rows itself', async () => {
    // The engine is loaded on demand (csv-row-stage.ts): a bundle without that module's chunk would fail here only.
    const { records, evaluated, expected } = await withDemoRowStage(out, 'export-stage.csv', 32);
    expect(records).toEqual([]);
    expect(evaluated).toEqual(expected);
  });

  it('whose worker, when the row stage’s file is missing, sends every row as a record (the consumer maps them)', async () => {
    // A copy of the bundle without the module the worker loads for a row stage (a packaged app missing a file).
    const copy = await mkdtemp(join(ROOT, 'out', '.test-main-copy-'));
    try {
      await cp(out, copy, { recursive: true });
      // The worker names the module's file (a chunk of its own, loaded only for a row stage).
      const stageFiles = (await readdir(copy, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.startsWith('csv-row-stage'))
        .map((e) => relative(copy, join(e.parentPath, e.name)));
      expect(stageFiles.length).toBe(1);
      expect(readFileSync(join(copy, 'csv-worker.js'), 'utf8')).toContain(basename(stageFiles[0]!));
      await rm(join(copy, stageFiles[0]!));
      const { records, evaluated, expected } = await withDemoRowStage(copy, 'export-nostage.csv', 33);
      expect(evaluated).toEqual([]);
      expect(records).toEqual(expected);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
