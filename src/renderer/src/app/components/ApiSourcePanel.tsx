import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApiReadProgress, SourceSample } from '../../../../shared/api/contract';
import {
  mappingSourceSchema,
  type ApiSource,
  type MappingFileInput,
} from '../../../../shared/mapping/schema';
import { apiSecretEndpointUrl, apiSecretName } from '../../../../shared/source/api-secret';
import { useApp, useT, type Translate } from '../store/context';
import { wordDetail } from '../store/helpers';
import { ProgressBar } from './ProgressBar';
import { SecretField } from './SecretField';

type ApiInput = Extract<MappingFileInput['source'], { kind: 'personio' | 'afas' | 'rest' }>;

/** True for the sources this panel shows: an HR application's API. */
export function isApiSourceInput(source: MappingFileInput['source'] | undefined): source is ApiInput {
  return source?.kind === 'personio' || source?.kind === 'afas' || source?.kind === 'rest';
}

/** The source with its defaults filled in (Personio's base URL…), or null while the settings are not valid. */
function parsedSource(source: ApiInput): ApiSource | null {
  const parsed = mappingSourceSchema.safeParse(source);
  if (!parsed.success) return null;
  const s = parsed.data;
  return s.kind === 'personio' || s.kind === 'afas' || s.kind === 'rest' ? s : null;
}

/** The sample table: the first columns and rows as the API gives them. */
const SAMPLE_COLUMNS = 8;
const SAMPLE_ROWS = 15;

/**
 * The Source step for an HR application's API (Personio, AFAS Profit, any REST/JSON API): where it reads, the
 * secret (stored for this address only), Test connection worded in the consultant's language, a progress bar
 * while pages load (records/s, pages, ETA when the API gives a total) with a Cancel that stops the read, and the
 * first records as the API gave them.
 */
export function ApiSourcePanel({ source }: { source: ApiInput }) {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      task: st.task,
      sample: st.sample,
      lang: st.lang,
      connectionTest: st.connectionTest,
      secretsPresent: st.secretsPresent,
      testConnection: st.testConnection,
      checkSecret: st.checkSecret,
      storeSecret: st.storeSecret,
      cancelTask: st.cancelTask,
    })),
  );
  const [secret, setSecret] = useState('');
  const parsed = parsedSource(source);
  const secretName = parsed ? apiSecretName(parsed) : null;
  const endpointUrl = parsed ? apiSecretEndpointUrl(parsed) : null;
  const { checkSecret } = s;
  useEffect(() => {
    if (secretName && endpointUrl) void checkSecret(secretName, { url: endpointUrl });
  }, [checkSecret, secretName, endpointUrl]);

  const reading = s.task && s.task.label === 'source.sampling' ? s.task : null;
  const tested = s.connectionTest;
  const testedText = tested ? (wordDetail(tested.detail, s.lang) ?? tested.message) : null;
  return (
    <div className="card" data-testid="api-source">
      <h2>{t('source.api.heading', { vendor: source.kind })}</h2>
      <dl className="source-row">
        <dt>{t('source.api.address')}</dt>
        <dd className="mono">{addressOf(source, parsed)}</dd>
        {source.kind === 'personio' ? (
          <>
            <dt>{t('source.api.clientId')}</dt>
            <dd className="mono">{source.clientId}</dd>
          </>
        ) : source.kind === 'afas' ? (
          <>
            <dt>{t('source.api.connector')}</dt>
            <dd className="mono">{source.connector}</dd>
          </>
        ) : (
          <>
            <dt>{t('source.api.auth')}</dt>
            <dd>{authText(source, t)}</dd>
            <dt>{t('source.api.paging')}</dt>
            <dd>{t(`start.hrAppPaging.${source.paging?.style ?? 'none'}`)}</dd>
          </>
        )}
      </dl>

      {secretName && endpointUrl ? (
        <form
          className="row"
          style={{ marginTop: 8, alignItems: 'end' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!secret) return;
            void s.storeSecret(secretName, secret, { url: endpointUrl }).then(() => setSecret(''));
          }}
        >
          <SecretField
            label={t('source.api.secret')}
            value={secret}
            onChange={setSecret}
            testId="api-secret"
            mono
            style={{ flex: 1 }}
          />
          <button type="submit" className="btn btn-small" disabled={!secret} data-testid="api-store-secret">
            {t('source.api.storeSecret')}
          </button>
          <span className="hint" data-testid="api-secret-status">
            {s.secretsPresent[secretName] ? t('source.api.secretStored') : t('source.api.secretMissing')}{' '}
            {t('source.api.secretHint')}
          </span>
        </form>
      ) : null}

      <div className="row" style={{ marginTop: 12 }}>
        <button
          type="button"
          className="btn"
          onClick={() => void s.testConnection()}
          disabled={!parsed || s.task !== null}
          data-testid="api-test-connection"
        >
          {t('source.testConnection')}
        </button>
        {tested && testedText ? (
          <span
            className={tested.ok ? 'badge badge-ok' : 'badge badge-error'}
            role="status"
            data-testid="connection-test"
            data-code={tested.detail?.id ?? ''}
            style={{ whiteSpace: 'normal' }}
          >
            {testedText}
          </span>
        ) : null}
      </div>

      {reading ? (
        <ReadProgress
          vendor={source.kind}
          fraction={reading.total ? Math.min(1, reading.done / reading.total) : null}
          progress={reading.api ?? null}
          onCancel={() => void s.cancelTask()}
        />
      ) : null}

      {s.sample && !reading ? <SampleRecords sample={s.sample} /> : null}
    </div>
  );
}

