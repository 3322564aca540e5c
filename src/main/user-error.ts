import { formatMessage } from '../shared/i18n';
import type { CodedMessage } from '../shared/i18n/message';
import type { MappingProblem } from '../shared/mapping/load';

/**
 * An error a consultant can act on (bad usage, unreadable or invalid file). The CLI prints it in its language
 * without a stack trace and exits with `exitCode`; the app shows it as-is. Messages never contain a secret.
 *
 * Give it a coded message (made with `said`): `message` is then its English text (for logs and the
 * app's detail) and `said` lets the CLI and the screens word it in the consultant's language.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** The message as a catalogue code and parameters, when it has one. */
  readonly said?: CodedMessage;
  /** Problems in a mapping file, each worded per language (`describeProblem`) under the message. */
  readonly problems?: readonly MappingProblem[];
  /** The system's own code (ENOENT, EACCES…) behind the message, shown labelled for support. */
  readonly technical?: string;

  constructor(
    message: string | CodedMessage,
    readonly exitCode = 2,
    extra: { problems?: readonly MappingProblem[]; technical?: string | undefined } = {},
  ) {
    super(typeof message === 'string' ? message : formatMessage('en', message));
    if (typeof message !== 'string') this.said = message;
    if (extra.problems) this.problems = extra.problems;
    if (extra.technical) this.technical = extra.technical;
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
