import { describe, expect, it } from 'vitest';
import {
  isAcceptableLdapUrl,
  isAcceptableScimBaseUrl,
  isAllowedExternalUrl,
  isBridgeHost,
  isBridgeOrigin,
  isSafeAbsolutePath,
  isSafeProjectFileName,
  isSafeRelativePath,
  parseOrigin,
} from '../../../src/shared/api/validators';

describe('isSafeProjectFileName', () => {
  it.each([
    'Gemeente Utrecht.plekmap.json',
    'Zorggroep Noord-Brabant – 2026.plekmap.json',
    'Müller & Söhne.PLEKMAP.JSON',
    'van der Berg BV.plekmap.json',
  ])('accepts %j', (name) => expect(isSafeProjectFileName(name)).toBe(true));

  it.each([
    ['path traversal', '../../etc/passwd.plekmap.json'],
    ['encoded traversal', '..%2f..%2fsecrets.plekmap.json'],
    ['windows traversal', '..\\..\\Windows\\win.plekmap.json'],
    ['absolute posix', '/etc/cron.d/x.plekmap.json'],
    ['drive letter', 'C:evil.plekmap.json'],
    ['alternate data stream', 'a.plekmap.json:stream'],
    ['NUL byte', 'a\u0000.plekmap.json'],
    ['newline', 'a\n.plekmap.json'],
    ['hidden dot file', '.plekmap.json'],
    ['only dots', '..'],
    ['reserved Windows name', 'CON.plekmap.json'],
    ['wrong extension', 'mapping.json'],
    ['extension only', '.plekmap.json'],
    ['trailing space', 'a.plekmap.json '],
    ['not a string', 42],
    ['empty', ''],
  ])('refuses %s', (_label, name) => expect(isSafeProjectFileName(name)).toBe(false));
});

describe('isSafeAbsolutePath', () => {
  it.each([
    '/home/consultant/Klanten/Gemeente Ede/hr-export.csv',
    'C:\\Users\\Jan de Vries\\export.csv',
    'D:/data/ä.csv',
  ])('accepts %j', (p) => expect(isSafeAbsolutePath(p)).toBe(true));
  it.each([
    ['relative', 'export.csv'],
    ['dot-dot segment', '/home/a/../../etc/shadow'],
    ['windows dot-dot', 'C:\\Users\\..\\..\\Windows\\system32'],
    ['dot segment', '/home/./a'],
    ['file URL', 'file:///etc/passwd'],
    ['UNC share', '\\\\evil-server\\share\\x.csv'],
    ['device path', '\\\\?\\C:\\x'],
    ['posix double slash', '//evil/share'],
    ['NUL', '/tmp/a\u0000.csv'],
    ['backslash in posix path', '/tmp/..\\..\\x'],
    ['javascript URL', 'javascript:alert(1)'],
  ])('refuses %s', (_l, p) => expect(isSafeAbsolutePath(p)).toBe(false));
});

describe('isSafeRelativePath', () => {
  it('accepts a CSV next to or above the mapping', () => {
    expect(isSafeRelativePath('hr-export.csv')).toBe(true);
    expect(isSafeRelativePath('../exports/Medewerkers.csv')).toBe(true);
  });
  it.each(['/etc/passwd', '\\\\server\\x', 'file:///etc/passwd', 'https://evil.com/x.csv', 'C:\\x.csv', ''])(
    'refuses %j',
    (p) => expect(isSafeRelativePath(p)).toBe(false),
  );
});

