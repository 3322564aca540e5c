import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION } from '../../../src/main/cli/version';

const root = new URL('../../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('plek-sync ships as built JavaScript', () => {
  it('is built on install (prepare) into dist/cli, which the bin runs', () => {
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
    expect(existsSync(new URL('dist/cli/plek-sync.js', root))).toBe(true);
    const bin = readFileSync(new URL('bin/plek-sync.mjs', root), 'utf8');
    expect(bin).toContain('../dist/cli/plek-sync.js');
  });

  it('needs neither tsx nor esbuild at run time', () => {
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('esbuild');
    const built = readFileSync(new URL('dist/cli/plek-sync.js', root), 'utf8');
    expect(built).not.toMatch(/from ["']tsx|from ["']esbuild/);
  });

  it('--version answers with the package version, from the build', () => {
    expect(CLI_VERSION).toBe(pkg.version);
    const r = spawnSync(process.execPath, [new URL('bin/plek-sync.mjs', root).pathname, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, PLEK_SYNC_FROM_SOURCE: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
