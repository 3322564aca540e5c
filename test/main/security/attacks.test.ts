import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type BridgeHandle } from '../../../src/main/bridge/server';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import type { Confirmation } from '../../../src/shared/api/contract';
import {
  catastrophicCsv,
  catastrophicMapping,
  changedTarget,
  CREDENTIALS_IN_URL,
  crossOriginTokenUrl,
  csvMapping,
  DUPLICATE_KEY_TEXT,
  EVIL_PATHS,
  HR_CSV,
  ldapMapping,
  PLAIN_HTTP_TARGET,
  SANDBOX_DATA_DIR,
} from '../../fixtures/attacks';
import { startHttpHoneypot, startTcpHoneypot, type Honeypot } from '../../support/honeypot';

/**
 * The malicious mappings of issue 11, run through the app's paths (the HTTP bridge, exactly as the renderer
 * calls it) and through the CLI. Listening honeypots prove that no secret reached them; where the consultant
 * then confirms, the same honeypot does receive the request, so these tests can fail.
 */

const CLIENT_SECRET = 'Plek-ClientSecret-Ede-2026!';
const BIND_PASSWORD = 'Zomer2026!Ühbung';
const ENV_SECRET = 'uit-de-omgeving-PLEK_CLIENT_SECRET';
const BIND_DN = 'CN=svc-plek,OU=Service,DC=gemeente-ede,DC=local';

let dir: string;
let service: WorkbenchService;
let bridge: BridgeHandle;
const pots: Honeypot[] = [];

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; confirm?: Confirmation };
}

async function call(channel: string, body: unknown): Promise<Reply> {
  const res = await fetch(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-plek-token': bridge.token },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Reply;
}

async function http(): Promise<Honeypot> {
  const p = await startHttpHoneypot();
  pots.push(p);
  return p;
}
async function tcp(): Promise<Honeypot> {
  const p = await startTcpHoneypot();
  pots.push(p);
  return p;
}

/** Writes a mapping file next to hr.csv and lets the consultant "pick" it (the Open dialog). */
async function project(name: string, mapping: unknown): Promise<string> {
  const path = join(dir, `${name}.plekmap.json`);
  await writeFile(path, typeof mapping === 'string' ? mapping : JSON.stringify(mapping, null, 2));
  service.grantPath(path);
  return path;
}

function expectNothingReached(...honeypots: Honeypot[]): void {
  for (const h of honeypots) expect(h.hits, h.url).toEqual([]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-attacks-'));
  await writeFile(join(dir, 'hr.csv'), HR_CSV);
  await writeFile(join(dir, 'lang.csv'), catastrophicCsv());
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    // The app must never use these: they are the CLI's.
    env: { PLEK_CLIENT_SECRET: ENV_SECRET, PLEK_LDAP_PASSWORD: ENV_SECRET, PLEK_TOKEN: ENV_SECRET },
    now: () => new Date('2026-11-23T10:00:00'),
  });
  bridge = await startBridge({ service });
});

