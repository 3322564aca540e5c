import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunLogLine, RunReport } from '../../../../shared/api/contract';
import { useApp, useT, type Translate } from '../store/context';
import { ProgressBar } from '../components/ProgressBar';
import { formatDuration, progressStats, runOutcome } from '../logic/format';
import { failureReason, reportFileName, reportToCsv, RESULT_KEYS } from '../logic/report';
import { downloadText } from '../components/download';
import { formatNumber, type Lang } from '../i18n';
import { wordDetail } from '../store/helpers';
import { formatMessages, said } from '../../../../shared/i18n';
import { Said } from '../components/Said';

/** A result's name on the Run step (the service's own word for a result it has no text for). */
function resultLabel(result: string, t: Translate): string {
  const id = RESULT_KEYS[result];
  return id ? t(id) : result;
}

/** Operations a finished report counts (every result tile). */
function reportTotal(report: { counts: Record<string, number> }): number {
  return Object.values(report.counts).reduce((a, b) => a + b, 0);
}

export function RunPage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      plan: st.plan,
      stale: st.plan !== null && st.planRevision !== st.revision,
      targetKind: st.mapping?.target?.kind ?? 'sandbox',
      allowOverride: st.allowOverride,
      runStatus: st.runStatus,
      runStartedAt: st.runStartedAt,
      progress: st.progress,
      progressAt: st.progressAt,
      report: st.report,
      log: st.log,
      lang: st.lang,
      apply: st.apply,
      cancelRun: st.cancelRun,
      paused: st.paused,
      pausing: st.pausing,
      pauseRun: st.pauseRun,
      resumeRun: st.resumeRun,
    })),
  );
  if (!s.plan) return <p className="empty">{t('run.needPlan')}</p>;
  const blocked = !s.plan.safety.ok && !s.allowOverride;
  const running = s.runStatus === 'running';
  const total = s.progress?.total ?? 0;
  const done = s.progress?.done ?? 0;
  // The service's own rate/ETA when it sends them, else what we measure.
  const measured = progressStats(
    done,
    total,
    s.runStartedAt && s.progressAt ? s.progressAt - s.runStartedAt : 0,
  );
  const rate = s.progress?.ratePerSecond ?? measured.rate;
  const eta = s.progress?.etaSeconds ?? measured.etaSeconds;
  const target = s.targetKind === 'scim' ? s.plan.target : t('plan.sandbox');
  const failed = s.report?.counts.failed ?? s.progress?.failed ?? 0;
  const attention = s.report?.failures.length ?? 0;
  const outcome = s.runStatus ? runOutcome(s.runStatus, failed, attention) : null;
  const statusText =
    outcome === 'completedWithFailures'
      ? t('run.doneWithFailures', { failed, total: total || (s.report ? reportTotal(s.report) : 0) })
      : outcome === 'completedWithAttention'
        ? t('run.doneWithAttention', { n: attention })
        : outcome === 'cancelled'
          ? t('run.cancelled')
          : outcome === 'failed'
            ? t('run.failed')
            : t('run.done');
  // The person behind a mapping key, from the plan, so a failure names who it is about.
  const nameOf = (key: string) => {
    const change = s.plan?.changes.find((c) => c.key === key);
    return change?.displayName ?? change?.userName ?? null;
  };

  return (
    <section aria-labelledby="run-heading">
      <div className="page-header">
        <h1 id="run-heading">{t('run.heading')}</h1>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void s.apply()}
          disabled={running || blocked || s.paused}
          data-testid="apply"
        >
          {t('run.apply', { target })}
        </button>
        {s.paused ? (
          <button type="button" className="btn" onClick={() => void s.resumeRun()} data-testid="resume">
            {t('run.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => void s.pauseRun()}
            disabled={!running || s.pausing}
            data-testid="pause"
          >
            {t('run.pause')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => void s.cancelRun()}
          disabled={!running && !s.paused}
          data-testid="cancel-run"
        >
          {t('run.cancel')}
        </button>
      </div>
      {blocked ? <p className="alert alert-error">{t('run.blocked')}</p> : null}
      {s.stale && !running ? <p className="alert alert-warning">{t('plan.stale')}</p> : null}
      {s.runStatus ? (
        <div
          className={outcome ? `card run-outcome run-outcome-${outcome}` : 'card'}
          data-testid="run-progress"
          data-outcome={outcome ?? undefined}
        >
          <div className="row" style={{ marginBottom: 8 }}>
            <strong>{s.paused ? t('run.paused') : running ? t('run.heading') : statusText}</strong>
            {outcome === 'completed' ? <span className="badge badge-ok">✓</span> : null}
            {outcome === 'completedWithFailures' ? (
              <span className="badge badge-warning">{t('run.failuresBadge', { n: failed })}</span>
            ) : null}
            {outcome === 'completedWithAttention' ? (
              <span className="badge badge-warning">{t('run.attentionBadge', { n: attention })}</span>
            ) : null}
            {outcome === 'failed' ? <span className="badge badge-error">!</span> : null}
          </div>
          <ProgressBar
            fraction={
              total > 0 ? Math.min(1, done / total) : running ? null : s.runStatus === 'completed' ? 1 : 0
            }
            label={t('run.heading')}
          >
            <span>{total > 0 ? t('run.progress', { done, total }) : ''}</span>
            {rate !== null && rate !== undefined && running ? (
              <span>{t('run.rate', { rate: formatNumber(s.lang, Math.round(rate * 10) / 10) })}</span>
            ) : null}
            {eta !== null && eta !== undefined && running ? (
              <span>{t('run.eta', { eta: formatDuration(eta) })}</span>
            ) : null}
            {s.progress?.failed ? (
              <span className="text-error">
                {t('run.failedCount')}: {s.progress.failed}
              </span>
            ) : null}
          </ProgressBar>
        </div>
      ) : null}
      <RunLog />
      {s.report ? (
        <div className="card" data-testid="run-report">
          <div className="row" style={{ marginBottom: 10 }}>
            <h2 style={{ margin: 0 }}>{t('run.report')}</h2>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                s.report &&
                downloadText(
                  reportFileName(s.report, 'json'),
                  `${JSON.stringify(s.report, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              {t('run.saveJson')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                s.report &&
                downloadText(
                  reportFileName(s.report, 'csv'),
                  // The service's per-operation CSV once the run finished; our summary otherwise, both in the
                  // interface language.
                  s.report.csv ?? reportToCsv(s.report, s.lang, nameOf),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('run.saveCsv')}
            </button>
          </div>
          <div className="counts">
            {Object.entries(s.report.counts)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => (
                <div key={k} className="count-tile" data-result={k}>
                  <strong className={`result-${k}`}>{n}</strong>
                  <span>{resultLabel(k, t)}</span>
                </div>
              ))}
          </div>
          {s.report.targetWarnings?.length ? (
            <div className="alert alert-warning" data-testid="run-target-warnings">
              <strong>{t('run.targetWarnings', { n: s.report.targetWarnings.length })}</strong>
              <ul>
                {s.report.targetWarnings.map((w, i) => (
                  <li key={i}>
                    <Said
                      lang={s.lang}
                      messages={[
                        s.report?.targetWarningMessages?.[i] ?? said('report.failure.other', { detail: w }),
                      ]}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {s.report.failures.length > 0 ? (
            <div
              className="table-wrap"
              style={{ marginTop: 12, maxHeight: 200 }}
              role="region"
              aria-label={t('run.failedCount')}
              tabIndex={0}
            >
              <table className="table" data-testid="run-failures">
                <thead>
                  <tr>
                    <th scope="col" style={{ width: 220 }}>
                      {t('run.failure.person')}
                    </th>
                    <th scope="col">{t('run.failure.todo')}</th>
                    <th scope="col" style={{ width: 260 }}>
                      {t('run.failure.detail')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.report.failures.map((f, i) => (
                    <tr key={i} data-reason={failureReason(f.messages)}>
                      <td>
                        {nameOf(f.key) ?? ''} <span className="mono hint">{f.key}</span>
                      </td>
                      <td>
                        {f.messages?.length ? (
                          <div className="text-error" data-testid="failure-what">
                            <Said lang={s.lang} messages={f.messages} />
                          </div>
                        ) : null}
                        <div className={f.messages?.length ? 'hint' : 'text-error'}>
                          {t(`run.failure.${failureReason(f.messages)}`)}
                        </div>
                      </td>
                      <td className="mono hint" style={{ wordBreak: 'break-word' }}>
                        {f.message}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <pre
            tabIndex={0}
            aria-label={t('run.report')}
            className="log"
            style={{ marginTop: 12, height: 'auto', maxHeight: 220 }}
            data-testid="report-text"
          >
            {reportText(s.report, statusText, nameOf, s.log, s.lang, t)}
          </pre>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The report on screen, in the consultant's language: header, counts, failures with the person and what to do,
 * then the log. The saved files keep the service's own report.
 */
function reportText(
  report: RunReport,
  status: string,
  nameOf: (key: string) => string | null,
  log: readonly RunLogLine[],
  lang: Lang,
  t: Translate,
): string {
  const lines = [
    t('run.report.run', { id: report.runId }),
    t('run.report.target', { target: report.target }),
    t('run.report.started', { at: report.startedAt }),
    t('run.report.finished', { at: report.finishedAt ?? '-' }),
    t('run.report.status', { status }),
    '',
    ...Object.entries(report.counts).map(([k, n]) => `${resultLabel(k, t)}: ${formatNumber(lang, n)}`),
    ...(report.failures.length
      ? [
          '',
          t('run.report.failures'),
          ...report.failures.map(
            (f) =>
              `  ${[nameOf(f.key), f.key].filter(Boolean).join(' ')}: ${f.messages?.length ? formatMessages(lang, f.messages) : f.message}. ${t(`run.failure.${failureReason(f.messages)}`)}`,
          ),
        ]
      : []),
    '',
    `${t('run.log')}:`,
    ...log.map((l) => `${l.at} ${wordDetail(l.detail, lang) ?? l.message}`),
  ];
  return lines.join('\n');
}

function RunLog() {
  const t = useT();
  const log = useApp((st) => st.log);
  const lang = useApp((st) => st.lang);
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);
  if (log.length === 0) return null;
  return (
    <div className="card">
      <h2>{t('run.log')}</h2>
      <pre
        className="log"
        ref={ref}
        aria-live="off"
        data-testid="run-log"
        tabIndex={0}
        aria-label={t('run.log')}
      >
        {log.map((l, i) => (
          <div
            key={i}
            className={l.level === 'error' ? 'lvl-error' : l.level === 'warn' ? 'lvl-warn' : undefined}
          >
            {l.at.slice(11, 19)} {wordDetail(l.detail, lang) ?? l.message}
          </div>
        ))}
      </pre>
    </div>
  );
}
