import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { compileError, evaluate, value } from './helpers';

type Case = [expression: string, row: Row, expected: Value];

describe('functions under their Entra names', () => {
  it.each<Case>([
    ['Append([Login], "@plek.nl")', { Login: 'jan.jansen' }, 'jan.jansen@plek.nl'],
    ['Append([Login], "@plek.nl")', { Login: '' }, null],
    ['Append([Login], "@plek.nl")', {}, null],
    ['Append([Login], [Domein])', { Login: 'jan', Domein: null }, 'jan'],
    ['IsNullOrEmpty([x])', { x: ' ' }, true],
    ['IsNullOrEmpty([x])', { x: 'van' }, false],
    ['IsPresent([x])', { x: 'van' }, true],
    ['IsPresent([x])', { x: null }, false],
    ['IsPresent([x])', { x: [] }, false],
    ['ToLower([x])', { x: 'Jan.Jansen@Plek.NL' }, 'jan.jansen@plek.nl'],
    ['ToLower([x], "tr-TR")', { x: 'İSTANBUL' }, 'istanbul'],
    ['ToUpper([x])', { x: 'straße' }, 'STRASSE'],
    ['ToUpper([x], "nl-NL")', { x: 'ijsbrand' }, 'IJSBRAND'],
    ['ToUpper([x])', { x: null }, null],
    ['StripSpaces([x])', { x: ' 1234 AB ' }, '1234AB'],
    ['Word([x], 1, " ")', { x: 'Jan van der Berg' }, 'Jan'],
    ['Word([x], 4, " ")', { x: 'Jan van der Berg' }, 'Berg'],
    ['Word([x], 5, " ")', { x: 'Jan van der Berg' }, null],
    ['Word([x], 0, " ")', { x: 'Jan van der Berg' }, null],
    ['Word([x], 2, " ,")', { x: 'Berg,  Jan' }, 'Jan'],
    ['Word([x], 2, "/")', { x: 'OU=Staf/OU=Docenten' }, 'OU=Docenten'],
    ['PCase([x])', { x: 'ANNE-MARIE ijsselstein' }, 'Anne-Marie IJsselstein'],
    ['PCase([x])', { x: 'jan VAN DER berg' }, 'Jan Van Der Berg'],
    ['PCase([x])', { x: 'émile zoë' }, 'Émile Zoë'],
    ['PCase([x], " ")', { x: 'anne-marie' }, 'Anne-marie'],
    ['PCase([x])', { x: '' }, ''],
    ['RemoveDuplicates([x])', { x: ['a', 'b', 'a', 'A'] }, ['a', 'b', 'A']],
    ['RemoveDuplicates([x])', { x: 'a' }, 'a'],
    ['Join(";", RemoveDuplicates(Split([x], ";")))', { x: 'ICT;HR;ICT' }, 'ICT;HR'],
    ['Not([Actief])', { Actief: 'nee' }, true],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('checks cultures and arguments', () => {
    expect(compileError('ToLower([x], "not a culture!")').message).toBe(
      'unknown culture "not a culture!" (use a tag such as "nl-NL") at column 14',
    );
    expect(compileError('Word([x], 1)').message).toBe('Word expects 3 arguments, got 2 at column 1');
    const r = evaluate('Word([x], "twee", " ")', { x: 'a b' });
    expect(r.ok === false && r.error.code).toBe('expression-error');
  });
});
