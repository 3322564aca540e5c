/** What went wrong when a source could not be read at all (as opposed to bad rows, which are issues). */
export type SourceErrorCode = 'source-unreadable' | 'source-aborted';

/**
 * A user-facing failure to read a source: the message names the file (or server) and says what to do. It is
 * shown as-is, never with a stack trace, and never contains a secret.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  /** The file name or label the message refers to. */
  readonly file: string;

  constructor(code: SourceErrorCode, message: string, file: string) {
    super(message);
    this.code = code;
    this.file = file;
  }
}

/** Narrowing helper for catch blocks and IPC result wrappers. */
export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
