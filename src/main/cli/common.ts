import { InvalidArgumentError } from 'commander';
import { todayIn } from '../../shared/engine/today';
import { format, formatIssue, issueTitle, langFromEnv, LANGS, type Lang } from '../../shared/i18n';
import type { Issue } from '../../shared/issues';
import { DEFAULT_TIME_ZONE } from '../../shared/mapping/schema';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../../shared/api/settings';
import { IssueDigest } from './issue-report';

let lang: Lang = langFromEnv(process.env);

/** The language the CLI prints in: `--lang`, else the environment's locale (LC_ALL, LC_MESSAGES, LANG). */
export function cliLang(): Lang {
  return lang;
}

/** commander option parser for --lang. */
export function parseLang(value: string): Lang {
  const chosen = value.toLowerCase();
  if (!(LANGS as readonly string[]).includes(chosen))
    throw new InvalidArgumentError(say('cli.usage.expectedLang'));
  return chosen as Lang;
}

/**
 * The `--lang` of a command line, read before commander parses it: the help texts and commander's own error
 * sentences are worded before any option is applied. Undefined when absent or not nl/en.
 */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--') return;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  });
  const chosen = value?.toLowerCase();
  return chosen === 'nl' || chosen === 'en' ? chosen : undefined;
}

/** Sets the language from `--lang`, or from the environment when the option is absent. */
export function setCliLang(option: Lang | undefined, env: NodeJS.ProcessEnv = process.env): void {
  lang = option ?? langFromEnv(env);
}

/** A catalogue text in the CLI's language. */
export const say: (id: Parameters<typeof format>[1], values?: Parameters<typeof format>[2]) => string = (
  id,
  values,
) => format(lang, id, values);

/**
 * Today as yyyy-MM-dd in the mapping's time zone (default Europe/Amsterdam), not the computer's: the CLI reads
 * the clock once and passes the date to the engine.
 */
export function localToday(now = new Date(), timeZone = DEFAULT_TIME_ZONE): string {
  return todayIn(timeZone, now);
}

/** commander option parser for --today. */
export function parseToday(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1) return value;
  }
  throw new InvalidArgumentError(say('cli.usage.expectedDate'));
}

/** commander option parser for --retention-days: whole days, 1 to 3650. */
export function parseRetentionDays(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= RETENTION_DAYS_MIN && n <= RETENTION_DAYS_MAX) return n;
  throw new InvalidArgumentError(
    say('cli.usage.expectedDays', { min: String(RETENTION_DAYS_MIN), max: String(RETENTION_DAYS_MAX) }),
  );
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
export const dim = paint('2');
export const bold = paint('1');

export function severityLabel(issue: Issue): string {
  // Padded to the longest of the three words in this language, so the messages line up.
  const width = Math.max(
    ...(['error', 'warning', 'info'] as const).map((w) => format(lang, `validate.${w}`).length),
  );
  const word = format(lang, `validate.${issue.severity}`).padEnd(width);
  if (issue.severity === 'error') return red(word);
  if (issue.severity === 'warning') return yellow(word);
  return dim(word);
}

/** Human report: issues grouped by code with counts, the first lines of each group, then the rest summarised. */
export function formatIssues(issues: readonly Issue[] | IssueDigest, perCode = 20): string {
  let digest: IssueDigest;
  if (issues instanceof IssueDigest) digest = issues;
  else {
    digest = new IssueDigest(perCode);
    for (const i of issues) digest.add(i);
  }
  const lines: string[] = [];
  for (const { code, count, shown } of digest.sortedGroups()) {
    const title = issueTitle(lang, code);
    lines.push('', `${bold(`${code} (${count})`)} ${dim(title)}`);
    for (const i of shown) lines.push(`  ${severityLabel(i)} ${formatIssue(i, lang)}`);
    if (count > shown.length) lines.push(dim(`  ${say('cli.more', { n: count - shown.length })}`));
  }
  return lines.join('\n');
}

/** The HR application API secrets from the environment, as pipeline options (empty when none is set). */
export function apiSecretsFromEnv(): {
  apiSecrets?: { secret?: string; token?: string; confirmedTokenUrl?: string };
} {
  const secret = envSecret('PLEK_SOURCE_SECRET');
  const token = envSecret('PLEK_SOURCE_TOKEN');
  // A REST source's token URL on another host than its API: the consultant confirms it here, never the file.
  const tokenUrl = envSecret('PLEK_SOURCE_TOKEN_URL');
  const confirmed = tokenUrl && URL.canParse(tokenUrl) ? { confirmedTokenUrl: tokenUrl } : {};
  if (!secret && !token) return {};
  return { apiSecrets: { ...(secret ? { secret } : {}), ...(token ? { token } : {}), ...confirmed } };
}

/** Reads a secret from the environment; the name is shown in messages, the value never. */
export function envSecret(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}
