import { useState } from 'react';
import type { RequestInput } from '../../../shared/api/contract';
import { mappingSourceSchema } from '../../../shared/mapping/schema';
import { useT } from './store/context';
import { SecretField } from './components/SecretField';

type NewSource = RequestInput<'project:new'>['source'];
type Kind = 'personio' | 'afas' | 'rest';
export type RestAuthKind = 'oauth2' | 'bearer' | 'apiKey' | 'none';
export type RestPagingStyle = 'none' | 'offset' | 'page' | 'cursor' | 'nextLink';

export const REST_AUTH_KINDS: readonly RestAuthKind[] = ['oauth2', 'bearer', 'apiKey', 'none'];
export const REST_PAGING_STYLES: readonly RestPagingStyle[] = [
  'none',
  'offset',
  'page',
  'cursor',
  'nextLink',
];

/** What the consultant typed; the REST fields match `plek-sync init --source rest`'s flags one for one. */
export interface HrAppForm {
  kind: Kind;
  url: string;
  /** Personio, and REST with OAuth2 (`--source-client-id`). */
  clientId: string;
  connector: string;
  recordsPath: string;
  auth?: RestAuthKind;
  tokenUrl?: string;
  scope?: string;
  /** `--api-key-header` (default X-Api-Key, as the CLI). */
  keyHeader?: string;
  paging?: RestPagingStyle;
  pageSize?: string;
  cursorPath?: string;
  cursorParam?: string;
  nextPath?: string;
  totalPath?: string;
}

export interface HrAppSource {
  source: NewSource;
  /** The secret this source needs (none for an open REST API). */
  secretName: 'source-client-secret' | 'source-token' | null;
  /** Where the secret is sent, so it is stored for that endpoint only: the token URL for OAuth2, else the API. */
  endpointUrl: string;
}

/** The REST source block, built the way `init --source rest` builds it from the same settings. */
function restSource(form: HrAppForm, url: string): HrAppSource | null {
  const auth = form.auth ?? 'bearer';
  const tokenUrl = form.tokenUrl?.trim() ?? '';
  const clientId = form.clientId.trim();
  if (auth === 'oauth2' && (!tokenUrl || !clientId)) return null;
  const style = form.paging ?? 'none';
  const size = Number(form.pageSize?.trim() || NaN);
  const pageSize = Number.isInteger(size) && size > 0 ? { pageSize: size } : {};
  const cursorPath = form.cursorPath?.trim() ?? '';
  const nextPath = form.nextPath?.trim() ?? '';
  if (style === 'cursor' && !cursorPath) return null;
  if (style === 'nextLink' && !nextPath) return null;
  const scope = form.scope?.trim();
  const cursorParam = form.cursorParam?.trim();
  const totalPath = form.totalPath?.trim();
  return {
    source: {
      kind: 'rest',
      url,
      auth:
        auth === 'oauth2'
          ? { kind: 'oauth2', tokenUrl, clientId, ...(scope ? { scope } : {}) }
          : auth === 'apiKey'
            ? { kind: 'apiKey', header: form.keyHeader?.trim() || 'X-Api-Key' }
            : { kind: auth },
      recordsPath: form.recordsPath.trim(),
      paging:
        style === 'cursor'
          ? { style, cursorPath, ...(cursorParam ? { cursorParam } : {}), ...pageSize }
          : style === 'nextLink'
            ? { style, nextPath }
            : style === 'offset' || style === 'page'
              ? { style, ...pageSize }
              : { style },
      ...(totalPath ? { totalPath } : {}),
    },
    secretName: auth === 'none' ? null : 'source-client-secret',
    endpointUrl: auth === 'oauth2' ? tokenUrl : url,
  };
}

