import { formatMessage } from '../../../shared/i18n';
import type { MessageId } from '../../../shared/i18n';
import { said, type CodedMessage } from '../../../shared/i18n/message';

/**
 * Directory failures in the consultant's words: every LdapError says what happened and what to do next. Messages
 * are built from codes, never from the request, so the bind password cannot leak into a message, a log or the
 * JSON an IPC call sends back.
 */

export type LdapErrorCode =
  | 'invalid-credentials'
  | 'account-locked'
  | 'password-expired'
  | 'account-disabled'
  | 'account-expired'
  | 'must-change-password'
  | 'unreachable'
  | 'tls'
  | 'filter-syntax'
  | 'size-limit'
  | 'no-such-object'
  | 'anonymous-bind'
  | 'timeout'
  | 'aborted'
  | 'unknown';

/** What the consultant saw of the server certificate, for the "pin this certificate" dialog. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 as upper-case hex pairs with colons, the format `pinnedFingerprint` takes. */
  fingerprint256: string;
  /** True when the certificate verifies against Node's CAs (+ the project's CA file) and matches the host name. */
  trusted: boolean;
  /** Why it is not trusted (Node's code, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE). */
  error?: string;
  /** Subject alternative names as presented ("IP Address:127.0.0.1, DNS:dc1.corp.example"). */
  subjectAltName?: string;
}

export class LdapError extends Error {
  override readonly name = 'LdapError';
  readonly code: LdapErrorCode;
  /** What the consultant should do (English). */
  readonly hint: string;
  /** The message and the hint as catalogue messages, for the CLI's and the screens' language. */
  readonly said: CodedMessage;
  readonly hintSaid: CodedMessage;
  /** Present for TLS failures: the certificate the server presented. */
  readonly certificate?: CertificateInfo;
  /** Active Directory's sub-code from the bind diagnostic ("data 52e"), when the server sent one. */
  readonly adDataCode?: string;
  /** The server's or library's own words (scrubbed of the password), kept for support when no code fits. */
  readonly technical?: string;

  constructor(
    code: LdapErrorCode,
    message: CodedMessage,
    hint: CodedMessage,
    extra: { certificate?: CertificateInfo; adDataCode?: string; technical?: string } = {},
  ) {
    super(formatMessage('en', message));
    this.code = code;
    this.said = message;
    this.hintSaid = hint;
    this.hint = formatMessage('en', hint);
    if (extra.certificate) this.certificate = extra.certificate;
    if (extra.adDataCode) this.adDataCode = extra.adDataCode;
    if (extra.technical) this.technical = extra.technical;
  }
}

export function isLdapError(error: unknown): error is LdapError {
  return error instanceof LdapError;
}

/** Context for messages: which server, which account. Never the password. */
export interface ErrorContext {
  url: string;
  bindDn: string;
  baseDn?: string;
  filter?: string;
  /** Only used to scrub it out of text that came from elsewhere. */
  password?: string;
}

/**
 * AD bind sub-codes (the `data xxx` part of "80090308: LdapErr: DSID-…, AcceptSecurityContext error, data 52e"):
 * what each means is `ldap.ad.<data>` and what to do `ldap.adHint.<data>` in the catalogue.
 */
const AD_DATA_CODES: Readonly<Record<string, LdapErrorCode>> = {
  '525': 'invalid-credentials',
  '52e': 'invalid-credentials',
  '530': 'account-disabled',
  '531': 'account-disabled',
  '532': 'password-expired',
  '533': 'account-disabled',
  '701': 'account-expired',
  '773': 'must-change-password',
  '775': 'account-locked',
};

/** The AD sub-code in a bind diagnostic message, lower case (`52e`), or null. */
export function parseAdDataCode(message: string): string | null {
  const m = /\bdata ([0-9a-f]{3,8})\b/i.exec(message);
  return m ? m[1]!.toLowerCase() : null;
}

/** Removes a secret from text that came from somewhere else (a server message, a library error). */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}

const TLS_CODES =
  /^(?:UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|ERR_OSSL|EPROTO$|PLEK_PIN_MISMATCH$)/;

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const c = (error as { code: unknown }).code;
    if (typeof c === 'string' || typeof c === 'number') return String(c);
  }
  return '';
}

/** True when the failure happened in the TLS layer (certificate, host name, protocol). */
export function isTlsFailure(error: unknown): boolean {
  return TLS_CODES.test(errorCode(error));
}

