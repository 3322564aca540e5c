import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCertificate, readLdapRecords, testLdapConnection } from '../../../../src/main/sources/ldap';
import { ldapSourceSchema, type LdapSource } from '../../../../src/shared/mapping/schema';
import { collect, expectNoSecret, failure } from './helpers';

/** A "directory" that accepts TCP connections and never says a word: a firewall black hole or a hung DC. */
describe('a server that accepts connections but never answers', () => {
  let server: Server;
  let port: number;
  const sockets: Socket[] = [];
  const password = 'Stil-Wachtwoord-Geheim-7!';

  beforeAll(async () => {
    server = createServer((s) => {
      sockets.push(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  const source = (url: string): LdapSource =>
    ldapSourceSchema.parse({
      kind: 'ldap',
      url,
      bindDn: 'svc-plek@zorggroep.example',
      baseDn: 'OU=Medewerkers,DC=zorggroep,DC=example',
      timeoutMs: 1000,
    });

  it('ldap:// + StartTLS: the operation times out', async () => {
    const error = await failure(() =>
      collect(readLdapRecords(source(`ldap://127.0.0.1:${port}`), { password })),
    );
    expect(error.code).toBe('timeout');
    expect(error.hint).toMatch(/timeoutMs/);
    expectNoSecret(error, password);
  });

  it('ldaps://: the TLS handshake never completes', async () => {
    const result = await testLdapConnection(source(`ldaps://127.0.0.1:${port}`), { password });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unreachable');
    expect(result.error.message).toMatch(/in time/);
    expectNoSecret(result.error, password);
  });

  it('certificate inspection gives up with an LdapError', async () => {
    await expect(inspectCertificate(`ldaps://127.0.0.1:${port}`, 500)).rejects.toMatchObject({
      name: 'LdapError',
      code: 'unreachable',
    });
  });

  it('an unknown host name is reported as such', async () => {
    const error = await failure(() =>
      collect(readLdapRecords(source('ldaps://dc1.bestaat-niet.invalid'), { password })),
    );
    expect(error.code).toBe('unreachable');
    expectNoSecret(error, password);
  });
});
