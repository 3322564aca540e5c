import { useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { canRedo, canUndo } from '../../../shared/graph/history';
import { useGraphStore, useGraphStoreApi } from './context';
import { useGraphText } from './i18n';
import { KeyboardHelp } from './keyboard';
import { Legend } from './SidePanel';
import { selectFieldOfSelection } from './store';

export const Toolbar = memo(function Toolbar() {
  const store = useGraphStoreApi();
  const flow = useReactFlow();
  const search = useGraphStore((s) => s.search);
  const matches = useGraphStore((s) => s.searchMatches.size);
  const undoable = useGraphStore((s) => canUndo(s.history));
  const redoable = useGraphStore((s) => canRedo(s.history));
  const focusable = useGraphStore(selectFieldOfSelection);
  const focused = useGraphStore((s) => s.focusedLane);
  const t = useGraphText();
  return (
    <div className="ge-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <input
        type="search"
        className="ge-search"
        placeholder={t('search')}
        aria-label={t('searchLabel')}
        value={search}
        onChange={(e) => store.getState().setSearch(e.target.value)}
      />
      {search && <span className="ge-hint">{matches}</span>}
      <button type="button" title={t('undo')} disabled={!undoable} onClick={() => store.getState().undo()}>
        ↶
      </button>
      <button type="button" title={t('redo')} disabled={!redoable} onClick={() => store.getState().redo()}>
        ↷
      </button>
      <button
        type="button"
        title={t('layoutTitle')}
        onClick={() => {
          store.getState().autoLayout();
          requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
        }}
      >
        {t('layout')}
      </button>
      <button type="button" title={t('fitTitle')} onClick={() => void flow.fitView({ duration: 200 })}>
        {t('fit')}
      </button>
      <button
        type="button"
        title={t('focusTitle')}
        aria-pressed={focused !== null}
        disabled={focused === null && focusable === null}
        data-testid="focus-lane"
        onClick={() => store.getState().focusLane(focused ? null : focusable)}
      >
        {t('focus')}
      </button>
      <span className="ge-toolbar-end">
        <KeyboardHelp />
        <Legend />
      </span>
    </div>
  );
});
