import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../../src/main/bridge/serve';
import { defaultDataDir } from '../../../src/main/data-dir';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);

function get(
  url: URL,
  headers: Record<string, string>,
  until?: (text: string) => boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolveGet, reject) => {
    const req = request(url, { headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        if (until?.(text)) {
          req.destroy();
          resolveGet({ status: res.statusCode ?? 0, text });
        }
      });
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (e) => (until ? undefined : reject(e)));
    req.end();
  });
}

describe('serve()', () => {
  let dir: string;
  let lines: string[];
  let running: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plek-serve-'));
    lines = [];
    running = await serve({
      open: false,
      demo: true,
      dataDir: dir,
      root: ROOT,
      announce: (url) => lines.push(url),
      note: () => {},
      env: {},
    });
  });
  afterAll(async () => {
    await running?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('announces exactly one URL with its token and serves the built renderer', async () => {
    expect(lines).toEqual([running.url]);
    const url = new URL(running.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/session');
    expect(url.searchParams.get('code')).toMatch(/^[\w-]{32}$/);
    const page = await get(new URL('/', url), { host: url.host });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
  });

  it('opens the bundled demo for the first page that listens', async () => {
    const url = new URL(running.url);
    // What the browser does with the printed link: trade its one-time code for the session cookie.
    const login = await new Promise<string>((resolveLogin, reject) => {
      const req = request(url, { headers: { host: url.host } }, (res) => {
        res.resume();
        resolveLogin(String(res.headers['set-cookie']).split(';')[0] ?? '');
      });
      req.on('error', reject);
      req.end();
    });
    expect(login).toMatch(/^plek-session-\d+=[\w-]{43}$/);
    const stream = await get(new URL('/api/events', url), { host: url.host, cookie: login }, (t) =>
      t.includes('event: project:opened'),
    );
    expect(stream.text).toContain('event: project:opened');
    expect(stream.text).toContain('demo.plekmap.json');
  });
});

describe('a busy port', () => {
  it('is refused with a sentence, not a stack trace', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const dir = await mkdtemp(join(tmpdir(), 'plek-serve-busy-'));
    try {
      await expect(
        serve({ open: false, port, dataDir: dir, root: ROOT, announce: () => {}, note: () => {}, env: {} }),
      ).rejects.toMatchObject({
        name: 'UserError',
        message: expect.stringContaining(`port ${port} on 127.0.0.1 is in use`),
      });
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('defaultDataDir', () => {
  it('honours PLEK_WORKBENCH_DATA, else a per-user folder', () => {
    expect(defaultDataDir({ PLEK_WORKBENCH_DATA: '/srv/werkbank' })).toBe('/srv/werkbank');
    if (process.platform === 'linux')
      expect(defaultDataDir({ XDG_DATA_HOME: '/home/jan/.data' })).toBe('/home/jan/.data/plek-workbench');
  });
});

describe('plek-sync serve', () => {
  it('prints one line with the URL and keeps serving until stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plek-serve-cli-'));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/plek-sync.mjs'), 'serve', '--no-open', '--data-dir', dir],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const stdout = await new Promise<string>((resolveOut, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('\n')) resolveOut(text);
        });
        child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      expect(stdout).toMatch(
        /^Plek Provisioning Workbench: http:\/\/127\.0\.0\.1:\d+\/session\?code=[\w-]{32}\n$/,
      );
      const url = new URL(stdout.slice(stdout.indexOf('http')).trim());
      const unauthorised = await new Promise<number>((resolveStatus) => {
        const req = request(
          new URL('/api/app:info', url),
          { method: 'POST', headers: { host: url.host, 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            resolveStatus(res.statusCode ?? 0);
          },
        );
        req.end('{}');
      });
      expect(unauthorised).toBe(401);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Where `npm start` would find Electron's binary; null when it is missing (as on a machine that cannot download it). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const ELECTRON = electronBinary();
if (ELECTRON)
  console.log(`npm start fallback test skipped: Electron's binary is installed here (${ELECTRON})`);

describe.skipIf(ELECTRON !== null).each([
  [
    'nl_NL.UTF-8',
    /^Electron is niet geïnstalleerd op deze computer \(.+\), dus de workbench opent in je browser: http:\/\/127\.0\.0\.1:\d+\/session\?code=[\w-]{32}\n$/,
  ],
  [
    'en_GB.UTF-8',
    /^Electron is not installed on this machine \(.+\), so the workbench opens in your browser instead: http:\/\/127\.0\.0\.1:\d+\/session\?code=[\w-]{32}\n$/,
  ],
])('npm start without Electron (LANG=%s)', (lang, sentence) => {
  it('says so in one sentence in the language of the terminal, with the URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plek-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--no-open'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LANG: lang,
        LC_ALL: '',
        LC_MESSAGES: '',
        PLEK_WORKBENCH_DATA: dir,
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const stdout = await new Promise<string>((resolveOut, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('\n')) resolveOut(text);
        });
        child.on('exit', (code) => reject(new Error(`npm start exited early with ${code}`)));
      });
      expect(stdout).toMatch(sentence);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
