import { describe, expect, it } from 'vitest';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, serializePlan } from '../../../src/shared/plan';
import { CompactCreate, compactCreates, fieldManagerKey } from '../../../src/shared/plan/compact';
import type { Plan } from '../../../src/shared/plan/types';
import { WORK_EMAIL } from '../../../src/shared/scim/fields';
import { LOCATION, MANAGER, medewerker } from '../../fixtures/plan-users';

function importPlan(rows = 200): Plan {
  return computePlan({
    users: Array.from({ length: rows }, (_, i) => medewerker(i)),
    skipped: [{ row: 300, key: '9', reason: 'out of scope: Stagiair' }],
    errors: [],
    targetUsers: [],
    targetGroups: [],
    mapping: {
      fields: { [LOCATION]: { nullPolicy: 'fillIfEmpty' } },
      linking: { matchOn: 'email', ignoreInactive: true },
      safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
    },
    target: { url: 'sandbox:/tmp/x' },
    sourceRows: rows + 1,
    initialImport: true,
    today: '2026-11-23',
  });
}

/** The plan as plain data (what a plan held before compacting), independent of the objects holding it. */
const data = (plan: Plan): unknown => JSON.parse(JSON.stringify(plan));

describe('compact creates', () => {
  it('holds creates as rows of values and reads, prints and stores them exactly as before', () => {
    const plan = importPlan(60);
    const before = data(plan);
    const fieldsBefore = plan.changes.map((c) => c.fields);
    const keysBefore = plan.changes.map((c) => Object.keys(c).filter((k) => k !== 'fields'));
    const file = serializePlan(plan);
    expect(compactCreates(plan)).toBe(plan);
    const creates = plan.changes.filter((c) => c.action === 'create');
    expect(creates.length).toBeGreaterThan(50);
    expect(creates.every((c) => c instanceof CompactCreate)).toBe(true);
    // The same fields (the manager created in this run, the fillIfEmpty policy of the location), keys and JSON.
    expect(plan.changes.map((c) => c.fields)).toEqual(fieldsBefore);
    expect(creates[1]!.fields!.find((f) => f.managerKey !== undefined)).toEqual({
      path: MANAGER,
      before: null,
      after: null,
      op: 'add',
      policy: 'keep',
      managerKey: '100000',
    });
    expect(plan.changes.map((c) => Object.keys(c))).toEqual(keysBefore);
    expect(data(plan)).toEqual(before);
    expect(JSON.stringify(plan, null, 2)).toBe(JSON.stringify(before, null, 2));
    expect(serializePlan(plan)).toBe(file);
  });

  it('leaves a create the table cannot hold as it is (a field with a before value, another policy per create)', () => {
    const plan = importPlan(20);
    const creates = plan.changes.filter((c) => c.action === 'create');
    creates[0]!.fields![0] = { ...creates[0]!.fields![0]!, before: 'x', op: 'replace' };
    creates[2]!.fields = creates[2]!.fields!.map((f) => ({ ...f, policy: 'overwrite' as const }));
    const before = data(plan);
    const file = serializePlan(plan);
    compactCreates(plan);
    const after = plan.changes.filter((c) => c.action === 'create');
    expect(after[0]).not.toBeInstanceOf(CompactCreate);
    expect(after[2]).toBeInstanceOf(CompactCreate);
    expect(after[2]!.fields!.every((f) => f.policy === 'overwrite')).toBe(true);
    expect(data(plan)).toEqual(before);
    expect(serializePlan(plan)).toBe(file);
  });

  it('made compact by computePlan: the same plan, file, fields and keys as compacting the plain plan', () => {
    // Messy rows: a login from the work email, a userName that is a boolean, managers created in this run, in
    // Plek, or nowhere, a location left to fillIfEmpty, inactive people, rows that update existing accounts.
    const users = Array.from({ length: 80 }, (_, i): MappedUser => {
      const u = medewerker(i);
      const a = u.attributes;
      if (i % 13 === 5) a.userName = false;
      // Half report to 100001 (created in this run), half to 100000, whose login is taken in Plek (a conflict).
      if (i > 1 && i % 2) a[MANAGER] = '100001';
      if (i % 7 === 4) a[MANAGER] = i % 2 ? 'onbekend-999' : 'E-PLEK-1';
      if (i % 11 === 6) a[WORK_EMAIL] = '';
      if (i % 9 === 8) a.title = true;
      // A field only some rows have (rows without a userName have a nickname).
      if (i % 10 === 3) a.nickName = 'Joop';
      // An empty manager cell: no manager field and no note (as a plain create has it).
      if (i % 19 === 10) a[MANAGER] = '';
      // Now and then the same attributes in another order (each user's own path list, sorted).
      const attributes = i % 6 === 2 ? Object.fromEntries(Object.entries(a).reverse()) : a;
      return { ...u, attributes, active: i % 17 !== 3, groups: i % 3 ? ['Zorg'] : [] };
    });
    const input = (compact: boolean): Parameters<typeof computePlan>[0] => ({
      users: structuredClone(users),
      skipped: [{ row: 30, key: '9', reason: 'out of scope: Stagiair' }],
      errors: [{ row: 41, key: '100039', message: 'start date 31-02-2024 is not a date' }],
      targetUsers: [
        {
          schemas: [],
          id: 'p-1',
          externalId: 'E-PLEK-1',
          userName: 'teamleider@gemeente-voorbeeld.nl',
          active: true,
        },
        {
          schemas: [],
          id: 'p-2',
          externalId: '100004',
          userName: 'medewerker.4@gemeente-voorbeeld.nl',
          title: 'Oud',
        },
        { schemas: [], id: 'p-3', userName: 'medewerker.6@gemeente-voorbeeld.nl', active: true },
        { schemas: [], id: 'p-9', externalId: 'X-9', userName: 'medewerker.0@gemeente-voorbeeld.nl' },
      ],
      targetGroups: [],
      mapping: {
        fields: { [LOCATION]: { nullPolicy: 'fillIfEmpty' }, title: { nullPolicy: 'overwrite' } },
        linking: { matchOn: 'email', ignoreInactive: true },
        safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
      },
      target: { url: 'sandbox:/tmp/x' },
      sourceRows: 82,
      initialImport: true,
      today: '2026-11-23',
      ...(compact ? { compact: true } : {}),
    });
    const plain = computePlan(input(false));
    const file = serializePlan(plain);
    const before = data(plain);
    const fields = plain.changes.map((c) => c.fields);
    compactCreates(plain);
    const keys = plain.changes.map((c) => Object.keys(c));
    const made = computePlan(input(true));
    expect(made.changes.map((c) => c.constructor)).toEqual(plain.changes.map((c) => c.constructor));
    const creates = made.changes.filter((c) => c.action === 'create');
    expect(creates.filter((c) => c instanceof CompactCreate).length).toBeGreaterThan(50);
    // The boolean userName keeps its fields (two userName fields do not fit the table), as when compacted.
    const kept = creates.filter((c) => !(c instanceof CompactCreate));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((c) => c.key)).toEqual(
      plain.changes.filter((c) => c.action === 'create' && !(c instanceof CompactCreate)).map((c) => c.key),
    );
    expect(made.changes.map((c) => c.fields)).toEqual(fields);
    expect(made.changes.map((c) => Object.keys(c))).toEqual(keys);
    expect(made.changes.some((c) => c.reason.includes('onbekend-999'))).toBe(true);
    // Managers created in this run, and dependents of the one that is not (its warning, no manager field).
    expect(creates.filter((c) => fieldManagerKey(c) === '100001').length).toBeGreaterThan(20);
    expect(creates.filter((c) => c.warnings?.some((w) => w.includes('(100000)'))).length).toBeGreaterThan(10);
    expect(data(made)).toEqual(before);
    expect(serializePlan(made)).toBe(file);
    expect(made.safety).toEqual(plain.safety);
    // Each create has its own row's fields: the nickname exactly where the row has one.
    const nick = creates.filter((c) => c.fields!.some((f) => f.path === 'nickName')).map((c) => c.key);
    expect(nick.length).toBeGreaterThan(3);
    expect(nick).toEqual(creates.filter((c) => Number(c.key) % 10 === 3).map((c) => c.key));
  });
});
