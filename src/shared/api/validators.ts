/**
 * Pure guards for the values that cross the process/HTTP boundary and point somewhere: file names, paths,
 * URLs and origins. They compare exact parsed values, never substrings (`http://127.0.0.1.evil.com` must not
 * pass as `http://127.0.0.1`). No Node, no DOM: the same checks run in main, the bridge and the renderer.
 */

import { refusal, type Refusal, type RefusalId } from './refusals';

// Control characters (C0, DEL, C1) never belong in a name, a path or a URL we accept.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

export const PROJECT_EXTENSION = '.plekmap.json';

/**
 * A bare file name that is safe to join onto a folder we own: no separators, no `..`, no drive letters or
 * alternate data streams, no percent-escapes (nothing downstream should ever decode it into a separator),
 * nothing Windows refuses. `extension` (case-insensitive) is required when given.
 */
export function isSafeFileName(name: unknown, extension?: string): name is string {
  if (typeof name !== 'string') return false;
  if (name.length === 0 || name.length > 200) return false;
  if (CONTROL.test(name)) return false;
  if (/[/\\:*?"<>|%]/.test(name)) return false;
  if (name === '.' || name === '..' || name.startsWith('.')) return false;
  if (name !== name.trim() || name.endsWith('.')) return false;
  if (WINDOWS_RESERVED.test(name)) return false;
  if (extension !== undefined) {
    if (!name.toLowerCase().endsWith(extension.toLowerCase())) return false;
    if (name.length <= extension.length) return false;
  }
  return true;
}

/** A project (mapping) file name such as `Gemeente Utrecht.plekmap.json`. */
export function isSafeProjectFileName(name: unknown): name is string {
  return isSafeFileName(name, PROJECT_EXTENSION);
}

/**
 * An absolute local path as a native dialog returns it: POSIX `/…` or Windows `C:\…`, already normalised (no
 * `.`/`..` segments), no UNC/device paths (`\\server\share`, `\\?\`), no URL (`file://…`), no control chars.
 */
export function isSafeAbsolutePath(path: unknown): path is string {
  if (typeof path !== 'string') return false;
  if (path.length < 2 || path.length > 4096) return false;
  if (CONTROL.test(path)) return false;
  let rest: string;
  if (path.startsWith('/')) {
    if (path.startsWith('//')) return false;
    if (path.includes('\\')) return false;
    rest = path.slice(1);
  } else if (/^[a-z]:[\\/]/i.test(path)) {
    rest = path.slice(3);
    if (/[:*?"<>|]/.test(rest)) return false;
  } else {
    return false;
  }
  const segments = rest.split(/[\\/]/);
  for (const [i, s] of segments.entries()) {
    if (s === '.' || s === '..') return false;
    // An empty segment means `//` in the middle; a trailing separator is tolerated.
    if (s === '' && i !== segments.length - 1) return false;
  }
  return true;
}

/** A path relative to a project file (a CSV next to the mapping): may go up with `..`, never absolute or a URL. */
export function isSafeRelativePath(path: unknown): path is string {
  if (typeof path !== 'string') return false;
  if (path.length === 0 || path.length > 1024) return false;
  if (CONTROL.test(path)) return false;
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return false;
  return true;
}

export interface ParsedOrigin {
  scheme: string;
  host: string;
  /** Explicit port, or the scheme's default (80/443/389/636); null when the scheme has none. */
  port: number | null;
  /** `scheme://host[:port]` with the default port left out, lower-case: what browsers send as `Origin`. */
  origin: string;
}

const DEFAULT_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  ldap: 389,
  ldaps: 636,
  ws: 80,
  wss: 443,
};

/**
 * Parses the origin part of an absolute URL strictly. Anything a browser might parse differently from us —
 * user info (`http://127.0.0.1@evil.com`), backslashes, whitespace, control characters, odd host characters,
 * percent-escapes in the host — is refused (null) rather than guessed at.
 */
export function parseOrigin(url: unknown): ParsedOrigin | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  if (CONTROL.test(url) || /\s/.test(url) || url.includes('\\')) return null;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!m) return null;
  const scheme = (m[1] as string).toLowerCase();
  const authority = m[2] as string;
  if (authority.includes('@') || authority.includes('%')) return null;
  let host: string;
  let portText: string | undefined;
  const v6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(authority);
  if (v6) {
    host = `[${(v6[1] as string).toLowerCase()}]`;
    portText = v6[2];
  } else {
    const h = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(authority);
    if (!h) return null;
    host = (h[1] as string).toLowerCase();
    portText = h[2];
    if (host.startsWith('.') || host.endsWith('.') || host.includes('..') || host.startsWith('-'))
      return null;
  }
  if (host.length === 0) return null;
  const defaultPort = DEFAULT_PORTS[scheme] ?? null;
  let port = defaultPort;
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  }
  const showPort = port !== null && port !== defaultPort;
  return { scheme, host, port, origin: `${scheme}://${host}${showPort ? `:${port}` : ''}` };
}

