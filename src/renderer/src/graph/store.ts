import type { Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type Mutate, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ExpressionError } from '../../../shared/expression/errors';
import { compileExpression } from '../../../shared/expression';
import { parseExpression } from '../../../shared/expression/parse';
import type { MappingFileInput } from '../../../shared/mapping/schema';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import type { ConnectionRequest, Refusal } from '../../../shared/graph/connection';
import type { FieldState } from '../../../shared/graph/convert';
import type { GraphFragment } from '../../../shared/graph/edit';
import {
  addLiteral,
  addTransform,
  connect,
  copyFragment,
  moveNodes,
  pasteFragment,
  removeElements,
  replaceFieldExpression,
  setInline,
  setLiteral,
} from '../../../shared/graph/edit';
import type { History } from '../../../shared/graph/history';
import { createHistory, pushHistory, redo, undo } from '../../../shared/graph/history';
import type { NodeSize } from '../../../shared/graph/layout';
import { estimatedSize, fieldChain, freeSpot, laneLayout } from '../../../shared/graph/layout';
import { graphToMapping, mappingToGraph } from '../../../shared/graph/mapping';
import type {
  GraphEdge,
  GraphNode,
  GraphPosition,
  LiteralData,
  LiteralValue,
  MappingGraph,
  SourceAttributeData,
  TargetFieldData,
  TransformData,
  TransformOp,
} from '../../../shared/graph/model';
import { specOf } from '../../../shared/graph/registry';
import type { Lang } from '../../../shared/i18n';
import { friendlyName } from './i18n';

export type SourceAttributeFlowNode = Node<SourceAttributeData, 'source'>;
export type TransformFlowNode = Node<TransformData, 'transform'>;
export type LiteralFlowNode = Node<LiteralData, 'literal'>;
export type TargetFieldFlowNode = Node<TargetFieldData, 'target'>;
export type FlowNode = SourceAttributeFlowNode | TransformFlowNode | LiteralFlowNode | TargetFieldFlowNode;
export type FlowEdge = Edge;

export type UnparsedField = ExpressionError & { text: string };

/** The mapping with unparsed fields at their kept text (undo may bring such a field back). */
function withUnparsed(
  mapping: MappingFileInput,
  unparsed: Readonly<Record<string, UnparsedField>>,
): MappingFileInput {
  const paths = Object.keys(unparsed);
  if (paths.length === 0) return mapping;
  const fields = { ...mapping.fields };
  for (const p of paths) fields[p] = { ...fields[p], expression: unparsed[p]!.text };
  return { ...mapping, fields };
}

/** One undo step: the graph, and the fields kept as unparsed text (so undoing a text fix restores the text). */
export interface EditorSnapshot {
  graph: MappingGraph;
  parseErrors: Record<string, UnparsedField>;
}

