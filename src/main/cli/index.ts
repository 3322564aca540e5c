import { CLI_VERSION } from './version';
import { Command, CommanderError } from 'commander';
import { isUserFacing } from '../user-error';
import { ownerOnlyFiles } from '../security/data-protection';
import { setPlainLdapAllowed } from '../sources/index';
import { parseLang, say, setCliLang } from './common';
import { register as registerInit } from './commands/init';
import { register as registerMap } from './commands/map';
import { register as registerValidate } from './commands/validate';
import { register as registerServe } from './commands/serve';
import { register as registerPlan } from './commands/plan';
import { register as registerApply } from './commands/apply';
import { register as registerRun } from './commands/run';
import { register as registerSandbox } from './commands/sandbox';

/** Builds the `plek-sync` program. Each command lives in ./commands/<name>.ts and registers itself here. */
export function buildProgram(): Command {
  const program = new Command('plek-sync')
    .description(
      'Plek provisioning: map an HR export or Active Directory to Plek users, validate, plan and sync.',
    )
    .version(CLI_VERSION)
    .showHelpAfterError('(run plek-sync --help for usage)')
    .option('--lang <nl|en>', say('cli.lang'), parseLang)
    .option(
      '--allow-plain-ldap',
      'bind to a directory over plain LDAP (StartTLS off) with the password: only when you mean it',
    )
    .hook('preAction', (command) => {
      const opts = command.opts<{ lang?: 'nl' | 'en'; allowPlainLdap?: boolean }>();
      setCliLang(opts.lang);
      setPlainLdapAllowed(opts.allowPlainLdap === true);
    })
    .exitOverride();
  registerInit(program);
  registerValidate(program);
  registerMap(program);
  registerServe(program);
  registerPlan(program);
  registerApply(program);
  registerRun(program);
  registerSandbox(program);
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 blocking data errors, 2 usage or unreadable input). */
export async function main(argv: string[]): Promise<number> {
  // Plans, exports, journals and sandbox state hold HR data: files this process writes are owner-only.
  ownerOnlyFiles();
  process.exitCode = 0;
  const program = buildProgram();
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isUserFacing(error)) {
      process.stderr.write(`plek-sync: ${error.message}\n`);
      const extra = error as { hint?: unknown; certificate?: Record<string, unknown> };
      if (typeof extra.hint === 'string' && extra.hint) process.stderr.write(`  what to do: ${extra.hint}\n`);
      if (extra.certificate) {
        const c = extra.certificate;
        process.stderr.write(
          `  certificate: subject ${String(c.subject)}\n               issuer ${String(c.issuer)}\n               valid ${String(c.validFrom)} – ${String(c.validTo)}\n               SHA-256 ${String(c.fingerprint256)}\n`,
        );
      }
      return 'exitCode' in error && typeof error.exitCode === 'number' ? error.exitCode : 2;
    }
    process.stderr.write(
      `plek-sync: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 3;
  }
}
