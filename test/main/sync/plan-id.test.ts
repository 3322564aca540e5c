import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MappedUser } from '../../../src/shared/engine/types';
import { computePlan, expandPlan, serializePlan } from '../../../src/shared/plan';
import { CompactCreate, compactCreates } from '../../../src/shared/plan/compact';
import type { FieldChange, Plan, PlanTargetGroup } from '../../../src/shared/plan/types';
import type { ScimUser } from '../../../src/shared/scim/resource';
import { ENTERPRISE_USER_SCHEMA, PLEK_PROFILE_SCHEMA, WORK_EMAIL } from '../../../src/shared/scim/fields';
import { Journal, planId } from '../../../src/main/sync/journal';
import { UserError } from '../../../src/main/user-error';

const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;
const LOCATION = `${PLEK_PROFILE_SCHEMA}:location`;
const GIVEN = ['Jan', 'Zoë', 'Anouk', 'Joël', 'Fleur', 'Søren'];
const FAMILY = ['Meer', "'t Hoen", 'Öztürk', 'de Vries', 'Bakker', 'El Amrani'];

/** A messy HR row: no userName now and then, middle names, a location only for some, a manager created in the run. */
function medewerker(i: number, over: Partial<MappedUser['attributes']> = {}): MappedUser {
  const local = `${GIVEN[i % 6]!.toLowerCase()}.${i}`;
  return {
    row: i + 2,
    key: String(100000 + i),
    attributes: {
      ...(i % 10 === 3 ? {} : { userName: `${local}@gemeente-voorbeeld.nl` }),
      'name.givenName': GIVEN[i % 6]!,
      'name.familyName': FAMILY[i % 6]!,
      'name.middleName': i % 3 ? null : 'van der',
      [WORK_EMAIL]: `${local}@gemeente-voorbeeld.nl`,
      title: i % 2 ? 'Verpleegkundige' : 'Medewerker Burgerzaken "Noord"',
      [LOCATION]: i % 4 ? "'s-Hertogenbosch" : null,
      [MANAGER]: i > 0 ? '100000' : null,
      ...over,
    },
    active: i % 17 !== 5,
    groups: i % 3 ? ['Zorg'] : ['Zorg', 'Wijkteam Noord'],
    trace: {},
  };
}

/** One Plek account already linked (an update) and one group: a plan with creates, updates and member adds. */
function planOf(users: MappedUser[], over: { today?: string } = {}): Plan {
  const existing: ScimUser = {
    schemas: [],
    id: 'p-1',
    externalId: '100001',
    userName: 'zoe.1@gemeente-voorbeeld.nl',
    active: true,
    title: 'Stagiair',
  };
  const groups: PlanTargetGroup[] = [{ id: 'g-1', displayName: 'Zorg', members: [] }];
  return computePlan({
    users,
    skipped: [{ row: 900, key: '9', reason: 'out of scope: Stagiair' }],
    errors: [{ row: 901, key: '10', message: 'birth date "31-02-1980" is not a date' }],
    targetUsers: [existing],
    targetGroups: groups,
    mapping: {
      fields: { [LOCATION]: { nullPolicy: 'fillIfEmpty' } },
      linking: { matchOn: 'email', ignoreInactive: true },
      safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
    },
    target: { url: 'sandbox:/tmp/x' },
    sourceRows: users.length + 2,
    initialImport: false,
    today: over.today ?? '2026-11-23',
    compact: true,
  });
}

