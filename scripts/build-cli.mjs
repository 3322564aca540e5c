// Builds the plek-sync CLI to plain JavaScript (dist/cli/plek-sync.js, and csv-worker.js for reading large CSVs), so it starts without transpiling
// TypeScript: run by `npm install` (prepare), `npm run build:cli` and before the tests. Dependencies stay in
// node_modules (not bundled). Without esbuild (an install without devDependencies) it says so and leaves
// bin/plek-sync.mjs to run the sources through tsx, when that is there.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliBundleOptions } from './cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write(
    'build-cli: esbuild is not installed (no devDependencies?); the CLI runs from source\n',
  );
  process.exit(0);
}
const outdir = `${root}dist/cli`;
rmSync(outdir, { recursive: true, force: true });
await esbuild.build(
  cliBundleOptions(
    root,
    // The worker threads are entries of their own, beside plek-sync.js (read-csv.ts and sandbox/thread.ts look for
    // them there): the CSV reader's, the embedded sandbox's and the report's CSV files'.
    {
      'plek-sync': 'src/main/cli/run-cli.ts',
      'csv-worker': 'src/main/sources/csv/csv-worker.ts',
      'sandbox-worker': 'src/main/sandbox/worker.ts',
      'report-worker': 'src/main/sync/report-worker.ts',
    },
    outdir,
  ),
);
