import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../src/shared/engine/compile';
import { parseMapping, parseMappingText, type MappingProblem } from '../../../src/shared/mapping/load';
import { describeProblem } from '../../../src/renderer/src/app/logic/problems';

/** English a Dutch sentence must not hold (field paths, expressions and quoted names are data and left out). */
const ENGLISH = /\b(?:the|and|not|needs|must|unknown|use|only|first|field|mapped|keep|remove|cannot)\b/i;
const withoutData = (text: string) => text.replace(/"[^"]*"|\b[a-z]+\.[\w.]+|\[[^\]]*\]|\w+\(/g, '');

function problemsOf(mapping: Record<string, unknown>): MappingProblem[] {
  const parsed = parseMapping({
    version: 1,
    name: 'Gemeente Ede',
    source: { kind: 'csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    ...mapping,
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const compiled = compileMapping(parsed.mapping);
  if (compiled.ok) throw new Error('expected problems');
  return compiled.problems;
}

describe('mapping problems in the consultant’s language', () => {
  const problems = problemsOf({
    fields: {
      'name.givenName': { expression: 'Replace([Roepnaam], "(?<=J)an", "")' },
      'name.familyName': { expression: 'Join(" ", [Tussenvoegsel], [Achternaam])' },
      title: { expression: 'ParseDate([Datum in dienst], "dd-MM")' },
      geboortedatum: { expression: '[Geboortedatum]' },
      afdelingg: { expression: '[Afdeling]' },
    },
    groupRules: [{ field: 'department', in: ['ICT'], group: 'ICT' }],
  });

  it('words each problem the engine found from its code, in Dutch and in English', () => {
    const nl = problems.map((p) => describeProblem(p, 'nl'));
    const en = problems.map((p) => describeProblem(p, 'en'));
    expect(nl).toEqual(
      expect.arrayContaining([
        'De expressie voor Voornaam is niet bruikbaar: vooruit- en terugkijken ((?=…), (?!…), (?<=…), (?<!…)) kan niet; welke patronen Plek begrijpt staat in docs/expressions.md',
        'De expressie voor Functie is niet bruikbaar: het datumformaat "dd-MM" heeft een jaar, een maand en een dag nodig (yyyy, MM, dd), of is een van "auto", "excel", "generalizedTime", "filetime"',
        'geboortedatum: Plek synchroniseert geen (geboorte)datums naar profielen.',
        '"afdelingg" is geen veld van Plek: gebruik een SCIM-pad zoals name.givenName, of declareer het onder customFields.',
        'Groepsregels werken alleen op profielvelden van Plek, en het veld afdeling is niet gemapt; map het eerst.',
      ]),
    );
    expect(en).toContain(
      'Group rules work on Plek profile fields only, and the department is not mapped; map it first.',
    );
    for (const text of nl) expect(withoutData(text), text).not.toMatch(ENGLISH);
    // The English text for logs and the CLI is unchanged.
    expect(problems.map((p) => p.message).join('\n')).toMatch(/look-ahead and look-behind/);
  });

  it('says which field Plek still needs to create an account', () => {
    const missing = problemsOf({ fields: { 'name.givenName': { expression: '[Roepnaam]' } } });
    expect(missing.map((p) => describeProblem(p, 'nl'))).toContain(
      'Plek heeft het veld achternaam nodig om een account aan te maken; voeg er een veldmapping voor toe.',
    );
  });

  it('keeps the checker’s detail for a problem without a code', () => {
    expect(describeProblem({ path: '$.valueMaps.x', message: 'odd' }, 'nl')).toBe(
      'De mapping heeft een probleem bij valueMaps.x: odd',
    );
  });
});

describe('problems of the mapping file itself', () => {
  it.each([
    [
      parseMapping({ version: 2, name: 'x' }),
      'Versie 2 van het mappingformaat wordt niet ondersteund; deze workbench leest versie 1.',
    ],
    [
      parseMappingText('{\n  "version": 1,\n  "name": "x",,\n}'),
      'Het bestand is geen geldige JSON: het houdt op of klopt niet op regel 3, kolom 15.',
    ],
    [
      parseMappingText('{ "version": 1, "name": "a", "name": "b" }'),
      'De sleutel $.name staat twee keer in hetzelfde object; haal er één weg, zodat het bestand maar één ding betekent.',
    ],
    [
      parseMapping({
        version: 1,
        name: 'x',
        source: { kind: 'csv', password: 'Welkom01' },
        mappingKey: { attribute: 'Personeelsnummer' },
      }),
      /^"password" lijkt op een geheim, en een mappingbestand bevat nooit een geheim\. Haal het weg:/,
    ],
    [
      parseMapping({
        version: 1,
        name: 'x',
        source: { kind: 'csv' },
        mappingKey: { attribute: 'Personeelsnummer' },
        fields: {},
        feilds: {},
      }),
      'Onbekende sleutel "feilds"; controleer de spelling met docs/mapping-format.md.',
    ],
  ])('%#', (result, nl) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeProblem(result.problems[0]!, 'nl')).toMatch(nl);
  });
});

describe('a value the mapping format does not accept', () => {
  it('is worded in Dutch with Dutch names for the kinds of value, the place named as in the file', () => {
    const r = parseMapping({
      version: 1,
      name: 'x',
      source: { kind: 'csv' },
      mappingKey: { attribute: '' },
      fields: {},
      valueMaps: { afdelingen: { entries: 5 } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const nl = r.problems.map((p) => describeProblem(p, 'nl'));
    expect(nl).toContain(
      'Nog geen mapping key gekozen: kies bij de stap Bron onder “Mapping key” de kolom die een persoon herkent.',
    );
    expect(nl.join('\n')).not.toMatch(/Too small|Too big|Invalid input|expected/);
    // zod's own Dutch table says "verwacht record, ontving getal": half English. The kinds of value are Dutch words.
    expect(nl).toContain(
      'De mapping heeft een probleem bij valueMaps.afdelingen.entries: verwacht object, gevonden: getal',
    );
    expect(nl.join('\n')).not.toMatch(/\b(?:string|record|number|array|boolean|undefined)\b/);
    // The English problem text for the CLI is zod's English, as before.
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/Too small|Too big|Invalid/);
  });
});
