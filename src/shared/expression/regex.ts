/**
 * Guard for regular expressions a consultant types (Replace). JavaScript regexes backtrack, so a pattern such as
 * `(a+)+$` can take exponential time on a short input. We bound that three ways: the pattern length, the input
 * length, and a heuristic that refuses a quantified group that itself contains an unbounded quantifier
 * (`(a+)+`, `(\w*)*`, `(x+y?){2,}`) or alternatives that can start with the same character (`(a|aa)*`,
 * `(\w|\d)+`). The heuristic does not catch every slow pattern (adjacent overlapping repeats such as
 * `\w*\w*\w*x` are polynomial, not exponential, and pass), which is why the input length is capped too.
 */

export const MAX_PATTERN_LENGTH = 500;
export const MAX_REGEX_INPUT_LENGTH = 10_000;

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

/** Compiles a user pattern with the global flag, or says why it is refused. Never throws. */
export function compileUserRegex(pattern: string): RegexResult {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, reason: `regular expression is too long (at most ${MAX_PATTERN_LENGTH} characters)` };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'g');
  } catch (e) {
    return { ok: false, reason: `invalid regular expression: ${(e as Error).message}` };
  }
  if (hasNestedQuantifier(pattern))
    return {
      ok: false,
      reason: 'regular expression has a repeated group containing a repeat, such as (a+)+, which can hang',
    };
  return { ok: true, regex };
}

/** Reads a quantifier at `i`: its length and whether it repeats more than once. */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = p[i];
  if (c === '*' || c === '+') return { length: p[i + 1] === '?' || p[i + 1] === '+' ? 2 : 1, repeats: true };
  if (c === '?') return { length: 1, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(p.slice(i, i + 24));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, repeats: max > 1 };
  }
  return undefined;
}

/** Index just past the character class that opens at `i` (`[`), honouring escapes and a leading `]`. */
function skipClass(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

/**
 * The first character each top-level alternative of a group body must start with, or undefined for an
 * alternative that can start with many characters (an escape, class, dot, group or nothing).
 */
function firstCharacters(body: string): (string | undefined)[] {
  let b = body;
  if (b.startsWith('?:')) b = b.slice(2);
  else if (/^\?<[A-Za-z]\w*>/.test(b)) b = b.slice(b.indexOf('>') + 1);
  else if (b.startsWith('?')) return [undefined, undefined]; // lookaround: be careful
  const firsts: (string | undefined)[] = [];
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (atStart) {
      firsts.push(/[\\[.()|^$]/.test(c) ? undefined : c);
      atStart = false;
    }
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(b, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      atStart = true;
      if (i === b.length - 1) firsts.push(undefined);
    }
  }
  if (b.length === 0) firsts.push(undefined);
  return firsts;
}

/** True when two alternatives of a group could start with the same character (`(a|ab)`, `(\\w|\\d)`). */
function alternativesOverlap(body: string): boolean {
  const firsts = firstCharacters(body);
  if (firsts.length < 2) return false;
  const seen = new Set<string>();
  for (const f of firsts) {
    if (f === undefined || seen.has(f)) return true;
    seen.add(f);
  }
  return false;
}

/**
 * True when a repeated group contains a repeat (`(a+)+`) or alternatives that can start alike (`(a|aa)*`) —
 * the two shapes behind exponential backtracking. Escapes and character classes are skipped.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  // Per open group: where it starts, and does it contain a repeating quantifier (directly or nested)?
  const stack: { start: number; inner: boolean }[] = [];
  const markInner = () => {
    if (stack.length > 0) stack[stack.length - 1]!.inner = true;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      i = skipClass(pattern, i);
      const q = quantifierAt(pattern, i);
      if (q) {
        if (q.repeats) markInner();
        i += q.length;
      }
      continue;
    }
    if (c === '(') {
      stack.push({ start: i, inner: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop() ?? { start: i, inner: false };
      const body = pattern.slice(group.start + 1, i);
      i++;
      const q = quantifierAt(pattern, i);
      if (q) {
        if (q.repeats && (group.inner || alternativesOverlap(body))) return true;
        i += q.length;
        if (q.repeats) markInner();
      }
      if (group.inner) markInner();
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      if (q.repeats) markInner();
      i += q.length;
      continue;
    }
    i++;
  }
  return false;
}
