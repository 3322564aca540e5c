import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { SandboxRequest } from '../../../src/main/sandbox/server';
import { SandboxGoneError, startSandboxThread } from '../../../src/main/sandbox/thread';
import { ScimClient } from '../../../src/main/scim';
import { Transport, TransportError, type LocalServer } from '../../../src/main/scim/transport';
import { startTarget } from '../../../src/main/sync/target';

// The CLI's own client hands its requests to the embedded sandbox it started (`exchange`) instead of sending them
// over HTTP to 127.0.0.1: the answers must be the ones HTTP gives, and the client must meet timeouts, aborts and
// a stopped sandbox as it meets them over HTTP.

const stops: (() => Promise<void>)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function sandbox(): Promise<SandboxHandle> {
  const s = await startSandbox({ staticToken: 'geheim-token', clientSecret: 'demo-secret' });
  stops.push(() => s.stop());
  return s;
}

const bearer = { authorization: 'Bearer geheim-token' };
const scim = { ...bearer, 'content-type': 'application/scim+json', accept: 'application/scim+json' };
const user = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `chloe.de.graaf${n}@gemeente-voorbeeld.nl`,
    externalId: `00${n}`,
    name: { givenName: 'Chloë', familyName: 'de Graaf' },
    emails: [{ type: 'work', value: `chloe.de.graaf${n}@gemeente-voorbeeld.nl`, primary: true }],
    ...extra,
  });

/** The same request over HTTP: status, the headers the sandbox sets (not Node's own) and the body. */
async function overHttp(s: SandboxHandle, r: Omit<SandboxRequest, 'body'> & { body: string }) {
  const res = await fetch(`${s.url}${r.url}`, {
    method: r.method,
    headers: r.headers as Record<string, string>,
    ...(r.body !== '' ? { body: r.body } : {}),
  });
  const headers: Record<string, string> = {};
  const node = ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'];
  res.headers.forEach((v, k) => {
    if (!node.includes(k)) headers[k] = v;
  });
  return { status: res.status, headers, body: await res.text() };
}

describe('the sandbox answers a request handed to it (exchange) as it answers it over HTTP', () => {
  it('status, headers and body alike: reads, errors, a token, a too large body; writes land in the same store', async () => {
    const s = await sandbox();
    const created = await s.exchange({ method: 'POST', url: '/scim/v2/Users', headers: scim, body: user(1) });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toMatch(/^W\/"/);
    expect(created.headers['content-type']).toBe('application/scim+json');
    const id = (JSON.parse(created.body) as { id: string }).id;
    const overTheWire = await overHttp(s, {
      method: 'POST',
      url: '/scim/v2/Users',
      headers: scim,
      body: user(2),
    });
    expect(overTheWire.status).toBe(201);

    const basic = `Basic ${Buffer.from('plek-demo:demo-secret').toString('base64')}`;
    const requests: (Omit<SandboxRequest, 'body'> & { body: string })[] = [
      { method: 'GET', url: `/scim/v2/Users/${id}`, headers: bearer, body: '' },
      { method: 'GET', url: '/scim/v2/Users?filter=externalId%20eq%20%22002%22', headers: bearer, body: '' },
      { method: 'GET', url: '/scim/v2/Users?startIndex=1&count=1', headers: bearer, body: '' },
      { method: 'GET', url: '/scim/v2/Users/bestaat-niet', headers: bearer, body: '' },
      { method: 'GET', url: '/scim/v2/Users', headers: {}, body: '' },
      { method: 'GET', url: '/scim/v2/Users?filter=userName%20zz%20%22x%22', headers: bearer, body: '' },
      { method: 'POST', url: '/scim/v2/Users', headers: scim, body: '{"userName": ' },
      { method: 'POST', url: '/scim/v2/Users', headers: scim, body: user(1) }, // taken: 409
      {
        method: 'PATCH',
        url: `/scim/v2/Users/${id}`,
        headers: scim,
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [
            { op: 'replace', path: 'emails[type eq "work"].value', value: 'x@gemeente-voorbeeld.nl' },
          ],
        }),
      },
      { method: 'GET', url: '/scim/v2/ServiceProviderConfig', headers: bearer, body: '' },
      { method: 'POST', url: '/oauth/token', headers: { authorization: basic }, body: 'grant_type=password' },
      { method: 'POST', url: '/scim/v2/Bulk', headers: scim, body: 'x'.repeat(10_485_761) },
    ];
    for (const r of requests) {
      const handed = await s.exchange(r);
      const sent = await overHttp(s, r);
      expect({ request: `${r.method} ${r.url}`, ...handed }).toEqual({
        request: `${r.method} ${r.url}`,
        ...sent,
      });
    }
    expect((await s.exchange(requests[3]!)).status).toBe(404);
    expect((await s.exchange(requests[4]!)).status).toBe(401);
    expect((await s.exchange(requests[6]!)).status).toBe(400);
    expect((await s.exchange(requests[8]!)).status).toBe(400); // the Plek profile refuses value-filter paths
    expect((await s.exchange(requests[11]!)).status).toBe(413);

    // A token handed over works over HTTP, and a PATCH that asks for no answer gets 204 without a body either way.
    const token = await s.exchange({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const access = (JSON.parse(token.body) as { access_token: string }).access_token;
    const minimal = {
      method: 'PATCH',
      url: `/scim/v2/Users/${id}`,
      headers: { ...scim, authorization: `Bearer ${access}`, prefer: 'return=minimal' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'title', value: 'Wijkverpleegkundige' }],
      }),
    };
    const handed = await s.exchange(minimal);
    expect(handed).toMatchObject({ status: 204, body: '' });
    expect((await overHttp(s, minimal)).status).toBe(204);
    expect(
      s
        .snapshot()
        .users.map((u) => u.userName)
        .sort(),
    ).toEqual(['chloe.de.graaf1@gemeente-voorbeeld.nl', 'chloe.de.graaf2@gemeente-voorbeeld.nl']);
    expect(s.stats().byStatus['204']).toBe(2);

    // Once stopped, a request handed over fails as one to a closed server would, and changes nothing.
    await s.stop();
    await expect(
      s.exchange({ method: 'POST', url: '/scim/v2/Users', headers: scim, body: user(3) }),
    ).rejects.toThrow(/stopped/);
    expect(s.snapshot().users).toHaveLength(2);
  });
});