/** The graph: nodes and edges as the canvas draws them, the undo history and the mapping they write. */
export interface GraphSlice {
  nodes: FlowNode[];
  edges: FlowEdge[];
  history: History<EditorSnapshot>;
  /** The mapping as last loaded or emitted (includes `layout`). */
  mapping: MappingFileInput;
  /** Everything of the mapping except fields and layout (key, value maps, rules): changes only on load. */
  rules: Omit<MappingFileInput, 'fields' | 'layout'>;
  /** Path → canonical expression text, one object per structural change (stable while nodes are dragged). */
  expressions: Record<string, string>;
  clipboard: GraphFragment | null;
  /** Counts loads, so the canvas fits the view once per loaded mapping (after the nodes are measured). */
  loadSeq: number;
  load(mapping: MappingFileInput, attributes: readonly SourceAttribute[]): void;
  /** Node position changes from the canvas; `final` when a drag ends (then it is an undo step). */
  moveNodes(positions: ReadonlyMap<string, GraphPosition>, final: boolean): void;
  setSelection(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void;
  /** Changes reported by the canvas: sizes, selection and drags are applied; removals go through `remove`. */
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  search: string;
  /** Ids of source and field nodes whose name, label or path contains the search text. */
  searchMatches: ReadonlySet<string>;
  setSearch(query: string): void;
  /** Header-recogniser suggestions the consultant turned down (by target path). */
  rejectedSuggestions: readonly string[];
  rejectSuggestion(target: string): void;
  connect(c: ConnectionRequest): boolean;
  remove(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  addTransform(op: TransformOp, position: GraphPosition): string;
  addLiteral(value: LiteralValue, position: GraphPosition): string;
  setInline(nodeId: string, slot: number, value: LiteralValue | undefined): void;
  setLiteral(nodeId: string, value: LiteralValue): void;
  /** Text mode: parses and redraws one field; returns the parse error, if any. */
  setFieldText(path: string, text: string): ExpressionError | null;
  /** Lays the graph out in lanes, one row per Plek field (an undo step). */
  autoLayout(): void;
  /** The Plek field whose chain alone is shown ("focus mode"), or null for the whole graph. */
  focusedLane: string | null;
  /** Ids of the nodes of the focused chain (empty when no lane is focused). */
  laneNodes: ReadonlySet<string>;
  focusLane(fieldNodeId: string | null): void;
  copySelection(): void;
  paste(): void;
  undo(): void;
  redo(): void;
}

/** The sampled source: what the preview maps and the canvas lists on the left. */
export interface SampleSlice {
  attributes: readonly SourceAttribute[];
  records: readonly SourceRecord[];
  today: string;
  setSample(attributes: readonly SourceAttribute[], records: readonly SourceRecord[], today: string): void;
}

/** Preview table state (what the user looks at; the mapped rows themselves are derived, not stored). */
export interface PreviewSlice {
  /** Target path the preview scrolls to / highlights, e.g. the field being edited. */
  focusedField: string | null;
  focusField(path: string | null): void;
}

/** Validation state of the editor: the last refused connection and the state of each drawn field. */
export interface ValidationSlice {
  refusal: (Refusal & { seq: number }) | null;
  fieldStates: Record<string, FieldState>;
  /** Fields whose expression does not parse: kept as text (with the error) until fixed in text mode. */
  parseErrors: Record<string, UnparsedField>;
  /** Fields whose expression parses but does not compile (unknown function, missing ValueMap table…). */
  compileErrors: Record<string, ExpressionError>;
  /** Text typed in text mode that does not parse yet, by field. */
  drafts: Record<string, string>;
  refuse(refusal: Refusal): void;
  clearRefusal(): void;
}

/**
 * Keyboard focus in the graph (roving focus): the graph is one tab stop; the arrow keys move `navNode`, the edge
 * key visits `navEdge`. The canvas moves the DOM focus whenever `focusRequest` changes.
 */
export interface NavigationSlice {
  /** The node the keyboard is on (or returns to), and the one it came from (so that ← undoes →). */
  navNode: string | null;
  navPrev: string | null;
  /** The edge of `navNode` the keyboard is on, or null when on the node itself. */
  navEdge: string | null;
  /** True while the focus rests on the graph as a whole (Esc), not on a node. */
  navParked: boolean;
  /** Bumped to ask the canvas to move the DOM focus to `navEdge`, `navNode` or (parked) the graph itself. */
  focusRequest: number;
  /** The node whose inputs are being edited (they are tab stops only then). */
  editing: string | null;
  /** Whether the keyboard help is open. */
  keysOpen: boolean;
  /**
   * True while the DOM focus rests on the graph's tab stop because the focused node went out of view (the mouse
   * panned it away): the next arrow key goes on from `navNode`, Enter goes back to it.
   */
  navHeld: boolean;
  /** Whether the held node is out of view (panned or zoomed away), not merely left by a click on the background. */
  navHeldAway: boolean;
  /** Connecting by keyboard (C on a node): the node the new edge starts from, or null. */
  connectFrom: string | null;
  /** The input of the focused node the new edge would enter (I chooses another), or null for the first free one. */
  connectSlot: number | null;
  /** The last screen-reader announcement (aria-live), worded when shown, so it follows the app's language. */
  announcement: { seq: number; say: (lang: Lang) => string } | null;
  /** Moves the keyboard focus to a node; the selection follows it. */
  focusNode(id: string, from?: string | null): void;
  focusEdge(id: string): void;
  /** Esc: the focus leaves the nodes and rests on the graph as a whole. */
  leaveGraph(): void;
  /** Records where the DOM focus went (a click, Tab), without moving it. */
  noteFocus(target: { node?: string; edge?: string } | null): void;
  setEditing(id: string | null): void;
  setKeysOpen(open: boolean): void;
  /** The mouse took the focus off the node (out of view when `away`): it rests on the graph, the keyboard goes on from the node. */
  holdFocus(away: boolean): void;
  setConnect(from: string | null, slot?: number | null): void;
  announce(say: (lang: Lang) => string): void;
}

export type GraphEditorState = GraphSlice & SampleSlice & PreviewSlice & ValidationSlice & NavigationSlice;
export type GraphEditorStore = Mutate<StoreApi<GraphEditorState>, [['zustand/subscribeWithSelector', never]]>;

type Slice<T> = StateCreator<GraphEditorState, [['zustand/subscribeWithSelector', never]], [], T>;

export function toGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): MappingGraph {
  return {
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data }) as GraphNode),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: 'out',
      targetHandle: e.targetHandle ?? 'in-0',
    })),
  };
}

