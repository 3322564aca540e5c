import type { StateCreator } from 'zustand';
import { valueOrReport } from './helpers';
import { PREVIEW_LIMIT } from './source-slice';
import type { AppState, StoreDeps, ValidationSlice } from './types';

export function createValidationSlice(deps: StoreDeps): StateCreator<AppState, [], [], ValidationSlice> {
  const { api } = deps;
  let previewSeq = 0;
  let validateSeq = 0;
  return (set, get) => ({
    validation: null,
    validationRevision: 0,
    validating: false,
    preview: null,
    previewRevision: 0,
    previewing: false,
    selectedRow: null,

    validate: async () => {
      const { mapping, sample, today, revision } = get();
      if (!mapping || !sample) return;
      const seq = ++validateSeq;
      set({ validating: true, selectedRow: null });
      const result = await api.mapping.validate({ mapping, records: sample.records, today });
      if (seq !== validateSeq) return;
      set({ validating: false });
      const validation = valueOrReport(get, result);
      if (validation) set({ validation, validationRevision: revision });
    },

    cancelValidation: () => {
      validateSeq++;
      set({ validating: false });
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
            problems: [{ path: '$', message: result.error.message }],
          },
          previewRevision: revision,
        });
      }
    },

    selectRow: (row) => set({ selectedRow: row }),
  });
}
