import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { Client } from 'ldapts';
import type { CertificateInfo } from './errors';
import { describeTlsProblem } from './errors';

/** Host and port of an ldap:// or ldaps:// URL, with the default port filled in. */
export function parseLdapUrl(url: string): { secure: boolean; host: string; port: number } {
  const m = /^(ldaps?):\/\/(\[[^\]]+\]|[^\s/:]+)(?::(\d+))?\/?$/i.exec(url.trim());
  if (!m) throw new Error(`not an ldap:// or ldaps:// URL: ${url}`);
  const secure = m[1]!.toLowerCase() === 'ldaps';
  return { secure, host: m[2]!.replace(/^\[|\]$/g, ''), port: m[3] ? Number(m[3]) : secure ? 636 : 389 };
}

/** SHA-256 of the DER certificate as AA:BB:… (what `pinnedFingerprint` holds). */
export function normalizeFingerprint(fp: string): string {
  return fp
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

function dnText(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

export function certificateInfo(
  cert: tls.PeerCertificate,
  trusted: boolean,
  error?: string,
): CertificateInfo {
  const info: CertificateInfo = {
    subject: dnText(cert.subject),
    issuer: dnText(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: normalizeFingerprint(cert.fingerprint256 ?? ''),
    trusted,
  };
  if (error) info.error = error;
  if (cert.subjectaltname) info.subjectAltName = cert.subjectaltname;
  return info;
}

/** The CAs a connection trusts: Node's bundled roots plus the project's CA file (not instead of them). */
export function trustedCas(caPem: string | undefined): string[] | undefined {
  return caPem ? [...tls.rootCertificates, caPem] : undefined;
}

/** Base TLS options for a host: CA list, TLS 1.2+, SNI only for names (Node refuses SNI with an IP). */
export function baseTlsOptions(host: string, caPem: string | undefined): tls.ConnectionOptions {
  const ca = trustedCas(caPem);
  return {
    host,
    ...(isIP(host) ? {} : { servername: host }),
    ...(ca ? { ca } : {}),
    minVersion: 'TLSv1.2',
  };
}

/**
 * tls.connect for ldapts that, when a fingerprint is pinned, accepts exactly that certificate. Node cannot verify a
 * pin on its own (checkServerIdentity only runs after the CA check passed), so the CA check is switched off for
 * this one socket and the pin is compared before ldapts hears of the connection: `secureConnect` is withheld and
 * the socket destroyed on a mismatch, so no byte of the bind (and its password) is ever written to it.
 */
export function secureConnector(pinnedFingerprint: string | undefined): typeof tls.connect {
  const connect = ((...args: unknown[]) => {
    if (!pinnedFingerprint) return (tls.connect as (...a: unknown[]) => tls.TLSSocket)(...args);
    const pin = normalizeFingerprint(pinnedFingerprint);
    // ldapts calls (port, host, options) for ldaps:// and (options) for StartTLS.
    const optionsIndex = args.findIndex((a) => typeof a === 'object' && a !== null);
    const patched = [...args];
    const base = (optionsIndex >= 0 ? args[optionsIndex] : {}) as tls.ConnectionOptions;
    const options: tls.ConnectionOptions = { ...base, rejectUnauthorized: false };
    if (optionsIndex >= 0) patched[optionsIndex] = options;
    else patched.push(options);
    const socket = (tls.connect as (...a: unknown[]) => tls.TLSSocket)(...patched);
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...rest: unknown[]) => {
      if (event === 'secureConnect') {
        const got = normalizeFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
        if (got !== pin) {
          const error = Object.assign(new Error(`certificate fingerprint ${got} is not the pinned ${pin}`), {
            code: 'PLEK_PIN_MISMATCH',
          });
          socket.destroy(error);
          return false;
        }
      }
      return emit(event, ...rest);
    }) as typeof socket.emit;
    return socket;
  }) as typeof tls.connect;
  return connect;
}

/**
 * Reads the certificate a directory presents, without trusting it and without sending credentials (for ldap://
 * after the StartTLS request), so the consultant can compare subject, issuer and fingerprint with the customer
 * and pin it. `trusted` says whether the normal check (Node's CAs + `caPem`, host name) would accept it.
 */
export async function inspectCertificate(
  url: string,
  timeoutMs = 10_000,
  options: { caPem?: string } = {},
): Promise<CertificateInfo> {
  const { secure, host, port } = parseLdapUrl(url);
  const tlsOptions: tls.ConnectionOptions = {
    ...baseTlsOptions(host, options.caPem),
    rejectUnauthorized: false,
  };
  let captured: CertificateInfo | undefined;
  const capture = (socket: tls.TLSSocket): void => {
    const cert = socket.getPeerCertificate();
    if (!cert || Object.keys(cert).length === 0) return;
    const err = socket.authorized ? undefined : String(socket.authorizationError ?? 'not trusted');
    captured = certificateInfo(
      cert,
      socket.authorized,
      err ? `${err}: ${describeTlsProblem(err)}` : undefined,
    );
  };

  if (secure) {
    await new Promise<void>((resolve, reject) => {
      const socket = tls.connect({ ...tlsOptions, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('Connection timeout'));
      }, timeoutMs);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        capture(socket);
        socket.end();
        socket.destroy();
        resolve();
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(e);
      });
    });
  } else {
    const client = new Client({
      url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      createSecureConnection: ((opts: tls.ConnectionOptions) => {
        const socket = tls.connect(opts);
        socket.once('secureConnect', () => capture(socket));
        return socket;
      }) as typeof tls.connect,
    });
    try {
      await client.startTLS(tlsOptions);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
  if (!captured) throw new Error(`${url} presented no certificate`);
  return captured;
}
