/**
 * HR application API failures in the consultant's words: every ApiSourceError says what happened and what to do.
 * Messages are built from the status code and the endpoint (origin + path), never from a request header or body,
 * so a client secret, token or API key cannot end up in a message, a log or an IPC answer.
 */

/** Every failure of an API read; each has a text `source.api.<code>` in both catalogues (a test checks it). */
export const API_SOURCE_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'bad-request',
  'tls',
  'unreachable',
  'timeout',
  'insecure-url',
  'redirect',
  'bad-response',
  'incomplete',
  'missing-secret',
  'aborted',
] as const;
export type ApiErrorCode = (typeof API_SOURCE_ERROR_CODES)[number];

export class ApiSourceError extends Error {
  override readonly name = 'ApiSourceError';
  readonly code: ApiErrorCode;
  /** What the consultant should do next. */
  readonly hint: string;
  /** HTTP status when the server answered. */
  readonly status?: number;
  /** For rate limits: when a new attempt may succeed (ISO date-time). */
  readonly retryAt?: string;
  /** Which application and where (origin + path), for the worded message in the consultant's language. */
  readonly vendor?: ApiVendor;
  readonly endpoint?: string;
  /** The TLS error code of a refused certificate (`DEPTH_ZERO_SELF_SIGNED_CERT`). */
  readonly tlsCode?: string;
  /** The network error code when no answer came (`ECONNREFUSED`, `ENOTFOUND`), for the worded reason. */
  readonly networkCode?: string;

  constructor(
    code: ApiErrorCode,
    message: string,
    hint: string,
    extra: {
      status?: number;
      retryAt?: string;
      vendor?: ApiVendor;
      endpoint?: string;
      tlsCode?: string;
      networkCode?: string;
    } = {},
  ) {
    super(message);
    this.code = code;
    this.hint = hint;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAt !== undefined) this.retryAt = extra.retryAt;
    if (extra.vendor !== undefined) this.vendor = extra.vendor;
    if (extra.endpoint !== undefined) this.endpoint = extra.endpoint;
    if (extra.tlsCode !== undefined) this.tlsCode = extra.tlsCode;
    if (extra.networkCode !== undefined) this.networkCode = extra.networkCode;
  }
}

/**
 * An API failure as a catalogue message (`source.api.<code>`) with its parameters — application, endpoint,
 * HTTP status, when to try again, TLS code — so the app words it in the consultant's language. Built from the
 * same fields as the English message: never from a header or body, so it cannot carry a secret.
 */
export function apiProblem(
  error: ApiSourceError,
  vendor?: ApiVendor,
): { id: `source.api.${ApiErrorCode}`; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {
    vendor: error.vendor ?? vendor ?? 'rest',
    endpoint: error.endpoint ?? '',
    status: error.status ?? 0,
    when: error.retryAt ? 'known' : 'unknown',
    retryAt: error.retryAt ? Date.parse(error.retryAt) : 0,
    tlsCode: error.tlsCode ?? '',
  };
  return { id: `source.api.${error.code}`, values };
}

export function isApiSourceError(error: unknown): error is ApiSourceError {
  return error instanceof ApiSourceError;
}

/** Which application a message is about, so it can name the right settings page. */
export type ApiVendor = 'personio' | 'afas' | 'rest';

const APP_NAME: Record<ApiVendor, string> = { personio: 'Personio', afas: 'AFAS Profit', rest: 'the API' };

