import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DELIMITERS, ENCODINGS, type MappingFileInput } from '../../../../shared/mapping/schema';
import type { SourceAttribute } from '../../../../shared/source/types';
import type { MappingProblem } from '../../../../shared/mapping/load';
import { useApp, useT, type Translate } from '../store/context';
import { FillBar } from '../components/FillBar';
import { SeverityBadge } from '../components/SeverityBadge';
import { ProjectSetup } from '../components/ProjectSetup';
import { ApiSourcePanel, isApiSourceInput } from '../components/ApiSourcePanel';
import { describeProblem } from '../logic/problems';
import { formatIssue, type Lang, type MessageKey } from '../i18n';
import { wordDetail } from '../store/helpers';
import { delimiterReason, encodingReason } from '../logic/source';
import { sourceRowCounts } from '../logic/counts';
import { SecretField } from '../components/SecretField';

type CsvInput = Extract<MappingFileInput['source'], { kind: 'csv' }>;
type LdapInput = Extract<MappingFileInput['source'], { kind: 'ldap' }>;

const DELIMITER_NAMES: Record<string, MessageKey> = {
  ';': 'source.semicolon',
  ',': 'source.comma',
  '|': 'source.pipe',
  '\t': 'source.tab',
};

function delimiterLabel(d: string, t: Translate): string {
  const key = DELIMITER_NAMES[d];
  return key ? t(key) : d;
}

/** One empty list for every render: a fresh [] from a selector would re-render forever. */
const NO_PROBLEMS: readonly MappingProblem[] = [];

