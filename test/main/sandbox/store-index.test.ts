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
});
