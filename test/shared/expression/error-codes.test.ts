import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/shared/expression';
import { parseExpression } from '../../../src/shared/expression/parse';
import { formatExpressionError } from '../../../src/shared/i18n';

/**
 * Every problem the lexer, parser and compiler find in an expression's text carries a code and parameters, so
 * that the graph editor's side panel words it in Dutch or English (`expr.<code>` in the catalogues).
 */
describe('expression errors as data', () => {
  it.each<[string, string, string, string]>([
    ['', 'empty', 'de expressie is leeg', 'the expression is empty'],
    ['Upper([Afdeling]', 'expected', 'hier ontbreekt ")"', '")" is missing here'],
    ['[Roepnaam] &', 'unexpected', 'de expressie houdt te vroeg op', 'the expression ends too early'],
    [
      '[Roepnaam] [Achternaam]',
      'unexpected',
      'hier hoort geen attribuut',
      'an attribute is not expected here',
    ],
    ['Trim([Roepnaam]) ,', 'unexpected', '"," hoort hier niet', '"," is not expected here'],
    [
      'Roepnaam',
      'unknownName',
      'onbekende naam Roepnaam: een attribuut schrijf je als [Roepnaam], een functieaanroep als Roepnaam(…)',
      'unknown name Roepnaam: an attribute is written [Roepnaam], a function call Roepnaam(…)',
    ],
    [
      '[Achternaam',
      'unterminatedAttribute',
      'een attribuutnaam tussen [ ] wordt niet met ] afgesloten',
      'an attribute name in [ ] is not closed with ]',
    ],
    [
      '[]',
      'emptyAttribute',
      'de attribuutnaam tussen [ ] is leeg',
      'the attribute name between [ ] is empty',
    ],
    [
      '"van der',
      'unterminatedString',
      'een tekst tussen aanhalingstekens wordt niet met " afgesloten',
      'a text in quotes is not closed with "',
    ],
    [
      '1.',
      'digitAfterDot',
      'na de decimale punt moet een cijfer staan',
      'a digit must follow the decimal point',
    ],
    ['1e999', 'numberRange', 'het getal 1e999 is te groot', 'the number 1e999 is too large'],
    [
      'Join(“ ”, [Tussenvoegsel], [Achternaam])',
      'unexpectedChar',
      '"“" hoort hier niet (schrijf tekst tussen rechte dubbele aanhalingstekens: "…")',
      '"“" is not expected here (write text in straight double quotes: "…")',
    ],
    ['[Roepnaam] # [Achternaam]', 'unexpectedChar', '"#" hoort hier niet', '"#" is not expected here'],
  ])('%j → %s', (text, code, nl, en) => {
    const r = parseExpression(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(formatExpressionError('nl', r.error)).toBe(nl);
    expect(formatExpressionError('en', r.error)).toBe(en);
  });

  it.each<[string, string, string, string]>([
    ['Jion(" ", [Achternaam])', 'unknownFunction', 'onbekende functie Jion', 'unknown function Jion'],
    [
      'Left([Roepnaam])',
      'arity',
      'Left verwacht 2 argumenten, maar krijgt er 1',
      'Left expects 2 arguments, got 1',
    ],
    [
      'Lower([Roepnaam], [Achternaam])',
      'arity',
      'Lower verwacht 1 argument, maar krijgt er 2',
      'Lower expects 1 argument, got 2',
    ],
    [
      'Join(" ")',
      'arity',
      'Join verwacht minstens 2 argumenten, maar krijgt er 1',
      'Join expects at least 2 arguments, got 1',
    ],
    [
      'PhoneE164()',
      'arity',
      'PhoneE164 verwacht 1 tot 2 argumenten, maar krijgt er 0',
      'PhoneE164 expects 1 to 2 arguments, got 0',
    ],
  ])('%j → %s', (text, code, nl, en) => {
    const r = compileExpression(text, { valueMaps: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(formatExpressionError('nl', r.error)).toBe(nl);
    expect(formatExpressionError('en', r.error)).toBe(en);
  });

  it('keeps the English text of an error without a code, without its column suffix', () => {
    expect(formatExpressionError('nl', { message: 'Foo needs a table at column 3', column: 3 })).toBe(
      'Foo needs a table',
    );
  });
});
