import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../src/shared/engine/compile';
import { parseMapping } from '../../../src/shared/mapping/load';
import { formatMessage, formatMessages } from '../../../src/shared/i18n';
import { afasSourceSchema, personioSourceSchema, restSourceSchema } from '../../../src/shared/mapping/schema';
import { recognizeApiAttributes, suggestApiMapping } from '../../../src/shared/source/suggest-api';

const AFAS_IDS = [
  'Medewerker',
  'Voornaam',
  'Roepnaam',
  'Voorvoegsel',
  'Achternaam',
  'E-mail werk',
  'Functie',
  'Afdeling',
  'Standplaats',
  'Datum in dienst',
  'Datum uit dienst',
  'Leidinggevende',
];

describe('recognizeApiAttributes', () => {
  it('knows AFAS field ids, Dutch spellings included', () => {
    expect(Object.fromEntries([...recognizeApiAttributes('afas', AFAS_IDS)].map(([c, a]) => [a, c]))).toEqual(
      {
        Medewerker: 'employeeNumber',
        Voornaam: 'givenName',
        Roepnaam: 'callName',
        Voorvoegsel: 'namePrefix',
        Achternaam: 'familyName',
        'E-mail werk': 'email',
        Functie: 'title',
        Afdeling: 'department',
        Standplaats: 'location',
        'Datum in dienst': 'startDate',
        'Datum uit dienst': 'endDate',
        Leidinggevende: 'manager',
      },
    );
  });

  it.each([
    ['name.first', 'givenName'],
    ['name.last', 'familyName'],
    ['person.last_name', 'familyName'],
    ['contact.email', 'email'],
    ['job.manager.id', 'manager'],
    ['employment.end_date', 'endDate'],
    ['employment.start_date', 'startDate'],
    ['employment.status', 'status'],
    ['job.title', 'title'],
  ])('REST %s → %s (by its last segments)', (name, concept) => {
    expect(recognizeApiAttributes('rest', [name]).get(concept as never)).toBe(name);
  });

  it('leaves unknown and ambiguous REST names alone', () => {
    expect(recognizeApiAttributes('rest', ['tags', 'meta.version', 'links.self']).size).toBe(0);
  });
});

describe('suggestApiMapping', () => {
  it('AFAS: key Medewerker, prefix apart, end date as deactivation; the draft compiles', () => {
    const source = afasSourceSchema.parse({
      kind: 'afas',
      baseUrl: 'https://12345.rest.afas.online/ProfitRestServices',
      connector: 'Plek_Medewerkers',
    });
    const { mapping } = suggestApiMapping(source, AFAS_IDS, { name: 'Gemeente' });
    expect(mapping.mappingKey).toEqual({ attribute: 'Medewerker' });
    expect(mapping.fields?.['name.familyName']?.expression).toBe(
      'Join(" ", Lower(Trim([Voorvoegsel])), Trim([Achternaam]))',
    );
    expect(mapping.fields?.['emails[type eq "work"].value']?.expression).toBe('Lower(Trim([E-mail werk]))');
    expect(mapping.deactivation?.endDate).toBe('ParseDate([Datum uit dienst], "auto")');
    const parsed = parseMapping(mapping);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(compileMapping(parsed.mapping).ok).toBe(true);
  });

  it('Personio: id as key, INACTIVE deactivates, the termination date drives leavers', () => {
    const source = personioSourceSchema.parse({ kind: 'personio', clientId: 'c' });
    const names = [
      'id',
      'first_name',
      'last_name',
      'preferred_name',
      'email',
      'employment.status',
      'employment.termination.termination_date',
      'employment.employment_start_date',
      'employment.supervisor.id',
      'employment.position.title',
    ];
    const { mapping } = suggestApiMapping(source, names, { name: 'Personio' });
    expect(mapping.mappingKey).toEqual({ attribute: 'id' });
    expect(mapping.deactivation?.endDate).toBe(
      'ParseDate([employment.termination.termination_date], "auto")',
    );
    expect(mapping.deactivation?.inactiveWhen).toMatch(/^In\(\[employment\.status\], .*"inactive"/i);
    expect(mapping.activation?.startDate).toBe('ParseDate([employment.employment_start_date], "auto")');
    expect(mapping.source).toBe(source);
  });

  it('REST without an id it recognises says so and still picks a key', () => {
    const source = restSourceSchema.parse({
      kind: 'rest',
      url: 'https://api.example.nl/v1/people',
      auth: { kind: 'bearer' },
    });
    const { mapping, notes } = suggestApiMapping(source, ['uuid', 'name.first', 'name.last'], { name: 'x' });
    expect(mapping.mappingKey).toEqual({ attribute: 'uuid' });
    expect(formatMessage('en', notes[0]!)).toBe(
      'mapping key ← uuid (no employee id recognised); make sure it is unique and never changes',
    );
    // Told about the API's attributes, not the canonical CSV headers the proposal ran on, in either language.
    expect(formatMessages('en', notes, '\n')).not.toMatch(/Voornaam|Achternaam|\bcolumn\b/);
    expect(formatMessages('en', notes, '\n')).toMatch(/no attribute recognised for emails/);
    expect(formatMessages('nl', notes, '\n')).toMatch(/geen attribuut herkend voor emails/);
    expect(formatMessages('nl', notes, '\n')).not.toMatch(/Voornaam|Achternaam|\bkolom\b/);
  });
});