const users = (n = 40): MappedUser[] => Array.from({ length: n }, (_, i) => medewerker(i));
/** The same plan made again with its creates as plain objects (as the workbench holds a plan). */
const plain = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('planId', () => {
  it('is the same for the same plan, however it is held', () => {
    const plan = planOf(users());
    expect(plan.changes.some((c) => c instanceof CompactCreate)).toBe(true);
    expect(plan.changes.some((c) => c.action === 'update')).toBe(true);
    expect(plan.changes.some((c) => c.action === 'groupAdd')).toBe(true);
    const id = planId(plan);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    // Made again, held with plain creates, compacted afterwards, and read back from the plan file.
    expect(planId(planOf(users()))).toBe(id);
    expect(planId(plain(plan))).toBe(id);
    expect(planId(compactCreates(plain(plan)))).toBe(id);
    expect(planId(expandPlan(JSON.parse(serializePlan(plan)) as Plan))).toBe(id);
  });

  it('changes with any change to a change’s content, its place, or the plan around it', () => {
    const base = planOf(users());
    const ids = new Set([planId(base)]);
    const variants: Plan[] = [];
    /** The plan as data, changed by `edit`; checked both plain and with compact creates. */
    const variant = (edit: (p: Plan) => void): void => {
      const p = plain(base);
      edit(p);
      variants.push(p, compactCreates(plain(p)));
    };
    const create = (p: Plan) => p.changes.filter((c) => c.action === 'create')[3]!;
    const field = (p: Plan, path: string): FieldChange => create(p).fields!.find((f) => f.path === path)!;
    variant((p) => (field(p, 'title').after = 'Verpleegkundige '));
    variant((p) => (field(p, 'title').after = true));
    variant((p) => (field(p, 'title').policy = 'overwrite'));
    variant((p) => (field(p, 'title').path = 'nickName'));
    variant((p) => (field(p, MANAGER).managerKey = '100002'));
    variant((p) => {
      const f = field(p, MANAGER);
      delete f.managerKey;
      f.after = '100000';
    });
    variant((p) => create(p).fields!.pop());
    variant((p) => create(p).fields!.push({ path: 'zz', before: null, after: 'x', op: 'add' }));
    variant((p) => (create(p).fields![0]!.before = ''));
    variant((p) => (create(p).fields![0]!.op = 'replace'));
    variant((p) => (create(p).reason = 'new in the source '));
    variant((p) => (create(p).reasons = [{ code: 'report.reason.upToDate' }]));
    variant((p) => (create(p).row = 7000));
    variant((p) => (create(p).key = '100005 '));
    variant((p) => delete create(p).name);
    variant((p) => (create(p).warnings = []));
    variant((p) => {
      const update = p.changes.find((c) => c.action === 'update')!;
      update.fields![0]!.after = 'Stagiaire';
    });
    variant((p) => {
      const add = p.changes.find((c) => c.action === 'groupAdd')!;
      add.group = 'Zorg ';
    });
    variant((p) => {
      const add = p.changes.find((c) => c.action === 'groupAdd')!;
      add.reasons = [{ code: 'report.reason.groupRule', params: { x: 1 } }];
    });
    variant((p) => p.changes.reverse());
    variant((p) => p.changes.pop());
    variant((p) => (p.today = '2026-11-24'));
    variant((p) => (p.target.url = 'sandbox:/tmp/y'));
    variant((p) => (p.safety.activeLinked += 1));
    for (const p of variants) ids.add(planId(p));
    // Each variant has an id of its own, the same plain as compact.
    expect(ids.size).toBe(1 + variants.length / 2);
    // A value that reads as another value's boundary does not make two plans alike.
    const a = planOf([medewerker(0, { title: 's4:ab' }), medewerker(1, { title: null })]);
    const b = planOf([medewerker(0, { title: 's4:abs' }), medewerker(1, { title: null })]);
    expect(planId(a)).not.toBe(planId(b));
  });

  it('refuses a journal written for the same plan under the old id (the hash of the plan file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-plan-id-'));
    dirs.push(dir);
    const plan = planOf(users(12));
    const oldId = createHash('sha256').update(serializePlan(plan)).digest('hex').slice(0, 16);
    expect(oldId).not.toBe(planId(plan));
    const path = join(dir, 'run.journal.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify({ t: 'header', planId: oldId, target: plan.target.url })}\n` +
        `${JSON.stringify({ t: 'intent', op: 'user:100000' })}\n`,
    );
    expect(() => Journal.open(path, plan)).toThrow(UserError);
    // A journal of this plan's id is resumed: what it says was in flight is read back.
    const fresh = join(dir, 'fresh.journal.jsonl');
    const first = Journal.open(fresh, plan);
    first.journal.append({ t: 'intent', op: 'user:100000' });
    first.journal.close();
    const again = Journal.open(fresh, planOf(users(12)));
    again.journal.close();
    expect([...again.state.inFlight]).toEqual(['user:100000']);
    expect(readFileSync(fresh, 'utf8').split('\n')[0]).toBe(
      JSON.stringify({ t: 'header', planId: planId(plan), target: plan.target.url }),
    );
  });
});
