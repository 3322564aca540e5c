import { CommanderError } from 'commander';
import { format, formatMessage, type Lang } from '../../shared/i18n';
import { said, type CodedMessage } from '../../shared/i18n/message';
import type { MappingProblem } from '../../shared/mapping/load';
import { describeProblem } from '../../shared/mapping/problem-text';
import { apiProblem, isApiSourceError } from '../sources/api/errors';
import { isLdapError, type CertificateInfo } from '../sources/ldap/errors';
import { isSourceError } from '../sources/source-error';
import { networkReason, systemCode } from '../system-errors';
import { isUserFacing, UserError } from '../user-error';

/**
 * An error the way the CLI tells it: a catalogue message, what to do, the problems of a mapping file, the
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

/** The lines the CLI prints on stderr for an error, in a language (without the trailing newline). */
export function errorLines(error: unknown, lang: Lang): string[] {
  const worded = wordError(error);
  if (!worded) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return [
      format(lang, 'cli.error.prefix', { message: format(lang, 'cli.error.unexpected') }),
      `  ${format(lang, 'cli.error.technical', { detail })}`,
    ];
  }
  const message = typeof worded.message === 'string' ? worded.message : formatMessage(lang, worded.message);
  const lines = [format(lang, 'cli.error.prefix', { message })];
  for (const p of worded.problems ?? []) lines.push(`  ${describeProblem(p, lang)}`);
  if (worded.hint)
    lines.push(`  ${format(lang, 'cli.error.whatToDo', { hint: formatMessage(lang, worded.hint) })}`);
  const c = worded.certificate;
  if (c) {
    lines.push(
      `  ${format(lang, 'cli.error.certificate', { subject: c.subject })}`,
      `    ${format(lang, 'cli.error.certificateIssuer', { issuer: c.issuer })}`,
      `    ${format(lang, 'cli.error.certificateValid', { from: c.validFrom, to: c.validTo })}`,
      `    ${format(lang, 'cli.error.certificateFingerprint', { fingerprint: c.fingerprint256 })}`,
    );
  }
  if (worded.technical) lines.push(`  ${format(lang, 'cli.error.technical', { detail: worded.technical })}`);
  return lines;
}

/**
 * The exit code of a caught error: 0 for --help and --version, 2 for bad usage, a user-facing error's own code
 * (2 unless it says otherwise), 3 for anything else (a fault in plek-sync, even when its reason can be worded).
 */
export function errorExitCode(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (!isUserFacing(error)) return 3;
  const own = (error as { exitCode?: unknown }).exitCode;
  return typeof own === 'number' ? own : 2;
}
