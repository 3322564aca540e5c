/**
 * Keyboard navigation over the mapping graph (roving focus): which node the arrow keys go to, where a keyboard
 * user enters the graph, and in which order a node's edges are visited. Pure: the canvas passes the nodes it
 * shows (positions and drawn sizes, in graph coordinates) and the edges between them.
 *
 * Left and right follow the chain a lane is made of (attribute → function → … → Plek field), so they go where the
 * data goes even when an edge runs to another lane; up and down go to the nearest node above or below, the same
 * column first, which in the lane layout is the neighbouring lane.
 */

export type NavDirection = 'left' | 'right' | 'up' | 'down';

/** A node as the canvas draws it: top-left corner and size, in graph coordinates. */
export interface NavNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NavEdge {
  id: string;
  source: string;
  target: string;
  /** `in-<slot>`: which input of the target the edge enters. */
  targetHandle?: string | null;
}

function slot(e: NavEdge): number {
  return Number(/\d+$/.exec(e.targetHandle ?? '')?.[0] ?? 0);
}

function centerY(n: NavNode): number {
  return n.y + n.height / 2;
}

/** Distance between two nodes' horizontal extents (0 when they overlap, i.e. share a column). */
function xGap(a: NavNode, b: NavNode): number {
  return Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width));
}

/** Distance between two nodes' vertical extents (0 when they overlap, i.e. share a row). */
function yGap(a: NavNode, b: NavNode): number {
  return Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
}

/** Reading order: top to bottom, then left to right (ids break ties, so the order is deterministic). */
function byReadingOrder(a: NavNode, b: NavNode): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The nearest node in a direction by position alone. Up/down: a node that starts below (ends above) this node's
 * middle, in the same column first (horizontal overlap), else the nearest with horizontal distance weighing
 * three times; left/right: a node in the same row (vertical overlap), the nearest first.
 */
function spatial(nodes: readonly NavNode[], from: NavNode, dir: NavDirection): string | null {
  let best: { score: number; node: NavNode } | null = null;
  for (const n of nodes) {
    if (n.id === from.id) continue;
    let score: number;
    if (dir === 'down' || dir === 'up') {
      const beyond = dir === 'down' ? n.y >= centerY(from) : n.y + n.height <= centerY(from);
      if (!beyond) continue;
      const dy = Math.abs(centerY(n) - centerY(from));
      const gap = xGap(n, from);
      score = gap === 0 ? dy : 1e6 + dy + 3 * gap;
    } else {
      const dx = n.x + n.width / 2 - (from.x + from.width / 2);
      if (dir === 'right' ? dx <= 0.5 : dx >= -0.5) continue;
      if (yGap(n, from) > 0) continue;
      score = Math.abs(dx);
    }
    if (!best || score < best.score || (score === best.score && byReadingOrder(n, best.node) < 0))
      best = { score, node: n };
  }
  return best?.node.id ?? null;
}

/**
 * The node the arrow key `dir` moves the focus to from `from`, or null when there is none that way.
 * - right: the node `from` feeds (the one nearest its own row when it feeds several); a node that feeds nothing
 *   goes to the nearest node to its right in the same row.
 * - left: the node feeding `from`: `cameFrom` when that is one of its inputs (so left undoes right), else its
 *   first wired input; a node with no inputs goes to the nearest node to its left in the same row.
 * - up/down: the nearest node above/below, the same column first (in the lane layout: the next lane).
 */
export function nextNode(
  nodes: readonly NavNode[],
  edges: readonly NavEdge[],
  from: string,
  dir: NavDirection,
  cameFrom: string | null = null,
): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const here = byId.get(from);
  if (!here) return null;
  if (dir === 'right') {
    const targets = edges
      .filter((e) => e.source === from && byId.has(e.target))
      .map((e) => byId.get(e.target)!)
      .sort(
        (a, b) =>
          Math.abs(centerY(a) - centerY(here)) - Math.abs(centerY(b) - centerY(here)) || byReadingOrder(a, b),
      );
    return targets[0]?.id ?? spatial(nodes, here, dir);
  }
  if (dir === 'left') {
    const inputs = edges
      .filter((e) => e.target === from && byId.has(e.source))
      .sort((a, b) => slot(a) - slot(b));
    if (cameFrom && inputs.some((e) => e.source === cameFrom)) return cameFrom;
    return inputs[0]?.source ?? spatial(nodes, here, dir);
  }
  return spatial(nodes, here, dir);
}

/** Where the chain through `from` starts (`left`: its first attribute) or ends (`right`: its Plek field). */
export function chainEnd(
  nodes: readonly NavNode[],
  edges: readonly NavEdge[],
  from: string,
  dir: 'left' | 'right',
): string {
  const seen = new Set([from]);
  let at = from;
  for (;;) {
    const next = nextNode(nodes, edges, at, dir);
    if (next === null || seen.has(next)) return at;
    seen.add(next);
    at = next;
  }
}

/**
 * Where a keyboard user enters the graph: the top lane's left-most node (the first attribute a consultant
 * reads), among the nodes inside `view` when given and any is, else among all. Null for an empty graph.
 */
export function entryNode(
  nodes: readonly NavNode[],
  view?: { x: number; y: number; width: number; height: number },
): string | null {
  const inView = view
    ? nodes.filter(
        (n) =>
          n.x < view.x + view.width &&
          n.x + n.width > view.x &&
          n.y < view.y + view.height &&
          n.y + n.height > view.y,
      )
    : [];
  const pool = inView.length > 0 ? inView : nodes;
  if (pool.length === 0) return null;
  const top = [...pool].sort(byReadingOrder)[0]!;
  // The top row: every node that overlaps the top-most node vertically; its left-most one.
  const row = pool.filter((n) => yGap(n, top) === 0 && n.y < top.y + top.height);
  return [...row].sort((a, b) => a.x - b.x || byReadingOrder(a, b))[0]!.id;
}

/**
 * The edges of a node in the order the edge key visits them: its inputs from the first to the last slot, then
 * its outputs from top to bottom — left to right as the node is read.
 */
export function nodeEdges(nodes: readonly NavNode[], edges: readonly NavEdge[], id: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inputs = edges.filter((e) => e.target === id && byId.has(e.source)).sort((a, b) => slot(a) - slot(b));
  const outputs = edges
    .filter((e) => e.source === id && byId.has(e.target))
    .sort((a, b) => byReadingOrder(byId.get(a.target)!, byId.get(b.target)!) || slot(a) - slot(b));
  return [...inputs, ...outputs].map((e) => e.id);
}
