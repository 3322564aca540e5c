import dagre from '@dagrejs/dagre';
import type { GraphNode, GraphPosition, MappingGraph, TargetFieldNode } from './model';

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

/** A node's drawn size; the canvas passes what it measured, the defaults estimate it for the CLI and tests. */
export interface NodeSize {
  width: number;
  height: number;
}
export type SizeOf = (node: GraphNode) => NodeSize;

/** A node's size when the canvas has not measured it: close to what graph.css draws at zoom 1. */
export function estimatedSize(node: GraphNode): NodeSize {
  switch (node.type) {
    case 'source':
      return { width: 170, height: 52 };
    case 'target':
      return { width: 200, height: 56 };
    case 'literal':
      return { width: 170, height: 58 };
    default:
      return { width: 160, height: 30 + 26 * Math.max(1, node.data.slots) };
  }
}

export interface LaneLayoutOptions {
  /** Horizontal gap between columns. */
  columnGap?: number;
  /** Vertical gap between lanes. */
  laneGap?: number;
  /** Vertical gap between two nodes of one column inside a lane. */
  rowGap?: number;
  sizeOf?: SizeOf;
}

/** Every node upstream of a Plek field (its functions, literals and source attributes), the field included. */
export function fieldChain(graph: MappingGraph, fieldNodeId: string): Set<string> {
  const inputs = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = inputs.get(e.target) ?? [];
    list.push(e.source);
    inputs.set(e.target, list);
  }
  const out = new Set<string>();
  const walk = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const s of inputs.get(id) ?? []) walk(s);
  };
  walk(fieldNodeId);
  return out;
}

/**
 * One lane (row) per Plek field: the field in the right-hand column, the functions that feed it to its left by
 * their distance from it, and the source attributes it reads just left of the function that reads them — so a
 * consultant reads each field's chain left to right on its own row. A source attribute shared by several fields
 * sits in the lane of the first one (the others reach it with a longer edge). Mapped fields come first, in
 * graph order; then the unmapped fields (required ones first) with the unused attributes beside them; drafts
 * that feed no field at the bottom. Deterministic: equal inputs give equal positions.
 */
