import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Issue } from '../../../../shared/issues';
import type { SourceRecord } from '../../../../shared/source/types';
import { useApp, useT } from '../store/context';
import {
  countBySeverity,
  filterIssues,
  groupIssues,
  issuesToCsv,
  uniqueIssues,
  type IssueGroup,
} from '../logic/issues';
import { CORE_TARGET_FIELDS } from '../../../../shared/scim/fields';
import { SeverityBadge } from '../components/SeverityBadge';
import { downloadText } from '../components/download';
import { ProgressBar } from '../components/ProgressBar';
import { formatIssue, issueTitleKey } from '../i18n';
import { describeProblem } from '../logic/problems';
import { SyncChecklist } from '../components/ProjectSetup';
import { attributesOfField } from '../logic/derive';
import { errorRows, sourceRowCounts } from '../logic/counts';

export function ValidatePage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      validation: st.validation,
      validating: st.validating,
      progress: st.validationProgress,
      stale: st.validation !== null && st.validationRevision !== st.revision,
      sample: st.sample,
      selectedRow: st.selectedRow,
      mappingName: st.mapping?.name,
      lang: st.lang,
      fields: st.mapping?.fields,
      validate: st.validate,
      cancelValidation: st.cancelValidation,
      selectRow: st.selectRow,
    })),
  );
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [open, setOpen] = useState<Record<string, boolean>>({});

  // First visit: validate straight away; the consultant came here to see the problems.
  const { validation, validating, validate } = s;
  useEffect(() => {
    if (!validation && !validating) void validate();
  }, [validation, validating, validate]);

  // The reader's issues cover the whole file (short rows, encoding…); the engine's cover the sampled records.
  const issues = useMemo(
    () => (s.validation ? uniqueIssues([...(s.sample?.issues ?? []), ...s.validation.issues]) : []),
    [s.validation, s.sample],
  );
  const allProblems = s.validation?.problems ?? [];
  const filtered = useMemo(
    () => filterIssues(issues, deferredQuery, (i) => formatIssue(i, s.lang)),
    [issues, deferredQuery, s.lang],
  );
  const groups = useMemo(() => groupIssues(filtered), [filtered]);
  const counts = useMemo(() => countBySeverity(issues), [issues]);
  const badRows = useMemo(() => errorRows(issues).size, [issues]);
  const record = useMemo(
    () =>
      s.selectedRow === null
        ? undefined
        : (s.validation?.records?.find((r) => r.row === s.selectedRow) ??
          s.sample?.records.find((r) => r.row === s.selectedRow)),
    [s.selectedRow, s.sample, s.validation],
  );
  const selectedIssues = useMemo(
    () =>
      issues.filter(
        (i) => i.row === s.selectedRow || (s.selectedRow !== null && i.rows?.includes(s.selectedRow)),
      ),
    [issues, s.selectedRow],
  );

  const exportCsv = () => {
    const csv = issuesToCsv(
      issues,
      {
        row: t('validate.row'),
        key: t('validate.key'),
        field: t('validate.field'),
        title: t('validate.code'),
        code: 'Code',
        severity: t('validate.severity'),
        message: t('validate.message'),
      },
      {
        title: (code) => t(issueTitleKey(code)),
        severity: (sev) => t(`validate.${sev}`),
        field: (f) => fieldName(f, s.lang),
        message: (i) => formatIssue(i, s.lang),
      },
    );
    const stem = (s.mappingName ?? 'plek').replace(/[^\w.-]+/g, '-');
    downloadText(`${stem}-problemen.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="validate-heading">
      <div className="page-header">
        <h1 id="validate-heading">{t('validate.heading')}</h1>
        {s.validation ? (
          <span data-testid="validation-summary" className="row">
            <SeverityBadge severity="error" count={counts.errors} />
            <SeverityBadge severity="warning" count={counts.warnings} />
            <span className="hint">
              {t('validate.summary', {
                errors: counts.errors,
                warnings: counts.warnings,
                rows: s.validation.summary?.rows ?? (s.sample ? sourceRowCounts(s.sample).rows : 0),
              })}
            </span>
            {badRows > 0 ? (
              <span className="hint" data-testid="validation-error-rows">
                {t('validate.errorRows', { n: badRows })}
              </span>
            ) : null}
          </span>
        ) : null}
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void s.validate()} disabled={s.validating}>
          {t('validate.run')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={exportCsv}
          disabled={issues.length === 0}
          data-testid="export-issues"
        >
          {t('validate.export')}
        </button>
      </div>
      {s.validating ? (
        <div className="card" role="status" data-testid="validation-progress">
          <ProgressBar
            fraction={s.progress?.total ? Math.min(1, s.progress.done / s.progress.total) : null}
            label={t('validate.running')}
          >
            <span>
              {s.progress && s.progress.done > 0
                ? s.progress.total
                  ? t('validate.progressOf', { done: s.progress.done, total: s.progress.total })
                  : t('validate.progress', { done: s.progress.done })
                : t('validate.running')}
            </span>
            <button type="button" className="btn btn-small" onClick={s.cancelValidation}>
              {t('app.cancel')}
            </button>
          </ProgressBar>
        </div>
      ) : null}
      {allProblems.length > 0 ? (
        <div className="alert alert-error" style={{ marginBottom: 12 }}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {allProblems.map((p, i) => (
              <li key={i}>{describeProblem(p, s.lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SyncChecklist onlyWhenMissing />
      {!s.validation && !s.validating ? <p className="hint">{t('validate.notRun')}</p> : null}
      {s.stale && !s.validating ? (
        <p className="alert alert-warning row" role="status">
          {t('validate.stale')}
          <button type="button" className="btn btn-small" onClick={() => void s.validate()}>
            {t('validate.run')}
          </button>
        </p>
      ) : null}
      {s.validation &&
      !s.validation.complete &&
      s.sample &&
      s.sample.records.length < s.sample.totalRecords ? (
        <p className="hint">
          {t('validate.partial', { n: s.sample.records.length, total: s.sample.totalRecords })}
        </p>
      ) : null}
      {s.validation && issues.length === 0 && allProblems.length === 0 ? (
        <p className="alert alert-ok">{t('validate.none')}</p>
      ) : null}
      {issues.length > 0 ? (
        <div className="split">
          <div>
            <label className="field" style={{ marginBottom: 10 }}>
              <span>{t('validate.filter')}</span>
              <input
                className="input"
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder="invalid-email, 10023, Müller…"
              />
            </label>
            <div data-testid="issue-groups">
              {groups.map((g) => (
                <IssueGroupView
                  key={g.code}
                  group={g}
                  open={open[g.code] ?? false}
                  onToggle={() => setOpen((o) => ({ ...o, [g.code]: !(o[g.code] ?? false) }))}
                  selectedRow={s.selectedRow}
                  onSelect={s.selectRow}
                />
              ))}
            </div>
          </div>
          <SourceRowPanel row={s.selectedRow} record={record} issues={selectedIssues} fields={s.fields} />
        </div>
      ) : null}
    </section>
  );
}

const MAX_ROWS_SHOWN = 500;

/** A target path as its Plek label (E-mail (werk)), a source attribute as itself. */
function fieldName(field: string, lang: 'nl' | 'en'): string {
  const f = CORE_TARGET_FIELDS.find((x) => x.path === field);
  return f ? f.label[lang] : (field.split(':').pop() ?? field);
}

function IssueGroupView({
  group,
  open,
  onToggle,
  selectedRow,
  onSelect,
}: {
  group: IssueGroup;
  open: boolean;
  onToggle(): void;
  selectedRow: number | null;
  onSelect(row: number): void;
}) {
  const t = useT();
  const lang = useApp((st) => st.lang);
  const bodyId = `issues-${group.code}`;
  return (
    <div className="issue-group" data-code={group.code}>
      <h3>
        <button
          type="button"
          className="issue-group-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <span className="chevron" aria-hidden="true">
            ▸
          </span>
          <span>{t(issueTitleKey(group.code))}</span>
          <code className="hint">{group.code}</code>
          <span className="spacer" />
          {group.errors ? <SeverityBadge severity="error" count={group.errors} /> : null}
          {group.warnings ? <SeverityBadge severity="warning" count={group.warnings} /> : null}
          {group.infos ? <SeverityBadge severity="info" count={group.infos} /> : null}
        </button>
      </h3>
      {open ? (
        <div className="issue-group-body" id={bodyId}>
          {/* A fixed layout: every group's columns line up with the others', whatever their content. */}
          <table className="table issue-table">
            <colgroup>
              <col style={{ width: 70 }} />
              <col style={{ width: 130 }} />
              <col style={{ width: 150 }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('validate.row')}</th>
                <th scope="col">{t('validate.key')}</th>
                <th scope="col">{t('validate.field')}</th>
                <th scope="col">{t('validate.message')}</th>
              </tr>
            </thead>
            <tbody>
              {group.issues.slice(0, MAX_ROWS_SHOWN).map((i, n) => (
                <tr key={n} aria-selected={i.row !== undefined && i.row === selectedRow}>
                  <td>
                    {i.row !== undefined ? (
                      <button type="button" className="row-button" onClick={() => onSelect(i.row as number)}>
                        {i.row}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="mono clip" title={i.key}>
                    {i.key ?? ''}
                  </td>
                  <td className="clip" title={i.field}>
                    {i.field ? fieldName(i.field, lang) : ''}
                  </td>
                  <td>{formatIssue(i, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {group.issues.length > MAX_ROWS_SHOWN ? (
            <p className="hint" style={{ padding: '6px 8px' }}>
              +{group.issues.length - MAX_ROWS_SHOWN}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function SourceRowPanel({
  row,
  record,
  issues,
  fields,
}: {
  row: number | null;
  record?: SourceRecord;
  issues: Issue[];
  fields?: Record<string, { expression: string }>;
}) {
  const t = useT();
  const lang = useApp((st) => st.lang);
  if (row === null)
    return <div className="card source-row hint">{t('validate.sourceRow', { row: '…' })}</div>;
  const names = record ? Object.keys(record.values) : [];
  const flagged = new Set(issues.flatMap((i) => attributesOfField(i.field, fields ?? {}, names)));
  return (
    <aside className="card source-row" aria-live="polite" data-testid="source-row">
      <h2>{t('validate.sourceRow', { row: String(row) })}</h2>
      {issues.map((i, n) => (
        <p key={n} className="row" style={{ margin: '0 0 6px' }}>
          <SeverityBadge severity={i.severity} /> {formatIssue(i, lang)}
        </p>
      ))}
      {record ? (
        <dl>
          {Object.entries(record.values).map(([name, v]) => (
            <FragmentRow key={name} name={name} value={v} flagged={flagged.has(name)} />
          ))}
        </dl>
      ) : (
        <p className="hint">{t('validate.sourceRowMissing')}</p>
      )}
    </aside>
  );
}

function FragmentRow({
  name,
  value,
  flagged,
}: {
  name: string;
  value: SourceRecord['values'][string];
  flagged: boolean;
}) {
  const text = value === null ? '∅' : Array.isArray(value) ? value.join(' | ') : value === '' ? '""' : value;
  return (
    <>
      <dt>{name}</dt>
      <dd className={flagged ? 'flagged mono' : 'mono'}>{text}</dd>
    </>
  );
}
