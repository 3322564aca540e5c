/** userAccountControl bits (MS-ADTS 2.2.16) that matter when deciding whether a person can work. */
export const UAC = {
  ACCOUNTDISABLE: 0x2,
  LOCKOUT: 0x10,
  PASSWD_NOTREQD: 0x20,
  NORMAL_ACCOUNT: 0x200,
  WORKSTATION_TRUST_ACCOUNT: 0x1000,
  SERVER_TRUST_ACCOUNT: 0x2000,
  DONT_EXPIRE_PASSWORD: 0x10000,
  SMARTCARD_REQUIRED: 0x40000,
  PASSWORD_EXPIRED: 0x800000,
} as const;

export type UacFlag = keyof typeof UAC;

function parseUac(raw: string | number): number | null {
  const n = typeof raw === 'number' ? raw : Number(raw.trim());
  // AD sends a signed 32-bit integer; keep the bits either way.
  if (!Number.isInteger(n) || n < -2147483648 || n > 4294967295) return null;
  return n >>> 0;
}

/** The flag names set in a userAccountControl value, e.g. "514" → ["ACCOUNTDISABLE", "NORMAL_ACCOUNT"]. */
export function uacFlags(raw: string | number): UacFlag[] {
  const n = parseUac(raw);
  if (n === null) return [];
  return (Object.keys(UAC) as UacFlag[]).filter((k) => (n & UAC[k]) !== 0);
}

/** userAccountControl bit 0x2: true = disabled, false = enabled, null when the value is absent or not a number. */
export function isAccountDisabled(raw: string | number | null | undefined): boolean | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = parseUac(raw);
  return n === null ? null : (n & UAC.ACCOUNTDISABLE) !== 0;
}
