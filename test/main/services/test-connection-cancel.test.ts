import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format, formatRef } from '../../../src/shared/i18n';
import { restSourceSchema, type LdapSource } from '../../../src/shared/mapping/schema';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';

/**
 * Test connection is a task the consultant can cancel. At a customer site a directory or HR application behind a
 * firewall that drops packets answers nothing: the test must not hold the Source step for its whole timeout (set
 * to a minute here, longer than this test may take). Cancelled, the answer is "cancelled" (never a failed
 * connection), and the connection to the silent server is closed.
 */
/**
 * Longer than a cancelled test needs, shorter than any timeout of the sources (an API's test waits at most 20 s
 * per attempt, the directory here 60 s): a test that only ends by timing out fails.
 */
const GIVE_UP_BEFORE_ANY_TIMEOUT = 10_000;

let dir: string;
let service: WorkbenchService;
let tcp: TcpServer;
let http: HttpServer;
const tcpSockets: Socket[] = [];
const tcpClosed: Socket[] = [];
const httpRequests: IncomingMessage[] = [];
const httpClosed: IncomingMessage[] = [];

const portOf = (s: TcpServer | HttpServer) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-test-cancel-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    env: {},
  });
  // Accepts the connection and never says a word (no TLS handshake, no LDAP answer).
  tcp = createTcpServer((socket) => {
    socket.resume();
    tcpSockets.push(socket);
    socket.on('close', () => tcpClosed.push(socket));
    socket.on('error', () => undefined);
  });
  // Reads the request and never answers it.
  http = createHttpServer((req) => {
    httpRequests.push(req);
    req.socket.on('close', () => httpClosed.push(req));
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await service?.close();
  for (const s of tcpSockets) s.destroy();
  http?.closeAllConnections();
  await new Promise((r) => tcp?.close(r));
  await new Promise((r) => http?.close(r));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An Active Directory over ldaps:// on a local port, with a timeout longer than any of these tests may take. */
function directory(port: number): LdapSource {
  return {
    kind: 'ldap',
    url: `ldaps://127.0.0.1:${port}`,
    flavor: 'ad',
    startTls: true,
    bindDn: 'CN=svc-plek,OU=Service,DC=gemeente-voorbeeld,DC=nl',
    baseDn: 'DC=gemeente-voorbeeld,DC=nl',
    scope: 'sub',
    pageSize: 500,
    timeoutMs: 60_000,
    followReferrals: false,
  };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`waited in vain for ${what}`);
}

describe('cancelling Test connection', () => {
  it(
    'gives up a directory that never answers at once, and closes the connection',
    async () => {
      const source = directory(portOf(tcp));
      const stored = await service.api.secrets.set({
        name: 'ldap-bind-password',
        endpoint: { url: source.url, startTls: true, bindDn: source.bindDn },
        value: 'Zomer-2026!',
      });
      expect(stored.ok).toBe(true);

      const answer = service.api.source.testConnection({ source, taskId: 'test-ldap' });
      await until('the directory connection', () => tcpSockets.length === 1);
      const cancelled = await service.api.task.cancel({ taskId: 'test-ldap' });
      expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });

      const result = await answer;
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('cancelled');
      expect(result.error.detail).toEqual({ id: 'refusal.cancelled', values: { task: 'testing' } });
      expect(format('nl', 'refusal.cancelled', { task: 'testing' })).toBe(
        'De verbindingstest is geannuleerd.',
      );
      expect(format('en', 'refusal.cancelled', { task: 'testing' })).toBe(
        'The connection test was cancelled.',
      );
      expect(JSON.stringify(result)).not.toContain('Zomer-2026!');
      await until('the directory connection to close', () => tcpClosed.length === 1);
    },
    GIVE_UP_BEFORE_ANY_TIMEOUT,
  );

  it(
    'gives up an HR application that never answers at once, and closes the request',
    async () => {
      const source = restSourceSchema.parse({
        kind: 'rest',
        url: `http://127.0.0.1:${portOf(http)}/api/medewerkers`,
        auth: { kind: 'none' },
        recordsPath: 'data',
        timeoutMs: 60_000,
      });
      const answer = service.api.source.testConnection({ source, taskId: 'test-api' });
      await until('the API request', () => httpRequests.length === 1);
      await service.api.task.cancel({ taskId: 'test-api' });

      const result = await answer;
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('cancelled');
      expect(result.error.detail).toEqual({ id: 'refusal.cancelled', values: { task: 'testing' } });
      await until('the API request to close', () => httpClosed.length === 1);
      // Cancelled during the first attempt: no retry was started.
      expect(httpRequests).toHaveLength(1);
    },
    GIVE_UP_BEFORE_ANY_TIMEOUT,
  );

  it('still answers a test nobody cancelled, with its own failure', async () => {
    // Nothing listens on this port (the server is closed straight away): a refused connection, worded as such.
    const closed = createTcpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = portOf(closed);
    await new Promise((r) => closed.close(r));
    const source = directory(port);
    await service.api.secrets.set({
      name: 'ldap-bind-password',
      endpoint: { url: source.url, startTls: true, bindDn: source.bindDn },
      value: 'Zomer-2026!',
    });
    const result = await service.api.source.testConnection({ source, taskId: 'test-refused' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ok).toBe(false);
    const said = { en: formatRef('en', result.value.detail!), nl: formatRef('nl', result.value.detail!) };
    expect(said.en).toContain(`127.0.0.1:${port}`);
    expect(said.en).toMatch(/refused/i);
    expect(said.nl).toMatch(/geweigerd/i);
    expect(JSON.stringify(said)).not.toMatch(/cancel|annuleer/i);
  });
});
