import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(here, 'out/main'),
      // The CSV reader's worker thread is an entry of its own, built beside index.js where src/main/worker-entry.ts
      // looks for it: without it the app would read large exports in its main process, and the window would wait.
      // (The sandbox's thread is the CLI's alone: in the app the sandbox serves from the main process.)
      rolldownOptions: {
        input: {
          index: resolve(here, 'src/main/index.ts'),
          'csv-worker': resolve(here, 'src/main/sources/csv/csv-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(here, 'out/preload'),
      // A sandboxed preload cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(here, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build },
  },
});
