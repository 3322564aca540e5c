import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PreviewResult } from '../../../shared/graph/preview';
import { changedCells, createPreview } from '../../../shared/graph/preview';
import { useGraphStore } from './context';
import { selectPreviewInput } from './store';
import { expressionErrorText, friendlyName, useGraphLang, useGraphText } from './i18n';
import { describeProblem } from '../app/logic/problems';
import { format, formatIssue, hasMessage, type Lang } from '../../../shared/i18n';
import type { PreviewCell, PreviewRow } from '../../../shared/graph/preview';

/** A row's issues in the screen's language (a skipped row's reason is the engine's issue for that row). */
function rowIssueTexts(row: PreviewRow, lang: Lang): string[] {
  return row.rowIssues.length > 0 ? row.rowIssues.map((i) => formatIssue(i, lang)) : row.issues;
}

/** Why a cell has no value for this row, in the screen's language when the failure carries a catalogue id. */
function cellErrorText(cell: PreviewCell, lang: Lang): string {
  const d = cell.detail;
  return d && hasMessage(d.id) ? format(lang, d.id, d) : (cell.error ?? '');
}

const ROW_HEIGHT = 28;

/**
 * Mapped rows of the sample, derived from the expressions (never stored): dragging a node changes no
 * expression, so this component does not render again. Virtualized: only visible rows are in the DOM.
 */
export const PreviewTable = memo(function PreviewTable() {
  const input = useGraphStore(useShallow(selectPreviewInput));
  const focused = useGraphStore((s) => s.focusedField);
  const t = useGraphText();
  const lang = useGraphLang();
  const [preview] = useState(createPreview);
  // Previous result for the changed-cell highlight; keyed by input so a repeated render (StrictMode) is not a change.
  const [history] = useState(() => ({
    input: null as unknown,
    result: null as PreviewResult | null,
    changed: new Set<string>(),
  }));
  const { result, changed } = useMemo(() => {
    if (history.input !== input) {
      const next = preview(input);
      const before = history.input as typeof input | null;
      // Highlight what an edit changed; a new sample, day or rule set is not an edit.
      const sameData =
        before !== null &&
        before.records === input.records &&
        before.today === input.today &&
        before.rules === input.rules;
      history.changed = sameData ? changedCells(history.result, next) : new Set<string>();
      history.result = next;
      history.input = input;
    }
    return { result: history.result as PreviewResult, changed: history.changed };
  }, [input, preview, history]);
  // Why the key may change, in the screen's language (the English warning is for the CLI).
  const keyStability = result.keyStabilityId ? format(lang, result.keyStabilityId) : null;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: result.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const template = `56px minmax(130px, 1fr) 96px ${result.columns.map(() => 'minmax(150px, 1fr)').join(' ')}`;

  return (
    <section className="gp" aria-label={t('previewLabel')}>
      <div className="gp-summary">
        <strong>{result.rows.length}</strong> {t('rows', { n: result.rows.length })} · {t('keyBadgeText')}{' '}
        <code>{result.keyAttribute}</code>
        {result.duplicateKeys > 0 && (
          <span className="gp-bad"> · {t('duplicateKeys', { n: result.duplicateKeys })}</span>
        )}
        {result.emptyKeys > 0 && <span className="gp-bad"> · {t('emptyKeys', { n: result.emptyKeys })}</span>}
        {keyStability ? (
          <span className="gp-warn" title={keyStability}>
            {' '}
            · {t('keyMayChange')}
          </span>
        ) : (
          <span className="gp-ok"> · {t('keyStable')}</span>
        )}
        {result.problems.map((p) => (
          <div key={p.path + p.message} className="gp-problem" role="alert">
            {describeProblem(p, lang)}
          </div>
        ))}
      </div>
      <div
        className="gp-scroll"
        ref={scroller}
        data-testid="preview-scroll"
        role="region"
        aria-label={t('previewLabel')}
        tabIndex={0}
      >
        <div className="gp-row gp-head" style={{ gridTemplateColumns: template }}>
          <div>{t('row')}</div>
          <div title={keyStability ?? t('keyStableTitle')}>
            {t('keyColumn', { attribute: result.keyAttribute })}
          </div>
          <div>{t('status')}</div>
          {result.columns.map((c) => (
            <div
              key={c.path}
              className={`${c.error ? 'gp-col-error' : ''}${focused === c.path ? ' gp-col-focus' : ''}`}
              title={c.compileError ? expressionErrorText(lang, c.compileError) : (c.error ?? c.expression)}
              data-field={c.path}
            >
              {friendlyName(c.path, lang)}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = result.rows[v.index];
            if (!row) return null;
            return (
              <div
                key={row.row}
                className={`gp-row gp-status-${row.status}`}
                style={{
                  gridTemplateColumns: template,
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${v.start}px)`,
                  width: '100%',
                }}
                data-row={row.row}
                title={rowIssueTexts(row, lang).join('\n') || undefined}
              >
                <div>{row.row}</div>
                <div className={`gp-key gp-key-${row.keyStatus}`}>
                  {row.key ?? t('empty')}
                  {row.keyStatus === 'duplicate' && <span className="gp-tag">{t('duplicate')}</span>}
                  {row.keyStatus === 'empty' && <span className="gp-tag">{t('emptyTag')}</span>}
                </div>
                <div>
                  {t(`status.${row.status}`)}
                  {row.issues.length > 0 && (
                    <span className="gp-issue"> ⚠ {rowIssueTexts(row, lang)[0]}</span>
                  )}
                </div>
                {result.columns.map((c, ci) => {
                  const cell = row.cells[ci];
                  const isChanged = changed.has(`${row.row}:${c.path}`);
                  return (
                    <div
                      key={c.path}
                      className={`gp-cell${cell?.error ? ' gp-cell-error' : ''}${isChanged ? ' gp-changed' : ''}`}
                      title={cell?.error ? cellErrorText(cell, lang) : undefined}
                      data-field={c.path}
                    >
                      {cell?.error ? `⚠ ${cellErrorText(cell, lang)}` : (cell?.text ?? '')}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});
