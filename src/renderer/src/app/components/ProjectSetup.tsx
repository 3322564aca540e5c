import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { keyCandidates, syncChecklist, type KeyCandidate } from '../../../../shared/project/propose';
import { useApp, useT } from '../store/context';

const MAX_CANDIDATES = 6;

/**
 * The mapping-key picker: every column that could identify a person, measured on the sample (fill rate,
 * uniqueness, whether it changes with the person), the recommended one first with the reason. Choosing another
 * key re-runs the preview and, when the project was validated, the validation.
 */
export function KeyPicker() {
  const t = useT();
  const name = useId();
  const s = useApp(
    useShallow((st) => ({
      sample: st.sample,
      kind: st.mapping?.source?.kind ?? 'csv',
      key: st.mapping?.mappingKey?.attribute ?? '',
      validated: st.validation !== null,
      updateMapping: st.updateMapping,
      validate: st.validate,
    })),
  );
  const candidates = useMemo(
    () =>
      s.sample ? keyCandidates(s.sample.attributes, s.sample.records, { kind: s.kind, proposed: s.key }) : [],
    // The ranking is measured once per sample; choosing a key only moves the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s.sample, s.kind],
  );
  if (!s.sample) return null;
  const shown = candidates.slice(0, MAX_CANDIDATES);
  const current = candidates.find((c) => c.attribute === s.key);
  if (current && !shown.includes(current)) shown.push(current);
  const choose = (attribute: string) => {
    s.updateMapping((m) => ({ ...m, mappingKey: { ...m.mappingKey, attribute } }));
    if (s.validated) void s.validate();
  };
  return (
    <fieldset className="key-picker" data-testid="key-picker">
      <legend>
        <strong>{t('key.heading')}</strong>
      </legend>
      <p className="hint">{t('key.hint')}</p>
      {shown.length === 0 ? (
        <p className="alert alert-warning">{t('key.none')}</p>
      ) : (
        <ul className="key-list">
          {shown.map((c) => (
            <li key={c.attribute}>
              <label className={c.attribute === s.key ? 'key-option selected' : 'key-option'}>
                <input
                  type="radio"
                  name={name}
                  value={c.attribute}
                  checked={c.attribute === s.key}
                  onChange={() => choose(c.attribute)}
                />
                <span className="mono key-name">{c.attribute}</span>
                {c.recommended ? <span className="badge badge-ok">{t('key.recommended')}</span> : null}
                <CandidateFacts candidate={c} />
                {c.recommended || c.attribute === s.key ? (
                  <span className="hint key-reason">{t(`key.reason.${c.reason}`)}</span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('key.sampled', { n: s.sample.records.length })}</p>
    </fieldset>
  );
}

function CandidateFacts({ candidate: c }: { candidate: KeyCandidate }) {
  const t = useT();
  return (
    <span className="key-facts">
      <span className={c.empty > 0 ? 'badge badge-warning' : 'badge'}>
        {t('key.filled', { rate: c.fillRate })}
      </span>
      <span className={c.duplicates > 0 ? 'badge badge-warning' : 'badge'}>
        {c.duplicates > 0 ? t('key.duplicates', { n: c.duplicates }) : t('key.unique')}
      </span>
      {c.stability !== 'unknown' ? (
        <span className={c.stability === 'may-change' ? 'badge badge-warning' : 'badge'}>
          {t(c.stability === 'stable' ? 'key.stable' : 'key.mayChange')}
        </span>
      ) : null}
    </span>
  );
}

/** What a sync needs (key, given name, family name, e-mail or login), each with a link to the step that sets it. */
export function SyncChecklist({
  onlyWhenMissing = false,
  compact = false,
}: {
  /** Shown only while something is missing (the Mapping and Validate steps). */
  onlyWhenMissing?: boolean;
  /** One line, for a page header. */
  compact?: boolean;
}) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({ mapping: st.mapping, attributes: st.sample?.attributes, goTo: st.goTo })),
  );
  const items = useMemo(
    () => (s.mapping ? syncChecklist(s.mapping, s.attributes ?? []) : []),
    [s.mapping, s.attributes],
  );
  if (!s.mapping) return null;
  if (onlyWhenMissing && items.every((i) => i.ok)) return null;
  return (
    <div
      className={compact ? 'sync-checklist compact' : 'sync-checklist'}
      data-testid="sync-checklist"
      role={onlyWhenMissing ? 'status' : undefined}
    >
      <strong>{t('checklist.heading')}</strong>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-ok={item.ok} data-item={item.id}>
            <span aria-hidden="true" className={item.ok ? 'text-ok' : 'text-error'}>
              {item.ok ? '✓' : '✗'}
            </span>{' '}
            {t(`checklist.${item.id}`)}{' '}
            <span className="visually-hidden">{t(item.ok ? 'checklist.ok' : 'checklist.missing')}</span>
            {item.ok ? null : (
              <button type="button" className="link-button" onClick={() => s.goTo(item.step)}>
                {t('checklist.fix', { step: t(`step.${item.step}`) })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The Source step's setup card for a project: the key picker beside the checklist. */
export function ProjectSetup() {
  const t = useT();
  const hasSample = useApp((st) => st.sample !== null);
  const isNew = useApp((st) => st.project?.path === null);
  if (!hasSample) return null;
  return (
    <section className="card project-setup" aria-labelledby="setup-heading" data-testid="project-setup">
      <h2 id="setup-heading">{t('setup.heading')}</h2>
      {isNew ? <p className="hint">{t('setup.proposed')}</p> : null}
      <div className="grid-2">
        <KeyPicker />
        <SyncChecklist />
      </div>
    </section>
  );
}
