import { describe, expect, it } from 'vitest';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, type ComputePlanInput } from '../../../src/shared/plan';
import { ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA, WORK_EMAIL } from '../../../src/shared/scim/fields';
import type { FlatUser, ScimUser } from '../../../src/shared/scim/resource';

const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;
const DEPT = `${ENTERPRISE_USER_SCHEMA}:department`;
const LOCATION = `${PLEK_PROFILE_SCHEMA}:location`;

function user(row: number, key: string, attributes: FlatUser, extra: Partial<MappedUser> = {}): MappedUser {
  return { row, key, attributes, active: true, groups: [], trace: {}, ...extra };
}

function account(id: string, fields: Partial<ScimUser> & { email?: string }): ScimUser {
  const { email, ...rest } = fields;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id,
    active: true,
    meta: { version: `W/"${id}-1"` },
    ...(email ? { emails: [{ type: 'work', value: email, primary: true }] } : {}),
    ...rest,
  };
}

const jan = (attrs: FlatUser = {}, extra: Partial<MappedUser> = {}) =>
  user(
    2,
    'E1001',
    {
      userName: 'jan.vandermeer@demo.nl',
      'name.givenName': 'Jan',
      'name.middleName': 'van der',
      'name.familyName': 'Meer',
      [WORK_EMAIL]: 'jan.vandermeer@demo.nl',
      title: 'Verpleegkundige',
      ...attrs,
    },
    extra,
  );

function input(over: Partial<ComputePlanInput>): ComputePlanInput {
  return {
    users: [],
    skipped: [],
    errors: [],
    targetUsers: [],
    targetGroups: [],
    mapping: {
      fields: {},
      linking: { matchOn: 'email', ignoreInactive: true },
      safety: { maxDeactivateCount: 25, maxDeactivatePercent: 50, minSourceRowsPercent: 80 },
    },
    target: { url: 'http://127.0.0.1:1/scim/v2' },
    sourceRows: 10,
    initialImport: false,
    today: '2026-11-23',
    ...over,
  };
}

const janAccount = (over: Partial<ScimUser> = {}) =>
  account('u1', {
    externalId: 'E1001',
    userName: 'jan.vandermeer@demo.nl',
    email: 'jan.vandermeer@demo.nl',
    name: { givenName: 'Jan', middleName: 'van der', familyName: 'Meer' },
    title: 'Verpleegkundige',
    ...over,
  });

