/** Progress arithmetic for long tasks: rate over the elapsed time and a rounded, human ETA. */
export interface ProgressStats {
  fraction: number;
  /** Items per second since the start, or null before there is anything to measure. */
  rate: number | null;
  /** Seconds left at the current rate, or null when unknown. */
  etaSeconds: number | null;
}

export function progressStats(done: number, total: number, elapsedMs: number): ProgressStats {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  if (done <= 0 || elapsedMs <= 0) return { fraction, rate: null, etaSeconds: null };
  const rate = (done * 1000) / elapsedMs;
  const etaSeconds = total > done ? Math.ceil((total - done) / rate) : 0;
  return { fraction, rate, etaSeconds };
}

/** 75 → "1 min 15 s", 3725 → "1 h 2 min", 8 → "8 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "yyyy-MM-dd" → "dd-MM-yyyy", the way Dutch HR writes dates; other input passes through. */
export function formatDate(iso: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'nl' ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * How a run ended, in the words the Run step uses: a run that finished while some operations failed is its own
 * state ("finished with failures"), never a plain "finished ✓".
 */
export function runOutcome(
  status: 'running' | 'completed' | 'completed-with-failures' | 'cancelled' | 'failed',
  failed: number,
  /** Report lines that need the consultant although nothing failed (a conflict with Plek, a manager left out). */
  attention = 0,
): 'running' | 'completed' | 'completedWithFailures' | 'completedWithAttention' | 'cancelled' | 'failed' {
  if (status === 'completed-with-failures' || (status === 'completed' && failed > 0))
    return 'completedWithFailures';
  if (status === 'completed' && attention > 0) return 'completedWithAttention';
  return status;
}
