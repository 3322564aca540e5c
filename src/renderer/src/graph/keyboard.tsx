import { useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { GraphNode } from '../../../shared/graph/model';
import {
  chainEnd,
  entryNode,
  nextNode,
  nodeEdges,
  type NavDirection,
  type NavEdge,
  type NavNode,
} from '../../../shared/graph/navigation';
import { useGraphStore, useGraphStoreApi } from './context';
import { useGraphText } from './i18n';
import { GRAPH_KEYS_ID, sizeOfIn, toGraph, type GraphEditorState, type GraphEditorStore } from './store';

/**
 * Keyboard work on the graph with roving focus: the graph is one tab stop; inside it the arrow keys move between
 * nodes (src/shared/graph/navigation.ts), Enter edits the focused node, E visits its edges, Esc leaves. Nodes and
 * edges are focusable but never tab stops themselves, so Tab no longer walks through every node and edge.
 */

const ARROWS: Record<string, NavDirection> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};
/** Shift+arrow moves the focused node by this much (graph units), one undo step per press. */
const MOVE_STEP = 20;
const MARGIN = 24;

/** The nodes the keyboard can go to (in focus mode: the focused chain), with their drawn sizes. */
function visibleGraph(s: GraphEditorState): { nodes: NavNode[]; edges: NavEdge[] } {
  const shown = s.focusedLane ? s.nodes.filter((n) => s.laneNodes.has(n.id)) : s.nodes;
  const sizeOf = sizeOfIn(s.nodes);
  const graph = toGraph(shown, s.edges);
  const ids = new Set(shown.map((n) => n.id));
  return {
    nodes: graph.nodes.map((n: GraphNode) => ({ id: n.id, ...n.position, ...sizeOf(n) })),
    edges: s.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** The Plek field a node feeds (itself for a field), following its outgoing edges; null for a draft. */
function fieldOf(s: GraphEditorState, id: string): string | null {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (seen.has(at)) continue;
    seen.add(at);
    if (byId.get(at)?.type === 'target') return at;
    for (const e of s.edges) if (e.source === at) queue.push(e.target);
  }
  return null;
}

function cssId(id: string): string {
  return CSS.escape(id);
}

/** Enters the graph: the node the keyboard was last on, else the top lane's left-most node in view. */
export function useEnterGraph(): () => void {
  const store = useGraphStoreApi();
  const flow = useReactFlow();
  const rf = useStoreApi();
  return useCallback(() => {
    const s = store.getState();
    const { nodes } = visibleGraph(s);
    if (s.navNode && nodes.some((n) => n.id === s.navNode)) {
      s.focusNode(s.navNode, s.navPrev);
      return;
    }
    const { x, y, zoom } = flow.getViewport();
    const { width, height } = rf.getState();
    const id = entryNode(nodes, { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom });
    if (id) s.focusNode(id);
  }, [store, flow, rf]);
}

/** Pans (never zooms) just enough to show a node whole (the minimap and the zoom controls are outside the canvas). */
function useReveal(): (id: string) => void {
  const flow = useReactFlow();
  const rf = useStoreApi();
  return useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { width: pw, height: ph } = rf.getState();
      const { x: vx, y: vy, zoom } = flow.getViewport();
      const w = (node.measured.width ?? 180) * zoom;
      const h = (node.measured.height ?? 60) * zoom;
      const sx = node.internals.positionAbsolute.x * zoom + vx;
      const sy = node.internals.positionAbsolute.y * zoom + vy;
      let dx = 0;
      let dy = 0;
      if (sx < MARGIN) dx = MARGIN - sx;
      else if (sx + w > pw - MARGIN) dx = Math.max(MARGIN - sx, pw - MARGIN - (sx + w));
      if (sy < MARGIN) dy = MARGIN - sy;
      else if (sy + h > ph - MARGIN) dy = Math.max(MARGIN - sy, ph - MARGIN - (sy + h));
      if (dx !== 0 || dy !== 0) void flow.setViewport({ x: vx + dx, y: vy + dy, zoom });
    },
    [flow, rf],
  );
}

