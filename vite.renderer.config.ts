import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's build, shared by Electron (electron.vite.config.ts) and browser mode (`vite build` with this
 * file → out/renderer, served by the bridge). A relative base works under file:// and under the bridge alike.
 */
export const rendererConfig: UserConfig = {
  root: resolve(here, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'out/renderer'),
    emptyOutDir: true,
    // No eval-based source maps or inline scripts: the CSP forbids both.
    sourcemap: false,
    // A desktop app loaded from disk or loopback: one larger chunk is fine.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { input: resolve(here, 'src/renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);
