import type { StateCreator } from 'zustand';
import { valueOrReport } from './helpers';
import type { AppState, PlanSlice, StoreDeps } from './types';

export function createPlanSlice(deps: StoreDeps): StateCreator<AppState, [], [], PlanSlice> {
  const { api } = deps;
  return (set, get) => ({
    plan: null,
    planRevision: 0,
    allowOverride: false,
    planFilter: { action: 'all', text: '' },

    computePlan: async () => {
      const { mapping, project, today, revision } = get();
      if (!mapping) return;
      const taskId = deps.newTaskId();
      set({
        task: { id: taskId, label: 'plan.computing', done: 0, total: null, startedAt: deps.now().getTime() },
        allowOverride: false,
      });
      const result = await api.plan.compute({ mapping, projectPath: project?.path ?? null, today, taskId });
      if (get().task?.id !== taskId) return;
      set({ task: null });
      const plan = valueOrReport(get, result);
      if (plan) set({ plan, planRevision: revision, planFilter: { action: 'all', text: '' } });
    },

    setAllowOverride: (allow) => set({ allowOverride: allow }),
    setPlanFilter: (filter) => set((s) => ({ planFilter: { ...s.planFilter, ...filter } })),
  });
}
