import type { StateCreator } from 'zustand';
import { valueOrReport } from './helpers';
import type { AppState, RunSlice, StoreDeps } from './types';

/** The live log keeps the newest lines only; the full story is in the run report. */
export const LOG_LIMIT = 1000;

export function createRunSlice(deps: StoreDeps): StateCreator<AppState, [], [], RunSlice> {
  const { api } = deps;
  return (set, get) => ({
    runId: null,
    runStatus: null,
    runStartedAt: null,
    progress: null,
    progressAt: null,
    paused: false,
    pausing: false,
    log: [],
    report: null,

    apply: async () => {
      const { plan, allowOverride, runStatus, paused } = get();
      if (!plan || runStatus === 'running') return;
      if (!plan.safety.ok && !allowOverride) return;
      // A resumed run keeps its log: it is the same plan, continued from the service's journal.
      set((s) => ({
        runId: null,
        runStatus: 'running',
        paused: false,
        pausing: false,
        progress: paused ? s.progress : null,
        log: paused ? s.log : [],
        report: null,
        runStartedAt: deps.now().getTime(),
      }));
      const started = valueOrReport(
        get,
        await api.run.apply({ planId: plan.planId, overrideSafety: allowOverride }),
      );
      if (!started) {
        set({ runStatus: 'failed' });
        return;
      }
      // run:finished may already have arrived for a tiny plan; keep what it set.
      set((s) => ({ runId: started.runId, runStatus: s.runId === started.runId ? s.runStatus : 'running' }));
    },

    cancelRun: async () => {
      const { runId, paused } = get();
      if (paused) {
        set({ paused: false });
        return;
      }
      if (!runId) return;
      valueOrReport(get, await api.run.cancel({ runId }));
    },

    pauseRun: async () => {
      const { runId, runStatus } = get();
      if (!runId || runStatus !== 'running') return;
      set({ pausing: true });
      const result = valueOrReport(get, await api.run.cancel({ runId }));
      if (!result?.cancelled) set({ pausing: false });
    },

    resumeRun: async () => {
      if (!get().paused) return;
      await get().apply();
    },
  });
}
