import { CLI_VERSION } from './version';
import { CommanderError, type Command } from 'commander';
import { ownerOnlyFiles } from '../security/data-protection';
import { setPlainLdapAllowed } from '../sources/index';
import { cliLang, langFromArgv, parseLang, say, setCliLang } from './common';
import { errorExitCode, errorLines } from './error-text';
import { PlekCommand } from './usage';
import { register as registerInit } from './commands/init';
import { register as registerMap } from './commands/map';
import { register as registerValidate } from './commands/validate';
import { register as registerServe } from './commands/serve';
import { register as registerPlan } from './commands/plan';
import { register as registerApply } from './commands/apply';
import { register as registerRun } from './commands/run';
import { register as registerSandbox } from './commands/sandbox';
import { register as registerDemo } from './commands/demo';

/** Builds the `plek-sync` program. Each command lives in ./commands/<name>.ts and registers itself here. */
export function buildProgram(): Command {
  const program = new PlekCommand('plek-sync', cliLang)
    .description(say('cli.help.program'))
    .version(CLI_VERSION, '-V, --version', say('cli.help.version'))
    .helpOption('-h, --help', say('cli.help.help'))
    .helpCommand('help [command]', say('cli.help.help'))
    .showHelpAfterError(say('cli.usage.seeHelp'))
    .option('--lang <nl|en>', say('cli.lang'), parseLang)
    .option('--allow-plain-ldap', say('cli.help.allowPlainLdap'))
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
  registerDemo(program);
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 blocking data errors, 2 usage or unreadable input). */
export async function main(argv: string[]): Promise<number> {
  // Plans, exports, journals and sandbox state hold HR data: files this process writes are owner-only.
  ownerOnlyFiles();
  process.exitCode = 0;
  // The language first: the help texts and commander's own sentences are worded while the program is built.
  setCliLang(langFromArgv(argv));
  const program = buildProgram();
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // commander has printed its own (reworded) sentence; --help and --version end here too, with code 0.
    if (!(error instanceof CommanderError))
      process.stderr.write(`${errorLines(error, cliLang()).join('\n')}\n`);
    return errorExitCode(error);
  }
}
