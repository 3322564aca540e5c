import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataFolders } from '../data-dir';

/** HR data older than this is removed from the workbench's folders when the app starts (`retentionDays`). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Files this process creates are readable by their owner only (uploads, run journals and reports, sandbox
 * state, exported users all hold HR personal data). On Windows the data folder sits in the user's profile,
 * whose ACL already keeps other users out; umask does not apply there.
 */
export function ownerOnlyFiles(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/** Creates the data folder owner-only and tightens one that an older version created world-readable. */
export async function protectDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await chmod(dir, 0o700).catch(() => {});
}

/** The folders that hold HR data the workbench can re-create: uploads, run journals and reports, sandbox state. */
export function clearableFolders(folders: DataFolders): string[] {
  return [folders.uploads, folders.runs, folders.sandbox];
}

/**
 * Removes HR data from the workbench's own folders: everything (`olderThanMs` absent: "clear workbench data"),
 * or what was last changed before the retention period. Saved projects (mappings, no HR data) and the daily
 * sync state (needed so logins never change) are kept. Returns how many files and folders were removed.
 */
export async function clearWorkbenchData(
  folders: DataFolders,
  options: { now: number; olderThanMs?: number },
): Promise<number> {
  let removed = 0;
  for (const folder of clearableFolders(folders)) {
    let entries: string[];
    try {
      entries = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of entries) {
      const path = join(folder, name);
      if (options.olderThanMs !== undefined) {
        const s = await stat(path).catch(() => null);
        if (!s || options.now - s.mtimeMs < options.olderThanMs) continue;
      }
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
