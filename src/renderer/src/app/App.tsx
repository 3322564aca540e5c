import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WorkbenchApi } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues';
import { getWorkbenchApi } from '../api';
import { EndpointConfirmation } from './components/EndpointConfirmation';
import { LANGS, type MessageKey } from './i18n';
import { uniqueIssues } from './logic/issues';
import { connectEvents, createAppStore, STEPS, type AppStore, type Step } from './store';
import { stepEnabled } from './logic/steps';
import { StoreContext, useApp, useAppStore, useT } from './store/context';
import { downloadText } from './components/download';
import { safeFileStem } from './store/project-slice';
import { selfContained } from '../../../shared/project/propose';
import { stringifyMapping } from '../../../shared/mapping/load';
import { TaskBanner } from './components/TaskBanner';
import { StartPage } from './pages/StartPage';
import { SourcePage } from './pages/SourcePage';
import { MappingPage } from './pages/MappingPage';
import { ValidatePage } from './pages/ValidatePage';
import { RulesPage } from './pages/RulesPage';
import { PlanPage } from './pages/PlanPage';
import { RunPage } from './pages/RunPage';
import './app.css';

const NOTICE_MS = 6000;

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

let taskCounter = 0;
function newTaskId(): string {
  taskCounter += 1;
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `task-${Date.now()}-${taskCounter}`;
}

/** The workbench's root component: header, step navigation and the current project step. */
export function App({ api, store }: { api?: WorkbenchApi; store?: AppStore } = {}) {
  const [ctx] = useState(() => {
    const theApi = api ?? getWorkbenchApi();
    return {
      api: theApi,
      store:
        store ??
        createAppStore({
          api: theApi,
          now: () => new Date(),
          storage: browserStorage(),
          systemLanguage: navigator.language,
          newTaskId,
        }),
    };
  });
  useEffect(() => connectEvents(ctx.store, ctx.api), [ctx]);
  useEffect(() => {
    void ctx.store.getState().init();
  }, [ctx]);
  return (
    <StoreContext.Provider value={ctx.store}>
      <Shell />
    </StoreContext.Provider>
  );
}

function countErrors(issues: readonly Issue[]): number {
  let n = 0;
  for (const i of issues) if (i.severity === 'error') n++;
  return n;
}

function useSystemDark(): boolean {
  const [dark, setDark] = useState(
    () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!mq) return;
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return dark;
}

function Shell() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      lang: st.lang,
      theme: st.theme,
      step: st.step,
      project: st.project,
      plan: st.plan,
      mappingName: st.mapping?.name,
      dirty: st.revision !== st.savedRevision,
      error: st.error,
      notice: st.notice,
      savedPath: st.project?.path ?? null,
      validationErrors: st.validation
        ? countErrors(uniqueIssues([...(st.sample?.issues ?? []), ...st.validation.issues]))
        : null,
      setLang: st.setLang,
      setTheme: st.setTheme,
      goTo: st.goTo,
      saveProject: st.saveProject,
      dismissMessages: st.dismissMessages,
      nativeDialogs: st.appInfo?.capabilities.nativeDialogs ?? false,
    })),
  );
  const store = useAppStore();
  // Browser mode has no save dialog: the consultant takes the mapping file home as a download.
  const downloadMapping = () => {
    const mapping = store.getState().mapping;
    if (!mapping) return;
    downloadText(
      `${safeFileStem(mapping.name ?? 'project')}.plekmap.json`,
      stringifyMapping(selfContained(mapping)),
      'application/json',
    );
  };
  // A notice ("Mapping saved to …") is a confirmation, not something to keep on screen: it goes after a while.
  useEffect(() => {
    if (!s.notice) return;
    const timer = setTimeout(() => store.setState({ notice: null }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [s.notice, store]);
  const systemDark = useSystemDark();
  const effectiveTheme = s.theme ?? (systemDark ? 'dark' : 'light');

  useEffect(() => {
    document.documentElement.dataset.theme = effectiveTheme;
  }, [effectiveTheme]);
  useEffect(() => {
    document.documentElement.lang = s.lang;
    document.title = t('app.title');
  }, [s.lang, t]);

  const errorsBadge = s.validationErrors;

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span>{t('app.title')}</span>
        </div>
        <span className="project-name" data-testid="project-name">
          {s.project ? `— ${s.mappingName ?? ''}${s.dirty ? ' •' : ''}` : ''}
        </span>
        <div className="header-tools">
          {s.project ? (
            <button type="button" className="btn btn-small" onClick={() => void s.saveProject()}>
              {t('app.save')}
            </button>
          ) : null}
          {s.project && !s.nativeDialogs ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={downloadMapping}
              data-testid="download-mapping"
            >
              {t('app.download')}
            </button>
          ) : null}
          <div className="segmented" role="group" aria-label={t('app.lang')}>
            {LANGS.map((l) => (
              <button
                key={l}
                type="button"
                className="btn btn-small"
                aria-pressed={s.lang === l}
                onClick={() => s.setLang(l)}
                lang={l}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => s.setTheme(effectiveTheme === 'dark' ? 'light' : 'dark')}
          >
            {effectiveTheme === 'dark' ? t('app.theme.toLight') : t('app.theme.toDark')}
          </button>
        </div>
      </header>
      <nav className="stepper" aria-label={t('app.steps')}>
        <ol>
          {STEPS.map((step, i) => {
            const enabled = stepEnabled(step, s);
            return (
              <li key={step}>
                <button
                  type="button"
                  className="step-button"
                  aria-current={s.step === step ? 'step' : undefined}
                  disabled={!enabled}
                  onClick={() => s.goTo(step)}
                  data-step={step}
                >
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{t(`step.${step}` as MessageKey)}</span>
                  {step === 'validate' && errorsBadge ? (
                    <span className="badge badge-error step-badge">{errorsBadge}</span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <main className="page" id="main">
        {s.error ? (
          <div className="alert alert-error banner" role="alert">
            <strong>{t('app.error')}:</strong> <span data-testid="error-message">{s.error}</span>
            <button type="button" className="btn btn-small" onClick={s.dismissMessages}>
              {t('app.dismiss')}
            </button>
          </div>
        ) : null}
        {s.notice ? (
          <div className="alert alert-ok banner" role="status" data-testid="notice">
            {t(s.notice, { path: s.savedPath ?? '' })}
            <button type="button" className="btn btn-small" onClick={s.dismissMessages}>
              {t('app.dismiss')}
            </button>
          </div>
        ) : null}
        <TaskBanner />
        <EndpointConfirmation />
        <CurrentStep step={s.step} />
      </main>
    </div>
  );
}

function CurrentStep({ step }: { step: Step }) {
  switch (step) {
    case 'start':
      return <StartPage />;
    case 'source':
      return <SourcePage />;
    case 'mapping':
      return <MappingPage />;
    case 'validate':
      return <ValidatePage />;
    case 'rules':
      return <RulesPage />;
    case 'plan':
      return <PlanPage />;
    case 'run':
      return <RunPage />;
  }
}
