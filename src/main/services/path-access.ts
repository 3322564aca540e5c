import { dirname, isAbsolute } from 'node:path';
import { refuse } from '../../shared/api/contract';
import { PathPolicyError, resolveMappingPath, type PathPolicy } from '../security/path-policy';
import type { ServiceContext } from './context';

/** The app's path policy: absolute paths only when picked by the consultant, or inside the data folder. */
export function appPathPolicy(ctx: ServiceContext): PathPolicy {
  return { allowAbsolute: ctx.grants.allows };
}

/** Whether a project file may be read or written: picked by the consultant, recent, or the workbench's own. */
export async function isProjectPathAllowed(ctx: ServiceContext, path: string): Promise<boolean> {
  if (!isAbsolute(path) || !path.toLowerCase().endsWith('.plekmap.json')) return false;
  if (ctx.grants.allows(path)) return true;
  return (await ctx.recent.list()).includes(path);
}

/** Refuses a `projectPath` the consultant did not open: relative source paths resolve against its folder. */
export async function checkProjectPath(
  ctx: ServiceContext,
  projectPath: string | null | undefined,
): Promise<void> {
  if (projectPath === null || projectPath === undefined) return;
  if (!(await isProjectPathAllowed(ctx, projectPath)))
    throw refuse(
      'forbidden',
      'that project was not opened in the workbench; open it first',
      'refusal.projectNotOpened',
    );
}

/**
 * A file named by a project's source (`source.path`, `source.caFile`), through the one path policy: relative
 * to the (opened) project's folder, or an absolute path the consultant picked. Unsaved projects resolve
 * relative paths against the data folder.
 */
export async function resolveSourceFile(
  ctx: ServiceContext,
  path: string,
  projectPath: string | null | undefined,
  what: string,
): Promise<string> {
  await checkProjectPath(ctx, projectPath);
  const base = projectPath ? dirname(projectPath) : ctx.options.dataDir;
  try {
    return resolveMappingPath(base, path, what, appPathPolicy(ctx));
  } catch (e) {
    if (e instanceof PathPolicyError) throw refuse('forbidden', e.message, e.refusal.id, e.refusal.values);
    throw e;
  }
}