/** Id of the keyboard help text that each node refers to (aria-describedby). */
export const GRAPH_KEYS_ID = 'ge-graph-keys';
/**
 * Nodes are focusable (the arrow keys move the focus to them) but none is a tab stop of its own: the graph is
 * one tab stop (roving focus, keyboard.tsx).
 */
const NODE_DOM = { tabIndex: -1, 'aria-describedby': GRAPH_KEYS_ID } as const;

/**
 * Canvas nodes for a graph. Catalogue nodes cannot be deleted; selection and the sizes the canvas measured
 * survive structural edits (without `measured` a controlled node would be hidden until measured again).
 */
function toFlow(
  graph: MappingGraph,
  selected: ReadonlySet<string> = new Set(),
  previous: readonly FlowNode[] = [],
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const measured = new Map(previous.map((n) => [n.id, n.measured]));
  return {
    nodes: graph.nodes.map((n) => {
      const m = measured.get(n.id);
      return {
        ...n,
        ...(m ? { measured: m } : {}),
        domAttributes: NODE_DOM,
        deletable: n.type === 'transform' || n.type === 'literal',
        selected: selected.has(n.id),
      } as FlowNode;
    }),
    edges: graph.edges.map((e: GraphEdge) => ({ ...e, selected: selected.has(e.id) })),
  };
}

/** Node sizes as the canvas measured them, estimated for nodes it has not drawn yet. */
export function sizeOfIn(nodes: readonly FlowNode[]): (n: GraphNode) => NodeSize {
  const measured = new Map<string, NodeSize>();
  for (const n of nodes)
    if (n.measured?.width && n.measured.height)
      measured.set(n.id, { width: n.measured.width, height: n.measured.height });
  return (n) => measured.get(n.id) ?? estimatedSize(n);
}

/**
 * Moves newly added nodes (together, keeping their arrangement) to the nearest spot near where they were put
 * that covers no other node: palette clicks and pastes land beside the graph's nodes, never on top of them.
 */
function placeInFreeSpace(
  graph: MappingGraph,
  ids: readonly string[],
  drawn: readonly FlowNode[],
): MappingGraph {
  const fresh = new Set(ids);
  const sizeOf = sizeOfIn(drawn);
  const added = graph.nodes.filter((n) => fresh.has(n.id));
  if (added.length === 0) return graph;
  const left = Math.min(...added.map((n) => n.position.x));
  const top = Math.min(...added.map((n) => n.position.y));
  const right = Math.max(...added.map((n) => n.position.x + sizeOf(n).width));
  const bottom = Math.max(...added.map((n) => n.position.y + sizeOf(n).height));
  const others = { nodes: graph.nodes.filter((n) => !fresh.has(n.id)), edges: [] };
  const spot = freeSpot(
    others,
    { x: left, y: top },
    { width: right - left, height: bottom - top },
    { sizeOf },
  );
  const dx = spot.x - left;
  const dy = spot.y - top;
  if (dx === 0 && dy === 0) return graph;
  return {
    nodes: graph.nodes.map((n) =>
      fresh.has(n.id) ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n,
    ),
    edges: graph.edges,
  };
}

function selectedIds(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) if (n.selected) out.add(n.id);
  for (const e of edges) if (e.selected) out.add(e.id);
  return out;
}

/** Case- and accent-insensitive text for search: "mueller" does not match, but "muller" finds "Müller". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

/** Compile check of each field, so a field node can say "unknown function Jion at column 1". */
function compileErrorsOf(
  expressions: Readonly<Record<string, string>>,
  rules: Pick<MappingFileInput, 'valueMaps'>,
): Record<string, ExpressionError> {
  const valueMaps = Object.fromEntries(
    Object.entries(rules.valueMaps ?? {}).map(([k, v]) => [
      k,
      { entries: v.entries, default: v.default ?? undefined },
    ]),
  );
  const out: Record<string, ExpressionError> = {};
  for (const [path, text] of Object.entries(expressions)) {
    const r = compileExpression(text, { valueMaps });
    if (!r.ok) out[path] = r.error;
  }
  return out;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

const EMPTY_MAPPING: MappingFileInput = {
  version: 1,
  name: '',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'id' },
  fields: {},
};

