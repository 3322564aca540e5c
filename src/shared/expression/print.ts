import type { ExprNode, LiteralValue } from './ast';
import { precedence } from './ast';
import { canonicalFunctionName } from './functions';

/**
 * Canonical text of a tree: `Fn(a, b)`, spaces around binary operators, lower-case keywords, the fewest
 * parentheses the precedence allows, strings in double quotes with `\"` and `\\` escaped.
 * `parseExpression(printExpression(ast))` gives the same tree back (positions aside).
 */
export function printExpression(node: ExprNode): string {
  switch (node.kind) {
    case 'ref':
      return `[${node.name.replaceAll(']', ']]')}]`;
    case 'literal':
      return printLiteral(node.value);
    case 'call':
      return `${canonicalFunctionName(node.name) ?? node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'not': {
      const operand = printExpression(node.operand);
      return precedence(node.operand) < 3 ? `not (${operand})` : `not ${operand}`;
    }
    case 'binary': {
      const p = precedence(node);
      const left = printExpression(node.left);
      const right = printExpression(node.right);
      // Operators associate to the left, so an equal-precedence right operand needs brackets.
      const l = precedence(node.left) < p ? `(${left})` : left;
      const r = precedence(node.right) <= p ? `(${right})` : right;
      return `${l} ${node.op} ${r}`;
    }
  }
}

export function printLiteral(value: LiteralValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.replace(/["\\]/g, '\\$&')}"`;
  return String(value);
}
