import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRendererCurrent, rendererOutDir } from '../../../src/main/bridge/renderer-build';

let root: string;

async function file(path: string, when: Date): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), '//');
  await utimes(join(root, path), when, when);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'plek-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isRendererCurrent', () => {
  const old = new Date('2026-11-20T08:00:00Z');
  const built = new Date('2026-11-21T08:00:00Z');
  const later = new Date('2026-11-22T08:00:00Z');

  it('is false before the first build', async () => {
    await file('src/renderer/src/main.tsx', old);
    expect(await isRendererCurrent(root)).toBe(false);
  });

  it('is true when out/renderer is newer than every source, false once a source changes', async () => {
    await file('src/renderer/src/main.tsx', old);
    await file('src/shared/api/contract.ts', old);
    await file('vite.renderer.config.ts', old);
    for (const d of ['src/renderer/src', 'src/renderer', 'src/shared/api', 'src/shared'])
      await utimes(join(root, d), old, old);
    await file('out/renderer/index.html', built);
    expect(rendererOutDir(root)).toBe(join(root, 'out', 'renderer'));
    expect(await isRendererCurrent(root)).toBe(true);
    await file('src/shared/api/contract.ts', later);
    expect(await isRendererCurrent(root)).toBe(false);
  });
});
