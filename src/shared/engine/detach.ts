/**
 * A copy of a string that does not pin the text it was cut from. A CSV value is a slice of the 64 KiB chunk it was
 * parsed from (in V8, for 13 characters and more); kept for the whole run in a map, each would keep its chunk
 * alive, and a million-row export would stay in memory whole.
 */
export function detach(s: string): string {
  // Shorter strings are copied by V8 anyway. The two halves joined make a new string; reading it flattens it into
  // one copy, and the garbage collector then drops the join itself: what stays is the copy alone (measured: less
  // than a copy made by slicing, which keeps a wrapper, or a JSON round trip, which is slower).
  if (s.length < 13) return s;
  const half = s.length >> 1;
  const copy = s.slice(0, half) + s.slice(half);
  copy.charCodeAt(0);
  return copy;
}
