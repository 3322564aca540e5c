import type { StateCreator } from 'zustand';
import type { ProjectDocument } from '../../../../shared/api/contract';
import { todayIn } from '../../../../shared/engine/today';
import { valueOrReport } from './helpers';
import type { AppState, ProjectSlice, StoreDeps } from './types';

/** What a newly opened project resets: everything derived from the previous project's source and mapping. */
function freshProject(doc: ProjectDocument, revision: number): Partial<AppState> {
  return {
    project: doc,
    mapping: doc.mapping,
    revision: revision + 1,
    savedRevision: revision + 1,
    sample: null,
    certificate: null,
    connectionTest: null,
    secretsPresent: {},
    validation: null,
    preview: null,
    selectedRow: null,
    plan: null,
    allowOverride: false,
    runId: null,
    runStatus: null,
    progress: null,
    log: [],
    report: null,
    error: null,
  };
}

export function createProjectSlice(deps: StoreDeps): StateCreator<AppState, [], [], ProjectSlice> {
  const { api } = deps;

  return (set, get) => {
    /** Opens a document, samples its source and moves on to the Source step. */
    async function open(request: () => ReturnType<typeof api.project.demo>): Promise<void> {
      set({ opening: true, error: null });
      try {
        const doc = valueOrReport(get, await request());
        if (!doc) return;
        get().adoptProject(doc);
        set({ step: 'source' });
        void get().takeSample();
        void refreshRecent();
      } finally {
        set({ opening: false });
      }
    }

    async function refreshRecent(): Promise<void> {
      const recent = await api.project.recent();
      if (recent.ok) set({ recent: recent.value.paths });
    }

    return {
      appInfo: null,
      recent: [],
      project: null,
      mapping: null,
      revision: 0,
      savedRevision: 0,
      today: todayIn(undefined, deps.now()),
      opening: false,

      init: async () => {
        const info = await api.app.info();
        if (info.ok) set({ appInfo: info.value });
        await refreshRecent();
      },
      openDemo: () => open(() => api.project.demo()),
      openProject: (path) => open(() => api.project.open({ path })),
      newProject: (name, source) => open(() => api.project.new({ name, source })),
      uploadCsvAndCreate: async (fileName, contentBase64) => {
        set({ opening: true });
        const uploaded = valueOrReport(get, await api.source.upload({ fileName, contentBase64 }));
        set({ opening: false });
        if (!uploaded) return;
        const name = fileName.replace(/\.(csv|txt)$/i, '');
        await get().newProject(name, {
          kind: 'csv',
          path: uploaded.path,
          encoding: 'auto',
          delimiter: 'auto',
        });
      },
      pickCsvAndCreate: async () => {
        const picked = valueOrReport(get, await api.dialog.pickCsv());
        if (!picked?.path) return;
        const base = picked.path.split(/[\\/]/).pop() ?? 'export.csv';
        await get().newProject(base.replace(/\.(csv|txt)$/i, ''), {
          kind: 'csv',
          path: picked.path,
          encoding: 'auto',
          delimiter: 'auto',
        });
      },
      pickMappingAndOpen: async () => {
        const picked = valueOrReport(get, await api.dialog.openMapping());
        if (picked?.path) await get().openProject(picked.path);
      },
      saveProject: async (as = false) => {
        const { project, mapping, appInfo, revision } = get();
        if (!project || !mapping) return;
        let path = as ? null : project.path;
        let fileName: string | undefined;
        if (!path) {
          if (appInfo?.capabilities.nativeDialogs) {
            const picked = valueOrReport(
              get,
              await api.dialog.saveMapping({ suggestedName: `${mapping.name ?? 'project'}.plekmap.json` }),
            );
            if (!picked?.path) return;
            path = picked.path;
          } else {
            fileName = `${safeFileStem(mapping.name ?? 'project')}.plekmap.json`;
          }
        }
        const saved = valueOrReport(
          get,
          await api.project.save(path ? { path, mapping } : { fileName: fileName as string, mapping }),
        );
        if (!saved) return;
        set((s) => ({
          project: s.project ? { ...s.project, path: saved.path } : s.project,
          savedRevision: revision,
          notice: 'app.saved',
        }));
        void refreshRecent();
      },
      updateMapping: (edit) => {
        const mapping = get().mapping;
        if (!mapping) return;
        set((s) => ({ mapping: edit(mapping), revision: s.revision + 1 }));
      },
      // "Today" is the date in the mapping's time zone, as the service and plek-sync decide it: a laptop in
      // another zone (or past midnight there) judges end dates, validates and plans on the same day.
      adoptProject: (doc) =>
        set((s) => ({ ...freshProject(doc, s.revision), today: mappingToday(doc, deps.now()) })),
    };
  };
}

/** Today in the project's time zone; a zone the mapping misspells is reported on validation, today is Amsterdam's. */
function mappingToday(doc: ProjectDocument, now: Date): string {
  try {
    return todayIn(doc.mapping.timeZone, now);
  } catch {
    return todayIn(undefined, now);
  }
}

/** "Gemeente Zwolle – HR" → "Gemeente-Zwolle-HR": a file name the save channel accepts. */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem || 'project';
}
