import { ReactFlowProvider, type ColorMode } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import {
  memo,
  Profiler,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ProfilerOnRenderCallback,
} from 'react';
import type { MappingFileInput } from '../../../shared/mapping/schema';
import type { SourceAttribute, SourceRecord } from '../../../shared/source/types';
import { Canvas, ViewDock } from './Canvas';
import { GraphStoreContext } from './context';
import { Palette } from './Palette';
import { PreviewTable } from './PreviewTable';
import { SidePanel } from './SidePanel';
import { createGraphEditorStore, type GraphEditorStore } from './store';
import { useColorMode } from './theme';
import { Toolbar } from './Toolbar';
import { useGraphText } from './i18n';
import { GraphAnnouncer, GraphEntry, useEnterGraph, useGraphKeys } from './keyboard';

export interface MappingEditorProps {
  mapping: MappingFileInput;
  attributes: SourceAttribute[];
  sampleRecords: SourceRecord[];
  /** yyyy-MM-dd, for Today() and deactivation dates in the preview. */
  today: string;
  onChange(mapping: MappingFileInput): void;
  /** Optional React Profiler callback for the canvas and the preview (render-count tests, benchmarks). */
  onProfile?: ProfilerOnRenderCallback;
}

/**
 * The Profilers sit inside memoised panes: a pane renders only when its own store selections change, so the
 * "preview" profile counts real preview renders, not the editor re-rendering around it.
 */
const PreviewPane = memo(function PreviewPane({ onRender }: { onRender: ProfilerOnRenderCallback }) {
  return (
    <Profiler id="preview" onRender={onRender}>
      <PreviewTable />
    </Profiler>
  );
});

const CanvasPane = memo(function CanvasPane({
  colorMode,
  onRender,
}: {
  colorMode: ColorMode;
  onRender: ProfilerOnRenderCallback;
}) {
  return (
    <Profiler id="canvas" onRender={onRender}>
      <Canvas colorMode={colorMode} />
    </Profiler>
  );
});

/**
 * The first thing a keyboard user reaches in the editor: jumps past the toolbar and the palette into the graph,
 * onto the node the keyboard was last on (at first the top lane's left-most node in view).
 */
function SkipToGraph() {
  const t = useGraphText();
  const enter = useEnterGraph();
  const jump = (e: React.MouseEvent) => {
    e.preventDefault();
    enter();
  };
  return (
    <a className="ge-skip" href="#graph" onClick={jump}>
      {t('skipToGraph')}
    </a>
  );
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function useShortcuts(store: GraphEditorStore, root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target)) return;
      // Only when the editor has focus (or nothing else does).
      const active = document.activeElement;
      if (active && active !== document.body && !root.current?.contains(active)) return;
      const s = store.getState();
      if (e.key === 'Escape' && s.focusedLane) {
        s.focusLane(null);
        return;
      }
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) s.undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') s.redo();
      else if (k === 'c') {
        // Copying text selected in the preview stays the browser's job.
        const text = window.getSelection();
        if ((text && !text.isCollapsed) || !s.nodes.some((n) => n.selected)) return;
        s.copySelection();
      } else if (k === 'v') {
        if (!s.clipboard) return;
        s.paste();
      } else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, root]);
}

/** The canvas with its one tab stop and the keys that work on a focused node or edge. */
function CanvasHost({
  canvas,
  children,
}: {
  canvas: React.RefObject<HTMLDivElement | null>;
  children: React.ReactNode;
}) {
  const onKeyDown = useGraphKeys(canvas);
  return (
    // The keys act on the focused node or edge inside (the graph's tab stop is GraphEntry).
    <div className="ge-canvas" ref={canvas} onKeyDown={onKeyDown}>
      <GraphEntry />
      {children}
    </div>
  );
}

/**
 * The Mapping step's editor: canvas (sources left, functions middle, Plek fields right), a side panel (text mode,
 * suggestions, refusals) and the live preview. Controlled by `mapping`; every edit emits a new mapping with
 * canonical expressions and `layout`.
 */
export function MappingEditor({
  mapping,
  attributes,
  sampleRecords,
  today,
  onChange,
  onProfile,
}: MappingEditorProps) {
  const [store] = useState(createGraphEditorStore);
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const emitted = useRef<MappingFileInput | null>(null);
  const onChangeRef = useRef(onChange);
  const colorMode = useColorMode();
  useShortcuts(store, root);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    store.getState().setSample(attributes, sampleRecords, today);
  }, [store, attributes, sampleRecords, today]);

  const loadedAttributes = useRef<SourceAttribute[] | null>(null);
  useEffect(() => {
    const sameSchema = loadedAttributes.current === attributes;
    // Our own emission coming back through the parent: nothing to redraw.
    if (sameSchema && mapping === emitted.current) return;
    if (sameSchema && emitted.current && JSON.stringify(mapping) === JSON.stringify(emitted.current)) return;
    emitted.current = mapping;
    loadedAttributes.current = attributes;
    store.getState().load(mapping, attributes);
  }, [store, mapping, attributes]);

  useEffect(
    () =>
      store.subscribe(
        (s) => s.mapping,
        (m) => {
          if (m === emitted.current) return;
          emitted.current = m;
          onChangeRef.current(m);
        },
      ),
    [store],
  );

  // One callback for the editor's lifetime, so the memoised panes below do not render again because of it.
  const onProfileRef = useRef(onProfile);
  useEffect(() => {
    onProfileRef.current = onProfile;
  }, [onProfile]);
  const profile = useCallback<ProfilerOnRenderCallback>((...args) => onProfileRef.current?.(...args), []);
  return (
    <GraphStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="ge" ref={root} data-color-mode={colorMode}>
          <SkipToGraph />
          <Toolbar />
          <div className="ge-main">
            <Palette />
            <CanvasHost canvas={canvas}>
              <CanvasPane colorMode={colorMode} onRender={profile} />
            </CanvasHost>
            {/* Under the palette on screen; after the graph in the tab order (the graph's tools). */}
            <ViewDock />
            <SidePanel />
          </div>
          <PreviewPane onRender={profile} />
          <GraphAnnouncer />
        </div>
      </ReactFlowProvider>
    </GraphStoreContext.Provider>
  );
}
