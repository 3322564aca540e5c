import { describe, expect, it } from 'vitest';
import type { BinaryOp, ExprNode } from '../../../src/shared/expression';
import {
  BINARY_OPS,
  binary,
  call,
  FUNCTION_NAMES,
  literal,
  not,
  parseExpression,
  printExpression,
  ref,
  stripPositions,
} from '../../../src/shared/expression';
import { mulberry32 as prng } from '../../../src/shared/random';

/** Canonically formatted expressions: print(parse(s)) must give s back unchanged. */
const CORPUS = [
  '[Achternaam]',
  '[Datum in dienst]',
  '[E-mail]',
  '[Afdeling.Code]',
  '[Straße]',
  '[a]]b]',
  '"text with \\"escapes\\""',
  '"C:\\\\Users\\\\jan"',
  '""',
  '42',
  '3.5',
  '-1',
  '1e+21',
  'true',
  'false',
  'null',
  'Join(" ", [Roepnaam], [Tussenvoegsel], [Achternaam])',
  'Join(", ", Split([Teams], ";"))',
  'Trim([Voornaam])',
  'Lower(Join(".", FirstLetter([Roepnaam]), NormalizeDiacritics(NameWithoutPrefix([Achternaam]), "dach")))',
  'Upper([Land])',
  'Left([Postcode], 4)',
  'Mid([Personeelsnummer], 2, 5)',
  'Replace([Telefoon], "[^0-9+]", "")',
  'Replace([Naam], "(\\\\w+) (\\\\w+)", "$2, $1")',
  'Item(Split([Afdeling.Pad], "/"), 2)',
  'Coalesce([Roepnaam], [Voornaam], "onbekend")',
  'IIF([Status] = "Actief", true, false)',
  'IIF(IsEmpty([Tussenvoegsel]), [Achternaam], [Tussenvoegsel] & " " & [Achternaam])',
  'Switch([Geslacht], null, "M", "male", "V", "female")',
  'In([Afdeling], "ICT", "HR", "Financiën")',
  'ValueMap([Afdeling], "afdelingen")',
  'FormatDate(ParseDate([Geboortedatum], "dd-MM-yyyy"), "yyyy-MM-dd")',
  'ParseDate([accountExpires], "filetime")',
  'ParseDate([whenCreated], "generalizedTime") < Today()',
  'AddDays(ParseDate([Uit dienst], "d-M-yyyy"), 1)',
  'DateDiffDays(Today(), ParseDate([Einddatum], "auto")) > 30',
  'DisplayName([Roepnaam], [Tussenvoegsel], [Achternaam])',
  'SortName([Roepnaam], NamePrefix([Achternaam]), NameWithoutPrefix([Achternaam]))',
  'PhoneE164([Mobiel], "NL")',
  'FindPrefix([proxyAddresses], "SMTP:")',
  'First([mail])',
  'Count([memberOf]) > 0',
  'ToText([Personeelsnummer])',
  '[a] = 1 and [b] <> 2 or [c] < 3',
  '[a] or [b] and [c]',
  '([a] or [b]) and [c]',
  'not [Actief]',
  'not [Status] = "Inactief"',
  'not ([a] or [b])',
  '(not [a]) = [b]',
  '[a] = (not [b])',
  'not not [a]',
  '[a] & ([b] & [c])',
  '[a] & [b] & [c]',
  '[a] = [b] = [c]',
  '[a] = ([b] = [c])',
  '[a] & "x" <= "y"',
  '[Leeftijd] >= 18 and [Leeftijd] < 67',
  'MyOwnFunction([a])',
];

describe('printExpression', () => {
  it.each(CORPUS)('round-trips %s', (text) => {
    const r = parseExpression(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(printExpression(r.ast)).toBe(text);
    const again = parseExpression(printExpression(r.ast));
    expect(again.ok && stripPositions(again.ast)).toEqual(stripPositions(r.ast));
  });

  it.each([
    ['join(  " "  ,[a] )', 'Join(" ", [a])'],
    ['IIF( [a]=1,TRUE , Null )', 'IIF([a] = 1, true, null)'],
    ['((([a])))', '[a]'],
    ['[a] AND NOT([b])', '[a] and not [b]'],
    ['[a] != [b]', '[a] <> [b]'],
    ['1.50', '1.5'],
    ['"\\d"', '"\\\\d"'],
  ])('canonicalises %s as %s', (text, canonical) => {
    const r = parseExpression(text);
    expect(r.ok && printExpression(r.ast)).toBe(canonical);
  });
});

const NAMES = [
  'Achternaam',
  'Datum in dienst',
  'E-mail',
  'a]b',
  ']',
  'Ölçü',
  ' spatie ',
  'x[y',
  'proxyAddresses',
];
const STRINGS = ['', ' ', 'van der', '"', '\\', '\\"', 'a\\nb', 'ĳ', '€', 'line\nbreak', '😀', 'SMTP:'];
const NUMBERS = [0, 1, -1, 42, 3.5, -0.125, 1e21, 1e-7, 123456789];
const CALL_NAMES = [...FUNCTION_NAMES, 'MyOwnFunction'];

function randomAst(rand: () => number, depth: number): ExprNode {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const leaf = depth <= 0 || rand() < 0.3;
  if (leaf) {
    switch (Math.floor(rand() * 4)) {
      case 0:
        return ref(pick(NAMES));
      case 1:
        return literal(pick(STRINGS));
      case 2:
        return literal(pick(NUMBERS));
      default:
        return literal(pick([true, false, null]));
    }
  }
  switch (Math.floor(rand() * 3)) {
    case 0:
      return call(
        pick(CALL_NAMES),
        Array.from({ length: Math.floor(rand() * 4) }, () => randomAst(rand, depth - 1)),
      );
    case 1:
      return binary(pick(BINARY_OPS) as BinaryOp, randomAst(rand, depth - 1), randomAst(rand, depth - 1));
    default:
      return not(randomAst(rand, depth - 1));
  }
}

describe('round trip over random trees', () => {
  it.each(Array.from({ length: 20 }, (_, i) => 1000 + i))('seed %i: parse(print(ast)) equals ast', (seed) => {
    const rand = prng(seed);
    for (let i = 0; i < 100; i++) {
      const ast = randomAst(rand, 5);
      const text = printExpression(ast);
      const r = parseExpression(text);
      if (!r.ok) throw new Error(`seed ${seed} #${i}: ${text}: ${r.error.message}`);
      expect(stripPositions(r.ast), `seed ${seed} #${i}: ${text}`).toEqual(ast);
      expect(printExpression(r.ast)).toBe(text);
    }
  });
});
