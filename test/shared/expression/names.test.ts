import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import { splitFamilyName } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { value } from './helpers';

describe('NamePrefix and NameWithoutPrefix', () => {
  it.each<[string, string | null, string]>([
    ['van der Berg', 'van der', 'Berg'],
    ['Van den Broek', 'Van den', 'Broek'],
    ['de Vries', 'de', 'Vries'],
    ["van 't Hek", "van 't", 'Hek'],
    ['van ’t Hek', 'van ’t', 'Hek'], // typographic apostrophe, kept as written
    ['ter Horst', 'ter', 'Horst'],
    ["in 't Veld", "in 't", 'Veld'],
    ['van de Kamp', 'van de', 'Kamp'],
    ['van het Hof', 'van het', 'Hof'],
    ['von der Leyen', 'von der', 'Leyen'],
    ['da Silva', 'da', 'Silva'],
    ['Le Blanc', 'Le', 'Blanc'],
    ['van der Berg-de Vries', 'van der', 'Berg-de Vries'],
    ['  van   der   Berg  ', 'van der', 'Berg'],
    ['Jansen', null, 'Jansen'],
    ['Vanderberg', null, 'Vanderberg'],
    ['Van', null, 'Van'], // a name is never all prefix
    ['de', null, 'de'],
    ['Van Dam', 'Van', 'Dam'],
    ['Öztürk', null, 'Öztürk'],
    // Prefixes glued to the name or to the elided article.
    ["d'Ancona", "d'", 'Ancona'],
    ["D'Hondt", "D'", 'Hondt'],
    ['d’Oliveira', 'd’', 'Oliveira'],
    ["l'Ortye", "l'", 'Ortye'],
    ["van't Hek", "van't", 'Hek'],
    ['Van’t Hof', 'Van’t', 'Hof'],
    ["in't Veld", "in't", 'Veld'],
    ["d'Ancona-de Vries", "d'", 'Ancona-de Vries'],
    ["d'", null, "d'"], // a glued prefix alone is not split
    ["O'Brien", null, "O'Brien"],
    ['Dekker', null, 'Dekker'],
    ["Van't", null, "Van't"],
  ])('%j → prefix %j, name %j', (family, prefix, rest) => {
    expect(value('NamePrefix([x])', { x: family })).toBe(prefix);
    expect(value('NameWithoutPrefix([x])', { x: family })).toBe(rest);
  });

  it('keeps null, empty and lists', () => {
    expect(value('NamePrefix([x])', { x: null })).toBeNull();
    expect(value('NamePrefix([x])', {})).toBeNull();
    expect(value('NameWithoutPrefix([x])', { x: '' })).toBeNull();
    expect(value('NameWithoutPrefix([x])', { x: '   ' })).toBeNull();
    expect(value('NamePrefix([x])', { x: ['de Vries', 'Jansen'] })).toEqual(['de', null]);
  });

  it('is exported for the login schema', () => {
    expect(splitFamilyName('van den Heuvel')).toEqual(['van den', 'Heuvel']);
  });
});

