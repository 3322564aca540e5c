import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { LdapSource } from '../../../src/shared/mapping/schema';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import { shouldSkip, startSlapd, type SlapdServer } from '../../support/slapd';

const skip = shouldSkip(['slapd', 'slapadd', 'openssl'], 'workbench service against OpenLDAP');

/** The Active Directory flow of the source step, through the service as the renderer drives it. */
describe.skipIf(skip)('directory source through the workbench service (slapd)', () => {
  let server: SlapdServer;
  let dir: string;
  let service: WorkbenchService;
  let caFile: string;
  const replies: string[] = [];

  beforeAll(async () => {
    server = await startSlapd({ users: 120, photoEvery: 10 });
    dir = await mkdtemp(join(tmpdir(), 'plek-service-ldap-'));
    caFile = join(dir, 'gemeente-ca.pem');
    await writeFile(caFile, server.caPem);
    service = createWorkbenchService({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      mode: 'browser',
      env: {},
    });
  });
  afterAll(async () => {
    await service?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const source = (): LdapSource => ({
    kind: 'ldap',
    url: server.ldapsUrl,
    flavor: 'openldap',
    startTls: true,
    bindDn: server.readerDn,
    baseDn: server.peopleDn,
    scope: 'sub',
    caFile,
    pageSize: 100,
    timeoutMs: 20_000,
    followReferrals: false,
  });

  it('shows the certificate before anything is trusted', async () => {
    const r = await service.api.source.inspectCertificate({ url: server.ldapsUrl });
    replies.push(JSON.stringify(r));
    const cert = unwrap(r);
    expect(cert.fingerprint256).toBe(new X509Certificate(server.certPem).fingerprint256);
    // Our throw-away CA is not in the system store.
    expect(cert.trusted).toBe(false);
    expect(cert.subjectAltNames.join(' ')).toContain('127.0.0.1');
  });

  it('asks for the bind password first, then connects with the stored one', async () => {
    const before = unwrap(await service.api.source.testConnection({ source: source() }));
    expect(before.ok).toBe(false);
    expect(before.message).toContain('bind password');

    unwrap(
      await service.api.secrets.set({
        name: 'ldap-bind-password',
        endpoint: { url: server.ldapsUrl, startTls: true, bindDn: server.readerDn },
        value: server.readerPassword,
      }),
    );
    const after = await service.api.source.testConnection({ source: source() });
    replies.push(JSON.stringify(after));
    expect(unwrap(after).ok).toBe(true);

    // A saved project names its CA file relative to itself.
    const relative = { ...source(), caFile: 'gemeente-ca.pem' };
    expect(
      unwrap(
        await service.api.source.testConnection({
          source: relative,
          projectPath: join(dir, 'Ede.plekmap.json'),
        }),
      ).ok,
    ).toBe(true);
    const unsaved = await service.api.source.testConnection({ source: relative });
    expect(unsaved.ok).toBe(false);
    if (!unsaved.ok) expect(unsaved.error.message).toContain('save the project first');
  });

  it('samples attributes with fill rates, past the 500-entry limit thanks to paging', async () => {
    const r = await service.api.source.sample({ source: source(), limit: 100 });
    replies.push(JSON.stringify(r));
    const sample = unwrap(r);
    expect(sample.records).toHaveLength(100);
    const sn = sample.attributes.find((a) => a.name === 'sn');
    expect(sn?.fillRate).toBe(1);
    expect(sample.records.some((rec) => /[äëïöüéèç]/i.test(JSON.stringify(rec.values)))).toBe(true);
  });

  it('reports a wrong password as a source failure without echoing it', async () => {
    unwrap(
      await service.api.secrets.set({
        name: 'ldap-bind-password',
        endpoint: { url: server.ldapsUrl, startTls: true, bindDn: server.readerDn },
        value: 'Fout-Wachtwoord-2026',
      }),
    );
    const r = await service.api.source.sample({ source: source(), limit: 10 });
    replies.push(JSON.stringify(r));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('source-failed');
    for (const reply of replies) {
      expect(reply).not.toContain(server.readerPassword);
      expect(reply).not.toContain('Fout-Wachtwoord-2026');
    }
  });
});
