import { formatNumber, type Lang } from '../i18n';

export function FillBar({ rate, lang }: { rate: number; lang: Lang }) {
  const pct = Math.round(rate * 100);
  return (
    <span className="row" style={{ gap: 6, flexWrap: 'nowrap' }}>
      <span className={pct < 50 ? 'fill-bar low' : 'fill-bar'} aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span>{formatNumber(lang, pct)}%</span>
    </span>
  );
}
