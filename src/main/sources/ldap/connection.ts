import { Client, FilterParser } from 'ldapts';
import type { LdapSource } from '../../../shared/mapping/schema';
import { said, type CodedMessage } from '../../../shared/i18n/message';
import { LdapError, type ErrorContext, isTlsFailure, toLdapError } from './errors';
import { baseTlsOptions, inspectCertificate, parseLdapUrl, secureConnector } from './tls';

export interface LdapConnectOptions {
  /** The bind password, from the app's secret store or PLEK_LDAP_PASSWORD. Never logged, never in an error. */
  password: string;
  /** Contents of `source.caFile` (PEM), read by the caller. Added to Node's CAs, not instead of them. */
  caPem?: string;
  signal?: AbortSignal;
  /** Told about risky but allowed settings (plain ldap:// without StartTLS), as catalogue messages. */
  onWarning?: (message: CodedMessage) => void;
}

export const DEFAULT_FILTERS = {
  /** Person accounts, enabled or disabled (deactivation needs the disabled ones), no computer accounts. */
  ad: '(&(objectCategory=person)(objectClass=user)(!(objectClass=computer)))',
  openldap: '(objectClass=inetOrgPerson)',
} as const;

export function effectiveFilter(source: LdapSource): string {
  return source.filter ?? DEFAULT_FILTERS[source.flavor];
}

export function errorContext(source: LdapSource, password?: string): ErrorContext {
  return {
    url: source.url,
    bindDn: source.bindDn,
    baseDn: source.baseDn,
    filter: effectiveFilter(source),
    ...(password ? { password } : {}),
  };
}

/** Checks a filter locally, so a typo is reported with the filter itself instead of a protocol error. */
export function checkFilter(filter: string): void {
  try {
    // ldapts' parser accepts some unbalanced filters; in RFC 4515 a literal parenthesis in a value is always
    // escaped (\28, \29), so every raw one is structure and they must balance into one outer pair.
    const text = filter.trim();
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      if (depth < 0) throw new Error(`unexpected ")" at position ${i + 1}`);
      if (depth === 0 && i < text.length - 1)
        throw new Error(`text after the closing ")" at position ${i + 2}`);
    }
    if (!text.startsWith('(')) throw new Error('a filter starts with "("');
    if (depth > 0) throw new Error(`${depth} "(" not closed`);
    FilterParser.parseString(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LdapError('filter-syntax', said('ldap.filter', { filter, detail }), said('ldap.hint.filter'), {
      technical: detail,
    });
  }
}

/** Refuses settings that would bind anonymously, before anything is sent. */
export function checkCredentials(source: LdapSource, password: string | undefined): void {
  if (!source.bindDn.trim() || !password) {
    throw new LdapError(
      'anonymous-bind',
      said('ldap.anonymous', { missing: !source.bindDn.trim() ? 'bindDn' : 'password', server: source.url }),
      said('ldap.hint.anonymous'),
    );
  }
}

function abortError(source: LdapSource): LdapError {
  return new LdapError('aborted', said('ldap.aborted', { server: source.url }), said('ldap.hint.aborted'));
}

export function throwIfAborted(source: LdapSource, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(source);
}

/**
 * Connects (ldaps://, or ldap:// + StartTLS unless switched off), verifies the certificate (CAs or pin) and binds.
 * Every failure becomes an LdapError; TLS failures carry the certificate the server presented. The returned
 * client must be closed with `client.unbind()` in a finally block.
 */
export async function connectAndBind(source: LdapSource, options: LdapConnectOptions): Promise<Client> {
  checkCredentials(source, options.password);
  throwIfAborted(source, options.signal);
  const { secure, host } = parseLdapUrl(source.url);
  if (!secure && !source.startTls) {
    options.onWarning?.(said('ldap.warning.plain', { url: source.url }));
  }
  if (source.followReferrals) {
    options.onWarning?.(said('ldap.warning.referrals'));
  }
  const tlsOptions = baseTlsOptions(host, options.caPem);
  const client = new Client({
    url: source.url,
    timeout: source.timeoutMs,
    connectTimeout: source.timeoutMs,
    // ldapts treats any tlsOptions as "connect with TLS right away", so ldap:// gets them only at StartTLS.
    ...(secure ? { tlsOptions } : {}),
    createSecureConnection: secureConnector(source.pinnedFingerprint),
  });
  try {
    if (!secure && source.startTls)
      await abortable(client.startTLS({ ...tlsOptions }), client, source, options.signal);
    throwIfAborted(source, options.signal);
    await abortable(client.bind(source.bindDn, options.password), client, source, options.signal);
    return client;
  } catch (error) {
    await client.unbind().catch(() => undefined);
    if (error instanceof LdapError) throw error;
    throw await describeFailure(error, source, options);
  }
}

/**
 * `work`, or the abort error the moment the signal fires: a server that never answers (a firewall that drops
 * packets) is given up at once, not after the connect timeout. The client is closed, so its socket goes too; a
 * late answer or failure of `work` is then ignored.
 */
function abortable<T>(
  work: Promise<T>,
  client: Client,
  source: LdapSource,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      void client.unbind().catch(() => undefined);
      reject(abortError(source));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** An LdapError for a failure, with the server's certificate attached when TLS was the problem. */
export async function describeFailure(
  error: unknown,
  source: LdapSource,
  options: Pick<LdapConnectOptions, 'password' | 'caPem'>,
): Promise<LdapError> {
  const ctx = errorContext(source, options.password);
  if (isTlsFailure(error)) {
    const certificate = await inspectCertificate(source.url, Math.min(source.timeoutMs, 10_000), {
      ...(options.caPem ? { caPem: options.caPem } : {}),
    }).catch(() => undefined);
    return toLdapError(error, ctx, certificate);
  }
  return toLdapError(error, ctx);
}