export function SourcePage() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      source: st.mapping?.source,
      // A new project is incomplete by nature (no key yet); problems matter for a file that was opened.
      problems: st.project?.path ? st.project.problems : NO_PROBLEMS,
      sample: st.sample,
      task: st.task,
      lang: st.lang,
      takeSample: st.takeSample,
      goTo: st.goTo,
    })),
  );
  if (!s.source) return <p className="empty">{t('app.noProject')}</p>;
  const rowCounts = s.sample ? sourceRowCounts(s.sample) : null;
  return (
    <section aria-labelledby="source-heading">
      <div className="page-header">
        <h1 id="source-heading">{t('source.heading')}</h1>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void s.takeSample()}
          disabled={s.task !== null}
          data-testid="take-sample"
        >
          {t('source.sample')}
        </button>
        <button type="button" className="btn" onClick={() => s.goTo('mapping')} disabled={!s.sample}>
          {t('step.mapping')} →
        </button>
      </div>
      {s.problems.length > 0 ? (
        <div className="alert alert-warning" style={{ marginBottom: 12 }} role="alert">
          <strong>{t('source.mappingProblems')}</strong>
          <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
            {s.problems.map((p, i) => (
              <li key={i}>{describeProblem(p, s.lang)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ProjectSetup />
      {s.source.kind === 'csv' ? (
        <CsvOptions source={s.source} />
      ) : s.source.kind === 'ldap' ? (
        <LdapForm source={s.source} />
      ) : isApiSourceInput(s.source) ? (
        <ApiSourcePanel source={s.source} />
      ) : null}
      <div className="card">
        <div className="row" style={{ marginBottom: 8 }}>
          <h2 style={{ margin: 0 }}>{t('source.attributes')}</h2>
          {rowCounts ? (
            <span className="badge" data-testid="source-rows">
              {t('source.rows', { n: rowCounts.rows })}
            </span>
          ) : null}
        </div>
        {rowCounts && rowCounts.unreadable > 0 ? (
          <p className="alert alert-warning row" data-testid="source-unreadable">
            {t('source.unreadable', { n: rowCounts.unreadable })}
            <button type="button" className="link-button" onClick={() => s.goTo('validate')}>
              {t('step.validate')} →
            </button>
          </p>
        ) : null}
        {s.sample ? (
          <AttributeTable attributes={s.sample.attributes} lang={s.lang} />
        ) : (
          <p className="hint">{t('source.noSample')}</p>
        )}
      </div>
      {s.sample ? (
        <div className="card">
          <h2>{t('source.fileIssues')}</h2>
          {s.sample.issues.filter((i) => i.row === undefined).length === 0 ? (
            <p className="hint">{t('source.noFileIssues')}</p>
          ) : (
            <ul className="stack" style={{ margin: 0, paddingLeft: 18 }}>
              {s.sample.issues
                .filter((i) => i.row === undefined)
                .map((i, n) => (
                  <li key={n}>
                    <SeverityBadge severity={i.severity} /> <code>{i.code}</code> {formatIssue(i, s.lang)}
                  </li>
                ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}

function AttributeTable({ attributes, lang }: { attributes: SourceAttribute[]; lang: Lang }) {
  const t = useT();
  return (
    <div
      className="table-wrap"
      style={{ maxHeight: 420 }}
      role="region"
      aria-label={t('source.attributes')}
      tabIndex={0}
    >
      <table className="table" data-testid="attribute-table">
        <thead>
          <tr>
            <th scope="col">{t('source.attribute')}</th>
            <th scope="col" style={{ width: 150 }}>
              {t('source.fillRate')}
            </th>
            <th scope="col">{t('source.examples')}</th>
          </tr>
        </thead>
        <tbody>
          {attributes.map((a) => (
            <tr key={a.name}>
              <th scope="row" style={{ fontWeight: 600, background: 'none', position: 'static' }}>
                {a.name}
                {a.multiValued ? <span className="badge badge-accent"> {t('source.multi')}</span> : null}
              </th>
              <td>
                <FillBar rate={a.fillRate} lang={lang} />
              </td>
              <td className="mono">
                {a.binary ? <em>{t('source.binary')}</em> : a.examples.slice(0, 3).join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CsvOptions({ source }: { source: CsvInput }) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({ sample: st.sample, updateMapping: st.updateMapping, takeSample: st.takeSample })),
  );
  const set = (patch: Partial<CsvInput>) => {
    s.updateMapping((m) => (m.source?.kind === 'csv' ? { ...m, source: { ...m.source, ...patch } } : m));
    void s.takeSample();
  };
  return (
    <div className="card">
      <h2>{t('source.csvOptions')}</h2>
      <div className="grid-3">
        <div className="field">
          <span>{t('source.path')}</span>
          <span className="mono" style={{ wordBreak: 'break-all' }}>
            {s.sample?.csvPath ?? source.path ?? '—'}
          </span>
        </div>
        <label className="field">
          <span>{t('source.encoding')}</span>
          <select
            className="input"
            value={source.encoding ?? 'auto'}
            onChange={(e) => set({ encoding: e.target.value as CsvInput['encoding'] })}
          >
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc === 'auto' ? t('source.auto') : enc}
              </option>
            ))}
          </select>
          {s.sample?.encoding ? (
            <span className="hint" data-testid="detected-encoding">
              {t('source.detected', { value: s.sample.encoding })} —{' '}
              {t('source.because', { reason: t(encodingReason(source.encoding, s.sample.encoding)) })}
            </span>
          ) : null}
        </label>
        <label className="field">
          <span>{t('source.delimiter')}</span>
          <select
            className="input"
            value={source.delimiter ?? 'auto'}
            onChange={(e) => set({ delimiter: e.target.value as CsvInput['delimiter'] })}
          >
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {d === 'auto' ? t('source.auto') : delimiterLabel(d, t)}
              </option>
            ))}
          </select>
          {s.sample?.delimiter ? (
            <span className="hint" data-testid="detected-delimiter">
              {t('source.detected', { value: delimiterLabel(s.sample.delimiter, t) })} —{' '}
              {t('source.because', { reason: t(delimiterReason(source.delimiter)) })}
            </span>
          ) : null}
        </label>
      </div>
    </div>
  );
}

function LdapForm({ source }: { source: LdapInput }) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      certificate: st.certificate,
      secretsPresent: st.secretsPresent,
      updateMapping: st.updateMapping,
      inspectCertificate: st.inspectCertificate,
      connectionTest: st.connectionTest,
      testConnection: st.testConnection,
      task: st.task,
      checkSecret: st.checkSecret,
      pinCertificate: st.pinCertificate,
      storeSecret: st.storeSecret,
      lang: st.lang,
    })),
  );
  const [password, setPassword] = useState('');
  const { checkSecret } = s;
  // The password belongs to this directory, TLS mode and bind DN together (endpoint-bound secrets).
  const endpoint = { url: source.url, startTls: source.startTls ?? true, bindDn: source.bindDn };
  useEffect(() => {
    if (source.bindDn)
      void checkSecret('ldap-bind-password', {
        url: source.url,
        startTls: source.startTls ?? true,
        bindDn: source.bindDn,
      });
  }, [checkSecret, source.url, source.startTls, source.bindDn]);
  const set = (patch: Partial<LdapInput>) =>
    s.updateMapping((m) => (m.source?.kind === 'ldap' ? { ...m, source: { ...m.source, ...patch } } : m));
  const cert = s.certificate;
  return (
    <div className="card">
      <h2>{t('source.ldap')}</h2>
      <div className="grid-2">
        <label className="field">
          <span>{t('source.url')}</span>
          <input className="input mono" value={source.url} onChange={(e) => set({ url: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('source.bindDn')}</span>
          <input
            className="input mono"
            value={source.bindDn}
            onChange={(e) => set({ bindDn: e.target.value })}
          />
        </label>
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            if (!password) return;
            void s.storeSecret('ldap-bind-password', password, endpoint).then(() => setPassword(''));
          }}
        >
          <SecretField label={t('source.password')} value={password} onChange={setPassword} />
          <div className="row">
            <button type="submit" className="btn btn-small" disabled={!password}>
              {t('source.storePassword')}
            </button>
            <span className="hint">
              {s.secretsPresent['ldap-bind-password'] ? t('source.passwordStored') : t('source.passwordHint')}
            </span>
          </div>
        </form>
        <label className="field">
          <span>{t('source.baseDn')}</span>
          <input
            className="input mono"
            value={source.baseDn}
            onChange={(e) => set({ baseDn: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('source.flavor')}</span>
          <select
            className="input"
            value={source.flavor ?? 'ad'}
            onChange={(e) => set({ flavor: e.target.value as 'ad' | 'openldap' })}
          >
            <option value="ad">Active Directory</option>
            <option value="openldap">OpenLDAP</option>
          </select>
        </label>
        <label className="field">
          <span>{t('source.filter')}</span>
          <input
            className="input mono"
            value={source.filter ?? ''}
            placeholder={
              source.flavor === 'openldap'
                ? '(objectClass=inetOrgPerson)'
                : '(&(objectCategory=person)(objectClass=user))'
            }
            onChange={(e) => set({ filter: e.target.value || undefined })}
          />
        </label>
        <label className="field">
          <span>{t('source.caFile')}</span>
          <input
            className="input mono"
            value={source.caFile ?? ''}
            onChange={(e) => set({ caFile: e.target.value || undefined })}
          />
        </label>
      </div>
      <div className="row" style={{ marginTop: 12 }}>
        <button type="button" className="btn" onClick={() => void s.inspectCertificate(source.url)}>
          {t('source.checkCert')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void s.testConnection()}
          disabled={s.task !== null}
        >
          {t('source.testConnection')}
        </button>
        {s.connectionTest ? (
          <span
            className={s.connectionTest.ok ? 'badge badge-ok' : 'badge badge-error'}
            role="status"
            data-testid="connection-test"
          >
            {wordDetail(s.connectionTest.detail, s.lang) ?? s.connectionTest.message}
          </span>
        ) : null}
        {source.pinnedFingerprint ? (
          <span className="badge badge-ok mono">
            {t('source.cert.pinned', { fingerprint: source.pinnedFingerprint })}
          </span>
        ) : null}
      </div>
      {cert ? (
        <div className="card" style={{ marginTop: 12 }} data-testid="certificate">
          <h3>{t('source.cert')}</h3>
          <dl className="source-row">
            <dt>{t('source.cert.subject')}</dt>
            <dd className="mono">{cert.subject}</dd>
            <dt>{t('source.cert.issuer')}</dt>
            <dd className="mono">{cert.issuer}</dd>
            <dt>{t('source.cert.validity')}</dt>
            <dd>
              {cert.validFrom} – {cert.validTo}
            </dd>
            <dt>{t('source.cert.fingerprint')}</dt>
            <dd className="mono">{cert.fingerprint256}</dd>
          </dl>
          {!cert.trusted ? (
            <p className="alert alert-warning">
              {t('start.ldapCertUntrusted')}
              {cert.trustError ? (
                <span className="mono hint" style={{ display: 'block' }}>
                  {cert.trustError}
                </span>
              ) : null}
            </p>
          ) : null}
          <button
            type="button"
            className="btn btn-primary"
            onClick={s.pinCertificate}
            disabled={source.pinnedFingerprint === cert.fingerprint256}
          >
            {t('source.cert.pin')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
