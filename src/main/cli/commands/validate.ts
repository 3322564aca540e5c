import type { Command } from 'commander';
import type { Issue } from '../../../shared/issues';
import { runPipeline } from '../../pipeline';
import {
  apiSecretsFromEnv,
  bold,
  dim,
  envSecret,
  formatIssues,
  green,
  parseToday,
  red,
  say,
} from '../common';
import { BlockWriter, IssueDigest, issueJson } from '../issue-report';
import { writeStateFile } from '../output';

interface ValidateOptions {
  mapping: string;
  source?: string;
  previous?: string;
  today?: string;
  json?: boolean;
  trace?: string;
  writeState?: string;
}

/** `plek-sync validate`: every problem of the data and the mapping, in one run. Exit 1 when errors block a sync. */
export function register(program: Command): void {
  program
    .command('validate')
    .description(say('cli.help.validate'))
    .requiredOption('-m, --mapping <file>', say('cli.help.mapping'))
    .option('-s, --source <file>', say('cli.help.source'))
    .option('-p, --previous <file>', say('cli.help.previousValidate'))
    .option('--today <date>', say('cli.help.today'), parseToday)
    .option('--json', say('cli.help.validateJson'))
    .option('--trace <key>', say('cli.help.trace'))
    .option('--write-state <file>', say('cli.help.writeState'))
    .action(async (opts: ValidateOptions) => {
      const ldapPassword = envSecret('PLEK_LDAP_PASSWORD');
      const traceKey = opts.trace;
      // Issues stream out while the source is read: `--json` writes each one as it comes, the human report keeps
      // a digest (counts and the first lines per code). Nothing holds the issues of a million rows.
      const digest = new IssueDigest();
      const json = opts.json ? new BlockWriter((text) => process.stdout.write(text)) : null;
      let first = true;
      const onIssue = (issue: Issue) => {
        digest.add(issue);
        if (json) {
          json.write(first ? `{"issues":[${issueJson(issue)}` : `,${issueJson(issue)}`);
          first = false;
        }
      };
      // A source that fails halfway (a truncated file, a directory that drops the connection) must not leave a
      // half-written JSON object on stdout: close it with the error, then let the CLI's handler report and exit.
      const closeJsonOnError = (err: unknown): never => {
        if (json && !first) {
          const message = err instanceof Error ? err.message : String(err);
          json.write(`],"aborted":true,"error":${JSON.stringify(message)}}\n`);
          json.flush();
        }
        throw err;
      };
      const { result, source, state, today } = await runPipeline({
        mappingPath: opts.mapping,
        ...(opts.today ? { today: opts.today } : {}),
        collect: traceKey !== undefined,
        keepState: opts.writeState !== undefined,
        onIssue,
        ...(opts.source ? { sourcePath: opts.source } : {}),
        ...(opts.previous ? { previousPath: opts.previous } : {}),
        ...(ldapPassword ? { ldapPassword } : {}),
        ...apiSecretsFromEnv(),
        ...(traceKey ? { trace: (key: string) => key === traceKey } : {}),
      }).catch(closeJsonOnError);
      if (opts.writeState) await writeStateFile(opts.writeState, state);
      const { summary } = result;
      const blocking = digest.blocking;
      if (json) {
        const users = {
          active: summary.users.active,
          deactivate: summary.users.deactivate,
          leavingLater: summary.users.leavingLater,
          startingLater: summary.users.startingLater,
          skipped: summary.users.skipped,
        };
        // The issues came first (they were written while the rows were read); the counts close the object.
        json.write(first ? '{"issues":[' : '');
        json.write(
          `],"rows":${summary.rows},"users":${JSON.stringify(users)},"errorRows":${summary.users.error}}\n`,
        );
        json.flush();
      } else {
        const u = summary.users;
        const lines = [
          say('cli.validate.summary', { source: bold(source.label), rows: summary.rows, today }),
          `  ${say('cli.validate.users', {
            active: u.active,
            leaving: u.leavingLater,
            deactivate: u.deactivate,
            skipped: u.skipped,
            starting: u.startingLater,
            error: u.error,
          })}`,
          formatIssues(digest),
        ];
        if (traceKey) {
          const outcome =
            result.outcomes.find(
              (o) => o.status !== 'error' && (o.status === 'mapped' ? o.user.key : o.key) === traceKey,
            ) ?? result.outcomes.find((o) => o.status === 'error' && o.key === traceKey);
          lines.push('', bold(`trace for key ${traceKey}`));
          if (!outcome) lines.push(red(`  no row has mapping key ${traceKey}`));
          else if (outcome.status !== 'mapped')
            lines.push(
              `  row ${outcome.row}: ${outcome.status === 'skipped' ? outcome.reason : 'has errors (see above)'}`,
            );
          else {
            lines.push(
              `  row ${outcome.user.row}, active: ${outcome.user.active}${outcome.user.deactivationReason ? ` (${outcome.user.deactivationReason})` : ''}`,
            );
            for (const [target, t] of Object.entries(outcome.user.trace)) {
              lines.push(
                `  ${bold(target)} = ${JSON.stringify(t.value)}  ${dim(`← ${t.rule}${t.expression ? `: ${t.expression}` : ''}`)}`,
              );
              for (const [attr, v] of Object.entries(t.inputs))
                lines.push(dim(`      [${attr}] = ${JSON.stringify(v)}`));
            }
            if (outcome.user.groups.length) lines.push(`  groups: ${outcome.user.groups.join(', ')}`);
          }
        }
        lines.push('', blocking ? red(say('cli.validate.blocked')) : green(say('cli.validate.ok')));
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      process.exitCode = blocking ? 1 : 0;
    });
}
