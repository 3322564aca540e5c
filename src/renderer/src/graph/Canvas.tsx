import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useConnection,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type AriaLabelConfig,
  type ColorMode,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
  type Viewport,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateConnection } from '../../../shared/graph/connection';
import { specOf } from '../../../shared/graph/registry';
import { useGraphStore, useGraphStoreApi } from './context';
import { friendlyName, refusalText, translate, useGraphLang, useGraphText, type GraphLang } from './i18n';
import { edgeLabel, nodeName } from './labels';
import { nodeTypes } from './nodes';
import { toGraph, type FlowEdge, type FlowNode } from './store';

/** Node labels are drawn at this size (graph.css `.gn-name`). */
const LABEL_PX = 13;
/**
 * The lowest zoom the canvas opens at: labels stay at 11.5 px or more, above the 11 px a consultant can read on
 * a 1366×768 laptop (test/e2e/graph-readability.e2e.test.ts measures it).
 */
export const READABLE_ZOOM = 11.5 / LABEL_PX;
/** Focus mode shows one field's chain large, up to this zoom. */
const FOCUS_ZOOM = 1.4;
const PAD = 16;

const DELETE_KEYS = ['Backspace', 'Delete'];

/** xyflow's own screen-reader texts (controls, minimap, node and edge hints) in the app's language. */
function ariaLabels(lang: GraphLang): Partial<AriaLabelConfig> {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    'node.a11yDescription.default': t('a11y.node'),
    'node.a11yDescription.keyboardDisabled': t('a11y.nodeKeyboard'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      translate(lang, 'a11y.nodeMoved', { direction, x, y }),
    'edge.a11yDescription.default': t('a11y.edge'),
    'controls.ariaLabel': t('a11y.controls'),
    'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
    'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
    'controls.fitView.ariaLabel': t('a11y.fitView'),
    'controls.interactive.ariaLabel': t('a11y.interactive'),
    'minimap.ariaLabel': t('a11y.minimap'),
    'handle.ariaLabel': t('a11y.handle'),
  };
}

function minimapColor(n: FlowNode): string {
  switch (n.type) {
    case 'source':
      return '#4c8bf5';
    case 'target':
      return '#2e9e6a';
    case 'literal':
      return '#b0893a';
    default:
      return '#8a63d2';
  }
}

interface HandleRef {
  nodeId: string;
  id?: string | null;
  type: 'source' | 'target';
}

/** The connection in the orientation the engine judges (output → input), whichever end the drag started at. */
function orient(from: HandleRef, to: HandleRef) {
  return from.type !== 'target'
    ? { source: from.nodeId, sourceHandle: from.id ?? 'out', target: to.nodeId, targetHandle: to.id ?? null }
    : { source: to.nodeId, sourceHandle: to.id ?? 'out', target: from.nodeId, targetHandle: from.id ?? null };
}

/** While an edge is dragged over an input it may not enter, says why (before the user lets go). */
const ConnectionHint = memo(function ConnectionHint() {
  const store = useGraphStoreApi();
  const lang = useGraphLang();
  const target = useConnection((c) =>
    c.inProgress && c.toHandle && c.isValid === false
      ? `${c.fromHandle.nodeId}|${c.fromHandle.id ?? ''}|${c.fromHandle.type}|${c.toHandle.nodeId}|${c.toHandle.id ?? ''}|${c.toHandle.type}`
      : null,
  );
  if (!target) return null;
  const [fn, fh, ft, tn, th, tt] = target.split('|') as [string, string, string, string, string, string];
  const s = store.getState();
  const verdict = validateConnection(
    toGraph(s.nodes, s.edges),
    orient(
      { nodeId: fn, id: fh || null, type: ft as HandleRef['type'] },
      { nodeId: tn, id: th || null, type: tt as HandleRef['type'] },
    ),
    specOf,
  );
  if (verdict.ok) return null;
  return (
    <Panel position="top-center" className="ge-connection-hint" data-testid="connection-hint">
      {refusalText(lang, verdict)}
    </Panel>
  );
});

/**
 * Where the canvas opens: the lanes from the top, the source attributes' column at the left edge (a consultant
 * reads from the attributes on the left to the Plek fields on the right), as wide as fits at a readable zoom.
 * A graph too wide even at the readable zoom keeps its attributes and first lanes in view; the rest is a pan,
 * a search, Focus or "Fit" away (test/e2e/graph-readability.e2e.test.ts checks the first attribute is in view).
 */