/** The certificate problem Node reports, as a catalogue message (`ldap.tlsProblem.*`). */
export function tlsProblem(code: string): CodedMessage {
  switch (code) {
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return said('ldap.tlsProblem.untrusted');
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return said('ldap.tlsProblem.selfSigned');
    case 'CERT_HAS_EXPIRED':
      return said('ldap.tlsProblem.expired');
    case 'CERT_NOT_YET_VALID':
      return said('ldap.tlsProblem.notYetValid');
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return said('ldap.tlsProblem.altName');
    case 'PLEK_PIN_MISMATCH':
      return said('ldap.tlsProblem.pinMismatch');
    default:
      return said('ldap.tlsProblem.other', { code: code || '?' });
  }
}

/** The certificate problem Node reports, in English words. */
export function describeTlsProblem(code: string): string {
  return formatMessage('en', tlsProblem(code));
}

/**
 * Turns whatever ldapts or Node threw into an LdapError. Anything unrecognised keeps the library's text (scrubbed
 * of the password) so support can still see it.
 */
export function toLdapError(error: unknown, ctx: ErrorContext, certificate?: CertificateInfo): LdapError {
  if (error instanceof LdapError) return error;
  const raw = scrub(error instanceof Error ? error.message : String(error), ctx.password);
  const code = errorCode(error);
  const name = error instanceof Error ? error.name : '';
  const server = ctx.url;
  const bindDn = ctx.bindDn;
  const baseDn = ctx.baseDn ?? '';

  if (isTlsFailure(error)) {
    const hint =
      code === 'PLEK_PIN_MISMATCH'
        ? said('ldap.hint.pinMismatch')
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? said('ldap.hint.altName')
          : said('ldap.hint.tls');
    return new LdapError('tls', said('ldap.tls', { server, problem: [tlsProblem(code)] }), hint, {
      ...(certificate ? { certificate } : {}),
      ...(code ? { technical: code } : {}),
    });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new LdapError('unreachable', said('ldap.refused', { server }), said('ldap.hint.refused'), {
        technical: code,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new LdapError('unreachable', said('ldap.notFound', { server }), said('ldap.hint.notFound'), {
        technical: code,
      });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'EPIPE':
      return new LdapError(
        'unreachable',
        said('ldap.connectionFailed', { server, code }),
        said('ldap.hint.connectionFailed'),
        { technical: code },
      );
    default:
      break;
  }
  if (/Connection timeout/i.test(raw)) {
    return new LdapError(
      'unreachable',
      said('ldap.connectTimeout', { server }),
      said('ldap.hint.connectTimeout'),
    );
  }
  if (/Operation timed out/i.test(raw)) {
    return new LdapError('timeout', said('ldap.timeout', { server }), said('ldap.hint.timeout'));
  }
  if (name === 'InvalidCredentialsError' || code === '49') {
    const data = parseAdDataCode(raw);
    const known = data ? AD_DATA_CODES[data] : undefined;
    if (data && known) {
      return new LdapError(
        known,
        said('ldap.bindRefused', { server, bindDn, what: [said(`ldap.ad.${data}` as MessageId)], data }),
        said(`ldap.adHint.${data}` as MessageId),
        { adDataCode: data },
      );
    }
    return new LdapError(
      'invalid-credentials',
      said('ldap.invalidCredentials', { server, bindDn, data: data ?? 'none' }),
      said('ldap.hint.invalidCredentials'),
      data ? { adDataCode: data } : {},
    );
  }
  if (name === 'SizeLimitExceededError' || name === 'AdminLimitExceededError') {
    return new LdapError('size-limit', said('ldap.sizeLimit', { server }), said('ldap.hint.sizeLimit'));
  }
  if (name === 'NoSuchObjectError') {
    return new LdapError(
      'no-such-object',
      said('ldap.noSuchObject', { server, baseDn }),
      said('ldap.hint.noSuchObject'),
    );
  }
  if (name === 'StrongAuthRequiredError' || name === 'ConfidentialityRequiredError') {
    return new LdapError('tls', said('ldap.encryptedOnly', { server }), said('ldap.hint.encryptedOnly'));
  }
  if (name === 'InvalidDNSyntaxError') {
    return new LdapError(
      'no-such-object',
      said('ldap.dnSyntax', { server, bindDn, baseDn }),
      said('ldap.hint.dnSyntax'),
    );
  }
  if (name === 'InsufficientAccessError') {
    return new LdapError(
      'unknown',
      said('ldap.noAccess', { server, bindDn, baseDn: baseDn || 'none' }),
      said('ldap.hint.noAccess'),
    );
  }
  if (name === 'UnwillingToPerformError' && /bind|authentication/i.test(raw)) {
    return new LdapError(
      'anonymous-bind',
      said('ldap.bindUnwilling', { server, bindDn }),
      said('ldap.hint.bindUnwilling'),
    );
  }
  return new LdapError('unknown', said('ldap.unknown', { server, detail: raw }), said('ldap.hint.unknown'), {
    technical: raw,
  });
}
