/** What every benchmark module reports: a name and a few printed figures. Never asserted on. */
export type Report = (name: string, figures: Record<string, string | number>) => void;

/** Samples RSS every 50 ms while `fn` runs and returns its result, wall time and peak RSS in MiB. */
export async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const result = await fn();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds, peakRssMiB: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
