/**
 * Guard for regular expressions a consultant types (Replace). JavaScript regexes backtrack, so a pattern such as
 * `(a+)+$` can take exponential time on a short input. We bound that three ways: the pattern length, the input
 * length, and a heuristic that refuses a quantified group that itself contains an unbounded quantifier
 * (`(a+)+`, `(\w*)*`, `(x+y?){2,}`). The heuristic does not catch every slow pattern (overlapping alternation
 * such as `(a|a)*` passes), which is why the input length is capped too.
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

/** True when a group that is repeated contains a repeat. Escapes and character classes are skipped. */
export function hasNestedQuantifier(pattern: string): boolean {
  // Per open group: does it contain a repeating quantifier (directly or in a nested group)?
  const stack: boolean[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      const q = quantifierAt(pattern, i);
      if (q) {
        if (q.repeats && stack.length > 0) stack[stack.length - 1] = true;
        i += q.length;
      }
      continue;
    }
    if (c === '(') {
      stack.push(false);
      i++;
      continue;
    }
    if (c === ')') {
      const inner = stack.pop() ?? false;
      i++;
      const q = quantifierAt(pattern, i);
      if (q) {
        if (q.repeats && inner) return true;
        i += q.length;
        if (q.repeats && stack.length > 0) stack[stack.length - 1] = true;
      }
      if (inner && stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      if (q.repeats && stack.length > 0) stack[stack.length - 1] = true;
      i += q.length;
      continue;
    }
    i++;
  }
  return false;
}
