import { useEffect, useState } from 'react';
import { confirmEndpoint, onConfirmationNeeded, type PendingConfirmation } from '../../api';
import { useApp, useT } from '../store/context';
import { wordDetail } from '../store/helpers';

/**
 * Asks the consultant before the workbench sends anything where a mapping file pointed it: a stored secret to a
 * new host, a bind password over plain LDAP, a client secret to a token server on another origin. Shows the
 * host plainly; nothing is sent until "Confirm". Also says when an opened project's hosts changed since last time.
 */
export function EndpointConfirmation() {
  const t = useT();
  const changes = useApp((s) => s.project?.endpointChanges);
  const lang = useApp((s) => s.lang);
  const [pending, setPending] = useState<PendingConfirmation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The changed-hosts notice can be hidden once read; a project opened with other changes shows it again.
  const [dismissedChanges, setDismissedChanges] = useState<typeof changes>(undefined);
  useEffect(() => onConfirmationNeeded((p) => (setPending(p), setDone(null), setError(null))), []);

  const c = pending?.confirmation;
  return (
    <>
      {changes && changes.length > 0 && changes !== dismissedChanges ? (
        <div className="alert alert-warning banner" role="alert" data-testid="endpoint-changes">
          <strong>{t('security.changed.title')}</strong>
          <ul>
            {changes.map((ch) => (
              <li key={ch.kind}>
                {t(`security.changed.${ch.kind}`)}: <code>{ch.from}</code> →{' '}
                <strong className="mono">{ch.to}</strong>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => setDismissedChanges(changes)}>
            {t('security.changed.dismiss')}
          </button>
        </div>
      ) : null}
      {c ? (
        <div className="alert alert-warning banner" role="alertdialog" aria-labelledby="confirm-host-title">
          <strong id="confirm-host-title">{t(`security.confirm.${c.kind}`)}</strong>
          <p>
            <span className="mono" data-testid="confirm-host">
              {c.host}
            </span>
            {c.kind === 'secret-endpoint' ? (
              <span className="hint"> ({t('security.confirm.was', { host: c.previousHost })})</span>
            ) : null}
            {c.kind === 'token-host' ? (
              <span className="hint"> ({t('security.confirm.target', { host: c.baseHost })})</span>
            ) : null}
          </p>
          <p className="hint">{pending ? (wordDetail(pending.detail, lang) ?? pending.message) : null}</p>
          {error ? <p role="alert">{error}</p> : null}
          <div className="row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                void confirmEndpoint(c).then((r) => {
                  if (r.ok) {
                    setPending(null);
                    setDone(c.host);
                  } else setError(wordDetail(r.error.detail, lang) ?? r.error.message);
                })
              }
            >
              {t('security.confirm.yes', { host: c.host })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setPending(null)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {done ? (
        <div className="alert alert-ok banner" role="status">
          {t('security.confirm.done', { host: done })}
          <button type="button" className="btn btn-small" onClick={() => setDone(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}
