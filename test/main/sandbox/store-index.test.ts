import { describe, expect, it } from 'vitest';
import { SandboxStore } from '../../../src/main/sandbox/store';

const BASE = 'http://127.0.0.1:1/scim/v2';
const persoon = (userName: string, externalId: string) => ({
  userName,
  externalId,
  name: { givenName: 'Fleur', familyName: 'de Bruijn' },
});
const byExternalId = (s: SandboxStore, v: string) =>
  s.query('Users', `externalId eq "${v}"`).map((r) => r.userName);

describe('sandbox store: the externalId index', () => {
  it('finds one account per externalId, and every holder in creation order when several share one', () => {
    const s = new SandboxStore(() => Date.parse('2026-11-23T08:00:00Z'));
    const a = s.create('Users', persoon('fleur.debruijn@gemeente-voorbeeld.nl', '100231'), BASE);
    s.create('Users', persoon('fleur.debruijn2@gemeente-voorbeeld.nl', '100232'), BASE);
    expect(byExternalId(s, '100231')).toEqual(['fleur.debruijn@gemeente-voorbeeld.nl']);
    expect(byExternalId(s, '999999')).toEqual([]);
    // Another system's account with the same externalId (the sandbox does not make it unique).
    const b = s.create('Users', persoon('f.debruijn@extern.nl', '100231'), BASE);
    const c = s.create('Users', persoon('fleur@extern.nl', '100231'), BASE);
    expect(byExternalId(s, '100231')).toEqual([
      'fleur.debruijn@gemeente-voorbeeld.nl',
      'f.debruijn@extern.nl',
      'fleur@extern.nl',
    ]);
    // A changed externalId leaves the old value's holders; a deleted account leaves the index.
    s.patch('Users', b.id, { Operations: [{ op: 'replace', path: 'externalId', value: '100999' }] });
    s.delete('Users', c.id);
    expect(byExternalId(s, '100231')).toEqual(['fleur.debruijn@gemeente-voorbeeld.nl']);
    expect(byExternalId(s, '100999')).toEqual(['f.debruijn@extern.nl']);
    s.delete('Users', a.id);
    expect(byExternalId(s, '100231')).toEqual([]);
    // A replace keeps the account findable by its externalId.
    const d = s.create('Users', persoon('d.debruijn@gemeente-voorbeeld.nl', '100500'), BASE);
    s.replace('Users', d.id, { ...persoon('d.debruijn@gemeente-voorbeeld.nl', '100500'), title: 'Adviseur' });
    expect(s.query('Users', 'externalId eq "100500"').map((r) => r.title)).toEqual(['Adviseur']);
  });

  it('is made at the first externalId filter and then holds what it would have held all along', () => {
    const run = (askFirst: boolean) => {
      const s = new SandboxStore(() => Date.parse('2026-11-23T08:00:00Z'));
      if (askFirst) expect(byExternalId(s, '100231')).toEqual([]);
      const [a, b, c] = ['a', 'b', 'c'].map((n) => s.create('Users', persoon(`${n}@x.nl`, '100231'), BASE));
      s.create('Users', persoon('d@x.nl', '100232'), BASE);
      // A change moves an account to the end; another leaves the externalId; one is deleted; one is new.
      s.patch('Users', b!.id, { Operations: [{ op: 'replace', path: 'title', value: 'Jurist' }] });
      s.patch('Users', c!.id, { Operations: [{ op: 'replace', path: 'externalId', value: '100232' }] });
      s.delete('Users', a!.id);
      s.create('Users', persoon('e@x.nl', '100231'), BASE);
      return [byExternalId(s, '100231'), byExternalId(s, '100232')];
    };
    expect(run(false)).toEqual([
      ['b@x.nl', 'e@x.nl'],
      ['d@x.nl', 'c@x.nl'],
    ]);
    expect(run(true)).toEqual(run(false));
  });

  it("keeps users and groups apart: a group with an account's externalId is not found as that account", () => {
    const s = new SandboxStore(() => Date.parse('2026-11-23T08:00:00Z'));
    s.create('Groups', { displayName: 'Wijkteam Oost', externalId: '100231' }, BASE);
    expect(byExternalId(s, '100231')).toEqual([]);
    s.create('Users', persoon('fleur.debruijn@gemeente-voorbeeld.nl', '100231'), BASE);
    expect(byExternalId(s, '100231')).toEqual(['fleur.debruijn@gemeente-voorbeeld.nl']);
    expect(s.query('Groups', 'externalId eq "100231"').map((g) => g.displayName)).toEqual(['Wijkteam Oost']);
  });
});

describe('sandbox store: a request body it may keep', () => {
  const text = (o: object) => JSON.stringify(o).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID');
  const clock = () => Date.parse('2026-11-23T08:00:00Z');
  it('is stored as its copy would be (same keys, same order, same text), and a body with id, meta or groups is copied', () => {
    const bodies = [
      // schemas in the middle, no `active`: schemas keeps its place, active comes last.
      '{"externalId":"100231","schemas":["x"],"userName":"fleur.debruijn@gemeente-voorbeeld.nl","name":{"givenName":"Fleur","familyName":"de Bruijn"},"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Zorg"}}',
      '{"userName":"jan.dejong@gemeente-voorbeeld.nl","active":false,"title":"Wijkverpleegkundige \\"Noord\\""}',
      // What the store never keeps: a client's id, meta and group list; an own "__proto__" key stays data.
      '{"id":"mijn-eigen-id","userName":"piet.devries@gemeente-voorbeeld.nl","meta":{"version":"W/\\"9\\""},"groups":[{"value":"g"}],"__proto__":{"x":1}}',
    ];
    const kept = new SandboxStore(clock);
    const copied = new SandboxStore(clock);
    for (const b of bodies) {
      const body = JSON.parse(b) as Record<string, unknown>;
      const leaveOut = 'id' in body;
      const r = kept.create('Users', body, BASE, true);
      const c = copied.create('Users', JSON.parse(b), BASE);
      expect(text(r)).toBe(text(c));
      expect(Object.keys(r)).toEqual(Object.keys(c));
      // Completed in place only when there was nothing to leave out.
      expect(r === body).toBe(!leaveOut);
    }
    const third = kept.query('Users', 'userName eq "piet.devries@gemeente-voorbeeld.nl"')[0]!;
    expect(third.id).not.toBe('mijn-eigen-id');
    expect(Object.keys(third)).toEqual(['userName', '__proto__', 'schemas', 'active', 'id', 'meta']);
    expect(Object.getPrototypeOf(third)).toBe(Object.prototype);
    const [first, second] = kept.query('Users');
    expect(Object.keys(first!)).toEqual([
      'externalId',
      'schemas',
      'userName',
      'name',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'active',
      'id',
      'meta',
    ]);
    expect(first!.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    expect(Object.keys(second!)).toEqual(['userName', 'active', 'title', 'schemas', 'id', 'meta']);
    expect(second!.active).toBe(false);
  });
});
