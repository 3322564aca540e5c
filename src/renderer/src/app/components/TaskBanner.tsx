import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../store/context';
import { ProgressBar } from './ProgressBar';
import { formatNumber } from '../i18n';

/** The running background task (sampling, planning) with its progress and a Cancel button. */
export function TaskBanner() {
  const t = useT();
  const { task, lang, cancelTask } = useApp(
    useShallow((s) => ({ task: s.task, lang: s.lang, cancelTask: s.cancelTask })),
  );
  if (!task) return null;
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
