import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { FOREIGN_WORDS } from '../../e2e/support/language';
import { PlekCommand, usageErrorText } from '../../../src/main/cli/usage';

/** What commander itself writes for a command line (its English), with the code it gives. */
function commanderSays(argv: string[]): { code: string; message: string } {
  let said = { code: '', message: '' };
  const program = new Command('plek-sync')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  program
    .command('validate')
    .requiredOption('-m, --mapping <file>', 'm')
    .option('--json', 'j')
    .action(() => {});
  program
    .command('init')
    .argument('<bestand>')
    .option('-o, --out <file>', 'o')
    .action(() => {});
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    said = { code: (e as { code: string }).code, message: (e as Error).message };
  }
  return said;
}

describe('commander’s sentences in the CLI’s language', () => {
  it.each([
    [['validate', '-m', 'x', '--bogus'], 'fout: onbekende optie --bogus', 'error: unknown option --bogus'],
    [
      ['validate', '-m', 'x', '--jsn'],
      'fout: onbekende optie --jsn (bedoelt u --json?)',
      'error: unknown option --jsn (did you mean --json?)',
    ],
    [
      ['valideer'],
      'fout: onbekend commando valideer (bedoelt u validate?)',
      'error: unknown command valideer (did you mean validate?)',
    ],
    [
      ['validate'],
      'fout: de optie -m, --mapping <file> is verplicht',
      'error: the option -m, --mapping <file> is required',
    ],
    [
      ['validate', '-m'],
      'fout: de optie -m, --mapping <file> heeft een waarde nodig',
      'error: the option -m, --mapping <file> needs a value',
    ],
    [['init'], 'fout: het argument bestand ontbreekt', 'error: the argument bestand is missing'],
    [
      ['init', 'a.csv', 'b.csv'],
      'fout: te veel argumenten: 1 verwacht, 2 gegeven',
      'error: too many arguments: 1 expected, 2 given',
    ],
  ])('%j', (argv, nl, en) => {
    const { code, message } = commanderSays(argv);
    expect(code).toMatch(/^commander\./);
    expect(usageErrorText('nl', code, message)).toBe(nl);
    expect(usageErrorText('en', code, message)).toBe(en);
    expect([...nl.matchAll(FOREIGN_WORDS.nl)]).toEqual([]);
  });

  it('keeps commander’s text for a sentence it does not know', () => {
    expect(usageErrorText('nl', 'commander.somethingNew', 'error: something new')).toBe(
      'error: something new',
    );
  });

  it('a PlekCommand and its subcommands word their errors and help headings in the chosen language', () => {
    let lang: 'nl' | 'en' = 'nl';
    let errors = '';
    let help = '';
    const program = new PlekCommand('plek-sync', () => lang)
      .exitOverride()
      .configureOutput({ writeErr: (s) => (errors += s), writeOut: (s) => (help += s) });
    program
      .command('validate')
      .exitOverride()
      .requiredOption('-m, --mapping <file>', 'mapping')
      .action(() => {});
    expect(() => program.parse(['validate'], { from: 'user' })).toThrow();
    expect(errors).toContain('fout: de optie -m, --mapping <file> is verplicht');
    program.outputHelp();
    expect(help).toMatch(/^Gebruik: plek-sync/);
    expect(help).toMatch(/Commando’s:/);
    lang = 'en';
    help = '';
    program.outputHelp();
    expect(help).toMatch(/^Usage: plek-sync/);
  });
});
