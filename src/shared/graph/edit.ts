import type { ExprNode } from '../expression/ast';
import { expressionToSubgraph } from './convert';
import { COLUMN, incomingIndex } from './convert';
import type { ConnectionRequest, ConnectionVerdict, Refusal } from './connection';
import { validateConnection } from './connection';
import type {
  GraphEdge,
  GraphNode,
  GraphPosition,
  LiteralValue,
  MappingGraph,
  TransformNode,
  TransformOp,
} from './model';
import { makeEdge, nodeIds, slotOf } from './model';
import type { SpecLookup } from './signatures';
import { slotCount } from './signatures';

/**
 * Editing operations on the graph as pure functions: each returns a new graph (or the same object when nothing
 * changed), so the canvas store, undo/redo and the tests share one implementation.
 */

/** A fresh id for a node the user creates; never collides with stable ids (`src:`, `field:`, `expr:`). */
export function freshNodeId(graph: MappingGraph, prefix = 'n'): string {
  const used = new Set(graph.nodes.map((n) => n.id));
  let i = graph.nodes.length + 1;
  while (used.has(`${prefix}:${i}`)) i++;
  return `${prefix}:${i}`;
}

/** Slots of a transform after its inputs changed: variadic functions keep one spare slot. */
export function refreshSlots(graph: MappingGraph, specOf: SpecLookup): MappingGraph {
  const index = incomingIndex(graph.edges);
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    if (n.type !== 'transform' || n.data.op.kind !== 'call') return n;
    const used = [...(index.get(n.id)?.keys() ?? []), ...Object.keys(n.data.inline).map(Number)];
    const argCount = used.length ? Math.max(...used) + 1 : 0;
    const slots = slotCount(specOf(n.data.op.name), argCount);
    if (slots === n.data.slots) return n;
    changed = true;
    return { ...n, data: { ...n.data, slots } };
  });
  return changed ? { nodes, edges: graph.edges } : graph;
}

export type EditResult = { ok: true; graph: MappingGraph } | Refusal;

/** Adds an edge after `validateConnection` accepted it. */
export function connect(graph: MappingGraph, c: ConnectionRequest, specOf: SpecLookup): EditResult {
  const verdict: ConnectionVerdict = validateConnection(graph, c, specOf);
  if (!verdict.ok) return verdict;
  const slot = slotOf(c.targetHandle ?? 'in-0');
  const edge = makeEdge(c.source as string, c.target as string, slot);
  // A wired input replaces the literal that was typed on the node for that slot.
  const nodes = graph.nodes.map((n) => {
    if (n.id !== c.target || n.type !== 'transform' || !(slot in n.data.inline)) return n;
    const inline = { ...n.data.inline };
    delete inline[slot];
    return { ...n, data: { ...n.data, inline } };
  });
  return { ok: true, graph: refreshSlots({ nodes, edges: [...graph.edges, edge] }, specOf) };
}

/**
 * Removes edges and nodes. Source attributes and Plek fields belong to the schema and the catalogue: they are
 * never removed, only their edges. Edges of removed nodes go with them.
 */
export function removeElements(
  graph: MappingGraph,
  nodeIdsToRemove: Iterable<string>,
  edgeIdsToRemove: Iterable<string>,
  specOf: SpecLookup,
): MappingGraph {
  const dropNodes = new Set<string>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const id of nodeIdsToRemove) {
    const n = byId.get(id);
    if (n && (n.type === 'transform' || n.type === 'literal')) dropNodes.add(id);
  }
  const dropEdges = new Set(edgeIdsToRemove);
  if (dropNodes.size === 0 && dropEdges.size === 0) return graph;
  const edges = graph.edges.filter(
    (e) => !dropEdges.has(e.id) && !dropNodes.has(e.source) && !dropNodes.has(e.target),
  );
  const nodes = graph.nodes.filter((n) => !dropNodes.has(n.id));
  if (edges.length === graph.edges.length && nodes.length === graph.nodes.length) return graph;
  return refreshSlots({ nodes, edges }, specOf);
}

