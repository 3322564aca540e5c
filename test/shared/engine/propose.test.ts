import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../src/shared/engine/compile';
import { fitDateFormat, fitStatusRule, proposeMapping } from '../../../src/shared/engine/propose';
import { mapRecords } from '../../../src/shared/engine/run';
import { parseMapping } from '../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceValue } from '../../../src/shared/source/types';
import { formatMessage } from '../../../src/shared/i18n';
import { plantedExport, readPlanted } from '../../fixtures/planted-export';

const E = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const WORK = 'emails[type eq "work"].value';

/** The proposal, with its notes worded as the English CLI prints them. */
function propose(headers: string[], rows: Record<string, SourceValue>[] = []) {
  const proposal = proposeMapping({ headers, sampleRows: rows, name: 'x' });
  return { ...proposal, notes: proposal.notes.map((n) => formatMessage('en', n)) };
}

function compiles(mapping: MappingFileInput) {
  const parsed = parseMapping(mapping);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.compiled;
}

describe('init proposes nothing dangerous', () => {
  it.each([
    [['Personeelsnummer', 'E-mailadres privé', 'E-mailadres'], 'E-mailadres'],
    [['Personeelsnummer', 'E-mailadres', 'E-mailadres privé'], 'E-mailadres'],
    [['Personeelsnummer', 'E-mail (privé)'], undefined],
    [['Personeelsnummer', 'Privé e-mailadres'], undefined],
    [['Personeelsnummer', 'Home email'], undefined],
    [['Personeelsnummer', 'E-mailadres werk'], 'E-mailadres werk'],
  ])('%j: work email from %s', (headers, expected) => {
    const { mapping, notes } = propose(headers);
    expect(mapping.fields[WORK]?.expression).toBe(expected ? `Lower(Trim([${expected}]))` : undefined);
    for (const h of headers.filter((h) => /priv|home/i.test(h))) {
      expect(notes).toContainEqual(
        expect.stringMatching(new RegExp(`^${h.replace(/[()]/g, '\\$&')}: not used`)),
      );
    }
  });

  it.each([
    [['Einddatum proeftijd'], undefined],
    [['Einddatum contract'], undefined],
    [['Einddatum proeftijd', 'Datum uit dienst'], 'Datum uit dienst'],
    [['Datum uit dienst', 'Einddatum proeftijd'], 'Datum uit dienst'],
    [['Einddatum'], 'Einddatum'],
    [['Einddatum dienstverband (dd-mm-jjjj)'], 'Einddatum dienstverband (dd-mm-jjjj)'],
  ])('%j: end date from %s', (headers, expected) => {
    const { mapping } = propose(['Personeelsnummer', ...headers]);
    expect(mapping.deactivation?.endDate).toBe(expected ? `ParseDate([${expected}], "auto")` : undefined);
  });

  it.each([
    ['Actief', ['Ja', 'Nee', 'Ja'], '[Actief] = "Nee"'],
    ['Actief', ['J', 'N'], '[Actief] = "N"'],
    ['Status', ['Actief', 'Uit dienst'], '[Status] = "Uit dienst"'],
    ['Status', ['Actief', 'Inactief', 'UIT DIENST'], 'In([Status], "Inactief", "UIT DIENST")'],
    ['Status', [], 'In([Status], "Inactief", "Inactive", "Uit dienst")'],
    ['Actief', [], 'In([Actief], "Nee", "No")'],
  ])('%s with values %j → %s', (header, values, expected) => {
    expect(fitStatusRule(header, values).expression).toBe(expected);
    const { mapping } = propose(
      ['Personeelsnummer', header],
      values.map((v) => ({ Personeelsnummer: '1', [header]: v })),
    );
    expect(mapping.deactivation?.inactiveWhen).toBe(expected);
  });

  it('says when a status column holds no value that means "left"', () => {
    const fit = fitStatusRule('Status', ['Vast', 'Tijdelijk']);
    expect(fit.note && formatMessage('en', fit.note)).toMatch(
      /"Vast", "Tijdelijk".*none of which says "left"/,
    );
    expect(fit.note && formatMessage('nl', fit.note)).toMatch(
      /"Vast", "Tijdelijk".*geen daarvan zegt "uit dienst"/,
    );
  });
});

