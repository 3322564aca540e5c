import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { printLiteral } from '../../../shared/expression/print';
import type { LiteralValue } from '../../../shared/graph/model';
import { inputHandle, slotOf } from '../../../shared/graph/model';
import { specOf } from '../../../shared/graph/registry';
import { paramForSlot } from '../../../shared/graph/signatures';
import { useGraphStore, useGraphStoreApi } from './context';
import type {
  LiteralFlowNode,
  SourceAttributeFlowNode,
  TargetFieldFlowNode,
  TransformFlowNode,
} from './store';
import { expressionErrorText, friendlyName, incompleteText, useGraphLang, useGraphText } from './i18n';
import { format } from '../../../shared/i18n';

/** Diacritics modes NormalizeDiacritics knows; shown as a choice instead of free text. */
const DIACRITICS_MODES = ['strip', 'dach'];
const DATE_FORMATS = ['dd-MM-yyyy', 'd-M-yyyy', 'yyyy-MM-dd', 'dd/MM/yyyy', 'yyyyMMdd', 'auto', 'excel'];

/** An extension's SCIM path by its end (`…User:employeeNumber`): the URN prefix is the same for all of them. */
function shortPath(path: string): string {
  if (!path.startsWith('urn:')) return path;
  const parts = path.split(':');
  return `…${parts.slice(-2).join(':')}`;
}

function percent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}