function openingViewport(
  bounds: { x: number; y: number; width: number; height: number },
  pane: { width: number; height: number },
): Viewport {
  const room = pane.width - 2 * PAD;
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, room / Math.max(1, bounds.width)));
  return { x: PAD - bounds.x * zoom, y: PAD - bounds.y * zoom, zoom };
}

/**
 * The overview map and the zoom controls, docked under the palette, outside the canvas: on a laptop the graph
 * fills the canvas (attributes on the left, Plek fields on the right, lanes from top to bottom), so anything laid
 * over it hides nodes (test/e2e/graph-readability.e2e.test.ts). ▣ folds the map away.
 */
export const ViewDock = memo(function ViewDock() {
  const t = useGraphText();
  const [minimap, setMinimap] = useState(true);
  return (
    <div className="ge-dock" data-testid="graph-dock">
      {minimap && (
        <MiniMap
          pannable
          zoomable
          position="bottom-left"
          className="ge-minimap"
          nodeColor={minimapColor}
          style={{ width: 128, height: 84 }}
        />
      )}
      <Controls position="bottom-left" orientation="horizontal" showInteractive={false}>
        <ControlButton
          onClick={() => setMinimap((v) => !v)}
          title={t(minimap ? 'minimapHide' : 'minimapShow')}
          aria-label={t(minimap ? 'minimapHide' : 'minimapShow')}
          aria-pressed={minimap}
        >
          ▣
        </ControlButton>
      </Controls>
    </div>
  );
});

/** While connecting by keyboard (C): the step the screen reader hears, shown (the live region speaks it). */
const ConnectBar = memo(function ConnectBar() {
  const lang = useGraphLang();
  const connecting = useGraphStore((s) => s.connectFrom !== null);
  const announcement = useGraphStore((s) => s.announcement);
  if (!connecting || !announcement) return null;
  return (
    <Panel position="top-center" className="ge-connect-bar" data-testid="connect-bar" aria-hidden="true">
      {announcement.say(lang)}
    </Panel>
  );
});

/** Focus mode: the chain of one field alone, large; Esc or "Show all" returns to the view as it was. */
const FocusBar = memo(function FocusBar() {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  const focused = useGraphStore((s) => s.focusedLane);
  const label = useGraphStore((s) => {
    const n = s.nodes.find((x) => x.id === s.focusedLane);
    return n?.type === 'target' ? friendlyName(n.data.path, lang) : null;
  });
  if (!focused || !label) return null;
  return (
    <Panel position="top-left" className="ge-focus-bar" data-testid="focus-bar">
      <span>{t('focusShowing', { field: label })}</span>
      <button type="button" onClick={() => store.getState().focusLane(null)}>
        {t('focusLeave')}
      </button>
    </Panel>
  );
});