/** Default literal for a new node's slot: a space for separators, nothing otherwise. */
function defaultInline(op: TransformOp, specOf: SpecLookup): Record<number, LiteralValue> {
  if (op.kind !== 'call') return {};
  const spec = specOf(op.name);
  const out: Record<number, LiteralValue> = {};
  spec?.params.forEach((p, i) => {
    if (p.variadic) return;
    if (/separator/i.test(p.name)) out[i] = ' ';
  });
  return out;
}

/** A new, unconnected transform node. */
export function addTransform(
  graph: MappingGraph,
  op: TransformOp,
  position: GraphPosition,
  specOf: SpecLookup,
  id = freshNodeId(graph),
): { graph: MappingGraph; id: string } {
  const inline = defaultInline(op, specOf);
  const slots =
    op.kind === 'call'
      ? slotCount(specOf(op.name), Object.keys(inline).length)
      : op.kind === 'binary'
        ? 2
        : 1;
  const node: TransformNode = { id, type: 'transform', position, data: { op, inline, slots } };
  return { graph: { nodes: [...graph.nodes, node], edges: graph.edges }, id };
}

/** A new literal node (a constant such as "NL" for a field). */
export function addLiteral(
  graph: MappingGraph,
  value: LiteralValue,
  position: GraphPosition,
  id = freshNodeId(graph),
): { graph: MappingGraph; id: string } {
  return {
    graph: {
      nodes: [...graph.nodes, { id, type: 'literal', position, data: { value } }],
      edges: graph.edges,
    },
    id,
  };
}

/** Sets (or with `undefined` clears) the literal typed on a transform's slot. */
export function setInline(
  graph: MappingGraph,
  nodeId: string,
  slot: number,
  value: LiteralValue | undefined,
  specOf: SpecLookup,
): MappingGraph {
  const nodes = graph.nodes.map((n) => {
    if (n.id !== nodeId || n.type !== 'transform') return n;
    const inline = { ...n.data.inline };
    if (value === undefined) delete inline[slot];
    else inline[slot] = value;
    return { ...n, data: { ...n.data, inline } };
  });
  return refreshSlots({ nodes, edges: graph.edges }, specOf);
}

/** Sets the value of a literal node. */
export function setLiteral(graph: MappingGraph, nodeId: string, value: LiteralValue): MappingGraph {
  return {
    nodes: graph.nodes.map((n) =>
      n.id === nodeId && n.type === 'literal' ? { ...n, data: { ...n.data, value } } : n,
    ),
    edges: graph.edges,
  };
}

/** Nodes that only feed the given field (its expression tree, minus anything another field also uses). */
export function nodesOwnedByField(graph: MappingGraph, path: string): Set<string> {
  const index = incomingIndex(graph.edges);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const tree = new Set<string>();
  const stack = [nodeIds.target(path)];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of index.get(id)?.values() ?? []) {
      const src = byId.get(e.source);
      if (src && (src.type === 'transform' || src.type === 'literal') && !tree.has(src.id)) {
        tree.add(src.id);
        stack.push(src.id);
      }
    }
  }
  // Keep a node that also feeds something outside this tree (a fan-out to another field).
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of graph.edges) {
      if (tree.has(e.source) && !tree.has(e.target) && e.target !== nodeIds.target(path)) {
        tree.delete(e.source);
        changed = true;
      }
    }
  }
  return tree;
}

/**
 * Replaces a field's drawing with a freshly parsed expression (the text editor). Nodes that only fed this field
 * are removed; the new nodes get stable ids (`expr:<path>@r…`) unless such an id is taken, and are placed in
 * columns left of the field.
 */
