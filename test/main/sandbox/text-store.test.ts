import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { LOG_FILE, SandboxPersistence, STATE_FILE } from '../../../src/main/sandbox/persistence';
import { SandboxStore } from '../../../src/main/sandbox/store';

// The store keeps each user as its JSON text (made once, when the user is written) and parses it again only for
// the rare request that needs the object. These tests hold the answers and the files to what the object gave.

const handles: SandboxHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const BASE = 'http://127.0.0.1:1/scim/v2';
const clock = () => Date.parse('2026-11-23T08:00:00Z');
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'plek-text-store-'));
  dirs.push(d);
  return d;
};

/** Bodies with what a text can get wrong: characters past Latin-1, an escaped lone surrogate, odd keys. */
const BODIES = [
  '{"userName":"jan.dejong@gemeente-voorbeeld.nl","externalId":"100231","name":{"givenName":"Jan","familyName":"de Jong"},"emails":[{"type":"work","value":"jan.dejong@gemeente-voorbeeld.nl","primary":true}],"title":"Adviseur"}',
  '{"externalId":"100232","schemas":["x"],"userName":"ijsbrand.ijzerman@gemeente-voorbeeld.nl","name":{"givenName":"Ĳsbrand 😀","familyName":"\\ud800 Zoë"},"n":1.0,"m":1e21,"active":false}',
  '{"userName":"piet.devries@gemeente-voorbeeld.nl","__proto__":{"x":1},"members":[{"value":"m"}],"1":"een"}',
];

/** The store of a sandbox folder, wired to its persistence as the sandbox wires it (flushes are explicit). */
function open(dir: string, compactAtBytes?: number) {
  let store: SandboxStore | null = null;
  const p = new SandboxPersistence(dir, () => store!, compactAtBytes);
  store = new SandboxStore(clock, (k, id) => p.changed(k, id));
  const saved = p.loadStored(store);
  if (saved) store.loadStored(saved);
  return { store, p };
}

describe('sandbox store: users kept as JSON text', () => {
  it('keeps the text JSON.stringify gives for the resource it answers, and parses a new copy when asked', () => {
    const s = new SandboxStore(clock);
    for (const b of BODIES) {
      const created = s.create('Users', JSON.parse(b), BASE, true);
      expect(s.users.get(created.id)!.text).toBe(JSON.stringify(created));
      expect(s.read('Users', created.id)).toEqual({
        text: JSON.stringify(created),
        version: created.meta.version,
      });
      const copy = s.get('Users', created.id);
      expect(copy).toEqual(created);
      expect(Object.keys(copy)).toEqual(Object.keys(created));
      copy.title = 'changed in the copy only';
      expect(s.get('Users', created.id).title).toBe(created.title);
    }
  });

  it('PATCHes a copy: the stored id and meta stay (even when an operation names them), the text follows', () => {
    const s = new SandboxStore(clock);
    const u = s.create('Users', JSON.parse(BODIES[0]!), BASE, true);
    const patched = s.patch('Users', u.id, {
      Operations: [
        { op: 'replace', path: 'title', value: 'Teamleider' },
        { op: 'replace', path: 'meta.created', value: 'gisteren' },
        { op: 'replace', path: 'id', value: 'mijn-id' },
      ],
    });
    expect(patched.id).toBe(u.id);
    expect(patched.meta).toEqual({ ...u.meta, version: 'W/"2"' });
    expect(patched.title).toBe('Teamleider');
    expect(s.users.get(u.id)!.text).toBe(JSON.stringify(patched));
    // Filters on the indexes and on any other attribute find it as it is now.
    expect(s.query('Users', 'title eq "teamleider"').map((r) => r.id)).toEqual([u.id]);
    expect(s.query('Users', 'externalId eq "100231"')).toEqual([patched]);
    expect(s.query('Users', `id eq "${u.id}"`)).toEqual([patched]);
    expect(s.query('Users', 'title eq "Adviseur"')).toEqual([]);
    // A stale version is refused; a replace keeps created and location.
    expect(() => s.replace('Users', u.id, { userName: 'x@x.nl' }, u.meta.version)).toThrow(
      /version mismatch/,
    );
    const replaced = s.replace('Users', u.id, { userName: 'x@x.nl' }, patched.meta.version);
    expect(replaced.meta.created).toBe(u.meta.created);
    expect(replaced.meta.location).toBe(u.meta.location);
    expect(s.users.get(u.id)!.text).toBe(JSON.stringify(replaced));
  });
});

