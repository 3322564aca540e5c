import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pendingSuggestions } from '../../../shared/graph/suggestions';
import type { ExpressionError } from '../../../shared/expression/errors';
import { UNSUPPORTED_TARGETS } from '../../../shared/scim/fields';
import { useGraphStore, useGraphStoreApi } from './context';
import {
  expressionErrorText,
  friendlyName,
  incompleteText,
  refusalText,
  useGraphLang,
  useGraphText,
} from './i18n';

/** Text mode for one field: type the expression, the graph follows; parse errors name the column. */
const FieldTextEditor = memo(function FieldTextEditor({ path }: { path: string }) {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  const current = useGraphStore((s) => s.drafts[path] ?? s.expressions[path] ?? '');
  const state = useGraphStore((s) => s.fieldStates[path]);
  const [text, setText] = useState(current);
  const [error, setError] = useState<ExpressionError | null>(null);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    // The graph changed the expression: show the new text (React's "adjust state on prop change" pattern).
    setSeen(current);
    setText(current);
  }
  const apply = () => setError(store.getState().setFieldText(path, text));
  const close = () => {
    store.getState().focusField(null);
    store.getState().focusNode(`field:${path}`);
  };
  return (
    <section className="ge-field-editor" aria-label={t('expressionFor', { field: friendlyName(path, lang) })}>
      <header>
        <code title={path}>{friendlyName(path, lang)}</code>
        <button type="button" aria-label={t('close')} onClick={close}>
          ×
        </button>
      </header>
      <textarea
        className="ge-expression"
        aria-label={t('expression')}
        spellCheck={false}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
          // Esc closes text mode and goes back to the field's node in the graph.
          if (e.key === 'Escape') close();
          e.stopPropagation();
        }}
      />
      <div className="ge-field-actions">
        <button type="button" onClick={apply}>
          {t('apply')}
        </button>
        <span className="ge-hint">Ctrl+Enter</span>
      </div>
      {error && (
        <p className="ge-error" role="alert">
          {expressionErrorText(lang, error)}
        </p>
      )}
      {state?.status === 'incomplete' && (
        <p className="ge-warn">{t('incomplete', { reason: incompleteText(lang, state) })}</p>
      )}
    </section>
  );
});

function usePendingSuggestions() {
  const headers = useGraphStore(useShallow((s) => s.attributes.map((a) => a.name)));
  const mapped = useGraphStore((s) => s.expressions);
  const rejected = useGraphStore((s) => s.rejectedSuggestions);
  return useMemo(() => pendingSuggestions(headers, mapped, rejected), [headers, mapped, rejected]);
}

/** Header-recogniser suggestions for fields that are not mapped yet; accept or reject each. */
const Suggestions = memo(function Suggestions({
  suggestions,
}: {
  suggestions: ReturnType<typeof pendingSuggestions>;
}) {
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  if (suggestions.length === 0) return null;
  return (
    <section className="ge-suggestions" aria-label={t('suggestions')}>
      <h3>{t('suggestions')}</h3>
      <ul>
        {suggestions.map((s) => (
          <li key={s.target}>
            <code title={s.expression}>{s.header}</code> →{' '}
            <span title={s.target}>{friendlyName(s.target, lang)}</span>
            <span className="ge-confidence">{Math.round(s.confidence * 100)}%</span>
            <button
              type="button"
              aria-label={t('accept', { field: friendlyName(s.target, lang) })}
              onClick={() => store.getState().setFieldText(s.target, s.expression)}
            >
              ✓
            </button>
            <button
              type="button"
              aria-label={t('reject', { field: friendlyName(s.target, lang) })}
              onClick={() => store.getState().rejectSuggestion(s.target)}
            >
              ✗
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});

/** Which Plek profile fields cannot be synchronised, and why (in the toolbar). */
export const Legend = memo(function Legend() {
  const t = useGraphText();
  return (
    <details className="ge-legend">
      <summary>{t('unsupported')}</summary>
      <ul>
        {UNSUPPORTED_TARGETS.map((u) => {
          const photo = u.pattern.source.includes('photo');
          return (
            <li key={u.pattern.source}>
              {photo ? t('photo') : t('birthDate')}: {photo ? t('photoReason') : t('birthDateReason')}
            </li>
          );
        })}
      </ul>
    </details>
  );
});

/** Text mode, refusals and suggestions; takes no room from the canvas when it has nothing to say. */
export const SidePanel = memo(function SidePanel() {
  const focused = useGraphStore((s) => s.focusedField);
  const refusal = useGraphStore((s) => s.refusal);
  const suggestions = usePendingSuggestions();
  const store = useGraphStoreApi();
  const t = useGraphText();
  const lang = useGraphLang();
  if (!focused && !refusal && suggestions.length === 0) return null;
  return (
    <aside className="ge-side">
      {refusal && (
        <p className="ge-refusal" role="alert" data-testid="refusal">
          {t('refused')} {refusalText(lang, refusal)}
          <button type="button" aria-label={t('dismiss')} onClick={() => store.getState().clearRefusal()}>
            ×
          </button>
        </p>
      )}
      {focused && <FieldTextEditor key={focused} path={focused} />}
      <Suggestions suggestions={suggestions} />
    </aside>
  );
});
