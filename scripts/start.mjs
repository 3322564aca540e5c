#!/usr/bin/env node
// `npm start`: the Electron workbench when Electron's binary is installed; otherwise the same workbench in the
// default browser (serve mode) with the bundled demo, after one sentence saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The Electron executable, or null when it is missing: Electron is an optional dependency, so on a machine that
 * cannot download its binary `npm install` drops it (or keeps the package without the binary) and carries on.
 */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const passthrough = process.argv.slice(2);

if (electron) {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, [root, ...passthrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { serve, stopOnSignal } = await import('../src/main/bridge/serve.ts');
  const { format, langFromEnv } = await import('../src/shared/i18n/index.ts');
  // One sentence, in the language of the terminal (LANG=nl_NL.UTF-8 → Dutch).
  const lang = langFromEnv(process.env);
  const running = await serve({
    demo: true,
    lang,
    open: !passthrough.includes('--no-open'),
    announce: (url) => process.stdout.write(`${format(lang, 'start.noElectron', { url })}\n`),
  });
  await stopOnSignal(running.stop);
}
