import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useConnection,
  useNodesInitialized,
  useReactFlow,
  type ColorMode,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useRef } from 'react';
import { validateConnection } from '../../../shared/graph/connection';
import { specOf } from '../../../shared/graph/registry';
import { useGraphStore, useGraphStoreApi } from './context';
import { nodeTypes } from './nodes';
import { toGraph, type FlowEdge, type FlowNode } from './store';

/**
 * The lowest zoom the canvas opens at: node labels are 12 px, so below 11/12 they drop under the 11 px a
 * consultant can read on a 1366×768 laptop (test/e2e/graph-readability.e2e.test.ts measures it).
 */
const READABLE_ZOOM = 1;

const DELETE_KEYS = ['Backspace', 'Delete'];
const MINIMAP_STYLE = { width: 150, height: 100 };

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
      {verdict.reason}
    </Panel>
  );
});

/** The node graph. Every structural change goes through the store, which writes the mapping back. */
export const Canvas = memo(function Canvas({ colorMode }: { colorMode: ColorMode }) {
  const store = useGraphStoreApi();
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const searchMatches = useGraphStore((s) => s.searchMatches);
  const flow = useReactFlow<FlowNode, FlowEdge>();

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
      if (!verdict.ok) s.refuse(verdict.reason);
    },
    [store],
  );

  // Fit once per loaded mapping, when the canvas has measured the nodes (the `fitView` prop alone races with
  // a mapping that arrives after the first render).
  const initialized = useNodesInitialized();
  const loadSeq = useGraphStore((s) => s.loadSeq);
  const fitted = useRef(0);
  useEffect(() => {
    if (!initialized || fitted.current === loadSeq) return;
    fitted.current = loadSeq;
    void flow.fitView({ padding: 0.05 }).then(() => {
      // A full customer mapping fitted into a laptop screen is unreadably small: start at a readable zoom at the
      // top-left (source attributes) instead; the minimap, search and "fit" reach the rest.
      if (flow.getZoom() >= READABLE_ZOOM) return;
      const bounds = flow.getNodesBounds(flow.getNodes());
      void flow.setViewport({
        x: -bounds.x * READABLE_ZOOM + 24,
        y: -bounds.y * READABLE_ZOOM + 24,
        zoom: READABLE_ZOOM,
      });
    });
  }, [initialized, loadSeq, flow]);

  useEffect(() => {
    if (searchMatches.size === 0) return;
    void flow.fitView({ nodes: [...searchMatches].map((id) => ({ id })), duration: 200, maxZoom: 1.2 });
  }, [searchMatches, flow]);

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      deleteKeyCode={DELETE_KEYS}
      colorMode={colorMode}
      minZoom={0.1}
      onlyRenderVisibleElements
    >
      <Background gap={24} />
      <MiniMap pannable zoomable nodeColor={minimapColor} style={MINIMAP_STYLE} />
      <Controls />
      <ConnectionHint />
    </ReactFlow>
  );
});
