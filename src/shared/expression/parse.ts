import type { BinaryOp, ExprNode } from './ast';
import type { ExpressionError } from './errors';
import { ExpressionSyntaxError, MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, MAX_TREE_DEPTH } from './errors';
import { canonicalFunctionName } from './functions';
import type { Token } from './lexer';
import { tokenize } from './lexer';

export type ParseResult = { ok: true; ast: ExprNode } | { ok: false; error: ExpressionError };

const COMPARISONS = new Set<string>(['=', '<>', '<', '<=', '>', '>=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

/**
 * Parses expression text into a tree (syntax only: unknown functions and ValueMap tables are reported by
 * `compileExpression`). Known function names are put in their canonical casing.
 */
export function parseExpression(text: string): ParseResult {
  try {
    return { ok: true, ast: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return { ok: false, error: e.toExpressionError() };
    throw e;
  }
}

/** Like `parseExpression`, but throws `ExpressionSyntaxError`. */
export function parseOrThrow(text: string): ExprNode {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionSyntaxError(
      `expression is too long (${text.length} characters, at most ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
      'tooLong',
      { length: text.length, max: MAX_EXPRESSION_LENGTH },
    );
  const parser = new Parser(tokenize(text));
  if (parser.peek().type === 'eof') throw new ExpressionSyntaxError('empty expression', 0, 'empty');
  const ast = parser.parseOr();
  const rest = parser.peek();
  if (rest.type !== 'eof') throw unexpected(rest);
  return ast;
}

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'end of expression';
    case 'ref':
      return 'attribute';
    case 'string':
      return 'string';
    default:
      return `"${token.text}"`;
  }
}

function unexpected(token: Token): ExpressionSyntaxError {
  const what =
    token.type === 'eof'
      ? 'end'
      : token.type === 'ref'
        ? 'attribute'
        : token.type === 'string'
          ? 'string'
          : 'token';
  return new ExpressionSyntaxError(`unexpected ${describe(token)}`, token.start, 'unexpected', {
    what,
    token: token.text,
  });
}

class Parser {
  private pos = 0;
  private nesting = 0;
  /** Depth of every built node, so that long operator chains are bounded as well as brackets. */
  private readonly depths = new WeakMap<ExprNode, number>();

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.tokens[this.pos]!;
    if (token.type !== 'eof') this.pos++;
    return token;
  }

  private keyword(): string | undefined {
    const t = this.peek();
    if (t.type !== 'ident') return undefined;
    const lower = t.text.toLowerCase();
    return KEYWORDS.has(lower) ? lower : undefined;
  }

  private depthOf(node: ExprNode): number {
    return this.depths.get(node) ?? 1;
  }

  private built<T extends ExprNode>(node: T, depth: number): T {
    if (depth > MAX_TREE_DEPTH)
      throw new ExpressionSyntaxError(
        `expression is nested too deeply (more than ${MAX_TREE_DEPTH} levels)`,
        node.start,
        'tooDeep',
        { max: MAX_TREE_DEPTH },
      );
    this.depths.set(node, depth);
    return node;
  }

  private enter(token: Token): void {
    if (++this.nesting > MAX_NESTING_DEPTH)
      throw new ExpressionSyntaxError(
        `too many nested brackets, calls or "not" (more than ${MAX_NESTING_DEPTH})`,
        token.start,
        'tooNested',
        { max: MAX_NESTING_DEPTH },
      );
  }

  private binaryNode(op: BinaryOp, left: ExprNode, right: ExprNode): ExprNode {
    return this.built(
      { kind: 'binary', op, left, right, start: left.start, end: right.end },
      Math.max(this.depthOf(left), this.depthOf(right)) + 1,
    );
  }

  parseOr(): ExprNode {
    let left = this.parseAnd();
    while (this.keyword() === 'or') {
      this.next();
      left = this.binaryNode('or', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): ExprNode {
    let left = this.parseNot();
    while (this.keyword() === 'and') {
      this.next();
      left = this.binaryNode('and', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): ExprNode {
    if (this.keyword() !== 'not') return this.parseComparison();
    const token = this.next();
    this.enter(token);
    const operand = this.parseNot();
    this.nesting--;
    return this.built(
      { kind: 'not', operand, start: token.start, end: operand.end },
      this.depthOf(operand) + 1,
    );
  }

  private parseComparison(): ExprNode {
    let left = this.parseConcat();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !COMPARISONS.has(t.text)) return left;
      this.next();
      left = this.binaryNode(t.text as BinaryOp, left, this.parseConcat());
    }
  }

  private parseConcat(): ExprNode {
    let left = this.parsePrimary();
    while (this.peek().type === 'op' && this.peek().text === '&') {
      this.next();
      left = this.binaryNode('&', left, this.parsePrimary());
    }
    return left;
  }

  private parsePrimary(): ExprNode {
    const t = this.next();
    switch (t.type) {
      case 'ref':
        return { kind: 'ref', name: t.text, start: t.start, end: t.end };
      case 'string':
        return { kind: 'literal', value: t.text, start: t.start, end: t.end };
      case 'number':
        return { kind: 'literal', value: t.value!, start: t.start, end: t.end };
      case '(': {
        this.enter(t);
        const inner = this.parseOr();
        this.expect(')');
        this.nesting--;
        return inner;
      }
      case 'ident':
        return this.parseIdent(t);
      default:
        throw unexpected(t);
    }
  }

  private parseIdent(t: Token): ExprNode {
    const lower = t.text.toLowerCase();
    if (this.peek().type === '(' && !KEYWORDS.has(lower)) return this.parseCall(t);
    switch (lower) {
      case 'true':
        return { kind: 'literal', value: true, start: t.start, end: t.end };
      case 'false':
        return { kind: 'literal', value: false, start: t.start, end: t.end };
      case 'null':
        return { kind: 'literal', value: null, start: t.start, end: t.end };
      case 'and':
      case 'or':
      case 'not':
        throw unexpected(t);
      default:
        throw new ExpressionSyntaxError(
          `unknown name ${t.text} (an attribute is written [${t.text}], a function call ${t.text}(…))`,
          t.start,
          'unknownName',
          { name: t.text },
        );
    }
  }

  private parseCall(name: Token): ExprNode {
    this.next();
    this.enter(name);
    const args: ExprNode[] = [];
    let depth = 0;
    if (this.peek().type !== ')') {
      for (;;) {
        const arg = this.parseOr();
        depth = Math.max(depth, this.depthOf(arg));
        args.push(arg);
        if (this.peek().type !== ',') break;
        this.next();
      }
    }
    const close = this.expect(')');
    this.nesting--;
    return this.built(
      {
        kind: 'call',
        name: canonicalFunctionName(name.text) ?? name.text,
        args,
        start: name.start,
        end: close.end,
      },
      depth + 1,
    );
  }

  private expect(type: ')'): Token {
    const t = this.peek();
    if (t.type !== type)
      throw new ExpressionSyntaxError(`expected "${type}"`, t.start, 'expected', { token: type });
    return this.next();
  }
}
