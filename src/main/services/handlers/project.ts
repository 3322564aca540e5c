import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { refuse, type WorkbenchHandlers } from '../../../shared/api/contract';
import { isSafeProjectFileName } from '../../../shared/api/validators';
import { parseMapping, stringifyMapping } from '../../../shared/mapping/load';
import type { MappingFileInput } from '../../../shared/mapping/schema';
import type { ServiceContext } from '../context';
import { isDemoProject, prepareDemoProject } from '../demo-project';
import { withEndpointChanges } from '../known-endpoints';
import { isProjectPathAllowed } from '../path-access';
import { atomicWrite, csvPathOf, inside, readProject, secretLikeKeys } from '../project-files';

function granted(ctx: ServiceContext, path: string | null): string | null {
  if (path) ctx.grants.grantFile(path);
  return path;
}

type ProjectChannels =
  | 'project:new'
  | 'project:open'
  | 'project:save'
  | 'project:demo'
  | 'project:recent'
  | 'dialog:openMapping'
  | 'dialog:saveMapping'
  | 'dialog:pickCsv';

/** Projects (mapping files): new, open, save, the bundled demo, recent files, and the native file dialogs. */
export function projectHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, ProjectChannels> {
  const { options, folders, recent } = ctx;
  const dialogs = () => {
    if (!options.dialogs)
      throw refuse('unsupported', 'no native dialogs in browser mode', 'refusal.noDialogs');
    return options.dialogs;
  };
  return {
    'project:new': async ({ name, source }) => {
      const mapping: MappingFileInput = {
        version: 1,
        name,
        source,
        mappingKey: { attribute: '' },
        fields: {},
        target: { kind: 'sandbox' },
      };
      const parsed = parseMapping(mapping);
      return {
        path: null,
        mapping,
        problems: parsed.ok ? [] : parsed.problems,
        csvPath: csvPathOf(source, null),
      };
    },

    'project:open': async ({ path }) => {
      // Only a file the consultant picked (dialog, drop, recent list) or the workbench's own: never any JSON
      // file a request names.
      if (!(await isProjectPathAllowed(ctx, path)))
        throw refuse(
          'forbidden',
          'open the project through the Open dialog (or drop it on the window)',
          'error.openThroughDialog',
        );
      // The demo's copy (from the recent list, say) is brought to today as when it is opened from the Start page;
      // without the bundled demo it opens as it is.
      if (isDemoProject(ctx, path)) await prepareDemoProject(ctx).catch(() => undefined);
      const doc = await readProject(path, recent);
      ctx.grants.grantFile(path);
      return withEndpointChanges(ctx, doc);
    },

    'project:save': async ({ path, fileName, mapping }) => {
      const leaked = secretLikeKeys(mapping);
      if (leaked.length > 0)
        throw refuse(
          'invalid-request',
          `not saved: ${leaked.join(', ')} looks like a secret; a mapping file never holds one`,
          'refusal.save.secret',
          { keys: leaked.join(', '), n: leaked.length },
        );
      let target: string;
      if (fileName !== undefined) {
        // Checked again here (not only by the schema): this is the line that joins user input onto our folder.
        if (!isSafeProjectFileName(fileName) || !inside(folders.projects, fileName))
          throw refuse(
            'forbidden',
            'the file name must be a plain name ending in .plekmap.json',
            'refusal.save.fileName',
          );
        target = join(folders.projects, fileName);
      } else {
        target = path as string;
        if (!target.toLowerCase().endsWith('.plekmap.json'))
          throw refuse(
            'invalid-request',
            'a mapping is saved as a .plekmap.json file',
            'refusal.save.extension',
          );
        // Where the consultant chose to save (the Save dialog) or the project they opened; nowhere else.
        if (!(await isProjectPathAllowed(ctx, target)))
          throw refuse(
            'forbidden',
            'choose where to save through the Save dialog',
            'refusal.save.throughDialog',
          );
      }
      await atomicWrite(target, stringifyMapping(mapping as Record<string, unknown>));
      await recent.add(target);
      return { path: target };
    },

    'project:demo': async () =>
      withEndpointChanges(ctx, await readProject(await prepareDemoProject(ctx), recent)),

    // A file removed since (by "clear workbench data", or by hand) is not offered; the list itself keeps it, so a
    // project on a drive that is away for now comes back when the drive does.
    'project:recent': async () => ({ paths: await existingFiles(await recent.list()) }),

    // What a native dialog returns was picked by the consultant: from now on it may be read (or written).
    'dialog:openMapping': async () => ({ path: granted(ctx, await dialogs().openMapping()) }),
    'dialog:saveMapping': async ({ suggestedName }) => ({
      path: granted(ctx, await dialogs().saveMapping(suggestedName)),
    }),
    'dialog:pickCsv': async () => ({ path: granted(ctx, await dialogs().pickCsv()) }),
  };
}

/** The paths that are files on this computer now, in their order. */
async function existingFiles(paths: string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return paths.filter((_, i) => found[i]);
}
