import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../src/shared/engine/compile';
import { mapRecords } from '../../../src/shared/engine/run';
import type { MappedUser } from '../../../src/shared/engine/types';
import { parseMapping } from '../../../src/shared/mapping/load';
import { computePlan, type ComputePlanInput } from '../../../src/shared/plan';
import type { ScimUser } from '../../../src/shared/scim/resource';
import type { SourceRecord } from '../../../src/shared/source/types';

/**
 * NamePrefix/NameWithoutPrefix now split glued prefixes ("d'Ancona" → "d'" + "Ancona", "van't Hek" → "van't" +
 * "Hek"). A login schema built on the name without prefix therefore computes a different login for these people
 * than before ("r.dancona" became "r.ancona"). A login, once in Plek, belongs to its account: the plan keeps the
 * account's current userName and only a newcomer gets the new form.
 */
const compiled = (() => {
  const parsed = parseMapping({
    version: 1,
    name: 'Gemeente Voorbeeld',
    source: { kind: 'csv', path: 'hr.csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: {
      'name.givenName': { expression: 'Trim([Roepnaam])' },
      // An older mapping: the family name without its prefix (the prefix went to middleName then).
      'name.familyName': { expression: 'NameWithoutPrefix([Achternaam])' },
      'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    },
    loginSchema: {
      begin: { field: 'name.givenName', part: 'firstLetter' },
      separator: '.',
      end: { field: 'name.familyName', part: 'full' },
      domain: 'gemeente.nl',
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const c = compileMapping(parsed.mapping);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.compiled;
})();

const rows: SourceRecord[] = [
  {
    row: 2,
    values: {
      Personeelsnummer: '1001',
      Roepnaam: 'Ruud',
      Achternaam: "d'Ancona",
      'E-mailadres': 'ruud.dancona@gemeente.nl',
    },
  },
  {
    row: 3,
    values: {
      Personeelsnummer: '1002',
      Roepnaam: 'Herman',
      Achternaam: "van't Hek",
      'E-mailadres': 'herman.vanthek@gemeente.nl',
    },
  },
  {
    row: 4,
    values: {
      Personeelsnummer: '1003',
      Roepnaam: 'Rosa',
      Achternaam: "D'Hondt",
      'E-mailadres': 'rosa.dhondt@gemeente.nl',
    },
  },
];

function account(id: string, key: string, userName: string, email: string): ScimUser {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id,
    externalId: key,
    userName,
    active: true,
    emails: [{ type: 'work', value: email, primary: true }],
    meta: { version: `W/"${id}-1"` },
  };
}

function plan(targetUsers: ScimUser[]) {
  const result = mapRecords(compiled, rows, { today: '2026-12-01' });
  const users = result.outcomes.flatMap((o) => (o.status === 'mapped' ? [o.user as MappedUser] : []));
  expect(users).toHaveLength(3);
  const input: ComputePlanInput = {
    users,
    skipped: [],
    errors: [],
    targetUsers,
    targetGroups: [],
    mapping: {
      fields: {},
      linking: { matchOn: 'email', ignoreInactive: true },
      safety: { maxDeactivateCount: 25, maxDeactivatePercent: 50, minSourceRowsPercent: 80 },
    },
    target: { url: 'https://plek.example/scim/v2' },
    sourceRows: 3,
    initialImport: false,
    today: '2026-12-01',
  };
  return { result, plan: computePlan(input) };
}

describe('glued prefixes and logins', () => {
  it('computes the login from the name without its glued prefix', () => {
    const { result } = plan([]);
    expect(
      result.outcomes.map((o) => (o.status === 'mapped' ? o.user.attributes.userName : o.status)),
    ).toEqual(['r.ancona@gemeente.nl', 'h.hek@gemeente.nl', 'r.hondt@gemeente.nl']);
  });

  it('never changes the login of a linked account that got the old form', () => {
    // Ruud and Herman were created before the split knew glued prefixes; Rosa is new.
    const existing = [
      account('p-1', '1001', 'r.dancona@gemeente.nl', 'ruud.dancona@gemeente.nl'),
      account('p-2', '1002', 'h.vanthek@gemeente.nl', 'herman.vanthek@gemeente.nl'),
    ];
    const { plan: p } = plan(existing);
    const byKey = new Map(p.changes.map((c) => [c.key, c]));
    for (const key of ['1001', '1002']) {
      const change = byKey.get(key)!;
      expect(change.targetId).toBe(key === '1001' ? 'p-1' : 'p-2');
      expect(change.fields?.map((f) => f.path) ?? []).not.toContain('userName');
      expect(['noop', 'update']).toContain(change.action);
    }
    expect(byKey.get('1001')?.userName).toBe('r.dancona@gemeente.nl');
    expect(byKey.get('1002')?.userName).toBe('h.vanthek@gemeente.nl');
    expect(byKey.get('1003')).toMatchObject({ action: 'create', userName: 'r.hondt@gemeente.nl' });
    expect(p.counts.conflict).toBe(0);
  });

  it('a newcomer whose new-form login an existing account already holds gets a suffixed one', () => {
    // Someone else already holds r.ancona@ (a real "Ancona"): Ruud, new, must not take it.
    const existing = [account('p-9', '9009', 'r.ancona@gemeente.nl', 'rita.ancona@gemeente.nl')];
    const { plan: p } = plan(existing);
    const ruud = p.changes.find((c) => c.key === '1001');
    expect(ruud).toMatchObject({ action: 'create', userName: 'r.ancona_1001@gemeente.nl' });
  });
});
