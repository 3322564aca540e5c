import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CertificateInfo, RequestInput } from '../../../../shared/api/contract';
import { useApp, useT } from '../store/context';
import { SecretField } from './SecretField';

type LdapStartSource = Extract<RequestInput<'project:new'>['source'], { kind: 'ldap' }>;
type Flavor = 'ad' | 'openldap';

/** The directory source from the form; null while something required is missing or the URL is not ldap(s)://host. */
export function directorySource(form: {
  url: string;
  flavor: Flavor;
  bindDn: string;
  baseDn: string;
}): LdapStartSource | null {
  const url = form.url.trim();
  if (!/^ldaps?:\/\/[^\s/:]+(?::\d+)?\/?$/i.test(url)) return null;
  if (form.bindDn.trim() === '' || form.baseDn.trim() === '') return null;
  return {
    kind: 'ldap',
    url,
    flavor: form.flavor,
    // ldap:// always upgrades with StartTLS: a bind password never crosses the network in the clear from here.
    startTls: true,
    bindDn: form.bindDn.trim(),
    baseDn: form.baseDn.trim(),
  };
}

/** "ldaps://dc1.corp.example:636" + "OU=Medewerkers,DC=corp" → "Medewerkers (dc1.corp.example)". */
export function directoryProjectName(url: string, baseDn: string): string {
  const host = url.replace(/^ldaps?:\/\//i, '').replace(/[:/].*$/, '');
  const first = /^\s*\w+\s*=\s*((?:\\.|[^,\\])+)/.exec(baseDn)?.[1]?.trim();
  return first ? `${first} (${host})` : host;
}

/**
 * Start: "New project from a directory" (Active Directory or OpenLDAP). The certificate is shown before anything
 * is sent: when no CA on this computer vouches for it, the consultant compares the fingerprint and trusts exactly
 * that certificate (it is pinned in the mapping). The bind password goes to the secret store for this endpoint,
 * then the project is created and sampled, and the first mapping comes from the same proposal as `plek-sync init`.
 */
export function DirectoryStart({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      inspectCertificate: st.inspectCertificate,
      storeSecret: st.storeSecret,
      newProject: st.newProject,
    })),
  );
  const [url, setUrl] = useState('ldaps://');
  const [flavor, setFlavor] = useState<Flavor>('ad');
  const [bindDn, setBindDn] = useState('');
  const [baseDn, setBaseDn] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  /** The certificate waiting for the consultant's decision. */
  const [untrusted, setUntrusted] = useState<CertificateInfo | null>(null);
  const source = directorySource({ url, flavor, bindDn, baseDn });

  const create = async (from: LdapStartSource, pinnedFingerprint?: string) => {
    const chosen = pinnedFingerprint ? { ...from, pinnedFingerprint } : from;
    if (password !== '') {
      await s.storeSecret('ldap-bind-password', password, {
        url: chosen.url,
        startTls: chosen.startTls ?? true,
        bindDn: chosen.bindDn,
      });
      setPassword('');
    }
    setUntrusted(null);
    await s.newProject(directoryProjectName(chosen.url, chosen.baseDn), chosen);
  };

  const connect = async () => {
    if (!source) return;
    setBusy(true);
    try {
      const cert = await s.inspectCertificate(source.url);
      // No answer (refused, timeout): the error banner says why; nothing is created.
      if (!cert) return;
      if (cert.trusted) await create(source);
      else setUntrusted(cert);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card choice"
      data-testid="directory-start"
      onSubmit={(e) => {
        e.preventDefault();
        void connect();
      }}
    >
      <h2>{t('start.ldap')}</h2>
      <p>{t('start.ldapHint')}</p>
      <div className="grid-2" style={{ gap: 8 }}>
        <label className="field">
          <span>{t('source.url')}</span>
          <input
            className="input mono"
            value={url}
            data-testid="directory-url"
            onChange={(e) => {
              setUrl(e.target.value);
              setUntrusted(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t('source.flavor')}</span>
          <select
            className="input"
            value={flavor}
            onChange={(e) => setFlavor(e.target.value as Flavor)}
            data-testid="directory-flavor"
          >
            <option value="ad">Active Directory</option>
            <option value="openldap">OpenLDAP</option>
          </select>
        </label>
        <label className="field">
          <span>{t('source.bindDn')}</span>
          <input
            className="input mono"
            value={bindDn}
            data-testid="directory-bind-dn"
            placeholder={flavor === 'ad' ? 'consultant@corp.example' : 'cn=plek-lezer,ou=Services,dc=corp'}
            onChange={(e) => setBindDn(e.target.value)}
          />
        </label>
        <SecretField
          label={t('source.password')}
          value={password}
          onChange={setPassword}
          testId="directory-password"
        />
        <label className="field" style={{ gridColumn: '1 / -1' }}>
          <span>{t('source.baseDn')}</span>
          <input
            className="input mono"
            value={baseDn}
            data-testid="directory-base-dn"
            placeholder={
              flavor === 'ad' ? 'OU=Medewerkers,DC=corp,DC=example' : 'ou=Medewerkers,dc=corp,dc=example'
            }
            onChange={(e) => setBaseDn(e.target.value)}
          />
        </label>
      </div>
      <p className="hint">{t('source.passwordHint')}</p>
      {untrusted && source ? (
        <div className="alert alert-warning" role="alert" data-testid="directory-certificate">
          <strong>{t('start.ldapCertHeading')}</strong>
          <p style={{ margin: '6px 0' }}>{t('start.ldapCertUntrusted')}</p>
          <dl className="source-row">
            <dt>{t('source.cert.subject')}</dt>
            <dd className="mono">{untrusted.subject}</dd>
            <dt>{t('source.cert.issuer')}</dt>
            <dd className="mono">{untrusted.issuer}</dd>
            <dt>{t('source.cert.fingerprint')}</dt>
            <dd className="mono" style={{ wordBreak: 'break-all' }}>
              {untrusted.fingerprint256}
            </dd>
          </dl>
          <div className="row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={disabled || busy}
              onClick={() => void create(source, untrusted.fingerprint256)}
              data-testid="directory-trust"
            >
              {t('start.ldapTrust')}
            </button>
            <button type="button" className="btn" onClick={() => setUntrusted(null)}>
              {t('start.ldapNoTrust')}
            </button>
          </div>
        </div>
      ) : null}
      <div>
        <button
          type="submit"
          className="btn"
          disabled={disabled || busy || source === null || untrusted !== null}
          data-testid="directory-connect"
        >
          {busy ? t('start.ldapConnecting') : t('start.ldapCreate')}
        </button>
      </div>
    </form>
  );
}