/** Enter on a node: a field opens as text, a function or constant edits its typed inputs, an attribute focuses its chain. */
function openNode(store: GraphEditorStore, root: HTMLElement | null, id: string): void {
  const s = store.getState();
  const node = s.nodes.find((n) => n.id === id);
  if (!node) return;
  // Text mode opens in the side panel, beside the canvas.
  const focusText = () =>
    requestAnimationFrame(() =>
      root?.closest('.ge')?.querySelector<HTMLTextAreaElement>('.ge-field-editor textarea')?.focus(),
    );
  if (node.type === 'target') {
    s.focusField(node.data.path);
    focusText();
    return;
  }
  if (node.type === 'source') {
    const field = fieldOf(s, id);
    if (field) {
      s.focusLane(s.focusedLane === field ? null : field);
      s.focusNode(id);
    }
    return;
  }
  const el = root?.querySelector(`.react-flow__node[data-id="${cssId(id)}"]`);
  const input = el?.querySelector<HTMLElement>('input, select');
  if (input) {
    s.setEditing(id);
    input.focus();
    return;
  }
  // Every input of the function is wired: nothing to type on the node, so edit the field it feeds as text.
  const field = fieldOf(s, id);
  const target = field ? s.nodes.find((n) => n.id === field) : undefined;
  if (target?.type === 'target') {
    s.focusField(target.data.path);
    focusText();
  }
}

function cycle(list: readonly string[], current: string | null, back: boolean): string | undefined {
  if (list.length === 0) return undefined;
  const i = current ? list.indexOf(current) : -1;
  if (i < 0) return back ? list[list.length - 1] : list[0];
  return list[(i + (back ? list.length - 1 : 1)) % list.length];
}

/** The editor's keys on a focused node or edge; returns true when it handled the key. */
function onNodeKey(
  store: GraphEditorStore,
  root: HTMLElement | null,
  id: string,
  e: React.KeyboardEvent,
): boolean {
  const s = store.getState();
  const { nodes, edges } = visibleGraph(s);
  const dir = ARROWS[e.key];
  if (dir && e.shiftKey) {
    const node = s.nodes.find((n) => n.id === id);
    if (!node) return true;
    const dx = dir === 'left' ? -MOVE_STEP : dir === 'right' ? MOVE_STEP : 0;
    const dy = dir === 'up' ? -MOVE_STEP : dir === 'down' ? MOVE_STEP : 0;
    s.moveNodes(new Map([[id, { x: node.position.x + dx, y: node.position.y + dy }]]), true);
    return true;
  }
  if (dir) {
    const next = nextNode(nodes, edges, id, dir, s.navPrev);
    if (next) s.focusNode(next, id);
    return true;
  }
  switch (e.key) {
    case 'Home':
    case 'End': {
      const end = chainEnd(nodes, edges, id, e.key === 'Home' ? 'left' : 'right');
      if (end !== id) s.focusNode(end);
      return true;
    }
    case 'Enter':
      openNode(store, root, id);
      return true;
    case 'e':
    case 'E': {
      const edge = cycle(nodeEdges(nodes, edges, id), null, e.key === 'E');
      if (edge) s.focusEdge(edge);
      return true;
    }
    case 'Escape':
      if (s.focusedLane) {
        s.focusLane(null);
        // The whole graph comes back with a short animation (Canvas.tsx); show the node once it has ended.
        window.setTimeout(() => {
          const now = store.getState();
          // Unless the keyboard has gone on meanwhile (elsewhere in the graph, or out of it).
          const active = document.activeElement;
          const away = active && active !== document.body && !root?.contains(active);
          if (!away && now.navNode === id && !now.navEdge && !now.navParked) now.focusNode(id, now.navPrev);
        }, 260);
      } else s.leaveGraph();
      return true;
    case 'Delete':
    case 'Backspace': {
      const selected = s.nodes.filter((n) => n.selected).length + s.edges.filter((x) => x.selected).length;
      // A selection of several elements (Shift+drag, Ctrl+click) is the canvas's to delete.
      if (selected > 1) return false;
      const node = s.nodes.find((n) => n.id === id);
      if (!node?.deletable) return true;
      const after =
        nextNode(nodes, edges, id, 'left') ??
        nextNode(nodes, edges, id, 'up') ??
        nextNode(nodes, edges, id, 'down') ??
        nextNode(nodes, edges, id, 'right');
      s.remove([id], []);
      if (after) s.focusNode(after);
      else s.leaveGraph();
      return true;
    }
    case '?':
      s.setKeysOpen(!s.keysOpen);
      return true;
    default:
      return false;
  }
}

