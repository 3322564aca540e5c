import { spawnSync } from 'node:child_process';

/**
 * Vitest global setup: builds the CLI (dist/cli) from the current sources before any test spawns
 * bin/plek-sync.mjs, so the tests run the JavaScript a user gets after `npm install`, never a stale build.
 */
export default function setup(): void {
  const script = new URL('../../scripts/build-cli.mjs', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}
