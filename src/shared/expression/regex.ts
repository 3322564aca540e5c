/**
 * Regular expressions that come from a mapping file (a consultant typed them, or a customer's file carries them).
 * They run on RE2JS, a pure-JavaScript port of RE2: matching takes time linear in the input for every pattern,
 * so `(a+)+$`, `(?:a?a?)+c` or `.*.*.*=.*` cannot hang the engine however long the cell. The price is RE2's
 * syntax: no look-around and no back-references (docs/expressions.md lists what is supported). A pattern RE2
 * cannot run is refused when the mapping is compiled, with a message that says why.
 *
 * JavaScript's RegExp stays for the engine's own, fixed patterns only (dates, phone numbers, whitespace).
 */
import { RE2JS, RE2JSException } from 're2js';

export const MAX_PATTERN_LENGTH = 500;
/** Longest text a pattern is matched against; longer cells are an error for that row, not a slow row. */
export const MAX_REGEX_INPUT_LENGTH = 10_000;
/**
 * RE2's program size is roughly its cost per input character. `(?:a{0,999}){0,999}` is short but large; RE2
 * itself caps repeats at 1000, this caps the product so a row costs at most about this many steps per character.
 */
export const MAX_REGEX_PROGRAM_SIZE = 5_000;

/** A compiled mapping regex. Every method takes time linear in the text (RE2). */
export interface UserRegex {
  readonly source: string;
  /** Every match replaced; `$1`, `$<name>`, `$&` and `$$` in `replacement` work as in JavaScript. */
  replaceAll(text: string, replacement: string): string;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /** The first match: `[whole, group1, …]` (null for a group that did not take part), or null. */
  firstMatch(text: string): (string | null)[] | null;
}

/** Why a pattern is refused: the English `reason` for logs, a catalogue code (`expr.<code>`) and parameters. */
export interface RegexRefusal {
  ok: false;
  reason: string;
  code:
    'regexTooLong' | 'regexTooLarge' | 'regexLookaround' | 'regexBackref' | 'regexEscape' | 'regexInvalid';
  params: Readonly<Record<string, string | number>>;
}

export type RegexResult = { ok: true; regex: UserRegex } | RegexRefusal;

const SYNTAX_DOC = 'the supported syntax is RE2’s, see docs/expressions.md';

/** RE2's own descriptions (fixed texts of re2js's parser) and the name the catalogue words each by. */
const RE2_PROBLEMS: Readonly<Record<string, string>> = {
  'invalid character class range': 'charRange',
  'invalid escape sequence': 'escape',
  'invalid named capture': 'namedCapture',
  'invalid or unsupported Perl syntax': 'perlSyntax',
  'invalid nested repetition operator': 'nestedRepeat',
  'invalid repeat count': 'repeatCount',
  'missing closing ]': 'missingBracket',
  'missing closing )': 'missingParen',
  'missing argument to repetition operator': 'repeatArgument',
  'trailing backslash at end of expression': 'trailingBackslash',
  'duplicate capture group name': 'duplicateName',
  'unexpected )': 'unexpectedParen',
  'expression nests too deeply': 'tooDeep',
  'expression too large': 'tooLarge',
};

/** Says, in the consultant's terms, why RE2 refused a pattern that JavaScript might accept. */
function explain(pattern: string, error: unknown): RegexRefusal {
  if (/\(\?<?[=!]/.test(pattern))
    return {
      ok: false,
      reason: `look-ahead and look-behind ((?=…), (?!…), (?<=…), (?<!…)) are not supported; ${SYNTAX_DOC}`,
      code: 'regexLookaround',
      params: {},
    };
  if (/\\[1-9]|\\k</.test(pattern))
    return {
      ok: false,
      reason: `back-references (\\1, \\k<name>) are not supported; ${SYNTAX_DOC}`,
      code: 'regexBackref',
      params: {},
    };
  if (/\\[uxc]/.test(pattern) && /escape/.test(String((error as Error)?.message)))
    return {
      ok: false,
      reason: `write a character escape as \\x{00e9} (not \\u00e9); ${SYNTAX_DOC}`,
      code: 'regexEscape',
      params: {},
    };
  const detail = error instanceof RE2JSException ? error.message.replace(/^error parsing regexp: /, '') : '';
  const description = (error as { error?: unknown }).error;
  const input = (error as { input?: unknown }).input;
  return {
    ok: false,
    reason: `invalid regular expression${detail ? `: ${detail}` : ''}; ${SYNTAX_DOC}`,
    code: 'regexInvalid',
    params: {
      problem: (typeof description === 'string' && RE2_PROBLEMS[description]) || 'other',
      where: typeof input === 'string' && input !== '' ? 'yes' : 'no',
      near: typeof input === 'string' ? input : '',
    },
  };
}

/** Compiles a mapping pattern on RE2, or says why it is refused. Never throws. */
export function compileUserRegex(pattern: string): RegexResult {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return {
      ok: false,
      reason: `regular expression is too long (at most ${MAX_PATTERN_LENGTH} characters)`,
      code: 'regexTooLong',
      params: { max: MAX_PATTERN_LENGTH, length: pattern.length },
    };
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    return explain(pattern, e);
  }
  if (re.programSize() > MAX_REGEX_PROGRAM_SIZE)
    return {
      ok: false,
      reason: `regular expression is too large once its repeats are expanded (use fewer or smaller {n,m} counts)`,
      code: 'regexTooLarge',
      params: {},
    };
  return {
    ok: true,
    regex: {
      source: pattern,
      replaceAll: (text, replacement) => re.matcher(text).replaceAll(replacement),
      test: (text) => re.test(text),
      firstMatch: (text) => {
        const m = re.matcher(text);
        if (!m.find()) return null;
        const out: (string | null)[] = [];
        for (let g = 0; g <= m.groupCount(); g++) out.push(m.group(g));
        return out;
      },
    },
  };
}