function onEdgeKey(store: GraphEditorStore, id: string, e: React.KeyboardEvent): boolean {
  const s = store.getState();
  const edge = s.edges.find((x) => x.id === id);
  if (!edge) return false;
  const home = s.navNode === edge.source || s.navNode === edge.target ? s.navNode : edge.source;
  switch (e.key) {
    case 'e':
    case 'E': {
      const { nodes, edges } = visibleGraph(s);
      const next = cycle(nodeEdges(nodes, edges, home), id, e.key === 'E');
      if (next) s.focusEdge(next);
      return true;
    }
    case 'Enter':
      s.focusNode(edge.source === home ? edge.target : edge.source, home);
      return true;
    case 'ArrowLeft':
      s.focusNode(edge.source, home);
      return true;
    case 'ArrowRight':
      s.focusNode(edge.target, home);
      return true;
    case 'ArrowUp':
    case 'ArrowDown':
    case 'Escape':
      s.focusNode(home);
      return true;
    case 'Delete':
    case 'Backspace':
      s.remove([], [id]);
      s.focusNode(home);
      return true;
    case '?':
      s.setKeysOpen(!s.keysOpen);
      return true;
    default:
      return false;
  }
}

function isEditable(el: Element): boolean {
  return (
    (el as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName)
  );
}

