import { formatMessage } from '../../shared/i18n';
import type { CodedMessage } from '../../shared/i18n/message';

/** What went wrong when a source could not be read at all (as opposed to bad rows, which are issues). */
export type SourceErrorCode = 'source-unreadable' | 'source-aborted';

/**
 * A user-facing failure to read a source: the message names the file (or server) and says what to do. It is
 * shown as-is, never with a stack trace, and never contains a secret. Given as a coded message, `message` is its
 * English text and `said` lets the CLI and the screens word it in the consultant's language.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  /** The file name or label the message refers to. */
  readonly file: string;
  /** The message as a catalogue code and parameters, when it has one. */
  readonly said?: CodedMessage;
  /** The system's own code (ENOENT, EACCES…) when the file system refused, for support. */
  readonly technical?: string;

  constructor(code: SourceErrorCode, message: string | CodedMessage, file: string, technical?: string) {
    super(typeof message === 'string' ? message : formatMessage('en', message));
    this.code = code;
    this.file = file;
    if (typeof message !== 'string') this.said = message;
    if (technical) this.technical = technical;
  }
}

/** Narrowing helper for catch blocks and IPC result wrappers. */
export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
