import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reasonText } from '../../../../shared/plan/messages';
import type { MappingFileInput } from '../../../../shared/mapping/schema';
import { CORE_TARGET_FIELDS } from '../../../../shared/scim/fields';
import { useApp, useT } from '../store/context';
import { useLivePreview } from '../hooks';
import { PreviewTable } from './MappingPage';
import { deactivationPreview, groupPreview, loginCollisions, mappedUsers } from '../logic/derive';
import { formatDate } from '../logic/format';
import { formatIssue, type Lang } from '../i18n';
import { mostCommonEmailDomain } from '../../../../shared/project/propose';

type GroupRuleInput = NonNullable<MappingFileInput['groupRules']>[number];
type LoginSchemaInput = NonNullable<MappingFileInput['loginSchema']>;

function fieldOptions(mapping: MappingFileInput, lang: Lang): { path: string; label: string }[] {
  return Object.keys(mapping.fields ?? {}).map((path) => ({
    path,
    label: CORE_TARGET_FIELDS.find((f) => f.path === path)?.label[lang] ?? path.split(':').pop() ?? path,
  }));
}

export function RulesPage() {
  const t = useT();
  useLivePreview();
  const s = useApp(useShallow((st) => ({ mapping: st.mapping, previewing: st.previewing, goTo: st.goTo })));
  if (!s.mapping) return <p className="empty">{t('app.noProject')}</p>;
  return (
    <section aria-labelledby="rules-heading">
      <div className="page-header">
        <h1 id="rules-heading">{t('rules.heading')}</h1>
        {s.previewing ? <span className="hint">{t('rules.previewing')}</span> : null}
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => s.goTo('plan')}>
          {t('step.plan')} →
        </button>
      </div>
      <DeactivationCard />
      <GroupRulesCard />
      <LoginSchemaCard />
      <PreviewTable />
    </section>
  );
}

