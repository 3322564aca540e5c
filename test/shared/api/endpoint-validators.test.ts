import { describe, expect, it } from 'vitest';
import {
  checkHttpsUrl,
  checkLdapServerUrl,
  checkMappingPath,
  decideTokenUrl,
  endpointHost,
  isPlainLdap,
  secretEndpointKey,
} from '../../../src/shared/api/validators';
import { findDuplicateKey } from '../../../src/shared/mapping/duplicate-keys';
import { parseMappingText } from '../../../src/shared/mapping/load';

describe('checkHttpsUrl (every SCIM and token URL, app and CLI)', () => {
  it.each([
    'https://gemeente-utrecht.plek.co/scim/v2',
    'https://gemeente-utrecht.plek.co:8443/scim/v2/',
    'http://127.0.0.1:4010/scim/v2',
    'http://localhost:4010/scim/v2',
    'http://[::1]:4010/scim/v2',
  ])('accepts %s', (url) => expect(checkHttpsUrl(url).ok).toBe(true));

  it.each([
    ['plain http to another host', 'http://gemeente-utrecht.plek.co/scim/v2', /must use https/],
    ['http to a host that starts like loopback', 'http://127.0.0.1.evil.example/scim', /must use https/],
    ['http to localhost lookalike', 'http://localhost.evil.example/scim', /must use https/],
    ['user and password', 'https://admin:Welkom01@gemeente.plek.co/scim/v2', /user name or password/],
    ['user only', 'https://admin@gemeente.plek.co/scim/v2', /user name or password/],
    ['loopback user-info trick', 'http://127.0.0.1@evil.example/scim', /user name or password/],
    ['backslash', 'https://gemeente.plek.co\\@evil.example/', /not a plain|user name/],
    ['ftp', 'ftp://gemeente.plek.co/', /must use https/],
    ['javascript', 'javascript:alert(1)', /not a plain/],
    ['empty', '', /missing/],
    ['spaces', 'https://gemeente .plek.co/', /not a plain/],
    ['percent host', 'https://gemeente%2eplek.co/', /not a plain/],
  ])('refuses %s', (_name, url, reason) => {
    const r = checkHttpsUrl(url);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('checkLdapServerUrl', () => {
  it.each(['ldaps://dc1.gemeente.local', 'ldap://dc1.gemeente.local:389', 'ldaps://10.0.0.5:636/'])(
    'accepts %s',
    (url) => expect(checkLdapServerUrl(url).ok).toBe(true),
  );
  it.each([
    'ldap://cn=admin:geheim@dc1.gemeente.local',
    'ldaps://dc1.gemeente.local/dc=gemeente?cn',
    'https://dc1.gemeente.local',
    'ldap://dc1.gemeente.local\\evil',
  ])('refuses %s', (url) => expect(checkLdapServerUrl(url).ok).toBe(false));
});

describe('decideTokenUrl', () => {
  const base = 'https://gemeente-utrecht.plek.co/scim/v2';
  it('uses the default token URL when none is given', () => {
    expect(decideTokenUrl(base, undefined)).toEqual({ kind: 'default' });
  });
  it('accepts a token URL on the base URL’s own origin', () => {
    expect(decideTokenUrl(base, 'https://gemeente-utrecht.plek.co/oauth/token').kind).toBe('same-origin');
    expect(decideTokenUrl(base, 'https://GEMEENTE-UTRECHT.plek.co:443/oauth/token').kind).toBe('same-origin');
  });
  it.each([
    'https://evil.example/token',
    'https://gemeente-utrecht.plek.co.evil.example/oauth/token',
    'https://gemeente-utrecht.plek.co:8443/oauth/token',
    'https://login.plek.co/oauth/token',
  ])('asks for confirmation before sending the client secret to %s', (tokenUrl) => {
    const d = decideTokenUrl(base, tokenUrl);
    expect(d.kind).toBe('needs-confirmation');
    expect(d.kind === 'needs-confirmation' && d.origin).toBe(checkHttpsUrlOrigin(tokenUrl));
  });
  it('accepts another origin only when exactly that origin was confirmed', () => {
    expect(decideTokenUrl(base, 'https://login.plek.co/oauth/token', 'https://login.plek.co').kind).toBe(
      'confirmed',
    );
    expect(
      decideTokenUrl(base, 'https://login.plek.co/oauth/token', 'https://login.plek.co.evil.example').kind,
    ).toBe('needs-confirmation');
    expect(decideTokenUrl(base, 'https://evil.example/t', 'https://login.plek.co').kind).toBe(
      'needs-confirmation',
    );
  });
  it('refuses a token URL over plain http or with credentials, confirmed or not', () => {
    expect(decideTokenUrl(base, 'http://login.plek.co/token', 'http://login.plek.co').kind).toBe('invalid');
    expect(decideTokenUrl(base, 'https://u:p@login.plek.co/token').kind).toBe('invalid');
  });
});

function checkHttpsUrlOrigin(url: string): string {
  const r = checkHttpsUrl(url);
  if (!r.ok) throw new Error(r.reason);
  return r.origin.origin;
}

describe('secretEndpointKey', () => {
  const ldap = {
    kind: 'ldap' as const,
    url: 'ldap://dc1.gemeente.local',
    startTls: true,
    bindDn: 'CN=svc,DC=x',
  };
  it('binds an LDAP password to host, port, TLS mode and bind DN', () => {
    const key = secretEndpointKey(ldap);
    expect(key).toBe('ldap://dc1.gemeente.local:389|tls=starttls|bind=cn=svc,dc=x');
    expect(secretEndpointKey({ ...ldap, startTls: false })).not.toBe(key);
    expect(secretEndpointKey({ ...ldap, bindDn: 'CN=admin,DC=x' })).not.toBe(key);
    expect(secretEndpointKey({ ...ldap, url: 'ldap://dc1.gemeente.local:3389' })).not.toBe(key);
    expect(secretEndpointKey({ ...ldap, url: 'ldap://evil.example' })).not.toBe(key);
    expect(secretEndpointKey({ ...ldap, url: 'ldaps://dc1.gemeente.local' })).toMatch(/:636\|tls=ldaps/);
  });
  it('binds a SCIM secret to the origin of the target', () => {
    const a = secretEndpointKey({ kind: 'scim', baseUrl: 'https://x.plek.co/scim/v2' });
    expect(a).toBe('https://x.plek.co:443');
    expect(secretEndpointKey({ kind: 'scim', baseUrl: 'https://x.plek.co:443/other' })).toBe(a);
    expect(secretEndpointKey({ kind: 'scim', baseUrl: 'https://x.plek.co.evil.example/scim/v2' })).not.toBe(
      a,
    );
    expect(secretEndpointKey({ kind: 'scim', baseUrl: 'http://x.plek.co/scim/v2' })).toBeNull();
  });
  it('names the host for a confirmation', () => {
    expect(endpointHost(ldap)).toBe('ldap://dc1.gemeente.local');
    expect(isPlainLdap({ url: 'ldap://dc1', startTls: false })).toBe(true);
    expect(isPlainLdap({ url: 'ldaps://dc1', startTls: false })).toBe(false);
    expect(isPlainLdap({ url: 'ldap://dc1', startTls: true })).toBe(false);
  });
});

describe('checkMappingPath (source.path, source.caFile, target.dataDir from a mapping)', () => {
  it.each([
    ['hr-export.csv', ['hr-export.csv']],
    ['exports/Medewerkers 2026.csv', ['exports', 'Medewerkers 2026.csv']],
    ['exports\\afas.csv', ['exports', 'afas.csv']],
    ['./certs/corp-ca.pem', ['certs', 'corp-ca.pem']],
  ])('accepts %j', (path, segments) => expect(checkMappingPath(path)).toEqual({ ok: true, segments }));

  it.each([
    ['UNC share', '\\\\fileserver\\hr\\export.csv', /network or device/],
    ['UNC with forward slashes', '//fileserver/hr/export.csv', /network or device/],
    ['WebDAV over SSL', '\\\\attacker.example@SSL@443\\DavWWWRoot\\x.csv', /network or device/],
    ['WebDAV mixed slashes', '\\/attacker.example@SSL\\DavWWWRoot\\x.csv', /network or device/],
    ['device path', '\\\\?\\C:\\Windows\\x.csv', /network or device/],
    ['device namespace', '\\\\.\\pipe\\x', /network or device/],
    ['absolute posix', '/etc/passwd', /absolute/],
    ['absolute windows', 'C:\\Users\\consultant\\.ssh\\id_rsa', /absolute/],
    ['drive relative', 'C:secrets.csv', /absolute/],
    ['root relative windows', '\\Windows\\win.ini', /absolute/],
    ['parent', '../other-customer/hr.csv', /leaves the project folder/],
    ['nested parent', 'exports/../../hr.csv', /leaves the project folder/],
    ['windows parent', 'exports\\..\\..\\hr.csv', /leaves the project folder/],
    ['file URL', 'file:///etc/passwd', /URL|absolute/],
    ['smb URL', 'smb://fileserver/hr.csv', /URL/],
    ['alternate data stream', 'hr.csv:secret', /":"|URL/],
    ['NUL byte', 'hr.csv\u0000.txt', /control/],
    ['only dots', './', /names no file/],
  ])('refuses %s', (_name, path, reason) => {
    const r = checkMappingPath(path);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('duplicate keys in a mapping file', () => {
  it('names the duplicate by its JSON path', () => {
    expect(findDuplicateKey('{"a":1,"b":{"c":1,"c":2}}')).toBe('$.b.c');
    expect(findDuplicateKey('{"fields":{"name.familyName":"[a]","name.familyName":"[b]"}}')).toBe(
      '$.fields["name.familyName"]',
    );
    expect(findDuplicateKey('{"l":[{"x":1},{"x":1,"y":2,"x":3}]}')).toBe('$.l[1].x');
    expect(findDuplicateKey('{"a\\u0062":1,"ab":2}')).toBe('$.ab');
    expect(findDuplicateKey('{"a":"\\"b\\":1,","b":2}')).toBeNull();
    expect(findDuplicateKey('{"a":{"x":1},"b":{"x":1}}')).toBeNull();
    expect(findDuplicateKey('[' + '{"k":['.repeat(5000) + ']}'.repeat(5000) + ']')).toBeNull();
  });

  it('refuses a mapping whose mappingKey.attribute appears twice', () => {
    const text = `{
  "version": 1,
  "source": { "kind": "csv", "path": "hr.csv" },
  "mappingKey": { "attribute": "Personeelsnummer", "attribute": "E-mail" },
  "fields": { "userName": "[E-mail]" }
}`;
    const r = parseMappingText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        path: '$.mappingKey.attribute',
        message: expect.stringContaining('appears twice'),
        detail: { id: 'problem.duplicateKey', values: { key: '$.mappingKey.attribute' } },
      },
    ]);
  });

  it('never quotes the file in a JSON syntax error', () => {
    for (const text of [
      'root:x:0:0:root:/root:/bin/bash',
      'PLEK_CLIENT_SECRET=Zomer2026!',
      '{"a": geheim}',
    ]) {
      const r = parseMappingText(text);
      expect(r.ok).toBe(false);
      const message = !r.ok ? r.problems.map((p) => p.message).join(' ') : '';
      expect(message).not.toMatch(/root:x|Zomer2026|geheim/);
    }
  });
});
