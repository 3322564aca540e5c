import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { refusal, type Refusal } from '../../shared/api/refusals';
import { checkMappingPath, isSafeAbsolutePath } from '../../shared/api/validators';

/**
 * Why a path was refused; the message names the field, never the file's content. `refusal` is the same as a
 * catalogue message (`refusal.path.*`), for the app's screens.
 */
export class PathPolicyError extends Error {
  override readonly name = 'PathPolicyError';
  constructor(
    message: string,
    readonly refusal: Refusal,
  ) {
    super(message);
  }
}

export interface PathPolicy {
  /**
   * Absolute paths the consultant picked this session (dialog, drop, upload, CLI argument) and folders the
   * workbench owns. A mapping file may name an absolute path only when this says yes.
   */
  allowAbsolute?: (absolutePath: string) => boolean;
}

/** True when `candidate` is `root` itself or below it, after resolving both. */
export function isInside(root: string, candidate: string): boolean {
  const r = resolve(root);
  const c = resolve(candidate);
  return c === r || c.startsWith(r.endsWith(sep) ? r : r + sep);
}

/**
 * Resolves a file path written in a mapping (`source.path`, `source.caFile`) for every entry point (app and
 * CLI): a relative path resolves inside the project folder and may not leave it; UNC, WebDAV and device paths
 * are refused before anything touches them (Windows would authenticate to that host with the consultant's
 * credentials); an absolute local path only when `policy.allowAbsolute` confirms the consultant picked it.
 */
export function resolveMappingPath(
  projectDir: string,
  path: string,
  what: string,
  policy: PathPolicy = {},
): string {
  if (isSafeAbsolutePath(path) && isAbsolute(path)) {
    const abs = normalize(path);
    if (policy.allowAbsolute?.(abs)) return abs;
    throw new PathPolicyError(
      `${what} is an absolute path that was not chosen in this session; choose the file again (or pass it on the command line)`,
      refusal('refusal.path.notChosen', { field: what }),
    );
  }
  const checked = checkMappingPath(path, what);
  if (!checked.ok) throw new PathPolicyError(checked.reason, checked.refusal);
  const full = join(resolve(projectDir), ...checked.segments);
  if (!isInside(projectDir, full))
    throw new PathPolicyError(
      `${what} leaves the project folder`,
      refusal('refusal.path.leaves', { field: what }),
    );
  return full;
}

/**
 * The absolute paths (and folders) the consultant picked or the workbench owns. Picked files are kept in a small
 * owner-only file in the data folder, so a project saved last week still finds the CSV chosen for it; a mapping
 * file can never add to it.
 */
export class PathGrants {
  readonly #files = new Set<string>();
  readonly #folders: string[] = [];

  constructor(private readonly persistFile?: string) {
    if (!persistFile) return;
    try {
      const saved: unknown = JSON.parse(readFileSync(persistFile, 'utf8'));
      if (Array.isArray(saved))
        for (const p of saved)
          if (typeof p === 'string' && isSafeAbsolutePath(p)) this.#files.add(normalize(p));
    } catch {
      // None yet (or unreadable): nothing picked.
    }
  }

  grantFile(path: string): void {
    const p = normalize(resolve(path));
    if (this.#files.has(p)) return;
    this.#files.add(p);
    if (this.persistFile) {
      const file = this.persistFile;
      const list = [...this.#files].slice(-500);
      void mkdir(dirname(file), { recursive: true, mode: 0o700 })
        .then(() => writeFile(file, JSON.stringify(list), { mode: 0o600 }))
        .catch(() => {});
    }
  }

  grantFolder(path: string): void {
    this.#folders.push(resolve(path));
  }

  allows = (path: string): boolean => {
    const p = normalize(resolve(path));
    return this.#files.has(p) || this.#folders.some((f) => isInside(f, p));
  };
}
