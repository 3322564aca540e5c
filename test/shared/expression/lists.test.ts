import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { evaluate, value } from './helpers';

type Case = [expression: string, row: Row, expected: Value];

const ad: Row = {
  proxyAddresses: ['smtp:j.berg@oud.nl', 'SMTP:jan.vanderberg@plek.nl', 'X400:c=NL;a= ;p=Plek'],
  mail: ['', 'jan@plek.nl'],
  memberOf: ['CN=Docenten,OU=Groepen,DC=school,DC=nl', 'CN=Staf,OU=Groepen,DC=school,DC=nl'],
  otherTelephone: [],
  title: 'Docent',
};

describe('list functions for directory attributes', () => {
  it.each<Case>([
    ['FindPrefix([proxyAddresses], "SMTP:")', ad, 'jan.vanderberg@plek.nl'],
    ['FindPrefix([proxyAddresses], "smtp:")', ad, 'j.berg@oud.nl'],
    ['FindPrefix([proxyAddresses], "SIP:")', ad, null],
    ['FindPrefix([title], "Doc")', ad, 'ent'],
    ['FindPrefix([ontbreekt], "SMTP:")', ad, null],
    ['First([mail])', ad, 'jan@plek.nl'],
    ['First([title])', ad, 'Docent'],
    ['First([otherTelephone])', ad, null],
    ['First([ontbreekt])', ad, null],
    ['Count([memberOf])', ad, 2],
    ['Count([mail])', ad, 1],
    ['Count([otherTelephone])', ad, 0],
    ['Count([title])', ad, 1],
    ['Count([ontbreekt])', ad, 0],
    ['Split("ICT;HR;;Beheer", ";")', ad, ['ICT', 'HR', '', 'Beheer']],
    ['Split([x], ";")', { x: '' }, null],
    ['Split([x], ";")', {}, null],
    ['Item(Split("a/b/c", "/"), 2)', ad, 'b'],
    ['Item(Split("a/b/c", "/"), 4)', ad, null],
    ['Item(Split("a/b/c", "/"), 0)', ad, null],
    ['Item([memberOf], 1)', ad, 'CN=Docenten,OU=Groepen,DC=school,DC=nl'],
    ['Item([title], 1)', ad, 'Docent'],
    ['Item([title], 2)', ad, null],
    ['Item(Split(Item([memberOf], 2), ","), 1)', ad, 'CN=Staf'],
    ['[memberOf] = "CN=Staf,OU=Groepen,DC=school,DC=nl"', ad, true],
    ['IsEmpty([otherTelephone])', ad, true],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('reports an empty separator and a non-numeric index', () => {
    const a = evaluate('Split("abc", "")');
    expect(a.ok === false && a.error.message).toBe(
      'Split: the separator is empty (in the expression at position 1)',
    );
    const b = evaluate('Item([memberOf], "eerste")', ad);
    expect(b.ok === false && b.error.code).toBe('expression-error');
  });
});
