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
