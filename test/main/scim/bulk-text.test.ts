import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScimClient, ScimUserJson } from '../../../src/main/scim/client';
import { ScimUserWriter, buildScimUser, setPath, type ScimUser } from '../../../src/shared/scim/resource';

// A server that takes /Bulk but answers it with nothing the client can read (no Operations), finds nobody by
// externalId, and creates accounts one by one: the client must fall back to single creates with the same accounts.
const seen: { method: string; url: string; body: string }[] = [];
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.setHeader('content-type', 'application/scim+json');
      if (req.url?.startsWith('/ServiceProviderConfig'))
        res.end(JSON.stringify({ bulk: { supported: true } }));
      else if (req.method === 'POST' && req.url === '/Bulk') res.end('{}');
      else if (req.method === 'GET' && req.url?.startsWith('/Users'))
        res.end(JSON.stringify({ totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] }));
      else if (req.method === 'POST' && req.url === '/Users') {
        res.statusCode = 201;
        res.end(JSON.stringify({ ...(JSON.parse(body) as object), id: `id-${seen.length}` }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('createUsersBulk with accounts given as text', () => {
  it('sends the text JSON.stringify would, and creates one by one with the same accounts after an unreadable answer', async () => {
    const writer = new ScimUserWriter();
    const people = [
      {
        key: '100003',
        paths: ['displayName', 'name.familyName', 'userName'],
        values: ["Zoë van 't Hof", "van 't Hof", 'zoe.vanthof@gemeente-voorbeeld.nl'],
        manager: undefined,
      },
      {
        key: '100004',
        paths: ['displayName', `${ENTERPRISE}:department`, 'userName'],
        values: ['Pieter el Amrani', 'Ruimte en Wonen', 'pieter.elamrani@gemeente-voorbeeld.nl'],
        manager: 'id-mgr',
      },
    ];
    const build = (p: (typeof people)[number]) => (): ScimUser => {
      const r = buildScimUser(p.key, (set) => p.paths.forEach((path, i) => set(path, p.values[i]!)));
      if (p.manager) setPath(r, `${ENTERPRISE}:manager`, p.manager);
      return r;
    };
    const accounts = people.map(
      (p) => new ScimUserJson(writer.json(p.key, p.paths, p.values, p.manager)!, p.key, build(p)),
    );
    const c = new ScimClient({ baseUrl: base, auth: { kind: 'bearer', token: 't' }, maxRetries: 0 });
    const ids = await c.createUsersBulk(accounts);
    c.close();
    expect(ids).toEqual([expect.stringMatching(/^id-/), expect.stringMatching(/^id-/)]);
    const bulk = seen.find((s) => s.url === '/Bulk')!;
    expect(bulk.body).toBe(
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        Operations: people.map((p, i) => ({
          method: 'POST',
          path: '/Users',
          bulkId: `u${i}`,
          data: build(p)(),
        })),
      }),
    );
    const singles = seen.filter((s) => s.method === 'POST' && s.url === '/Users').map((s) => s.body);
    expect(singles).toEqual(people.map((p) => JSON.stringify(build(p)())));
  });
});
