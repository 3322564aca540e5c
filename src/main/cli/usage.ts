import { Command, Help } from 'commander';
import { format, type Lang } from '../../shared/i18n';
import type { MessageId } from '../../shared/i18n/en';

/**
 * commander's own error sentences ("error: unknown option '--x'") reworded through the catalogue: the code says
 * which sentence it is, the quoted names are read back from commander's English. A sentence this does not
 * recognise keeps commander's text.
 */
export function usageErrorText(lang: Lang, code: string, message: string): string {
  const say = (id: MessageId, values: Record<string, string | number> = {}) =>
    format(lang, 'cli.usage.error', { message: format(lang, id, values) });
  // "(Did you mean --mapping?)" after an unknown option or command.
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1] ?? '';
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /unknown option '([^']*)'/.exec(message)))
        return say('cli.usage.unknownOption', { flag: m[1]!, suggestion: suggestion || 'none' });
      break;
    case 'commander.unknownCommand':
      if ((m = /unknown command '([^']*)'/.exec(message)))
        return say('cli.usage.unknownCommand', { name: m[1]!, suggestion: suggestion || 'none' });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /required option '([^']*)' not specified/.exec(message)))
        return say('cli.usage.missingOption', { flags: m[1]! });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /option '([^']*)' argument missing/.exec(message)))
        return say('cli.usage.optionMissingValue', { flags: m[1]! });
      break;
    case 'commander.missingArgument':
      if ((m = /missing required argument '([^']*)'/.exec(message)))
        return say('cli.usage.missingArgument', { name: m[1]! });
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)/.exec(message)))
        return say('cli.usage.excessArguments', { expected: Number(m[1]), got: Number(m[2]) });
      break;
    case 'commander.conflictingOption': {
      const names = [...message.matchAll(/(?:option|environment variable) '([^']*)'/g)].map((x) => x[1]!);
      if (names.length === 2) return say('cli.usage.conflict', { a: names[0]!, b: names[1]! });
      break;
    }
    case 'commander.invalidArgument':
      // Our own parsers word the reason in the CLI's language already (parseToday, parseLang…).
      if ((m = /option '([^']*)' argument '([^']*)' is invalid\. ?([\s\S]*)$/.exec(message)))
        return say('cli.usage.invalidValue', { flags: m[1]!, value: m[2]!, reason: m[3]!.trim() });
      if (
        (m = /command-argument value '([^']*)' is invalid for argument '([^']*)'\. ?([\s\S]*)$/.exec(message))
      )
        return say('cli.usage.invalidArgument', { name: m[2]!, value: m[1]!, reason: m[3]!.trim() });
      break;
    default:
      break;
  }
  return message;
}

/** The headings of commander's help in a language ("Usage:" → "Gebruik:"). */
const HELP_TITLES: Record<string, MessageId> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

/**
 * A commander Command that speaks the CLI's language: its error sentences and help headings come from the
 * catalogue. Subcommands made with `.command()` are of the same kind (`createCommand`).
 */
export class PlekCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly lang: () => Lang,
  ) {
    super(name);
    const base = new Help();
    this.configureHelp({
      styleTitle: (title: string) => {
        const id = HELP_TITLES[title];
        return id ? format(this.lang(), id) : base.styleTitle(title);
      },
    });
  }

  override createCommand(name?: string): Command {
    return new PlekCommand(name, this.lang);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(usageErrorText(this.lang(), errorOptions?.code ?? '', message), errorOptions);
  }
}
