import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders, defaultDataDir, defaultSandboxDir } from '../../src/main/data-dir';

describe('the data folder', () => {
  it('PLEK_WORKBENCH_DATA wins, and every part of the workbench finds its folder inside it', () => {
    const env = { PLEK_WORKBENCH_DATA: '/srv/werkbank' };
    expect(defaultDataDir(env)).toBe('/srv/werkbank');
    expect(defaultSandboxDir(env)).toBe(join('/srv/werkbank', 'sandbox'));
    const f = dataFolders('/srv/werkbank');
    expect(new Set([f.projects, f.uploads, f.runs, f.state, f.sandbox, f.demo]).size).toBe(6);
    for (const dir of [f.projects, f.uploads, f.runs, f.state, f.sandbox, f.demo])
      expect(dir.startsWith('/srv/werkbank/')).toBe(true);
  });
});
