import { describe, expect, it } from 'vitest';
import type { PlanView, ProjectDocument } from '../../../src/shared/api/contract';
import { STEPS } from '../../../src/renderer/src/app/store/types';
import { stepEnabled } from '../../../src/renderer/src/app/logic/steps';

const project: ProjectDocument = {
  path: null,
  csvPath: '/home/consultant/exports/afas-medewerkers.csv',
  problems: [],
  mapping: { version: 1, name: 'Zorggroep Oost', source: { kind: 'csv' } } as ProjectDocument['mapping'],
};
const plan = { planId: 'plan-1' } as PlanView;

describe('stepEnabled', () => {
  it('opens only Start without a project', () => {
    expect(STEPS.filter((s) => stepEnabled(s, { project: null, plan: null }))).toEqual(['start']);
  });
  it('opens everything but Run once a project is open', () => {
    expect(STEPS.filter((s) => stepEnabled(s, { project, plan: null }))).toEqual([
      'start',
      'source',
      'mapping',
      'validate',
      'rules',
      'plan',
    ]);
  });
  it('opens Run once there is a plan', () => {
    expect(stepEnabled('run', { project, plan })).toBe(true);
  });
});
