import { describe, expect, it } from 'vitest';
import { toPlanView } from '../../../../src/main/services/handlers/plan';
import { computePlan } from '../../../../src/shared/plan';
import type { MappedUser } from '../../../../src/shared/engine/types';

const PLAN_INPUT: Parameters<typeof computePlan>[0] = {
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
};
const plan = computePlan(PLAN_INPUT);

describe('the plan as the Plan step shows it', () => {
  it("carries the target's warnings, and none when there are none", () => {
    const warning = 'GET /ServiceProviderConfig: HTTP 503 — onderhoud; ETags and /Bulk are off for this run';
    const view = toPlanView('plan-1', { ...plan, target: { ...plan.target, warnings: [warning] } }, [], null);
    expect(view.targetWarnings).toEqual([warning]);
    expect(toPlanView('plan-2', plan, [], null).targetWarnings).toBeUndefined();
  });

  it("carries each line's warnings, coded: the second Jan de Vries gets a suffixed login", () => {
    const jan = (row: number, key: string): MappedUser => ({
      row,
      key,
      attributes: {
        userName: 'j.devries@gemeente-voorbeeld.nl',
        'name.givenName': 'Jan',
        'name.familyName': 'de Vries',
        'emails[type eq "work"].value': `jan.devries.${key}@gemeente-voorbeeld.nl`,
      },
      active: true,
      groups: [],
      trace: {},
      login: { target: 'userName', local: 'j.devries', suffix: key, domain: 'gemeente-voorbeeld.nl' },
    });
    const namesakes = computePlan({
      ...PLAN_INPUT,
      users: [jan(2, '10001'), jan(3, '10002')],
      sourceRows: 2,
    });
    const view = toPlanView('plan-3', namesakes, [], null);
    expect(view.changes.map((c) => [c.key, c.action])).toEqual([
      ['10001', 'create'],
      ['10002', 'create'],
    ]);
    expect(view.changes[0]?.warnings).toBeUndefined();
    expect(view.changes[1]?.warningMessages).toEqual([
      {
        code: 'report.warning.loginTaken',
        params: { plain: 'j.devries@gemeente-voorbeeld.nl', given: 'j.devries_10002@gemeente-voorbeeld.nl' },
      },
    ]);
    expect(view.changes[1]?.warnings).toEqual([
      'login j.devries@gemeente-voorbeeld.nl is already taken, so this account gets j.devries_10002@gemeente-voorbeeld.nl',
    ]);
  });
});