export function laneLayout(graph: MappingGraph, options: LaneLayoutOptions = {}): MappingGraph {
  const sizeOf = options.sizeOf ?? estimatedSize;
  const columnGap = options.columnGap ?? 40;
  const laneGap = options.laneGap ?? 28;
  const rowGap = options.rowGap ?? 12;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputs = new Map<string, { slot: number; source: string }[]>();
  for (const e of graph.edges) {
    const list = inputs.get(e.target) ?? [];
    list.push({ slot: Number(/\d+$/.exec(e.targetHandle)?.[0] ?? 0), source: e.source });
    inputs.set(e.target, list);
  }
  for (const list of inputs.values()) list.sort((a, b) => a.slot - b.slot);

  const targets = graph.nodes.filter((n): n is TargetFieldNode => n.type === 'target');
  const mapped = targets.filter((n) => inputs.has(n.id));

  /** Per lane: nodes by column, column 0 being the field and column d the nodes d edges upstream of it. */
  interface Lane {
    columns: Map<number, GraphNode[]>;
  }
  const claimed = new Map<string, { lane: Lane; depth: number }>();
  const lanes: Lane[] = [];
  for (const field of mapped) {
    const lane: Lane = { columns: new Map([[0, [field]]]) };
    lanes.push(lane);
    claimed.set(field.id, { lane, depth: 0 });
    // Longest distance first, so that a node read at two depths sits left of both readers.
    const depth = new Map<string, number>();
    const order: string[] = [];
    const visit = (id: string, d: number, trail: Set<string>) => {
      if (trail.has(id)) return;
      const node = byId.get(id);
      if (!node || (claimed.has(id) && claimed.get(id)!.lane !== lane)) return;
      if (!depth.has(id)) order.push(id);
      depth.set(id, Math.max(depth.get(id) ?? 0, d));
      trail.add(id);
      for (const i of inputs.get(id) ?? []) visit(i.source, d + 1, trail);
      trail.delete(id);
    };
    for (const i of inputs.get(field.id) ?? []) visit(i.source, 1, new Set([field.id]));
    for (const id of order) {
      const d = depth.get(id)!;
      claimed.set(id, { lane, depth: d });
      const col = lane.columns.get(d) ?? [];
      col.push(byId.get(id)!);
      lane.columns.set(d, col);
    }
  }

  // Column widths over every lane, so that the fields (and each depth) line up in one column.
  const loose = graph.nodes.filter(
    (n) => (n.type === 'transform' || n.type === 'literal') && !claimed.has(n.id),
  );
  // At least a column for the attributes left of the fields, and one between them for drafts.
  let maxDepth = loose.length > 0 ? 2 : 1;
  for (const lane of lanes) for (const d of lane.columns.keys()) maxDepth = Math.max(maxDepth, d);
  const widths = new Array<number>(maxDepth + 1).fill(0);
  for (const lane of lanes)
    for (const [d, nodes] of lane.columns)
      for (const n of nodes) widths[d] = Math.max(widths[d]!, sizeOf(n).width);
  for (const n of targets) widths[0] = Math.max(widths[0]!, sizeOf(n).width);
  const sourceWidth = Math.max(
    0,
    ...graph.nodes.filter((n) => n.type === 'source').map((n) => sizeOf(n).width),
  );
  widths[maxDepth] = Math.max(widths[maxDepth]!, sourceWidth);
  const middleColumn = Math.floor(maxDepth / 2);
  for (const n of loose) widths[middleColumn] = Math.max(widths[middleColumn]!, sizeOf(n).width);
  const xOf = new Array<number>(maxDepth + 1).fill(0);
  for (let d = maxDepth - 1; d >= 0; d--) xOf[d] = xOf[d + 1]! + widths[d + 1]! + columnGap;

  const placed = new Map<string, GraphPosition>();
  let y = 0;
  for (const lane of lanes) {
    let height = 0;
    for (const [d, nodes] of lane.columns) {
      let cy = y;
      for (const n of nodes) {
        placed.set(n.id, { x: xOf[d]!, y: cy });
        cy += sizeOf(n).height + rowGap;
      }
      height = Math.max(height, cy - rowGap - y);
    }
    y += height + laneGap;
  }

  // Unmapped fields (required first) with the unused attributes beside them, one pair per row.
  const unmapped = targets
    .filter((n) => !inputs.has(n.id))
    .sort((a, b) => Number(b.data.required) - Number(a.data.required));
  const spareSources = graph.nodes.filter((n) => n.type === 'source' && !claimed.has(n.id));
  const middle = xOf[middleColumn]!;
  const rows = Math.max(unmapped.length, spareSources.length, loose.length);
  for (let i = 0; i < rows; i++) {
    let height = 0;
    const put = (n: GraphNode | undefined, x: number) => {
      if (!n) return;
      placed.set(n.id, { x, y });
      height = Math.max(height, sizeOf(n).height);
    };
    put(spareSources[i], xOf[maxDepth]!);
    put(loose[i], middle);
    put(unmapped[i], xOf[0]!);
    y += height + rowGap;
  }
  return {
    nodes: graph.nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position })),
    edges: graph.edges,
  };
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/**
 * Where a new node of `size` goes near `wanted` without covering another node: `wanted` itself when it is
 * free, else the nearest free spot on a widening ring of candidates around it (nearest first, then top-left
 * first), so that repeated additions at one place fan out instead of stacking.
 */
export function freeSpot(
  graph: MappingGraph,
  wanted: GraphPosition,
  size: NodeSize,
  options: { sizeOf?: SizeOf; margin?: number; step?: number } = {},
): GraphPosition {
  const sizeOf = options.sizeOf ?? estimatedSize;
  const margin = options.margin ?? 16;
  const step = options.step ?? 24;
  const taken: Rect[] = graph.nodes.map((n) => ({ ...n.position, ...sizeOf(n) }));
  const free = (p: GraphPosition) => !taken.some((r) => overlaps({ ...p, ...size }, r, margin));
  if (free(wanted)) return wanted;
  for (let ring = 1; ring <= 400; ring++) {
    const candidates: GraphPosition[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          candidates.push({ x: wanted.x + i * step, y: wanted.y + j * step });
    candidates.sort(
      (a, b) =>
        Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y) ||
        a.y - b.y ||
        a.x - b.x,
    );
    const found = candidates.find(free);
    if (found) return found;
  }
  return wanted;
}
