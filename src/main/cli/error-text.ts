import { CommanderError } from 'commander';
import { format, formatMessage, type Lang } from '../../shared/i18n';
import type { MappingProblem } from '../../shared/mapping/load';
import { describeProblem } from '../../shared/mapping/problem-text';
import { schemaIssueText } from '../../shared/mapping/schema-text';
import { wordError } from '../error-words';
import { isUserFacing } from '../user-error';

/**
 * A mapping-file problem as a line of the CLI: the JSON path (the consultant edits the file) and the problem in
 * words — a value the format does not accept as the schema text, others as the screens word them, an expression
 * with its column.
 */
function problemLine(p: MappingProblem, lang: Lang): string {
  const text = p.schemaIssue ? (schemaIssueText(p.schemaIssue, lang) ?? p.message) : describeProblem(p, lang);
  const column = p.expression ? ` ${format(lang, 'cli.error.column', { column: p.expression.column })}` : '';
  return `${p.path}: ${text}${column}`;
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
  for (const p of worded.problems ?? []) lines.push(`  ${problemLine(p, lang)}`);
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