afterAll(async () => {
  await bridge?.stop();
  await service?.close();
  for (const p of pots) await p.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('over the bridge (the app)', () => {
  it('a token URL on another origin: asks first, sends nothing; after the consultant confirms, only then', async () => {
    const target = await http();
    const tokenServer = await http();
    const tokenUrl = `http://localhost:${tokenServer.port}/oauth/token`;
    const mapping = crossOriginTokenUrl(`${target.url}/scim/v2`, tokenUrl);
    const projectPath = await project('token', mapping);
    expect(
      (
        await call('secrets:set', {
          name: 'scim-client-secret',
          scope: `${target.url}/scim/v2`,
          value: CLIENT_SECRET,
        })
      ).ok,
    ).toBe(true);

    const first = await call('plan:compute', { mapping, projectPath });
    expect(first.error?.code).toBe('needs-confirmation');
    expect(first.error?.confirm).toMatchObject({
      kind: 'token-host',
      host: `http://localhost:${tokenServer.port}`,
    });
    expectNothingReached(target, tokenServer);

    expect((await call('secrets:confirm', first.error?.confirm)).ok).toBe(true);
    await call('plan:compute', { mapping, projectPath });
    expect(tokenServer.hits.length).toBeGreaterThan(0);
    expect(tokenServer.hits[0]).toContain('POST /oauth/token');
  });

  it('a target the secret was not stored for: asks with the new host, sends nothing', async () => {
    const stored = await http();
    const other = await http();
    await call('secrets:set', {
      name: 'scim-client-secret',
      scope: `${stored.url}/scim/v2`,
      value: CLIENT_SECRET,
    });
    const mapping = changedTarget(`${other.url}/scim/v2`);
    const r = await call('plan:compute', { mapping, projectPath: await project('tenant', mapping) });
    expect(r.error?.code).toBe('needs-confirmation');
    expect(r.error?.confirm).toMatchObject({
      kind: 'secret-endpoint',
      host: other.url,
      previousHost: expect.stringMatching(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/),
    });
    expectNothingReached(stored, other);
  });

  it('never sends the environment’s PLEK_CLIENT_SECRET (that is the CLI’s)', async () => {
    const fresh = createWorkbenchService({
      dataDir: join(dir, 'data-env'),
      secrets: new MemorySecretStore(),
      mode: 'electron',
      env: { PLEK_CLIENT_SECRET: ENV_SECRET, PLEK_TOKEN: ENV_SECRET },
    });
    try {
      const target = await http();
      const mapping = changedTarget(`${target.url}/scim/v2`);
      const path = join(dir, 'env.plekmap.json');
      await writeFile(path, JSON.stringify(mapping));
      fresh.grantPath(path);
      const r = await fresh.api.plan.compute({ mapping: mapping as never, projectPath: path });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(/enter the ClientSecret/);
      expect(
        await fresh.api.secrets.has({ name: 'scim-client-secret', scope: `${target.url}/scim/v2` }),
      ).toEqual({ ok: true, value: { present: false, source: null } });
      expectNothingReached(target);
    } finally {
      await fresh.close();
    }
  });

  it('a directory the password was not stored for: asks with the new host, no connection is made', async () => {
    const stored = await tcp();
    const evil = await tcp();
    await call('secrets:set', {
      name: 'ldap-bind-password',
      endpoint: { url: stored.url, startTls: true, bindDn: BIND_DN },
      value: BIND_PASSWORD,
    });
    for (const source of [
      ldapMapping(evil.url, BIND_DN).source,
      ldapMapping(stored.url, 'CN=Administrator,CN=Users,DC=gemeente-ede,DC=local').source,
    ]) {
      const r = await call('source:sample', { source, limit: 10 });
      expect(r.error?.code).toBe('needs-confirmation');
      expect(r.error?.confirm?.kind).toBe('secret-endpoint');
      const test = await call('source:testConnection', { source });
      expect(test.error?.code).toBe('needs-confirmation');
    }
    const r = await call('source:sample', { source: ldapMapping(evil.url, BIND_DN).source, limit: 10 });
    expect(r.error?.confirm).toMatchObject({ host: `ldap://127.0.0.1:${evil.port}` });
    expectNothingReached(stored, evil);
  });

  it('StartTLS switched off by the mapping: asks before the password goes in the clear', async () => {
    const directory = await tcp();
    await call('secrets:set', {
      name: 'ldap-bind-password',
      endpoint: { url: directory.url, startTls: true, bindDn: BIND_DN },
      value: BIND_PASSWORD,
    });
    const plain = ldapMapping(directory.url, BIND_DN, false);
    const r = await call('source:sample', { source: plain.source, limit: 10 });
    expect(r.error?.code).toBe('needs-confirmation');
    expect(r.error?.confirm?.kind).toBe('plain-ldap');
    const validate = await call('mapping:validate', {
      mapping: plain,
      projectPath: await project('plain', plain),
    });
    expect(validate.error?.code).toBe('needs-confirmation');
    expectNothingReached(directory);
  });

  it('opening a project whose directory host changed says so, and nothing is sent there', async () => {
    const before = await tcp();
    const after = await tcp();
    const path = await project('wissel', ldapMapping(before.url, BIND_DN));
    const first = await call('project:open', { path });
    expect((first.value as { endpointChanges?: unknown }).endpointChanges).toBeUndefined();
    await writeFile(path, JSON.stringify(ldapMapping(after.url, BIND_DN)));
    const second = await call('project:open', { path });
    expect((second.value as { endpointChanges?: unknown }).endpointChanges).toEqual([
      {
        kind: 'directory',
        from: `ldap://127.0.0.1:${before.port} (StartTLS)`,
        to: `ldap://127.0.0.1:${after.port} (StartTLS)`,
      },
    ]);
    expectNothingReached(before, after);
  });

  it.each([
    ['plain http to another host', PLAIN_HTTP_TARGET(), /must use https/, 'refusal.url.notHttps'],
    ['credentials in the URL', CREDENTIALS_IN_URL(), /user name or password/, 'refusal.url.userInfo'],
  ])('%s: the project names the problem and planning refuses', async (_name, mapping, reason, id) => {
    const path = await project(_name.replace(/\W+/g, '-'), mapping);
    const opened = await call('project:open', { path });
    const problems = (opened.value as { problems: { path: string; message: string }[] }).problems;
    expect(problems).toEqual([
      {
        path: '$.target.baseUrl',
        message: expect.stringMatching(reason),
        detail: { id, values: expect.objectContaining({ role: 'target' }) },
      },
    ]);
    const plan = await call('plan:compute', { mapping, projectPath: path });
    expect(plan.ok).toBe(false);
    expect(plan.error?.message).toMatch(reason);
  });

  it.each(EVIL_PATHS)('source.path %j is refused before anything touches it', async (evil) => {
    const mapping = csvMapping(evil);
    const projectPath = await project('pad', mapping);
    const sample = await call('source:sample', { source: mapping.source, projectPath, limit: 5 });
    // Refused at the door (the request schema) or by the path policy: either way before any file access.
    expect(['forbidden', 'invalid-request']).toContain(sample.error?.code);
    const validate = await call('mapping:validate', { mapping, projectPath });
    expect(validate.ok).toBe(false);
  });

  it('an absolute path the consultant did not pick is refused; a picked one works', async () => {
    const sample = await call('source:sample', {
      source: { kind: 'csv', path: join(dir, 'hr.csv') },
      limit: 5,
    });
    expect(sample.error?.code).toBe('forbidden');
    service.grantPath(join(dir, 'hr.csv'));
    const picked = await call('source:sample', {
      source: { kind: 'csv', path: join(dir, 'hr.csv') },
      limit: 5,
    });
    expect(picked.ok).toBe(true);
  });

  it('project:open and project:save only for what the consultant picked; no file content in errors', async () => {
    const notPicked = join(dir, 'niet-gekozen.plekmap.json');
    await writeFile(notPicked, JSON.stringify(csvMapping('hr.csv')));
    expect((await call('project:open', { path: notPicked })).error?.code).toBe('forbidden');
    expect((await call('project:open', { path: '/etc/passwd' })).ok).toBe(false);
    const garbage = await project('geheim', `PLEK_CLIENT_SECRET=${CLIENT_SECRET}\n`);
    const r = await call('project:open', { path: garbage });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(CLIENT_SECRET);
    const save = await call('project:save', {
      path: join(dir, 'elders.plekmap.json'),
      mapping: csvMapping('hr.csv'),
    });
    expect(save.error?.code).toBe('forbidden');
  });

  it('a duplicate key is refused with its JSON path', async () => {
    const r = await call('project:open', { path: await project('dubbel', DUPLICATE_KEY_TEXT) });
    expect(r.error?.code).toBe('invalid-request');
    expect(r.error?.message).toContain('$.mappingKey.attribute');
  });

  it('the catastrophic regexes finish on 10,000-character cells (preview and whole-file validation)', async () => {
    const mapping = catastrophicMapping();
    const projectPath = await project('regex', mapping);
    const records = catastrophicCsv()
      .split('\r\n')
      .slice(1)
      .map((line, i) => ({
        row: i + 2,
        values: { Nr: line.split(';')[0] ?? '', Tekst: line.split(';')[1] ?? '' },
      }));
    const preview = await call('mapping:preview', { mapping, records });
    expect(preview.ok).toBe(true);
    expect((preview.value as { outcomes: unknown[] }).outcomes).toHaveLength(4);
    const validate = await call('mapping:validate', { mapping, projectPath });
    expect(validate.ok).toBe(true);
  });

  it('no secret ever appears in an answer', async () => {
    const everything = JSON.stringify(
      await Promise.all([call('project:recent', {}), call('app:info', {}), call('sandbox:status', {})]),
    );
    for (const s of [CLIENT_SECRET, BIND_PASSWORD, ENV_SECRET]) expect(everything).not.toContain(s);
  });
});

// ---------------------------------------------------------------------------------------------------------

const BIN = new URL('../../../bin/plek-sync.mjs', import.meta.url).pathname;

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', PLEK_WORKBENCH_DATA: join(dir, 'cli-data'), ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function mappingFile(name: string, mapping: unknown): Promise<string> {
  const path = join(dir, `cli-${name}.plekmap.json`);
  await writeFile(path, typeof mapping === 'string' ? mapping : JSON.stringify(mapping, null, 2));
  return path;
}

describe('over the CLI', { timeout: 60_000 }, () => {
  it('a token URL on another origin needs --token-url; without it nothing is sent', async () => {
    const target = await http();
    const tokenServer = await http();
    const tokenUrl = `http://localhost:${tokenServer.port}/oauth/token`;
    const m = await mappingFile('token', crossOriginTokenUrl(`${target.url}/scim/v2`, tokenUrl));
    const env = { PLEK_CLIENT_SECRET: CLIENT_SECRET };
    const refused = await cli(['plan', '--mapping', m, '--today', '2026-11-23'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain(`--token-url ${tokenUrl}`);
    expect(refused.out).not.toContain(CLIENT_SECRET);
    expectNothingReached(target, tokenServer);

    const confirmed = await cli(
      ['plan', '--mapping', m, '--today', '2026-11-23', '--token-url', tokenUrl],
      env,
    );
    expect(confirmed.code).not.toBe(0); // the honeypot answers 401
    expect(tokenServer.hits.length).toBeGreaterThan(0);
  });

  it.each([
    ['plain http', PLAIN_HTTP_TARGET(), /must use https/],
    ['credentials in the URL', CREDENTIALS_IN_URL(), /user name or password/],
  ])('%s is refused', async (name, mapping, reason) => {
    const r = await cli(
      ['plan', '--mapping', await mappingFile(name.replace(/\W+/g, '-'), mapping), '--today', '2026-11-23'],
      {
        PLEK_CLIENT_SECRET: CLIENT_SECRET,
      },
    );
    expect(r.code).toBe(2);
    expect(r.out).toMatch(reason);
  });

  it('StartTLS off needs --allow-plain-ldap; without it no connection is made', async () => {
    const directory = await tcp();
    const m = await mappingFile('plain', ldapMapping(directory.url, BIND_DN, false));
    const r = await cli(['validate', '--mapping', m, '--today', '2026-11-23'], {
      PLEK_LDAP_PASSWORD: BIND_PASSWORD,
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/--allow-plain-ldap/);
    expect(r.out).not.toContain(BIND_PASSWORD);
    expectNothingReached(directory);
    await cli(['--allow-plain-ldap', 'validate', '--mapping', m, '--today', '2026-11-23'], {
      PLEK_LDAP_PASSWORD: BIND_PASSWORD,
    });
    expect(directory.hits.length).toBeGreaterThan(0);
  });

  it.each(EVIL_PATHS)('source.path %j is refused', async (evil) => {
    const r = await cli([
      'validate',
      '--mapping',
      await mappingFile('pad', csvMapping(evil)),
      '--today',
      '2026-11-23',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/network or device|absolute|leaves the project folder/);
  });

  it('target.dataDir outside the data folder is refused (the sandbox state is HR data)', async () => {
    for (const d of [join(dir, 'elders'), '../elders', '\\\\attacker.example\\share']) {
      const r = await cli([
        'plan',
        '--mapping',
        await mappingFile('datadir', SANDBOX_DATA_DIR(d)),
        '--today',
        '2026-11-23',
      ]);
      expect(r.code, d).toBe(2);
      expect(r.out).toContain('target.dataDir');
    }
  });

  it('a duplicate key is refused with its JSON path', async () => {
    const r = await cli(['validate', '--mapping', await mappingFile('dubbel', DUPLICATE_KEY_TEXT)]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('$.mappingKey.attribute');
  });

  it('the catastrophic regexes finish on 10,000-character cells', async () => {
    const r = await cli([
      'validate',
      '--mapping',
      await mappingFile('regex', catastrophicMapping()),
      '--today',
      '2026-11-23',
      '--json',
    ]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(JSON.parse(r.out.slice(r.out.indexOf('{'))).rows).toBe(4);
  });
});
