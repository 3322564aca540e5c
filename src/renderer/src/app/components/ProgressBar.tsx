import { memo } from 'react';

/** A labelled progress bar; `fraction` null shows an indeterminate (striped) bar. */
export const ProgressBar = memo(function ProgressBar({
  fraction,
  label,
  children,
}: {
  fraction: number | null;
  label: string;
  children?: React.ReactNode;
}) {
  const pct = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div
          className={pct === null ? 'progress-fill indeterminate' : 'progress-fill'}
          style={{ width: pct === null ? '35%' : `${pct}%` }}
        />
      </div>
      {children ? <div className="progress-meta">{children}</div> : null}
    </div>
  );
});
