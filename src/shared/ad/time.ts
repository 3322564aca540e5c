/** AD's two date encodings (FILETIME integers and generalized time) → calendar dates `yyyy-MM-dd`. */

/** 100-ns intervals between 1601-01-01 and 1970-01-01. */
const EPOCH_DIFF = 116444736000000000n;
/** accountExpires value for "never" (besides 0). */
export const FILETIME_NEVER = '9223372036854775807';

function isoDate(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1601 || y > 9999) return null;
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** FILETIME (decimal string) → milliseconds since the Unix epoch; null for 0, "never", negative or garbage. */
export function filetimeToMillis(raw: string): number | null {
  const t = raw.trim();
  if (!/^\d{1,19}$/.test(t)) return null;
  const v = BigInt(t);
  if (v === 0n || t === FILETIME_NEVER) return null;
  return Number((v - EPOCH_DIFF) / 10000n);
}

/** FILETIME → UTC date, e.g. lastLogonTimestamp, pwdLastSet. 0 and 9223372036854775807 → null. */
export function filetimeToDate(raw: string): string | null {
  const ms = filetimeToMillis(raw);
  return ms === null ? null : isoDate(ms);
}

/**
 * accountExpires → the last day the account works. AD stores the moment the account stops working; "Account
 * expires: End of 30-06-2024" in Active Directory Users and Computers is written as midnight after that day in the
 * administrator's local time. Taking the UTC date one millisecond earlier gives back the "End of" date for every
 * time zone from UTC to UTC+14 (the Netherlands: UTC+1/+2). 0 and 9223372036854775807 mean never → null.
 */
export function accountExpiresToDate(raw: string): string | null {
  const ms = filetimeToMillis(raw);
  return ms === null ? null : isoDate(ms - 1);
}

/**
 * Generalized time (`20261123081135.0Z`, `20261123081135Z`, `202611230811+0100`) → UTC date. An explicit offset is
 * applied first, so a timestamp just after midnight in Amsterdam is still the previous day in UTC. Null when the
 * text is not generalized time.
 */
export function generalizedTimeToDate(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{4})?$/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return null; // 31-02 does not exist
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  return isoDate(ms);
}
