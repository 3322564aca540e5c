import { format, type Lang } from '../../shared/i18n';
import type { ApplyProgress } from './apply';

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * One line of the terminal progress bar in the CLI's language: `[#####------]  412/1000  385 ops/s  ETA 2s`, in
 * Dutch `385 bewerkingen/s  nog 2s`. Counts are plain digits (no thousands separator): the line is redrawn in place
 * and must keep its width.
 */
export function progressLine(p: ApplyProgress, lang: Lang, width = 30): string {
  const fraction = p.total > 0 ? p.done / p.total : 1;
  const filled = Math.round(fraction * width);
  const rate = format(lang, 'cli.progress.rate', { rate: String(Math.round(p.rate)) });
  const eta = format(lang, 'cli.progress.eta', { time: duration(p.etaSeconds) });
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(p.done).padStart(String(p.total).length)}/${p.total}  ${rate}  ${eta}`;
}

/** Draws the bar on a TTY (carriage return, no scrolling); does nothing otherwise. */
export function terminalProgress(
  stream: NodeJS.WriteStream,
  lang: Lang,
): {
  update(p: ApplyProgress): void;
  end(): void;
} {
  let drawn = false;
  return {
    update(p) {
      if (!stream.isTTY) return;
      stream.write(`\r${progressLine(p, lang)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
