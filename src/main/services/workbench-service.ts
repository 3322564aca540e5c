import type { EventName } from '../../shared/api/channels';
import { createApi } from '../../shared/api/client';
import type { EventMap, WorkbenchApi, WorkbenchHandlers } from '../../shared/api/contract';
import { protectDataDir } from '../security/data-protection';
import { createServiceContext, type WorkbenchServiceOptions } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import type { AnyEventListener } from './event-hub';
import { appHandlers } from './handlers/app';
import { mappingHandlers } from './handlers/mapping';
import { planHandlers } from './handlers/plan';
import { projectHandlers } from './handlers/project';
import { runHandlers } from './handlers/run';
import { sandboxHandlers } from './handlers/sandbox';
import { secretHandlers } from './handlers/secrets';
import { settingsHandlers } from './handlers/settings';
import { sourceHandlers } from './handlers/source';

export type { DialogHost, RecentProjects, WorkbenchServiceOptions } from './context';
export { toPlanView } from './handlers/plan';

export interface WorkbenchService {
  /** Validates and runs one request; what both transports call. Never throws. */
  dispatch: Dispatch;
  subscribe(listener: AnyEventListener): () => void;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** The same service as an in-process `WorkbenchApi` (tests, scripts). */
  api: WorkbenchApi;
  handlers: WorkbenchHandlers;
  /**
   * A path the consultant chose outside the renderer (a dropped file, a recent-files menu entry, the file the
   * app was started with): the only way besides the dialogs that an absolute path becomes usable.
   */
  grantPath(path: string): void;
  /** Resolves once start-up work is done (data folder protected, old HR data removed): for tests. */
  ready: Promise<number>;
  close(): Promise<void>;
}

/**
 * The workbench in plain Node: every channel of the contract, one handler module per domain (handlers/*.ts)
 * over a shared context. Electron (IPC) and serve mode (HTTP bridge) wrap the same instance.
 */
export function createWorkbenchService(options: WorkbenchServiceOptions): WorkbenchService {
  const ctx = createServiceContext(options);
  // HR data at rest: the data folder owner-only, and what is past the retention period removed at start.
  const ready = protectDataDir(options.dataDir)
    .then(() => ctx.applyRetention())
    .catch(() => 0);
  const handlers: WorkbenchHandlers = {
    ...appHandlers(ctx),
    ...projectHandlers(ctx),
    ...sourceHandlers(ctx),
    ...mappingHandlers(ctx),
    ...planHandlers(ctx),
    ...runHandlers(ctx),
    ...sandboxHandlers(ctx),
    ...secretHandlers(ctx),
    ...settingsHandlers(ctx),
  };
  const dispatch = createDispatch(handlers, {
    redactor: ctx.redactor,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  return {
    dispatch,
    handlers,
    grantPath: (path) => ctx.grants.grantFile(path),
    ready,
    subscribe: (l) => ctx.hub.subscribe(l),
    emit: ctx.emit,
    api: createApi(
      (channel, request) => dispatch(channel, request),
      (event, listener) => ctx.hub.subscribe((e, p) => e === event && listener(p)),
    ),
    close: async () => {
      ctx.tasks.cancelAll();
      ctx.runs.abortAll();
      await ready;
      await ctx.sandbox.stop();
    },
  };
}