function DeactivationCard() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      deactivation: st.mapping?.deactivation,
      preview: st.preview,
      lang: st.lang,
      updateMapping: st.updateMapping,
    })),
  );
  const p = useMemo(() => deactivationPreview(s.preview?.outcomes ?? []), [s.preview]);
  const set = (patch: { endDate?: string; inactiveWhen?: string }) =>
    s.updateMapping((m) => {
      const next = { ...(m.deactivation ?? {}), ...patch };
      if (!next.endDate) delete next.endDate;
      if (!next.inactiveWhen) delete next.inactiveWhen;
      return { ...m, deactivation: next };
    });
  return (
    <div className="card" data-testid="deactivation-rule">
      <h2>{t('rules.deactivation')}</h2>
      <p className="hint" style={{ marginTop: -4, marginBottom: 10 }}>
        {t('rules.deactivationHint')}
      </p>
      <div className="grid-2">
        <label className="field">
          <span>{t('rules.endDate')}</span>
          <input
            className="input mono"
            value={s.deactivation?.endDate ?? ''}
            placeholder='ParseDate([Uitdienst], "dd-MM-yyyy")'
            onChange={(e) => set({ endDate: e.target.value })}
            data-testid="rule-end-date"
          />
        </label>
        <label className="field">
          <span>{t('rules.inactiveWhen')}</span>
          <input
            className="input mono"
            value={s.deactivation?.inactiveWhen ?? ''}
            placeholder='[Status] = "Inactief"'
            onChange={(e) => set({ inactiveWhen: e.target.value })}
            data-testid="rule-inactive-when"
          />
        </label>
      </div>
      <div className="row" style={{ marginTop: 12 }} data-testid="deactivation-preview">
        <span className="badge badge-error">{t('rules.previewDeactivate', { n: p.deactivate.length })}</span>
        <span className="badge badge-warning">{t('rules.previewLeaving', { n: p.leavingLater.length })}</span>
      </div>
      {p.deactivate.length > 0 ? (
        <p className="hint" style={{ marginTop: 6 }} data-testid="deactivation-preview-hint">
          {t('rules.previewDeactivateHint')}
        </p>
      ) : null}
      {p.deactivate.length + p.leavingLater.length > 0 ? (
        <div
          className="table-wrap"
          style={{ maxHeight: 180, marginTop: 10 }}
          role="region"
          aria-label={t('rules.deactivation')}
          tabIndex={0}
        >
          <table className="table" data-testid="deactivation-table">
            <thead>
              <tr>
                <th scope="col" style={{ width: 60 }}>
                  {t('validate.row')}
                </th>
                <th scope="col">{t('run.failure.person')}</th>
                <th scope="col">{t('plan.filterAction')}</th>
                <th scope="col">{t('rules.why')}</th>
              </tr>
            </thead>
            <tbody>
              {p.deactivate.slice(0, 100).map((d) => (
                <tr key={`d${d.row}`}>
                  <td style={{ width: 60 }}>{d.row}</td>
                  <td>{d.name}</td>
                  <td>
                    <span className="badge badge-error">{t('action.deactivate')}</span>
                  </td>
                  <td className="hint">{reasonText(d, s.lang)}</td>
                </tr>
              ))}
              {p.leavingLater.slice(0, 100).map((d) => (
                <tr key={`l${d.row}`}>
                  <td style={{ width: 60 }}>{d.row}</td>
                  <td>{d.name}</td>
                  <td>
                    <span className="badge badge-warning">
                      {t('rules.leavingOn', { date: formatDate(d.date, s.lang) })}
                    </span>
                  </td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function GroupRulesCard() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      mapping: st.mapping,
      preview: st.preview,
      lang: st.lang,
      updateMapping: st.updateMapping,
    })),
  );
  const rules = useMemo(() => s.mapping?.groupRules ?? [], [s.mapping]);
  const groups = useMemo(
    () => groupPreview(s.preview?.outcomes ?? [], [...new Set(rules.map((r) => r.group))]),
    [s.preview, rules],
  );
  const [expanded, setExpanded] = useState<string | null>(null);
  if (!s.mapping) return null;
  const options = fieldOptions(s.mapping, s.lang);
  const setRules = (next: GroupRuleInput[]) => s.updateMapping((m) => ({ ...m, groupRules: next }));
  const patch = (i: number, p: Partial<GroupRuleInput>) =>
    setRules(rules.map((r, n) => (n === i ? { ...r, ...p } : r)));
  return (
    <div className="card" data-testid="group-rules">
      <h2>{t('rules.groups')}</h2>
      <p className="hint" style={{ marginTop: -4, marginBottom: 10 }}>
        {t('rules.groupsHint')}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('rules.group')}</th>
            <th scope="col">{t('rules.field')}</th>
            <th scope="col">{t('rules.values')}</th>
            <th scope="col" style={{ width: 1 }} />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={i}>
              <td>
                <input
                  className="input"
                  aria-label={t('rules.group')}
                  value={r.group}
                  onChange={(e) => patch(i, { group: e.target.value })}
                />
              </td>
              <td>
                <select
                  className="input"
                  aria-label={t('rules.field')}
                  value={r.field}
                  onChange={(e) => patch(i, { field: e.target.value })}
                >
                  {options.some((o) => o.path === r.field) ? null : (
                    <option value={r.field}>{r.field}</option>
                  )}
                  {options.map((o) => (
                    <option key={o.path} value={o.path}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <ValuesInput label={t('rules.values')} values={r.in} onChange={(v) => patch(i, { in: v })} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => setRules(rules.filter((_, n) => n !== i))}
                >
                  {t('rules.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 10 }}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            setRules([
              ...rules,
              {
                group: '',
                field: options.find((o) => o.path === 'title')?.path ?? options[0]?.path ?? 'title',
                in: [],
              },
            ])
          }
        >
          + {t('rules.addGroup')}
        </button>
      </div>
      {groups.length > 0 ? (
        <div className="row" style={{ marginTop: 12 }} data-testid="group-preview">
          {groups.map((g) => (
            <button
              key={g.group}
              type="button"
              className="btn btn-small"
              aria-expanded={expanded === g.group}
              onClick={() => setExpanded(expanded === g.group ? null : g.group)}
            >
              <strong>{g.group || '—'}</strong>
              <span className="badge badge-accent">{t('rules.members', { n: g.members.length })}</span>
            </button>
          ))}
        </div>
      ) : null}
      {expanded ? (
        <p className="hint" style={{ marginTop: 8 }}>
          {groups
            .find((g) => g.group === expanded)
            ?.members.slice(0, 60)
            .map((m) => m.name)
            .join(', ')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A comma-separated list edited as text: the text is the user's until they leave the box, so typing "ICT, "
 * does not eat the comma; the rule gets the parsed list on every keystroke.
 */
function ValuesInput({
  label,
  values,
  onChange,
}: {
  label: string;
  values: string[];
  onChange(v: string[]): void;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      className="input"
      aria-label={label}
      value={text ?? values.join(', ')}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        );
      }}
      onBlur={() => setText(null)}
    />
  );
}

function LoginSchemaCard() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      mapping: st.mapping,
      preview: st.preview,
      lang: st.lang,
      records: st.sample?.records,
      updateMapping: st.updateMapping,
    })),
  );
  const schema = s.mapping?.loginSchema;
  // A new login schema uses the domain most work e-mail addresses in the source already have.
  const domain = useMemo(
    () => (s.mapping && s.records ? mostCommonEmailDomain(s.mapping, s.records) : null),
    [s.mapping, s.records],
  );
  const collisions = useMemo(() => loginCollisions(s.preview?.issues ?? []), [s.preview]);
  const example = useMemo(() => {
    const target = schema?.target ?? 'userName';
    const u = mappedUsers(s.preview?.outcomes ?? []).find((x) => typeof x.attributes[target] === 'string');
    return u ? String(u.attributes[target]) : null;
  }, [s.preview, schema]);
  if (!s.mapping) return null;
  const options = fieldOptions(s.mapping, s.lang);
  const set = (next: LoginSchemaInput | undefined) =>
    s.updateMapping((m) => {
      const copy = { ...m };
      if (next) copy.loginSchema = next;
      else delete copy.loginSchema;
      return copy;
    });
  const given =
    options.find((o) => o.path === 'name.givenName')?.path ?? options[0]?.path ?? 'name.givenName';
  const family = options.find((o) => o.path === 'name.familyName')?.path ?? given;
  const end = schema?.end ?? 'none';
  return (
    <div className="card" data-testid="login-schema">
      <div className="row" style={{ marginBottom: 10 }}>
        <h2 style={{ margin: 0 }}>{t('rules.login')}</h2>
        <label className="row" style={{ marginLeft: 'auto' }}>
          <input
            type="checkbox"
            checked={schema !== undefined}
            onChange={(e) =>
              set(
                e.target.checked
                  ? {
                      begin: { field: given, part: 'firstLetter' },
                      separator: '.',
                      end: { field: family, part: 'full' },
                      domain: domain ?? 'example.nl',
                      transliteration: 'strip',
                    }
                  : undefined,
              )
            }
          />
          {t('rules.loginEnabled')}
        </label>
      </div>
      {schema ? (
        <>
          <div className="grid-3">
            <div className="field">
              <span>{t('rules.begin')}</span>
              <div className="row" style={{ flexWrap: 'nowrap' }}>
                <select
                  className="input"
                  aria-label={`${t('rules.begin')} ${t('rules.field')}`}
                  value={schema.begin.field}
                  onChange={(e) => set({ ...schema, begin: { ...schema.begin, field: e.target.value } })}
                >
                  {options.map((o) => (
                    <option key={o.path} value={o.path}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <select
                  className="input"
                  aria-label={`${t('rules.begin')} part`}
                  value={schema.begin.part ?? 'full'}
                  onChange={(e) =>
                    set({
                      ...schema,
                      begin: { ...schema.begin, part: e.target.value as 'full' | 'firstLetter' },
                    })
                  }
                >
                  <option value="full">{t('rules.part.full')}</option>
                  <option value="firstLetter">{t('rules.part.firstLetter')}</option>
                </select>
              </div>
            </div>
            <label className="field">
              <span>{t('rules.separator')}</span>
              <select
                className="input"
                value={schema.separator ?? '.'}
                onChange={(e) =>
                  set({ ...schema, separator: e.target.value as LoginSchemaInput['separator'] })
                }
              >
                <option value="">{t('rules.none')}</option>
                <option value=".">.</option>
                <option value="_">_</option>
                <option value="-">-</option>
              </select>
            </label>
            <div className="field">
              <span>{t('rules.end')}</span>
              <div className="row" style={{ flexWrap: 'nowrap' }}>
                <select
                  className="input"
                  aria-label={`${t('rules.end')} ${t('rules.field')}`}
                  value={end === 'none' ? '' : end.field}
                  onChange={(e) =>
                    set({
                      ...schema,
                      end: e.target.value
                        ? { field: e.target.value, part: end === 'none' ? 'full' : (end.part ?? 'full') }
                        : 'none',
                    })
                  }
                >
                  <option value="">{t('rules.none')}</option>
                  {options.map((o) => (
                    <option key={o.path} value={o.path}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {end !== 'none' ? (
                  <select
                    className="input"
                    aria-label={`${t('rules.end')} part`}
                    value={end.part ?? 'full'}
                    onChange={(e) =>
                      set({ ...schema, end: { ...end, part: e.target.value as 'full' | 'firstLetter' } })
                    }
                  >
                    <option value="full">{t('rules.part.full')}</option>
                    <option value="firstLetter">{t('rules.part.firstLetter')}</option>
                  </select>
                ) : null}
              </div>
            </div>
            <label className="field">
              <span>{t('rules.domain')}</span>
              <input
                className="input mono"
                value={schema.domain}
                onChange={(e) => set({ ...schema, domain: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('rules.transliteration')}</span>
              <select
                className="input"
                value={schema.transliteration ?? 'strip'}
                onChange={(e) => set({ ...schema, transliteration: e.target.value as 'strip' | 'dach' })}
              >
                <option value="strip">{t('rules.translit.strip')}</option>
                <option value="dach">{t('rules.translit.dach')}</option>
              </select>
            </label>
            <div className="field">
              <span>&nbsp;</span>
              {example ? <span className="mono">{t('rules.example', { login: example })}</span> : null}
            </div>
          </div>
          <div style={{ marginTop: 12 }} data-testid="login-collisions">
            {collisions.length === 0 ? (
              <span className="badge badge-ok">{t('rules.noCollisions')}</span>
            ) : (
              <>
                <span className="badge badge-warning">{t('rules.collisions', { n: collisions.length })}</span>
                {/* A list that scrolls: a keyboard user can reach it and scroll it too. */}
                <div
                  className="hint collision-list"
                  role="region"
                  aria-label={t('rules.collisions', { n: collisions.length })}
                  tabIndex={0}
                >
                  <ul>
                    {collisions.slice(0, 20).map((c, i) => (
                      <li key={i}>
                        {c.row !== undefined ? `${c.row}: ` : ''}
                        {formatIssue(c, s.lang)}
                      </li>
                    ))}
                  </ul>
                </div>
              </>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
