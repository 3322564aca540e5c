/**
 * Active Directory's binary identifiers in the text forms administrators know. Pure: works on plain bytes, so the
 * same code runs in main (ldapts hands out Buffers, which are Uint8Arrays) and in tests.
 */

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/**
 * objectGUID (16 bytes) → canonical string `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower case, as Samba, PowerShell
 * and `<GUID=…>` searches show it: the first three groups are little-endian (bytes reversed), the last two are not.
 * Returns null when the value is not 16 bytes.
 */
export function guidToString(bytes: Uint8Array): string | null {
  if (bytes.length !== 16) return null;
  const b = Array.from(bytes, hex);
  return (
    b[3]! +
    b[2]! +
    b[1]! +
    b[0]! +
    '-' +
    b[5]! +
    b[4]! +
    '-' +
    b[7]! +
    b[6]! +
    '-' +
    b[8]! +
    b[9]! +
    '-' +
    b.slice(10).join('')
  );
}

/** The inverse of guidToString, e.g. to build a `<GUID=…>` base or an escaped `(objectGUID=\xx…)` filter. */
export function guidToBytes(guid: string): Uint8Array | null {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(guid.trim());
  if (!m) return null;
  const pairs = (s: string): number[] => (s.match(/../g) ?? []).map((p) => parseInt(p, 16));
  return Uint8Array.from([
    ...pairs(m[1]!).reverse(),
    ...pairs(m[2]!).reverse(),
    ...pairs(m[3]!).reverse(),
    ...pairs(m[4]!),
    ...pairs(m[5]!),
  ]);
}

/** Bytes as an LDAP filter value (`\06\b6…`), for searching a binary attribute such as objectGUID. */
export function escapeFilterBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `\\${hex(b)}`).join('');
}

/**
 * objectSid → `S-1-5-21-…`. Layout: revision (1 byte), sub-authority count (1), identifier authority (6 bytes,
 * big-endian), then that many 32-bit little-endian sub-authorities. Returns null for a malformed value.
 */
export function sidToString(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  const revision = bytes[0]!;
  const count = bytes[1]!;
  if (bytes.length !== 8 + count * 4) return null;
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + bytes[i]!;
  const parts = [`S-${revision}-${authority}`];
  for (let i = 0; i < count; i++) {
    const o = 8 + i * 4;
    const sub = (bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)) >>> 0;
    parts.push(String(sub));
  }
  return parts.join('-');
}
