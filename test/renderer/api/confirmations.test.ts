import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/shared/api/client';
import type { Confirmation, Result } from '../../../src/shared/api/contract';
import {
  confirmEndpoint,
  onConfirmationNeeded,
  watchConfirmations,
} from '../../../src/renderer/src/api/confirmations';

const confirm: Confirmation = {
  kind: 'secret-endpoint',
  name: 'ldap-bind-password',
  endpoint: { url: 'ldaps://dc2.gemeente-ede.local', startTls: true, bindDn: 'CN=svc-plek,DC=ede' },
  host: 'ldaps://dc2.gemeente-ede.local',
  previousHost: 'ldaps://dc1.gemeente-ede.local',
  from: 'ldap-bind-password@ldaps://dc1.gemeente-ede.local:636|tls=ldaps|bind=cn=svc-plek,dc=ede',
};

describe('watchConfirmations', () => {
  it('hands every needs-confirmation answer to the dialog and the result back unchanged', async () => {
    const sent: { channel: string; request: unknown }[] = [];
    const api = watchConfirmations(
      createApi(
        async (channel, request): Promise<Result<unknown>> => {
          sent.push({ channel, request });
          if (channel === 'source:sample')
            return { ok: false, error: { code: 'needs-confirmation', message: 'confirm dc2', confirm } };
          return { ok: true, value: { confirmed: true } };
        },
        () => () => {},
      ),
    );
    const seen: unknown[] = [];
    const off = onConfirmationNeeded((p) => seen.push(p));
    const r = await api.source.sample({ source: { kind: 'csv', path: '/x.csv' } as never, limit: 5 });
    expect(r).toEqual({ ok: false, error: { code: 'needs-confirmation', message: 'confirm dc2', confirm } });
    expect(seen).toEqual([{ confirmation: confirm, message: 'confirm dc2' }]);
    // Other answers do not open the dialog.
    await api.app.info();
    expect(seen).toHaveLength(1);
    // The consultant's yes goes back unchanged through secrets:confirm.
    expect(await confirmEndpoint(confirm)).toEqual({ ok: true, value: { confirmed: true } });
    expect(sent.at(-1)).toEqual({ channel: 'secrets:confirm', request: confirm });
    off();
  });
});