/** The canvas's key handler: acts when a node or an edge itself has the focus (not an input inside a node). */
export function useGraphKeys(root: React.RefObject<HTMLElement | null>): (e: React.KeyboardEvent) => void {
  const store = useGraphStoreApi();
  return useCallback(
    (e: React.KeyboardEvent) => {
      const el = e.target as Element;
      if (isEditable(el) || e.ctrlKey || e.metaKey || e.altKey) return;
      let handled = false;
      if (el.classList.contains('react-flow__node')) {
        handled = onNodeKey(store, root.current, el.getAttribute('data-id') ?? '', e);
      } else if (el.classList.contains('react-flow__edge')) {
        handled = onEdgeKey(store, el.getAttribute('data-id') ?? '', e);
      }
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [store, root],
  );
}

/**
 * The graph's one tab stop, laid over the canvas (it lets the mouse through): Tab onto it enters the graph at the
 * node the keyboard was last on; Esc from a node rests the focus here, with a hint. It also moves the DOM focus
 * wherever the store asks (`focusRequest`), panning a node into view first.
 */
export const GraphEntry = memo(function GraphEntry() {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const ref = useRef<HTMLDivElement>(null);
  const [inside, setInside] = useState(false);
  const parked = useGraphStore((s) => s.navParked);
  const request = useGraphStore((s) => s.focusRequest);
  const enter = useEnterGraph();
  const reveal = useReveal();

  // Where the focus is: on a node or an edge, the entry is no tab stop (Shift+Tab leaves the graph backwards).
  useEffect(() => {
    const onFocusIn = () => {
      // The element that has the focus now: entering the graph moves it on from the entry to a node while the
      // entry's own focusin event is still on its way here.
      const target = document.activeElement;
      const canvas = ref.current?.parentElement;
      const on =
        !!target && !!canvas?.contains(target)
          ? target.closest('.react-flow__node, .react-flow__edge')
          : null;
      setInside(on !== null);
      if (target === ref.current) return;
      const s = store.getState();
      if (on?.classList.contains('react-flow__node')) s.noteFocus({ node: on.getAttribute('data-id') ?? '' });
      else if (on?.classList.contains('react-flow__edge'))
        s.noteFocus({ edge: on.getAttribute('data-id') ?? '' });
      else if (s.navParked) s.noteFocus({});
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [store]);

  // The focused node or edge removed by an undo (or by the mouse): the focus would fall to the page, so it goes
  // to the edge's node, else rests on the graph.
  useEffect(
    () =>
      store.subscribe(
        (s) => [s.nodes, s.edges] as const,
        ([nodes, edges]) => {
          const { navNode, navEdge } = store.getState();
          const nodeGone = navNode !== null && !nodes.some((n) => n.id === navNode);
          const edgeGone = navEdge !== null && !edges.some((e) => e.id === navEdge);
          if (!nodeGone && !edgeGone) return;
          requestAnimationFrame(() => {
            const active = document.activeElement;
            if (active && active !== document.body) return;
            const s = store.getState();
            if (!nodeGone && navNode) s.focusNode(navNode);
            else s.leaveGraph();
          });
        },
        { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
      ),
    [store],
  );

  useEffect(() => {
    if (request === 0) return;
    const { navNode, navEdge, navParked } = store.getState();
    if (navParked) {
      ref.current?.focus();
      return;
    }
    if (!navNode) return;
    if (!navEdge) reveal(navNode);
    const canvas = ref.current?.parentElement;
    const selector = navEdge
      ? `.react-flow__edge[data-id="${cssId(navEdge)}"]`
      : `.react-flow__node[data-id="${cssId(navNode)}"]`;
    let frames = 0;
    let frame = 0;
    // A node panned into view is drawn on the next render (the canvas draws only what is visible).
    // A new node is hidden until it is measured, and a hidden node cannot take the focus: try again then.
    const attempt = () => {
      const el = canvas?.querySelector<HTMLElement | SVGElement>(selector);
      el?.focus({ preventScroll: true });
      if ((!el || document.activeElement !== el) && ++frames < 30) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [request, store, reveal]);

  return (
    <div
      ref={ref}
      className={`ge-graph-entry${parked ? ' is-parked' : ''}`}
      tabIndex={inside ? -1 : 0}
      role="group"
      aria-label={t('graphLabel')}
      aria-describedby={GRAPH_KEYS_ID}
      data-testid="graph-entry"
      onFocus={(e) => {
        if (e.target === ref.current && !store.getState().navParked) enter();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ' || e.key in ARROWS) {
          e.preventDefault();
          enter();
        }
      }}
    >
      {parked && <span className="ge-graph-entry-hint">{t('graphParked')}</span>}
      <span id={GRAPH_KEYS_ID} hidden>
        {t('keys.summary')}
      </span>
    </div>
  );
});

/** The keys, in the toolbar (also opened with ? in the graph). */
export const KeyboardHelp = memo(function KeyboardHelp() {
  const store = useGraphStoreApi();
  const open = useGraphStore((s) => s.keysOpen);
  const t = useGraphText();
  const rows = [
    ['Tab', t('keys.tab')],
    ['← →', t('keys.leftRight')],
    ['↑ ↓', t('keys.upDown')],
    ['Home End', t('keys.homeEnd')],
    ['Enter', t('keys.enter')],
    ['E, Shift+E', t('keys.edges')],
    ['Delete', t('keys.delete')],
    ['Shift+← → ↑ ↓', t('keys.move')],
    ['Esc', t('keys.escape')],
    ['?', t('keys.help')],
  ] as const;
  return (
    <details
      className="ge-keys"
      open={open}
      data-testid="graph-keys"
      onToggle={(e) => store.getState().setKeysOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('keys')}</summary>
      <dl>
        {rows.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});