describe('sandbox: answers made of stored texts', () => {
  it('lists pages, with and without members, as JSON.stringify of the same answer; GET in /Bulk has location and version', async () => {
    const h = await startSandbox({ staticToken: 'tok', profile: 'permissive' });
    handles.push(h);
    const call = async (method: string, path: string, body?: string) => {
      const res = await fetch(`${h.url}${path}`, {
        method,
        headers: { authorization: 'Bearer tok', 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { body }),
      });
      return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
    };
    const ids: string[] = [];
    for (const b of BODIES)
      ids.push((JSON.parse((await call('POST', '/Users', b)).text) as { id: string }).id);
    await call('POST', '/Groups', JSON.stringify({ displayName: 'Zorg', members: [{ value: ids[0] }] }));
    // A PATCH moves the account to the end of the listing (as before); the listing after it shows that.
    await call('GET', '/Users');
    await call(
      'PATCH',
      `/Users/${ids[0]}`,
      '{"Operations":[{"op":"replace","path":"title","value":"Jurist"}]}',
    );
    const order = [ids[1]!, ids[2]!, ids[0]!];
    const one = await Promise.all(order.map((id) => call('GET', `/Users/${id}`)));
    for (const r of one)
      expect(r.etag).toBe((JSON.parse(r.text) as { meta: { version: string } }).meta.version);
    const page = (resources: unknown[], total: number, startIndex: number) =>
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: total,
        startIndex,
        itemsPerPage: resources.length,
        Resources: resources,
      });
    const objects = one.map((r) => JSON.parse(r.text) as Record<string, unknown>);
    expect((await call('GET', '/Users')).text).toBe(page(objects, 3, 1));
    expect((await call('GET', '/Users?startIndex=2&count=1')).text).toBe(page(objects.slice(1, 2), 3, 2));
    expect((await call('GET', '/Users?startIndex=9')).text).toBe(page([], 3, 9));
    const withoutMembers = objects.map(({ members: _m, ...r }) => r);
    expect((await call('GET', '/Users?excludedAttributes=members')).text).toBe(page(withoutMembers, 3, 1));
    expect((await call('GET', '/Users?filter=title%20eq%20%22Jurist%22')).text).toBe(
      page([objects[2]], 1, 1),
    );
    const group = JSON.parse((await call('GET', '/Groups')).text) as { Resources: Record<string, unknown>[] };
    const { members: _m, ...bare } = group.Resources[0]!;
    expect((await call('GET', '/Groups?excludedAttributes=members')).text).toBe(page([bare], 1, 1));
    // A deleted account leaves the listing.
    expect((await call('DELETE', `/Users/${ids[1]}`)).status).toBe(204);
    expect((await call('GET', '/Users')).text).toBe(page(objects.slice(1), 2, 1));

    const bulk = await call(
      'POST',
      '/Bulk',
      JSON.stringify({ Operations: [{ method: 'GET', path: `/Users/${ids[2]}` }] }),
    );
    const meta = objects[1]!.meta as { location: string; version: string };
    expect(JSON.parse(bulk.text)).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],
      Operations: [{ method: 'GET', location: meta.location, version: meta.version, status: '200' }],
    });
  });
});

describe('sandbox persistence: users as text', () => {
  it('writes the lines JSON.stringify({ k, id, r }) gave, and reads them back to the same texts', () => {
    const dir = tempDir();
    const a = open(dir);
    const users = BODIES.map((b) => a.store.create('Users', JSON.parse(b), BASE, true));
    // A group whose text is longer than the write buffer holds (written by itself).
    const many = Array.from({ length: 6000 }, (_, i) =>
      a.store.create('Users', { userName: `m${i}@x.nl` }, BASE),
    );
    const group = a.store.create(
      'Groups',
      { displayName: 'Iedereen', members: many.map((u) => ({ value: u.id })) },
      BASE,
    );
    a.p.flush();
    const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(users.length + many.length + 2);
    for (const [i, u] of users.entries())
      expect(lines[i]).toBe(JSON.stringify({ k: 'U', id: u.id, r: a.store.get('Users', u.id) }));
    expect(lines.at(-2)).toBe(JSON.stringify({ k: 'G', id: group.id, r: a.store.get('Groups', group.id) }));
    expect(lines.at(-2)!.length).toBeGreaterThan(256 * 1024);
    expect(lines.at(-1)).toBe(JSON.stringify({ seq: a.store.sequence }));
    a.p.close();

    const b = open(dir);
    for (const u of [...users, ...many])
      expect(b.store.users.get(u.id)!.text).toBe(a.store.users.get(u.id)!.text);
    expect(b.store.read('Groups', group.id).text).toBe(a.store.read('Groups', group.id).text);
    // Through a snapshot too.
    b.p.compact();
    expect(readFileSync(join(dir, STATE_FILE), 'utf8')).toBe(JSON.stringify(b.store.toJSON()));
    b.p.close();
    const c = open(dir);
    for (const u of [...users, ...many])
      expect(c.store.users.get(u.id)!.text).toBe(a.store.users.get(u.id)!.text);
  });

  it('reads a line not written as the sandbox writes it (spaces, by hand) through its object', () => {
    const dir = tempDir();
    const a = open(dir);
    const u = a.store.create('Users', JSON.parse(BODIES[0]!), BASE, true);
    a.p.close();
    const r = { ...a.store.get('Users', u.id), title: 'Met de hand' };
    appendFileSync(
      join(dir, LOG_FILE),
      `${JSON.stringify({ k: 'U', id: u.id, r }, null, 1).replace(/\n/g, ' ')}\n`,
    );
    const b = open(dir);
    expect(b.store.users.get(u.id)!.text).toBe(JSON.stringify(r));
    expect(b.store.get('Users', u.id).title).toBe('Met de hand');
  });
});