describe('a transport with a local server', () => {
  let http: Server | undefined;
  afterEach(() => new Promise<void>((r) => (http ? http.close(() => r()) : r())));

  function local(exchange: LocalServer['exchange']): LocalServer {
    return { origin: 'http://127.0.0.1:1', exchange };
  }
  const request = (url: string, extra: object = {}) => ({
    method: 'GET',
    url,
    headers: { accept: 'application/scim+json' },
    timeoutMs: 2000,
    ...extra,
  });

  it('hands the requests for its origin to it, and sends the others over HTTP', async () => {
    http = createServer((_req, res) => res.end('over http'));
    await new Promise<void>((r) => http!.listen(0, '127.0.0.1', r));
    const elsewhere = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    const handed: string[] = [];
    const t = new Transport(
      2,
      undefined,
      local(async (r) => {
        handed.push(`${r.method} ${r.url} ${r.headers.accept}`);
        return { status: 200, headers: { etag: 'W/"3"' }, body: '{"id":"1"}' };
      }),
    );
    const here = await t.send(request('http://127.0.0.1:1/scim/v2/Users/1'));
    expect(here).toEqual({ status: 200, headers: { etag: 'W/"3"' }, text: '{"id":"1"}' });
    expect((await t.send(request(`${elsewhere}/x`))).text).toBe('over http');
    // Another port on the same host is another server.
    await expect(t.send(request('http://127.0.0.1:12/x', { timeoutMs: 500 }))).rejects.toBeInstanceOf(
      TransportError,
    );
    expect(handed).toEqual(['GET http://127.0.0.1:1/scim/v2/Users/1 application/scim+json']);
    // An answer the caller does not read: left out when it is a success, kept when it is an error.
    const skipping = new Transport(
      1,
      undefined,
      local(async (r) => ({
        status: r.url.endsWith('/fout') ? 400 : 200,
        headers: {},
        body: '{"detail":"x"}',
      })),
    );
    expect((await skipping.send(request('http://127.0.0.1:1/goed', { skipOkBody: true }))).text).toBe('');
    expect((await skipping.send(request('http://127.0.0.1:1/fout', { skipOkBody: true }))).text).toBe(
      '{"detail":"x"}',
    );
    t.close();
    skipping.close();
  });

  it('meets no answer, an abort and a failed server as over HTTP: ETIMEDOUT, ABORT_ERR, ECONNRESET', async () => {
    const never = new Transport(
      1,
      undefined,
      local(() => new Promise(() => {})),
    );
    await expect(never.send(request('http://127.0.0.1:1/a', { timeoutMs: 30 }))).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    const abort = new AbortController();
    const sent = never.send(request('http://127.0.0.1:1/b', { signal: abort.signal }));
    abort.abort();
    await expect(sent).rejects.toMatchObject({ code: 'ABORT_ERR' });
    const failing = new Transport(
      1,
      undefined,
      local(() => Promise.reject(new SandboxGoneError())),
    );
    await expect(failing.send(request('http://127.0.0.1:1/c'))).rejects.toMatchObject({ code: 'ECONNRESET' });
    never.close();
    failing.close();
  });
});

describe('the sandbox thread', () => {
  it('answers its starter through exchange; once stopped, a request fails as a closed connection would', async () => {
    const s = (await startSandboxThread({}))!;
    const client = new ScimClient({
      baseUrl: s.url,
      auth: { kind: 'oauth', clientId: s.clientId, clientSecret: s.clientSecret },
      local: { origin: new URL(s.url).origin, exchange: (r) => s.exchange(r) },
      maxRetries: 0,
    });
    try {
      const ids = await client.createUsersBulk([
        JSON.parse(user(7)) as never,
        JSON.parse(user(8, { active: false })) as never,
      ]);
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      const found = await client.findUserByExternalId('008');
      expect(found?.active).toBe(false);
    } finally {
      await s.stop();
    }
    await expect(
      s.exchange({ method: 'GET', url: '/scim/v2/Users', headers: {}, body: '' }),
    ).rejects.toBeInstanceOf(SandboxGoneError);
    await expect(client.listUsers()).rejects.toThrow();
    client.close();
  });
});

describe('the CLI target sandbox:DIR', () => {
  it("hands its client's requests to the sandbox it started, not over HTTP", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-exchange-'));
    dirs.push(dir);
    const starting = await startTarget({ target: `sandbox:${dir}`, env: {} });
    const target = await starting.ready;
    stops.push(() => target.close());
    const exchange = vi.spyOn(target.sandbox!, 'exchange');
    expect(await target.client.listUsers()).toEqual([]);
    // The token and the listing.
    expect(exchange.mock.calls.map(([r]) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /oauth/token',
      'GET /Users',
    ]);
  });
});
