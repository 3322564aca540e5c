import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataFolders } from '../data-dir';

/**
 * HR data older than this is removed from the workbench's folders when the app starts and after each run, unless
 * the consultant set another period (settings:set, `retentionDays`; `plek-sync run --retention-days`).
 */
export const DEFAULT_RETENTION_DAYS = 30;

export const DAY_MS = 86_400_000;

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
 * When a file, or the newest file inside a folder, was last written (ms); null when it cannot be read. A
 * folder's own time says when entries were added or removed, not when a file inside was last rewritten.
 */
async function lastChanged(path: string, depth = 0): Promise<number | null> {
  const s = await stat(path).catch(() => null);
  if (!s) return null;
  if (!s.isDirectory() || depth > 4) return s.mtimeMs;
  let newest: number | null = null;
  for (const name of await readdir(path).catch(() => [] as string[])) {
    const t = await lastChanged(join(path, name), depth + 1);
    if (t !== null && (newest === null || t > newest)) newest = t;
  }
  // An empty folder is as old as the folder itself.
  return newest ?? s.mtimeMs;
}

/**
 * Removes HR data from the workbench's own folders: everything (`olderThanMs` absent: "clear workbench data"),
 * or what was last changed before the retention period. Saved projects (mappings, no HR data) are kept unless
 * `includeProjects`; the daily sync state (needed so logins never change) always is. Returns how many files and
 * folders were removed.
 */
export async function clearWorkbenchData(
  folders: DataFolders,
  options: { now: number; olderThanMs?: number; includeProjects?: boolean },
): Promise<number> {
  let removed = 0;
  const targets = clearableFolders(folders);
  if (options.includeProjects) targets.push(folders.projects);
  for (const folder of targets) {
    let entries: string[];
    try {
      entries = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of entries) {
      const path = join(folder, name);
      if (options.olderThanMs !== undefined) {
        const changed = await lastChanged(path);
        if (changed === null || options.now - changed < options.olderThanMs) continue;
      }
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/** The files `plek-sync run` writes into its run folder: journal, report (JSON) and the report's two CSVs. */
const RUN_FILE = /^run-\d{4}-\d{2}-\d{2}-[0-9a-f]+\.(?:journal\.jsonl|report\.(?:json|nl\.csv|en\.csv))$/;

/**
 * Removes `plek-sync run`'s own journals and reports older than the retention period from a run folder. Only
 * files named as `run` names them: `--run-dir` may be a folder the customer also uses for other things.
 */
export async function pruneRunFiles(
  dir: string,
  options: { now: number; olderThanMs: number },
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!RUN_FILE.test(name)) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile() || options.now - s.mtimeMs < options.olderThanMs) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}
