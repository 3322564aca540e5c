import { describe, expect, it } from 'vitest';
import { recognizeHeaders, refText } from '../../../src/shared/engine/recognize-headers';
import { proposeMapping } from '../../../src/shared/engine/propose';
import { compileMapping } from '../../../src/shared/engine/compile';
import { parseMapping } from '../../../src/shared/mapping/load';
import { formatMessages } from '../../../src/shared/i18n';

describe('header recogniser', () => {
  it.each([
    ['Personeelsnummer', 'employeeNumber'],
    ['Personeelsnr.', 'employeeNumber'],
    ['Employee ID', 'employeeNumber'],
    ['Roepnaam', 'callName'],
    ['Voornaam', 'givenName'],
    ['Voorletters', 'initials'],
    ['Tussenvoegsel', 'namePrefix'],
    ['Achternaam', 'familyName'],
    ['Geslachtsnaam', 'familyName'],
    ['E-mailadres', 'email'],
    ['E-mail (zakelijk)', 'email'],
    ['Work email', 'email'],
    ['Functie', 'title'],
    ['Afdeling', 'department'],
    ['Locatie', 'location'],
    ['Telefoon werk', 'workPhone'],
    ['Mobiel', 'mobile'],
    ['GSM', 'mobile'],
    ['Datum in dienst', 'startDate'],
    ['Datum uit dienst', 'endDate'],
    ['Einddatum dienstverband', 'endDate'],
    ['Leidinggevende', 'manager'],
    ['Geboortedatum', 'birthDate'],
    ['Date of birth', 'birthDate'],
    ['Status', 'status'],
  ])('%s → %s', (header, concept) => {
    expect(recognizeHeaders([header])[0]?.concept).toBe(concept);
  });

  it('ignores headers it does not know and takes each concept once', () => {
    const r = recognizeHeaders(['Schoenmaat', 'E-mailadres', 'E-mail privé']);
    expect(r.map((s) => [s.header, s.concept])).toEqual([['E-mailadres', 'email']]);
  });

  it('never maps a birth date or a start date to a Plek field', () => {
    for (const s of recognizeHeaders(['Geboortedatum', 'Datum in dienst'])) expect(s.target).toBeNull();
  });

  it('escapes ] in attribute references', () => {
    expect(refText('Kosten]plaats')).toBe('[Kosten]]plaats]');
  });

  it('drafts a mapping that compiles, with notes for what is missing', () => {
    const { mapping, notes } = proposeMapping({ headers: ['Naam', 'Functie'], name: 'x' });
    expect(formatMessages('en', notes, '\n')).toMatch(/no employee number column/);
    expect(formatMessages('en', notes, '\n')).toMatch(/never be deactivated/);
    expect(mapping.fields).toHaveProperty('title');
    const full = proposeMapping({
      headers: ['Personeelsnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'Status'],
      name: 'x',
      sourcePath: 'hr.csv',
    }).mapping;
    const parsed = parseMapping(full);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(compileMapping(parsed.mapping).ok).toBe(true);
  });
});