export function replaceFieldExpression(
  graph: MappingGraph,
  path: string,
  ast: ExprNode | null,
  specOf: SpecLookup,
): MappingGraph {
  const targetId = nodeIds.target(path);
  const owned = nodesOwnedByField(graph, path);
  let nodes = graph.nodes.filter((n) => !owned.has(n.id));
  let edges = graph.edges.filter(
    (e) => !owned.has(e.source) && !owned.has(e.target) && e.target !== targetId,
  );
  if (ast) {
    const sub = expressionToSubgraph(path, ast, specOf);
    const taken = new Set(nodes.map((n) => n.id));
    const rename = new Map<string, string>();
    for (const n of sub.nodes) {
      if (!taken.has(n.id)) continue;
      const id = freshNodeId({ nodes: [...nodes, ...sub.nodes], edges });
      rename.set(n.id, id);
      taken.add(id);
    }
    const target = nodes.find((n) => n.id === targetId);
    const base = target?.position ?? { x: COLUMN.target, y: 0 };
    const depthCount = new Map<number, number>();
    const placed = sub.nodes.map((n) => {
      const depth = n.id.split('@r')[1]?.split('.').length ?? 1;
      const k = depthCount.get(depth) ?? 0;
      depthCount.set(depth, k + 1);
      const id = rename.get(n.id) ?? n.id;
      return { ...n, id, position: { x: base.x - depth * COLUMN.step, y: base.y + k * 70 } } as GraphNode;
    });
    const known = new Set(nodes.map((n) => n.id));
    const missingSources: GraphNode[] = [];
    for (const name of sub.refs) {
      const id = nodeIds.source(name);
      if (known.has(id)) continue;
      known.add(id);
      missingSources.push({
        id,
        type: 'source',
        position: {
          x: 0,
          y: (nodes.filter((n) => n.type === 'source').length + missingSources.length) * COLUMN.rowHeight,
        },
        data: { attribute: name, missing: true },
      });
    }
    const fix = (id: string) => rename.get(id) ?? id;
    const newEdges: GraphEdge[] = sub.edges.map((e) =>
      makeEdge(fix(e.source), fix(e.target), slotOf(e.targetHandle)),
    );
    nodes = [...nodes, ...missingSources, ...placed];
    edges = [...edges, ...newEdges];
  }
  return refreshSlots({ nodes, edges }, specOf);
}

/** A group of nodes with the edges between them, as copied to the clipboard. */
export interface GraphFragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Copies the selected transform and literal nodes with the edges among them and the edges that come from
 * source attributes (those attributes stay where they are; pasted nodes are wired to them again).
 */
export function copyFragment(graph: MappingGraph, selected: Iterable<string>): GraphFragment {
  const ids = new Set(selected);
  const nodes = graph.nodes.filter((n) => ids.has(n.id) && (n.type === 'transform' || n.type === 'literal'));
  const kept = new Set(nodes.map((n) => n.id));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter(
    (e) => kept.has(e.target) && (kept.has(e.source) || byId.get(e.source)?.type === 'source'),
  );
  return { nodes, edges };
}

/** Pastes a fragment with fresh ids, shifted by `offset`. Returns the new ids so the canvas can select them. */
export function pasteFragment(
  graph: MappingGraph,
  fragment: GraphFragment,
  offset: GraphPosition,
  specOf: SpecLookup,
): { graph: MappingGraph; ids: string[] } {
  const rename = new Map<string, string>();
  let g: MappingGraph = graph;
  for (const n of fragment.nodes) {
    const id = freshNodeId(g);
    rename.set(n.id, id);
    g = {
      nodes: [
        ...g.nodes,
        { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as GraphNode,
      ],
      edges: g.edges,
    };
  }
  const existing = new Set(g.nodes.map((n) => n.id));
  const edges = fragment.edges
    .map((e) =>
      makeEdge(rename.get(e.source) ?? e.source, rename.get(e.target) ?? e.target, slotOf(e.targetHandle)),
    )
    .filter((e) => existing.has(e.source) && existing.has(e.target));
  return {
    graph: refreshSlots({ nodes: g.nodes, edges: [...g.edges, ...edges] }, specOf),
    ids: [...rename.values()],
  };
}

/** Moves nodes (positions only); the structure, and so the mapping's expressions, stay the same. */
export function moveNodes(graph: MappingGraph, positions: ReadonlyMap<string, GraphPosition>): MappingGraph {
  if (positions.size === 0) return graph;
  return {
    nodes: graph.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
    edges: graph.edges,
  };
}

export type { TransformNode };
