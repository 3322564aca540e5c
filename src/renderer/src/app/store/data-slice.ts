import type { StateCreator } from 'zustand';
import { valueOrReport } from './helpers';
import type { AppState, StoreDeps, WorkbenchDataSlice } from './types';

/** The workbench's own HR data on this computer: the retention setting and "clear workbench data". */
export function createWorkbenchDataSlice(
  deps: StoreDeps,
): StateCreator<AppState, [], [], WorkbenchDataSlice> {
  const { api } = deps;
  return (set, get) => ({
    settings: null,

    loadSettings: async () => {
      const settings = valueOrReport(get, await api.settings.get());
      if (settings) set({ settings });
    },

    saveRetentionDays: async (retentionDays) => {
      const saved = valueOrReport(get, await api.settings.set({ retentionDays }));
      if (!saved) return null;
      set({ settings: { retentionDays: saved.retentionDays } });
      return saved.removed;
    },

    clearWorkbenchData: async (includeProjects) => {
      const cleared = valueOrReport(get, await api.data.clear(includeProjects ? { includeProjects } : {}));
      return cleared ? cleared.removed : null;
    },
  });
}
