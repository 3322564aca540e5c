import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type BridgeHandle } from '../../../src/main/bridge/server';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control Host, Origin and the unencoded path exactly. */
function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let dir: string;
let service: WorkbenchService;
let bridge: BridgeHandle;
let events: string[];
const SECRET = 'Welkom01!Gemeente-Ede';

function api(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(bridge.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      host: `127.0.0.1:${bridge.port}`,
      'content-type': 'application/json',
      'x-plek-token': bridge.token,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-bridge-'));
  const staticDir = join(dir, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Werkbank</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("ok")');
  await writeFile(join(dir, 'geheim.txt'), 'top secret: outside the static folder');
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    env: {},
    resourcesDir: join(dir, 'no-resources'),
  });
  events = [];
  service.subscribe((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));
  bridge = await startBridge({ service, staticDir });
});

afterAll(async () => {
  await bridge?.stop();
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the bridge URL', () => {
  it('binds to 127.0.0.1 and carries a one-time code, not the session token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/session\?code=[\w-]{32}$/);
    expect(bridge.url).not.toContain(bridge.token);
    expect(Buffer.from(bridge.token, 'base64url')).toHaveLength(32);
  });
});

describe('one-time login link → HttpOnly session cookie', () => {
  const host = () => ({ host: `127.0.0.1:${bridge.port}` });
  const pathOf = (url: string) => url.slice(bridge.origin.length);

  it('trades the code once for an HttpOnly, SameSite=Strict cookie that opens the API', async () => {
    const link = bridge.newLoginUrl();
    const first = await send(bridge.port, { path: pathOf(link), headers: host() });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(
      new RegExp(`^plek-session-${bridge.port}=[\\w-]{43}; Path=/; HttpOnly; SameSite=Strict$`),
    );
    const cookie = setCookie.split(';')[0] as string;

    const session = await send(bridge.port, { path: '/api/session', headers: { ...host(), cookie } });
    expect(session.status).toBe(200);
    const call = await api('app:info', {}, { 'x-plek-token': '', cookie, origin: bridge.origin });
    expect(call.status).toBe(200);

    // The same link a second time (someone who read it from `ps`): refused, and no cookie.
    const again = await send(bridge.port, { path: pathOf(link), headers: host() });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toMatch(/used already/);
  });

  it('refuses a made-up code, a missing one, and a session check without cookie', async () => {
    for (const path of [
      '/session?code=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/session',
      `/session?code=${bridge.token}`,
    ]) {
      const r = await send(bridge.port, { path, headers: host() });
      expect(r.status, path).toBe(403);
    }
    expect((await send(bridge.port, { path: '/api/session', headers: host() })).status).toBe(401);
    const wrong = `plek-session-${bridge.port}=${bridge.token.slice(0, -2)}xx`;
    expect(
      (await send(bridge.port, { path: '/api/session', headers: { ...host(), cookie: wrong } })).status,
    ).toBe(401);
  });

  it('no longer accepts the token in the event stream’s query string', async () => {
    const r = await send(bridge.port, { path: `/api/events?token=${bridge.token}`, headers: host() });
    expect(r.status).toBe(401);
  });
});

describe('API authentication', () => {
  it('answers a call with the token', async () => {
    const r = await api('app:info', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value.mode).toBe('browser');
    expect(body.value.capabilities.nativeDialogs).toBe(false);
  });

  it('accepts the token as a Bearer header', async () => {
    const r = await api('app:info', {}, { 'x-plek-token': '', authorization: `Bearer ${bridge.token}` });
    expect(r.status).toBe(200);
  });

  it('refuses a call without token: 401', async () => {
    const r = await api('app:info', {}, { 'x-plek-token': '' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'missing or wrong token',
        detail: { id: 'refusal.bridge.noSession', values: {} },
      },
    });
  });

  it('refuses a wrong token, also one of the right length: 401', async () => {
    expect((await api('app:info', {}, { 'x-plek-token': 'x' })).status).toBe(401);
    const sameLength = bridge.token.slice(0, -1) + (bridge.token.endsWith('A') ? 'B' : 'A');
    expect((await api('app:info', {}, { 'x-plek-token': sameLength })).status).toBe(401);
  });

  it('refuses the event stream without token', async () => {
    const r = await send(bridge.port, { path: '/api/events', headers: { host: `127.0.0.1:${bridge.port}` } });
    expect(r.status).toBe(401);
  });
});

