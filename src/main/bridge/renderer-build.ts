import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface RendererBuildOptions {
  /** The repository (or installed app) root holding vite.renderer.config.ts and src/renderer. */
  root: string;
  /** Rebuild even when out/renderer looks current. */
  force?: boolean;
  /** Called once before a build starts, with a sentence for the console. */
  onBuild?: (message: string) => void;
}

async function newestMtime(path: string): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** The built renderer's folder: `<root>/out/renderer`. */
export function rendererOutDir(root: string): string {
  return resolve(root, 'out', 'renderer');
}

/** True when out/renderer/index.html exists and is newer than every renderer and shared source file. */
export async function isRendererCurrent(root: string): Promise<boolean> {
  const built = await newestMtime(join(rendererOutDir(root), 'index.html'));
  if (built === 0) return false;
  const sources = Math.max(
    await newestMtime(join(root, 'src', 'renderer')),
    await newestMtime(join(root, 'src', 'shared')),
    await newestMtime(join(root, 'vite.renderer.config.ts')),
  );
  return built >= sources;
}

const LOCK_STALE_MS = 5 * 60_000;

/**
 * Builds the renderer with Vite (programmatically, `vite.renderer.config.ts`) into out/renderer unless it is
 * current. Parallel callers (several e2e test files, `serve` started twice) wait on a lock directory instead
 * of building over each other. Returns the folder to serve.
 */
export async function ensureRendererBuilt(options: RendererBuildOptions): Promise<string> {
  const { root } = options;
  const out = rendererOutDir(root);
  if (!options.force && (await isRendererCurrent(root))) return out;
  const lock = resolve(root, 'out', '.renderer-build.lock');
  await mkdir(resolve(root, 'out'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const s = await stat(lock).catch(() => null);
      if (s && Date.now() - s.mtimeMs > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      if (!options.force && (await isRendererCurrent(root))) return out;
    }
  }
  try {
    if (!options.force && (await isRendererCurrent(root))) return out;
    options.onBuild?.('Building the workbench UI once (vite build → out/renderer)…');
    const { build } = await import('vite');
    // Build next to the live folder and swap it in, so a bridge serving out/renderer (another test file, a
    // running serve) never sees a half-emptied folder.
    const suffix = `${process.pid}-${Date.now()}`;
    const fresh = resolve(root, 'out', `.renderer-new-${suffix}`);
    const old = resolve(root, 'out', `.renderer-old-${suffix}`);
    await build({
      configFile: resolve(root, 'vite.renderer.config.ts'),
      logLevel: 'warn',
      root: resolve(root, 'src/renderer'),
      build: { outDir: fresh, emptyOutDir: true },
    });
    const hadOld = await stat(out).then(
      () => true,
      () => false,
    );
    if (hadOld) await rename(out, old);
    await rename(fresh, out);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return out;
}
