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
  /** What the consultant should do. */
  readonly hint: string;
  /** Present for TLS failures: the certificate the server presented. */
  readonly certificate?: CertificateInfo;
  /** Active Directory's sub-code from the bind diagnostic ("data 52e"), when the server sent one. */
  readonly adDataCode?: string;

  constructor(
    code: LdapErrorCode,
    message: string,
    hint: string,
    extra: { certificate?: CertificateInfo; adDataCode?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.hint = hint;
    if (extra.certificate) this.certificate = extra.certificate;
    if (extra.adDataCode) this.adDataCode = extra.adDataCode;
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

/** AD bind sub-codes (the `data xxx` part of "80090308: LdapErr: DSID-…, AcceptSecurityContext error, data 52e"). */
const AD_DATA_CODES: Readonly<Record<string, { code: LdapErrorCode; what: string; hint: string }>> = {
  '525': {
    code: 'invalid-credentials',
    what: 'the account does not exist',
    hint: 'Check the bind DN or UPN for typos; use the exact userPrincipalName (name@domain) or the full DN of the service account.',
  },
  '52e': {
    code: 'invalid-credentials',
    what: 'the password is wrong',
    hint: 'Check the password of the service account (PLEK_LDAP_PASSWORD for the CLI, the secret store in the app). Each wrong attempt counts towards the lockout threshold.',
  },
  '530': {
    code: 'account-disabled',
    what: 'the account may not log on at this time',
    hint: "Ask the AD administrator to lift the account's logon-hours restriction for the service account.",
  },
  '531': {
    code: 'account-disabled',
    what: 'the account may not log on from this computer',
    hint: "Ask the AD administrator to remove the 'Log on to' workstation restriction of the service account.",
  },
  '532': {
    code: 'password-expired',
    what: 'the password has expired',
    hint: "Ask the AD administrator to set a new password and tick 'Password never expires' for the service account, then update the stored password.",
  },
  '533': {
    code: 'account-disabled',
    what: 'the account is disabled',
    hint: 'Ask the AD administrator to enable the service account (Active Directory Users and Computers → Enable Account).',
  },
  '701': {
    code: 'account-expired',
    what: 'the account has expired',
    hint: "Ask the AD administrator to clear 'Account expires' (set it to Never) for the service account.",
  },
  '773': {
    code: 'must-change-password',
    what: 'the password must be changed before the first logon',
    hint: "Ask the AD administrator to untick 'User must change password at next logon' (or log on once and change it), then update the stored password.",
  },
  '775': {
    code: 'account-locked',
    what: 'the account is locked out after too many wrong passwords',
    hint: 'Wait for the lockout to expire or ask the AD administrator to unlock the service account; check the stored password first so the next attempt does not lock it again.',
  },
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

/** The certificate problem Node reports, in words. */
export function describeTlsProblem(code: string): string {
  switch (code) {
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'the certificate is signed by a CA this computer does not trust';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'the certificate is self-signed';
    case 'CERT_HAS_EXPIRED':
      return 'the certificate has expired';
    case 'CERT_NOT_YET_VALID':
      return 'the certificate is not valid yet (check the clock of this computer)';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'the certificate was issued for another host name';
    case 'PLEK_PIN_MISMATCH':
      return 'the certificate is not the one pinned for this project';
    default:
      return `the TLS handshake failed (${code || 'unknown reason'})`;
  }
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

  if (isTlsFailure(error)) {
    const problem = describeTlsProblem(code);
    const hint =
      code === 'PLEK_PIN_MISMATCH'
        ? 'The directory now presents a different certificate than the one pinned. If the customer renewed it, check the new subject, issuer and fingerprint with them and pin it again; otherwise do not connect.'
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? 'Use the host name the certificate was issued for (see the certificate details), or ask for a certificate that includes this name.'
          : "Ask the customer for the CA certificate that signed the directory's certificate and set it as the CA file, or compare the fingerprint with the customer and pin this certificate.";
    return new LdapError('tls', `Cannot set up a secure connection to ${server}: ${problem}.`, hint, {
      ...(certificate ? { certificate } : {}),
    });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new LdapError(
        'unreachable',
        `Nothing answers on ${server} (connection refused).`,
        'Check the host name and port (389 for ldap://, 636 for ldaps://) and that this computer is on the customer network or VPN.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new LdapError(
        'unreachable',
        `The host name in ${server} cannot be resolved.`,
        'Check the spelling of the host name, and that this computer uses the customer DNS (VPN connected?).',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'EPIPE':
      return new LdapError(
        'unreachable',
        `The connection to ${server} failed (${code}).`,
        'Check that this computer is on the customer network or VPN and that a firewall allows the LDAP port.',
      );
    default:
      break;
  }
  if (/Connection timeout/i.test(raw)) {
    return new LdapError(
      'unreachable',
      `${server} did not accept a connection in time.`,
      'Check the host name and port and that a firewall allows the LDAP port from this computer; raise timeoutMs for slow links.',
    );
  }
  if (/Operation timed out/i.test(raw)) {
    return new LdapError(
      'timeout',
      `${server} did not answer in time.`,
      'Narrow the base DN or the filter, or raise timeoutMs in the source settings.',
    );
  }
  if (name === 'InvalidCredentialsError' || code === '49') {
    const data = parseAdDataCode(raw);
    const known = data ? AD_DATA_CODES[data] : undefined;
    if (known) {
      return new LdapError(
        known.code,
        `${server} refused the bind as ${ctx.bindDn}: ${known.what} (AD data ${data}).`,
        known.hint,
        { adDataCode: data! },
      );
    }
    return new LdapError(
      'invalid-credentials',
      `${server} refused the bind as ${ctx.bindDn}: wrong bind DN or password${data ? ` (AD data ${data})` : ''}.`,
      'Check the bind DN (a full DN, or name@domain for AD) and the password.',
      data ? { adDataCode: data } : {},
    );
  }
  if (name === 'SizeLimitExceededError' || name === 'AdminLimitExceededError') {
    return new LdapError(
      'size-limit',
      `${server} stopped the search at its size limit.`,
      'Paging is on, but the server still limits the total for this account. Narrow the base DN or filter, or ask the administrator to lift the limit for the service account.',
    );
  }
  if (name === 'NoSuchObjectError') {
    return new LdapError(
      'no-such-object',
      `The base DN ${ctx.baseDn ?? ''} does not exist on ${server}.`,
      'Check the base DN: copy it from the distinguishedName of the OU (Attribute Editor in Active Directory Users and Computers).',
    );
  }
  if (name === 'StrongAuthRequiredError' || name === 'ConfidentialityRequiredError') {
    return new LdapError(
      'tls',
      `${server} only accepts encrypted binds.`,
      'Turn StartTLS on (startTls: true) or use ldaps://.',
    );
  }
  if (name === 'InvalidDNSyntaxError') {
    return new LdapError(
      'no-such-object',
      `${server} cannot read a DN in the request (bind DN ${ctx.bindDn} or base DN ${ctx.baseDn ?? ''}).`,
      'Check the bind DN and base DN for typos (CN=…,OU=…,DC=…).',
    );
  }
  if (name === 'InsufficientAccessError') {
    return new LdapError(
      'unknown',
      `${ctx.bindDn} may not read ${ctx.baseDn ?? 'this part of the directory'} on ${server}.`,
      'Ask the administrator to give the service account read access to the users OU.',
    );
  }
  if (name === 'UnwillingToPerformError' && /bind|authentication/i.test(raw)) {
    return new LdapError(
      'anonymous-bind',
      `${server} refused the bind as ${ctx.bindDn}.`,
      'Bind with a service account and its password; anonymous and unauthenticated binds are not allowed.',
    );
  }
  return new LdapError(
    'unknown',
    `${server}: ${raw}`,
    'Check the connection settings; if the problem stays, send this message (it contains no password) to Plek support.',
  );
}
