import { describe, expect, it } from 'vitest';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, serializePlan } from '../../../src/shared/plan';
import { CompactCreate, compactCreates } from '../../../src/shared/plan/compact';
import type { Plan } from '../../../src/shared/plan/types';
import { ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA, WORK_EMAIL } from '../../../src/shared/scim/fields';

const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;
const LOCATION = `${PLEK_PROFILE_SCHEMA}:location`;
const GIVEN = ['Jan', 'Zoë', 'Anouk', 'Joël', 'Fleur'];
const FAMILY = ['Meer', "'t Hoen", 'Öztürk', 'de Vries', 'Bakker'];

function medewerker(i: number): MappedUser {
  const local = `medewerker.${i}`;
  return {
    row: i + 2,
    key: String(100000 + i),
    attributes: {
      ...(i % 10 === 3 ? {} : { userName: `${local}@gemeente-voorbeeld.nl` }),
      'name.givenName': GIVEN[i % 5]!,
      'name.familyName': FAMILY[i % 5]!,
      'name.middleName': i % 3 ? null : 'van der',
      [WORK_EMAIL]: `${local}@gemeente-voorbeeld.nl`,
      title: i % 2 ? 'Verpleegkundige' : 'Medewerker Burgerzaken',
      [LOCATION]: i % 4 ? "'s-Hertogenbosch" : null,
      [MANAGER]: i > 0 ? '100000' : null,
    },
    active: true,
    groups: [],
    trace: {},
  };
}

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
});
