/**
 * The Active Directory / LDAP source: connection (ldaps:// or StartTLS, CA file or pinned certificate), paged
 * reads streamed as source records with AD values in readable form, schema sampling, a connection test, and
 * errors a consultant can act on. Plain Node (ldapts), no Electron: the CLI and the app share it.
 */
import type { LdapSource } from '../../../shared/mapping/schema';
import type { CertificateInfo } from './errors';
import { toLdapError } from './errors';
import { inspectCertificate as inspect } from './tls';

export {
  readLdapRecords,
  sampleLdap,
  testLdapConnection,
  describeAttributes,
  type LdapReadOptions,
} from './read';
export { DEFAULT_FILTERS, effectiveFilter, checkFilter, type LdapConnectOptions } from './connection';
export { LdapError, isLdapError, parseAdDataCode, type LdapErrorCode, type CertificateInfo } from './errors';
export { PHOTO_ATTRIBUTES, DERIVED_FROM } from './entry';
export { normalizeFingerprint } from './tls';
export type { LdapSource };

/**
 * The certificate a directory presents (TLS handshake without trusting it, no credentials sent), for the "pin
 * this certificate" flow. Unreachable servers reject with an LdapError.
 */
export async function inspectCertificate(
  url: string,
  timeoutMs = 10_000,
  options: { caPem?: string } = {},
): Promise<CertificateInfo> {
  try {
    return await inspect(url, timeoutMs, options);
  } catch (error) {
    throw toLdapError(error, { url, bindDn: '(none: certificate check only)' });
  }
}
