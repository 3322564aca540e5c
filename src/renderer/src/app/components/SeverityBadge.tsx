import type { Severity } from '../../../../shared/issues';
import { useT } from '../store/context';

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const t = useT();
  const cls =
    severity === 'error' ? 'badge badge-error' : severity === 'warning' ? 'badge badge-warning' : 'badge';
  const label = t(`validate.${severity}`);
  return (
    <span className={cls}>
      {count !== undefined ? `${count} ` : ''}
      {label}
    </span>
  );
}
