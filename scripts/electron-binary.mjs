#!/usr/bin/env node
// postinstall: fetch Electron's binary when this machine can, and never fail the install when it cannot.
//
// Electron's own postinstall downloads a ~100 MB binary from GitHub; where that is impossible (offline build
// machines, locked-down customer laptops) it fails and takes `npm install` down with it. So package.json keeps
// npm from running it (`allowScripts.electron: false`, npm 11) and this script runs it instead: the electron
// package (and with it its type declarations, which `npm test` needs) is always installed; the binary only
// where it can be downloaded. Without it, `npm start` opens the workbench in the browser and says why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installer = join(root, 'node_modules', 'electron', 'install.js');

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installer)) process.exit(0);

const r = spawnSync(process.execPath, [installer], {
  cwd: dirname(installer),
  encoding: 'utf8',
  timeout: 180_000,
});
if (r.status !== 0) {
  process.stdout.write(
    "plek: Electron's binary could not be downloaded; npm start will open the workbench in your browser instead.\n",
  );
}
process.exit(0);
