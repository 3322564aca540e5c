import { ExpressionSyntaxError } from './errors';

export type TokenType = 'ref' | 'string' | 'number' | 'ident' | 'op' | '(' | ')' | ',' | 'eof';

export interface Token {
  type: TokenType;
  /** Unescaped name for `ref`, unescaped text for `string`, the source text otherwise. */
  text: string;
  value?: number;
  start: number;
  end: number;
}

const OPERATORS = ['<=', '>=', '<>', '!=', '=', '<', '>', '&'] as const;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** A number literal starts with a digit, `.digit`, or a minus sign before either (there is no minus operator). */
function isNumberStart(text: string, i: number): boolean {
  let j = i;
  if (text[j] === '-') j++;
  if (isDigit(text.charCodeAt(j))) return true;
  return text[j] === '.' && isDigit(text.charCodeAt(j + 1));
}
function isSpace(c: string): boolean {
  // also no-break space and the byte-order mark, which copy and paste bring along
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\ufeff';
}

/**
 * Splits expression text into tokens. Attribute names are bracketed (`]]` stands for `]`); strings are
 * double-quoted with `\"` and `\\` as the only escapes (any other backslash is kept as written, so a regex such as
 * "\d+" needs no doubling).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i;
    const code = text.charCodeAt(i);
    if (ch === '[') {
      let name = '';
      i++;
      for (;;) {
        if (i >= n)
          throw new ExpressionSyntaxError(
            'unterminated attribute name starting',
            start,
            'unterminatedAttribute',
          );
        const c = text[i]!;
        if (c === ']') {
          if (text[i + 1] === ']') {
            name += ']';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += c;
        i++;
      }
      if (name.length === 0) throw new ExpressionSyntaxError('empty attribute name', start, 'emptyAttribute');
      tokens.push({ type: 'ref', text: name, start, end: i });
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= n)
          throw new ExpressionSyntaxError('unterminated string starting', start, 'unterminatedString');
        const c = text[i]!;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      tokens.push({ type: 'string', text: value, start, end: i });
    } else if (isNumberStart(text, i)) {
      if (ch === '-') i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text[i] === '.') {
        i++;
        if (!isDigit(text.charCodeAt(i)))
          throw new ExpressionSyntaxError('expected a digit after "."', i, 'digitAfterDot');
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (text[i] === 'e' || text[i] === 'E') {
        let j = i + 1;
        if (text[j] === '+' || text[j] === '-') j++;
        if (isDigit(text.charCodeAt(j))) {
          while (j < n && isDigit(text.charCodeAt(j))) j++;
          i = j;
        }
      }
      const raw = text.slice(start, i);
      const value = Number(raw) + 0; // + 0 turns -0 into 0
      if (!Number.isFinite(value))
        throw new ExpressionSyntaxError(`number ${raw} is out of range`, start, 'numberRange', {
          number: raw,
        });
      if (i < n && (isIdentStart(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))))
        throw new ExpressionSyntaxError(`unexpected "${text[i]}"`, i, 'unexpectedChar', {
          char: text[i]!,
          curly: 'no',
        });
      tokens.push({ type: 'number', text: raw, value, start, end: i });
    } else if (isIdentStart(code)) {
      while (i < n && (isIdentStart(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
      tokens.push({ type: 'ident', text: text.slice(start, i), start, end: i });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      i++;
      tokens.push({ type: ch, text: ch, start, end: i });
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const shown = String.fromCodePoint(text.codePointAt(i)!);
        // Word, Outlook and Teams turn " into curly quotes when an expression is pasted from a document
        const hint = '“”„‟«»'.includes(shown) ? ' (write text in straight double quotes: "…")' : '';
        throw new ExpressionSyntaxError(`unexpected "${shown}"${hint}`, start, 'unexpectedChar', {
          char: shown,
          curly: hint ? 'yes' : 'no',
        });
      }
      i += op.length;
      tokens.push({ type: 'op', text: op === '!=' ? '<>' : op, start, end: i });
    }
  }
  tokens.push({ type: 'eof', text: '', start: n, end: n });
  return tokens;
}
