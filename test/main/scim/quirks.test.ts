import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox';
import { ScimClient, ScimListingError } from '../../../src/main/scim';
import { CORE_USER_SCHEMA } from '../../../src/shared/scim/fields';
import type { ScimUser } from '../../../src/shared/scim/resource';
import { startQuirkProxy, type ScimQuirks } from '../../support/scim-quirks';
import { startScimmyServer, type ScimmyServer } from '../../support/scimmy-server';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const GIVEN = [
  'Sanne',
  'Daan',
  'Fleur',
  'Bram',
  'Noor',
  'Joël',
  'Zoë',
  'Mëlle',
  'Sem',
  'Lotte',
  'Anouk',
  'Jan',
];
const FAMILY = ['de Vries', 'van der Meer', 'Jansen', "van 't Hoek", 'Bakker', 'van den Berg'];

function person(i: number, over: Partial<ScimUser> = {}): ScimUser {
  const given = GIVEN[i % GIVEN.length] as string;
  const family = FAMILY[i % FAMILY.length] as string;
  const local = `${given}.${family}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s']/g, '')
    .toLowerCase();
  return {
    schemas: [CORE_USER_SCHEMA],
    externalId: `E${20000 + i}`,
    userName: `${local}${i}@zorggroep-demo.nl`,
    name: { givenName: given, familyName: family },
    emails: [{ type: 'work', value: `${local}${i}@zorggroep-demo.nl`, primary: true }],
    active: true,
    ...over,
  };
}

async function scimmy(): Promise<ScimmyServer> {
  const s = await startScimmyServer();
  cleanup.push(() => s.stop());
  return s;
}

async function target(quirks: ScimQuirks | null, pageSize = 500) {
  const s = await scimmy();
  const proxy = quirks ? await startQuirkProxy(s.url, quirks) : null;
  if (proxy) cleanup.push(() => proxy.stop());
  const c = new ScimClient({
    baseUrl: proxy?.url ?? s.url,
    auth: { kind: 'bearer', token: s.token },
    pageSize,
    retryBaseMs: 1,
    retryMaxMs: 5,
    maxRetries: 2,
  });
  cleanup.push(() => c.close());
  return { s, proxy, c };
}

describe('SCIM client against SCIMMY (a third-party SCIM implementation)', () => {
  it("creates through SCIMMY's /Bulk (string status, location only) and reads the ids from location", async () => {
    const { s, c } = await target(null);
    expect(await c.bulkMaxOperations()).toBe(1000);
    const ids = await c.createUsersBulk([person(0), person(1), person(2)]);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids)).toEqual(new Set(s.users.keys()));
    expect(c.counters.recoveredCreates).toBe(0);
  });

  it("learns from SCIMMY's 400 noTarget that value-filter paths do not work, and writes whole attributes", async () => {
    const { s, c } = await target(null);
    const [id] = (await c.createUsersBulk([person(3)])) as string[];
    expect(c.writeStrategy).toBe('valuePath');
    await c.updateUser(id as string, [
      { op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+31 6 1234 5678' },
      { op: 'replace', path: 'title', value: 'Wijkverpleegkundige' },
    ]);
    expect(c.writeStrategy).toBe('wholeAttribute');
    expect(c.warnings.join('\n')).toMatch(
      /refused a value-filter path .*noTarget.*written as whole attributes/,
    );
    const stored = s.users.get(id as string) as Record<string, unknown>;
    expect(stored.phoneNumbers).toEqual([{ type: 'mobile', value: '+31 6 1234 5678' }]);
    expect(stored.title).toBe('Wijkverpleegkundige');
    // Clearing it removes the entry itself.
    await c.updateUser(id as string, [{ op: 'remove', path: 'phoneNumbers[type eq "mobile"].value' }]);
    expect((s.users.get(id as string) as Record<string, unknown>).phoneNumbers).toBeUndefined();
  });
});

describe('SCIM client against SCIMMY behind the quirk layer', () => {
  it.each<[string, ScimQuirks['bulkStatus']]>([
    ['{code: "201"} (SCIM 1.1 style)', 'object'],
    ['a number', 'number'],
    ['a string with location and version only', 'string'],
  ])('reads a bulk status given as %s without looking anything up', async (_, bulkStatus) => {
    const { s, proxy, c } = await target({ bulkStatus });
    const ids = await c.createUsersBulk([person(0), person(1), person(2), person(3)]);
    expect(ids.map((id) => (typeof id === 'string' ? 'id' : String(id)))).toEqual(['id', 'id', 'id', 'id']);
    expect(new Set(ids)).toEqual(new Set(s.users.keys()));
    expect(proxy?.seen.filter((r) => r.method === 'GET' && r.url.startsWith('/Users'))).toEqual([]);
  });

  it('looks the accounts up by externalId when it cannot read a bulk answer, instead of calling them failed', async () => {
    const { s, c } = await target({ bulkStatus: 'unreadable' });
    const batch = [person(4), person(5), person(6)];
    const ids = await c.createUsersBulk(batch);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(s.users.size).toBe(3);
    expect(ids.map((id) => s.users.get(id as string)?.externalId)).toEqual(batch.map((b) => b.externalId));
    expect(c.counters.recoveredCreates).toBe(3);
  });

  it('creates one by one when /Bulk answers 501 although the configuration offers it', async () => {
    const { s, proxy, c } = await target({ bulkEndpointStatus: 501 });
    const ids = await c.createUsersBulk([person(1), person(2)]);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids)).toEqual(new Set(s.users.keys()));
    expect(proxy?.seen.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      '/Bulk',
      '/Users',
      '/Users',
    ]);
    expect(c.warnings).toEqual(['POST /Bulk: HTTP 501: /Bulk refused, accounts are created one by one']);
  });

  it('reads active "True"/"False" as booleans on lists and single reads', async () => {
    const { c } = await target({ stringBooleans: true });
    const ids = (await c.createUsersBulk([person(7), person(8, { active: false })])) as string[];
    const users = await c.listUsers();
    expect(users.map((u) => [u.externalId, u.active])).toEqual([
      ['E20007', true],
      ['E20008', false],
    ]);
    expect((await c.getUser(ids[1] as string))?.user.active).toBe(false);
  });

  it('recovers the resource a 0-based startIndex drops from the first page, and says so (sandbox behind the quirk)', async () => {
    const h = await startSandbox({ staticToken: 'quirk-token' });
    cleanup.push(() => h.stop());
    const proxy = await startQuirkProxy(h.url, { zeroBasedPaging: true });
    cleanup.push(() => proxy.stop());
    const c = new ScimClient({
      baseUrl: proxy.url,
      auth: { kind: 'bearer', token: 'quirk-token' },
      pageSize: 5,
    });
    cleanup.push(() => c.close());
    const all = Array.from({ length: 12 }, (_, i) => person(i));
    await c.createUsersBulk(all);
    const listed = await c.listUsers();
    expect(listed.map((u) => u.externalId).sort()).toEqual(all.map((u) => u.externalId).sort());
    expect(c.warnings).toEqual([
      "GET /Users: the target's paging skipped 1 resource (it listed 11 of the 12 resources it reports; a 0-based startIndex?); read again from startIndex 0, the listing is complete",
    ]);
    expect(proxy.seen.filter((r) => r.url.startsWith('/Users?')).map((r) => r.url)).toEqual([
      '/Users?startIndex=1&count=5',
      '/Users?startIndex=6&count=5',
      '/Users?startIndex=11&count=5',
      '/Users?startIndex=12&count=5',
      '/Users?startIndex=0&count=5',
    ]);
    // A lookup of the first account (which the 0-based first page skips) still finds it.
    expect((await c.findUserByExternalId('E20000'))?.externalId).toBe('E20000');
  });

  it('lists everything from SCIMMY behind a 0-based startIndex (SCIMMY answers a startIndex past the end with its first page)', async () => {
    const { s, c } = await target({ zeroBasedPaging: true }, 5);
    const all = Array.from({ length: 12 }, (_, i) => person(i));
    await c.createUsersBulk(all);
    const listed = await c.listUsers();
    expect(listed.map((u) => u.externalId).sort()).toEqual(all.map((u) => u.externalId).sort());
    expect(listed).toHaveLength(s.users.size);
  });

  it('stops with a clear error when the listing falls short of totalResults', async () => {
    const { c } = await target({ totalResultsOffset: 2 }, 5);
    await c.createUsersBulk(Array.from({ length: 7 }, (_, i) => person(i)));
    const err = await c.listUsers().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScimListingError);
    expect((err as Error).message).toMatch(
      /it listed 7 of the 9 .* No plan is made from an incomplete listing/,
    );
  });

  it('reports a failing /ServiceProviderConfig instead of silently switching ETags and Bulk off', async () => {
    const { c } = await target({ serviceProviderConfigStatus: 500 });
    const d = await c.discovery();
    expect(d.bulkMaxOperations).toBe(0);
    expect(d.etag).toBe(false);
    expect(d.warnings).toEqual([
      'GET /ServiceProviderConfig: HTTP 500 — configuration store unavailable; ETags and /Bulk are off for this run',
    ]);
  });

  it('says a /ServiceProviderConfig that is not there (404, 501) is not published, not that the server failed', async () => {
    for (const status of [404, 501]) {
      const { c, proxy } = await target({ serviceProviderConfigStatus: status });
      const d = await c.discovery();
      expect(d.bulkMaxOperations).toBe(0);
      expect(d.etag).toBe(false);
      expect(d.warnings).toEqual([
        `GET /ServiceProviderConfig answered HTTP ${status}: the target publishes no configuration; ETags and /Bulk are off for this run`,
      ]);
      expect(d.warningMessages).toEqual([{ code: 'report.warning.spcMissing', params: { status } }]);
      // Asked once: an endpoint that is not there is not retried.
      expect(proxy!.seen.filter((r) => r.url.endsWith('/ServiceProviderConfig'))).toHaveLength(1);
    }
  });

  it('reads a 500 for an unknown id as missing, and works without filter support', async () => {
    const { c } = await target({ errorForUnknownId: true, noFilter: true });
    await c.createUsersBulk([person(9)]);
    expect(await c.getUser('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect((await c.findUserByExternalId('E20009'))?.userName).toMatch(/^lotte\.vanthoek9@/);
    expect(c.filterUnsupported).toBe(true);
  });

  it('keeps a primary home email when the work email changes (whole attribute)', async () => {
    const { s, c } = await target({ homePrimaryEmail: true });
    const [id] = (await c.createUsersBulk([person(10)])) as string[];
    const before = await c.getUser(id as string);
    expect(before?.user.emails).toEqual([
      { type: 'home', value: 'anouk.bakker10.prive@thuismail.example', primary: true },
      { type: 'work', value: 'anouk.bakker10@zorggroep-demo.nl', primary: false },
    ]);
    const strict = new ScimClient({
      baseUrl: c.baseUrl,
      auth: { kind: 'bearer', token: s.token },
      writeStrategy: 'wholeAttribute',
    });
    cleanup.push(() => strict.close());
    await strict.updateUser(id as string, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'anouk.devries@zorggroep-demo.nl' },
    ]);
    expect((s.users.get(id as string) as { emails: unknown }).emails).toEqual([
      { type: 'home', value: 'anouk.bakker10.prive@thuismail.example', primary: true },
      { type: 'work', value: 'anouk.devries@zorggroep-demo.nl', primary: false },
    ]);
  });
});
