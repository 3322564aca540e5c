import { describe, expect, it } from 'vitest';
import { formatPlan } from '../../../src/shared/plan';
import type { Plan } from '../../../src/shared/plan/types';

const plan: Plan = {
  version: 1,
  today: '2026-11-23',
  target: { url: 'https://gemeente-voorbeeld.plek.co/scim/v2' },
  initialImport: false,
  sourceRows: 3,
  counts: {
    create: 0,
    update: 1,
    deactivate: 1,
    reactivate: 0,
    link: 0,
    groupAdd: 1,
    createGroup: 0,
    noop: 1,
    conflict: 0,
    skipped: 0,
  },
  safety: {
    ok: false,
    reasons: ['1 deactivations exceed the limit of 0'],
    activeLinked: 3,
    deactivations: 1,
  },
  changes: [
    {
      op: 'user:100013',
      action: 'update',
      row: 3,
      key: '100013',
      userName: 'chloe.degraaf@gemeente-voorbeeld.nl',
      reason: '1 field changed',
      fields: [{ path: 'name.middleName', before: null, after: 'de', op: 'add' }],
    },
    {
      op: 'member:Zorg:100013',
      action: 'groupAdd',
      row: 3,
      key: '100013',
      group: 'Zorg',
      reason: 'group rule matches',
    },
    {
      op: 'user:100044',
      action: 'deactivate',
      row: 8,
      key: '100044',
      reason: 'endDate 2026-05-15 is before today',
      fields: [{ path: 'active', before: true, after: false, op: 'replace' }],
    },
    { op: 'user:100001', action: 'noop', row: 2, key: '100001', reason: 'up to date' },
  ],
};

describe('formatPlan', () => {
  it('shows counts, the safety verdict and field changes, leaving out no-ops unless asked', () => {
    const text = formatPlan(plan);
    expect(text).toContain('create 0  update 1  deactivate 1');
    expect(text).toContain(
      'Safety: BLOCKED — nothing will be applied\n  - 1 deactivations exceed the limit of 0',
    );
    expect(text).toContain(
      'row 3  update     100013 (chloe.degraaf@gemeente-voorbeeld.nl)  — 1 field changed\n        name.middleName: (empty) → "de"',
    );
    expect(text).toContain('add to group 100013 → Zorg');
    expect(text).toContain('active: true → false');
    expect(text).not.toContain('100001');
    expect(formatPlan(plan, { includeNoop: true })).toContain('100001');
  });

  it('shows a leaver linked on the initial import as link + deactivate, and warnings under the change', () => {
    const text = formatPlan({
      ...plan,
      initialImport: true,
      changes: [
        {
          op: 'user:100044',
          action: 'deactivate',
          linked: true,
          row: 8,
          key: '100044',
          reason:
            'initial import: existing account matched by email, externalId set; end date 2026-05-15 is before today (2026-11-23)',
          fields: [
            { path: 'externalId', before: null, after: '100044', op: 'add' },
            { path: 'active', before: true, after: false, op: 'replace' },
          ],
        },
        {
          op: 'user:100045',
          action: 'create',
          row: 9,
          key: '100045',
          reason: 'new in the source',
          warnings: ['login johndoe@demo.com is already taken, so this account gets johndoe_100045@demo.com'],
        },
      ],
    });
    expect(text).toContain('deactivate 1 (1 linked and deactivated)');
    expect(text).toContain('row 8  link + deactivate 100044  — initial import');
    expect(text).toContain('        warning: login johndoe@demo.com is already taken');
  });
});
