import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../store/context';
import { fileToBase64 } from '../components/download';
import { HrAppStart } from '../HrAppStart';
import { DirectoryStart } from '../components/DirectoryStart';
import { WorkbenchData } from '../components/WorkbenchData';

export function StartPage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      appInfo: st.appInfo,
      recent: st.recent,
      opening: st.opening,
      openDemo: st.openDemo,
      openProject: st.openProject,
      newProject: st.newProject,
      storeSecret: st.storeSecret,
      uploadCsvAndCreate: st.uploadCsvAndCreate,
      pickCsvAndCreate: st.pickCsvAndCreate,
      pickMappingAndOpen: st.pickMappingAndOpen,
    })),
  );
  const native = s.appInfo?.capabilities.nativeDialogs ?? false;
  const csvInputId = useId();
  const [mappingPath, setMappingPath] = useState('');

  return (
    <section aria-labelledby="start-heading">
      <div className="start-hero">
        <h1 id="start-heading">{t('start.heading')}</h1>
        <p>{t('start.lead')}</p>
      </div>
      {s.opening ? (
        <p className="alert" role="status">
          {t('start.loading')}
        </p>
      ) : null}
      <div className="grid-2">
        <div className="card choice choice-demo">
          <h2>{t('start.demo')}</h2>
          <p>{t('start.demoHint')}</p>
          <div>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void s.openDemo()}
              disabled={s.opening || s.appInfo?.demoAvailable === false}
              data-testid="open-demo"
            >
              {t('start.demo')}
            </button>
          </div>
        </div>

        <div className="card choice">
          <h2>{t('start.csv')}</h2>
          <p>{t('start.csvHint')}</p>
          <div>
            {native ? (
              <button
                type="button"
                className="btn"
                onClick={() => void s.pickCsvAndCreate()}
                disabled={s.opening}
              >
                {t('start.csv')}…
              </button>
            ) : (
              <label className="field" htmlFor={csvInputId}>
                <span>{t('start.csvPath')}</span>
                <input
                  id={csvInputId}
                  className="input"
                  type="file"
                  accept=".csv,.txt,text/csv"
                  data-testid="csv-upload"
                  disabled={s.opening}
                  onChange={async (e) => {
                    const file = e.currentTarget.files?.[0];
                    if (!file) return;
                    await s.uploadCsvAndCreate(file.name, await fileToBase64(file));
                  }}
                />
              </label>
            )}
          </div>
        </div>

        <DirectoryStart disabled={s.opening} />

        <HrAppStart
          disabled={s.opening}
          onCreate={(name, source) => void s.newProject(name, source)}
          storeSecret={(name, value, endpoint) => s.storeSecret(name, value, endpoint)}
        />

        <div className="card choice">
          <h2>{t('start.open')}</h2>
          <p>{t('start.openHint')}</p>
          {native ? (
            <div>
              <button type="button" className="btn" onClick={() => void s.pickMappingAndOpen()}>
                {t('start.open')}…
              </button>
            </div>
          ) : (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                if (mappingPath.trim()) void s.openProject(mappingPath.trim());
              }}
            >
              <label className="field" style={{ flex: 1 }}>
                <span>{t('start.openPath')}</span>
                <input
                  className="input mono"
                  value={mappingPath}
                  placeholder="/home/consultant/klant.plekmap.json"
                  onChange={(e) => setMappingPath(e.target.value)}
                />
              </label>
              <button
                type="submit"
                className="btn"
                style={{ alignSelf: 'end' }}
                disabled={!mappingPath.trim()}
              >
                {t('start.go')}
              </button>
            </form>
          )}
        </div>
      </div>

      <div className="card" style={{ marginTop: 16 }}>
        <h2>{t('start.recent')}</h2>
        {s.recent.length === 0 ? (
          <p className="hint">{t('start.noRecent')}</p>
        ) : (
          <ul className="recent-list">
            {s.recent.slice(0, 8).map((p) => (
              <li key={p}>
                <button type="button" onClick={() => void s.openProject(p)}>
                  <strong>{p.split(/[\\/]/).pop()}</strong>
                  <span className="hint mono" style={{ display: 'block' }}>
                    {p}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <WorkbenchData />
    </section>
  );
}