describe('Host and Origin checks', () => {
  it.each(['evil.com', `127.0.0.1.evil.com:${0}`, 'rebind.attacker.net', '127.0.0.1'])(
    'refuses Host %j with 403 (DNS rebinding)',
    async (host) => {
      const r = await api('app:info', {}, { host: host.replace(':0', `:${bridge.port}`) });
      expect(r.status).toBe(403);
    },
  );

  it('refuses a foreign Origin with 403 even with the right token', async () => {
    for (const origin of [
      'http://evil.com',
      `http://127.0.0.1.evil.com:${bridge.port}`,
      'null',
      `http://127.0.0.1:${bridge.port + 1}`,
    ]) {
      const r = await api('app:info', {}, { origin });
      expect(r.status, origin).toBe(403);
    }
  });

  it('accepts its own origin and localhost', async () => {
    expect((await api('app:info', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect(
      (
        await api(
          'app:info',
          {},
          { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` },
        )
      ).status,
    ).toBe(200);
  });

  it('refuses static files for a foreign Host too', async () => {
    const r = await send(bridge.port, { path: '/', headers: { host: 'evil.com' } });
    expect(r.status).toBe(403);
  });
});

describe('malformed requests', () => {
  it('malformed JSON → 400, and the server keeps serving', async () => {
    const r = await api('project:open', '{"path": "/tmp/x.plekmap.json"');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('invalid-request');
    expect((await api('app:info', {})).status).toBe(200);
  });

  it('schema-invalid request → 400 naming the field', async () => {
    const r = await api('project:open', { path: '../../etc/passwd' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toContain('project:open: $.path');
  });

  it.each([
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hallo"'],
    ['null', 'null'],
    ['a prototype-pollution attempt', '{"__proto__": {"admin": true}, "path": "/x.plekmap.json"}'],
  ])('%s → 400', async (_l, body) => {
    const r = await api('project:open', body);
    expect(r.status).toBe(400);
  });

  it('unknown channel → 404', async () => {
    const r = await api('fs:readFile', { path: '/etc/passwd' });
    expect(r.status).toBe(404);
  });

  it('wrong content type → 415 (no form posts)', async () => {
    const r = await api('app:info', '{}', { 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
  });

  it('GET on a channel → 405', async () => {
    const r = await send(bridge.port, {
      path: '/api/app:info',
      headers: { host: `127.0.0.1:${bridge.port}`, 'x-plek-token': bridge.token },
    });
    expect(r.status).toBe(405);
  });

  it('an oversized body → 413', async () => {
    const big = JSON.stringify({ mapping: { name: 'x'.repeat(3 * 1024 * 1024) } });
    const r = await api('mapping:validate', big);
    expect(r.status).toBe(413);
  });
});

describe('static files', () => {
  it('serves index.html with a CSP header without unsafe-eval', async () => {
    const r = await send(bridge.port, { path: '/', headers: { host: `127.0.0.1:${bridge.port}` } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Werkbank');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets', async () => {
    const r = await send(bridge.port, {
      path: '/assets/app.js',
      headers: { host: `127.0.0.1:${bridge.port}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/javascript');
  });

  it.each([
    '/../geheim.txt',
    '/..%2fgeheim.txt',
    '/%2e%2e/geheim.txt',
    '/%2e%2e%2fgeheim.txt',
    '/assets/..%2f..%2fgeheim.txt',
    '/..%5cgeheim.txt',
    '/assets%5c..%5c..%5cgeheim.txt',
    `/${encodeURIComponent(join(process.cwd(), 'package.json'))}`,
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses traversal %j', async (path) => {
    const r = await send(bridge.port, { path, headers: { host: `127.0.0.1:${bridge.port}` } });
    expect([403, 404, 400]).toContain(r.status);
    expect(r.body).not.toContain('top secret');
    expect(r.body).not.toContain('"name"');
  });
});

describe('secrets', () => {
  it('a secret set via secrets:set never appears in any response or event', async () => {
    const endpoint = {
      url: 'ldaps://dc1.gemeente-ede.local',
      bindDn: 'CN=svc-plek,OU=Service,DC=gemeente-ede,DC=local',
    };
    const set = await api('secrets:set', { name: 'ldap-bind-password', endpoint, value: SECRET });
    expect(set.status).toBe(200);
    const replies: string[] = [set.body];
    replies.push((await api('secrets:has', { name: 'ldap-bind-password', endpoint })).body);
    expect(JSON.parse(replies[1] as string).value).toEqual({ present: true, source: 'store' });
    replies.push((await api('secrets:has', { name: 'scim-client-secret', scope: 'https://x.plek.co' })).body);
    replies.push((await api('app:info', {})).body);
    replies.push((await api('project:recent', {})).body);
    // An invalid request that carries the secret: the error must not echo it.
    replies.push(
      (await api('secrets:set', { name: 'ldap-bind-password', value: SECRET, extra: SECRET })).body,
    );
    replies.push((await api('secrets:set', { name: `x${SECRET}`, value: SECRET })).body);
    // A sample that needs the secret (no LDAP backend here: a clear refusal, without the value).
    replies.push(
      (
        await api('source:sample', {
          source: {
            kind: 'ldap',
            url: 'ldaps://dc1.gemeente-ede.local',
            bindDn: 'CN=svc-plek,OU=Service,DC=gemeente-ede,DC=local',
            baseDn: 'OU=Medewerkers,DC=gemeente-ede,DC=local',
          },
        })
      ).body,
    );
    for (const body of replies) expect(body).not.toContain(SECRET);
    for (const e of events) expect(e).not.toContain(SECRET);
    expect(replies.length).toBeGreaterThan(5);
  });
});

describe('events', () => {
  it('streams service events as SSE to the session cookie', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/events',
          headers: {
            host: `127.0.0.1:${bridge.port}`,
            cookie: `plek-session-${bridge.port}=${bridge.token}`,
          },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('event: run:log')) {
              req.destroy();
              resolve(text);
            }
          });
          service.emit('run:log', {
            runId: 'run-1',
            at: '2026-11-23T09:00:00.000Z',
            level: 'info',
            message: 'Jan van der Berg aangemaakt',
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: run:log\ndata: {"runId":"run-1"');
    expect(received).toContain('Jan van der Berg aangemaakt');
  });
});

describe('socket timeouts', () => {
  it('closes a connection whose headers or body never finish (slowloris), and keeps serving', async () => {
    const { connect } = await import('node:net');
    const slow = await startBridge({
      service,
      timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300, checkEveryMs: 100 },
    });
    try {
      const closedAfter = (payload: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(slow.port, '127.0.0.1', () => socket.write(payload));
          let text = '';
          socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
          socket.on('close', () => resolve(text));
          socket.on('error', reject);
        });
      // Headers that never end.
      const headers = await closedAfter(`POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n`);
      expect(headers).toMatch(/^$|408/);
      // A body announced as 1,000 bytes that never comes.
      const body = await closedAfter(
        `POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nx-plek-token: ${slow.token}\r\n` +
          'content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":',
      );
      expect(body).toMatch(/^$|408/);
      const r = await send(slow.port, {
        method: 'POST',
        path: '/api/app:info',
        headers: {
          host: `127.0.0.1:${slow.port}`,
          'content-type': 'application/json',
          'x-plek-token': slow.token,
        },
        body: '{}',
      });
      expect(r.status).toBe(200);
    } finally {
      await slow.stop();
    }
  });
});
