import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { CORE_TARGET_FIELDS } from '../../../../shared/scim/fields';
import { useShallow } from 'zustand/react/shallow';
import { PLAN_ACTIONS, type PlanChangeView } from '../../../../shared/api/contract';
import { useApp, useT } from '../store/context';
import {
  countWarnings,
  filterPlanChanges,
  planWarnings,
  rememberedReasons,
  shownWords,
  summarizeChange,
  type PlanFilterAction,
} from '../logic/derive';
import { errorsByRow, planReason, reconcilePlan } from '../logic/counts';
import { reasonText } from '../../../../shared/plan/messages';
import { said } from '../../../../shared/i18n';
import { Said } from '../components/Said';
import type { Issue } from '../../../../shared/issues';
import { VirtualRows } from '../components/VirtualRows';
import type { MessageKey } from '../i18n';
import { SecretField } from '../components/SecretField';

const PLAN_COLUMNS = '110px 120px minmax(140px, 1fr) minmax(180px, 1.4fr) minmax(180px, 1.4fr)';
const PLAN_MIN_WIDTH = 110 + 120 + 140 + 180 + 180;

/** The name to show for a planned user: the display name, else the one the plan writes, else the login. */
function userLabel(c: PlanChangeView): string {
  if (c.displayName) return c.displayName;
  const written = c.changes.find((ch) => ch.path === 'displayName')?.to;
  if (typeof written === 'string' && written) return written;
  return c.userName ?? '';
}

