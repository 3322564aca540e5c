import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/shared/api/client';
import type { EventName } from '../../../src/shared/api/channels';
import type { ProjectDocument, Result } from '../../../src/shared/api/contract';
import { connectEvents, createAppStore } from '../../../src/renderer/src/app/store';
import { wordDetail } from '../../../src/renderer/src/app/store/helpers';

/**
 * The renderer's side of an HR application source: an API failure crosses as a catalogue message and is worded in
 * the interface language (the English text only when the catalogue lacks the id), and the sample's progress
 * (records, pages, records/s, ETA) reaches the running task the Source panel shows.
 */
const doc: ProjectDocument = {
  path: null,
  csvPath: null,
  problems: [],
  mapping: {
    version: 1,
    name: 'Personio',
    source: { kind: 'personio', baseUrl: 'https://api.personio.de', clientId: 'papi-1' },
    mappingKey: { attribute: '' },
    fields: {},
    target: { kind: 'sandbox' },
  },
};

function fake(handlers: Record<string, () => Result<unknown> | Promise<Result<unknown>>>) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const api = createApi(
    async (channel) =>
      handlers[channel]?.() ?? {
        ok: false,
        error: { code: 'unsupported', message: `${channel} not scripted` },
      },
    (event, listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  const emit = (event: EventName, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { api, emit };
}

const unauthorized = {
  id: 'source.api.unauthorized',
  values: { vendor: 'personio', endpoint: 'https://api.personio.de/v2/auth/token', status: 401 },
};

describe('wordDetail', () => {
  it('words a known message in the language, and gives null for an id the catalogue lacks', () => {
    expect(wordDetail(unauthorized, 'nl')).toContain('verkeerde client-ID of verkeerd secret');
    expect(wordDetail(unauthorized, 'en')).toContain('wrong client ID or secret');
    expect(wordDetail({ id: 'source.api.made-up', values: {} }, 'nl')).toBeNull();
    expect(wordDetail(undefined, 'nl')).toBeNull();
  });
});

describe('an API source in the store', () => {
  it('shows a failed sample in Dutch from its code, not the English message', async () => {
    const f = fake({
      'project:new': () => ({ ok: true, value: doc }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'source:sample': () => ({
        ok: false,
        error: {
          code: 'source-failed',
          message: 'Personio refused the client ID (English)',
          detail: unauthorized,
        },
      }),
    });
    const store = createAppStore({
      api: f.api,
      now: () => new Date(2026, 10, 23),
      systemLanguage: 'nl-NL',
      newTaskId: () => 'sample-0',
    });
    await store.getState().newProject('Personio', doc.mapping.source!);
    await expect.poll(() => store.getState().error ?? '').toContain('Personio accepteert de client-ID');
    expect(store.getState().error).not.toContain('English');
  });

  it('carries the API read progress into the running task', async () => {
    let answer: (r: Result<unknown>) => void = () => {};
    const f = fake({
      'project:new': () => ({ ok: true, value: doc }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'source:sample': () => new Promise((r) => (answer = r)),
    });
    const store = createAppStore({
      api: f.api,
      now: () => new Date(2026, 10, 23),
      systemLanguage: 'nl-NL',
      newTaskId: () => 'sample-1',
    });
    const off = connectEvents(store, f.api);
    await store.getState().newProject('Personio', doc.mapping.source!);
    const api = {
      records: 150,
      pages: 3,
      sourceTotal: null,
      retries: 1,
      ratePerSecond: 42.5,
      etaSeconds: null,
    };
    f.emit('task:progress', { taskId: 'sample-1', label: 'sampling', done: 150, total: 2000, api });
    expect(store.getState().task).toMatchObject({ id: 'sample-1', done: 150, total: 2000, api });
    // Another task's progress is not this one's.
    f.emit('task:progress', {
      taskId: 'other',
      label: 'sampling',
      done: 9,
      total: 9,
      api: { ...api, records: 9 },
    });
    expect(store.getState().task?.api?.records).toBe(150);
    answer({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    off();
  });
});
