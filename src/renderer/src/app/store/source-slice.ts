import type { StateCreator } from 'zustand';
import { isBlankMapping, proposeProject } from '../../../../shared/project/propose';
import { valueOrReport } from './helpers';
import type { AppState, SourceSlice, StoreDeps } from './types';

/**
 * Records fetched per sample, which the Validate step sends back for checking. 2,000 rows of a wide HR export
 * stay well under the bridge's 2 MiB request limit (the API would take 5,000); the plan checks every row
 * anyway. The live preview maps only the first PREVIEW_LIMIT so it stays instant while editing.
 */
export const SAMPLE_LIMIT = 2000;
export const PREVIEW_LIMIT = 1000;

export function createSourceSlice(deps: StoreDeps): StateCreator<AppState, [], [], SourceSlice> {
  const { api } = deps;
  return (set, get) => ({
    sample: null,
    sampleRevision: 0,
    certificate: null,
    connectionTest: null,
    secretsPresent: {},

    takeSample: async () => {
      const { mapping, project, revision } = get();
      if (!mapping?.source) return;
      const source = mapping.source;
      const taskId = deps.newTaskId();
      set({
        task: { id: taskId, label: 'source.sampling', done: 0, total: null, startedAt: deps.now().getTime() },
      });
      const result = await api.source.sample({
        source,
        projectPath: project?.path ?? null,
        limit: SAMPLE_LIMIT,
        taskId,
      });
      // A newer task (or a cancel) replaced this one: drop the late answer.
      if (get().task?.id !== taskId) return;
      set({ task: null });
      const sample = valueOrReport(get, result);
      if (!sample) return;
      set({ sample, sampleRevision: revision });
      // A new project starts from the same proposal as `plek-sync init`, made from what the sample found.
      const current = get().mapping;
      if (current && isBlankMapping(current) && sample.attributes.length > 0) {
        get().updateMapping((m) => proposeProject(m, sample.attributes, sample.records));
        set((s) => ({ sampleRevision: s.revision }));
      }
    },

    inspectCertificate: async (url) => {
      set({ certificate: null });
      const cert = valueOrReport(get, await api.source.inspectCertificate({ url }));
      if (cert) set({ certificate: cert });
      return cert ?? null;
    },

    pinCertificate: () => {
      const cert = get().certificate;
      if (!cert) return;
      get().updateMapping((m) =>
        m.source?.kind === 'ldap'
          ? { ...m, source: { ...m.source, pinnedFingerprint: cert.fingerprint256 } }
          : m,
      );
    },

    testConnection: async () => {
      const { mapping, project } = get();
      const source = mapping?.source;
      if (!source || source.kind === 'csv') return;
      // A task with the banner's Cancel: a directory behind a firewall that drops packets answers nothing.
      const taskId = deps.newTaskId();
      set({
        connectionTest: null,
        task: { id: taskId, label: 'source.testing', done: 0, total: null, startedAt: deps.now().getTime() },
      });
      const answer = await api.source.testConnection({ source, projectPath: project?.path ?? null, taskId });
      // A newer task (or a cancel) replaced this one: drop the late answer.
      if (get().task?.id !== taskId) return;
      set({ task: null });
      const result = valueOrReport(get, answer);
      if (result) set({ connectionTest: result });
    },

    storeSecret: async (name, value, scope) => {
      // A secret belongs to one endpoint: a SCIM URL, or a directory with its TLS mode and bind DN.
      const endpoint = typeof scope === 'string' ? { url: scope } : scope;
      const stored = valueOrReport(
        get,
        await api.secrets.set(endpoint ? { name, value, endpoint } : { name, value }),
      );
      if (stored) set((s) => ({ secretsPresent: { ...s.secretsPresent, [name]: true } }));
    },

    checkSecret: async (name, scope) => {
      const endpoint = typeof scope === 'string' ? { url: scope } : scope;
      const has = await api.secrets.has(endpoint ? { name, endpoint } : { name });
      if (has.ok) set((s) => ({ secretsPresent: { ...s.secretsPresent, [name]: has.value.present } }));
    },
  });
}
