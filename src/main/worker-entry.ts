// Where the code of plek-sync's worker threads is. Each is an entry of its own in scripts/build-cli.mjs, built
// beside plek-sync.js as plain JavaScript. Running from the TypeScript sources (tests, the bench,
// PLEK_SYNC_FROM_SOURCE=1), worker-from-source.mjs loads the worker's .ts file through tsx, a devDependency the built
// CLI never needs. The desktop app's bundle (electron.vite.config.ts) has the CSV reader's entry beside its index.js,
// not the sandbox's or the report's. Without an entry, or once a thread of it could not start, the caller does the work in its own
// thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worker threads and their sources, relative to this file. */
const SOURCES = {
  /** The CSV reader (sources/csv/read-csv.ts) for large files. */
  'csv-worker': './sources/csv/csv-worker.ts',
  /** The embedded sandbox of a CLI run (sandbox/thread.ts). */
  'sandbox-worker': './sandbox/worker.ts',
  /** The report's CSV files of a CLI apply or run (sync/report-thread.ts). */
  'report-worker': './sync/report-worker.ts',
} as const;

export type WorkerName = keyof typeof SOURCES;

/** What `new Worker` needs: the file, and from the sources the .ts file to load and no inherited flags. */
export interface WorkerEntry {
  url: URL;
  argv?: string[];
  execArgv?: string[];
}

const found = new Map<WorkerName, WorkerEntry | null>();

/** The entry of a worker thread, or undefined when this build has none (then work in this thread). */
export function workerEntry(name: WorkerName): WorkerEntry | undefined {
  if (!found.has(name)) found.set(name, locate(name));
  return found.get(name) ?? undefined;
}

/**
 * From now on there is no entry for `name`: a thread of it failed before it was ready (say, a packaged app whose
 * archive the thread cannot load its modules from), so the work is done in the caller's thread instead of failing.
 */
export function workerUnusable(name: WorkerName): void {
  found.set(name, null);
}

function locate(name: WorkerName): WorkerEntry | null {
  const here = import.meta.url;
  const exists = (url: URL) => url.protocol === 'file:' && existsSync(fileURLToPath(url));
  // Built: this code is in plek-sync.js or in a file of its chunks/ folder.
  const built = [new URL(`./${name}.js`, here), new URL(`../${name}.js`, here)].find(exists);
  if (built) return { url: built };
  if (!here.endsWith('.ts')) return null;
  const source = new URL(SOURCES[name], here);
  const loader = new URL('./worker-from-source.mjs', here);
  // Not the parent's flags: under tsx they would load tsx a second time.
  return exists(source) && exists(loader) ? { url: loader, argv: [source.href], execArgv: [] } : null;
}