function addressOf(source: ApiInput, parsed: ApiSource | null): string {
  if (source.kind === 'rest') return source.url;
  if (parsed && parsed.kind !== 'rest') return parsed.baseUrl;
  return source.baseUrl ?? '';
}

function authText(source: Extract<ApiInput, { kind: 'rest' }>, t: Translate): string {
  const auth = source.auth;
  const kind = t(`start.hrAppAuth.${auth.kind}`);
  if (auth.kind === 'oauth2') return `${kind} — ${auth.clientId} @ ${auth.tokenUrl}`;
  if (auth.kind === 'apiKey') return `${kind} — ${auth.header}`;
  return kind;
}

function ReadProgress({
  vendor,
  fraction,
  progress,
  onCancel,
}: {
  vendor: ApiInput['kind'];
  fraction: number | null;
  progress: ApiReadProgress | null;
  onCancel(): void;
}) {
  const t = useT();
  const label = t('source.api.reading', { vendor });
  return (
    <div
      className="card"
      style={{ marginTop: 12 }}
      role="status"
      aria-live="polite"
      data-testid="api-progress"
    >
      <div className="row">
        <strong>{label}</strong>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={onCancel} data-testid="api-cancel">
          {t('app.cancel')}
        </button>
      </div>
      <ProgressBar fraction={fraction} label={label}>
        {progress ? (
          <span data-testid="api-progress-text">
            {t('source.api.progress', {
              records: progress.records,
              pages: progress.pages,
              rate: progress.ratePerSecond,
            })}
            {progress.sourceTotal !== null
              ? ` · ${t('source.api.ofTotal', { total: progress.sourceTotal })}`
              : ''}
            {progress.etaSeconds !== null
              ? ` · ${t('source.api.eta', { seconds: progress.etaSeconds })}`
              : ''}
            {progress.retries > 0 ? ` · ${t('source.api.retries', { n: progress.retries })}` : ''}
          </span>
        ) : null}
      </ProgressBar>
    </div>
  );
}

function SampleRecords({ sample }: { sample: SourceSample }) {
  const t = useT();
  // The API's own order (id, first_name, last_name, … then employment.*), skipping attributes no record fills.
  const filled = new Set(sample.attributes.filter((a) => a.fillRate > 0).map((a) => a.name));
  const columns = Object.keys(sample.records[0]?.values ?? {})
    .filter((name) => filled.has(name))
    .slice(0, SAMPLE_COLUMNS);
  const rows = sample.records.slice(0, SAMPLE_ROWS);
  return (
    <div style={{ marginTop: 12 }}>
      <h3>{t('source.api.records')}</h3>
      <p className="hint">{t('source.api.recordsHint', { n: rows.length })}</p>
      <div className="table-wrap" role="region" aria-label={t('source.api.records')} tabIndex={0}>
        <table className="table" data-testid="api-sample">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className="mono">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                {columns.map((c) => {
                  const v = r.values[c];
                  return (
                    <td key={c} className="mono">
                      {Array.isArray(v) ? v.join(' · ') : (v ?? '')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
