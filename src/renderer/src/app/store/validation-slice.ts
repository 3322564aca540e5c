import type { StateCreator } from 'zustand';
import { valueOrReport } from './helpers';
import { PREVIEW_LIMIT } from './source-slice';
import type { AppState, StoreDeps, ValidationSlice } from './types';

export function createValidationSlice(deps: StoreDeps): StateCreator<AppState, [], [], ValidationSlice> {
  const { api } = deps;
  let previewSeq = 0;
  let validateSeq = 0;
  let validateTask: string | null = null;
  return (set, get) => ({
    validation: null,
    validationRevision: 0,
    validating: false,
    validationProgress: null,
    preview: null,
    previewRevision: 0,
    previewing: false,
    selectedRow: null,

    // Every row of the source is checked in the main process (a 100k-row export never crosses to the renderer);
    // only the rows with issues come back, so each one can be opened.
    validate: async () => {
      const { mapping, sample, project, today, revision } = get();
      if (!mapping || !sample) return;
      const seq = ++validateSeq;
      const taskId = deps.newTaskId();
      validateTask = taskId;
      set({ validating: true, selectedRow: null, validationProgress: { taskId, done: 0, total: null } });
      const result = await api.mapping.validate({
        mapping,
        projectPath: project?.path ?? null,
        today,
        taskId,
      });
      if (seq !== validateSeq) return;
      validateTask = null;
      set({ validating: false, validationProgress: null });
      const validation = valueOrReport(get, result);
      if (validation) set({ validation, validationRevision: revision });
    },

    cancelValidation: () => {
      validateSeq++;
      if (validateTask) void api.task.cancel({ taskId: validateTask });
      validateTask = null;
      set({ validating: false, validationProgress: null });
    },

    refreshPreview: async () => {
      const { mapping, sample, today, revision } = get();
      if (!mapping || !sample) return;
      const seq = ++previewSeq;
      set({ previewing: true });
      const result = await api.mapping.preview({
        mapping,
        records: sample.records.slice(0, PREVIEW_LIMIT),
        today,
      });
      if (seq !== previewSeq) return;
      set({ previewing: false });
      // A preview error is shown beside the table, not as a banner: the consultant is mid-edit.
      if (result.ok) set({ preview: result.value, previewRevision: revision });
      else if (result.error.code !== 'cancelled') {
        set({
          preview: {
            outcomes: [],
            issues: [],
            summary: null,
            problems: [
              {
                path: '$',
                message: result.error.message,
                ...(result.error.detail ? { detail: result.error.detail } : {}),
              },
            ],
          },
          previewRevision: revision,
        });
      }
    },

    selectRow: (row) => set({ selectedRow: row }),
  });
}