describe('date formats fitted to the values', () => {
  it.each([
    [['31-01-2024', '01-12-2023'], 'dd-MM-yyyy'],
    [['31-1-2024', '1-12-2023'], 'd-M-yyyy'],
    [['2024-01-31'], 'yyyy-MM-dd'],
    [['31/01/2024', '02/03/2024'], 'dd/MM/yyyy'],
    [['01/31/2024', '02/03/2024'], 'MM/dd/yyyy'],
    [['31.01.2024'], 'dd.MM.yyyy'],
    [['31-12-9999', '31-01-2024'], 'dd-MM-yyyy'],
    [['31-01-2024', '2024-01-31'], 'auto'],
    [['45000'], 'auto'],
    [[], 'auto'],
  ])('%j → %s', (values, format) => {
    expect(fitDateFormat(values).format).toBe(format);
  });

  it('notes an ambiguous slash column that it read day-first', () => {
    const { note } = fitDateFormat(['02/03/2024', '04/05/2024']);
    expect(note && formatMessage('en', note)).toMatch(/02\/03\/2024 could be day-first or month-first/);
    expect(note && formatMessage('nl', note)).toMatch(/02\/03\/2024 kunnen dag-eerst of maand-eerst zijn/);
  });
});

describe('names', () => {
  it('puts the tussenvoegsel in the family name, never in middleName', () => {
    const { mapping } = propose([
      'Personeelsnummer',
      'Roepnaam',
      'Tussenvoegsel',
      'Achternaam',
      'E-mailadres',
    ]);
    expect(mapping.fields['name.middleName']).toBeUndefined();
    expect(mapping.fields['name.familyName']?.expression).toBe(
      'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))',
    );
  });

  it('prefers Voornaam over Voornamen, whatever the column order', () => {
    for (const headers of [
      ['Voornamen', 'Voornaam', 'Achternaam'],
      ['Voornaam', 'Voornamen', 'Achternaam'],
    ]) {
      expect(propose(headers).mapping.fields['name.givenName']?.expression).toBe('Trim([Voornaam])');
    }
  });

  it('proposes Kostenplaats as the cost center', () => {
    expect(propose(['Personeelsnummer', 'Kostenplaats']).mapping.fields[`${E}:costCenter`]?.expression).toBe(
      'Trim([Kostenplaats])',
    );
  });
});

describe('init notes agree with the mapping', () => {
  it.each([
    [['Personeelsnummer', 'Roepnaam', 'Achternaam', 'E-mailadres']],
    [['Medewerker', 'Voornaam', 'Roepnaam', 'Voorvoegsel', 'Achternaam', 'E-mail werk', 'Status']],
    [
      [
        'Personeelsnummer',
        'Voornamen',
        'Voornaam',
        'Tussenvoegsel',
        'Achternaam',
        'E-mailadres',
        'E-mailadres privé',
      ],
    ],
  ])('%j', (headers) => {
    const { mapping, notes } = propose(headers);
    expect(new Set(notes).size).toBe(notes.length);
    for (const field of Object.keys(mapping.fields)) {
      expect(notes.some((n) => n.startsWith(`${field} ←`))).toBe(true);
    }
    for (const n of notes) {
      const missing = /no column recognised for (\S+);/.exec(n);
      if (missing) expect(mapping.fields[missing[1]!]).toBeUndefined();
      expect(n).not.toMatch(/→ nickName/);
    }
    expect(notes).toContain(`mapping key ← ${mapping.mappingKey.attribute}`);
  });

  it('AFAS: "Medewerker" is the key, and not reported missing', () => {
    const { mapping, notes } = propose(['Medewerker', 'Roepnaam', 'Achternaam', 'E-mail werk']);
    expect(mapping.mappingKey.attribute).toBe('Medewerker');
    expect(notes.join('\n')).not.toMatch(/no employee number/);
  });
});

describe('the proposal for a generated Dutch export', () => {
  const file = plantedExport({ planted: {}, rows: 60 });
  const { headers, records, issues } = readPlanted(file.bytes);
  const { mapping, notes } = proposeMapping({
    headers,
    sampleRows: records.map((r) => r.values),
    name: 'Gemeente',
  });

  it('fits the dates, maps the start date to joiners and the status to a rule that fires', () => {
    expect(mapping.deactivation?.endDate).toBe('ParseDate([Datum uit dienst], "dd-MM-yyyy")');
    expect(mapping.deactivation?.inactiveWhen).toBe('[Status] = "Inactief"');
    expect(mapping.activation).toEqual({
      startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")',
      daysAhead: 0,
    });
    expect(mapping.mappingKey).toEqual({
      attribute: 'Personeelsnummer',
      birthDateAttribute: 'Geboortedatum',
    });
    expect(notes.length).toBeGreaterThan(5);
  });

  it('maps every clean row without an error, and deactivates the generated leavers', () => {
    const r = mapRecords(compiles(mapping), records, { today: '2026-11-23', headers }, issues);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const leavers = file.people.filter((p) => p.status === 'Inactief').length;
    expect(leavers).toBeGreaterThan(0);
    expect(r.summary.users.deactivate).toBe(leavers);
  });
});