/** `https://api.personio.de/v2/persons` without query string (cursors and filters are noise in a message). */
export function endpointLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** The error for an HTTP answer that is not a success, after retries. */
export function httpError(
  vendor: ApiVendor,
  status: number,
  url: string,
  context: { phase: 'token' | 'read'; retryAt?: Date },
): ApiSourceError {
  const app = APP_NAME[vendor];
  const where = endpointLabel(url);
  if (context.phase === 'token' && (status === 400 || status === 401 || status === 403)) {
    return new ApiSourceError(
      'unauthorized',
      `${app} refused the client ID and secret at ${where} (HTTP ${status}).`,
      vendor === 'personio'
        ? 'Check the client ID and secret of the API credential (Personio: Settings → Integrations → API credentials). A secret is shown once: when in doubt, generate a new one and store it again.'
        : 'Check the client ID and secret (and the token URL); store the secret again if it was renewed.',
      { status, vendor, endpoint: where },
    );
  }
  switch (status) {
    case 401:
      return new ApiSourceError(
        'unauthorized',
        `${app} did not accept the credentials at ${where} (HTTP 401).`,
        vendor === 'afas'
          ? 'Check the AFAS token: paste the whole <token><version>1</version><data>…</data></token> text of the app connector user, and check that the token has not been revoked.'
          : vendor === 'personio'
            ? 'Check the client ID and secret of the Personio API credential; store the secret again if it was renewed.'
            : 'Check the token, key or client secret; store it again if it was renewed.',
        { status, vendor, endpoint: where },
      );
    case 403:
      return new ApiSourceError(
        'forbidden',
        `${app} refused access to ${where} (HTTP 403): the credentials are valid but may not read this.`,
        vendor === 'personio'
          ? 'The API credential lacks a scope or attribute: give it personio:persons:read (and the employment attributes) in Personio → Settings → API credentials.'
          : vendor === 'afas'
            ? 'Add the GetConnector to the app connector of this token (Profit: General → Management → App connector) and check the user’s authorisation.'
            : 'Ask the application administrator to give these credentials read access (a missing scope or role).',
        { status, vendor, endpoint: where },
      );
    case 404:
      return new ApiSourceError(
        'not-found',
        `${app} has nothing at ${where} (HTTP 404).`,
        vendor === 'afas'
          ? 'Check the connector name (it is case-sensitive and must be published in the app connector) and the environment URL (…rest.afas.online/ProfitRestServices).'
          : vendor === 'personio'
            ? 'Check the base URL (https://api.personio.de unless Personio gave you another).'
            : 'Check the URL and the path of the people list.',
        { status, vendor, endpoint: where },
      );
    case 429: {
      const at = context.retryAt;
      const when = at ? ` Try again after ${at.toISOString().slice(11, 16)} UTC.` : '';
      return new ApiSourceError(
        'rate-limited',
        `${app} is rate limiting the requests to ${where} (HTTP 429).${when}`,
        `Wait a few minutes and start again${vendor === 'personio' ? ', or lower concurrency in the source settings' : ''}; another integration using the same credentials shares the limit.`,
        { status, vendor, endpoint: where, ...(at ? { retryAt: at.toISOString() } : {}) },
      );
    }
    default:
      break;
  }
  if (status >= 500) {
    return new ApiSourceError(
      'server',
      `${app} answered with a server error at ${where} (HTTP ${status}), also after retries.`,
      vendor === 'afas'
        ? 'Try again later. AFAS answers 500 to a token sent in the wrong form too: paste the whole token XML.'
        : 'Try again later; if it stays, the application’s status page or support can tell more.',
      { status, vendor, endpoint: where },
    );
  }
  return new ApiSourceError(
    'bad-request',
    `${app} refused the request to ${where} (HTTP ${status}).`,
    'Check the source settings (paging parameters, page size, extra query parameters).',
    { status, vendor, endpoint: where },
  );
}

const TLS_CODES =
  /^(?:UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|ERR_OSSL|EPROTO$)/;

function causeCode(error: unknown): string {
  let e: unknown = error;
  for (let i = 0; i < 4 && typeof e === 'object' && e !== null; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

/** True for failures worth another attempt: the connection broke, not the request. */
export function isTransientNetworkError(error: unknown): boolean {
  const code = causeCode(error);
  return ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'UND_ERR_CLOSED'].includes(
    code,
  );
}

/** A failure without an HTTP answer (DNS, refused, TLS, timeout) in the consultant's words. */
export function networkError(
  vendor: ApiVendor,
  url: string,
  error: unknown,
  timedOut: boolean,
): ApiSourceError {
  const app = APP_NAME[vendor];
  const where = endpointLabel(url);
  if (timedOut) {
    return new ApiSourceError(
      'timeout',
      `${app} did not answer in time at ${where}.`,
      'Check the connection (VPN, proxy) and try again; raise timeoutMs in the source settings for a slow API.',
      { vendor, endpoint: where },
    );
  }
  const code = causeCode(error);
  if (TLS_CODES.test(code)) {
    return new ApiSourceError(
      'tls',
      `The secure connection to ${where} failed: the certificate is not trusted (${code}).`,
      'Check the URL (a typo can reach another server). Behind a company proxy that inspects HTTPS, ask IT to add its CA certificate to this computer.',
      { vendor, endpoint: where, tlsCode: code },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ApiSourceError(
      'unreachable',
      `The host name in ${where} cannot be resolved.`,
      vendor === 'afas'
        ? 'Check the environment number in the URL (https://12345.rest.afas.online/ProfitRestServices) and the network connection.'
        : 'Check the spelling of the URL and the network connection.',
      { vendor, endpoint: where, networkCode: code },
    );
  }
  return new ApiSourceError(
    'unreachable',
    `Cannot connect to ${where}${code ? ` (${code})` : ''}.`,
    'Check the URL and the network connection (VPN, proxy, firewall).',
    { vendor, endpoint: where, ...(code ? { networkCode: code } : {}) },
  );
}

export function abortedError(vendor: ApiVendor): ApiSourceError {
  return new ApiSourceError(
    'aborted',
    `Reading ${APP_NAME[vendor]} was cancelled.`,
    'Start the read again.',
    {
      vendor,
    },
  );
}