const createGraphSlice: Slice<GraphSlice> = (set, get) => {
  /** Writes a new graph: derives the mapping, keeps `expressions` identical when no expression changed. */
  const commit = (
    graph: MappingGraph,
    opts: { history: 'push' | 'replace' | 'none'; selected?: ReadonlySet<string> },
  ) => {
    const s = get();
    const { mapping, fields } = graphToMapping(
      graph,
      withUnparsed(s.mapping, s.parseErrors),
      specOf,
      s.parseErrors,
    );
    const expressions: Record<string, string> = {};
    for (const [path, f] of Object.entries(mapping.fields)) expressions[path] = f.expression;
    const snapshot: EditorSnapshot = { graph, parseErrors: s.parseErrors };
    const history =
      opts.history === 'push'
        ? pushHistory(s.history, snapshot)
        : opts.history === 'replace'
          ? { ...s.history, present: snapshot }
          : s.history;
    const same = sameRecord(expressions, s.expressions);
    set({
      ...toFlow(graph, opts.selected ?? selectedIds(s.nodes, s.edges), s.nodes),
      history,
      mapping,
      fieldStates: fields,
      expressions: same ? s.expressions : expressions,
      compileErrors: same ? s.compileErrors : compileErrorsOf(expressions, s.rules),
    });
  };
  const current = () => toGraph(get().nodes, get().edges);

  return {
    nodes: [],
    edges: [],
    history: createHistory<EditorSnapshot>({ graph: { nodes: [], edges: [] }, parseErrors: {} }),
    mapping: EMPTY_MAPPING,
    rules: EMPTY_MAPPING,
    expressions: {},
    clipboard: null,
    loadSeq: 0,
    load(mapping, attributes) {
      const drawn = mappingToGraph(mapping, attributes, specOf);
      const graph = drawn.graph;
      const parseErrors: Record<string, UnparsedField> = {};
      for (const [p, e] of Object.entries(drawn.parseErrors))
        parseErrors[p] = { ...e, text: mapping.fields[p]?.expression ?? '' };
      const expressions: Record<string, string> = {};
      for (const [path, f] of Object.entries(mapping.fields)) expressions[path] = f.expression;
      const { fields } = graphToMapping(graph, mapping, specOf, parseErrors);
      const { fields: _f, layout: _l, ...rules } = mapping;
      set({
        ...toFlow(graph),
        history: createHistory<EditorSnapshot>({ graph, parseErrors }),
        mapping,
        rules,
        parseErrors,
        fieldStates: fields,
        expressions,
        compileErrors: compileErrorsOf(expressions, rules),
        drafts: {},
        loadSeq: get().loadSeq + 1,
      });
    },
    moveNodes(positions, final) {
      const s = get();
      const graph = moveNodes(current(), positions);
      if (!final) {
        // Positions only: neither the expressions nor the mapping's fields change, so the preview keeps still.
        set(toFlow(graph, selectedIds(s.nodes, s.edges), s.nodes));
        return;
      }
      commit(graph, { history: 'push' });
    },
    setSelection(nodeIds, edgeIds) {
      const s = get();
      set({
        nodes: s.nodes.map((n) =>
          n.selected === nodeIds.has(n.id) ? n : { ...n, selected: nodeIds.has(n.id) },
        ),
        edges: s.edges.map((e) =>
          e.selected === edgeIds.has(e.id) ? e : { ...e, selected: edgeIds.has(e.id) },
        ),
      });
    },
    onNodesChange(changes) {
      const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
      const rest = changes.filter((c) => c.type !== 'remove');
      if (rest.length > 0) {
        const s = get();
        const nodes = applyNodeChanges(rest, s.nodes);
        const dragEnded = rest.some((c) => c.type === 'position' && c.dragging === false);
        set({ nodes });
        if (dragEnded) commit(toGraph(nodes, s.edges), { history: 'push' });
      }
      if (removed.length > 0) get().remove(removed, []);
    },
    onEdgesChange(changes) {
      const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
      const rest = changes.filter((c) => c.type !== 'remove');
      if (rest.length > 0) set({ edges: applyEdgeChanges(rest, get().edges) });
      if (removed.length > 0) get().remove([], removed);
    },
    search: '',
    searchMatches: new Set<string>(),
    setSearch(query) {
      const q = fold(query.trim());
      const matches = new Set<string>();
      if (q !== '') {
        for (const n of get().nodes) {
          const text =
            n.type === 'source'
              ? n.data.attribute
              : n.type === 'target'
                ? // The path and the field's name in both languages: "Achternaam" and "Family name" both find it.
                  `${n.data.path} ${n.data.label} ${friendlyName(n.data.path, 'nl')} ${friendlyName(n.data.path, 'en')}`
                : '';
          if (text && fold(text).includes(q)) matches.add(n.id);
        }
      }
      set({ search: query, searchMatches: matches });
    },
    rejectedSuggestions: [],
    rejectSuggestion(target) {
      set({ rejectedSuggestions: [...get().rejectedSuggestions, target] });
    },
    connect(c) {
      const result = connect(current(), c, specOf);
      if (!result.ok) {
        get().refuse(result);
        return false;
      }
      get().clearRefusal();
      commit(result.graph, { history: 'push' });
      return true;
    },
    remove(nodeIds, edgeIds) {
      const before = current();
      const graph = removeElements(before, nodeIds, edgeIds, specOf);
      if (graph !== before) commit(graph, { history: 'push' });
    },
    addTransform(op, position) {
      const { graph: drawn, id } = addTransform(current(), op, position, specOf);
      const graph = placeInFreeSpace(drawn, [id], get().nodes);
      commit(graph, { history: 'push', selected: new Set([id]) });
      return id;
    },
    addLiteral(value, position) {
      const { graph: drawn, id } = addLiteral(current(), value, position);
      const graph = placeInFreeSpace(drawn, [id], get().nodes);
      commit(graph, { history: 'push', selected: new Set([id]) });
      return id;
    },
    setInline(nodeId, slot, value) {
      commit(setInline(current(), nodeId, slot, value, specOf), { history: 'push' });
    },
    setLiteral(nodeId, value) {
      commit(setLiteral(current(), nodeId, value), { history: 'push' });
    },
    setFieldText(path, text) {
      const s = get();
      if (text.trim() === '') {
        const { [path]: _gone, ...rest } = s.parseErrors;
        const { [path]: _draft, ...drafts } = s.drafts;
        set({ parseErrors: rest, drafts });
        commit(replaceFieldExpression(current(), path, null, specOf), { history: 'push' });
        return null;
      }
      const parsed = parseExpression(text);
      if (!parsed.ok) {
        set({ drafts: { ...s.drafts, [path]: text } });
        return parsed.error;
      }
      const { [path]: _gone, ...parseErrors } = s.parseErrors;
      const { [path]: _draft, ...drafts } = s.drafts;
      set({ parseErrors, drafts });
      commit(replaceFieldExpression(current(), path, parsed.ast, specOf), { history: 'push' });
      return null;
    },
    autoLayout() {
      commit(laneLayout(current(), { sizeOf: sizeOfIn(get().nodes) }), { history: 'push' });
    },
    focusedLane: null,
    laneNodes: new Set<string>(),
    focusLane(fieldNodeId) {
      const target = fieldNodeId
        ? get().nodes.find((n) => n.id === fieldNodeId && n.type === 'target')
        : undefined;
      if (!target) {
        if (get().focusedLane !== null) set({ focusedLane: null, laneNodes: new Set() });
        return;
      }
      set({ focusedLane: target.id, laneNodes: fieldChain(current(), target.id) });
    },
    copySelection() {
      const s = get();
      set({ clipboard: copyFragment(current(), selectedIds(s.nodes, s.edges)) });
    },
    paste() {
      const clip = get().clipboard;
      if (!clip || clip.nodes.length === 0) return;
      const pasted = pasteFragment(current(), clip, { x: 40, y: 40 }, specOf);
      const { ids } = pasted;
      const graph = placeInFreeSpace(pasted.graph, ids, get().nodes);
      commit(graph, { history: 'push', selected: new Set(ids) });
    },
    undo() {
      const h = undo(get().history);
      if (h === get().history) return;
      set({ history: h, parseErrors: h.present.parseErrors });
      commit(h.present.graph, { history: 'none' });
    },
    redo() {
      const h = redo(get().history);
      if (h === get().history) return;
      set({ history: h, parseErrors: h.present.parseErrors });
      commit(h.present.graph, { history: 'none' });
    },
  };
};

