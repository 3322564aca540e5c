import { said, type CodedMessage } from '../shared/i18n/message';

/**
 * Node's and the network layer's error codes (ENOENT, ECONNREFUSED, CERT_HAS_EXPIRED…) as catalogue messages that
 * say what happened and what to do, so a Dutch sentence never carries Node's English (`ENOENT: no such file or
 * directory, open '…'`). The raw code stays available as a labelled technical detail for support.
 */

/** The error code Node (or undici, or a TLS socket) gave, looking through `cause`; '' when there is none. */
export function systemCode(error: unknown): string {
  let e: unknown = error;
  for (let i = 0; i < 5 && typeof e === 'object' && e !== null; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

const TLS_CODE =
  /^(?:UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|ERR_OSSL|EPROTO$)/;

/** Why a file could not be read (`sys.read.*`): missing, a folder, no permission, locked, else the code. */
export function readReason(error: unknown): CodedMessage {
  const code = systemCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return said('sys.read.missing');
    case 'EISDIR':
      return said('sys.read.folder');
    case 'EACCES':
    case 'EPERM':
      return said('sys.read.denied');
    case 'EBUSY':
      return said('sys.read.locked');
    default:
      return said('sys.read.other', { code: code || '?' });
  }
}

/** Why a file could not be written (`sys.write.*`). */
export function writeReason(error: unknown): CodedMessage {
  const code = systemCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return said('sys.write.missing');
    case 'EACCES':
    case 'EPERM':
      return said('sys.write.denied');
    case 'EISDIR':
      return said('sys.write.folder');
    case 'EEXIST':
      return said('sys.write.exists');
    case 'ENOSPC':
      return said('sys.write.full');
    case 'EROFS':
      return said('sys.write.readOnly');
    case 'EBUSY':
      return said('sys.write.locked');
    default:
      return said('sys.write.other', { code: code || '?' });
  }
}

/**
 * Why a connection failed (`sys.net.*`, `sys.tls.*`), or null when the code is not a network one: refused,
 * unknown host, timeout, broken off, unreachable network, and the certificate problems Node names.
 */
export function networkReason(error: unknown): CodedMessage | null {
  const code = systemCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return said('sys.net.refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said('sys.net.notFound');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return said('sys.net.timeout');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return said('sys.net.reset');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return said('sys.net.unreachable');
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return said('sys.tls.untrusted');
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return said('sys.tls.selfSigned');
    case 'CERT_HAS_EXPIRED':
      return said('sys.tls.expired');
    case 'CERT_NOT_YET_VALID':
      return said('sys.tls.notYetValid');
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return said('sys.tls.altName');
    default:
      return TLS_CODE.test(code) ? said('sys.tls.other') : null;
  }
}
