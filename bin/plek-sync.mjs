#!/usr/bin/env node
// The plek-sync CLI. `npm install` builds it to plain JavaScript (dist/cli, see scripts/build-cli.mjs), so it starts
// at once; without a build (or with PLEK_SYNC_FROM_SOURCE=1) it runs the TypeScript sources through tsx, a
// devDependency. The engine is the same code the workbench and the server-side sync use.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/plek-sync.js', import.meta.url);
if (existsSync(built) && !process.env.PLEK_SYNC_FROM_SOURCE) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main/cli/run-cli.ts', import.meta.url).href);
}
