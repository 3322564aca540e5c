import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { compileError, compileOk, evaluate, value } from './helpers';

type Case = [expression: string, row: Row, expected: Value];

const row: Row = {
  Roepnaam: 'Jan',
  Tussenvoegsel: 'van der',
  Achternaam: 'Berg',
  Leeg: '',
  Spaties: '   ',
  Null: null,
  Naam: '  Zoë   Brontë ',
  Telefoon: '06-1234 5678',
  proxyAddresses: ['smtp:j.berg@oud.nl', 'SMTP:jan.vanderberg@plek.nl', 'X400:c=NL'],
  Teams: ['ICT', '', 'Beheer'],
};

describe('Join', () => {
  it.each<Case>([
    ['Join(" ", [Roepnaam], [Tussenvoegsel], [Achternaam])', row, 'Jan van der Berg'],
    ['Join(" ", [Roepnaam], [Leeg], [Achternaam])', row, 'Jan Berg'],
    ['Join(" ", [Roepnaam], [Spaties], [Null], [Ontbreekt], [Achternaam])', row, 'Jan Berg'],
    ['Join(", ", [Teams])', row, 'ICT, Beheer'],
    ['Join("/", "a", Split("b;c", ";"), 1, true)', row, 'a/b/c/1/true'],
    ['Join(" ", [Leeg], [Null])', row, null],
    ['Join(null, "a", "b")', row, 'ab'],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));
});

describe('Trim, Lower, Upper, Capitalize', () => {
  it.each<Case>([
    ['Trim([Naam])', row, 'Zoë Brontë'],
    ['Trim([Spaties])', row, ''],
    ['Trim([Null])', row, null],
    ['Trim([Ontbreekt])', row, null],
    ['Trim([Teams])', { Teams: [' ICT ', 'HR  '] }, ['ICT', 'HR']],
    ['Lower("ÖZTÜRK")', row, 'öztürk'],
    ['Lower([proxyAddresses])', row, ['smtp:j.berg@oud.nl', 'smtp:jan.vanderberg@plek.nl', 'x400:c=nl']],
    ['Upper("straße")', row, 'STRASSE'],
    ['Upper([Null])', row, null],
    ['Capitalize("ijsbrand")', row, 'IJsbrand'],
    ['Capitalize("émile")', row, 'Émile'],
    ['Capitalize("\'t hart")', row, "'t Hart"],
    ['Capitalize("’t hooft")', row, '’t Hooft'],
    ['Capitalize("\'s-gravenhage")', row, "'s-Gravenhage"],
    ['Capitalize("\'s jacob")', row, "'s Jacob"],
    ['Capitalize("\'t ijssel")', row, "'t IJssel"],
    ['Capitalize("tjitske")', row, 'Tjitske'],
    ['Capitalize("\'tjeerd")', row, "'Tjeerd"],
    ['Capitalize("\'t")', row, "'T"],
    ['Capitalize("")', row, ''],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));
});

describe('Left and Mid', () => {
  it.each<Case>([
    ['Left("Jansen", 3)', row, 'Jan'],
    ['Left("Jan", 10)', row, 'Jan'],
    ['Left("Jan", 0)', row, ''],
    ['Left("Jan", -2)', row, ''],
    ['Left("Jan", "2")', row, 'Ja'],
    ['Left([Null], 2)', row, null],
    ['Left("😀😀x", 2)', row, '😀😀'],
    ['Left([Teams], 1)', row, ['I', '', 'B']],
    ['Mid("20240131", 5, 2)', row, '01'],
    ['Mid("Jansen", 1, 3)', row, 'Jan'],
    ['Mid("Jansen", 0, 3)', row, 'Jan'],
    ['Mid("Jansen", 5, 10)', row, 'en'],
    ['Mid("Jansen", 10, 2)', row, ''],
    ['Mid("Jürgen", 2, 1)', row, 'ü'],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('reports a non-numeric length as an expression error', () => {
    const r = evaluate('Left([Roepnaam], [Achternaam])', row);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'expression-error',
        message: 'Left: length must be a whole number, got "Berg" (in the expression at position 1)',
      },
    });
  });
});