/** The source block and where its secret belongs, from the form; null while something required is missing. */
export function hrAppSource(form: HrAppForm): HrAppSource | null {
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
  return restSource(form, url);
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
  const [form, setForm] = useState<HrAppForm>({
    kind: 'personio',
    url: '',
    clientId: '',
    connector: '',
    recordsPath: 'data',
    auth: 'bearer',
    tokenUrl: '',
    scope: '',
    keyHeader: 'X-Api-Key',
    paging: 'none',
    pageSize: '',
    cursorPath: '',
    cursorParam: '',
    nextPath: '',
    totalPath: '',
  });
  const [secret, setSecret] = useState('');
  const set = (patch: Partial<HrAppForm>) => setForm((f) => ({ ...f, ...patch }));
  const { kind } = form;
  const built = hrAppSource(form);
  // The schema is the judge (https only, paths, header names): the same rule as the CLI and the mapping file.
  const schemaOk = built !== null && mappingSourceSchema.safeParse(built.source).success;
  const valid = schemaOk && (built.secretName === null || secret.trim() !== '');
  const secretLabel =
    kind === 'afas'
      ? t('start.hrAppToken')
      : kind === 'personio' || form.auth === 'oauth2'
        ? t('start.hrAppSecret')
        : form.auth === 'apiKey'
          ? t('start.hrAppApiKey')
          : t('start.hrAppApiToken');
  const text = (
    key: keyof HrAppForm,
    label: string,
    options: { placeholder?: string; testId?: string } = {},
  ) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <input
        className="input mono"
        value={String(form[key] ?? '')}
        placeholder={options.placeholder}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={options.testId ?? `hr-app-${key}`}
      />
    </label>
  );
  /** A drop-down over `values`, each option worded by `word`. */
  const choice = <V extends string>(
    key: 'auth' | 'paging',
    label: string,
    values: readonly V[],
    word: (value: V) => string,
  ) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <select
        className="input"
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value } as Partial<HrAppForm>)}
        data-testid={`hr-app-${key}`}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {word(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="card choice"
      data-testid="hr-app-start"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!built || !valid) return;
        if (built.secretName) await storeSecret(built.secretName, secret, { url: built.endpointUrl });
        setSecret('');
        onCreate(
          kind === 'personio' ? 'Personio' : kind === 'afas' ? `AFAS ${form.connector.trim()}` : 'HR API',
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
            onChange={(e) => set({ kind: e.target.value as Kind })}
            data-testid="hr-app-kind"
          >
            <option value="personio">Personio</option>
            <option value="afas">AFAS Profit</option>
            <option value="rest">{t('start.hrAppOther')}</option>
          </select>
        </label>
        {text('url', t('start.hrAppUrl'), {
          placeholder:
            kind === 'personio'
              ? 'https://api.personio.de'
              : kind === 'afas'
                ? 'https://12345.rest.afas.online/ProfitRestServices'
                : 'https://api.example.nl/v1/employees',
          testId: 'hr-app-url',
        })}
        {kind === 'personio'
          ? text('clientId', t('start.hrAppClientId'), { testId: 'hr-app-client-id' })
          : null}
        {kind === 'afas'
          ? text('connector', t('start.hrAppConnector'), {
              placeholder: 'Plek_Medewerkers',
              testId: 'hr-app-connector',
            })
          : null}
        {kind === 'rest' ? (
          <>
            {text('recordsPath', t('start.hrAppRecordsPath'))}
            {choice('auth', t('start.hrAppAuth'), REST_AUTH_KINDS, (k) => t(`start.hrAppAuth.${k}`))}
            {form.auth === 'oauth2' ? (
              <>
                {text('tokenUrl', t('start.hrAppTokenUrl'), {
                  placeholder: 'https://api.example.nl/oauth/token',
                })}
                {text('clientId', t('start.hrAppClientId'), { testId: 'hr-app-client-id' })}
                {text('scope', t('start.hrAppScope'))}
              </>
            ) : null}
            {form.auth === 'apiKey' ? text('keyHeader', t('start.hrAppKeyHeader')) : null}
            {choice('paging', t('start.hrAppPaging'), REST_PAGING_STYLES, (p) => t(`start.hrAppPaging.${p}`))}
            {form.paging === 'offset' || form.paging === 'page' || form.paging === 'cursor'
              ? text('pageSize', t('start.hrAppPageSize'), { placeholder: '100' })
              : null}
            {form.paging === 'cursor' ? (
              <>
                {text('cursorPath', t('start.hrAppCursorPath'), { placeholder: 'meta.next_cursor' })}
                {text('cursorParam', t('start.hrAppCursorParam'), { placeholder: 'cursor' })}
              </>
            ) : null}
            {form.paging === 'nextLink'
              ? text('nextPath', t('start.hrAppNextPath'), { placeholder: 'links.next' })
              : null}
            {text('totalPath', t('start.hrAppTotalPath'), { placeholder: 'meta.total' })}
          </>
        ) : null}
        {built?.secretName !== null ? (
          <SecretField label={secretLabel} value={secret} onChange={setSecret} testId="hr-app-secret" mono />
        ) : null}
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
