import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, createServer, preview, type ViteDevServer } from 'vite';
import { CHROMIUM } from '../../../e2e/support/app';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(HERE, '../../../..');
export { CHROMIUM, CHROMIUM_ARGS } from '../../../e2e/support/app';

/** Why the browser tests cannot run (printed), or null; under CI a missing chromium is an error. */
export function chromiumSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing; CI must install chromium`);
  const reason = `${CHROMIUM} is not installed: graph editor browser tests skipped (apt-get install chromium)`;
  console.warn(reason);
  return reason;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the graph editor harness page with Vite on a free loopback port (own cache dir, no HMR socket).
 * `production: true` builds it first and serves the build (what the benchmark measures: no dev-mode React).
 */
export async function startHarness(options: { production?: boolean } = {}): Promise<Harness> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'plek-graph-vite-'));
  if (options.production) {
    const outDir = join(cacheDir, 'dist');
    await build({
      configFile: false,
      root: HERE,
      cacheDir,
      logLevel: 'error',
      base: './',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192 },
    });
    const server = await preview({
      configFile: false,
      root: HERE,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('vite preview did not bind');
    return {
      url: `http://127.0.0.1:${address.port}/`,
      close: async () => {
        await server.close();
        await rm(cacheDir, { recursive: true, force: true });
      },
    };
  }
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: HERE,
    cacheDir,
    logLevel: 'error',
    plugins: [react()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, fs: { allow: [ROOT] }, watch: null },
    optimizeDeps: {
      include: ['react', 'react-dom/client', '@xyflow/react', 'zustand', '@tanstack/react-virtual'],
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not bind');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
