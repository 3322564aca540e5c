import type { AppState, Step } from '../store/types';

/** Which steps can be opened: everything after Start needs a project, Run needs a plan. */
export function stepEnabled(step: Step, s: Pick<AppState, 'project' | 'plan'>): boolean {
  if (step === 'start') return true;
  if (!s.project) return false;
  if (step === 'run') return s.plan !== null;
  return true;
}
