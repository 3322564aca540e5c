// A run finishes a row without issues (but "leaves later") the plain way and every other row the general way,
// which words the issues. The two must never differ: the same outcomes, issues (with their catalogue parameters),
// summary, logins and state, on messy generated Dutch exports, for each kind of mapping and run.
import { describe, expect, it } from 'vitest';
import { parseCsvBuffer } from '../../../src/main/sources/csv/read-csv';
import type { CompiledMapping } from '../../../src/shared/engine/compile';
import { createMappingRun, finalizeOutcome, type RunOptions } from '../../../src/shared/engine/run';
import type { Issue } from '../../../src/shared/issues';
import type { SourceRecord } from '../../../src/shared/source/types';
import { generateHrExport } from '../../fixtures/hr-export';
import { DOCS_LOGIN_SCHEMA } from '../../fixtures/login-schema';
import { compileOrThrow as compile } from '../../support/compile-mapping';

const TODAY = '2026-11-23';

const BASE = {
  version: 1,
  name: 'Plain rows',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer', birthDateAttribute: 'Geboortedatum' },
  fields: {
    'name.givenName': { expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))' },
    'name.familyName': { expression: 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))' },
    displayName: {
      expression:
        'DisplayName(Trim(Coalesce([Roepnaam], [Voornaam])), Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))',
    },
    email: { expression: 'Lower(Trim([E-mailadres]))' },
    title: { expression: 'Trim([Functie])' },
    department: { expression: 'ValueMap(Trim([Afdeling]), "afdelingen")' },
    'phoneNumbers[type eq "work"].value': { expression: 'PhoneE164([Telefoon werk])' },
    'phoneNumbers[type eq "mobile"].value': { expression: 'PhoneE164([Mobiel])' },
  },
  deactivation: {
    endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
    inactiveWhen: 'In([Status], "Inactief", "Uit dienst")',
  },
  groupRules: [
    { group: 'Zorg', field: 'title', in: ['Verpleegkundige', 'Verzorgende IG'] },
    { group: 'ICT', field: 'department', in: ['ICT'] },
  ],
  valueMaps: { afdelingen: { entries: { FIN: 'Financiën', ICT: 'ICT' } } },
};

const MAPPINGS: [string, object][] = [
  ['the demo fields', BASE],
  ['a login schema', { ...BASE, loginSchema: DOCS_LOGIN_SCHEMA }],
  [
    'emails as written (not lower-cased): duplicates by case only',
    { ...BASE, fields: { ...BASE.fields, email: { expression: 'Trim([E-mailadres])' } } },
  ],
  [
    'joiners created 14 days ahead, and a scope',
    {
      ...BASE,
      activation: { startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")', daysAhead: 14 },
      scope: { include: 'IsPresent([Afdeling])' },
    },
  ],
  [
    'a field that fails on every row, and a leaver rule that fails on some',
    {
      ...BASE,
      fields: { ...BASE.fields, nickName: { expression: 'ToNumber([Achternaam])' } },
      deactivation: {
        endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
        inactiveWhen: 'ToNumber([Leidinggevende]) > 150000',
      },
    },
  ],
];

/** A messy export: the generator's planted defects, plus hand-made ones at known rows. */
function records(seed: number, names: 'repeating' | 'varied', compact: boolean) {
  const { bytes } = generateHrExport({ rows: 2500, seed, defects: true, names });
  const { events } = parseCsvBuffer(bytes, { compactRecords: true });
  const out: SourceRecord[] = [];
  const issues: Issue[] = [];
  for (const e of events) {
    if (e.kind === 'record') out.push(e.record);
    else issues.push(e.issue);
  }
  const set = (r: SourceRecord, column: string, value: string) => {
    (r.cells as (string | null)[])[r.columns!.get(column)!] = value;
  };
  out.forEach((r, i) => {
    if (i % 89 === 3) set(r, 'E-mailadres', ' Jan.de.Vries@Gemeente-Voorbeeld.NL ');
    if (i % 97 === 5) set(r, 'Telefoon werk', '06-123');
    if (i % 103 === 11) set(r, 'Achternaam', 'Y?lmaz');
    if (i % 107 === 13) set(r, 'Datum uit dienst', '31-02-2024');
    if (i % 109 === 17) set(r, 'Datum in dienst', '01-12-2026');
    if (i % 113 === 19) set(r, 'Datum in dienst', 'morgen');
    if (i % 127 === 23) set(r, 'Roepnaam', '   ');
    if (i % 131 === 29) set(r, 'Status', ' inactief ');
    if (i % 137 === 31) set(r, 'E-mailadres', 'zoë@bücher.de');
    // The same address in other cases, at the usual domain and another one; and one on an upper-case domain.
    if (i % 149 === 41)
      set(
        r,
        'E-mailadres',
        i % 2 === 0 ? 'Dup.Licate@gemeente-voorbeeld.nl' : 'dup.licate@GEMEENTE-VOORBEELD.NL',
      );
    if (i % 151 === 43) set(r, 'E-mailadres', i % 2 === 0 ? 'Twee@Elders.nl' : 'twee@elders.NL');
    if (i % 157 === 47) set(r, 'E-mailadres', 'Jan.Jansen@Gemeente-Voorbeeld.nl');
  });
  if (compact) return { records: out, issues };
  // The same rows as plain objects (an LDAP or API source).
  const plain = out.map((r): SourceRecord => {
    const values: Record<string, string | string[] | null> = {};
    for (const [name, at] of r.columns!) values[name] = r.cells![at] ?? null;
    return { row: r.row, values };
  });
  return { records: plain, issues };
}

function run(
  compiled: CompiledMapping,
  input: ReturnType<typeof records>,
  options: Omit<RunOptions, 'today'>,
) {
  const issues: Issue[] = [];
  const mapping = createMappingRun(compiled, { today: TODAY, ...options, onIssue: (i) => issues.push(i) });
  for (const i of input.issues) mapping.pushSourceIssue(i);
  const provisional = input.records.map((r) => mapping.push(r));
  const finished = mapping.finish();
  const outcomes = provisional.map((o) => finalizeOutcome(o, finished, compiled));
  // Parameters are not enumerable on every issue object alike: compare them explicitly.
  const withParams = issues.map((i) => ({ ...i, params: i.params }));
  return {
    outcomes: JSON.stringify(outcomes),
    issues: JSON.stringify(withParams),
    summary: finished.summary,
    logins: [...finished.logins],
    mapped: provisional.filter((o) => o.status === 'mapped').length,
  };
}

describe('rows finished the plain way equal rows finished the general way', () => {
  for (const [name, mapping] of MAPPINGS) {
    const compiled = compile(mapping);
    for (const [seed, names, compact] of [
      [3, 'repeating', true],
      [4, 'varied', true],
      [5, 'varied', false],
    ] as const) {
      const input = records(seed, names, compact);
      for (const statusOnly of [false, true]) {
        it(`${name}; seed ${seed}, ${names} names, ${compact ? 'compact' : 'plain'} records, statusOnly ${statusOnly}`, () => {
          const options = { statusOnly, keepLogins: !statusOnly };
          const plain = run(compiled, input, options);
          const general = run(compiled, input, { ...options, generalRowsOnly: true });
          expect(plain.summary).toEqual(general.summary);
          expect(plain.issues).toBe(general.issues);
          expect(plain.outcomes).toBe(general.outcomes);
          expect(plain.logins).toEqual(general.logins);
          // The data is messy and mostly plain: both ways really ran.
          expect(plain.mapped).toBeGreaterThan(1000);
          expect(JSON.parse(plain.issues).length).toBeGreaterThan(50);
        });
      }
    }
  }
});