describe('parseOrigin', () => {
  it('normalises case and default ports', () => {
    expect(parseOrigin('HTTPS://Plek.CO:443/path?q')).toEqual({
      scheme: 'https',
      host: 'plek.co',
      port: 443,
      origin: 'https://plek.co',
    });
    expect(parseOrigin('http://127.0.0.1:5123/#token=abc')?.origin).toBe('http://127.0.0.1:5123');
    expect(parseOrigin('ldaps://dc1.gemeente.local')?.port).toBe(636);
  });
  it.each([
    ['user info trick', 'http://127.0.0.1@evil.com/'],
    ['user info with password', 'https://plek.co:pw@evil.com'],
    ['backslash authority', 'https://plek.co\\@evil.com'],
    ['whitespace', 'https://plek.co /'],
    ['percent-encoded host', 'http://127.0.0.1%2eevil.com'],
    ['no scheme', '//plek.co'],
    ['javascript', 'javascript:alert(1)'],
    ['port out of range', 'http://127.0.0.1:99999'],
    ['empty host', 'http:///x'],
    ['trailing dot host', 'https://plek.co./'],
  ])('refuses %s', (_l, url) => expect(parseOrigin(url)).toBeNull());
});

describe('isAllowedExternalUrl', () => {
  const allowed = ['https://plek.co', 'https://help.plek.co'];
  it('allows exact origins only', () => {
    expect(isAllowedExternalUrl('https://plek.co/nl/support', allowed)).toBe(true);
    expect(isAllowedExternalUrl('https://help.plek.co:443/artikel', allowed)).toBe(true);
  });
  it.each([
    'https://plek.co.evil.com/',
    'https://evilplek.co/',
    'https://evil.com/?https://plek.co',
    'https://evil.com/#https://plek.co',
    'http://plek.co/',
    'https://plek.co:8443/',
    'https://plek.co@evil.com/',
    'file:///etc/passwd',
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'https://plek.co\\.evil.com',
  ])('refuses %j', (url) => expect(isAllowedExternalUrl(url, allowed)).toBe(false));
});

describe('bridge origin and host checks', () => {
  it('accepts the bridge itself', () => {
    expect(isBridgeOrigin('http://127.0.0.1:5123', 5123)).toBe(true);
    expect(isBridgeOrigin('http://localhost:5123', 5123)).toBe(true);
    expect(isBridgeHost('127.0.0.1:5123', 5123)).toBe(true);
    expect(isBridgeHost('LOCALHOST:5123', 5123)).toBe(true);
  });
  it.each([
    'http://127.0.0.1.evil.com:5123',
    'http://127.0.0.1:51234',
    'http://127.0.0.1:512',
    'https://127.0.0.1:5123',
    'http://127.0.0.1:5123.evil.com',
    'null',
    'http://evil.com',
  ])('refuses origin %j', (o) => expect(isBridgeOrigin(o, 5123)).toBe(false));
  it.each(['127.0.0.1.evil.com:5123', 'evil.com', '127.0.0.1', '127.0.0.1:5124', 'rebind.attacker.net:5123'])(
    'refuses host %j',
    (h) => expect(isBridgeHost(h, 5123)).toBe(false),
  );
});

describe('target URLs', () => {
  it('SCIM: https anywhere, http only on loopback', () => {
    expect(isAcceptableScimBaseUrl('https://gemeente-ede.plek.co/scim/v2')).toBe(true);
    expect(isAcceptableScimBaseUrl('http://127.0.0.1:7000/scim/v2')).toBe(true);
    expect(isAcceptableScimBaseUrl('http://plek.co/scim/v2')).toBe(false);
    expect(isAcceptableScimBaseUrl('http://127.0.0.1.evil.com/scim/v2')).toBe(false);
    expect(isAcceptableScimBaseUrl('file:///scim')).toBe(false);
  });
  it('LDAP: scheme, host and port only', () => {
    expect(isAcceptableLdapUrl('ldaps://dc1.gemeente.local:636')).toBe(true);
    expect(isAcceptableLdapUrl('ldap://127.0.0.1:3890/')).toBe(true);
    expect(isAcceptableLdapUrl('ldap://dc1/dc=x?cn?sub')).toBe(false);
    expect(isAcceptableLdapUrl('http://dc1')).toBe(false);
    expect(isAcceptableLdapUrl('ldaps://user@dc1')).toBe(false);
  });
});