describe('Replace', () => {
  it.each<Case>([
    ['Replace([Telefoon], "[^0-9]", "")', row, '0612345678'],
    ['Replace("Jan Berg", "(\\w+) (\\w+)", "$2, $1")', row, 'Berg, Jan'],
    ['Replace("a.b.c", "\\.", "-")', row, 'a-b-c'],
    ['Replace("aaa", "a", "b")', row, 'bbb'],
    ['Replace([Null], "a", "b")', row, null],
    ['Replace("abc", "b", [Null])', row, 'ac'],
    [
      'Replace([proxyAddresses], "^smtp:", "")',
      row,
      ['j.berg@oud.nl', 'SMTP:jan.vanderberg@plek.nl', 'X400:c=NL'],
    ],
    // a pattern computed per row that does not compile does not match
    ['Replace("abc", [Patroon], "x")', { Patroon: '(' }, 'abc'],
    ['Replace("aaab", [Patroon], "x")', { Patroon: '(a+)+$' }, 'aaab'],
    ['Replace("aaaa", [Patroon], "x")', { Patroon: '(?=a)' }, 'aaaa'],
    ['Replace("abc", [Patroon], "x")', { Patroon: 'b' }, 'axc'],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it.each([
    ['Replace([a], "(", "")', 'invalid regular expression', 14],
    ['Replace([a], "(?<=@)x", "")', 'look-ahead and look-behind', 14],
    ['Replace([a], "(a)\\1", "")', 'back-references', 14],
    [`Replace([a], "${'a'.repeat(501)}", "")`, 'too long', 14],
  ])('refuses literal pattern in %s at compile time', (e, message, column) => {
    const err = compileError(e);
    expect(err.message).toContain(message);
    expect(err.column).toBe(column);
  });

  it('follows a pattern that changes from row to row', () => {
    const expr = compileOk('Replace([x], [Patroon], "_")');
    const rows: [string, string, string][] = [
      ['a-b', '-', 'a_b'],
      ['a-b', '-', 'a_b'],
      ['a.b', '(', 'a.b'],
      ['a.b', '\\.', 'a_b'],
      ['aaa', '(a+)+', '_'],
      ['aaa', '(?!a)', 'aaa'],
      ['aaa', 'a', '___'],
    ];
    for (const [x, Patroon, expected] of rows)
      expect(expr.evaluate({ get: (n) => ({ x, Patroon })[n], today: '2026-11-23' })).toEqual({
        ok: true,
        value: expected,
      });
  });

  it('refuses overly long input instead of risking a slow match', () => {
    const r = evaluate('Replace([a], "a", "b")', { a: 'a'.repeat(10_001) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('expression-error');
    expect(value('Replace([a], "a", "b")', { a: 'a'.repeat(10_000) })).toBe('b'.repeat(10_000));
  });
});

describe('NormalizeDiacritics', () => {
  it.each<[string, string, string]>([
    ['Çağlar Öztürk', 'strip', 'Caglar Ozturk'],
    ['Çağlar Öztürk', 'dach', 'Caglar Oeztuerk'],
    ['Zoë Brontë', 'strip', 'Zoe Bronte'],
    ['Zoë Brontë', 'dach', 'Zoe Bronte'],
    ['Jørgen Ødegård', 'strip', 'Jorgen Odegard'],
    ['Łukasz Wałęsa', 'strip', 'Lukasz Walesa'],
    ['Straße', 'strip', 'Strasse'],
    ['Straße', 'dach', 'Strasse'],
    ['Ĳsbrand', 'strip', 'IJsbrand'],
    ['Jürgen Müller', 'dach', 'Juergen Mueller'],
    ['JÜRGEN MÜLLER', 'dach', 'JUERGEN MUELLER'],
    ['ÖZ', 'dach', 'OEZ'],
    ['GÖ', 'dach', 'GOE'],
    ['Ö', 'dach', 'Oe'],
    ['Über', 'dach', 'Ueber'],
    ['STRAẞE', 'dach', 'STRASSE'],
    ['Jürgen Müller', 'strip', 'Jurgen Muller'],
    ['Ægir Dıyar', 'strip', 'Aegir Diyar'],
    ['Zoe\u0308', 'strip', 'Zoe'], // decomposed ë
    ['Mu\u0308ller', 'dach', 'Mueller'], // decomposed ü still gets the DACH rule
    ['van der Berg', 'dach', 'van der Berg'],
  ])('%s (%s) → %s', (input, mode, expected) => {
    expect(value(`NormalizeDiacritics([x], "${mode}")`, { x: input })).toBe(expected);
  });

  it('defaults to strip and keeps null and lists', () => {
    expect(value('NormalizeDiacritics([x])', { x: 'Zoë' })).toBe('Zoe');
    expect(value('NormalizeDiacritics([x])', { x: null })).toBeNull();
    expect(value('NormalizeDiacritics([x], "dach")', { x: ['Ö', 'é'] })).toEqual(['Oe', 'e']);
  });

  it('refuses an unknown or computed mode at compile time', () => {
    expect(compileError('NormalizeDiacritics([x], "german")').message).toMatch(
      /"strip" or "dach".*column 26/,
    );
    expect(compileError('NormalizeDiacritics([x], [mode])').message).toMatch(
      /needs the mode as a literal in quotes at column 26/,
    );
  });
});

describe('FirstLetter', () => {
  it.each<[Row[string], string | null]>([
    ['Jan', 'J'],
    ['  jan', 'j'],
    ["'t Hart", 't'],
    ['Örtje', 'Ö'],
    ['O\u0308rtje', 'Ö'], // decomposed: stays one letter
    ['(Piet)', 'P'],
    ['123', null],
    ['', null],
    [null, null],
    [['Émile', 'Anna'], ['É', 'A'] as unknown as string],
  ])('%j → %j', (input, expected) => {
    expect(value('FirstLetter([x])', { x: input })).toEqual(expected);
  });
});

describe('ToText and ToNumber', () => {
  it.each<Case>([
    ['ToText(42)', row, '42'],
    ['ToText(true)', row, 'true'],
    ['ToText(null)', row, null],
    ['ToText([Teams])', row, 'ICT, Beheer'],
    ['ToText(ParseDate("31-01-2024", "dd-MM-yyyy"))', row, '2024-01-31'],
    ['ToNumber("36,5")', row, 36.5],
    ['ToNumber(" 12 ")', row, 12],
    ['ToNumber([Leeg])', row, null],
    ['ToNumber(7)', row, 7],
  ])('%s', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('reports text that is no number', () => {
    const r = evaluate('ToNumber([Roepnaam])', row);
    expect(!r.ok && r.error).toEqual({
      code: 'expression-error',
      message: 'ToNumber: "Jan" is not a number (in the expression at position 1)',
    });
  });
});

describe('NormalizeDiacritics capital sharp s', () => {
  it('writes ẞ as SS in both modes', () => {
    expect(value('NormalizeDiacritics("STRAẞE")')).toBe('STRASSE');
    expect(value('NormalizeDiacritics("STRAẞE", "dach")')).toBe('STRASSE');
  });
});
