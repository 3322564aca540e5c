import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The repository (or unpacked app) root, found by walking up from this module to our package.json. Works the
 * same from the TypeScript sources, the bundled CLI (dist/cli) and the Electron build, whose files sit at
 * different depths.
 */
export function appRoot(): string {
  if (cached !== undefined) return cached;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) {
          cached = dir;
          return dir;
        }
      } catch {
        // not ours: keep walking
      }
    }
    if (dirname(dir) === dir) break;
  }
  // Fallback: where the sources put it (src/main → ../..).
  cached = join(start, '..', '..');
  return cached;
}

const PACKAGE_NAME = 'plek-provisioning-workbench';
