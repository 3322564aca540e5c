import type { WorkbenchHandlers } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';

/** The workbench's own settings (today: how long HR data is kept), stored per user, applied at once. */
export function settingsHandlers(
  ctx: ServiceContext,
): Pick<WorkbenchHandlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => ctx.settings(),
    'settings:set': async ({ retentionDays }) => {
      await ctx.saveSettings({ ...(await ctx.settings()), retentionDays });
      return { retentionDays, removed: await ctx.applyRetention() };
    },
  };
}
