import { describe, expect, it } from 'vitest';
import { format, formatMessage } from '../../../src/shared/i18n';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, recomputeSafety, type ComputePlanInput } from '../../../src/shared/plan';
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
        reasons: [{ code: 'report.reason.noSourceUser', params: { by: 'email' } }],
      },
      {
        id: 'p3',
        userName: 'oud@demo.nl',
        email: 'oud@demo.nl',
        reason: 'inactive Plek account: never linked automatically',
        reasons: [{ code: 'report.reason.inactiveNeverLinked' }],
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

  it('resolves no manager whose key is duplicated, or who is a leaver not in Plek, and says so', () => {
    // E4000 occurs on two rows (a conflict each); E6000 left and has no account (not created); E7000 is linked in
    // Plek although the source has it twice, and two accounts carry E8000: neither is a manager to point at.
    const plan = computePlan(
      input({
        users: [
          user(2, 'E1001', { userName: 'a@demo.nl', [MANAGER]: 'E4000' }),
          user(3, 'E3000', { userName: 'b@demo.nl', [MANAGER]: 'E6000' }),
          user(4, 'E4000', { userName: 'c@demo.nl' }),
          user(5, 'E4000', { userName: 'd@demo.nl' }),
          user(6, 'E6000', { userName: 'e@demo.nl' }, { active: false, deactivationReason: 'end date' }),
          user(7, 'E5000', { userName: 'f@demo.nl', [MANAGER]: 'E7000' }),
          user(8, 'E7000', { userName: 'g@demo.nl' }),
          user(9, 'E7000', { userName: 'h@demo.nl' }),
          user(10, 'E5100', { userName: 'i@demo.nl', [MANAGER]: 'E8000' }),
        ],
        targetUsers: [
          account('u7', { externalId: 'E7000', userName: 'g@demo.nl' }),
          account('u8', { externalId: 'E8000', userName: 'x@demo.nl' }),
          account('u9', { externalId: 'E8000', userName: 'y@demo.nl' }),
        ],
      }),
    );
    const byRow = new Map(plan.changes.map((c) => [c.row, c]));
    expect([4, 5, 6, 8, 9].map((r) => byRow.get(r)?.action)).toEqual([
      'conflict',
      'conflict',
      'skipped',
      'conflict',
      'conflict',
    ]);
    // A duplicated key and a leaver not created: no manager (no Plek id, no key to wait for), a note each.
    for (const [row, key] of [
      [2, 'E4000'],
      [3, 'E6000'],
    ] as const) {
      const c = byRow.get(row)!;
      expect(c.action).toBe('create');
      expect(c.fields?.some((f) => f.path === MANAGER)).toBe(false);
      expect(c.reason).toBe(
        `new in the source; manager "${key}" is not in Plek nor in this run: left unchanged`,
      );
    }
    // A key in conflict in the source but linked in Plek: the manager is that account.
    expect(byRow.get(7)?.fields?.find((f) => f.path === MANAGER)).toMatchObject({ after: 'u7' });
    // Two Plek accounts with the manager's externalId: none of them.
    expect(byRow.get(10)?.fields?.some((f) => f.path === MANAGER)).toBe(false);
    expect(byRow.get(10)?.reason).toContain('manager "E8000" is not in Plek nor in this run');
  });

  it('leaves the manager out, with one warning naming its row, when the manager turns out a conflict further down', () => {
    // E4000 is to be created, but its login belongs to another Plek account: a conflict found after the rows that
    // name E4000 as their manager (a create, an update whose only change is the manager, an update with more).
    const taken = account('u9', { externalId: 'X9', userName: 'm@demo.nl' });
    const plan = computePlan(
      input({
        users: [
          jan({ [MANAGER]: 'E4000' }),
          user(3, 'E3000', { userName: 'n@demo.nl', 'name.givenName': 'Noor', [MANAGER]: 'E4000' }),
          user(4, 'E5000', { userName: 'p@demo.nl', title: 'Teamleider', [MANAGER]: 'E4000' }),
          user(5, 'E4000', { userName: 'm@demo.nl' }),
        ],
        targetUsers: [janAccount(), taken, account('u5', { externalId: 'E5000', userName: 'p@demo.nl' })],
      }),
    );
    const byKey = new Map(plan.changes.map((c) => [c.key, c]));
    expect(byKey.get('E4000')?.action).toBe('conflict');
    // Jan's only change was his manager: nothing left to do.
    expect(byKey.get('E1001')).toMatchObject({
      action: 'noop',
      reason: 'up to date',
    });
    expect(byKey.get('E1001')?.fields).toBeUndefined();
    // The create goes ahead without its manager.
    expect(byKey.get('E3000')?.action).toBe('create');
    expect(byKey.get('E3000')?.fields?.map((f) => f.path)).toEqual(['name.givenName', 'userName']);
    // The other update keeps its own change, and its reason counts one field.
    expect(byKey.get('E5000')).toMatchObject({ action: 'update', reason: '1 field changed' });
    expect(byKey.get('E5000')?.fields?.map((f) => f.path)).toEqual(['title']);
    for (const key of ['E1001', 'E3000', 'E5000']) {
      const c = byKey.get(key)!;
      expect(c.warnings).toEqual([
        'manager not set because row 5 (E4000) is not created in this run: userName m@demo.nl is already used by Plek account u9 (m@demo.nl)',
      ]);
      expect(formatMessage('nl', c.warningMessages![0]!)).toBe(
        'leidinggevende niet ingesteld omdat rij 5 (E4000) in deze run niet wordt aangemaakt: login m@demo.nl is al in gebruik bij Plek-account u9 (m@demo.nl)',
      );
    }
    expect(plan.counts).toMatchObject({ create: 1, update: 1, noop: 1, conflict: 1 });
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

  it('says why a plan is blocked in Dutch and English, as catalogue messages beside the English reasons', () => {
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
    const { safety } = computePlan(input({ users, targetUsers: targets, mapping }));
    expect(safety.messages?.map((m) => m.id)).toEqual(['plan.safety.count', 'plan.safety.percent']);
    const [count, percent] = safety.messages!;
    expect(format('nl', count!.id, count!.values)).toBe('3 deactiveringen, meer dan de grens van 2.');
    expect(format('en', count!.id, count!.values)).toBe('3 deactivations, more than the limit of 2.');
    expect(format('nl', percent!.id, percent!.values)).toBe(
      '3 deactiveringen zijn 30% van de 10 actieve Plek-accounts die aan de bron gekoppeld zijn, meer dan de grens van 20%.',
    );

    const truncated = computePlan(
      input({ users: [jan()], sourceRows: 700, previousSourceRows: 1000, allowMassDeactivation: true }),
    ).safety;
    expect(truncated.messages).toHaveLength(truncated.reasons.length);
    expect(format('nl', truncated.messages![0]!.id, truncated.messages![0]!.values)).toBe(
      'De bron bevat 700 rijen, minder dan 80% van de 1.000 bij de vorige run. Is de export afgebroken? Controleer hem voordat u synchroniseert.',
    );
    const empty = computePlan(input({ sourceRows: 0 })).safety;
    expect(empty.messages?.map((m) => m.id)).toEqual(['plan.safety.empty']);
    // A plan that is not blocked carries no messages.
    expect(
      computePlan(input({ users: [jan()], sourceRows: 800, previousSourceRows: 1000 })).safety.messages,
    ).toBe(undefined);
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

  it('lists skipped rows and row errors among the users in source-row order, byte-identically on a re-run', () => {
    const eva = user(6, 'E1006', {
      userName: 'eva.muller@demo.nl',
      'name.givenName': 'Eva',
      'name.familyName': 'Müller',
      [WORK_EMAIL]: 'eva.muller@demo.nl',
    });
    const i = input({
      users: [eva, jan()],
      skipped: [{ row: 9, key: 'E9', reason: 'out of scope: Stagiair' }],
      errors: [
        { row: 4, message: 'invalid email "jan@@demo"' },
        { row: 3, key: 'E1003', message: 'end date "31-02-2026" is not a date' },
      ],
    });
    const plan = computePlan(i);
    expect(plan.changes.map((c) => [c.row, c.action])).toEqual([
      [2, 'create'],
      [3, 'skipped'],
      [4, 'skipped'],
      [6, 'create'],
      [9, 'skipped'],
    ]);
    expect(plan.changes[2]?.reason).toBe('error: invalid email "jan@@demo"');
    expect(plan).not.toHaveProperty('createdAt');
    expect(JSON.stringify(computePlan(i))).toBe(JSON.stringify(plan));
  });
});

describe('logins never change once given', () => {
  const login = (local: string, suffix: string) => ({
    target: 'userName',
    local,
    suffix,
    domain: 'demo.com',
  });
  const doe = (row: number, key: string, dept = 'ICT', generated = 'johndoe@demo.com') =>
    user(
      row,
      key,
      {
        userName: generated,
        'name.givenName': 'John',
        'name.familyName': 'Doe',
        [WORK_EMAIL]: `john.doe.${key}@demo.nl`,
        title: dept,
      },
      { login: login('johndoe', key) },
    );
  const existing = account('p-doe', {
    externalId: '12345',
    userName: 'johndoe@demo.com',
    email: 'john.doe.12345@demo.nl',
    name: { givenName: 'John', familyName: 'Doe' },
    title: 'ICT',
  });

  it('a newcomer whose key sorts lower does not take the existing account’s login', () => {
    // The engine alone gives the plain login to the earlier row (the newcomer, key 12, row 2).
    const newcomer = doe(2, '12');
    const incumbent = doe(3, '12345', 'ICT', 'johndoe_12345@demo.com');
    const plan = computePlan(input({ users: [newcomer, incumbent], targetUsers: [existing] }));
    const [create, kept] = plan.changes;
    expect(create).toMatchObject({ action: 'create', key: '12', userName: 'johndoe_12@demo.com' });
    expect(create?.warnings).toEqual([
      'login johndoe@demo.com is already taken, so this account gets johndoe_12@demo.com',
    ]);
    expect(kept).toMatchObject({ action: 'noop', key: '12345', targetId: 'p-doe' });
    expect(plan.changes.flatMap((c) => c.fields ?? []).filter((f) => f.path === 'userName')).toEqual([
      { path: 'userName', before: null, after: 'johndoe_12@demo.com', op: 'add', policy: 'keep' },
    ]);
    expect(plan.counts.conflict).toBe(0);
  });

  it('a linked account keeps its own login on the initial import', () => {
    const unlinked = account('p-1', { userName: 'J.Doe@demo.com', email: 'john.doe.777@demo.nl' });
    const plan = computePlan(input({ users: [doe(2, '777')], targetUsers: [unlinked], initialImport: true }));
    expect(plan.changes[0]).toMatchObject({ action: 'link', targetId: 'p-1', userName: 'J.Doe@demo.com' });
    expect(plan.changes[0]?.fields?.map((f) => f.path)).not.toContain('userName');
  });

  it('a suffixed login that Plek already holds is iterated, never shared', () => {
    const taken = [
      existing,
      account('p-2', { externalId: '2', userName: 'johndoe_ict@demo.com', email: 'x2@demo.nl' }),
      account('p-3', {
        externalId: '3',
        userName: 'JohnDoe_ICT_2@demo.com',
        email: 'x3@demo.nl',
        active: false,
      }),
    ];
    const a = user(7, '900', { ...doe(7, '900').attributes }, { login: login('johndoe', 'ict') });
    const b = user(8, '901', { ...doe(8, '901').attributes }, { login: login('johndoe', 'ict') });
    const plan = computePlan(input({ users: [a, b], targetUsers: taken }));
    expect(plan.changes.map((c) => c.userName)).toEqual(['johndoe_ict_3@demo.com', 'johndoe_ict_4@demo.com']);
  });
});

describe('initial import with leavers', () => {
  const leaver = (i: number) =>
    user(
      i + 2,
      `L${i}`,
      {
        userName: `oud.${i}@demo.nl`,
        [WORK_EMAIL]: `oud.${i}@demo.nl`,
        'name.givenName': 'Oud',
        'name.familyName': `${i}`,
      },
      { active: false, deactivationReason: 'end date 2026-03-31 is before today (2026-11-23)' },
    );
  const stayer = (i: number) =>
    user(100 + i, `S${i}`, { userName: `blijft.${i}@demo.nl`, [WORK_EMAIL]: `blijft.${i}@demo.nl` });

  it('plans a matched leaver as link + deactivate, counted and explained, and the percentage base is the accounts linked', () => {
    const targets = [
      account('old-0', { userName: 'oud.0@demo.nl', email: 'oud.0@demo.nl' }),
      ...Array.from({ length: 40 }, (_, i) =>
        account(`s-${i}`, { userName: `blijft.${i}@demo.nl`, email: `blijft.${i}@demo.nl` }),
      ),
    ];
    const plan = computePlan(
      input({
        users: [leaver(0), ...Array.from({ length: 40 }, (_, i) => stayer(i))],
        targetUsers: targets,
        initialImport: true,
        mapping: {
          ...input({}).mapping,
          safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
        },
      }),
    );
    const c = plan.changes[0];
    expect(c).toMatchObject({ action: 'deactivate', linked: true, targetId: 'old-0' });
    expect(c?.reason).toBe(
      'initial import: existing account matched by email, externalId set; end date 2026-03-31 is before today (2026-11-23)',
    );
    expect(c?.fields?.filter((f) => !f.path.startsWith('name.')).map((f) => [f.path, f.after])).toEqual([
      ['externalId', 'L0'],
      ['active', false],
    ]);
    expect(plan.counts).toMatchObject({ deactivate: 1, link: 40 });
    // 1 of 41 accounts being linked = 2.4 %: within 5 %, where the old base (0 linked) blocked everything.
    expect(plan.safety).toMatchObject({ ok: true, activeLinked: 0, linking: 41, deactivations: 1 });
  });

  it('the count threshold still applies on an initial import', () => {
    const n = 30;
    const plan = computePlan(
      input({
        users: Array.from({ length: n }, (_, i) => leaver(i)),
        targetUsers: Array.from({ length: n }, (_, i) =>
          account(`old-${i}`, { userName: `oud.${i}@demo.nl`, email: `oud.${i}@demo.nl` }),
        ),
        initialImport: true,
        mapping: {
          ...input({}).mapping,
          safety: { maxDeactivateCount: 25, maxDeactivatePercent: 100, minSourceRowsPercent: 80 },
        },
      }),
    );
    expect(plan.safety.ok).toBe(false);
    expect(plan.safety.reasons).toEqual([
      '30 deactivations exceed the limit of 25 (allow with --allow-mass-deactivation)',
    ]);
  });
});

describe('recomputeSafety', () => {
  it('judges a plan by its changes and the given thresholds, not by the safety.ok written in the file', () => {
    const users = Array.from({ length: 4 }, (_, i) =>
      user(
        i + 2,
        `E${i}`,
        { [WORK_EMAIL]: `p${i}@demo.nl` },
        { active: false, deactivationReason: 'inactive' },
      ),
    );
    const targets = users.map((u, i) => account(`u${i}`, { externalId: u.key, email: `p${i}@demo.nl` }));
    const lenient = { maxDeactivateCount: 25, maxDeactivatePercent: 100, minSourceRowsPercent: 80 };
    const plan = computePlan(
      input({ users, targetUsers: targets, mapping: { ...input({}).mapping, safety: lenient } }),
    );
    expect(plan.safety.ok).toBe(true);
    const tampered = { ...plan, safety: { ...plan.safety, ok: true, reasons: [] } };
    const strict = { maxDeactivateCount: 3, maxDeactivatePercent: 100, minSourceRowsPercent: 80 };
    expect(recomputeSafety(tampered, { thresholds: strict }).ok).toBe(false);
    expect(recomputeSafety(tampered, { thresholds: strict, allowMassDeactivation: true }).ok).toBe(true);
    // Without thresholds from the caller, the plan's recorded inputs are used, but the counts are recounted.
    const forged = { ...plan, safety: { ...plan.safety, thresholds: strict, deactivations: 0 } };
    expect(recomputeSafety(forged).reasons).toEqual([
      '4 deactivations exceed the limit of 3 (allow with --allow-mass-deactivation)',
    ]);
  });
});