const createSampleSlice: Slice<SampleSlice> = (set) => ({
  attributes: [],
  records: [],
  today: '1970-01-01',
  setSample(attributes, records, today) {
    set({ attributes, records, today });
  },
});

const createPreviewSlice: Slice<PreviewSlice> = (set) => ({
  focusedField: null,
  focusField(path) {
    set({ focusedField: path });
  },
});

const createValidationSlice: Slice<ValidationSlice> = (set, get) => ({
  refusal: null,
  fieldStates: {},
  parseErrors: {},
  compileErrors: {},
  drafts: {},
  refuse(refusal) {
    set({ refusal: { ...refusal, seq: (get().refusal?.seq ?? 0) + 1 } });
  },
  clearRefusal() {
    if (get().refusal) set({ refusal: null });
  },
});

const createNavigationSlice: Slice<NavigationSlice> = (set, get) => ({
  navNode: null,
  navPrev: null,
  navEdge: null,
  navParked: false,
  focusRequest: 0,
  editing: null,
  keysOpen: false,
  navHeld: false,
  navHeldAway: false,
  connectFrom: null,
  connectSlot: null,
  announcement: null,
  focusNode(id, from = null) {
    if (!get().nodes.some((n) => n.id === id)) return;
    get().setSelection(new Set([id]), new Set());
    set({
      navNode: id,
      navPrev: from,
      navEdge: null,
      navParked: false,
      navHeld: false,
      editing: null,
      focusRequest: get().focusRequest + 1,
    });
  },
  focusEdge(id) {
    if (!get().edges.some((e) => e.id === id)) return;
    get().setSelection(new Set(), new Set([id]));
    set({
      navEdge: id,
      navParked: false,
      navHeld: false,
      editing: null,
      focusRequest: get().focusRequest + 1,
    });
  },
  leaveGraph() {
    set({
      navParked: true,
      navHeld: false,
      navEdge: null,
      editing: null,
      connectFrom: null,
      connectSlot: null,
      focusRequest: get().focusRequest + 1,
    });
  },
  holdFocus(away) {
    set({ navHeld: true, navHeldAway: away, navEdge: null, editing: null });
  },
  setConnect(from, slot = null) {
    set({ connectFrom: from, connectSlot: from ? slot : null });
  },
  announce(say) {
    set({ announcement: { seq: (get().announcement?.seq ?? 0) + 1, say } });
  },
  noteFocus(target) {
    const s = get();
    const patch: Partial<NavigationSlice> = {};
    if (target?.node && target.node !== s.navNode)
      Object.assign(patch, { navNode: target.node, navEdge: null });
    if (target?.edge && target.edge !== s.navEdge) patch.navEdge = target.edge;
    if (target && s.navParked) patch.navParked = false;
    if (target && s.navHeld) patch.navHeld = false;
    if (Object.keys(patch).length > 0) set(patch);
  },
  setEditing(id) {
    if (get().editing !== id) set({ editing: id });
  },
  setKeysOpen(open) {
    if (get().keysOpen !== open) set({ keysOpen: open });
  },
});

