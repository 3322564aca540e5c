import { X509Certificate } from 'node:crypto';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeAttributes,
  readLdapRecords,
  sampleLdap,
  testLdapConnection,
} from '../../../../src/main/sources/ldap';
import { compileMapping } from '../../../../src/shared/engine/compile';
import { mapRecords } from '../../../../src/shared/engine/run';
import { keyStabilityWarning, suggestAdMapping } from '../../../../src/shared/ad';
import { parseMapping } from '../../../../src/shared/mapping/load';
import { ldapSourceSchema, type LdapSource } from '../../../../src/shared/mapping/schema';
import type { SourceRecord } from '../../../../src/shared/source/types';
import { FUTURE_EXPIRY, PAST_EXPIRY } from '../../../support/directory-data';
import { startSambaAd, type SambaServer } from '../../../support/samba';
import { shouldSkip } from '../../../support/slapd';
import { collect, expectNoSecret, failure } from './helpers';

const USERS = 1500;
const skip =
  shouldSkip(['samba', 'samba-tool', 'ldbsearch', 'openssl'], 'Samba AD source tests') ||
  (process.getuid?.() !== 0 && !process.env.CI && (console.warn('[skip] Samba AD tests need root'), true));

// Provisioning a DC and reading 1,500 users takes ~15 s alone and much longer on a busy CI machine.
describe.skipIf(skip)('LDAP source against a real Samba Active Directory DC', { timeout: 60_000 }, () => {
  let server: SambaServer;
  let records: SourceRecord[];
  let byLogin: Map<string, SourceRecord>;

  const source = (over: Record<string, unknown> = {}): LdapSource =>
    ldapSourceSchema.parse({
      kind: 'ldap',
      url: server.url,
      flavor: 'ad',
      bindDn: server.readerUpn,
      baseDn: server.usersDn,
      pageSize: 500,
      timeoutMs: 30_000,
      ...over,
    });

  beforeAll(async () => {
    server = await startSambaAd({ users: USERS });
    records = await collect(
      readLdapRecords(source(), {
        password: server.readerPassword,
        caPem: server.caPem,
        mappingKeyAttribute: 'objectGUID',
      }),
    );
    byLogin = new Map(records.map((r) => [r.values.sAMAccountName as string, r]));
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('reads every user of the OU over StartTLS with a UPN bind, in pages', () => {
    expect(records).toHaveLength(USERS);
    for (const u of server.users) expect(byLogin.has(u.login)).toBe(true);
    expect(records.at(-1)!.row).toBe(USERS);
  });

  it('shows objectGUID and objectSid exactly as Samba itself does', async () => {
    for (const i of [0, 1, 777, USERS - 1]) {
      const u = server.users[i]!;
      const fromSamba = server.ldbsearch(server.userDns[i]!, ['objectGUID', 'objectSid']);
      const r = byLogin.get(u.login)!;
      expect(r.values.objectGUID).toBe(fromSamba.objectGUID);
      expect(r.values.objectSid).toBe(fromSamba.objectSid);
      expect(r.values.objectSid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
    }
    // And a <GUID=…> base search finds the same entry.
    const r = byLogin.get(server.users[5]!.login)!;
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [server.caPem] } });
    try {
      await client.bind(server.readerDn, server.readerPassword);
      const found = await client.search(`<GUID=${r.values.objectGUID as string}>`, {
        scope: 'base',
        attributes: ['cn'],
      });
      expect(found.searchEntries[0]?.dn).toBe(r.ref);
    } finally {
      await client.unbind();
    }
    const guids = new Set(records.map((x) => x.values.objectGUID));
    expect(guids.size).toBe(USERS);
  });

  it('keeps umlauts, diaeresis and name prefixes intact', () => {
    for (const u of server.users) {
      const r = byLogin.get(u.login)!;
      expect(r.values.givenName).toBe(u.givenName);
      expect(r.values.sn).toBe(u.sn);
      expect(r.values.displayName).toBe(u.displayName);
      expect(r.values.middleName ?? null).toBe(u.prefix || null);
    }
    expect(records.some((r) => r.values.givenName === 'Zoë')).toBe(true);
    expect(records.some((r) => (r.values.sn as string).startsWith("van 't "))).toBe(true);
  });

  it('derives accountDisabled from userAccountControl', () => {
    const disabled = server.users.filter((u) => u.disabled);
    expect(disabled.length).toBeGreaterThan(30);
    for (const u of server.users) {
      const r = byLogin.get(u.login)!;
      expect(r.values.accountDisabled).toBe(u.disabled ? 'true' : 'false');
      expect(r.values.userAccountControl).toBe(u.disabled ? '514' : '512');
    }
  });

  it('turns accountExpires into the "End of" date, never into a date for "never"', () => {
    for (const u of server.users) {
      const r = byLogin.get(u.login)!;
      expect(r.values.accountExpires).toBe(u.expires);
      if (!u.expires) expect(r.values['accountExpires.raw']).toBe('9223372036854775807');
    }
    expect(server.users.some((u) => u.expires === PAST_EXPIRY)).toBe(true);
    expect(server.users.some((u) => u.expires === FUTURE_EXPIRY)).toBe(true);
  });

  it('turns whenCreated/whenChanged into dates and keeps the raw value', () => {
    const r = records[0]!;
    expect(r.values.whenCreated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.values['whenCreated.raw']).toMatch(/^\d{14}\.0Z$/);
    expect(r.values.whenChanged).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps memberOf, proxyAddresses and objectClass as lists, even with one value', () => {
    const ordinary = server.users.find((u) => u.title !== 'Teamleider')!;
    const r = byLogin.get(ordinary.login)!;
    expect(r.values.memberOf).toEqual([`CN=GG_${ordinary.department},OU=Groepen,DC=example,DC=test`]);
    expect(r.values.proxyAddresses).toEqual(ordinary.proxyAddresses);
    expect(r.values.objectClass).toEqual(['top', 'person', 'organizationalPerson', 'user']);
    const manager = byLogin.get(server.users[3]!.login)!;
    expect(manager.values.memberOf).toHaveLength(2);
  });

  it('never reads thumbnailPhoto and never shows binary values as text', () => {
    expect(server.photoUserIndexes.length).toBeGreaterThan(10);
    for (const i of server.photoUserIndexes) {
      expect(byLogin.get(server.users[i]!.login)!.values).not.toHaveProperty('thumbnailPhoto');
    }
    for (const r of records) {
      for (const v of Object.values(r.values)) {
        for (const s of v === null ? [] : Array.isArray(v) ? v : [v]) expect(s).not.toMatch(/\uFFFD/);
      }
    }
  });

  it("resolves manager DNs to the manager's objectGUID, keeping DNs it cannot resolve", () => {
    const u = server.users[30]!;
    const r = byLogin.get(u.login)!;
    const m = byLogin.get(server.users[u.managerIndex!]!.login)!;
    expect(r.values.manager).toBe(m.values.objectGUID);
    expect(r.values.managerDn).toBe(server.userDns[u.managerIndex!]);
    expect(r.values.managerResolved).toBe('true');
    const ext = byLogin.get(server.users[server.externalManagerUserIndex]!.login)!;
    expect(ext.values.manager).toBe(server.externalManagerDn);
    expect(ext.values.managerResolved).toBe('false');
  });

  it('reads over LDAPS with a DN bind too', async () => {
    const result = await testLdapConnection(source({ url: server.ldapsUrl, bindDn: server.readerDn }), {
      password: server.readerPassword,
      caPem: server.caPem,
    });
    expect(result).toMatchObject({ ok: true, entries: USERS });
  });

  it('searches from the domain root, ignoring the Configuration reference and computer accounts', async () => {
    const all = await collect(
      readLdapRecords(source({ baseDn: server.domainDn }), {
        password: server.readerPassword,
        caPem: server.caPem,
      }),
    );
    const generated = new Set(server.userDns);
    expect(all.filter((r) => generated.has(r.ref!))).toHaveLength(USERS);
    const others = all.filter((r) => !generated.has(r.ref!)).map((r) => r.values.sAMAccountName as string);
    expect(others).toEqual(
      expect.arrayContaining([
        'Administrator',
        'Guest',
        'krbtgt',
        'svc-plek-reader',
        'extern.manager',
        'test.verlopen',
      ]),
    );
    expect(others.length).toBeLessThan(12);
    for (const r of all) expect(r.values.objectClass).not.toContain('computer');
  });

  it('accepts the pinned certificate without a CA file', async () => {
    const pin = new X509Certificate(server.certPem).fingerprint256;
    const result = await testLdapConnection(source({ pinnedFingerprint: pin }), {
      password: server.readerPassword,
    });
    expect(result).toMatchObject({ ok: true, entries: USERS });
  });

  it('samples and suggests a mapping keyed on objectGUID', async () => {
    const sample = await sampleLdap(source(), {
      password: server.readerPassword,
      caPem: server.caPem,
      size: 200,
    });
    expect(sample.records).toHaveLength(200);
    const names = new Map(sample.attributes.map((a) => [a.name, a]));
    expect(names.get('objectGUID')!.examples[0]).toMatch(/^[0-9a-f]{8}-/);
    expect(names.get('thumbnailPhoto')).toMatchObject({ binary: true });
    expect(names.get('proxyAddresses')).toMatchObject({ multiValued: true, fillRate: 1 });
    const mapping = suggestAdMapping(sample.attributes, { name: 'Zorggroep Voorbeeld', source: source() });
    expect(mapping.mappingKey.attribute).toBe('objectGUID');
    expect(keyStabilityWarning(mapping.mappingKey.attribute)).toBeNull();
    expect(parseMapping(mapping).ok).toBe(true);
  });

  it('maps every user with the suggested mapping: deactivation from AD state, manager by objectGUID', () => {
    const suggested = suggestAdMapping(describeAttributes(records), { name: 'Zorggroep', source: source() });
    const parsed = parseMapping(suggested);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const compiled = compileMapping(parsed.mapping);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const result = mapRecords(compiled.compiled, records, { today: '2026-11-23' });
    const byRow = new Map(result.outcomes.map((o) => [o.row, o]));
    let checked = 0;
    for (const r of records) {
      const u = server.users.find((x) => x.login === r.values.sAMAccountName)!;
      const outcome = byRow.get(r.row)!;
      expect(outcome.status).toBe('mapped');
      if (outcome.status !== 'mapped') continue;
      const user = outcome.user;
      expect(user.key).toBe(r.values.objectGUID);
      expect(user.active).toBe(!u.disabled && u.expires !== PAST_EXPIRY);
      if (!u.disabled && u.expires === FUTURE_EXPIRY) expect(user.leavingOn).toBe(FUTURE_EXPIRY);
      expect(user.attributes['emails[type eq "work"].value']).toBe(u.mail);
      expect(user.attributes['name.familyName']).toBe(u.sn);
      expect(user.attributes['phoneNumbers[type eq "mobile"].value']).toBe(
        `+31${u.mobile.slice(1).replace('-', '')}`,
      );
      checked++;
    }
    expect(checked).toBe(USERS);
    const u30 = byRow.get(byLogin.get(server.users[30]!.login)!.row)!;
    const manager = byLogin.get(server.users[server.users[30]!.managerIndex!]!.login)!;
    if (u30.status === 'mapped') {
      expect(u30.user.attributes['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager']).toBe(
        manager.values.objectGUID,
      );
    }
  });

  describe('bind errors with AD data codes', () => {
    it.each([
      ['disabled', 'account-disabled', '533'],
      ['expired', 'account-expired', '701'],
      ['mustChange', 'must-change-password', '773'],
      ['locked', 'account-locked', '775'],
    ] as const)('%s account → %s (data %s)', async (which, code, data) => {
      const account = server.accounts[which];
      const error = await failure(() =>
        collect(
          readLdapRecords(source({ bindDn: account.upn }), {
            password: account.password,
            caPem: server.caPem,
          }),
        ),
      );
      expect(error.code).toBe(code);
      expect(error.adDataCode).toBe(data);
      expect(error.message).toContain(account.upn);
      expectNoSecret(error, account.password);
    });

    it('wrong password → 52e', async () => {
      const wrong = 'Bijna-Goed-Wachtwoord-42!';
      const error = await failure(() =>
        collect(readLdapRecords(source(), { password: wrong, caPem: server.caPem })),
      );
      expect(error).toMatchObject({ code: 'invalid-credentials', adDataCode: '52e' });
      expectNoSecret(error, wrong);
    });

    it('a certificate from another CA → tls with the certificate details', async () => {
      const error = await failure(() =>
        collect(readLdapRecords(source({ url: server.ldapsUrl }), { password: server.readerPassword })),
      );
      expect(error.code).toBe('tls');
      expect(error.certificate?.subject).toContain('CN=dc1.example.test');
      expect(error.certificate?.fingerprint256).toBe(new X509Certificate(server.certPem).fingerprint256);
      expectNoSecret(error, server.readerPassword);
    });
  });
});
