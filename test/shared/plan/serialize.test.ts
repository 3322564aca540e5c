import { describe, expect, it } from 'vitest';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, expandPlan, serializePlan } from '../../../src/shared/plan';
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

describe('plan file', () => {
  it('spells a create once and reads back to the identical plan', () => {
    const plan = computePlan({
      users: Array.from({ length: 200 }, (_, i) => medewerker(i)),
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
      sourceRows: 201,
      initialImport: true,
      today: '2026-11-23',
    });
    expect(plan.counts.create).toBe(200);
    const text = serializePlan(plan);
    const back = expandPlan(JSON.parse(text) as Plan);
    expect(back).toEqual(plan);
    expect(JSON.stringify(back)).toBe(JSON.stringify(plan));
    // The manager created in the same run and the fillIfEmpty location keep their full form.
    const stored = (JSON.parse(text) as { changes: { set?: object; fields?: { path: string }[] }[] })
      .changes[1];
    expect(stored?.fields?.map((f) => f.path).sort()).toEqual([MANAGER, LOCATION]);
    expect(Object.keys(stored?.set ?? {})).toContain('title');
    expect(text.length).toBeLessThan(JSON.stringify(plan, null, 2).length / 2);
  });
});
