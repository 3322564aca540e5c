import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { refuse } from '../../shared/api/contract';
import { DEMO_EXPORT_FILE, DEMO_MAPPING_FILE, demoTimeZone, writeDemoProject } from '../demo/bundled-demo';
import type { ServiceContext } from './context';

/** Where the workbench keeps its copy of the demo project's mapping (the data folder's `demo/`). */
export function demoProjectPath(ctx: ServiceContext): string {
  return join(ctx.folders.demo, DEMO_MAPPING_FILE);
}

/** Whether `path` is the workbench's own copy of the demo project. */
export function isDemoProject(ctx: ServiceContext, path: string): boolean {
  return resolve(path) === resolve(demoProjectPath(ctx));
}

/**
 * Writes the demo project into the data folder as it reads today, and returns its mapping's path. The export
 * is rewritten from the bundled one every time, its employment dates moved from the demo's anchor to today in
 * the mapping's time zone (the service's clock), so the demo shows the same leavers, "leaves on …" people and
 * counts on any day. The mapping is copied only when there is none (the consultant's edits stay).
 */
export async function prepareDemoProject(ctx: ServiceContext): Promise<string> {
  const from = join(ctx.resourcesDir, 'demo');
  const zone =
    (await demoTimeZone(demoProjectPath(ctx))) ?? (await demoTimeZone(join(from, DEMO_MAPPING_FILE)));
  try {
    await Promise.all([DEMO_MAPPING_FILE, DEMO_EXPORT_FILE].map((f) => access(join(from, f))));
  } catch {
    throw refuse(
      'not-found',
      'the bundled demo is missing from this installation (resources/demo)',
      'refusal.demoMissing',
    );
  }
  // A data folder that cannot be written fails as any other write there does (not as a missing demo).
  return (await writeDemoProject(from, ctx.folders.demo, ctx.today(zone))).mappingPath;
}
