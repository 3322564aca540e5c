import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/shared/api/client';
import type { Channel, EventName } from '../../../src/shared/api/channels';
import type { PlanView, ProjectDocument, Result, SourceSample } from '../../../src/shared/api/contract';
import { connectEvents, createAppStore } from '../../../src/renderer/src/app/store';
import { safeFileStem } from '../../../src/renderer/src/app/store/project-slice';

type Handler = (request: Record<string, unknown>) => Promise<Result<unknown>> | Result<unknown>;

/** A fake WorkbenchApi: scripted handlers per channel, a call log, and a way to fire events. */
function fakeApi(handlers: Partial<Record<Channel, Handler>>) {
  const calls: { channel: Channel; request: Record<string, unknown> }[] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const api = createApi(
    async (channel, request) => {
      calls.push({ channel, request: request as Record<string, unknown> });
      const h = handlers[channel];
      if (!h) return { ok: false, error: { code: 'unsupported', message: `${channel} not scripted` } };
      return h(request as Record<string, unknown>);
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
  return { api, calls, emit };
}

const demoDoc: ProjectDocument = {
  path: '/home/consultant/.plek/demo/demo.plekmap.json',
  csvPath: '/home/consultant/.plek/demo/hr-export.csv',
  problems: [],
  mapping: {
    version: 1,
    name: 'Gemeente Voorbeeld — HR-export (demo)',
    source: { kind: 'csv', path: 'hr-export.csv', encoding: 'auto', delimiter: 'auto' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: { 'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], [Achternaam])' } },
    target: { kind: 'sandbox' },
  },
};

const sample: SourceSample = {
  attributes: [{ name: 'Achternaam', fillRate: 1, examples: ['Berg', 'Müller'] }],
  records: [
    { row: 2, values: { Personeelsnummer: '10001', Tussenvoegsel: 'van der', Achternaam: 'Berg' } },
    { row: 3, values: { Personeelsnummer: '10002', Tussenvoegsel: '', Achternaam: 'Müller' } },
  ],
  issues: [{ code: 'short-row', severity: 'error', row: 9, message: 'regel 9 heeft 4 van de 12 kolommen' }],
  totalRecords: 2,
  encoding: 'windows-1252',
  delimiter: ';',
};

function blockedPlan(): PlanView {
  return {
    planId: 'plan-1',
    counts: { create: 2, update: 0, link: 0, deactivate: 40, reactivate: 0, unchanged: 0, skip: 0, error: 0 },
    changes: [],
    safety: { ok: false, reasons: ['40 deactivations exceed the limit of 25'] },
    issues: [],
    summary: null,
    target: 'sandbox',
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

let ids = 0;
function makeStore(
  api: ReturnType<typeof fakeApi>['api'],
  storage = memoryStorage(),
  systemLanguage = 'nl-NL',
) {
  return createAppStore({
    api,
    now: () => new Date(2026, 10, 23, 9, 30),
    storage,
    systemLanguage,
    newTaskId: () => `task-${++ids}`,
  });
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('app store', () => {
  it('opens the demo, moves to the Source step and samples the CSV with a task id', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [demoDoc.path as string] } }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    const s = store.getState();
    expect(s.step).toBe('source');
    expect(s.mapping?.name).toBe('Gemeente Voorbeeld — HR-export (demo)');
    expect(s.sample?.encoding).toBe('windows-1252');
    expect(s.today).toBe('2026-11-23');
    expect(s.recent).toEqual([demoDoc.path]);
    const sampleCall = f.calls.find((c) => c.channel === 'source:sample');
    expect(sampleCall?.request).toMatchObject({ projectPath: demoDoc.path, source: demoDoc.mapping.source });
    expect(String(sampleCall?.request.taskId)).toMatch(/^task-\d+$/);
    expect(s.task).toBeNull();
  });

  it('shows progress of a task and drops its late answer after Cancel', async () => {
    let resolveSample: (r: Result<unknown>) => void = () => {};
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => new Promise((r) => (resolveSample = r)),
      'task:cancel': () => ({ ok: true, value: { cancelled: true } }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
    });
    const store = makeStore(f.api);
    const off = connectEvents(store, f.api);
    await store.getState().openDemo();
    const task = store.getState().task;
    expect(task?.label).toBe('source.sampling');
    f.emit('task:progress', { taskId: task?.id, label: 'sample', done: 500, total: 2000 });
    expect(store.getState().task).toMatchObject({ done: 500, total: 2000 });
    f.emit('task:progress', { taskId: 'someone-else', label: 'sample', done: 1999, total: 2000 });
    expect(store.getState().task?.done).toBe(500);

    await store.getState().cancelTask();
    expect(f.calls.find((c) => c.channel === 'task:cancel')?.request).toEqual({ taskId: task?.id });
    resolveSample({ ok: false, error: { code: 'cancelled', message: 'sampling was cancelled' } });
    await flush();
    expect(store.getState().sample).toBeNull();
    expect(store.getState().error).toBeNull();
    off();
  });

  it('tests a directory connection as a task with Cancel, and drops its late answer after Cancel', async () => {
    const answers: ((r: Result<unknown>) => void)[] = [];
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'source:testConnection': () => new Promise((r) => answers.push(r)),
      'task:cancel': () => ({ ok: true, value: { cancelled: true } }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    const ldap = {
      kind: 'ldap' as const,
      url: 'ldaps://dc01.gemeente-voorbeeld.nl',
      flavor: 'ad' as const,
      startTls: true,
      bindDn: 'CN=svc-plek,OU=Service,DC=gemeente-voorbeeld,DC=nl',
      baseDn: 'DC=gemeente-voorbeeld,DC=nl',
      caFile: 'certs/gemeente-ca.pem',
    };
    store.getState().updateMapping((m) => ({ ...m, source: ldap }));

    // Cancelled: the banner's task goes, the late "cancelled" answer shows nothing.
    const first = store.getState().testConnection();
    const task = store.getState().task;
    expect(task?.label).toBe('source.testing');
    const call = f.calls.filter((c) => c.channel === 'source:testConnection')[0];
    // The project path goes along: a caFile relative to the project resolves there.
    expect(call?.request).toEqual({ source: ldap, projectPath: demoDoc.path, taskId: task?.id });
    await store.getState().cancelTask();
    expect(f.calls.find((c) => c.channel === 'task:cancel')?.request).toEqual({ taskId: task?.id });
    answers[0]!({ ok: false, error: { code: 'cancelled', message: 'testing was cancelled' } });
    await first;
    expect(store.getState().connectionTest).toBeNull();
    expect(store.getState().error).toBeNull();

    // Not cancelled: the answer is shown and the task is over.
    const second = store.getState().testConnection();
    answers[1]!({ ok: true, value: { ok: true, message: 'Connected', sampleCount: 12 } });
    await second;
    expect(store.getState().task).toBeNull();
    expect(store.getState().connectionTest).toEqual({ ok: true, message: 'Connected', sampleCount: 12 });
  });

  it('reports a failed call in the error banner', async () => {
    const f = fakeApi({
      'project:open': () => ({
        ok: false,
        error: { code: 'not-found', message: 'klant-zwolle.plekmap.json does not exist (moved or renamed?)' },
      }),
    });
    const store = makeStore(f.api);
    await store.getState().openProject('/home/consultant/klant-zwolle.plekmap.json');
    expect(store.getState().error).toBe('klant-zwolle.plekmap.json does not exist (moved or renamed?)');
    expect(store.getState().step).toBe('start');
    expect(store.getState().opening).toBe(false);
  });

  it('words an error the service sent as catalogue data in the interface language', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({
        ok: false,
        error: {
          code: 'invalid-request',
          message: 'enter the bind password of cn=plek-lezer,dc=ede first',
          detail: { id: 'error.ldapPasswordMissing', values: { bindDn: 'cn=plek-lezer,dc=ede' } },
        },
      }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    expect(store.getState().error).toMatch(/^Vul eerst het wachtwoord van cn=plek-lezer,dc=ede in/);
  });

  it('bumps the revision on each edit, so plan and preview know they are stale', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'mapping:preview': (req) => ({
        ok: true,
        value: { outcomes: [], issues: [], summary: null, problems: [], echo: req },
      }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    const before = store.getState().revision;
    store
      .getState()
      .updateMapping((m) => ({ ...m, deactivation: { inactiveWhen: '[Status] = "Inactief"' } }));
    expect(store.getState().revision).toBe(before + 1);
    expect(store.getState().mapping?.deactivation).toEqual({ inactiveWhen: '[Status] = "Inactief"' });
    await store.getState().refreshPreview();
    const call = f.calls.find((c) => c.channel === 'mapping:preview');
    expect(call?.request.mapping).toMatchObject({ deactivation: { inactiveWhen: '[Status] = "Inactief"' } });
    expect(call?.request.today).toBe('2026-11-23');
    expect(store.getState().previewRevision).toBe(before + 1);
  });

  it('validates the whole source in the main process and keeps the answer', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'mapping:validate': () => ({
        ok: true,
        value: {
          problems: [],
          issues: [{ code: 'duplicate-key', severity: 'error', row: 3, message: 'dubbel' }],
          issueCounts: { 'duplicate-key': 1 },
          summary: null,
        },
      }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    await store.getState().validate();
    const request = f.calls.find((c) => c.channel === 'mapping:validate')?.request;
    // No records cross the boundary: the service reads every row of the source itself, as a cancellable task.
    expect(request?.records).toBeUndefined();
    expect(request?.taskId).toEqual(expect.any(String));
    expect(store.getState().validation?.issues.map((i) => i.code)).toEqual(['duplicate-key']);
    expect(store.getState().validating).toBe(false);
  });

  it('validates and plans on today in the mapping’s time zone, not the laptop’s', async () => {
    // 31 December, 22:30 UTC: still 31 December in Amsterdam, already 1 January at Kiritimati (UTC+14).
    const now = new Date(Date.UTC(2026, 11, 31, 22, 30));
    const kiritimati = { ...demoDoc, mapping: { ...demoDoc.mapping, timeZone: 'Pacific/Kiritimati' } };
    const misspelt = { ...demoDoc, mapping: { ...demoDoc.mapping, timeZone: 'Europe/Amsterdamm' } };
    const validated: unknown[] = [];
    for (const doc of [demoDoc, kiritimati, misspelt]) {
      const f = fakeApi({
        'project:demo': () => ({ ok: true, value: doc }),
        'source:sample': () => ({ ok: true, value: sample }),
        'project:recent': () => ({ ok: true, value: { paths: [] } }),
        'mapping:validate': () => ({
          ok: true,
          value: { problems: [], issues: [], issueCounts: {}, summary: null },
        }),
      });
      const store = createAppStore({
        api: f.api,
        now: () => now,
        storage: memoryStorage(),
        systemLanguage: 'nl-NL',
        newTaskId: () => `task-${++ids}`,
      });
      await store.getState().openDemo();
      await flush();
      await store.getState().validate();
      validated.push(f.calls.find((c) => c.channel === 'mapping:validate')?.request.today);
    }
    // A misspelt zone is the mapping's problem to report; the day is Amsterdam's meanwhile.
    expect(validated).toEqual(['2026-12-31', '2027-01-01', '2026-12-31']);
  });

  it('shows how far checking every row got, from the validation task’s progress', async () => {
    let answer: (r: Result<unknown>) => void = () => {};
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'mapping:validate': () => new Promise((r) => (answer = r)),
    });
    const store = makeStore(f.api);
    const off = connectEvents(store, f.api);
    await store.getState().openDemo();
    await flush();
    const running = store.getState().validate();
    const taskId = f.calls.find((c) => c.channel === 'mapping:validate')?.request.taskId;
    expect(store.getState().validationProgress).toEqual({ taskId, done: 0, total: null });
    f.emit('task:progress', { taskId, label: 'read', done: 15000, total: 40000 });
    expect(store.getState().validationProgress).toEqual({ taskId, done: 15000, total: 40000 });
    // Another task's progress is not ours.
    f.emit('task:progress', { taskId: 'task-other', label: 'read', done: 39000, total: 40000 });
    expect(store.getState().validationProgress?.done).toBe(15000);
    answer({ ok: true, value: { problems: [], issues: [], issueCounts: {}, summary: null } });
    await running;
    expect(store.getState().validationProgress).toBeNull();
    off();
  });

  it('drops the answer of a validation the consultant cancelled', async () => {
    let answer: (r: Result<unknown>) => void = () => {};
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'mapping:validate': () => new Promise((r) => (answer = r)),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    const running = store.getState().validate();
    expect(store.getState().validating).toBe(true);
    store.getState().cancelValidation();
    expect(store.getState().validating).toBe(false);
    answer({ ok: true, value: { problems: [], issues: [], issueCounts: {}, summary: null } });
    await running;
    expect(store.getState().validation).toBeNull();
  });

  it('refuses to apply a blocked plan until the consultant allows it for this run', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'plan:compute': () => ({ ok: true, value: blockedPlan() }),
      'run:apply': () => ({ ok: true, value: { runId: 'run-1' } }),
      'run:report': () => ({
        ok: true,
        value: {
          runId: 'run-1',
          planId: 'plan-1',
          status: 'completed',
          startedAt: '2026-11-23T09:30:00Z',
          finishedAt: '2026-11-23T09:30:04Z',
          target: 'sandbox',
          counts: { create: 2, deactivate: 40 },
          failures: [],
          text: 'ok',
        },
      }),
    });
    const store = makeStore(f.api);
    const off = connectEvents(store, f.api);
    await store.getState().openDemo();
    await flush();
    await store.getState().computePlan();
    expect(store.getState().plan?.planId).toBe('plan-1');

    await store.getState().apply();
    expect(f.calls.some((c) => c.channel === 'run:apply')).toBe(false);

    store.getState().setAllowOverride(true);
    await store.getState().apply();
    expect(f.calls.find((c) => c.channel === 'run:apply')?.request).toEqual({
      planId: 'plan-1',
      overrideSafety: true,
    });
    expect(store.getState()).toMatchObject({ runId: 'run-1', runStatus: 'running' });

    f.emit('run:progress', {
      runId: 'run-1',
      done: 21,
      total: 42,
      failed: 0,
      ratePerSecond: 10.5,
      etaSeconds: 2,
    });
    f.emit('run:log', {
      runId: 'run-1',
      at: '2026-11-23T09:30:01Z',
      level: 'info',
      message: 'created 10001',
    });
    f.emit('run:log', { runId: 'run-other', at: '2026-11-23T09:30:01Z', level: 'info', message: 'not ours' });
    expect(store.getState().progress?.done).toBe(21);
    expect(store.getState().log.map((l) => l.message)).toEqual(['created 10001']);

    f.emit('run:finished', { runId: 'run-1', status: 'completed' });
    await flush();
    expect(store.getState().runStatus).toBe('completed');
    expect(store.getState().report?.counts).toEqual({ create: 2, deactivate: 40 });
    off();
  });

  it('pauses by stopping the run and resumes by applying the same plan again', async () => {
    let runs = 0;
    const okPlan: PlanView = { ...blockedPlan(), safety: { ok: true, reasons: [] } };
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'plan:compute': () => ({ ok: true, value: okPlan }),
      'run:apply': () => ({ ok: true, value: { runId: `run-${++runs}` } }),
      'run:cancel': () => ({ ok: true, value: { cancelled: true } }),
      'run:report': () => ({ ok: false, error: { code: 'not-found', message: 'no report' } }),
    });
    const store = makeStore(f.api);
    const off = connectEvents(store, f.api);
    await store.getState().openDemo();
    await flush();
    await store.getState().computePlan();
    await store.getState().apply();
    f.emit('run:log', {
      runId: 'run-1',
      at: '2026-11-23T09:30:01Z',
      level: 'info',
      message: 'created 10001',
    });

    await store.getState().pauseRun();
    expect(f.calls.filter((c) => c.channel === 'run:cancel').map((c) => c.request)).toEqual([
      { runId: 'run-1' },
    ]);
    f.emit('run:finished', { runId: 'run-1', status: 'cancelled' });
    expect(store.getState()).toMatchObject({ paused: true, runStatus: 'cancelled' });

    await store.getState().resumeRun();
    const applies = f.calls.filter((c) => c.channel === 'run:apply').map((c) => c.request.planId);
    expect(applies).toEqual(['plan-1', 'plan-1']);
    expect(store.getState()).toMatchObject({ runId: 'run-2', runStatus: 'running', paused: false });
    // the log of the first part stays
    expect(store.getState().log.map((l) => l.message)).toEqual(['created 10001']);
    off();
  });

  it('a new plan clears an earlier override', async () => {
    const f = fakeApi({
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'plan:compute': () => ({ ok: true, value: blockedPlan() }),
    });
    const store = makeStore(f.api);
    await store.getState().openDemo();
    await flush();
    await store.getState().computePlan();
    store.getState().setAllowOverride(true);
    await store.getState().computePlan();
    expect(store.getState().allowOverride).toBe(false);
  });

  it('saves to the opened file, and asks for a new place on save-as (native dialogs)', async () => {
    const f = fakeApi({
      'app:info': () => ({
        ok: true,
        value: {
          name: 'Plek Provisioning Workbench',
          version: '0.1.0',
          mode: 'electron',
          platform: 'win32',
          locale: 'nl-NL',
          capabilities: { nativeDialogs: true, persistentSecrets: true },
          demoAvailable: true,
        },
      }),
      'project:recent': () => ({ ok: true, value: { paths: [] } }),
      'project:demo': () => ({ ok: true, value: demoDoc }),
      'source:sample': () => ({ ok: true, value: sample }),
      'dialog:saveMapping': () => ({ ok: true, value: { path: 'C:\\Klanten\\Zwolle\\zwolle.plekmap.json' } }),
      'project:save': (req) => ({ ok: true, value: { path: String(req.path) } }),
    });
    const store = makeStore(f.api);
    const off = connectEvents(store, f.api);
    await store.getState().init();
    await store.getState().openDemo();
    await flush();
    store.getState().updateMapping((m) => ({ ...m, name: 'Gemeente Zwolle' }));
    await store.getState().saveProject();
    expect(f.calls.filter((c) => c.channel === 'project:save').map((c) => c.request.path)).toEqual([
      demoDoc.path,
    ]);
    expect(store.getState().revision).toBe(store.getState().savedRevision);

    f.emit('menu:command', { command: 'save-as' });
    await flush();
    await flush();
    expect(f.calls.find((c) => c.channel === 'dialog:saveMapping')?.request).toEqual({
      suggestedName: 'Gemeente Zwolle.plekmap.json',
    });
    expect(store.getState().project?.path).toBe('C:\\Klanten\\Zwolle\\zwolle.plekmap.json');
    off();
  });

  it('starts in Dutch on a Dutch system, English otherwise, and remembers the switch', () => {
    const f = fakeApi({});
    expect(makeStore(f.api, memoryStorage(), 'nl-BE').getState().lang).toBe('nl');
    expect(makeStore(f.api, memoryStorage(), 'en-US').getState().lang).toBe('en');

    const storage = memoryStorage();
    const first = makeStore(f.api, storage, 'nl-NL');
    first.getState().setLang('en');
    first.getState().setTheme('dark');
    const second = makeStore(f.api, storage, 'nl-NL');
    expect(second.getState().lang).toBe('en');
    expect(second.getState().theme).toBe('dark');
    // only the preferences are persisted, never project data
    expect(Object.keys(JSON.parse([...storage.data.values()][0] ?? '{}').state)).toEqual(['lang', 'theme']);
  });
});

describe('safeFileStem', () => {
  it.each([
    ['Gemeente Zwolle – HR (2026)', 'Gemeente-Zwolle-HR-2026'],
    ['Ĳsselmuiden Zoë', 'IJsselmuiden-Zoe'],
    ['../../etc/passwd', 'etc-passwd'],
    ['   ', 'project'],
  ])('%s → %s', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
  });
});