/**
 * One store per editor: five typed slices combined (graph, sample, preview, validation, keyboard navigation), `subscribeWithSelector` applied once on the combined store
 * (the editor subscribes to `mapping` to emit changes). Mapped preview rows are derived from `expressions` and
 * the sample, never stored, so dragging a node (which changes only `nodes`) cannot re-render the preview.
 */
export function createGraphEditorStore(): GraphEditorStore {
  return createStore<GraphEditorState>()(
    subscribeWithSelector((...a) => ({
      ...createGraphSlice(...a),
      ...createSampleSlice(...a),
      ...createPreviewSlice(...a),
      ...createValidationSlice(...a),
      ...createNavigationSlice(...a),
    })),
  );
}

/**
 * The Plek field the selection belongs to, for focus mode: a selected field itself, else the first field the
 * first selected node feeds (following its outgoing edges). Null when nothing selected leads to a field.
 */
export function selectFieldOfSelection(s: Pick<GraphEditorState, 'nodes' | 'edges'>): string | null {
  const first = s.nodes.find((n) => n.selected);
  if (!first) return null;
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const queue = [first.id];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (byId.get(id)?.type === 'target') return id;
    for (const e of s.edges) if (e.source === id) queue.push(e.target);
  }
  return null;
}

/** Selector of what the preview needs: changes only when an expression, the key or the sample changes. */
export const selectPreviewInput = (s: GraphEditorState) => ({
  expressions: s.expressions,
  mappingKey: s.mapping.mappingKey.attribute,
  records: s.records,
  today: s.today,
  rules: s.rules,
});