describe('DisplayName and SortName', () => {
  const cases: [Row, string | null, string | null][] = [
    [{ g: 'Jan', p: 'van der', f: 'Berg' }, 'Jan van der Berg', 'Berg, Jan van der'],
    [{ g: 'Jan', p: '', f: 'Jansen' }, 'Jan Jansen', 'Jansen, Jan'],
    [{ g: 'Jan', p: null, f: 'Jansen' }, 'Jan Jansen', 'Jansen, Jan'],
    [{ g: ' Anne  Marie ', p: ' de ', f: ' Wit ' }, 'Anne Marie de Wit', 'Wit, Anne Marie de'],
    [{ g: '', p: 'van', f: 'Dam' }, 'Van Dam', 'Dam, van'],
    [{ g: 'Zoë', p: '   ', f: 'Brontë' }, 'Zoë Brontë', 'Brontë, Zoë'],
    [{ g: 'Jan', p: '', f: '' }, 'Jan', 'Jan'],
    [{ g: '', p: '', f: '' }, null, null],
    [{}, null, null],
  ];
  it.each(cases)('%j → %j / %j', (row, display, sort) => {
    expect(value('DisplayName([g], [p], [f])', row)).toBe(display);
    expect(value('SortName([g], [p], [f])', row)).toBe(sort);
  });

  // Dutch capitalisation (Taalunie): a prefix after a given name is lower-case; at the start or alone it has a
  // capital. The prefix comes from its own column, or from the start of the family name when that column is empty.
  it.each<[Row, string | null, string | null]>([
    [{ g: 'Jan', p: 'Van der', f: 'Berg' }, 'Jan van der Berg', 'Berg, Jan van der'],
    [{ g: 'Jan', p: 'VAN DER', f: 'Berg' }, 'Jan van der Berg', 'Berg, Jan van der'],
    [{ g: '', p: 'van der', f: 'Berg' }, 'Van der Berg', 'Berg, van der'],
    [{ g: null, p: 'VAN DEN', f: 'Heuvel' }, 'Van den Heuvel', 'Heuvel, van den'],
    [{ g: 'Jan', p: null, f: 'Van der Berg' }, 'Jan van der Berg', 'Berg, Jan van der'],
    [{ g: '', p: null, f: 'van der Berg' }, 'Van der Berg', 'Berg, van der'],
    [{ g: 'Chloë', p: 'de', f: 'de Graaf' }, 'Chloë de Graaf', 'Graaf, Chloë de'],
    [{ g: 'Chloë', p: 'De', f: 'de Graaf' }, 'Chloë de Graaf', 'Graaf, Chloë de'],
    [{ g: 'Sanne', p: "in 't", f: 'Veld' }, "Sanne in 't Veld", "Veld, Sanne in 't"],
    [{ g: '', p: "In 't", f: 'Veld' }, "In 't Veld", "Veld, in 't"],
    [{ g: '', p: "'t", f: 'Hart' }, "'t Hart", "Hart, 't"],
    [{ g: 'Kees', p: "'T", f: 'Hart' }, "Kees 't Hart", "Hart, Kees 't"],
    [{ g: '', p: "'s", f: 'Gravesande' }, "'s Gravesande", "Gravesande, 's"],
    [{ g: 'Ruud', p: '', f: "D'Ancona" }, "Ruud d'Ancona", "Ancona, Ruud d'"],
    [{ g: '', p: '', f: "d'Ancona" }, "D'Ancona", "Ancona, d'"],
    [{ g: 'Ruud', p: "D'", f: 'Ancona' }, "Ruud d'Ancona", "Ancona, Ruud d'"],
    [{ g: 'Herman', p: '', f: "Van't Hek" }, "Herman van't Hek", "Hek, Herman van't"],
    [{ g: '', p: '', f: "van't Hek" }, "Van't Hek", "Hek, van't"],
    [{ g: 'Ursula', p: '', f: 'von der Leyen' }, 'Ursula von der Leyen', 'Leyen, Ursula von der'],
    [{ g: '', p: 'van der', f: '' }, 'Van der', 'Van der'],
    [{ g: 'Jan', p: 'van der', f: '' }, 'Jan van der', 'Jan van der'],
    // Not a prefix: the family name stays as written.
    [{ g: 'Anna', p: '', f: 'Vanderberg' }, 'Anna Vanderberg', 'Vanderberg, Anna'],
    [{ g: 'Sean', p: '', f: "O'Brien" }, "Sean O'Brien", "O'Brien, Sean"],
    [{ g: 'Piet', p: '', f: 'Van' }, 'Piet Van', 'Van, Piet'],
    [{ g: 'Ayşe', p: '', f: 'Öztürk' }, 'Ayşe Öztürk', 'Öztürk, Ayşe'],
  ])('Dutch prefix capitals: %j → %j / %j', (row, display, sort) => {
    expect(value('DisplayName([g], [p], [f])', row)).toBe(display);
    expect(value('SortName([g], [p], [f])', row)).toBe(sort);
  });

  it('composes with NamePrefix when the export has the full family name in one column', () => {
    const row = { Roepnaam: 'Sanne', Achternaam: "in 't Veld" };
    expect(
      value('SortName([Roepnaam], NamePrefix([Achternaam]), NameWithoutPrefix([Achternaam]))', row),
    ).toBe("Veld, Sanne in 't");
  });
});

describe('Initials', () => {
  it.each<[string | null, Value]>([
    ['Jan Peter', 'J.P.'],
    ['Jan-Peter', 'J.P.'],
    ['IJsbrand', 'IJ.'],
    ['ijsbrand', 'IJ.'],
    ['Émile Zoë', 'É.Z.'],
    ['  ', null],
    [null, null],
  ])('%j → %j', (given, expected) => {
    expect(value('Initials([x])', { x: given })).toEqual(expected);
  });
});
