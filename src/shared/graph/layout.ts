import dagre from '@dagrejs/dagre';
import type { GraphPosition, MappingGraph } from './model';

/**
 * `mapping.layout` as the graph editor writes it. Keys are stable node ids (`src:<attribute>`,
 * `field:<path>`, `expr:<path>@r.<arg>.<arg>`), so a diff of two saves names what moved.
 */
export interface GraphLayout {
  [key: string]: unknown;
  version: 1;
  nodes: Record<string, GraphPosition>;
}

/** Reads positions from a mapping's opaque `layout` section; anything unrecognised is ignored, never fatal. */
export function readLayout(layout: unknown): Map<string, GraphPosition> {
  const out = new Map<string, GraphPosition>();
  if (typeof layout !== 'object' || layout === null) return out;
  const { version, nodes } = layout as { version?: unknown; nodes?: unknown };
  if (version !== 1 || typeof nodes !== 'object' || nodes === null) return out;
  for (const [id, pos] of Object.entries(nodes as Record<string, unknown>)) {
    if (typeof pos !== 'object' || pos === null) continue;
    const { x, y } = pos as { x?: unknown; y?: unknown };
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y))
      out.set(id, { x, y });
  }
  return out;
}

/** Positions rounded to whole pixels, keyed by stable id, in the order given. */
export function writeLayout(entries: Iterable<[string, GraphPosition]>): GraphLayout {
  const nodes: Record<string, GraphPosition> = {};
  for (const [id, p] of entries) nodes[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return { version: 1, nodes };
}

export interface AutoLayoutOptions {
  /** Horizontal distance between ranks. */
  rankSep?: number;
  /** Vertical distance between nodes of one rank. */
  nodeSep?: number;
  nodeWidth?: number;
  nodeHeight?: number;
}

/**
 * Left-to-right layered layout with dagre (sources left, Plek fields right). Dagre orders the wired part to
 * keep crossings low; attributes and fields with no edge would land in dagre's first rank, so they are stacked
 * under the wired ones in their own column instead. Deterministic: equal inputs give equal positions.
 */
export function autoLayout(graph: MappingGraph, options: AutoLayoutOptions = {}): MappingGraph {
  const width = options.nodeWidth ?? 200;
  const height = options.nodeHeight ?? 56;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: options.rankSep ?? 90, nodesep: options.nodeSep ?? 18 });
  g.setDefaultEdgeLabel(() => ({}));
  const wired = new Set<string>();
  for (const e of graph.edges) {
    wired.add(e.source);
    wired.add(e.target);
  }
  for (const n of graph.nodes) if (wired.has(n.id)) g.setNode(n.id, { width, height });
  for (const e of graph.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const placed = new Map<string, GraphPosition>();
  let minX = Infinity;
  let maxX = -Infinity;
  let bottom = 0;
  for (const n of graph.nodes) {
    if (!wired.has(n.id)) continue;
    const p = g.node(n.id);
    const pos = { x: p.x - width / 2, y: p.y - height / 2 };
    placed.set(n.id, pos);
    minX = Math.min(minX, pos.x);
    maxX = Math.max(maxX, pos.x);
    bottom = Math.max(bottom, pos.y + height);
  }
  if (!Number.isFinite(minX)) {
    minX = 0;
    maxX = 3 * (width + (options.rankSep ?? 90));
  }
  // Every source in the leftmost column and every Plek field in the rightmost one, wired or not.
  let sourceY = bottom + 40;
  let targetY = bottom + 40;
  let looseY = bottom + 40;
  for (const n of graph.nodes) {
    const p = placed.get(n.id);
    if (n.type === 'source') {
      if (p) p.x = minX;
      else placed.set(n.id, { x: minX, y: (sourceY += height + 12) - height - 12 });
    } else if (n.type === 'target') {
      if (p) p.x = maxX;
      else placed.set(n.id, { x: maxX, y: (targetY += height + 12) - height - 12 });
    } else if (!p) placed.set(n.id, { x: (minX + maxX) / 2, y: (looseY += height + 12) - height - 12 });
  }
  return {
    nodes: graph.nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position })),
    edges: graph.edges,
  };
}
