import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, type WorkbenchSettings } from '../../shared/api/settings';
import { DEFAULT_RETENTION_DAYS } from '../security/data-protection';

/**
 * Where the workbench's own settings persist: electron-store in the desktop app (electron/app-store.ts), a
 * small owner-only JSON file in the data folder in browser mode and tests.
 */
export interface SettingsStore {
  read(): Promise<Partial<WorkbenchSettings>>;
  write(settings: WorkbenchSettings): Promise<void>;
}

/** A stored value that is out of range or of the wrong type counts as not set (the default applies). */
export function settingsWithDefaults(
  stored: Partial<Record<keyof WorkbenchSettings, unknown>>,
  fallback: Partial<WorkbenchSettings> = {},
): WorkbenchSettings {
  const days = stored.retentionDays;
  const valid =
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= RETENTION_DAYS_MIN &&
    days <= RETENTION_DAYS_MAX;
  return { retentionDays: valid ? days : (fallback.retentionDays ?? DEFAULT_RETENTION_DAYS) };
}

/** `settings.json` in the data folder, written whole through a temporary file, readable by its owner only. */
export function fileSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json');
  return {
    read: async () => {
      try {
        const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
        return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<WorkbenchSettings>) : {};
      } catch {
        return {};
      }
    },
    write: async (settings) => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, path);
    },
  };
}
