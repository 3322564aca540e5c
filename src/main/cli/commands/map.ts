import type { Command } from 'commander';
import { isBlocking } from '../../../shared/issues';
import { toScimUser } from '../../../shared/scim/resource';
import { streamOutcomes } from '../../pipeline';
import { apiSecretsFromEnv, envSecret, formatIssues, parseToday, say } from '../common';
import { IssueDigest } from '../issue-report';
import { openOutput } from '../output';

interface MapOptions {
  mapping: string;
  source?: string;
  previous?: string;
  today?: string;
  out?: string;
}

/** `plek-sync map`: one SCIM User resource per line, `externalId` = mapping key, active and groups resolved. */
export function register(program: Command): void {
  program
    .command('map')
    .description(say('cli.help.map'))
    .requiredOption('-m, --mapping <file>', say('cli.help.mapping'))
    .option('-s, --source <file>', say('cli.help.source'))
    .option('-p, --previous <file>', say('cli.help.previousMap'))
    .option('--today <date>', say('cli.help.today'), parseToday)
    .option('-o, --out <file>', say('cli.help.out'))
    .action(async (opts: MapOptions) => {
      // Opened first: a folder that does not exist is reported before a million rows are read.
      const out = await openOutput(opts.out);
      const ldapPassword = envSecret('PLEK_LDAP_PASSWORD');
      let written = 0;
      // Only what blocks a sync is reported here (validate lists everything): a digest of those, not every issue.
      const blocking = new IssueDigest(5);
      const { result } = await streamOutcomes(
        {
          mappingPath: opts.mapping,
          ...(opts.today ? { today: opts.today } : {}),
          ...(opts.source ? { sourcePath: opts.source } : {}),
          ...(opts.previous ? { previousPath: opts.previous } : {}),
          ...(ldapPassword ? { ldapPassword } : {}),
          ...apiSecretsFromEnv(),
          onIssue: (issue) => {
            if (isBlocking(issue)) blocking.add(issue);
          },
        },
        async (outcome) => {
          if (outcome.status !== 'mapped') return;
          const { user } = outcome;
          const resource = toScimUser(user.attributes, user.key);
          resource.active = user.active;
          if (user.groups.length > 0) resource.groups = user.groups.map((display) => ({ display }));
          written++;
          await out.write(`${JSON.stringify(resource)}\n`);
        },
      );
      await out.close();
      const { summary } = result;
      process.stderr.write(
        `${written} users written; ${summary.users.skipped} skipped, ${summary.users.error} rows with errors (not written)${formatIssues(blocking)}\n`,
      );
      process.exitCode = blocking.blocking ? 1 : 0;
    });
}
