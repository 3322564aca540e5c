import { dialog, type BrowserWindow } from 'electron';
import type { DialogHost } from '../services/workbench-service';

const MAPPING_FILTER = { name: 'Plek mapping', extensions: ['plekmap.json'] };
const CSV_FILTER = { name: 'HR export (CSV)', extensions: ['csv', 'txt'] };

/** Native open/save dialogs, modal to the main window. */
export function createDialogHost(window: () => BrowserWindow | null): DialogHost {
  return {
    openMapping: async () => {
      const w = window();
      const opts = { properties: ['openFile' as const], filters: [MAPPING_FILTER] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    saveMapping: async (suggestedName) => {
      const w = window();
      const opts = { defaultPath: suggestedName ?? 'mapping.plekmap.json', filters: [MAPPING_FILTER] };
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      return r.filePath.toLowerCase().endsWith('.plekmap.json')
        ? r.filePath
        : `${r.filePath.replace(/\.json$/i, '')}.plekmap.json`;
    },
    pickCsv: async () => {
      const w = window();
      const opts = { properties: ['openFile' as const], filters: [CSV_FILTER] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
