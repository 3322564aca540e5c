/**
 * Pure guards for the values that cross the process/HTTP boundary and point somewhere: file names, paths,
 * URLs and origins. They compare exact parsed values, never substrings (`http://127.0.0.1.evil.com` must not
 * pass as `http://127.0.0.1`). No Node, no DOM: the same checks run in main, the bridge and the renderer.
 */

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
