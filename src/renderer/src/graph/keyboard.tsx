import { useReactFlow, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import {
  inputSlots,
  keyboardConnection,
  validateConnection,
  type KeyboardConnection,
} from '../../../shared/graph/connection';
import { inputHandle, type GraphNode } from '../../../shared/graph/model';
import {
  chainEnd,
  entryNode,
  nextNode,
  nodeEdges,
  type NavDirection,
  type NavEdge,
  type NavNode,
} from '../../../shared/graph/navigation';
import { specOf } from '../../../shared/graph/registry';
import { useGraphStore, useGraphStoreApi } from './context';
import { refusalText, translate, useGraphLang, useGraphText, type GraphLang } from './i18n';
import { edgeLabel, nodeName } from './labels';
import {
  GRAPH_KEYS_ID,
  sizeOfIn,
  toGraph,
  type FlowNode,
  type GraphEditorState,
  type GraphEditorStore,
} from './store';

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

/** The node's name for an announcement, in the language it is spoken in. */
function spoken(nodes: readonly FlowNode[], id: string): (lang: GraphLang) => string {
  const node = nodes.find((n) => n.id === id);
  return (lang) => (node ? nodeName(node, lang) : id);
}

/** The connection Enter would make from `from` into the node `to` (the input chosen with I, else the first free one that takes it). */
function connectChoice(s: GraphEditorState, from: string, to: string): KeyboardConnection {
  return keyboardConnection(toGraph(s.nodes, s.edges), from, to, specOf, s.connectSlot);
}

/** Says where a keyboard connection would go from the focused node, and whether Enter will make it. */
function announceTarget(store: GraphEditorStore): void {
  const s = store.getState();
  const from = s.connectFrom;
  const to = s.navNode;
  if (!from || !to) return;
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  if (to === from) {
    const name = spoken(s.nodes, from);
    s.announce((lang) => translate(lang, 'connect.self', { source: name(lang) }));
    return;
  }
  const { slot, verdict } = connectChoice(s, from, to);
  const edge = { source: from, target: to, targetHandle: inputHandle(slot) };
  // Named with the input it would enter ("Voorletters → Coalesce, invoer 3 (values)"); a node without inputs by name.
  const hasInputs =
    inputSlots(
      toGraph(s.nodes, s.edges).nodes.find((n) => n.id === to),
      specOf,
    ).length > 0;
  s.announce((lang) =>
    verdict.ok
      ? translate(lang, 'connect.can', { edge: edgeLabel(edge, byId, lang) })
      : translate(lang, 'connect.cannot', {
          target: hasInputs ? edgeLabel(edge, byId, lang) : nodeName(byId.get(to)!, lang),
          reason: refusalText(lang, verdict),
        }),
  );
}

/** C on a node: a connection starts from it (a Plek field has no output: said why). */
function startConnect(store: GraphEditorStore, id: string): void {
  const s = store.getState();
  const node = s.nodes.find((n) => n.id === id);
  if (!node) return;
  const name = spoken(s.nodes, id);
  if (node.type === 'target') {
    s.announce((lang) =>
      translate(lang, 'connect.noStart', {
        source: name(lang),
        reason: refusalText(lang, { code: 'fromField', params: {} }),
      }),
    );
    return;
  }
  s.setConnect(id);
  s.announce((lang) => translate(lang, 'connect.start', { source: name(lang) }));
}

/**
 * The keys while connecting by keyboard: the arrows (Home, End) go to the node to connect to, I chooses its
 * input, Enter connects (a refused connection is said with its reason and the mode stays), Esc cancels.
 */
function onConnectKey(store: GraphEditorStore, id: string, e: React.KeyboardEvent): boolean {
  const s = store.getState();
  const from = s.connectFrom!;
  const { nodes, edges } = visibleGraph(s);
  const dir = ARROWS[e.key];
  if (dir) {
    if (e.shiftKey) return true;
    const next = nextNode(nodes, edges, id, dir, s.navPrev);
    if (next) {
      s.setConnect(from);
      s.focusNode(next, id);
    }
    announceTarget(store);
    return true;
  }
  switch (e.key) {
    case 'Home':
    case 'End': {
      const end = chainEnd(nodes, edges, id, e.key === 'Home' ? 'left' : 'right');
      if (end !== id) {
        s.setConnect(from);
        s.focusNode(end);
      }
      announceTarget(store);
      return true;
    }
    case 'i':
    case 'I': {
      const slots = inputSlots(
        toGraph(s.nodes, s.edges).nodes.find((n) => n.id === id),
        specOf,
      );
      if (id !== from && slots.length > 1) {
        const current = connectChoice(s, from, id).slot;
        const i = slots.indexOf(current);
        const next = slots[(i + (e.key === 'I' ? slots.length - 1 : 1)) % slots.length]!;
        s.setConnect(from, next);
      }
      announceTarget(store);
      return true;
    }
    case 'Enter': {
      if (id === from) {
        announceTarget(store);
        return true;
      }
      const { slot } = connectChoice(s, from, id);
      const edge = { source: from, target: id, targetHandle: inputHandle(slot) };
      const byId = new Map(s.nodes.map((n) => [n.id, n]));
      const graph = toGraph(s.nodes, s.edges);
      const verdict = validateConnection(graph, { ...edge, sourceHandle: 'out' }, specOf);
      if (verdict.ok && s.connect({ ...edge, sourceHandle: 'out' })) {
        s.setConnect(null);
        s.announce((lang) => translate(lang, 'connect.done', { edge: edgeLabel(edge, byId, lang) }));
      } else if (!verdict.ok) {
        s.announce((lang) => translate(lang, 'connect.refused', { reason: refusalText(lang, verdict) }));
      }
      return true;
    }
    case 'Escape': {
      s.setConnect(null);
      s.focusNode(from);
      s.announce((lang) => translate(lang, 'connect.cancelled'));
      return true;
    }
    case '?':
      s.setKeysOpen(!s.keysOpen);
      return true;
    case 'Tab':
      return false;
    default:
      // Delete, E, C…: not while a connection is being made.
      return true;
  }
}

/** The editor's keys on a focused node or edge; returns true when it handled the key. */
function onNodeKey(
  store: GraphEditorStore,
  root: HTMLElement | null,
  id: string,
  e: React.KeyboardEvent,
): boolean {
  const s = store.getState();
  if (s.connectFrom) return onConnectKey(store, id, e);
  const { nodes, edges } = visibleGraph(s);
  const dir = ARROWS[e.key];
  if (dir && e.shiftKey) {
    const node = s.nodes.find((n) => n.id === id);
    if (!node) return true;
    const dx = dir === 'left' ? -MOVE_STEP : dir === 'right' ? MOVE_STEP : 0;
    const dy = dir === 'up' ? -MOVE_STEP : dir === 'down' ? MOVE_STEP : 0;
    const to = { x: node.position.x + dx, y: node.position.y + dy };
    s.moveNodes(new Map([[id, to]]), true);
    const name = spoken(s.nodes, id);
    const [x, y] = [Math.round(to.x), Math.round(to.y)];
    s.announce((lang) => translate(lang, 'moved', { node: name(lang), direction: dir, x, y }));
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
    case 'c':
    case 'C':
      startConnect(store, id);
      return true;
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

/** Says that the node the keyboard is on went out of view, and how to go on. */
function announceHeld(store: GraphEditorStore): void {
  const s = store.getState();
  if (!s.navNode) return;
  const name = spoken(s.nodes, s.navNode);
  s.announce((lang) => translate(lang, 'focusHeld', { node: name(lang) }));
}

/**
 * The graph's one tab stop, laid over the canvas (it lets the mouse through): Tab onto it enters the graph at the
 * node the keyboard was last on; Esc from a node rests the focus here, with a hint. It also moves the DOM focus
 * wherever the store asks (`focusRequest`), panning a node into view first.
 */
export const GraphEntry = memo(function GraphEntry() {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  const ref = useRef<HTMLDivElement>(null);
  const [inside, setInside] = useState(false);
  const parked = useGraphStore((s) => s.navParked);
  const held = useGraphStore((s) => (s.navHeld ? s.navNode : null));
  const heldName = useGraphStore((s) => {
    const n = s.navHeld && s.navHeldAway ? s.nodes.find((x) => x.id === s.navNode) : undefined;
    return n ? nodeName(n, lang) : null;
  });
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
      const within = !!target && !!canvas?.contains(target);
      const on = within ? target.closest('.react-flow__node, .react-flow__edge') : null;
      setInside(on !== null);
      const s = store.getState();
      // The focus went elsewhere in the page: a keyboard connection ends, a held focus is let go.
      if (!within && (s.connectFrom || s.navHeld)) {
        s.setConnect(null);
        if (s.navHeld) s.noteFocus({ node: s.navNode ?? '' });
      }
      if (target === ref.current) return;
      if (on?.classList.contains('react-flow__node')) s.noteFocus({ node: on.getAttribute('data-id') ?? '' });
      else if (on?.classList.contains('react-flow__edge'))
        s.noteFocus({ edge: on.getAttribute('data-id') ?? '' });
      else if (s.navParked) s.noteFocus({});
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [store]);

  // The mouse panned the focused node out of view (the canvas draws only what is in view, so the node goes and
  // the focus would fall to the page) or pressed on the canvas's background: the focus rests on the graph's one
  // tab stop instead, and the next arrow key goes on from that node (roving focus kept).
  useEffect(() => {
    let pressedInCanvas = false;
    const onPointerDown = (e: PointerEvent) => {
      pressedInCanvas = !!ref.current?.parentElement?.contains(e.target as Node);
    };
    const onFocusOut = (e: FocusEvent) => {
      const lost = e.target as Element;
      const canvas = ref.current?.parentElement;
      if (e.relatedTarget || !canvas || !lost.closest?.('.react-flow__node, .react-flow__edge')) return;
      if (!canvas.contains(lost) && lost.isConnected) return;
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        setInside(false);
        const s = store.getState();
        const nodeThere = !!s.navNode && s.nodes.some((n) => n.id === s.navNode);
        const edgeGone = !!s.navEdge && !s.edges.some((x) => x.id === s.navEdge);
        // A node or edge removed (Delete, undo) is handled below; a press outside the canvas lets the focus go.
        if (!nodeThere || edgeGone || s.navParked || (lost.isConnected && !pressedInCanvas)) return;
        s.holdFocus(!lost.isConnected);
        ref.current?.focus({ preventScroll: true });
        if (!lost.isConnected) announceHeld(store);
      });
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusout', onFocusOut);
    };
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

  // While the focus is held, the view moves on (a drag that began on the background): once the node has left
  // the view, say so.
  const transform = useFlowStore((x) => x.transform);
  useEffect(() => {
    const s = store.getState();
    if (!s.navHeld || s.navHeldAway || !s.navNode) return;
    const frame = requestAnimationFrame(() => {
      const now = store.getState();
      if (!now.navHeld || now.navHeldAway || !now.navNode) return;
      const drawn = ref.current?.parentElement?.querySelector(
        `.react-flow__node[data-id="${cssId(now.navNode)}"]`,
      );
      if (drawn) return;
      now.holdFocus(true);
      announceHeld(store);
    });
    return () => cancelAnimationFrame(frame);
  }, [transform, store]);

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
      className={`ge-graph-entry${parked ? ' is-parked' : ''}${held ? ' is-held' : ''}`}
      tabIndex={inside ? -1 : 0}
      role="group"
      aria-label={t('graphLabel')}
      aria-describedby={GRAPH_KEYS_ID}
      data-testid="graph-entry"
      onFocus={(e) => {
        const s = store.getState();
        if (e.target === ref.current && !s.navParked && !s.navHeld) enter();
      }}
      onKeyDown={(e) => {
        if (e.target !== ref.current || e.ctrlKey || e.metaKey || e.altKey) return;
        const s = store.getState();
        const dir = ARROWS[e.key];
        if (s.navHeld && s.navNode && dir && !e.shiftKey) {
          // Roving focus kept: on from the node the keyboard was on, panned back into view.
          e.preventDefault();
          const { nodes, edges } = visibleGraph(s);
          const next = nextNode(nodes, edges, s.navNode, dir, s.navPrev);
          const connecting = s.connectFrom;
          s.focusNode(next ?? s.navNode, next ? s.navNode : s.navPrev);
          if (connecting) announceTarget(store);
          return;
        }
        if (e.key === 'Enter' || e.key === ' ' || dir) {
          e.preventDefault();
          enter();
        }
      }}
    >
      {parked && <span className="ge-graph-entry-hint">{t('graphParked')}</span>}
      {heldName && (
        <span className="ge-graph-entry-hint" data-testid="graph-held">
          {t('focusHeld', { node: heldName })}
        </span>
      )}
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
    ['C', t('keys.connect')],
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

/**
 * The graph's screen-reader voice (aria-live): a keyboard connection step by step, a node moved with
 * Shift+arrow, a focused node panned out of view. Worded when shown, in the app's language.
 */
export const GraphAnnouncer = memo(function GraphAnnouncer() {
  const lang = useGraphLang();
  const announcement = useGraphStore((s) => s.announcement);
  // The same words again (a second refusal) are a new message: a no-break space makes the text differ.
  const text = announcement ? announcement.say(lang) + (announcement.seq % 2 === 0 ? '\u00a0' : '') : '';
  return (
    <div
      className="ge-sr-only"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="graph-announcer"
    >
      {text}
    </div>
  );
});