export const SourceAttributeNodeView = memo(function SourceAttributeNodeView({
  data,
  selected,
}: NodeProps<SourceAttributeFlowNode>) {
  const isKey = useGraphStore((s) => s.rules.mappingKey.attribute === data.attribute);
  const t = useGraphText();
  const match = useGraphStore((s) => s.searchMatches.has(`src:${data.attribute}`));
  return (
    <div
      className={`gn gn-source${selected ? ' is-selected' : ''}${data.missing ? ' is-missing' : ''}${match ? ' is-match' : ''}`}
      title={
        data.missing
          ? t('notInSampleTitle')
          : data.example
            ? t('example', { example: data.example })
            : undefined
      }
    >
      <div className="gn-title">
        <span className="gn-name">{data.attribute}</span>
        {isKey && (
          <span className="gn-badge gn-badge-key" title={t('keyBadge')}>
            {t('keyBadgeText')}
          </span>
        )}
        {data.multiValued && (
          <span className="gn-badge" title={t('listTitle')}>
            {t('listBadge')}
          </span>
        )}
      </div>
      <div className="gn-meta">
        <span className="gn-fill">{percent(data.fillRate)}</span>
        {data.example !== undefined && <span className="gn-example">{data.example}</span>}
        {data.missing && <span className="gn-warn">{t('notInSample')}</span>}
      </div>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

/**
 * Edit mode of a node (Enter on it, or a click into one of its inputs): its inputs are tab stops only then, Tab
 * goes round them, Esc goes back to the node. Spread the returned props on the node's outer element.
 */
function useEditMode(id: string) {
  const store = useGraphStoreApi();
  const editing = useGraphStore((s) => s.editing === id);
  const props = {
    onFocusCapture(e: React.FocusEvent<HTMLDivElement>) {
      const tag = (e.target as HTMLElement).tagName;
      if (tag === 'INPUT' || tag === 'SELECT') store.getState().setEditing(id);
    },
    onBlurCapture(e: React.FocusEvent<HTMLDivElement>) {
      const next = e.relatedTarget as Node | null;
      if (!next || !e.currentTarget.contains(next)) {
        if (store.getState().editing === id) store.getState().setEditing(null);
      }
    },
    onKeyDownCapture(e: React.KeyboardEvent<HTMLDivElement>) {
      if (e.key !== 'Tab' || !editing) return;
      const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('input, select'));
      const at = fields.indexOf(e.target as HTMLElement);
      if (at < 0 || fields.length === 0) return;
      e.preventDefault();
      fields[(at + (e.shiftKey ? fields.length - 1 : 1)) % fields.length]!.focus();
    },
  };
  return { editing, props };
}

/** Esc in a node's input: back to the node itself (the typed text is dropped, not written). */
function backToNode(store: ReturnType<typeof useGraphStoreApi>, id: string): void {
  store.getState().focusNode(id);
}

/** Typed text → literal. An emptied required text parameter is the empty string (Replace's replacement ""). */
function parseInline(text: string, type: string, optional: boolean): LiteralValue | undefined {
  if (text === '') return optional || type === 'number' || type === 'boolean' ? undefined : '';
  if (type === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** One typed parameter of a transform: edited locally, written (one undo step) on blur or Enter. */
function InlineParam({
  nodeId,
  slot,
  value,
  type,
  name,
  choices,
  optional,
  editing,
}: {
  nodeId: string;
  slot: number;
  value: LiteralValue | undefined;
  type: string;
  name: string;
  choices?: readonly string[];
  optional: boolean;
  editing: boolean;
}) {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const shown = value === undefined || value === null ? '' : String(value);
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const write = (text: string) => {
    setDraft(null);
    const next = parseInline(text, type, optional);
    if (next !== value) store.getState().setInline(nodeId, slot, next);
  };
  // Leaving the field without typing changes nothing (an inline "" or null must survive a click).
  const commitDraft = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(null);
      return;
    }
    if (draft !== null) write(draft);
  };
  if (choices) {
    return (
      <select
        className="nodrag gn-input"
        aria-label={name}
        tabIndex={editing ? 0 : -1}
        value={shown}
        onChange={(e) => write(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') backToNode(store, nodeId);
          e.stopPropagation();
        }}
      >
        <option value="">—</option>
        {[...new Set([...choices, ...(shown ? [shown] : [])])].map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="nodrag gn-input"
      aria-label={name}
      placeholder={value === null ? 'null' : value === '' ? '""' : t('type', { type })}
      tabIndex={editing ? 0 : -1}
      value={draft ?? shown}
      size={Math.max(3, Math.min(14, (draft ?? shown).length + 1))}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commitDraft}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commitDraft();
        if (e.key === 'Escape') {
          cancelled.current = true;
          setDraft(null);
          backToNode(store, nodeId);
        }
        e.stopPropagation();
      }}
    />
  );
}

function transformTitle(op: TransformFlowNode['data']['op']): string {
  return op.kind === 'call' ? op.name : op.kind === 'binary' ? op.op : 'not';
}

export const TransformNodeView = memo(function TransformNodeView({
  id,
  data,
  selected,
}: NodeProps<TransformFlowNode>) {
  const wired = useGraphStore(
    useShallow((s) => s.edges.filter((e) => e.target === id).map((e) => slotOf(e.targetHandle))),
  );
  const valueMaps = useGraphStore(useShallow((s) => Object.keys(s.rules.valueMaps ?? {})));
  const t = useGraphText();
  const lang = useGraphLang();
  const problem = useGraphStore((s) => {
    for (const f of Object.values(s.fieldStates))
      if (f.status === 'incomplete' && f.nodeId === id) return incompleteText(lang, f);
    return undefined;
  });
  const { editing, props: editProps } = useEditMode(id);
  const op = data.op;
  const spec = op.kind === 'call' ? specOf(op.name) : undefined;
  const slots = Array.from({ length: data.slots }, (_, i) => i);
  return (
    <div
      className={`gn gn-transform${selected ? ' is-selected' : ''}${problem ? ' is-incomplete' : ''}`}
      title={spec ? `${spec.description[lang]}\n${spec.example}` : undefined}
      {...editProps}
    >
      <div className="gn-title">
        <span className="gn-name">{transformTitle(op)}</span>
        {spec && <span className="gn-type">→ {t('type', { type: spec.returns })}</span>}
      </div>
      {slots.map((slot) => {
        const param = spec ? paramForSlot(spec, slot) : undefined;
        const name =
          param?.name ??
          (op.kind === 'binary'
            ? t(slot === 0 ? 'param.left' : 'param.right')
            : op.kind === 'not'
              ? t('param.value')
              : t('param.arg', { n: slot + 1 }));
        const type = param?.type ?? (op.kind === 'not' ? 'boolean' : 'any');
        const isWired = wired.includes(slot);
        const choices =
          spec?.name === 'ValueMap' && param?.literalOnly
            ? valueMaps
            : spec?.name === 'NormalizeDiacritics' && param?.literalOnly
              ? DIACRITICS_MODES
              : /date/i.test(spec?.name ?? '') && param?.name === 'format'
                ? DATE_FORMATS
                : undefined;
        return (
          <div className="gn-slot" key={slot}>
            {!param?.literalOnly && <Handle type="target" position={Position.Left} id={inputHandle(slot)} />}
            <span className="gn-param" title={t('type', { type })}>
              {name}
              {param?.optional || param?.variadic ? '?' : ''}
            </span>
            {isWired ? (
              <span className="gn-wired">●</span>
            ) : (
              <InlineParam
                nodeId={id}
                slot={slot}
                value={data.inline[slot]}
                type={type}
                name={`${transformTitle(op)} ${name}`}
                choices={choices}
                optional={param?.optional === true || param?.variadic === true}
                editing={editing}
              />
            )}
          </div>
        );
      })}
      {problem && <div className="gn-problem">{problem}</div>}
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

export const LiteralNodeView = memo(function LiteralNodeView({
  id,
  data,
  selected,
}: NodeProps<LiteralFlowNode>) {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const { editing, props: editProps } = useEditMode(id);
  const shown = data.value === null ? '' : String(data.value);
  const write = (text: string) => {
    setDraft(null);
    const n = Number(text);
    const value: LiteralValue =
      text.trim() !== '' && Number.isFinite(n) && typeof data.value === 'number' ? n : text;
    if (value !== data.value) store.getState().setLiteral(id, value);
  };
  return (
    <div
      className={`gn gn-literal${selected ? ' is-selected' : ''}`}
      title={printLiteral(data.value)}
      {...editProps}
    >
      <div className="gn-title">
        <span className="gn-name">{t('literal')}</span>
      </div>
      <input
        className="nodrag gn-input"
        aria-label={t('literalValue')}
        tabIndex={editing ? 0 : -1}
        value={draft ?? shown}
        placeholder={data.value === null ? 'null' : '""'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (cancelled.current) {
            cancelled.current = false;
            setDraft(null);
          } else if (draft !== null) write(draft);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) write(draft);
          if (e.key === 'Escape') {
            cancelled.current = true;
            setDraft(null);
            backToNode(store, id);
          }
          e.stopPropagation();
        }}
      />
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

export const TargetFieldNodeView = memo(function TargetFieldNodeView({
  data,
  selected,
}: NodeProps<TargetFieldFlowNode>) {
  const store = useGraphStoreApi();
  const state = useGraphStore((s) => s.fieldStates[data.path]);
  const parseError = useGraphStore((s) => s.parseErrors[data.path]);
  const compileError = useGraphStore((s) => s.compileErrors[data.path]);
  const match = useGraphStore((s) => s.searchMatches.has(`field:${data.path}`));
  const expression = useGraphStore((s) => s.expressions[data.path]);
  const t = useGraphText();
  const lang = useGraphLang();
  const name = friendlyName(data.path, lang);
  const mapped = state?.status === 'ok';
  // Why this path is no Plek field, in the screen's language (the English `problem` is the fallback).
  const problem = data.problemId ? format(lang, data.problemId, { field: data.path }) : data.problem;
  return (
    <div
      className={`gn gn-target${selected ? ' is-selected' : ''}${mapped ? ' is-mapped' : ''}${match ? ' is-match' : ''}${data.problem ? ' is-problem' : ''}`}
      title={problem ?? (expression ? `${data.path} = ${expression}` : data.path)}
    >
      <Handle type="target" position={Position.Left} id="in-0" />
      <div className="gn-title">
        <span className="gn-name">{data.custom || data.problem ? data.label : name}</span>
        {data.required && (
          <span className="gn-required" title={t('requiredTitle')}>
            *
          </span>
        )}
        <button
          type="button"
          className="nodrag gn-text-button"
          // Enter on the focused field does the same; the graph is one tab stop.
          tabIndex={-1}
          title={t('editAsText')}
          aria-label={t('editFieldAsText', { field: name })}
          onClick={() => store.getState().focusField(data.path)}
        >
          ƒx
        </button>
      </div>
      <div className="gn-meta">
        <code className="gn-path" title={data.path}>
          {shortPath(data.path)}
        </code>
      </div>
      {state?.status === 'incomplete' && <div className="gn-problem">{incompleteText(lang, state)}</div>}
      {parseError && <div className="gn-problem">{expressionErrorText(lang, parseError)}</div>}
      {compileError && !parseError && (
        <div className="gn-problem">{expressionErrorText(lang, compileError)}</div>
      )}
      {problem && <div className="gn-problem">{problem}</div>}
    </div>
  );
});

/** Defined once at module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = {
  source: SourceAttributeNodeView,
  transform: TransformNodeView,
  literal: LiteralNodeView,
  target: TargetFieldNodeView,
};
