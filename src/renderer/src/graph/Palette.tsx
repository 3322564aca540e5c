import { useReactFlow } from '@xyflow/react';
import { memo, useRef, useState } from 'react';
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

interface PaletteItem {
  key: string;
  label: string;
  title: string;
  fn?: string;
  add(position: { x: number; y: number }): string;
}

/**
 * Adds transform and literal nodes in the middle of what is visible. The buttons are one tab stop (roving
 * focus): the arrow keys, Home and End move through them, Enter or Space adds; added by keyboard, the new node
 * gets the focus, so the next keys work on it.
 */
export const Palette = memo(function Palette() {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  const flow = useReactFlow();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
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
  const operators: PaletteItem[] = OPERATORS.filter((o) => !f || o.label.includes(f)).map((o) => ({
    key: o.label,
    label: o.label,
    title: t(o.title as Parameters<typeof t>[0]),
    add: (p) => store.getState().addTransform(o.op, p),
  }));
  operators.push({
    key: 'literal',
    label: '"…"',
    title: t('literalTitle'),
    add: (p) => store.getState().addLiteral('', p),
  });
  const functions: PaletteItem[] = SPECS.filter((s) => !f || s.name.toLowerCase().includes(f)).map((s) => ({
    key: s.name,
    label: s.name,
    title: `${s.description[lang]}\n${s.example}`,
    fn: s.name,
    add: (p) => store.getState().addTransform({ kind: 'call', name: s.name }, p),
  }));
  const count = operators.length + functions.length;
  const current = Math.min(active, count - 1);
  const move = (i: number) => {
    const next = (i + count) % count;
    setActive(next);
    buttons.current[next]?.focus();
  };
  const onKey = (i: number) => (e: React.KeyboardEvent) => {
    const to =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? count - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    move(to);
  };
  const button = (item: PaletteItem, i: number) => (
    <button
      key={item.key}
      ref={(el) => {
        buttons.current[i] = el;
      }}
      type="button"
      tabIndex={i === current ? 0 : -1}
      title={item.title}
      data-function={item.fn}
      onFocus={() => setActive(i)}
      onKeyDown={onKey(i)}
      onClick={(e) => {
        const id = item.add(center());
        // A keyboard "click" (Enter, Space) has no pointer: the keyboard user continues on the new node.
        if (e.detail === 0) store.getState().focusNode(id);
      }}
    >
      {item.label}
    </button>
  );
  buttons.current.length = count;
  return (
    <nav className="ge-palette" aria-label={t('functions')}>
      <input
        className="ge-palette-filter"
        placeholder={t('filterFunctions')}
        aria-label={t('filterFunctionsLabel')}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && count > 0) {
            e.preventDefault();
            move(0);
          }
        }}
      />
      <div
        role="toolbar"
        aria-orientation="vertical"
        aria-label={t('functions')}
        aria-describedby="ge-palette-keys"
      >
        <span id="ge-palette-keys" hidden>
          {t('keys.palette')}
        </span>
        <div className="ge-palette-group">{operators.map((o, i) => button(o, i))}</div>
        <div className="ge-palette-group">{functions.map((s, i) => button(s, operators.length + i))}</div>
      </div>
    </nav>
  );
});
