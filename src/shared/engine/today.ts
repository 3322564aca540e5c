import { DEFAULT_TIME_ZONE } from '../mapping/schema';

/**
 * The calendar date (yyyy-MM-dd) at instant `now` in an IANA time zone: "today" for end dates, start dates and
 * Today(). The same file gives the same deactivations wherever the sync runs; the engine never reads the clock,
 * so the caller passes `now`.
 */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
