import type { StateCreator } from 'zustand';
import { detectLang } from '../i18n';
import type { AppState, StoreDeps, UiSlice } from './types';

export function createUiSlice(deps: StoreDeps): StateCreator<AppState, [], [], UiSlice> {
  return (set, get) => ({
    lang: detectLang(null, deps.systemLanguage),
    theme: null,
    step: 'start',
    error: null,
    notice: null,
    task: null,
    setLang: (lang) => {
      set({ lang });
      // A finished run's report (its text and CSV for saving) follows the interface language.
      const { runId, report } = get();
      if (runId && report && report.status !== 'running')
        void deps.api.run.report({ runId, lang }).then((r) => {
          if (r.ok && get().runId === runId && get().lang === lang) set({ report: r.value });
        });
    },
    setTheme: (theme) => set({ theme }),
    goTo: (step) => set({ step }),
    showError: (message) => set({ error: message, notice: null }),
    dismissMessages: () => set({ error: null, notice: null }),
    cancelTask: async () => {
      const task = get().task;
      if (!task) return;
      set({ task: null });
      await deps.api.task.cancel({ taskId: task.id });
    },
  });
}
