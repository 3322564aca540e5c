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
    setLang: (lang) => set({ lang }),
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
