import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldSkip, startSlapd, type SlapdServer } from '../../support/slapd';

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;
const skip = shouldSkip(['slapd', 'slapadd', 'openssl'], 'plek-sync against a directory');

// spawn (not spawnSync): slapd runs in this process's event loop and must keep answering.
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(skip)('plek-sync with an LDAP source (real slapd)', { timeout: 90_000 }, () => {
  let server: SlapdServer;
  let dir: string;
  let caFile: string;

  beforeAll(async () => {
    server = await startSlapd({ users: 700, groups: false });
    dir = mkdtempSync(join(tmpdir(), 'plek-cli-ldap-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, server.caPem);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('init proposes a mapping from the directory, validate and map read every entry through the 500 limit', async () => {
    const out = join(dir, 'dir.plekmap.json');
    const env = { PLEK_LDAP_PASSWORD: server.readerPassword };
    const init = await cli(
      [
        'init',
        '--source',
        server.url,
        '--flavor',
        'openldap',
        '--bind-dn',
        server.readerDn,
        '--base-dn',
        server.peopleDn,
        '--ca-file',
        caFile,
        '--out',
        out,
      ],
      env,
    );
    expect(init.code, init.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(server.readerPassword);
    const mapping = JSON.parse(text);
    expect(mapping.source).toMatchObject({ kind: 'ldap', url: server.url, bindDn: server.readerDn });

    const v = await cli(['validate', '--mapping', out, '--today', '2026-11-23', '--json'], env);
    expect(v.stderr).toBe('');
    const report = JSON.parse(v.stdout);
    expect(report.rows).toBe(700);

    const users = join(dir, 'users.jsonl');
    await cli(['map', '--mapping', out, '--today', '2026-11-23', '--out', users], env);
    const lines = readFileSync(users, 'utf8').trim().split('\n');
    expect(lines.length).toBe(report.users.active + report.users.deactivate);
    expect(lines.length).toBeGreaterThan(600);
    const sample = lines.map((l) => JSON.parse(l)).find((u) => /[ëïöü]/.test(JSON.stringify(u)));
    expect(sample, 'umlauts survive the directory round trip').toBeDefined();
  });

  it('a wrong password exits 2 with what to do, and never prints the password', async () => {
    const out = join(dir, 'bad.plekmap.json');
    writeFileSync(
      out,
      JSON.stringify({
        version: 1,
        name: 'x',
        source: {
          kind: 'ldap',
          url: server.url,
          flavor: 'openldap',
          bindDn: server.readerDn,
          baseDn: server.peopleDn,
          caFile: 'ca.pem',
        },
        mappingKey: { attribute: 'uid' },
        fields: {
          'name.givenName': { expression: '[givenName]' },
          'name.familyName': { expression: '[sn]' },
          email: { expression: '[mail]' },
        },
      }),
    );
    const wrong = 'Fout-Wachtwoord-123!';
    const r = await cli(['validate', '--mapping', out], { PLEK_LDAP_PASSWORD: wrong });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/what to do:/);
    expect(r.stderr + r.stdout).not.toContain(wrong);
  });
});
