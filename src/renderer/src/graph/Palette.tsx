import { useReactFlow } from '@xyflow/react';
import { memo, useState } from 'react';
import type { TransformOp } from '../../../shared/graph/model';
import { allFunctionSpecs } from '../../../shared/graph/registry';
import { useGraphStoreApi } from './context';
import { useGraphLang, useGraphText } from './i18n';

const OPERATORS: { label: string; op: TransformOp; title: `op.${string}` }[] = [
  { label: '&', op: { kind: 'binary', op: '&' }, title: 'op.concat' },
  { label: '=', op: { kind: 'binary', op: '=' }, title: 'op.equals' },
  { label: '<>', op: { kind: 'binary', op: '<>' }, title: 'op.differs' },
  { label: 'and', op: { kind: 'binary', op: 'and' }, title: 'op.and' },
  { label: 'or', op: { kind: 'binary', op: 'or' }, title: 'op.or' },
  { label: 'not', op: { kind: 'not' }, title: 'op.not' },
];

const SPECS = allFunctionSpecs();

/** Adds transform and literal nodes in the middle of what is visible. */
export const Palette = memo(function Palette() {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  const flow = useReactFlow();
  const [filter, setFilter] = useState('');
  const center = () => {
    const el = document.querySelector('.ge-canvas');
    const r = el?.getBoundingClientRect();
    const p = r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 400, y: 300 };
    const pos = flow.screenToFlowPosition(p);
    // Nudge so that repeated clicks do not stack nodes exactly on top of each other.
    const n = store.getState().nodes.length % 5;
    return { x: pos.x - 80 + n * 16, y: pos.y - 30 + n * 16 };
  };
  const f = filter.trim().toLowerCase();
  return (
    <nav className="ge-palette" aria-label={t('functions')}>
      <input
        className="ge-palette-filter"
        placeholder={t('filterFunctions')}
        aria-label={t('filterFunctionsLabel')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="ge-palette-group">
        {OPERATORS.filter((o) => !f || o.label.includes(f)).map((o) => (
          <button
            key={o.label}
            type="button"
            title={t(o.title as Parameters<typeof t>[0])}
            onClick={() => store.getState().addTransform(o.op, center())}
          >
            {o.label}
          </button>
        ))}
        <button
          type="button"
          title={t('literalTitle')}
          onClick={() => store.getState().addLiteral('', center())}
        >
          &quot;…&quot;
        </button>
      </div>
      <div className="ge-palette-group">
        {SPECS.filter((s) => !f || s.name.toLowerCase().includes(f)).map((s) => (
          <button
            key={s.name}
            type="button"
            title={`${s.description[lang]}\n${s.example}`}
            data-function={s.name}
            onClick={() => store.getState().addTransform({ kind: 'call', name: s.name }, center())}
          >
            {s.name}
          </button>
        ))}
      </div>
    </nav>
  );
});
