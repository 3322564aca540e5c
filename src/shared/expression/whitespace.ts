/**
 * True when `text` holds whitespace that collapsing changes: two whitespace characters in a row, or one that is
 * not a plain space — exactly what `/\s\s|[^\S ]/` finds, without entering the regex engine for every value
 * (`Trim` runs for most fields of every row). Whitespace is JavaScript's `\s`.
 */
export function needsCollapsing(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return true;
      previousSpace = true;
      continue;
    }
    previousSpace = false;
    // Printable ASCII and Latin-1 letters (nearly every character of an HR export) are never whitespace.
    if (c > 0x20 && c < 0xa0) continue;
    if (isOtherWhitespace(c)) return true;
  }
  return false;
}

/** JavaScript's `\s`: the space, tab and line breaks, no-break and other Unicode spaces, the byte-order mark. */
export function isWhitespaceCode(c: number): boolean {
  return c === 0x20 || isOtherWhitespace(c);
}

/** A `\s` character other than the plain space. */
function isOtherWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
