import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox';
import { ScimClient } from '../../../src/main/scim';
import { Transport } from '../../../src/main/scim/transport';

// A group's PATCH answer is the whole group; the client reads it to its end without keeping it, unless it is an
// error (then its detail is the failure's reason).
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const status = req.url === '/fail' ? 400 : 200;
      res.writeHead(status, { 'content-type': 'application/scim+json' });
      res.end(JSON.stringify({ displayName: 'Zorg', detail: status === 400 ? 'invalidValue' : undefined }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Transport skipOkBody', () => {
  it('drops a successful answer, keeps an error answer, and keeps every answer without the flag', async () => {
    const t = new Transport(4);
    const send = (path: string, skipOkBody?: boolean) =>
      t.send({
        method: 'PATCH',
        url: `${base}${path}`,
        headers: {},
        body: '{}',
        timeoutMs: 5000,
        ...(skipOkBody ? { skipOkBody } : {}),
      });
    expect((await send('/ok', true)).text).toBe('');
    expect((await send('/ok', true)).status).toBe(200);
    expect(JSON.parse((await send('/fail', true)).text)).toEqual({
      displayName: 'Zorg',
      detail: 'invalidValue',
    });
    expect(JSON.parse((await send('/ok')).text)).toEqual({ displayName: 'Zorg' });
    t.close();
  });
});

describe('group members added without reading the answer', () => {
  it('asks for no answer (Prefer: return=minimal): the sandbox sends 204, the members are in the group', async () => {
    const h = await startSandbox({ staticToken: 'tok' });
    const c = new ScimClient({ baseUrl: h.url, auth: { kind: 'bearer', token: 'tok' }, maxRetries: 0 });
    try {
      const group = await c.ensureGroup('Wijkteam Zuid');
      const ids: string[] = [];
      for (const [i, name] of ['sanne.dejong', 'mohamed.elidrissi', 'ilse.vanderveen'].entries()) {
        const { user } = await c.createUser({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: `${name}@zorggroep.nl`,
          externalId: `E${i}`,
        });
        ids.push(user.id as string);
      }
      await c.addGroupMembers(group.id, ids.slice(0, 2));
      await c.addGroupMembers(group.id, ids.slice(1));
      expect(h.stats().byStatus['204']).toBe(2);
      expect(h.snapshot().groups[0]?.members).toEqual(ids.map((value) => ({ value })));
    } finally {
      c.close();
      await h.stop();
    }
  });

  it('sends the preference, and a server that ignores it still answers as before', async () => {
    const seen: string[] = [];
    const other = createServer((req, res) => {
      seen.push(String(req.headers.prefer));
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        res.end(JSON.stringify({ id: 'g1', displayName: 'Zorg', members: [{ value: 'u1' }] }));
      });
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    const c = new ScimClient({ baseUrl: url, auth: { kind: 'bearer', token: 't' }, maxRetries: 0 });
    try {
      await c.addGroupMembers('g1', ['u1']);
      expect(seen).toEqual(['return=minimal']);
    } finally {
      c.close();
      await new Promise<void>((r) => other.close(() => r()));
    }
  });
});
