import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSandboxState, startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA } from '../../../src/shared/scim/fields';

const handles: SandboxHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function sandbox(opts: Parameters<typeof startSandbox>[0] = {}) {
  const h = await startSandbox({ clientSecret: 'geheim-voor-de-demo', ...opts });
  handles.push(h);
  return h;
}

async function token(h: SandboxHandle, secret = 'geheim-voor-de-demo'): Promise<Response> {
  return fetch(h.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${h.clientId}:${secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
}

async function api(
  h: SandboxHandle,
  bearer: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/scim+json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

const anouk = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  externalId: 'E2044',
  userName: 'anouk.vandenberg@zorggroep.nl',
  name: { givenName: 'Anouk', middleName: 'van den', familyName: 'Berg' },
  emails: [{ type: 'work', value: 'Anouk.vandenBerg@zorggroep.nl', primary: true }],
  [ENTERPRISE_USER_SCHEMA]: { department: 'Wijkverpleging' },
  [PLEK_PROFILE_SCHEMA]: { location: 'Düsseldorf-Süd' },
};

describe('Plek sandbox', () => {
  it('issues OAuth2 client-credentials tokens and refuses a wrong secret or missing token', async () => {
    const h = await sandbox();
    const bad = await token(h, 'fout');
    expect(bad.status).toBe(401);
    const res = await token(h);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect((await api(h, 'nope', 'GET', '/Users')).status).toBe(401);
    expect((await api(h, body.access_token, 'GET', '/Users')).status).toBe(200);
  });

  it('expires tokens after their lifetime', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const h = await sandbox({ tokenTtlSeconds: 60, now: () => now });
    const { access_token } = (await (await token(h)).json()) as { access_token: string };
    expect((await api(h, access_token, 'GET', '/Users')).status).toBe(200);
    now += 61_000;
    const expired = await api(h, access_token, 'GET', '/Users');
    expect(expired.status).toBe(401);
    expect(expired.body?.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('creates, reads, filters, patches with ETags and enforces userName uniqueness case-insensitively', async () => {
    const h = await sandbox({ staticToken: 'static-demo-token' });
    const t = 'static-demo-token';
    const created = await api(h, t, 'POST', '/Users', anouk);
    expect(created.status).toBe(201);
    const id = created.body?.id as string;
    expect(created.etag).toMatch(/^W\/"\d+"$/);
    expect(created.body?.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      ENTERPRISE_USER_SCHEMA,
      PLEK_PROFILE_SCHEMA,
    ]);

    const dup = await api(h, t, 'POST', '/Users', {
      ...anouk,
      externalId: 'E9',
      userName: 'ANOUK.VANDENBERG@zorggroep.nl',
    });
    expect(dup).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });

    for (const filter of [
      'userName eq "Anouk.VandenBerg@Zorggroep.nl"',
      'externalId eq "E2044"',
      'emails.value eq "anouk.vandenberg@zorggroep.nl"',
      'emails[type eq "work" and value co "vandenberg"]',
      `${ENTERPRISE_USER_SCHEMA}:department eq "wijkverpleging"`,
      'active eq true',
    ]) {
      const r = await api(h, t, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(r.body?.totalResults, filter).toBe(1);
    }
    expect(
      (await api(h, t, 'GET', `/Users?filter=${encodeURIComponent('externalId eq "e2044"')}`)).body
        ?.totalResults,
    ).toBe(0);
    expect((await api(h, t, 'GET', `/Users?filter=${encodeURIComponent('userName eq')}`)).body).toMatchObject(
      { scimType: 'invalidFilter' },
    );

    const patch = (ops: unknown[], ifMatch?: string) =>
      api(
        h,
        t,
        'PATCH',
        `/Users/${id}`,
        { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: ops },
        ifMatch ? { 'if-match': ifMatch } : {},
      );
    const stale = await patch([{ op: 'replace', path: 'title', value: 'Teamleider' }], 'W/"999"');
    expect(stale.status).toBe(412);
    const ok = await patch(
      [
        { op: 'replace', path: 'title', value: 'Teamleider' },
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: `${PLEK_PROFILE_SCHEMA}:location`, value: 'Zwolle' },
      ],
      created.etag ?? undefined,
    );
    expect(ok.status).toBe(200);
    expect(ok.etag).not.toBe(created.etag);
    expect(ok.body).toMatchObject({
      title: 'Teamleider',
      active: false,
      [PLEK_PROFILE_SCHEMA]: { location: 'Zwolle' },
    });
    const got = await api(h, t, 'GET', `/Users/${id}`);
    expect(got.etag).toBe(ok.etag);

    expect((await api(h, t, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await api(h, t, 'GET', `/Users/${id}`)).status).toBe(404);
    expect(h.stats().byMethod.DELETE).toBe(1);
  });

  it.each([
    ['plek (the default)', undefined, 400],
    ['permissive', 'permissive' as const, 200],
  ])(
    'profile %s: a value-filter PATCH path answers %i; replacing the whole attribute always works',
    async (_, profile, filtered) => {
      const h = await sandbox({ staticToken: 'tok', ...(profile ? { profile } : {}) });
      const created = await api(h, 'tok', 'POST', '/Users', anouk);
      const id = created.body?.id as string;
      const patch = (ops: unknown[]) =>
        api(h, 'tok', 'PATCH', `/Users/${id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: ops,
        });
      const viaFilter = await patch([
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'anouk.berg@zorggroep.nl' },
      ]);
      expect(viaFilter.status).toBe(filtered);
      if (filtered === 400) {
        expect(viaFilter.body).toMatchObject({ scimType: 'invalidPath' });
        expect(String(viaFilter.body?.detail)).toMatch(/Plek does not process value-filter paths/);
        // Nothing of a refused PATCH is applied.
        expect((await api(h, 'tok', 'GET', `/Users/${id}`)).body?.emails).toEqual(anouk.emails);
      }
      const whole = await patch([
        {
          op: 'replace',
          path: 'emails',
          value: [
            { type: 'home', value: 'anouk@thuis.nl' },
            { type: 'work', value: 'anouk.berg@zorggroep.nl', primary: true },
          ],
        },
      ]);
      expect(whole.status).toBe(200);
      expect(whole.body?.emails).toHaveLength(2);
    },
  );

  it('pages with startIndex/count and reports totalResults', async () => {
    const h = await sandbox({ staticToken: 'tok' });
    for (let i = 1; i <= 7; i++)
      await api(h, 'tok', 'POST', '/Users', { userName: `medewerker${i}@demo.nl`, externalId: `E${i}` });
    const page = await api(h, 'tok', 'GET', '/Users?startIndex=3&count=2');
    expect(page.body).toMatchObject({ totalResults: 7, startIndex: 3, itemsPerPage: 2 });
    expect((page.body?.Resources as { externalId: string }[]).map((r) => r.externalId)).toEqual(['E3', 'E4']);
  });

  it('runs /Bulk operations and groups with add-only PATCH', async () => {
    const h = await sandbox({ staticToken: 'tok' });
    const bulk = await api(h, 'tok', 'POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'a', data: { userName: 'jan@demo.nl', externalId: 'E1' } },
        { method: 'POST', path: '/Users', bulkId: 'b', data: { userName: 'JAN@demo.nl', externalId: 'E2' } },
        { method: 'POST', path: '/Groups', bulkId: 'g', data: { displayName: 'Zorg' } },
      ],
    });
    const ops = bulk.body?.Operations as { status: string; bulkId: string; location?: string }[];
    expect(ops.map((o) => [o.bulkId, o.status])).toEqual([
      ['a', '201'],
      ['b', '409'],
      ['g', '201'],
    ]);
    const groupId = ops[2]?.location?.split('/').pop() as string;
    const userId = ops[0]?.location?.split('/').pop() as string;
    const add = () =>
      api(h, 'tok', 'PATCH', `/Groups/${groupId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
      });
    await add();
    const again = await add();
    expect(again.body?.members).toEqual([{ value: userId }]);
  });

  it('answers a PATCH with 204 and the ETag, without the resource, when the client prefers return=minimal', async () => {
    const h = await sandbox({ staticToken: 'tok' });
    const group = await api(h, 'tok', 'POST', '/Groups', { displayName: 'Wijkverpleging Oost' });
    const user = await api(h, 'tok', 'POST', '/Users', anouk);
    const groupId = group.body?.id as string;
    const patch = (value: string, prefer?: string) =>
      fetch(`${h.url}/Groups/${groupId}`, {
        method: 'PATCH',
        headers: {
          authorization: 'Bearer tok',
          'content-type': 'application/scim+json',
          ...(prefer !== undefined ? { prefer } : {}),
        },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'add', path: 'members', value: [{ value }] }],
        }),
      });
    const minimal = await patch(user.body?.id as string, 'respond-async, return="minimal"; x=1');
    expect(minimal.status).toBe(204);
    expect(await minimal.text()).toBe('');
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    const now = await api(h, 'tok', 'GET', `/Groups/${groupId}`);
    expect(minimal.headers.get('etag')).toBe(now.etag);
    expect(now.body?.members).toEqual([{ value: user.body?.id }]);
    // Without the preference (or with return=representation) the whole group comes back, as before.
    for (const prefer of [undefined, 'return=representation']) {
      const full = await patch('ander-id', prefer);
      expect(full.status).toBe(200);
      expect(((await full.json()) as { members: unknown[] }).members).toHaveLength(2);
    }
    // An error answer stays an error answer.
    const refused = await fetch(`${h.url}/Groups/bestaat-niet`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer tok', prefer: 'return=minimal' },
      body: '{"Operations":[]}',
    });
    expect(refused.status).toBe(404);
  });

  it('serves /Schemas with the Plek profile extension, /ResourceTypes and /ServiceProviderConfig', async () => {
    const h = await sandbox({ staticToken: 'tok' });
    const schemas = await api(h, 'tok', 'GET', '/Schemas');
    const profile = (
      schemas.body?.Resources as { id: string; attributes: { name: string; description: string }[] }[]
    ).find((s) => s.id === PLEK_PROFILE_SCHEMA);
    expect(profile?.attributes.find((a) => a.name === 'location')?.description).toBe('Locatie');
    expect((await api(h, 'tok', 'GET', '/ServiceProviderConfig')).body).toMatchObject({
      etag: { supported: true },
      bulk: { supported: true },
    });
    expect((await api(h, 'tok', 'GET', '/ResourceTypes/User')).body).toMatchObject({ endpoint: '/Users' });
  });

  it('answers 429 with Retry-After above its rate limit', async () => {
    const h = await sandbox({ staticToken: 'tok', rateLimit: { perMinute: 60 } });
    const first = await api(h, 'tok', 'GET', '/Users');
    const second = await fetch(`${h.url}/Users`, { headers: { authorization: 'Bearer tok' } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('replaces a user with PUT (If-Match checked), and injects seeded 500s when asked', async () => {
    const h = await sandbox({ staticToken: 'tok' });
    const created = await api(h, 'tok', 'POST', '/Users', anouk);
    const id = created.body?.id as string;
    const put = (etag: string) =>
      api(h, 'tok', 'PUT', `/Users/${id}`, { ...anouk, title: 'Wijkverpleegkundige' }, { 'if-match': etag });
    expect((await put('W/"0"')).status).toBe(412);
    const replaced = await put(created.etag as string);
    expect(replaced.body).toMatchObject({ id, title: 'Wijkverpleegkundige', externalId: 'E2044' });

    const flaky = await sandbox({ staticToken: 'tok', faults: { errorRate: 0.5, seed: 42 } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await api(flaky, 'tok', 'GET', '/Users')).status);
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it('persists its state atomically and survives a restart; seeds only a new state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-sandbox-'));
    dirs.push(dir);
    const seed = {
      users: [{ userName: 'bestaand@demo.nl', emails: [{ type: 'work', value: 'bestaand@demo.nl' }] }],
      groups: [{ displayName: 'Iedereen', members: [{ value: 'bestaand@demo.nl' }] }],
    };
    const a = await startSandbox({ dataDir: dir, staticToken: 'tok', seed });
    await api(a, 'tok', 'POST', '/Users', anouk);
    await a.stop();
    const state = readSandboxState(dir) as unknown as {
      users: unknown[];
      groups: { members: unknown[] }[];
    };
    expect(state.users).toHaveLength(2);
    expect(state.groups[0]?.members).toHaveLength(1);
    const b = await sandbox({ dataDir: dir, staticToken: 'tok', seed });
    const list = await api(b, 'tok', 'GET', `/Users?filter=${encodeURIComponent('externalId eq "E2044"')}`);
    expect(list.body?.totalResults).toBe(1);
    expect(b.stats().users).toBe(2);
  });
});