describe('computePlan', () => {
  it('creates a new user with every non-empty value and leaves out nulls', () => {
    const plan = computePlan(input({ users: [jan({ [DEPT]: null, [LOCATION]: 'Zwolle' })] }));
    expect(plan.counts.create).toBe(1);
    const c = plan.changes[0];
    expect(c?.action).toBe('create');
    expect(c?.fields?.map((f) => f.path)).toEqual(
      [
        WORK_EMAIL,
        'name.familyName',
        'name.givenName',
        'name.middleName',
        'title',
        LOCATION,
        'userName',
      ].sort(),
    );
  });

  it('is a noop when Plek already holds the values, and an update lists only changed fields', () => {
    expect(computePlan(input({ users: [jan()], targetUsers: [janAccount()] })).counts.noop).toBe(1);
    const plan = computePlan(
      input({ users: [jan({ title: 'Teamleider Zorg' })], targetUsers: [janAccount()] }),
    );
    expect(plan.changes[0]).toMatchObject({
      action: 'update',
      targetId: 'u1',
      version: 'W/"u1-1"',
      fields: [{ path: 'title', before: 'Verpleegkundige', after: 'Teamleider Zorg', op: 'replace' }],
    });
  });

  it.each([
    ['keep', null, 'Verpleegkundige', []],
    [
      'overwrite',
      null,
      'Verpleegkundige',
      [{ path: 'title', op: 'remove', before: 'Verpleegkundige', after: null }],
    ],
    ['overwrite', '', 'Verpleegkundige', [{ path: 'title', op: 'remove' }]],
    ['fillIfEmpty', 'Arts', 'Verpleegkundige', []],
    ['fillIfEmpty', 'Arts', undefined, [{ path: 'title', op: 'add', before: null, after: 'Arts' }]],
    ['keep', 'Arts', undefined, [{ path: 'title', op: 'add', after: 'Arts' }]],
  ] as const)('nullPolicy %s: source %j, Plek %j', (policy, source, plek, expected) => {
    const plan = computePlan(
      input({
        users: [jan({ title: source })],
        targetUsers: [janAccount({ title: plek })],
        mapping: { ...input({}).mapping, fields: { title: { nullPolicy: policy } } },
      }),
    );
    expect(plan.changes[0]?.fields ?? []).toMatchObject(expected);
    expect(plan.changes[0]?.action).toBe(expected.length ? 'update' : 'noop');
  });

  it('reads a boolean profile field sent as "True"/"False" as a boolean, and a primary home email as home', () => {
    const BHV = `${PLEK_PROFILE_SCHEMA}:bhv`;
    const entra = janAccount({
      [PLEK_PROFILE_SCHEMA]: { bhv: 'True' },
      emails: [
        { type: 'home', value: 'jan@thuis.nl', primary: true },
        { type: 'work', value: 'jan.vandermeer@demo.nl' },
      ],
    });
    expect(
      computePlan(input({ users: [jan({ [BHV]: true })], targetUsers: [entra] })).changes[0],
    ).toMatchObject({ action: 'noop' });
    expect(
      computePlan(input({ users: [jan({ [BHV]: false })], targetUsers: [entra] })).changes[0]?.fields,
    ).toEqual([{ path: BHV, before: true, after: false, op: 'replace', policy: 'keep' }]);
  });

  it('deactivates only on a source value, never on absence, and reactivates when active again', () => {
    const piet = account('u2', { externalId: 'E1002', userName: 'piet@demo.nl', email: 'piet@demo.nl' });
    const gone = account('u3', { externalId: 'E1003', userName: 'anouk@demo.nl' });
    const plan = computePlan(
      input({
        users: [
          jan({}, { active: false, deactivationReason: 'endDate 2026-10-31 is before today' }),
          user(3, 'E1002', { userName: 'piet@demo.nl' }),
        ],
        targetUsers: [janAccount(), { ...piet, active: false }, gone],
      }),
    );
    expect(plan.changes.map((c) => [c.key, c.action])).toEqual([
      ['E1001', 'deactivate'],
      ['E1002', 'reactivate'],
    ]);
    expect(plan.changes[0]?.fields).toEqual([{ path: 'active', before: true, after: false, op: 'replace' }]);
    expect(plan.changes[0]?.reason).toContain('endDate');
  });

  it('does not create a leaver who is not in Plek', () => {
    const plan = computePlan(input({ users: [jan({}, { active: false })] }));
    expect(plan.changes[0]).toMatchObject({ action: 'skipped' });
  });

  it('links on initial import by email (case and whitespace insensitive), ignoring inactive accounts', () => {
    const existing = account('p1', { userName: 'Jan.VanderMeer@Demo.nl', email: ' Jan.VanderMeer@Demo.NL ' });
    const plan = computePlan(input({ users: [jan()], targetUsers: [existing], initialImport: true }));
    expect(plan.changes[0]).toMatchObject({ action: 'link', targetId: 'p1' });
    expect(plan.changes[0]?.fields?.[0]).toEqual({
      path: 'externalId',
      before: null,
      after: 'E1001',
      op: 'add',
    });

    const inactive = computePlan(
      input({ users: [jan()], targetUsers: [{ ...existing, active: false }], initialImport: true }),
    );
    expect(inactive.changes[0]).toMatchObject({ action: 'conflict' });
    expect(inactive.changes[0]?.reason).toMatch(/already used by Plek account p1/);

    const notInitial = computePlan(input({ users: [jan()], targetUsers: [existing] }));
    expect(notInitial.changes[0]?.action).toBe('conflict');
  });

  it('lists the Plek accounts that need manual assignment on initial import', () => {
    const linked = account('p1', { userName: 'Jan.VanderMeer@Demo.nl', email: 'jan.vandermeer@demo.nl' });
    const stranger = account('p2', { userName: 'extern.adviseur@demo.nl', email: 'extern.adviseur@demo.nl' });
    const sleeping = { ...account('p3', { userName: 'oud@demo.nl', email: 'oud@demo.nl' }), active: false };
    const alreadyLinked = {
      ...account('p4', { userName: 'k@demo.nl', email: 'k@demo.nl' }),
      externalId: 'E9',
    };
    const plan = computePlan(
      input({
        users: [jan()],
        targetUsers: [linked, stranger, sleeping, alreadyLinked],
        initialImport: true,
      }),
    );
    expect(plan.manualAssignment).toEqual([
      {
        id: 'p2',
        userName: 'extern.adviseur@demo.nl',
        email: 'extern.adviseur@demo.nl',
        reason: 'no source user has this email',
      },
      {
        id: 'p3',
        userName: 'oud@demo.nl',
        email: 'oud@demo.nl',
        reason: 'inactive Plek account: never linked automatically',
      },
    ]);
    expect(computePlan(input({ users: [jan()], targetUsers: [stranger] })).manualAssignment).toBeUndefined();
  });

  it('reports a conflict when two source users match one account or a lookup is ambiguous', () => {
    const existing = account('p1', { email: 'jan.vandermeer@demo.nl' });
    const twin = user(5, 'E2001', { userName: 'j.meer@demo.nl', [WORK_EMAIL]: 'JAN.vandermeer@demo.nl' });
    const plan = computePlan(input({ users: [jan(), twin], targetUsers: [existing], initialImport: true }));
    expect(plan.changes.map((c) => c.action)).toEqual(['conflict', 'conflict']);
    expect(plan.changes[0]?.reason).toContain('rows 2, 5');

    const dup = computePlan(
      input({ users: [jan()], targetUsers: [janAccount(), janAccount({ id: 'u9', userName: 'x@demo.nl' })] }),
    );
    expect(dup.changes[0]).toMatchObject({ action: 'conflict' });
    expect(dup.changes[0]?.reason).toContain('matches 2 Plek accounts');
  });

  it('refuses to create a second account with a taken userName within the same run', () => {
    const a = user(2, 'E1', { userName: 'Sanne.deBoer@demo.nl' });
    const b = user(3, 'E2', { userName: 'sanne.deboer@demo.nl' });
    const plan = computePlan(input({ users: [a, b] }));
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'conflict']);
  });

  it('resolves managers to Plek ids, deferring managers created in this run', () => {
    const boss = account('u7', { externalId: 'E0007', userName: 'boss@demo.nl' });
    const plan = computePlan(
      input({
        users: [
          jan({ [MANAGER]: 'E0007' }),
          user(3, 'E3000', { userName: 'n@demo.nl', [MANAGER]: 'E4000' }),
          user(4, 'E4000', { userName: 'm@demo.nl' }),
        ],
        targetUsers: [janAccount(), boss],
      }),
    );
    expect(plan.changes[0]?.fields).toEqual([
      { path: MANAGER, before: null, after: 'u7', op: 'add', policy: 'keep' },
    ]);
    expect(plan.changes[1]?.fields?.find((f) => f.path === MANAGER)).toMatchObject({ managerKey: 'E4000' });
  });

  it('adds group memberships (never removes) and creates missing groups once', () => {
    const plan = computePlan(
      input({
        users: [
          jan({}, { groups: ['Zorg', 'Iedereen'] }),
          user(3, 'E3', { userName: 'x@demo.nl' }, { groups: ['zorg'] }),
        ],
        targetUsers: [janAccount()],
        targetGroups: [{ id: 'g1', displayName: 'Iedereen', members: ['u1', 'u8'] }],
      }),
    );
    expect(plan.changes.map((c) => c.op)).toEqual([
      'group:Zorg',
      'user:E1001',
      'member:Zorg:E1001',
      'user:E3',
      'member:Zorg:E3',
    ]);
    expect(plan.counts).toMatchObject({ createGroup: 1, groupAdd: 2, noop: 1, create: 1 });
  });

  it('blocks mass deactivation by count and by percentage unless allowed', () => {
    const targets = Array.from({ length: 10 }, (_, i) =>
      account(`u${i}`, { externalId: `E${i}`, userName: `u${i}@demo.nl` }),
    );
    const users = targets.map((t, i) =>
      user(i + 2, `E${i}`, { userName: `u${i}@demo.nl` }, { active: i >= 3 }),
    );
    const mapping = {
      ...input({}).mapping,
      safety: { maxDeactivateCount: 2, maxDeactivatePercent: 20, minSourceRowsPercent: 80 },
    };
    const blocked = computePlan(input({ users, targetUsers: targets, mapping }));
    expect(blocked.safety.ok).toBe(false);
    expect(blocked.safety.reasons).toHaveLength(2);
    expect(blocked.safety.deactivations).toBe(3);
    expect(
      computePlan(input({ users, targetUsers: targets, mapping, allowMassDeactivation: true })).safety.ok,
    ).toBe(true);
    const within = {
      ...mapping,
      safety: { ...mapping.safety, maxDeactivateCount: 3, maxDeactivatePercent: 30 },
    };
    expect(computePlan(input({ users, targetUsers: targets, mapping: within })).safety.ok).toBe(true);
  });

  it('blocks a truncated or empty source even when mass deactivation is allowed', () => {
    const truncated = computePlan(
      input({ users: [jan()], sourceRows: 700, previousSourceRows: 1000, allowMassDeactivation: true }),
    );
    expect(truncated.safety.ok).toBe(false);
    expect(truncated.safety.reasons[0]).toContain('700 rows');
    expect(computePlan(input({ sourceRows: 0 })).safety.ok).toBe(false);
    expect(computePlan(input({ users: [jan()], sourceRows: 800, previousSourceRows: 1000 })).safety.ok).toBe(
      true,
    );
  });

  it('lists skipped rows and row errors with their reasons, deterministically', () => {
    const i = input({
      users: [jan()],
      skipped: [{ row: 9, key: 'E9', reason: 'out of scope: Stagiair' }],
      errors: [{ row: 4, message: 'invalid email "jan@@demo"' }],
      createdAt: '2026-11-23T06:00:00Z',
    });
    const plan = computePlan(i);
    expect(plan.changes.slice(1).map((c) => [c.row, c.action, c.reason])).toEqual([
      [4, 'skipped', 'error: invalid email "jan@@demo"'],
      [9, 'skipped', 'out of scope: Stagiair'],
    ]);
    expect(JSON.stringify(computePlan(i))).toBe(JSON.stringify(plan));
  });
});
