import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);

describe('electron-builder configuration', () => {
  const config = load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;

  it('flips the fuses that keep an installed app from running foreign code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });
});
