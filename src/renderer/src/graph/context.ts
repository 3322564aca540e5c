import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { GraphEditorState, GraphEditorStore } from './store';

export const GraphStoreContext = createContext<GraphEditorStore | null>(null);

export function useGraphStoreApi(): GraphEditorStore {
  const store = useContext(GraphStoreContext);
  if (!store) throw new Error('graph editor components must be inside <MappingEditor>');
  return store;
}

/** Selects from the editor's store; pass a `useShallow` selector when it returns a new object or array. */
export function useGraphStore<T>(selector: (s: GraphEditorState) => T): T {
  return useStore(useGraphStoreApi(), selector);
}