/**
 * Whether a link may be handed to the operating system's browser: http(s) only, and its origin must equal
 * one of `allowedOrigins` exactly (after parsing both sides).
 */
export function isAllowedExternalUrl(url: unknown, allowedOrigins: readonly string[]): boolean {
  const parsed = parseOrigin(url);
  if (!parsed || (parsed.scheme !== 'http' && parsed.scheme !== 'https')) return false;
  return allowedOrigins.some((allowed) => parseOrigin(allowed)?.origin === parsed.origin);
}

/** The origins the bridge on `port` answers to. */
export function bridgeOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The `Origin` header of a request to the bridge: exactly the bridge's own origin (or absent, checked elsewhere). */
export function isBridgeOrigin(origin: unknown, port: number): boolean {
  return typeof origin === 'string' && bridgeOrigins(port).includes(origin.toLowerCase());
}

/** The `Host` header of a request to the bridge: exactly `127.0.0.1:PORT` or `localhost:PORT` (DNS rebinding guard). */
export function isBridgeHost(host: unknown, port: number): boolean {
  if (typeof host !== 'string') return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A SCIM base URL: https, or plain http only on the loopback interface (the sandbox). */
export function isAcceptableScimBaseUrl(url: unknown): boolean {
  const parsed = parseOrigin(url);
  if (!parsed) return false;
  if (parsed.scheme === 'https') return true;
  return parsed.scheme === 'http' && LOOPBACK_HOSTS.has(parsed.host);
}

/** An LDAP server URL as the source form takes it: `ldap://host[:port]` or `ldaps://host[:port]`, nothing else. */
export function isAcceptableLdapUrl(url: unknown): boolean {
  const parsed = parseOrigin(url);
  if (!parsed || (parsed.scheme !== 'ldap' && parsed.scheme !== 'ldaps')) return false;
  const rest = (url as string).slice((url as string).indexOf('//') + 2);
  const tail = rest.slice(rest.search(/[/?#]|$/));
  return tail === '' || tail === '/';
}

// ---------------------------------------------------------------------------------------------------------
// Where a mapping may point. One set of rules, used by the app (service, bridge) and the CLI alike.

/** Which URL a check is about: named in its refusal ("the target URL must use https…"). */
export type UrlRole = 'url' | 'target' | 'token' | 'api';

const URL_ROLE_TEXT: Readonly<Record<UrlRole, string>> = {
  url: 'the URL',
  target: 'the target URL',
  token: 'the token URL',
  api: 'the API URL',
};

/**
 * A URL check: its origin, or why not — the English `reason` for logs and the CLI, and the same as a catalogue
 * message (`refusal.url.*`, `refusal.ldapUrl.*`) for the screens.
 */
export type UrlCheck = { ok: true; origin: ParsedOrigin } | { ok: false; reason: string; refusal: Refusal };

/**
 * A SCIM base URL or OAuth token URL from a mapping, a form or a flag: https, or plain http only on the
 * loopback interface (the sandbox); no user-info (`https://user:pw@host`), nothing `parseOrigin` refuses.
 */
export function checkHttpsUrl(url: unknown, role: UrlRole = 'url'): UrlCheck {
  const what = URL_ROLE_TEXT[role];
  if (typeof url !== 'string' || url.length === 0)
    return { ok: false, reason: `${what} is missing`, refusal: refusal('refusal.url.missing', { role }) };
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url))
    return {
      ok: false,
      reason: `${what} must not hold a user name or password; secrets go in the secret store`,
      refusal: refusal('refusal.url.userInfo', { role }),
    };
  const parsed = parseOrigin(url);
  if (!parsed)
    return {
      ok: false,
      reason: `${what} is not a plain https://host[:port]/path URL`,
      refusal: refusal('refusal.url.notPlain', { role }),
    };
  if (parsed.scheme === 'https') return { ok: true, origin: parsed };
  if (parsed.scheme === 'http' && LOOPBACK_HOSTS.has(parsed.host)) return { ok: true, origin: parsed };
  return {
    ok: false,
    reason: `${what} must use https (plain http only for 127.0.0.1/localhost): ${parsed.origin} would send secrets in the clear`,
    refusal: refusal('refusal.url.notHttps', { role, origin: parsed.origin }),
  };
}

/** An LDAP server URL: `ldap://host[:port]` or `ldaps://host[:port]`, no user-info, no path or query. */
export function checkLdapServerUrl(url: unknown): UrlCheck {
  if (typeof url === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url))
    return {
      ok: false,
      reason: 'the directory URL must not hold a user name or password',
      refusal: refusal('refusal.ldapUrl.userInfo'),
    };
  if (!isAcceptableLdapUrl(url))
    return {
      ok: false,
      reason: 'the directory URL must be ldap://host[:port] or ldaps://host[:port]',
      refusal: refusal('refusal.ldapUrl.form'),
    };
  return { ok: true, origin: parseOrigin(url) as ParsedOrigin };
}

export type TokenUrlDecision =
  | { kind: 'default' }
  | { kind: 'same-origin'; origin: string }
  | { kind: 'confirmed'; origin: string }
  | { kind: 'needs-confirmation'; origin: string; baseOrigin: string }
  | { kind: 'invalid'; reason: string; refusal: Refusal };

/**
 * Whether the OAuth client secret may be sent to `tokenUrl`. On the base URL's own origin: yes. On another
 * origin only when the consultant confirmed exactly that origin (a visible confirmation in the app,
 * `--token-url` on the command line); a key in the mapping file alone is never enough, because a mapping file
 * travels by email and would otherwise decide where the secret goes.
 */
export function decideTokenUrl(
  baseUrl: string,
  tokenUrl: string | undefined,
  confirmedOrigin?: string | null,
): TokenUrlDecision {
  const base = checkHttpsUrl(baseUrl, 'target');
  if (!base.ok) return { kind: 'invalid', reason: base.reason, refusal: base.refusal };
  if (tokenUrl === undefined || tokenUrl === '') return { kind: 'default' };
  const token = checkHttpsUrl(tokenUrl, 'token');
  if (!token.ok) return { kind: 'invalid', reason: token.reason, refusal: token.refusal };
  if (token.origin.origin === base.origin.origin) return { kind: 'same-origin', origin: token.origin.origin };
  const confirmed = confirmedOrigin ? parseOrigin(confirmedOrigin) : null;
  if (confirmed && confirmed.origin === token.origin.origin)
    return { kind: 'confirmed', origin: token.origin.origin };
  return { kind: 'needs-confirmation', origin: token.origin.origin, baseOrigin: base.origin.origin };
}

/**
 * The endpoint a secret is bound to, as one canonical string. A SCIM secret: the target's origin (scheme, host,
 * port). An LDAP password: the directory's origin, its TLS mode and the bind DN — a mapping that switches
 * StartTLS off or binds as someone else is a different endpoint and gets no password without the consultant.
 */
export type SecretEndpoint =
  | { kind: 'scim'; baseUrl: string }
  | { kind: 'token'; tokenUrl: string }
  | { kind: 'ldap'; url: string; startTls: boolean; bindDn: string };

export function secretEndpointKey(endpoint: SecretEndpoint): string | null {
  if (endpoint.kind === 'ldap') {
    const u = checkLdapServerUrl(endpoint.url);
    if (!u.ok) return null;
    const tls = u.origin.scheme === 'ldaps' ? 'ldaps' : endpoint.startTls ? 'starttls' : 'plain';
    return `${u.origin.scheme}://${u.origin.host}:${u.origin.port}|tls=${tls}|bind=${endpoint.bindDn.trim().toLowerCase()}`;
  }
  const u = checkHttpsUrl(endpoint.kind === 'scim' ? endpoint.baseUrl : endpoint.tokenUrl);
  if (!u.ok) return null;
  return `${u.origin.scheme}://${u.origin.host}:${u.origin.port}`;
}

/** The host a consultant recognises in a confirmation: `dc1.corp.example:636`, `customer.plek.co`. */
export function endpointHost(endpoint: SecretEndpoint): string {
  const url =
    endpoint.kind === 'ldap' ? endpoint.url : endpoint.kind === 'scim' ? endpoint.baseUrl : endpoint.tokenUrl;
  return parseOrigin(url)?.origin ?? String(url);
}

/** True when an LDAP source would send its bind password unencrypted (ldap:// with StartTLS off). */
export function isPlainLdap(source: { url: string; startTls?: boolean }): boolean {
  return /^ldap:/i.test(source.url) && source.startTls === false;
}

/** A mapping path check: its segments, or why not (English `reason`; `refusal.path.*` for the screens). */
export type MappingPathCheck =
  { ok: true; segments: string[] } | { ok: false; reason: string; refusal: Refusal };

/**
 * A file path written in a mapping file (`source.path`, `source.caFile`): relative to the project folder and
 * staying inside it. Refused: absolute paths (`/etc/x`, `C:\x`, `C:x`), UNC and WebDAV paths (`\\host\share`,
 * `//host/share`, `\\host@SSL@443\DavWWWRoot\x` — Windows would authenticate to that host with the consultant's
 * credentials), device paths (`\\?\`, `\\.\`), URLs, `..` segments, alternate data streams, control characters.
 * Absolute paths are for the consultant to pick (dialog, CLI argument), never for the file to decide.
 * `what` names the place (`source.path`); it is data in the refusal, not words.
 */
export function checkMappingPath(path: unknown, what = 'the path'): MappingPathCheck {
  const no = (reason: string, id: RefusalId): MappingPathCheck => ({
    ok: false,
    reason,
    refusal: refusal(id, { field: what }),
  });
  if (typeof path !== 'string' || path.length === 0) return no(`${what} is empty`, 'refusal.path.empty');
  if (path.length > 1024) return no(`${what} is too long`, 'refusal.path.tooLong');
  if (CONTROL.test(path)) return no(`${what} holds control characters`, 'refusal.path.control');
  if (/^[\\/]{2}/.test(path))
    return no(
      `${what} is a network or device path (\\\\host\\share, //host/share, \\\\?\\); pick the file on this computer instead`,
      'refusal.path.network',
    );
  if (/^[\\/]/.test(path) || /^[a-z]:/i.test(path))
    return no(
      `${what} is absolute; a mapping file names files relative to its own folder (choose the file in the workbench, or pass it on the command line)`,
      'refusal.path.absolute',
    );
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return no(`${what} is a URL, not a file path`, 'refusal.path.url');
  if (path.includes(':')) return no(`${what} may not contain ":"`, 'refusal.path.colon');
  const segments = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^\.{3,}$/.test(s.trim()) || s.trim() === '..'))
    return no(
      `${what} leaves the project folder (..); keep the file next to the mapping or below it`,
      'refusal.path.leaves',
    );
  if (segments.length === 0) return no(`${what} names no file`, 'refusal.path.noFile');
  return { ok: true, segments };
}
