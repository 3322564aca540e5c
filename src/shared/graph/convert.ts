import type { ExprNode } from '../expression/ast';
import { binary, call, literal, not, ref } from '../expression/ast';
import type { MappingFileInput } from '../mapping/schema';
import { CORE_TARGET_FIELDS, customFieldPath, lookupTargetField } from '../scim/fields';
import type { SourceAttribute } from '../source/types';
import type {
  GraphEdge,
  GraphNode,
  GraphPosition,
  LiteralNode,
  LiteralValue,
  MappingGraph,
  SourceAttributeNode,
  TargetFieldNode,
  TransformNode,
} from './model';
import { makeEdge, nodeIds, slotOf } from './model';
import type { SpecLookup } from './signatures';
import { maxArgs, minArgs, slotCount } from './signatures';

/** Column positions of the default layout, left to right. */
export const COLUMN = { source: 0, target: 1100, step: 230, rowHeight: 64 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Expression → nodes and edges
// ---------------------------------------------------------------------------------------------------------------

export interface FieldSubgraph {
  nodes: (TransformNode | LiteralNode)[];
  edges: GraphEdge[];
  /** Attribute names referenced, in order of first appearance. */
  refs: string[];
}

function childrenOf(node: ExprNode): ExprNode[] {
  switch (node.kind) {
    case 'call':
      return node.args;
    case 'binary':
      return [node.left, node.right];
    case 'not':
      return [node.operand];
    default:
      return [];
  }
}

/**
 * Draws one field's expression: calls and operators become transform nodes (ids from the field and the
 * argument path, e.g. `expr:name.familyName@r.1`), attribute references become edges from the shared source
 * node of that attribute, literal arguments stay inline on their transform node. A field whose whole expression
 * is a literal gets a literal node.
 */
export function expressionToSubgraph(path: string, ast: ExprNode, specOf: SpecLookup): FieldSubgraph {
  const nodes: (TransformNode | LiteralNode)[] = [];
  const edges: GraphEdge[] = [];
  const refs: string[] = [];
  const origin: GraphPosition = { x: 0, y: 0 };
  const targetId = nodeIds.target(path);

  const addRef = (name: string, to: string, slot: number) => {
    if (!refs.includes(name)) refs.push(name);
    edges.push(makeEdge(nodeIds.source(name), to, slot));
  };

  const visit = (node: ExprNode, astPath: number[]): string => {
    const id = nodeIds.inField(path, astPath);
    if (node.kind === 'literal') {
      nodes.push({ id, type: 'literal', position: origin, data: { value: node.value } });
      return id;
    }
    if (node.kind === 'ref') throw new Error('unreachable: refs are drawn as edges');
    const op: TransformNode['data']['op'] =
      node.kind === 'call'
        ? { kind: 'call', name: node.name }
        : node.kind === 'binary'
          ? { kind: 'binary', op: node.op }
          : { kind: 'not' };
    const args = childrenOf(node);
    const slots = node.kind === 'call' ? slotCount(specOf(node.name), args.length) : args.length;
    const inline: Record<number, LiteralValue> = {};
    const transform: TransformNode = { id, type: 'transform', position: origin, data: { op, inline, slots } };
    nodes.push(transform);
    args.forEach((arg, i) => {
      if (arg.kind === 'literal') inline[i] = arg.value;
      else if (arg.kind === 'ref') addRef(arg.name, id, i);
      else edges.push(makeEdge(visit(arg, [...astPath, i]), id, i));
    });
    return id;
  };

  if (ast.kind === 'ref') addRef(ast.name, targetId, 0);
  else edges.push(makeEdge(visit(ast, []), targetId, 0));
  return { nodes, edges, refs };
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes and edges → expression
// ---------------------------------------------------------------------------------------------------------------

export type FieldState =
  | { status: 'ok'; ast: ExprNode }
  | { status: 'unmapped' }
  | {
      status: 'incomplete';
      /** English, for logs and tests. */
      reason: string;
      nodeId: string;
      /** The catalogue text `graph.incomplete.<code>` and its parameters. */
      code: IncompleteCode;
      params: Readonly<Record<string, string | number>>;
    };

/** Why a field's graph does not make an expression yet. */
export type IncompleteCode =
  'missingNode' | 'cycle' | 'fieldFeeds' | 'hole' | 'notOne' | 'binaryTwo' | 'atLeast' | 'atMost';

class IncompleteGraph extends Error {
  constructor(
    readonly reason: string,
    readonly nodeId: string,
    readonly code: IncompleteCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(reason);
  }
}

export function describeTransform(node: TransformNode): string {
  const op = node.data.op;
  return op.kind === 'call' ? op.name : op.kind === 'binary' ? `"${op.op}"` : 'not';
}

/** Index of incoming edges by target node id, then slot. */
export function incomingIndex(edges: readonly GraphEdge[]): Map<string, Map<number, GraphEdge>> {
  const index = new Map<string, Map<number, GraphEdge>>();
  for (const e of edges) {
    let slots = index.get(e.target);
    if (!slots) index.set(e.target, (slots = new Map()));
    slots.set(slotOf(e.targetHandle), e);
  }
  return index;
}

/**
 * Reads the expression a target field node receives. Interior empty inputs and missing required arguments make
 * the field incomplete (with the node to point at); trailing empty inputs are simply absent arguments.
 */
export function fieldExpression(
  graph: MappingGraph,
  path: string,
  specOf: SpecLookup,
  index = incomingIndex(graph.edges),
  byId = new Map(graph.nodes.map((n) => [n.id, n])),
): FieldState {
  const rootEdge = index.get(nodeIds.target(path))?.get(0);
  if (!rootEdge) return { status: 'unmapped' };
  const visiting = new Set<string>();

  const build = (id: string): ExprNode => {
    const node = byId.get(id);
    if (!node)
      throw new IncompleteGraph(
        `an input comes from a node that no longer exists (${id})`,
        id,
        'missingNode',
      );
    if (visiting.has(id)) throw new IncompleteGraph('the graph contains a cycle', id, 'cycle');
    switch (node.type) {
      case 'source':
        return ref(node.data.attribute);
      case 'literal':
        return literal(node.data.value);
      case 'target':
        throw new IncompleteGraph(`a Plek field cannot feed another node`, id, 'fieldFeeds');
      case 'transform':
        break;
    }
    visiting.add(id);
    const inputs = index.get(id);
    const args: (ExprNode | undefined)[] = [];
    const highest = Math.max(node.data.slots - 1, ...(inputs ? inputs.keys() : []), -1);
    for (let slot = 0; slot <= highest; slot++) {
      const edge = inputs?.get(slot);
      if (edge) args[slot] = build(edge.source);
      else if (slot in node.data.inline) args[slot] = literal(node.data.inline[slot] ?? null);
    }
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const name = describeTransform(node);
    const hole = args.findIndex((a) => a === undefined);
    if (hole >= 0)
      throw new IncompleteGraph(`input ${hole + 1} of ${name} is not connected`, id, 'hole', {
        n: hole + 1,
        fn: name,
      });
    const filled = args as ExprNode[];
    visiting.delete(id);
    const op = node.data.op;
    if (op.kind === 'not') {
      if (filled.length !== 1) throw new IncompleteGraph('not needs exactly one input', id, 'notOne');
      return not(filled[0]!);
    }
    if (op.kind === 'binary') {
      if (filled.length !== 2)
        throw new IncompleteGraph(`${name} needs two inputs`, id, 'binaryTwo', { fn: name });
      return binary(op.op as Parameters<typeof binary>[0], filled[0]!, filled[1]!);
    }
    const spec = specOf(op.name);
    if (spec) {
      if (filled.length < minArgs(spec))
        throw new IncompleteGraph(`${spec.name} needs at least ${minArgs(spec)} input(s)`, id, 'atLeast', {
          fn: spec.name,
          n: minArgs(spec),
        });
      if (filled.length > maxArgs(spec))
        throw new IncompleteGraph(`${spec.name} takes at most ${maxArgs(spec)} input(s)`, id, 'atMost', {
          fn: spec.name,
          n: maxArgs(spec),
        });
    }
    return call(op.name, filled);
  };

  try {
    return { status: 'ok', ast: build(rootEdge.source) };
  } catch (e) {
    if (e instanceof IncompleteGraph)
      return { status: 'incomplete', reason: e.reason, nodeId: e.nodeId, code: e.code, params: e.params };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue nodes
// ---------------------------------------------------------------------------------------------------------------

/** Target fields drawn on the right: the core catalogue, declared custom fields, then any other mapped path. */
export function targetFieldNodes(mapping: MappingFileInput): TargetFieldNode[] {
  const out: TargetFieldNode[] = [];
  const seen = new Set<string>();
  const push = (
    path: string,
    label: string,
    required: boolean,
    valueType: TargetFieldNode['data']['valueType'],
    extra: Partial<TargetFieldNode['data']> = {},
  ) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({
      id: nodeIds.target(path),
      type: 'target',
      position: { x: COLUMN.target, y: out.length * COLUMN.rowHeight },
      data: { path, label, required, valueType, ...extra },
    });
  };
  for (const f of CORE_TARGET_FIELDS) push(f.path, f.label.nl, f.requiredForCreate === true, f.type);
  for (const c of mapping.customFields ?? [])
    push(customFieldPath(c.name), c.label ?? c.name, false, c.type ?? 'string', { custom: true });
  for (const path of Object.keys(mapping.fields)) {
    const found = lookupTargetField(path, mapping.customFields ?? []);
    if (found.ok)
      push(found.field.path === path ? path : path, found.field.label.nl, false, found.field.type);
    else
      push(path, path, false, 'string', { problem: found.reason, problemId: `problem.target.${found.code}` });
  }
  return out;
}

/** Source attributes drawn on the left: the sampled schema, then attributes the mapping reads but the sample lacks. */
export function sourceAttributeNodes(
  attributes: readonly SourceAttribute[],
  referenced: readonly string[],
): SourceAttributeNode[] {
  const out: SourceAttributeNode[] = [];
  const seen = new Set<string>();
  for (const a of attributes) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    const data: SourceAttributeNode['data'] = { attribute: a.name, fillRate: a.fillRate };
    if (a.examples[0] !== undefined) data.example = a.examples[0];
    if (a.multiValued) data.multiValued = true;
    out.push({ id: nodeIds.source(a.name), type: 'source', position: { x: 0, y: 0 }, data });
  }
  for (const name of referenced) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      id: nodeIds.source(name),
      type: 'source',
      position: { x: 0, y: 0 },
      data: { attribute: name, missing: true },
    });
  }
  out.forEach((n, i) => (n.position = { x: COLUMN.source, y: i * COLUMN.rowHeight }));
  return out;
}

export type { GraphNode };
