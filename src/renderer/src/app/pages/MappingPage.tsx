import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { MappingFileInput } from '../../../../shared/mapping/schema';
import { PREVIEW_LIMIT } from '../store/source-slice';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useT } from '../store/context';
import { previewRows, type PreviewRow } from '../logic/derive';
import { VirtualRows } from '../components/VirtualRows';
import { CORE_TARGET_FIELDS } from '../../../../shared/scim/fields';
import { formatIssue } from '../i18n';
import { describeProblem } from '../logic/problems';
import { SyncChecklist } from '../components/ProjectSetup';

// The graph editor is a large chunk (xyflow); load it only when the Mapping step opens.
const MappingEditor = lazy(() => import('../../graph').then((m) => ({ default: m.MappingEditor })));

const MAX_PREVIEW_COLUMNS = 8;

function fieldLabel(path: string, lang: 'nl' | 'en'): string {
  const f = CORE_TARGET_FIELDS.find((x) => x.path === path);
  if (f) return f.label[lang];
  return path.split(':').pop() ?? path;
}

export function MappingPage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      mapping: st.mapping,
      sample: st.sample,
      today: st.today,
      updateMapping: st.updateMapping,
      goTo: st.goTo,
    })),
  );
  // Stable references: the editor reloads its graph when the attribute list or the records change identity.
  const attributes = useMemo(() => s.sample?.attributes ?? [], [s.sample]);
  const records = useMemo(() => s.sample?.records.slice(0, PREVIEW_LIMIT) ?? [], [s.sample]);
  const { updateMapping } = s;
  const onChange = useCallback((next: MappingFileInput) => updateMapping(() => next), [updateMapping]);
  if (!s.mapping) return <p className="empty">{t('app.noProject')}</p>;
  return (
    <section aria-labelledby="mapping-heading" className="mapping-page">
      <div className="page-header">
        <h1 id="mapping-heading">{t('mapping.heading')}</h1>
        <SyncChecklist onlyWhenMissing compact />
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => s.goTo('validate')}>
          {t('step.validate')} →
        </button>
      </div>
      <div className="editor-host" data-testid="mapping-editor">
        <Suspense fallback={<p className="empty">{t('mapping.editorLoading')}</p>}>
          <MappingEditor
            mapping={s.mapping}
            attributes={attributes}
            sampleRecords={records}
            today={s.today}
            onChange={onChange}
          />
        </Suspense>
      </div>
    </section>
  );
}

/** Mapped rows of the sample, refreshed after each edit; rows with problems are marked. */
export function PreviewTable({ height = 220 }: { height?: number }) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      preview: st.preview,
      previewing: st.previewing,
      fields: st.mapping?.fields,
      lang: st.lang,
    })),
  );
  const columns = useMemo(() => Object.keys(s.fields ?? {}).slice(0, MAX_PREVIEW_COLUMNS), [s.fields]);
  const rows = useMemo(() => (s.preview ? previewRows(s.preview, columns) : []), [s.preview, columns]);
  const template = `64px 110px 90px repeat(${columns.length}, minmax(120px, 1fr)) minmax(160px, 1.4fr)`;
  return (
    <div className="card preview-card" data-testid="preview">
      <div className="row" style={{ marginBottom: 8 }}>
        <h2 style={{ margin: 0 }}>{t('mapping.preview', { n: rows.length })}</h2>
        {s.previewing ? <span className="hint">{t('mapping.previewing')}</span> : null}
        {s.preview?.problems.map((p, i) => (
          <span key={i} className="badge badge-error" title={p.path}>
            {describeProblem(p, s.lang)}
          </span>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="hint">{t('mapping.noPreview')}</p>
      ) : (
        <div
          className="vtable preview-table"
          role="table"
          aria-label={t('mapping.preview', { n: rows.length })}
        >
          <div style={{ minWidth: 64 + 110 + 90 + 120 * columns.length + 160 }}>
            <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
              <div role="columnheader">{t('validate.row')}</div>
              <div role="columnheader">{t('mapping.key')}</div>
              <div role="columnheader">{t('mapping.status')}</div>
              {columns.map((c) => (
                <div role="columnheader" key={c} title={c}>
                  {fieldLabel(c, s.lang)}
                </div>
              ))}
              <div role="columnheader">{t('validate.message')}</div>
            </div>
            <VirtualRows
              count={rows.length}
              height={height}
              label={t('mapping.preview', { n: rows.length })}
              renderRow={(i) => (
                <PreviewRowView row={rows[i] as PreviewRow} columns={columns} template={template} />
              )}
            />
          </div>
        </div>
      )}
    </div>
  );
}

function PreviewRowView({
  row,
  columns,
  template,
}: {
  row: PreviewRow;
  columns: string[];
  template: string;
}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const hasError = row.issues.some((i) => i.severity === 'error') || row.status === 'error';
  const statusBadge =
    row.status === 'error' ? (
      <span className="badge badge-error">{t('action.error')}</span>
    ) : row.status === 'skipped' ? (
      <span className="badge">{t('action.skip')}</span>
    ) : row.active === false ? (
      <span className="badge badge-warning">{t('action.deactivate')}</span>
    ) : (
      <span className="badge badge-ok">OK</span>
    );
  const errorFields = new Set(row.issues.map((i) => i.field));
  return (
    <div
      style={{ gridTemplateColumns: template }}
      className={hasError ? 'vtable-grid preview-row has-error' : 'vtable-grid preview-row'}
      data-row={row.row}
    >
      <div role="cell">{row.row}</div>
      <div role="cell" className="mono">
        {row.key}
      </div>
      <div role="cell">{statusBadge}</div>
      {columns.map((c) => (
        <div
          role="cell"
          key={c}
          className={errorFields.has(c) ? 'cell-error' : undefined}
          title={row.values[c]}
        >
          {row.values[c] ?? ''}
        </div>
      ))}
      <div role="cell" title={row.issues.map((i) => formatIssue(i, lang)).join('\n') || row.reason}>
        {row.issues.length > 0 ? (
          <span className={hasError ? 'text-error' : 'text-warning'}>
            {row.issues[0] ? formatIssue(row.issues[0], lang) : ''}
          </span>
        ) : (
          (row.reason ?? '')
        )}
        {row.issues.length > 1 ? ` (+${row.issues.length - 1})` : ''}
      </div>
    </div>
  );
}
