/**
 * An error a consultant can act on (bad usage, unreadable or invalid file). The CLI prints its message without
 * a stack trace and exits with `exitCode`; the app shows it as-is. Messages never contain a secret.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** True for errors whose message is meant for the consultant (ours, the sources', the LDAP layer's). */
export function isUserFacing(error: unknown): error is Error {
  return (
    error instanceof Error &&
    [
      'UserError',
      'SourceError',
      'LdapError',
      'ApiSourceError',
      'ScimError',
      'SyncError',
      'CommanderError',
    ].includes(error.name)
  );
}
