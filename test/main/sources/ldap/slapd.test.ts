import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inspectCertificate,
  readLdapRecords,
  sampleLdap,
  testLdapConnection,
} from '../../../../src/main/sources/ldap';
import { ldapSourceSchema, type LdapSource } from '../../../../src/shared/mapping/schema';
import { formatMessages } from '../../../../src/shared/i18n';
import type { CodedMessage } from '../../../../src/shared/i18n/message';
import { makeTestCertificates } from '../../../support/certs';
import { freePort, shouldSkip, startSlapd, type SlapdServer } from '../../../support/slapd';
import { collect, expectNoSecret, failure } from './helpers';

const USERS = 1600;
const skip = shouldSkip(['slapd', 'slapadd', 'openssl'], 'OpenLDAP source tests');

describe.skipIf(skip)('LDAP source against a real OpenLDAP (slapd)', { timeout: 60_000 }, () => {
  let server: SlapdServer;
  let otherCaPem: string;
  let otherCaDir: string;

  beforeAll(async () => {
    server = await startSlapd({ users: USERS });
    otherCaDir = mkdtempSync(join(tmpdir(), 'plek-other-ca-'));
    otherCaPem = makeTestCertificates(otherCaDir, { caName: 'Een Andere CA' }).caPem;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (otherCaDir) rmSync(otherCaDir, { recursive: true, force: true });
  });

  const source = (over: Record<string, unknown> = {}): LdapSource =>
    ldapSourceSchema.parse({
      kind: 'ldap',
      url: server.url,
      flavor: 'openldap',
      bindDn: server.readerDn,
      baseDn: server.peopleDn,
      pageSize: 400,
      timeoutMs: 20_000,
      ...over,
    });
  const fingerprint = (): string => new X509Certificate(server.certPem).fingerprint256;

  it('has a real 500-entry limit: a search without paging fails there', async () => {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [server.caPem] } });
    try {
      await client.bind(server.readerDn, server.readerPassword);
      await expect(client.search(server.peopleDn, { filter: '(objectClass=inetOrgPerson)' })).rejects.toThrow(
        /Code: 0x4/,
      );
    } finally {
      await client.unbind();
    }
  });

  it('reads all users through the limit with paging over StartTLS, page by page with progress', async () => {
    const progress: number[] = [];
    const records = await collect(
      readLdapRecords(source(), {
        password: server.readerPassword,
        caPem: server.caPem,
        onProgress: (n) => progress.push(n),
      }),
    );
    expect(records).toHaveLength(USERS);
    expect(records.map((r) => r.row)).toEqual(Array.from({ length: USERS }, (_, i) => i + 1));
    expect(new Set(records.map((r) => r.ref)).size).toBe(USERS);
    // 1,600 entries in pages of 400: progress after each page, ending at the total.
    expect(progress).toEqual([400, 800, 1200, 1600]);
  });

  it('keeps umlauts and prefixes, lists multi-valued attributes, drops photos, resolves managers', async () => {
    const records = await collect(
      readLdapRecords(source({ url: server.ldapsUrl }), {
        password: server.readerPassword,
        caPem: server.caPem,
        mappingKeyAttribute: 'uid',
      }),
    );
    const byUid = new Map(records.map((r) => [r.values.uid as string, r]));
    for (const u of server.users) {
      const r = byUid.get(u.login);
      expect(r?.values.givenName).toBe(u.givenName);
      expect(r?.values.sn).toBe(u.sn);
      expect(r?.values.cn).toBe(u.cn);
    }
    const jorg = server.users.find((u) => u.givenName === 'Jörg' && u.prefix === 'van der');
    expect(jorg).toBeDefined();
    expect(byUid.get(jorg!.login)?.values.displayName).toBe(`Jörg van der ${jorg!.familyName}`);

    // memberOf and objectClass are lists even with a single value.
    const plain = byUid.get(server.users[25]!.login)!;
    expect(plain.values.memberOf).toEqual([
      `cn=Afdeling ${server.users[25]!.department},ou=Groepen,dc=example,dc=test`,
    ]);
    expect(plain.values.objectClass).toEqual(['inetOrgPerson']);
    const manager = byUid.get(server.users[3]!.login)!;
    expect(manager.values.memberOf).toHaveLength(2);

    // Photos (jpegPhoto on every 25th user) are never read into a record.
    const withPhoto = byUid.get(server.users[3]!.login)!;
    expect(Object.keys(withPhoto.values)).not.toContain('jpegPhoto');
    for (const r of records) expect(r.values).not.toHaveProperty('jpegPhoto');

    // Manager DN → the manager's key (uid), DN kept beside it.
    const u30 = server.users[30]!;
    const r30 = byUid.get(u30.login)!;
    expect(r30.values.manager).toBe(server.users[u30.managerIndex!]!.login);
    expect(r30.values.managerDn).toBe(server.userDns[u30.managerIndex!]);
    expect(r30.values.managerResolved).toBe('true');
    expect(byUid.get(server.users[0]!.login)!.values).not.toHaveProperty('manager');

    // OpenLDAP's stable key and timestamps come along by default.
    expect(r30.values.entryUUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r30.values.createTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r30.values['createTimestamp.raw']).toMatch(/^\d{14}Z$/);
  });

  it('keeps the manager DN when the manager is outside the entries read', async () => {
    const u = server.users[45]!;
    const records = await collect(
      readLdapRecords(source({ filter: `(uid=${u.login})` }), {
        password: server.readerPassword,
        caPem: server.caPem,
        mappingKeyAttribute: 'uid',
      }),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.values.manager).toBe(server.userDns[u.managerIndex!]);
    expect(records[0]!.values.managerResolved).toBe('false');
  });

  it('samples attributes with fill rate, examples, list and binary notes', async () => {
    const { attributes, records } = await sampleLdap(source(), {
      password: server.readerPassword,
      caPem: server.caPem,
      size: 100,
    });
    expect(records).toHaveLength(100);
    const byName = new Map(attributes.map((a) => [a.name, a]));
    expect(byName.get('givenName')).toMatchObject({ fillRate: 1 });
    expect(byName.get('givenName')!.examples.length).toBe(3);
    expect(byName.get('memberOf')).toMatchObject({ fillRate: 1, multiValued: true });
    // users 3, 28, 53, 78 have a photo: 4 of 100.
    expect(byName.get('jpegPhoto')).toMatchObject({ binary: true, fillRate: 0.04 });
    expect(byName.get('jpegPhoto')!.examples[0]).toMatch(/photos are not synced/);
    expect(byName.get('manager')!.fillRate).toBe(0.99);
  });

  it('tests a connection and counts the entries', async () => {
    const result = await testLdapConnection(source(), {
      password: server.readerPassword,
      caPem: server.caPem,
    });
    expect(result).toEqual({ ok: true, entries: USERS, more: false, warnings: [] });
  });

  it('warns about plain ldap:// without StartTLS but reads', async () => {
    const warnings: CodedMessage[] = [];
    const result = await testLdapConnection(source({ startTls: false }), {
      password: server.readerPassword,
      onWarning: (w) => warnings.push(w),
    });
    expect(result.ok).toBe(true);
    expect(formatMessages('en', warnings, '; ')).toMatch(/unencrypted/);
    expect(formatMessages('nl', warnings, '; ')).toMatch(/onversleuteld over het netwerk/);
  });

  it('says that followReferrals is not supported instead of silently ignoring it', async () => {
    const result = await testLdapConnection(source({ followReferrals: true }), {
      password: server.readerPassword,
      caPem: server.caPem,
    });
    expect(result.ok && formatMessages('en', result.warnings, '; ')).toMatch(
      /followReferrals is not supported/,
    );
    expect(result.ok && formatMessages('nl', result.warnings, '; ')).toMatch(/wordt nog niet ondersteund/);
  });

  describe('certificates', () => {
    it('refuses a certificate from a CA nobody configured, with the certificate details', async () => {
      for (const url of [server.url, server.ldapsUrl]) {
        const error = await failure(() =>
          collect(readLdapRecords(source({ url }), { password: server.readerPassword, caPem: otherCaPem })),
        );
        expect(error.code).toBe('tls');
        expect(error.message).toMatch(/CA this computer does not trust/);
        expect(error.certificate).toMatchObject({
          subject: expect.stringContaining('CN=ldap.example.test'),
          issuer: expect.stringContaining('CN=Plek Test CA'),
          fingerprint256: fingerprint(),
          trusted: false,
        });
        expect(Date.parse(error.certificate!.validTo)).toBeGreaterThan(Date.now());
        expectNoSecret(error, server.readerPassword);
      }
    });

    it('refuses the certificate without any CA file (Node defaults only)', async () => {
      const error = await failure(() =>
        collect(readLdapRecords(source({ url: server.ldapsUrl }), { password: server.readerPassword })),
      );
      expect(error.code).toBe('tls');
      expect(error.certificate?.fingerprint256).toBe(fingerprint());
    });

    it('accepts exactly the pinned certificate, over LDAPS and StartTLS', async () => {
      for (const url of [server.url, server.ldapsUrl]) {
        const result = await testLdapConnection(source({ url, pinnedFingerprint: fingerprint() }), {
          password: server.readerPassword,
        });
        expect(result).toMatchObject({ ok: true, entries: USERS });
      }
    });

    it('refuses a wrong pin even when the CA would trust the certificate', async () => {
      const wrongPin = fingerprint().replace(/^../, fingerprint().startsWith('00') ? '11' : '00');
      for (const url of [server.url, server.ldapsUrl]) {
        const result = await testLdapConnection(source({ url, pinnedFingerprint: wrongPin }), {
          password: server.readerPassword,
          caPem: server.caPem,
        });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('tls');
        expect(result.error.message).toMatch(/not the one pinned/);
        expect(result.error.certificate?.fingerprint256).toBe(fingerprint());
        expectNoSecret(result.error, server.readerPassword);
      }
    });

    it('shows the certificate for pinning without trusting it', async () => {
      for (const url of [server.url, server.ldapsUrl]) {
        const untrusted = await inspectCertificate(url);
        expect(untrusted).toMatchObject({ fingerprint256: fingerprint(), trusted: false });
        expect(untrusted.error).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
        expect(untrusted.error).toMatch(/does not trust/);
        expect(untrusted.subjectAltName).toContain('IP Address:127.0.0.1');
        const trusted = await inspectCertificate(url, 5000, { caPem: server.caPem });
        expect(trusted.trusted).toBe(true);
        expect(trusted.error).toBeUndefined();
      }
    });
  });

  describe('errors a consultant can act on', () => {
    it('wrong password', async () => {
      const wrong = 'Fout-Wachtwoord-Geheim-991';
      const error = await failure(() =>
        collect(readLdapRecords(source(), { password: wrong, caPem: server.caPem })),
      );
      expect(error.code).toBe('invalid-credentials');
      expect(error.message).toContain(server.readerDn);
      expect(error.hint).toMatch(/password/);
      expectNoSecret(error, wrong);
    });

    it('unreachable port', async () => {
      const closed = await freePort();
      const error = await failure(() =>
        collect(
          readLdapRecords(source({ url: `ldap://127.0.0.1:${closed}` }), {
            password: server.readerPassword,
            caPem: server.caPem,
          }),
        ),
      );
      expect(error.code).toBe('unreachable');
      expect(error.message).toContain(`127.0.0.1:${closed}`);
      expectNoSecret(error, server.readerPassword);
    });

    it('bad filter, named in the message, before anything is sent', async () => {
      const closed = await freePort();
      const filter = '(&(objectClass=inetOrgPerson)(departmentNumber=Zorg)';
      const error = await failure(() =>
        collect(
          readLdapRecords(source({ url: `ldap://127.0.0.1:${closed}`, filter }), {
            password: server.readerPassword,
          }),
        ),
      );
      expect(error.code).toBe('filter-syntax');
      expect(error.message).toContain(filter);
      expectNoSecret(error, server.readerPassword);
    });

    it('empty password (anonymous bind) refused before contacting the server', async () => {
      const closed = await freePort();
      const error = await failure(() =>
        collect(readLdapRecords(source({ url: `ldap://127.0.0.1:${closed}` }), { password: '' })),
      );
      expect(error.code).toBe('anonymous-bind');
      const result = await testLdapConnection(source(), { password: '' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('anonymous-bind');
    });

    it('size limit that paging cannot get around', async () => {
      const error = await failure(() =>
        collect(
          readLdapRecords(source({ bindDn: server.cappedReaderDn }), {
            password: server.readerPassword,
            caPem: server.caPem,
          }),
        ),
      );
      expect(error.code).toBe('size-limit');
      expect(error.hint).toMatch(/Paging is on/);
      expectNoSecret(error, server.readerPassword);
    });

    it('base DN that does not exist', async () => {
      const error = await failure(() =>
        collect(
          readLdapRecords(source({ baseDn: 'ou=Bestaat Niet,dc=example,dc=test' }), {
            password: server.readerPassword,
            caPem: server.caPem,
          }),
        ),
      );
      expect(error.code).toBe('no-such-object');
      expect(error.message).toContain('ou=Bestaat Niet');
    });

    it('a cancelled read stops with an abort error', async () => {
      const controller = new AbortController();
      let seen = 0;
      const error = await failure(async () => {
        for await (const _ of readLdapRecords(source(), {
          password: server.readerPassword,
          caPem: server.caPem,
          signal: controller.signal,
        })) {
          seen++;
          if (seen === 10) controller.abort();
        }
      });
      expect(error.code).toBe('aborted');
      expect(seen).toBeLessThan(USERS);
    });
  });
});
