import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../../../../shared/api/settings';
import { useApp, useT } from '../store/context';

/**
 * The workbench's own HR data on this computer: how long it is kept (saved at once, and applied at once), and
 * "Clear workbench data" behind a confirmation that names what goes. Saved projects go only when ticked.
 */
export function WorkbenchData() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      settings: st.settings,
      loadSettings: st.loadSettings,
      saveRetentionDays: st.saveRetentionDays,
      clearWorkbenchData: st.clearWorkbenchData,
    })),
  );
  const daysId = useId();
  const hintId = useId();
  // What the consultant typed; until then the stored period shows.
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [includeProjects, setIncludeProjects] = useState(false);
  const [busy, setBusy] = useState(false);
  // Kept as a message id and values, so it follows a change of language.
  const [status, setStatus] = useState<Parameters<typeof t> | null>(null);

  const { loadSettings } = s;
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  const stored = s.settings?.retentionDays;
  const days = draft ?? (stored === undefined ? '' : String(stored));

  const wanted = /^\d+$/.test(days.trim()) ? Number(days) : NaN;
  const valid = wanted >= RETENTION_DAYS_MIN && wanted <= RETENTION_DAYS_MAX;

  return (
    <section className="card" style={{ marginTop: 16 }} aria-labelledby="workbench-data-heading">
      <h2 id="workbench-data-heading">{t('data.heading')}</h2>
      <p className="hint">{t('data.lead')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid || busy) return;
          setBusy(true);
          void s.saveRetentionDays(wanted).then((removed) => {
            setBusy(false);
            if (removed === null) return;
            setDraft(null);
            setStatus(['data.retentionSaved', { days: wanted, removed }]);
          });
        }}
      >
        <label className="field" htmlFor={daysId}>
          <span>{t('data.retention')}</span>
          <input
            id={daysId}
            className="input"
            type="number"
            inputMode="numeric"
            min={RETENTION_DAYS_MIN}
            max={RETENTION_DAYS_MAX}
            step={1}
            value={days}
            aria-describedby={hintId}
            aria-invalid={days !== '' && !valid}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="retention-days"
          />
        </label>
        <button
          type="submit"
          className="btn"
          style={{ alignSelf: 'end' }}
          disabled={!valid || busy || wanted === stored}
        >
          {t('data.saveRetention')}
        </button>
      </form>
      <p className="hint" id={hintId}>
        {t('data.retentionHint')}
      </p>

      {confirming ? (
        <div
          className="alert alert-warning"
          role="alertdialog"
          aria-labelledby="clear-data-title"
          aria-describedby="clear-data-what"
        >
          <strong id="clear-data-title">{t('data.confirmTitle')}</strong>
          <p id="clear-data-what">{t('data.confirmWhat')}</p>
          <label className="row">
            <input
              type="checkbox"
              checked={includeProjects}
              onChange={(e) => setIncludeProjects(e.target.checked)}
            />
            <span>{t('data.includeProjects')}</span>
          </label>
          <div className="row">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void s.clearWorkbenchData(includeProjects).then((removed) => {
                  setBusy(false);
                  setConfirming(false);
                  setIncludeProjects(false);
                  if (removed !== null) setStatus(['data.cleared', { removed }]);
                });
              }}
            >
              {t('data.confirmYes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setStatus(null);
              setConfirming(true);
            }}
            data-testid="clear-data"
          >
            {t('data.clear')}
          </button>
        </div>
      )}
      {status ? (
        <p className="hint" role="status" data-testid="data-status">
          {t(...status)}
        </p>
      ) : null}
    </section>
  );
}