/** The node graph. Every structural change goes through the store, which writes the mapping back. */
export const Canvas = memo(function Canvas({ colorMode }: { colorMode: ColorMode }) {
  const store = useGraphStoreApi();
  const lang = useGraphLang();
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const focusedLane = useGraphStore((s) => s.focusedLane);
  const laneNodes = useGraphStore((s) => s.laneNodes);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const searchMatches = useGraphStore((s) => s.searchMatches);
  const connectFrom = useGraphStore((s) => s.connectFrom);
  const connectTo = useGraphStore((s) => (s.connectFrom ? s.navNode : null));
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  // Readable edge labels; a list of strings, so that dragging a node (new positions, same names) keeps it.
  const labels = useGraphStore(
    useShallow((s) => {
      const byId = new Map(s.nodes.map((n) => [n.id, n]));
      return s.edges.map((e) => edgeLabel(e, byId, lang));
    }),
  );
  const edgeDom = useMemo(
    // Focusable for the edge key (E) but no tab stop of its own: the graph is one tab stop (keyboard.tsx).
    () => ({ tabIndex: -1, 'aria-roledescription': translate(lang, 'role.edge') }),
    [lang],
  );
  const shownEdges = useMemo(
    () =>
      edges.map((e, i) => ({
        ...e,
        ariaLabel: labels[i],
        domAttributes: edgeDom,
        ...(focusedLane && !(laneNodes.has(e.source) && laneNodes.has(e.target)) ? { hidden: true } : {}),
      })),
    [edges, labels, edgeDom, focusedLane, laneNodes],
  );
  // Each node named for screen readers in the app's language ("Roepnaam, attribuut"). Cached per node object,
  // so that dragging one node gives the canvas one new node, not all of them.
  const named = useMemo(() => ({ lang, cache: new WeakMap<FlowNode, FlowNode>() }), [lang]);
  const shownNodes = useMemo(
    () =>
      nodes.map((n) => {
        let shown = named.cache.get(n);
        if (!shown) {
          shown = {
            ...n,
            ariaLabel: nodeName(n, named.lang),
            domAttributes: {
              ...n.domAttributes,
              'aria-roledescription': translate(named.lang, `role.${n.type}`),
            },
          } as FlowNode;
          named.cache.set(n, shown);
        }
        if (focusedLane && !laneNodes.has(n.id)) return { ...shown, hidden: true };
        if (n.id === connectFrom) return { ...shown, className: 'is-connect-from' };
        if (n.id === connectTo) return { ...shown, className: 'is-connect-to' };
        return shown;
      }),
    [nodes, named, focusedLane, laneNodes, connectFrom, connectTo],
  );
  const aria = useMemo(() => ariaLabels(lang), [lang]);
  // The same judge as the CLI and the tests: the shared engine's validateConnection.
  const isValidConnection: IsValidConnection<Edge> = useCallback(
    (c) => {
      const s = store.getState();
      return validateConnection(toGraph(s.nodes, s.edges), c, specOf).ok;
    },
    [store],
  );
  const onConnect = useCallback((c: Connection) => void store.getState().connect(c), [store]);
  const onConnectEnd = useCallback(
    (_e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.toHandle || !state.fromNode) return;
      const s = store.getState();
      // Dragged from an input back to an output: judged the other way round.
      const c = orient(
        {
          nodeId: state.fromNode.id,
          id: state.fromHandle?.id ?? null,
          type: state.fromHandle?.type ?? 'source',
        },
        state.toHandle,
      );
      const verdict = validateConnection(toGraph(s.nodes, s.edges), c, specOf);
      if (!verdict.ok) s.refuse(verdict);
    },
    [store],
  );

  // Place the view once per loaded mapping, when the canvas has measured the nodes (the `fitView` prop alone
  // races with a mapping that arrives after the first render). A whole customer mapping fitted into a laptop
  // screen is unreadably small, so it opens on the first lanes at a readable zoom; the minimap, search, focus
  // mode and "fit" reach the rest.
  const initialized = useNodesInitialized();
  const loadSeq = useGraphStore((s) => s.loadSeq);
  const fitted = useRef(0);
  useEffect(() => {
    if (!initialized || fitted.current === loadSeq || paneWidth === 0) return;
    fitted.current = loadSeq;
    const bounds = flow.getNodesBounds(flow.getNodes());
    void flow.setViewport(openingViewport(bounds, { width: paneWidth, height: paneHeight }));
  }, [initialized, loadSeq, flow, paneWidth, paneHeight]);

  // Entering focus mode remembers the view; leaving it goes back there.
  const before = useRef<Viewport | null>(null);
  useEffect(() => {
    if (focusedLane) {
      before.current ??= flow.getViewport();
      const ids = [...store.getState().laneNodes].map((id) => ({ id }));
      requestAnimationFrame(
        () =>
          void flow.fitView({
            nodes: ids,
            padding: 0.12,
            minZoom: READABLE_ZOOM,
            maxZoom: FOCUS_ZOOM,
            duration: 200,
          }),
      );
    } else if (before.current) {
      void flow.setViewport(before.current, { duration: 200 });
      before.current = null;
    }
  }, [focusedLane, flow, store]);

  useEffect(() => {
    if (searchMatches.size === 0) return;
    void flow.fitView({ nodes: [...searchMatches].map((id) => ({ id })), duration: 200, maxZoom: 1.2 });
  }, [searchMatches, flow]);

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={shownNodes}
      edges={shownEdges}
      ariaLabelConfig={aria}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      deleteKeyCode={DELETE_KEYS}
      // The arrow keys move the focus between nodes (keyboard.tsx) instead of moving a selected node.
      disableKeyboardA11y
      colorMode={colorMode}
      minZoom={0.1}
      onlyRenderVisibleElements
    >
      <Background gap={24} />
      <FocusBar />
      <ConnectionHint />
      <ConnectBar />
    </ReactFlow>
  );
});
