import Store from 'electron-store';
import type { WorkbenchSettings } from '../../shared/api/contract';
import type { SettingsStore } from '../services/settings';
import type { RecentProjects } from '../services/workbench-service';
import type { EncryptedValues } from './safe-storage-secrets';
import { DEFAULT_WINDOW_STATE, type WindowState } from './security';

interface AppStoreSchema {
  windowState: WindowState;
  recentProjects: string[];
  /** safeStorage ciphertexts (base64) by secret key; never plain text. */
  secrets: Record<string, string>;
  /** The workbench's settings (settings:set); absent until the consultant changes one. */
  settings?: Partial<WorkbenchSettings>;
}

export type AppStore = Store<AppStoreSchema>;

/** The desktop app's small settings file (electron-store, in the user's app-data folder). */
export function openAppStore(): AppStore {
  return new Store<AppStoreSchema>({
    name: 'workbench',
    defaults: { windowState: DEFAULT_WINDOW_STATE, recentProjects: [], secrets: {} },
  });
}

export function recentProjects(store: AppStore, onChange: (paths: string[]) => void): RecentProjects {
  return {
    list: async () => store.get('recentProjects'),
    add: async (path) => {
      const next = [path, ...store.get('recentProjects').filter((p) => p !== path)].slice(0, 10);
      store.set('recentProjects', next);
      onChange(next);
    },
  };
}

export function encryptedValues(store: AppStore): EncryptedValues {
  return { get: () => store.get('secrets'), set: (v) => store.set('secrets', v) };
}

/** The workbench's settings in the app's settings file (validated on read by the service). */
export function appSettings(store: AppStore): SettingsStore {
  return {
    read: async () => store.get('settings') ?? {},
    write: async (settings) => store.set('settings', settings),
  };
}
