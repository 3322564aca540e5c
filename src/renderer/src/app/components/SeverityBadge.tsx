import type { Severity } from '../../../../shared/issues';
import { useT } from '../store/context';

/** An issue's severity, or a number of issues of one severity ("1 fout", "7 fouten", "0 waarschuwingen"). */
export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const t = useT();
  const cls =
    severity === 'error' ? 'badge badge-error' : severity === 'warning' ? 'badge badge-warning' : 'badge';
  return (
    <span className={cls}>
      {count !== undefined ? t(`validate.count.${severity}`, { n: count }) : t(`validate.${severity}`)}
    </span>
  );
}
