import type { ExprNode } from '../expression/ast';
import { referencedAttributes } from '../expression/ast';
import type { ExpressionError } from '../expression/errors';
import { parseExpression } from '../expression/parse';
import { printExpression } from '../expression/print';
import type { MappingFileInput } from '../mapping/schema';
import type { SourceAttribute } from '../source/types';
import type { FieldState } from './convert';
import {
  expressionToSubgraph,
  fieldExpression,
  incomingIndex,
  sourceAttributeNodes,
  targetFieldNodes,
} from './convert';
import type { GraphLayout } from './layout';
import { laneLayout, readLayout, writeLayout } from './layout';
import type { GraphEdge, GraphNode, GraphPosition, MappingGraph } from './model';
import { nodeIds, slotOf } from './model';
import type { SpecLookup } from './signatures';

export interface GraphFromMapping {
  graph: MappingGraph;
  /** Fields whose expression does not parse: drawn without edges, kept as text until fixed. */
  parseErrors: Record<string, ExpressionError>;
}

/**
 * Draws a mapping: one source node per attribute (shared by every field that reads it, fan-out edges), the
 * target catalogue on the right, each field's expression in between. Positions come from `mapping.layout`
 * where present, else from the lane layout (one row per Plek field).
 */
export function mappingToGraph(
  mapping: MappingFileInput,
  attributes: readonly SourceAttribute[],
  specOf: SpecLookup,
): GraphFromMapping {
  const parseErrors: Record<string, ExpressionError> = {};
  const exprNodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const referenced: string[] = [];
  for (const [path, field] of Object.entries(mapping.fields)) {
    const parsed = parseExpression(field.expression);
    if (!parsed.ok) {
      parseErrors[path] = parsed.error;
      continue;
    }
    const sub = expressionToSubgraph(path, parsed.ast, specOf);
    exprNodes.push(...sub.nodes);
    edges.push(...sub.edges);
    referenced.push(...sub.refs);
  }
  referenced.push(mapping.mappingKey.attribute);
  const sources = sourceAttributeNodes(attributes, referenced);
  const targets = targetFieldNodes(mapping);
  const nodes = laneLayout({ nodes: [...sources, ...exprNodes, ...targets], edges }).nodes;
  const saved = readLayout(mapping.layout);
  for (const n of nodes) {
    const p = saved.get(n.id);
    if (p) n.position = p;
  }
  return { graph: { nodes, edges }, parseErrors };
}

export interface MappingFromGraph {
  mapping: MappingFileInput;
  /** Per drawn field: written, not connected, or incomplete (the previous expression is kept). */
  fields: Record<string, FieldState>;
}

/**
 * Writes the graph back into the mapping: each connected field gets the canonical print of its expression;
 * a field whose input was removed is dropped; an incomplete field keeps its previous expression so that a
 * half-drawn edit never loses a working mapping. Fields the graph cannot show (parse errors) are kept as they
 * are. Key order of `fields` follows the original mapping, new fields are appended in catalogue order.
 * `layout` is rewritten from the node positions under stable ids.
 */
export function graphToMapping(
  graph: MappingGraph,
  base: MappingFileInput,
  specOf: SpecLookup,
  parseErrors: Readonly<Record<string, unknown>> = {},
): MappingFromGraph {
  const index = incomingIndex(graph.edges);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const states: Record<string, FieldState> = {};
  const asts = new Map<string, ExprNode>();
  for (const n of graph.nodes) {
    if (n.type !== 'target') continue;
    const state = fieldExpression(graph, n.data.path, specOf, index, byId);
    states[n.data.path] = state;
    if (state.status === 'ok') asts.set(n.data.path, state.ast);
  }
  const fields: MappingFileInput['fields'] = {};
  const write = (path: string) => {
    const previous = base.fields[path];
    const state = states[path];
    if (!state || path in parseErrors) {
      if (previous) fields[path] = previous;
      return;
    }
    if (state.status === 'ok') {
      const expression = printExpression(state.ast);
      fields[path] = previous ? { ...previous, expression } : { expression };
    } else if (state.status === 'incomplete' && previous) fields[path] = previous;
  };
  for (const path of Object.keys(base.fields)) write(path);
  for (const path of Object.keys(states)) if (!(path in base.fields)) write(path);

  const mapping: MappingFileInput = { ...base, fields, layout: layoutOf(graph, index) };
  return { mapping, fields: states };
}

/**
 * Positions under stable ids: sources and fields by name, expression nodes by field and argument path (a node
 * shared by two fields is saved under the first). Nodes that feed no field are drafts and are not saved.
 */
export function layoutOf(graph: MappingGraph, index = incomingIndex(graph.edges)): GraphLayout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const entries: [string, GraphPosition][] = [];
  const done = new Set<string>();
  for (const n of graph.nodes) if (n.type === 'source') entries.push([n.id, n.position]);
  for (const n of graph.nodes) {
    if (n.type !== 'target') continue;
    entries.push([n.id, n.position]);
    const walk = (id: string, astPath: number[]) => {
      const node = byId.get(id);
      if (!node || node.type === 'source' || node.type === 'target' || done.has(id)) return;
      done.add(id);
      entries.push([nodeIds.inField(n.data.path, astPath), node.position]);
      for (const [slot, e] of [...(index.get(id) ?? new Map<number, GraphEdge>())].sort(
        (a, b) => a[0] - b[0],
      ))
        walk(e.source, [...astPath, slot]);
    };
    const root = index.get(n.id)?.get(0);
    if (root) walk(root.source, []);
  }
  return writeLayout(entries);
}

/**
 * The graph as it would be drawn from its own mapping: user-made node ids become stable ids, literal nodes
 * wired into a transform become inline arguments, drafts that feed no field are dropped. A graph drawn from a
 * mapping is its own canonical form (the round-trip property the tests check).
 */
export function canonicalGraph(
  graph: MappingGraph,
  base: MappingFileInput,
  attributes: readonly SourceAttribute[],
  specOf: SpecLookup,
): MappingGraph {
  const { mapping } = graphToMapping(graph, base, specOf);
  return mappingToGraph(mapping, attributes, specOf).graph;
}

/** Attributes every parsed field reads, for the source sample's column choice. */
export function attributesRead(mapping: MappingFileInput): string[] {
  const out = new Set<string>([mapping.mappingKey.attribute]);
  for (const f of Object.values(mapping.fields)) {
    const parsed = parseExpression(f.expression);
    if (parsed.ok) for (const a of referencedAttributes(parsed.ast)) out.add(a);
  }
  return [...out];
}

export { slotOf };