export function PlanPage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      plan: st.plan,
      stale: st.plan !== null && st.planRevision !== st.revision,
      task: st.task,
      allowOverride: st.allowOverride,
      computePlan: st.computePlan,
      setAllowOverride: st.setAllowOverride,
      goTo: st.goTo,
    })),
  );
  const lang = useApp((st) => st.lang);
  const warned = useMemo(() => (s.plan ? countWarnings(s.plan.changes) : 0), [s.plan]);
  return (
    <section aria-labelledby="plan-heading">
      <div className="page-header">
        <h1 id="plan-heading">{t('plan.heading')}</h1>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void s.computePlan()}
          disabled={s.task !== null}
          data-testid="compute-plan"
        >
          {t('plan.compute')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => s.goTo('run')}
          disabled={!s.plan || (!s.plan.safety.ok && !s.allowOverride)}
        >
          {t('plan.toRun')} →
        </button>
      </div>
      <TargetCard />
      {s.stale ? (
        <p className="alert alert-warning" role="status" data-testid="plan-stale">
          {t('plan.stale')}
        </p>
      ) : null}
      {s.plan ? (
        <>
          <div className="card" data-testid="plan-counts">
            <div className="counts">
              {PLAN_ACTIONS.filter((a) => s.plan?.counts[a]).map((a) => (
                <div key={a} className="count-tile" data-action={a}>
                  <strong className={`action-${a}`}>{s.plan?.counts[a]}</strong>
                  <span>{t(`action.${a}` as MessageKey)}</span>
                </div>
              ))}
              {warned > 0 ? (
                <div className="count-tile" data-action="warning" data-testid="plan-warning-count">
                  <strong className="text-warning">{warned}</strong>
                  <span>{t('plan.withWarning')}</span>
                </div>
              ) : null}
            </div>
            <PlanReconcile />
            <div style={{ marginTop: 12 }} data-testid="safety">
              {s.plan.safety.ok ? (
                <p className="alert alert-ok" style={{ margin: 0 }}>
                  {t('plan.safe')}
                </p>
              ) : (
                <div className="alert alert-error">
                  <strong>{t('plan.blocked')}</strong>
                  <ul style={{ margin: '6px 0', paddingLeft: 18 }}>
                    {(s.plan.safety.messages?.length === s.plan.safety.reasons.length
                      ? s.plan.safety.messages.map((m) => t(m.id, m.values))
                      : s.plan.safety.reasons
                    ).map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                  <label className="row">
                    <input
                      type="checkbox"
                      checked={s.allowOverride}
                      onChange={(e) => s.setAllowOverride(e.target.checked)}
                      data-testid="allow-override"
                    />
                    {t('plan.allow')}
                  </label>
                </div>
              )}
            </div>
            {s.plan.targetWarnings?.length ? (
              <div className="alert alert-warning" style={{ marginTop: 12 }} data-testid="target-warnings">
                <strong>{t('plan.targetWarnings')}</strong>
                <ul style={{ margin: '6px 0', paddingLeft: 18 }}>
                  {s.plan.targetWarnings.map((w, i) => (
                    <li key={i}>
                      <Said
                        lang={lang}
                        messages={[
                          s.plan?.targetWarningMessages?.[i] ?? said('report.failure.other', { detail: w }),
                        ]}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          {s.plan.manualAssignment && s.plan.manualAssignment.length > 0 ? (
            <details className="card" data-testid="manual-assignment">
              <summary>
                <strong>{t('plan.manual', { n: s.plan.manualAssignment.length })}</strong>
              </summary>
              <p className="hint">{t('plan.manualHint')}</p>
              <ul>
                {s.plan.manualAssignment.map((m) => (
                  <li key={m.id}>
                    <code>{m.userName ?? m.email ?? m.id}</code> — {reasonText(m, lang)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <PlanTable changes={s.plan.changes} />
        </>
      ) : (
        <p className="hint">{t('plan.notComputed')}</p>
      )}
    </section>
  );
}

/** Words a plan line's reason in the interface language (an error row by its first error, from the catalogue). */
function useReasonOf(issues: readonly Issue[] | undefined): (c: PlanChangeView) => string | undefined {
  const lang = useApp((st) => st.lang);
  const byRow = useMemo(() => errorsByRow(issues ?? []), [issues]);
  return useCallback((c: PlanChangeView) => planReason(c, byRow, lang), [byRow, lang]);
}

/** Why the plan's numbers differ from Source and Validate: error rows, unreadable rows, other skips, conflicts. */
function PlanReconcile() {
  const t = useT();
  const plan = useApp((st) => st.plan);
  const r = useMemo(() => (plan ? reconcilePlan(plan) : null), [plan]);
  if (!r || r.rows === null) return null;
  const parts: [string, string][] = [];
  if (r.errorRows > 0) parts.push(['errorRows', t('plan.reconcile.errorRows', { n: r.errorRows })]);
  if (r.unreadable > 0) parts.push(['unreadable', t('plan.reconcile.unreadable', { n: r.unreadable })]);
  if (r.otherSkipped > 0)
    parts.push(['otherSkipped', t('plan.reconcile.otherSkipped', { n: r.otherSkipped })]);
  if (r.planErrors > 0) parts.push(['planErrors', t('plan.reconcile.planErrors', { n: r.planErrors })]);
  if (parts.length === 0) return null;
  return (
    <div className="plan-reconcile hint" data-testid="plan-reconcile" style={{ marginTop: 10 }}>
      {t('plan.reconcile.rows', { n: r.rows })}
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {parts.map(([id, text]) => (
          <li key={id} data-part={id}>
            {text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TargetCard() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      target: st.mapping?.target,
      secretsPresent: st.secretsPresent,
      updateMapping: st.updateMapping,
      storeSecret: st.storeSecret,
      checkSecret: st.checkSecret,
    })),
  );
  const [secret, setSecret] = useState('');
  const scimUrl = s.target?.kind === 'scim' ? s.target.baseUrl : null;
  const { checkSecret } = s;
  useEffect(() => {
    if (scimUrl && /^https?:\/\/./.test(scimUrl)) void checkSecret('scim-client-secret', scimUrl);
  }, [checkSecret, scimUrl]);
  const kind = s.target?.kind ?? 'sandbox';
  const scim = s.target?.kind === 'scim' ? s.target : null;
  return (
    <div className="card">
      <div className="row" role="radiogroup" aria-labelledby="plan-target-label">
        <h2 id="plan-target-label" style={{ margin: '0 12px 0 0' }}>
          {t('plan.target')}
        </h2>
        <label className="row">
          <input
            type="radio"
            name="target"
            checked={kind === 'sandbox'}
            onChange={() => s.updateMapping((m) => ({ ...m, target: { kind: 'sandbox' } }))}
          />
          {t('plan.sandbox')}
        </label>
        <label className="row" style={{ marginLeft: 16 }}>
          <input
            type="radio"
            name="target"
            checked={kind === 'scim'}
            onChange={() =>
              s.updateMapping((m) => ({ ...m, target: { kind: 'scim', baseUrl: 'https://', clientId: '' } }))
            }
          />
          {t('plan.scim')}
        </label>
      </div>
      <SafetyFields />
      {scim ? (
        <div className="grid-3" style={{ marginTop: 12 }}>
          <label className="field">
            <span>{t('plan.baseUrl')}</span>
            <input
              className="input mono"
              value={scim.baseUrl}
              onChange={(e) =>
                s.updateMapping((m) => ({ ...m, target: { ...scim, baseUrl: e.target.value } }))
              }
            />
          </label>
          <label className="field">
            <span>{t('plan.clientId')}</span>
            <input
              className="input mono"
              value={scim.clientId ?? ''}
              onChange={(e) =>
                s.updateMapping((m) => ({ ...m, target: { ...scim, clientId: e.target.value || undefined } }))
              }
            />
          </label>
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              if (secret)
                void s.storeSecret('scim-client-secret', secret, scim.baseUrl).then(() => setSecret(''));
            }}
          >
            <SecretField label={t('plan.clientSecret')} value={secret} onChange={setSecret} />
            <div className="row">
              <button type="submit" className="btn btn-small" disabled={!secret}>
                {t('plan.storeSecret')}
              </button>
              {s.secretsPresent['scim-client-secret'] ? (
                <span className="hint">{t('plan.secretStored')}</span>
              ) : null}
            </div>
          </form>
        </div>
      ) : null}
    </div>
  );
}

type SafetyKey = 'maxDeactivateCount' | 'maxDeactivatePercent' | 'minSourceRowsPercent';
const SAFETY_DEFAULTS: Record<SafetyKey, number> = {
  maxDeactivateCount: 25,
  maxDeactivatePercent: 5,
  minSourceRowsPercent: 80,
};

/** The mapping's safety thresholds: a plan that deactivates more, or reads a truncated export, is blocked. */
function SafetyFields() {
  const t = useT();
  const { safety, updateMapping } = useApp(
    useShallow((st) => ({ safety: st.mapping?.safety, updateMapping: st.updateMapping })),
  );
  const set = (key: SafetyKey, raw: string) => {
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n) || n < 0) return;
    updateMapping((m) => ({ ...m, safety: { ...SAFETY_DEFAULTS, ...m.safety, [key]: n } }));
  };
  const keys: SafetyKey[] = ['maxDeactivateCount', 'maxDeactivatePercent', 'minSourceRowsPercent'];
  return (
    <div className="row safety-fields" role="group" aria-label={t('plan.safety')}>
      <span className="field-label">{t('plan.safety')}</span>
      {keys.map((k) => (
        <label key={k} className="row" style={{ flexWrap: 'nowrap' }}>
          <span className="hint" style={{ margin: 0 }}>
            {t(`plan.${k}`)}
          </span>
          <input
            className="input"
            style={{ width: 80 }}
            type="number"
            min={0}
            max={k === 'maxDeactivateCount' ? undefined : 100}
            value={safety?.[k] ?? SAFETY_DEFAULTS[k]}
            onChange={(e) => set(k, e.target.value)}
            data-testid={`safety-${k}`}
          />
        </label>
      ))}
    </div>
  );
}

function PlanTable({ changes }: { changes: PlanChangeView[] }) {
  const issues = useApp((st) => st.plan?.issues);
  const reasonOf = useReasonOf(issues);
  const t = useT();
  const { planFilter, setPlanFilter, lang } = useApp(
    useShallow((st) => ({ planFilter: st.planFilter, setPlanFilter: st.setPlanFilter, lang: st.lang })),
  );
  const label = useCallback(
    (path: string) =>
      CORE_TARGET_FIELDS.find((f) => f.path === path)?.label[lang] ?? path.split(':').pop() ?? path,
    [lang],
  );
  // The text box stays responsive while 100k rows are filtered behind it.
  const deferredText = useDeferredValue(planFilter.text);
  // The search finds what the table shows: the reason and warnings in the screen's language, worded once per change.
  const searchReason = useMemo(
    () => rememberedReasons((c) => shownWords(c, reasonOf, lang)),
    [reasonOf, lang],
  );
  const rows = useMemo(
    () => filterPlanChanges(changes, { action: planFilter.action, text: deferredText }, searchReason),
    [changes, planFilter.action, deferredText, searchReason],
  );
  return (
    <div className="card" data-testid="plan-table">
      <div className="row" style={{ marginBottom: 10 }}>
        <label className="field" style={{ width: 220 }}>
          <span>{t('plan.filterAction')}</span>
          <select
            className="input"
            value={planFilter.action}
            onChange={(e) => setPlanFilter({ action: e.target.value as PlanFilterAction })}
            data-testid="plan-filter-action"
          >
            <option value="all">{t('plan.all')}</option>
            {PLAN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a}` as MessageKey)}
              </option>
            ))}
            <option value="warning">{t('plan.withWarning')}</option>
          </select>
        </label>
        <label className="field" style={{ flex: 1, minWidth: 200 }}>
          <span>{t('plan.filterText')}</span>
          <input
            className="input"
            type="search"
            value={planFilter.text}
            onChange={(e) => setPlanFilter({ text: e.target.value })}
            placeholder="van der Berg, 10023, title…"
            data-testid="plan-filter-text"
          />
        </label>
        <span className="hint" style={{ alignSelf: 'end' }} data-testid="plan-showing">
          {t('plan.showing', { shown: rows.length, total: changes.length })}
        </span>
      </div>
      <div className="vtable" role="table" aria-rowcount={rows.length + 1}>
        <div style={{ minWidth: PLAN_MIN_WIDTH }}>
          <div className="vtable-head" role="row" style={{ gridTemplateColumns: PLAN_COLUMNS }}>
            <div role="columnheader">{t('plan.filterAction')}</div>
            <div role="columnheader">{t('mapping.key')}</div>
            <div role="columnheader">{t('plan.user')}</div>
            <div role="columnheader">{t('plan.changes')}</div>
            <div role="columnheader">{t('plan.warnings')}</div>
          </div>
          <VirtualRows
            count={rows.length}
            label={t('plan.changes')}
            renderRow={(i) => {
              const c = rows[i] as PlanChangeView;
              const warnings = planWarnings(c, lang).join('; ');
              return (
                <div className="vtable-grid" style={{ gridTemplateColumns: PLAN_COLUMNS }}>
                  <div role="cell" className={`action-${c.action}`}>
                    {t(`action.${c.action}` as MessageKey)}
                  </div>
                  <div role="cell" className="mono">
                    {c.key}
                  </div>
                  <div role="cell" title={c.userName ?? undefined}>
                    {userLabel(c)}
                  </div>
                  <div role="cell" title={summarizeChange(c, 20, label, reasonOf(c))}>
                    {summarizeChange(c, 3, label, reasonOf(c))}
                  </div>
                  <div
                    role="cell"
                    className="text-warning"
                    title={warnings || undefined}
                    data-testid={warnings ? 'plan-warning' : undefined}
                  >
                    {warnings ? `⚠ ${warnings}` : ''}
                  </div>
                </div>
              );
            }}
          />
        </div>
      </div>
    </div>
  );
}
