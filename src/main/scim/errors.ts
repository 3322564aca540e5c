import { said, type CodedMessage } from '../../shared/i18n/message';

/** A SCIM call that failed; messages name the method, path and status, never a token or secret. */
export class ScimRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** RFC 7644 scimType (`uniqueness`, `invalidFilter`…) when the server sent one. */
    readonly scimType?: string,
    /** True when the request may or may not have taken effect (lost response, timeout, 5xx). */
    readonly ambiguous = false,
    readonly retryAfterMs?: number,
    /** The server's own `detail` (RFC 7644 §3.12), or the network error code when no answer came. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ScimRequestError';
  }
}

/** A lookup that should find at most one account found several: the sync never guesses. */
export class ScimConflictError extends Error {
  constructor(
    message: string,
    readonly ids: string[],
  ) {
    super(message);
    this.name = 'ScimConflictError';
  }
}

export class ScimAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScimAuthError';
  }
}

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

/** RFC 7644 scimTypes of a 400 that say a value was refused (as opposed to a request Plek cannot read). */
const VALUE_TYPES = new Set([
  'invalidValue',
  'mutability',
  'tooMany',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
]);

/**
 * Why an operation failed, as a coded message for the run report and the Run step: the HTTP status and SCIM
 * `scimType` decide the code (409 uniqueness → conflict, 400 invalidValue → invalid value, 404 → not found, 429 →
 * rate limited, 5xx → server error, no answer → network error); the server's own detail is kept as `detail`,
 * shown beside the consultant's words. Messages carry method, path and status only, never a secret.
 */
export function failureMessage(e: unknown): CodedMessage {
  if (e instanceof ScimRequestError) {
    const detail = e.detail?.trim() || e.message;
    const s = e.status;
    if (s === null) return said('report.failure.network', { detail });
    if (s === 409 || e.scimType === 'uniqueness') return said('report.failure.conflict', { detail });
    if (s === 400)
      return VALUE_TYPES.has(e.scimType ?? '') || e.scimType === undefined
        ? said('report.failure.invalidValue', { scimType: e.scimType ?? '', detail })
        : said('report.failure.refused', { status: s, detail });
    if (s === 401 || s === 403) return said('report.failure.access', { status: s, detail });
    if (s === 404) return said('report.failure.notFound', { detail });
    if (s === 429) return said('report.failure.rateLimited', { detail });
    if (s >= 500) return said('report.failure.server', { status: s, detail });
    return said('report.failure.refused', { status: s, detail });
  }
  if (e instanceof ScimAuthError) return said('report.failure.access', { status: 401, detail: e.message });
  if (e instanceof ScimConflictError)
    return said('report.failure.ambiguous', { n: e.ids.length, detail: e.message });
  return said('report.failure.other', { detail: e instanceof Error ? e.message : String(e) });
}
