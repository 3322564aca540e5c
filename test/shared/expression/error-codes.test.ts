import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src/shared/expression';
import { EXPRESSION_ERROR_CODES } from '../../../src/shared/expression/errors';
import { parseExpression } from '../../../src/shared/expression/parse';
import { CATALOGUES, format, formatExpressionError, hasMessage } from '../../../src/shared/i18n';
import { evaluate, VALUE_MAPS } from './helpers';

/** English words a Dutch text of an expression problem must not hold (function names and patterns aside). */
const ENGLISH = /\b(?:the|not|needs|must|unknown|format|use|only|text|number|empty|longer|than|could|be)\b/;

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

  // A single function's own check of a literal argument: a pattern, a date format, a region, a culture, a mode, a
  // value map table. These used to keep their English text in the Dutch interface.
  it.each<[string, string, RegExp, RegExp]>([
    [
      'Replace([Telefoon], "(?<=06)-", "")',
      'regexLookaround',
      /^vooruit- en terugkijken \(.*\) kan niet; welke patronen Plek begrijpt staat in docs\/expressions\.md$/,
      /^look-ahead and look-behind .* are not supported/,
    ],
    [
      'Replace([Naam], "(a)\\1", "")',
      'regexBackref',
      /^terugverwijzingen \(\\1, \\k<name>\) kunnen niet;/,
      /^back-references \(\\1, \\k<name>\) are not supported;/,
    ],
    [
      'Replace([Naam], "\\u00e9", "e")',
      'regexEscape',
      /^schrijf een teken met een code als \\x\{00e9\} \(niet als \\u00e9\)$/,
      /^write a character escape as \\x\{00e9\} \(not \\u00e9\)$/,
    ],
    [
      'Replace([Telefoon], "(06", "")',
      'regexInvalid',
      /^de reguliere expressie is niet te lezen: een \( wordt niet met \) gesloten \(bij \(06\);/,
      /^the regular expression cannot be read: a \( is not closed with \) \(at \(06\);/,
    ],
    [
      'Replace([Naam], "[z-a]", "")',
      'regexInvalid',
      /^de reguliere expressie is niet te lezen: een tekenbereik zoals \[z-a\] loopt achterstevoren/,
      /^the regular expression cannot be read: a character range such as \[z-a\] runs backwards/,
    ],
    [
      `Replace([Naam], "${'a'.repeat(501)}", "")`,
      'regexTooLong',
      /^de reguliere expressie is te lang \(501 tekens, hoogstens 500\)$/,
      /^the regular expression is too long \(501 characters, at most 500\)$/,
    ],
    [
      'Replace([Naam], "a{0,999}b{0,999}c{0,999}", "")',
      'regexTooLarge',
      /^de reguliere expressie wordt te groot/,
      /^the regular expression is too large/,
    ],
    [
      'ParseDate([Datum in dienst], "dd-MM-dd")',
      'dateFormatRepeats',
      /^in het datumformaat "dd-MM-dd" staat de dag twee keer$/,
      /^the date format "dd-MM-dd" has the day twice$/,
    ],
    [
      'ParseDate([Datum in dienst], "dd-MM")',
      'dateFormatIncomplete',
      /^het datumformaat "dd-MM" heeft een jaar, een maand en een dag nodig/,
      /^the date format "dd-MM" needs a year, a month and a day/,
    ],
    [
      'FormatDate([Datum in dienst], "hh:mm")',
      'dateFormatEmpty',
      /^in het datumformaat "hh:mm" staat geen yyyy, MM of dd$/,
      /^the date format "hh:mm" has no yyyy, MM or dd$/,
    ],
    [
      'ParseDate([Datum in dienst], 5)',
      'literalParam',
      /^ParseDate heeft het formaat nodig als tekst tussen aanhalingstekens$/,
      /^ParseDate needs the format as a text in quotes$/,
    ],
    [
      'PhoneE164([Mobiel], "XX")',
      'phoneRegion',
      /^onbekende telefoonregio "XX": gebruik een landcode van twee letters, zoals "NL"$/,
      /^unknown phone region "XX": use a two-letter country code such as "NL"$/,
    ],
    [
      'PhoneE164([Mobiel], 31)',
      'literalParam',
      /^PhoneE164 heeft de regio nodig als tekst tussen aanhalingstekens$/,
      /^PhoneE164 needs the region as a text in quotes$/,
    ],
    [
      'ToLower([Roepnaam], "not a culture!")',
      'culture',
      /^onbekende cultuur "not a culture!": gebruik een taalcode zoals "nl-NL"$/,
      /^unknown culture "not a culture!": use a language tag such as "nl-NL"$/,
    ],
    [
      'NormalizeDiacritics([Achternaam], "german")',
      'diacriticsMode',
      /^de modus van NormalizeDiacritics is "strip" of "dach", niet "german"$/,
      /^the mode of NormalizeDiacritics is "strip" or "dach", not "german"$/,
    ],
    [
      'ValueMap([Afdeling], "afdeling")',
      'unknownValueMap',
      /^er is geen vertaaltabel "afdeling" \(de mapping heeft: afdelingen, geslacht, leeg\)$/,
      /^there is no value map table "afdeling" \(the mapping has: afdelingen, geslacht, leeg\)$/,
    ],
  ])('%s → %s', (text, code, nl, en) => {
    const r = compileExpression(text, { valueMaps: VALUE_MAPS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(formatExpressionError('nl', r.error)).toMatch(nl);
    expect(formatExpressionError('en', r.error)).toMatch(en);
    // The English text for logs and the CLI stays as it was, with its column.
    expect(r.error.message).toMatch(/ at column \d+$/);
  });

  it('names a missing value map table in a mapping that has none', () => {
    const r = compileExpression('ValueMap([Afdeling], "afdelingen")', { valueMaps: {} });
    expect(r.ok ? null : formatExpressionError('nl', r.error)).toBe(
      'er is geen vertaaltabel "afdelingen" in deze mapping',
    );
  });

  it('has a Dutch and an English text for every expression error code', () => {
    const missing = EXPRESSION_ERROR_CODES.filter((code) => !hasMessage(`expr.${code}`));
    expect(missing).toEqual([]);
    for (const code of EXPRESSION_ERROR_CODES) {
      expect(CATALOGUES.nl[`expr.${code}` as keyof typeof CATALOGUES.nl]).not.toBe(
        CATALOGUES.en[`expr.${code}` as keyof typeof CATALOGUES.en],
      );
    }
  });

  it('keeps the English text of an error without a code, without its column suffix', () => {
    expect(formatExpressionError('nl', { message: 'Foo needs a table at column 3', column: 3 })).toBe(
      'Foo needs a table',
    );
  });
});

/** A failure on one row's data (a cell of the preview, an issue's detail), worded from its `eval.*` id. */
describe('expression failures on a row as data', () => {
  const row = {
    Datum: '',
    Lijst: 'ICT;HR',
    Lengte: 'drie',
    Getal: 'twaalf',
  };
  it.each<[string, Record<string, string>, RegExp, RegExp]>([
    [
      'ParseDate([Datum])',
      { Datum: '31-02-2024' },
      /^ParseDate: "31-02-2024" is geen geldige datum \(die dag bestaat niet\) \(in de expressie op positie 1\)$/,
      /is not a valid date \(no such day\)/,
    ],
    [
      'ParseDate([Datum])',
      { Datum: '02/03/2024' },
      /^ParseDate: "02\/03\/2024" is geen geldige datum \(bij 2\/3 is niet te zien wat de dag en wat de maand is; geef het formaat/,
      /\(2\/3 could be day\/month or month\/day; give the format/,
    ],
    [
      'ParseDate([Datum], "excel")',
      { Datum: '60' },
      /is geen geldige datum \(volgnummer 60 is 29-02-1900, een dag die niet bestaat: de 1900-fout van Excel\)/,
      /serial 60 is 29-02-1900/,
    ],
    [
      'ParseDate([Datum], "excel")',
      { Datum: '3000000' },
      /is geen geldige datum \(Excel-volgnummers lopen van 1 tot 2958465\)/,
      /Excel serial numbers run from 1 to 2958465/,
    ],
    [
      'ParseDate([Datum], "filetime")',
      { Datum: '9223372036854775808' },
      /is geen geldige datum \(buiten het bereik\)/,
      /is not a valid date \(out of range\)/,
    ],
    [
      'Left([Naam], [Lengte])',
      { Naam: 'Jansen', Lengte: 'drie' },
      /^Left: de lengte moet een geheel getal zijn, niet "drie" \(in de expressie op positie 1\)$/,
      /^Left: the length must be a whole number, not "drie"/,
    ],
    [
      'Item(Split([Lijst], ";"), [Lengte])',
      { Lijst: 'ICT;HR', Lengte: 'x' },
      /^Item: de positie moet een geheel getal zijn, niet "x"/,
      /^Item: the position must be a whole number/,
    ],
    [
      'Split([Lijst], [Scheiding])',
      { Lijst: 'ICT;HR', Scheiding: '' },
      /^Split: het scheidingsteken is leeg/,
      /^Split: the separator is empty/,
    ],
    ['ToNumber([Getal])', { Getal: 'twaalf' }, /^ToNumber: "twaalf" is geen getal/, /is not a number/],
    [
      'AddDays("31-12-9999", 1)',
      {},
      /^AddDays: de uitkomst ligt buiten de jaren 1 tot 9999/,
      /outside the years 1 to 9999/,
    ],
  ])('%s on %j', (text, values, nl, en) => {
    const r = evaluate(text, { ...row, ...values });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const detail = r.error.detail;
    expect(detail, r.error.message).toBeDefined();
    expect(hasMessage(detail!.id)).toBe(true);
    const dutch = format('nl', detail!.id as never, detail);
    expect(dutch).toMatch(nl);
    expect(dutch.replace(/"[^"]*"|\b[A-Z]\w+\(|ParseDate\(.*\)/g, '')).not.toMatch(ENGLISH);
    expect(format('en', detail!.id as never, detail)).toMatch(en);
  });

  it('words a date read as a number among text dates in Dutch', () => {
    // "auto" reads 45000 as an Excel serial, unless the column already held a date written as text.
    const expr = compileExpression('ParseDate([Datum])', { valueMaps: {} });
    if (!expr.ok) throw new Error(expr.error.message);
    const values = new Map<string, string>();
    const env = { today: '2026-11-23', get: (n: string) => values.get(n) };
    values.set('Datum', '31-01-2024');
    expect(expr.expr.evaluate(env).ok).toBe(true);
    values.set('Datum', '45000');
    const r = expr.expr.evaluate(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(format('nl', r.error.detail!.id as never, r.error.detail)).toMatch(
      /een getal tussen datums die als tekst zijn geschreven; gebruik ParseDate\(…, "excel"\)/,
    );
  });
});
