import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScimClient, ScimConflictError, ScimListingError } from '../../../src/main/scim';
import { applyPlan } from '../../../src/main/sync';
import { employee, planFor } from '../../support/scim-fixtures';
import { startOtherServer, type Quirks } from './other-server';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function other(quirks: Quirks) {
  const s = await startOtherServer('vendor-token', quirks);
  const c = new ScimClient({
    baseUrl: s.url,
    auth: { kind: 'bearer', token: 'vendor-token' },
    pageSize: 10,
    retryBaseMs: 1,
    retryMaxMs: 5,
    maxRetries: 2,
  });
  cleanup.push(
    () => s.stop(),
    () => c.close(),
  );
  return { s, c };
}

describe('SCIM client against a server with quirks', () => {
  it.each<[string, Quirks]>([
    ['short pages (3 per page) with a correct totalResults', { maxPage: 3 }],
    ['a totalResults that is too small', { totalResults: -5 }],
    ['no totalResults at all', { totalResults: 'missing' }],
  ])('lists every user with %s', async (_, quirks) => {
    const { s, c } = await other(quirks);
    for (let i = 0; i < 23; i++)
      s.users.push({ id: `id-${i}`, userName: `medewerker${i}@gemeente-demo.nl`, _v: 1 });
    const users = await c.listUsers();
    expect(users.map((u) => u.id)).toEqual(s.users.map((u) => u.id));
  });

  it('refuses a listing that falls short of totalResults, also after re-reading from startIndex 0', async () => {
    const { s, c } = await other({ totalResults: 7, maxPage: 5 });
    for (let i = 0; i < 12; i++)
      s.users.push({ id: `id-${i}`, userName: `medewerker${i}@gemeente-demo.nl`, _v: 1 });
    const err = await c.listUsers().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScimListingError);
    expect((err as Error).message).toMatch(
      /GET \/Users: the listing cannot be trusted — it listed 12 of the 19/,
    );
    // The first pass, the empty page that ends it, and the one re-read from startIndex 0.
    expect(
      s.seen.filter((r) => r.url.startsWith('/Users?')).map((r) => r.url.replace(/&count=\d+/, '')),
    ).toEqual([
      '/Users?startIndex=1',
      '/Users?startIndex=6',
      '/Users?startIndex=11',
      '/Users?startIndex=13',
      '/Users?startIndex=0',
    ]);
  });

  it('falls back to local filtering when filters are unsupported, and treats >1 match as a conflict', async () => {
    const { s, c } = await other({ noFilter: true });
    s.users.push(
      { id: 'a', userName: 'femke.dejong@gemeente-demo.nl', externalId: 'E1', _v: 1 },
      { id: 'b', userName: 'f.dejong@gemeente-demo.nl', externalId: 'E2', _v: 1 },
      { id: 'c', userName: 'fd@gemeente-demo.nl', externalId: 'E2', _v: 1 },
    );
    expect((await c.findUserByExternalId('E1'))?.id).toBe('a');
    expect(c.filterUnsupported).toBe(true);
    expect(await c.findUserByExternalId('e1')).toBeNull();
    await expect(c.findUserByExternalId('E2')).rejects.toBeInstanceOf(ScimConflictError);
  });

  it('reads a missing resource answered with 500 as missing', async () => {
    const { c } = await other({ errorForMissing: true, noFilter: true });
    expect(await c.getUser('does-not-exist')).toBeNull();
  });

  it('applies a plan without ETags (no If-Match sent), without filters, and never deletes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-interop-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const { s, c } = await other({
      noEtags: true,
      noFilter: true,
      errorForMissing: true,
      maxPage: 4,
      totalResults: 'missing',
    });
    const users = Array.from({ length: 9 }, (_, i) => employee(i));
    const first = await applyPlan(await planFor(c, users), { client: c, journalPath: join(dir, 'a.jsonl') });
    expect(first.failed).toBe(0);
    expect(s.users).toHaveLength(9);
    const day2 = users.map((u, i) =>
      i === 4
        ? { ...u, active: false }
        : i === 5
          ? { ...u, attributes: { ...u.attributes, title: 'Beleidsmedewerker' } }
          : u,
    );
    const plan = await planFor(c, day2);
    expect(plan.counts).toMatchObject({ deactivate: 1, update: 1, noop: 7, create: 0 });
    expect((await applyPlan(plan, { client: c, journalPath: join(dir, 'b.jsonl') })).failed).toBe(0);
    expect(s.users.find((u) => u.externalId === 'E10004')?.active).toBe(false);
    expect(s.users.find((u) => u.externalId === 'E10005')?.title).toBe('Beleidsmedewerker');
    expect(s.seen.filter((r) => r.ifMatch)).toEqual([]);
    expect(s.seen.filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});
