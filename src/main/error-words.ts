import { said, type CodedMessage } from '../shared/i18n/message';
import type { MappingProblem } from '../shared/mapping/load';
import { apiProblem, isApiSourceError } from './sources/api/errors';
import { isLdapError, type CertificateInfo } from './sources/ldap/errors';
import { isSourceError } from './sources/source-error';
import { networkReason, systemCode } from './system-errors';
import { isUserFacing, UserError } from './user-error';

/**
 * An error the way the CLI and the screens tell it: a catalogue message, what to do, the problems of a mapping file, the
 * certificate a directory presented and, labelled as such, the technical detail (a system or TLS code, a
 * server's own words) that support may need. Never a secret: messages are built from codes, paths and hosts.
 */
export interface WordedError {
  message: CodedMessage | string;
  hint?: CodedMessage;
  problems?: readonly MappingProblem[];
  certificate?: CertificateInfo;
  technical?: string;
}

/** What the CLI says about an error it caught, or null for an unexpected one (a fault in plek-sync). */
export function wordError(error: unknown): WordedError | null {
  if (error instanceof UserError) {
    return {
      message: error.said ?? error.message,
      ...(error.problems ? { problems: error.problems } : {}),
      ...(error.technical ? { technical: error.technical } : {}),
    };
  }
  if (isSourceError(error)) {
    return {
      message: error.said ?? error.message,
      ...(error.technical ? { technical: error.technical } : {}),
    };
  }
  if (isLdapError(error)) {
    return {
      message: error.said,
      hint: error.hintSaid,
      ...(error.certificate ? { certificate: error.certificate } : {}),
      // A code the message already names (ECONNREFUSED…) or the server's words when no code fits.
      ...(error.technical ? { technical: error.technical } : {}),
    };
  }
  if (isApiSourceError(error)) {
    const { id, values } = apiProblem(error);
    const reason = error.code === 'unreachable' ? networkReason({ code: error.networkCode }) : null;
    const technical =
      error.networkCode ?? error.tlsCode ?? (error.status ? `HTTP ${error.status}` : undefined);
    return {
      message: reason
        ? said('sys.api.unreachable', { endpoint: error.endpoint ?? '', reason: [reason] })
        : { code: id, params: values },
      ...(technical ? { technical } : {}),
    };
  }
  if (isUserFacing(error)) return { message: error.message };
  // A network or file error that escaped its layer still gets a reason in words, with its code beside it.
  const reason = networkReason(error);
  if (reason) return { message: reason, technical: systemCode(error) };
  return null;
}

/**
 * A user-facing error as one coded message (the message, then what to do), for the app's screens; null when it
 * has none (an error from code that still words itself in English, or a fault).
 */
export function codedError(error: unknown): CodedMessage | null {
  const worded = wordError(error);
  if (!worded || typeof worded.message === 'string') return null;
  return worded.hint
    ? said('sourceError.withHint', { message: [worded.message], hint: [worded.hint] })
    : worded.message;
}
