import { describe, expect, it } from 'vitest';
import { computePlan, expandPlan, serializePlan, serializePlanParts } from '../../../src/shared/plan';
import { CompactCreate, compactCreates } from '../../../src/shared/plan/compact';
import { planJsonParts } from '../../../src/shared/plan/serialize';
import type { Plan } from '../../../src/shared/plan/types';
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

type Stored = {
  createColumns: string[];
  createPolicies: Record<string, string>;
  changes: {
    op?: string;
    key?: string;
    email?: string | null;
    values?: unknown[];
    policy?: Record<string, string | null>;
    fields?: { path: string }[];
  }[];
};

describe('plan file', () => {
  it('stores creates as a table of values, once each, and reads back to the identical plan', () => {
    const plan = importPlan();
    expect(plan.counts.create).toBe(200);
    const text = serializePlan(plan);
    const back = expandPlan(JSON.parse(text) as Plan);
    expect(back).toEqual(plan);
    expect(JSON.stringify(back)).toBe(JSON.stringify(plan));

    const stored = JSON.parse(text) as Stored;
    expect(stored.createColumns).toEqual([...stored.createColumns].sort());
    expect(stored.createPolicies[LOCATION]).toBe('fillIfEmpty');
    // Row 3 (medewerker.1): a manager created in the same run, a location, no middle name.
    const c = stored.changes.find((x) => x.key === '100001')!;
    expect(c.fields).toBeUndefined();
    expect(c.op).toBeUndefined();
    const value = (path: string) => c.values?.[stored.createColumns.indexOf(path)];
    expect(value('title')).toBe('Verpleegkundige');
    expect(value(MANAGER)).toEqual({ managerKey: '100000' });
    expect(value(LOCATION)).toBe("'s-Hertogenbosch");
    expect(value('name.middleName') ?? null).toBeNull();
    // Each value once: the work email is not repeated as the change's email.
    expect(c.email).toBeUndefined();
    expect(text.split('medewerker.1@gemeente-voorbeeld.nl').length - 1).toBe(2); // userName + email fields
    // Row 5 (medewerker.3) has no userName of its own: the work email becomes it, without a null policy.
    expect(stored.changes.find((x) => x.key === '100003')?.policy).toEqual({ userName: null });
    expect(text.length).toBeLessThan(JSON.stringify(plan).length / 2.5);
  });

  it('keeps what the table cannot say: a field with a before value, an absent email, other actions', () => {
    const plan = importPlan(20);
    const creates = plan.changes.filter((c) => c.action === 'create');
    // A hand-edited create: a field that is not "from empty", and a person without email in the report.
    creates[0]!.fields![0] = { ...creates[0]!.fields![0]!, before: 'x', op: 'replace' };
    delete creates[1]!.email;
    const text = serializePlan(plan);
    const stored = JSON.parse(text) as Stored;
    expect(stored.changes.find((x) => x.key === creates[0]!.key)?.fields).toHaveLength(
      creates[0]!.fields!.length,
    );
    expect(stored.changes.find((x) => x.key === creates[1]!.key)?.email).toBeNull();
    const back = expandPlan(JSON.parse(text) as Plan);
    expect(back).toEqual(plan);
    expect(back.changes.find((x) => x.key === creates[1]!.key)).not.toHaveProperty('email');
  });

  it('writes the same bytes for the same plan, and in parts that join to serializePlan', () => {
    const plan = importPlan(50);
    expect([...serializePlanParts(plan)].join('')).toBe(serializePlan(plan));
    expect(serializePlan(importPlan(50))).toBe(serializePlan(plan));
  });

  it('reads a plan with every field spelled out (an older file) as it is', () => {
    const plan = importPlan(10);
    expect(expandPlan(JSON.parse(JSON.stringify(plan)) as Plan)).toEqual(plan);
  });
});

describe('plan --json in parts', () => {
  const whole = (plan: Plan) => [...planJsonParts(plan)].join('');

  it('joins to exactly JSON.stringify(plan, null, 2), for plain and compact creates, warnings and skipped rows', () => {
    const plan = importPlan(120);
    plan.target.warnings = ['Plek’s /ServiceProviderConfig could not be read'];
    const expected = JSON.stringify(plan, null, 2);
    expect(whole(plan)).toBe(expected);
    // Creates held as table rows (what the CLI prints) give the same text.
    const compact = compactCreates(importPlan(120));
    compact.target.warnings = plan.target.warnings;
    expect(compact.changes.some((c) => c instanceof CompactCreate)).toBe(true);
    expect(whole(compact)).toBe(expected);
  });

  it('is one part per change, and the same text for a plan with no changes', () => {
    const plan = importPlan(30);
    expect([...planJsonParts(plan)].length).toBeGreaterThan(plan.changes.length);
    const empty: Plan = { ...importPlan(0), changes: [], notInSource: [] };
    expect(whole(empty)).toBe(JSON.stringify(empty, null, 2));
  });
});
