/**
 * The syntax tree of the mapping expression language. The graph editor builds and reads these nodes directly,
 * so the shape is part of the contract: a node kind, its payload, and `start`/`end` offsets (0-based, `end`
 * exclusive) into the text it was parsed from. Nodes built by hand may use 0/0 — positions only feed messages.
 */

export type LiteralValue = string | number | boolean | null;

/** Binary operators, loosest first: `or` < `and` < comparisons < `&` (text concatenation). */
export type BinaryOp = 'or' | 'and' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '&';

export const BINARY_OPS: readonly BinaryOp[] = ['or', 'and', '=', '<>', '<', '<=', '>', '>=', '&'];
export const COMPARISON_OPS: readonly BinaryOp[] = ['=', '<>', '<', '<=', '>', '>='];

export interface Span {
  start: number;
  end: number;
}

/** `[Achternaam]`, `[Datum in dienst]`; `name` is unescaped (`[a]]b]` has name `a]b`). */
export interface RefNode extends Span {
  kind: 'ref';
  name: string;
}

/** `"text"`, `42`, `3.5`, `-1`, `true`, `false`, `null`. */
export interface LiteralNode extends Span {
  kind: 'literal';
  value: LiteralValue;
}

/** `Join(" ", [Roepnaam], [Achternaam])`; `name` is canonical when the function is known (`join` → `Join`). */
export interface CallNode extends Span {
  kind: 'call';
  name: string;
  args: ExprNode[];
}

export interface BinaryNode extends Span {
  kind: 'binary';
  op: BinaryOp;
  left: ExprNode;
  right: ExprNode;
}

/** `not [Actief]` — binds looser than comparisons: `not [a] = "x"` is `not ([a] = "x")`. */
export interface NotNode extends Span {
  kind: 'not';
  operand: ExprNode;
}

export type ExprNode = RefNode | LiteralNode | CallNode | BinaryNode | NotNode;
export type ExprKind = ExprNode['kind'];

/** Binding strength used by the parser and the printer (higher binds tighter). */
export function precedence(node: ExprNode): number {
  switch (node.kind) {
    case 'binary':
      return binaryPrecedence(node.op);
    case 'not':
      return 3;
    default:
      return 6;
  }
}

export function binaryPrecedence(op: BinaryOp): number {
  switch (op) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case '&':
      return 5;
    default:
      return 4;
  }
}

// Node constructors for code that builds trees (graph editor, tests). Positions default to 0.
export const ref = (name: string, start = 0, end = 0): RefNode => ({ kind: 'ref', name, start, end });
export const literal = (value: LiteralValue, start = 0, end = 0): LiteralNode => ({
  kind: 'literal',
  value,
  start,
  end,
});
export const call = (name: string, args: ExprNode[], start = 0, end = 0): CallNode => ({
  kind: 'call',
  name,
  args,
  start,
  end,
});
export const binary = (op: BinaryOp, left: ExprNode, right: ExprNode, start = 0, end = 0): BinaryNode => ({
  kind: 'binary',
  op,
  left,
  right,
  start,
  end,
});
export const not = (operand: ExprNode, start = 0, end = 0): NotNode => ({ kind: 'not', operand, start, end });

/** A copy of the tree with every `start`/`end` set to 0, for structural comparison. */
export function stripPositions<T extends ExprNode>(node: T): T;
export function stripPositions(node: ExprNode): ExprNode {
  switch (node.kind) {
    case 'ref':
      return ref(node.name);
    case 'literal':
      return literal(node.value);
    case 'call':
      return call(
        node.name,
        node.args.map((a) => stripPositions(a)),
      );
    case 'binary':
      return binary(node.op, stripPositions(node.left), stripPositions(node.right));
    case 'not':
      return not(stripPositions(node.operand));
  }
}

/** Structural equality ignoring positions; function names compare case-insensitively. */
export function astEquals(a: ExprNode, b: ExprNode): boolean {
  switch (a.kind) {
    case 'ref':
      return b.kind === 'ref' && a.name === b.name;
    case 'literal':
      return b.kind === 'literal' && Object.is(a.value, b.value);
    case 'call':
      return (
        b.kind === 'call' &&
        a.name.toLowerCase() === b.name.toLowerCase() &&
        a.args.length === b.args.length &&
        a.args.every((arg, i) => astEquals(arg, b.args[i]!))
      );
    case 'binary':
      return b.kind === 'binary' && a.op === b.op && astEquals(a.left, b.left) && astEquals(a.right, b.right);
    case 'not':
      return b.kind === 'not' && astEquals(a.operand, b.operand);
  }
}

/** Visits every node depth-first, parents before children, arguments left to right. */
export function walk(node: ExprNode, visit: (node: ExprNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'call':
      for (const arg of node.args) walk(arg, visit);
      break;
    case 'binary':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case 'not':
      walk(node.operand, visit);
      break;
    default:
      break;
  }
}

/** Attribute names the expression reads, in order of first appearance, without duplicates. */
export function referencedAttributes(node: ExprNode): string[] {
  const seen = new Set<string>();
  walk(node, (n) => {
    if (n.kind === 'ref') seen.add(n.name);
  });
  return [...seen];
}
