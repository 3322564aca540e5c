import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkbenchHandlers } from '../../../shared/api/contract';
import type { ServiceContext } from '../context';

/** `app:info`: what this workbench is and can do (mode, dialogs, secret storage, the demo). */
export function appHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, 'app:info' | 'task:cancel'> {
  const { options } = ctx;
  return {
    'app:info': async () => ({
      name: 'Plek Provisioning Workbench',
      version: options.version ?? '0.1.0',
      mode: options.mode,
      platform: process.platform,
      locale: options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
      capabilities: {
        nativeDialogs: Boolean(options.dialogs),
        persistentSecrets: options.secrets.persistent,
      },
      demoAvailable: await stat(join(ctx.resourcesDir, 'demo', 'demo.plekmap.json')).then(
        (s) => s.isFile(),
        () => false,
      ),
    }),

    'task:cancel': async ({ taskId }) => ({ cancelled: ctx.tasks.cancel(taskId) }),
  };
}
