import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { canRedo, canUndo } from '../../../shared/graph/history';
import { useGraphStore, useGraphStoreApi } from './context';

export const Toolbar = memo(function Toolbar() {
  const store = useGraphStoreApi();
  const flow = useReactFlow();
  const search = useGraphStore((s) => s.search);
  const matches = useGraphStore((s) => s.searchMatches.size);
  const undoable = useGraphStore((s) => canUndo(s.history));
  const redoable = useGraphStore((s) => canRedo(s.history));
  return (
    <div className="ge-toolbar" role="toolbar" aria-label="Graph">
      <input
        type="search"
        className="ge-search"
        placeholder="Zoek attribuut of veld…"
        aria-label="Search attribute or field"
        value={search}
        onChange={(e) => store.getState().setSearch(e.target.value)}
      />
      {search && <span className="ge-hint">{matches}</span>}
      <button
        type="button"
        title="Ongedaan maken (Ctrl+Z)"
        disabled={!undoable}
        onClick={() => store.getState().undo()}
      >
        ↶
      </button>
      <button
        type="button"
        title="Opnieuw (Ctrl+Shift+Z)"
        disabled={!redoable}
        onClick={() => store.getState().redo()}
      >
        ↷
      </button>
      <button
        type="button"
        title="Automatisch ordenen"
        onClick={() => {
          store.getState().autoLayout();
          requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
        }}
      >
        Ordenen
      </button>
      <button type="button" title="Alles in beeld" onClick={() => void flow.fitView({ duration: 200 })}>
        Passend
      </button>
    </div>
  );
});
