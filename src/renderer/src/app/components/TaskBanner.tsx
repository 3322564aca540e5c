import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../store/context';
import { ProgressBar } from './ProgressBar';
import { formatNumber } from '../i18n';
import { isApiSourceInput } from './ApiSourcePanel';

/**
 * The running background task (sampling, planning) with its progress and a Cancel button. Not while an HR
 * application is sampled on the Source step: its panel shows the records, pages, rate and its own Cancel, and a
 * second bar with a second Cancel for the same task only confuses.
 */
export function TaskBanner() {
  const t = useT();
  const { task, lang, cancelTask, ownPanel } = useApp(
    useShallow((s) => ({
      task: s.task,
      lang: s.lang,
      cancelTask: s.cancelTask,
      ownPanel: s.step === 'source' && s.mapping?.source !== undefined && isApiSourceInput(s.mapping.source),
    })),
  );
  if (!task || (ownPanel && task.label === 'source.sampling')) return null;
  const fraction = task.total ? task.done / task.total : null;
  return (
    <div className="card task-banner" role="status" aria-live="polite">
      <div className="row">
        <strong>{t(task.label)}</strong>
        <span className="hint">
          {/* Units differ per task (bytes of a CSV, entries of a directory): a percentage reads the same. */}
          {task.total
            ? `${formatNumber(lang, Math.min(100, Math.round((task.done / task.total) * 100)))}%`
            : task.done > 0
              ? formatNumber(lang, task.done)
              : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void cancelTask()}>
          {t('app.cancel')}
        </button>
      </div>
      <ProgressBar fraction={fraction} label={t(task.label)} />
    </div>
  );
}
