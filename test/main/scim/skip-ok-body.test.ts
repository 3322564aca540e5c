import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
