import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);

describe('electron-builder configuration', () => {
  const text = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');
  /** The `key: value` lines of one top-level block, as electron-builder reads them (flat booleans only). */
  const block = (name: string): Record<string, unknown> => {
    const lines = text.split('\n');
    const start = lines.indexOf(`${name}:`);
    const out: Record<string, unknown> = {};
    for (const line of lines.slice(start + 1)) {
      const m = /^ {2}(\w+): (true|false)$/.exec(line);
      if (!m) break;
      out[m[1] as string] = m[2] === 'true';
    }
    return out;
  };

  it('flips the fuses that keep an installed app from running foreign code', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(text).toMatch(/^asar: true$/m);
  });
});
