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
      if (includeProjects) {
        // Removed projects leave the Start page's recent list at once.
        const recent = await api.project.recent();
        if (recent.ok) set({ recent: recent.value.paths });
      }
      return cleared ? cleared.removed : null;
    },
  });
}
