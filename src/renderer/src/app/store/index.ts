import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { WorkbenchApi } from '../../../../shared/api/contract';
import { createPlanSlice } from './plan-slice';
import { createProjectSlice } from './project-slice';
import { createRunSlice, LOG_LIMIT } from './run-slice';
import { createSourceSlice } from './source-slice';
import { createUiSlice } from './ui-slice';
import { createValidationSlice } from './validation-slice';
import { createWorkbenchDataSlice } from './data-slice';
import type { AppState, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;
export * from './types';

const PREFS_KEY = 'plek-workbench:ui';

/**
 * The one app store: typed slices combined, middleware (persisting the language and theme choice) applied once
 * on the combined store. Results of API calls are stored; anything computable from them is derived in selectors.
 */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()(
    persist(
      (...a) => ({
        ...createUiSlice(deps)(...a),
        ...createProjectSlice(deps)(...a),
        ...createSourceSlice(deps)(...a),
        ...createValidationSlice(deps)(...a),
        ...createPlanSlice(deps)(...a),
        ...createRunSlice(deps)(...a),
        ...createWorkbenchDataSlice(deps)(...a),
      }),
      {
        name: PREFS_KEY,
        storage: deps.storage ? createJSONStorage(() => deps.storage as Storage) : undefined,
        partialize: (s) => ({ lang: s.lang, theme: s.theme }),
      },
    ),
  );
}

/** Routes the API's events into the store; returns the unsubscribe function. */
export function connectEvents(store: AppStore, api: WorkbenchApi): () => void {
  const offs = [
    api.on('task:progress', (p) => {
      const { task, validationProgress } = store.getState();
      if (task && task.id === p.taskId)
        store.setState({ task: { ...task, done: p.done, total: p.total, ...(p.api ? { api: p.api } : {}) } });
      else if (validationProgress?.taskId === p.taskId)
        store.setState({ validationProgress: { taskId: p.taskId, done: p.done, total: p.total } });
    }),
    api.on('run:progress', (p) => {
      const s = store.getState();
      if (s.runId === null && s.runStatus === 'running') store.setState({ runId: p.runId });
      else if (s.runId !== p.runId) return;
      store.setState({ progress: p, progressAt: Date.now() });
    }),
    api.on('run:log', (line) => {
      const s = store.getState();
      if (s.runId !== null && s.runId !== line.runId) return;
      const log = s.log.length >= LOG_LIMIT ? s.log.slice(s.log.length - LOG_LIMIT + 1) : s.log.slice();
      log.push(line);
      store.setState({ log });
    }),
    api.on('run:finished', (f) => {
      const s = store.getState();
      if (s.runId !== null && s.runId !== f.runId) return;
      if (s.pausing && f.status === 'cancelled') {
        store.setState({ runId: f.runId, runStatus: f.status, paused: true, pausing: false });
        return;
      }
      store.setState({ runId: f.runId, runStatus: f.status, pausing: false });
      if (f.message && f.status === 'failed') s.showError(f.message);
      void api.run.report({ runId: f.runId, lang: s.lang }).then((r) => {
        if (r.ok && store.getState().runId === f.runId) store.setState({ report: r.value });
      });
    }),
    api.on('project:opened', (doc) => {
      const s = store.getState();
      s.adoptProject(doc);
      store.setState({ step: 'source' });
      void store.getState().takeSample();
    }),
    api.on('menu:command', (cmd) => {
      const s = store.getState();
      switch (cmd.command) {
        case 'demo':
          void s.openDemo();
          break;
        case 'open':
          if (cmd.path) void s.openProject(cmd.path);
          else void s.pickMappingAndOpen();
          break;
        case 'save':
          void s.saveProject();
          break;
        case 'save-as':
          void s.saveProject(true);
          break;
        case 'new-csv':
          void s.pickCsvAndCreate();
          break;
        case 'open-csv':
          if (cmd.path) {
            const base = cmd.path.split(/[\\/]/).pop() ?? 'export';
            void s.newProject(base.replace(/\.(csv|txt)$/i, ''), {
              kind: 'csv',
              path: cmd.path,
              encoding: 'auto',
              delimiter: 'auto',
            });
          } else void s.pickCsvAndCreate();
          break;
        case 'new-ldap':
          s.goTo('start');
          break;
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
