import { useState } from 'react';
import type { RequestInput } from '../../../shared/api/contract';
import { useT } from './store/context';

type NewSource = RequestInput<'project:new'>['source'];
type Kind = 'personio' | 'afas' | 'rest';

/** The source block and where its secret belongs, from the form; null while something required is missing. */
export function hrAppSource(form: {
  kind: Kind;
  url: string;
  clientId: string;
  connector: string;
  recordsPath: string;
}): { source: NewSource; secretName: 'source-client-secret' | 'source-token'; endpointUrl: string } | null {
  const url = form.url.trim();
  if (form.kind === 'personio') {
    if (!form.clientId.trim()) return null;
    const baseUrl = url || 'https://api.personio.de';
    return {
      source: { kind: 'personio', baseUrl, clientId: form.clientId.trim() },
      secretName: 'source-client-secret',
      endpointUrl: baseUrl,
    };
  }
  if (!/^https?:\/\//i.test(url)) return null;
  if (form.kind === 'afas') {
    if (!form.connector.trim()) return null;
    return {
      source: { kind: 'afas', baseUrl: url, connector: form.connector.trim(), orderBy: 'Medewerker' },
      secretName: 'source-token',
      endpointUrl: url,
    };
  }
  return {
    source: {
      kind: 'rest',
      url,
      auth: { kind: 'bearer' },
      recordsPath: form.recordsPath.trim(),
      paging: { style: 'none' },
    },
    secretName: 'source-client-secret',
    endpointUrl: url,
  };
}

/**
 * Start: "New project from an HR application" (Personio / AFAS / another REST API). The secret is stored first,
 * bound to the address it is sent to, then the project is created; the Source step reads a sample.
 */
export function HrAppStart({
  disabled,
  onCreate,
  storeSecret,
}: {
  disabled: boolean;
  onCreate(name: string, source: NewSource): void;
  storeSecret(
    name: 'source-client-secret' | 'source-token',
    value: string,
    endpoint: { url: string },
  ): Promise<void>;
}) {
  const t = useT();
  const [kind, setKind] = useState<Kind>('personio');
  const [url, setUrl] = useState('');
  const [clientId, setClientId] = useState('');
  const [connector, setConnector] = useState('');
  const [recordsPath, setRecordsPath] = useState('data');
  const [secret, setSecret] = useState('');
  const built = hrAppSource({ kind, url, clientId, connector, recordsPath });
  const valid = built !== null && secret.trim() !== '';
  const secretLabel =
    kind === 'afas'
      ? t('start.hrAppToken')
      : kind === 'rest'
        ? t('start.hrAppApiToken')
        : t('start.hrAppSecret');
  return (
    <form
      className="card choice"
      data-testid="hr-app-start"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!built || !valid) return;
        await storeSecret(built.secretName, secret, { url: built.endpointUrl });
        setSecret('');
        onCreate(
          kind === 'personio' ? 'Personio' : kind === 'afas' ? `AFAS ${connector.trim()}` : 'HR API',
          built.source,
        );
      }}
    >
      <h2>{t('start.hrApp')}</h2>
      <p>{t('start.hrAppHint')}</p>
      <div className="grid-2" style={{ gap: 8 }}>
        <label className="field">
          <span>{t('start.hrAppKind')}</span>
          <select
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
            data-testid="hr-app-kind"
          >
            <option value="personio">Personio</option>
            <option value="afas">AFAS Profit</option>
            <option value="rest">{t('start.hrAppOther')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('start.hrAppUrl')}</span>
          <input
            className="input mono"
            value={url}
            placeholder={
              kind === 'personio'
                ? 'https://api.personio.de'
                : kind === 'afas'
                  ? 'https://12345.rest.afas.online/ProfitRestServices'
                  : 'https://api.example.nl/v1/employees'
            }
            onChange={(e) => setUrl(e.target.value)}
            data-testid="hr-app-url"
          />
        </label>
        {kind === 'personio' ? (
          <label className="field">
            <span>{t('start.hrAppClientId')}</span>
            <input
              className="input mono"
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              data-testid="hr-app-client-id"
            />
          </label>
        ) : kind === 'afas' ? (
          <label className="field">
            <span>{t('start.hrAppConnector')}</span>
            <input
              className="input mono"
              value={connector}
              placeholder="Plek_Medewerkers"
              onChange={(e) => setConnector(e.target.value)}
              data-testid="hr-app-connector"
            />
          </label>
        ) : (
          <label className="field">
            <span>{t('start.hrAppRecordsPath')}</span>
            <input
              className="input mono"
              value={recordsPath}
              onChange={(e) => setRecordsPath(e.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span>{secretLabel}</span>
          <input
            className="input mono"
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            data-testid="hr-app-secret"
          />
        </label>
      </div>
      <p className="hint">{t('start.hrAppSecretNote')}</p>
      <div>
        <button type="submit" className="btn" disabled={disabled || !valid} data-testid="hr-app-create">
          {t('start.hrApp')}
        </button>
      </div>
    </form>
  );
}
