import { describe, expect, it } from 'vitest';
import { toPlanView } from '../../../../src/main/services/handlers/plan';
import { computePlan } from '../../../../src/shared/plan';

const plan = computePlan({
  users: [],
  skipped: [],
  errors: [],
  targetUsers: [],
  targetGroups: [],
  mapping: {
    fields: {},
    linking: { matchOn: 'email', ignoreInactive: true },
    safety: { maxDeactivateCount: 25, maxDeactivatePercent: 5, minSourceRowsPercent: 80 },
  },
  target: { url: 'https://gemeente-voorbeeld.plek.co/scim/v2' },
  sourceRows: 0,
  initialImport: false,
  today: '2026-11-23',
});

describe('the plan as the Plan step shows it', () => {
  it("carries the target's warnings, and none when there are none", () => {
    const warning = 'GET /ServiceProviderConfig: HTTP 503 — onderhoud; ETags and /Bulk are off for this run';
    const view = toPlanView('plan-1', { ...plan, target: { ...plan.target, warnings: [warning] } }, [], null);
    expect(view.targetWarnings).toEqual([warning]);
    expect(toPlanView('plan-2', plan, [], null).targetWarnings).toBeUndefined();
  });
});
