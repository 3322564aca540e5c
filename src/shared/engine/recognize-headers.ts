import type { MappingFileInput } from '../mapping/schema';
import { ENTERPRISE_USER_SCHEMA, WORK_EMAIL, customFieldPath } from '../scim/fields';
import { normalizeDiacritics } from '../text/transliterate';

/** What a column in an HR export means, independent of its language. */
export type HeaderConcept =
  | 'employeeNumber'
  | 'givenName'
  | 'callName'
  | 'initials'
  | 'namePrefix'
  | 'familyName'
  | 'email'
  | 'title'
  | 'department'
  | 'location'
  | 'workPhone'
  | 'mobile'
  | 'startDate'
  | 'endDate'
  | 'manager'
  | 'birthDate'
  | 'status';

/** Normalised header spellings seen in Dutch and English HR exports (AFAS, Visma/Raet, Nmbrs, Personio, Excel). */
const SPELLINGS: Record<HeaderConcept, string[]> = {
  employeeNumber: [
    'personeelsnummer',
    'personeelsnr',
    'persnr',
    'medewerkernummer',
    'medewerkernr',
    'werknemernummer',
    'registratienummer',
    'employeeid',
    'employeenumber',
    'employeeno',
    'empid',
    'staffnumber',
    'personnelnumber',
  ],
  givenName: ['voornaam', 'voornamen', 'firstname', 'givenname', 'forename'],
  callName: ['roepnaam', 'preferredname', 'nickname', 'callname', 'knownas'],
  initials: ['voorletters', 'initialen', 'initials'],
  namePrefix: [
    'tussenvoegsel',
    'tussenvoegsels',
    'voorvoegsel',
    'voorvoegsels',
    'nameprefix',
    'surnameprefix',
    'prefix',
  ],
  familyName: ['achternaam', 'geslachtsnaam', 'familienaam', 'lastname', 'surname', 'familyname'],
  email: [
    'emailadres',
    'email',
    'emailwerk',
    'zakelijkemail',
    'zakelijkemailadres',
    'emailzakelijk',
    'workemail',
    'businessemail',
    'mail',
    'emailaddress',
  ],
  title: ['functie', 'functienaam', 'functieomschrijving', 'jobtitle', 'title', 'position', 'role'],
  department: ['afdeling', 'afdelingsnaam', 'department', 'organisatieonderdeel', 'team', 'kostenplaatsnaam'],
  location: ['locatie', 'vestiging', 'werklocatie', 'standplaats', 'location', 'office', 'site'],
  workPhone: [
    'telefoon',
    'telefoonwerk',
    'telefoonnummer',
    'telwerk',
    'workphone',
    'phone',
    'businessphone',
    'telephone',
  ],
  mobile: [
    'mobiel',
    'mobielnummer',
    'mobieletelefoon',
    'mobielwerk',
    'gsm',
    'mobile',
    'mobilephone',
    'cellphone',
  ],
  startDate: [
    'datumindienst',
    'indienst',
    'indiensttreding',
    'startdatum',
    'startdate',
    'hiredate',
    'dateofhire',
  ],
  endDate: [
    'datumuitdienst',
    'uitdienst',
    'uitdiensttreding',
    'einddatum',
    'einddatumdienstverband',
    'enddate',
    'terminationdate',
    'leavedate',
    'lastworkingday',
  ],
  manager: ['leidinggevende', 'manager', 'managerid', 'leidinggevendenummer', 'supervisor', 'reportsto'],
  birthDate: ['geboortedatum', 'dateofbirth', 'birthdate', 'dob'],
  status: ['status', 'dienstverbandstatus', 'actief', 'active', 'employmentstatus'],
};

const LOOKUP = new Map<string, HeaderConcept>();
for (const [concept, spellings] of Object.entries(SPELLINGS) as [HeaderConcept, string[]][]) {
  for (const s of spellings) LOOKUP.set(s, concept);
}

export interface HeaderSuggestion {
  header: string;
  concept: HeaderConcept;
  /** The Plek field it feeds, when it feeds one directly. */
  target: string | null;
  /** 1 for an exact known spelling, lower for a partial match. */
  confidence: number;
  /** Expression for the target, e.g. PhoneE164([Mobiel]). */
  expression: string | null;
  note?: string;
}

function normalizeHeader(header: string): string {
  return normalizeDiacritics(header, 'strip')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `[Datum uit dienst]` with `]` escaped, as the expression language wants it. */
export function refText(header: string): string {
  return `[${header.replace(/\]/g, ']]')}]`;
}

const E = ENTERPRISE_USER_SCHEMA;

function targetFor(
  concept: HeaderConcept,
  header: string,
): { target: string | null; expression: string | null; note?: string } {
  const r = refText(header);
  switch (concept) {
    case 'employeeNumber':
      return { target: `${E}:employeeNumber`, expression: `Trim(${r})` };
    case 'givenName':
      return { target: 'name.givenName', expression: `Trim(${r})` };
    case 'callName':
      return { target: 'nickName', expression: `Trim(${r})` };
    case 'namePrefix':
      return { target: 'name.middleName', expression: `Lower(Trim(${r}))` };
    case 'familyName':
      return { target: 'name.familyName', expression: `Trim(${r})` };
    case 'email':
      return { target: WORK_EMAIL, expression: `Lower(Trim(${r}))` };
    case 'title':
      return { target: 'title', expression: `Trim(${r})` };
    case 'department':
      return { target: `${E}:department`, expression: `Trim(${r})` };
    case 'location':
      return { target: customFieldPath('location'), expression: `Trim(${r})` };
    case 'workPhone':
      return { target: 'phoneNumbers[type eq "work"].value', expression: `PhoneE164(${r})` };
    case 'mobile':
      return { target: 'phoneNumbers[type eq "mobile"].value', expression: `PhoneE164(${r})` };
    case 'manager':
      return { target: `${E}:manager`, expression: `Trim(${r})`, note: "holds the manager's mapping key" };
    case 'endDate':
      return { target: null, expression: `ParseDate(${r}, "auto")`, note: 'drives deactivation.endDate' };
    case 'status':
      return {
        target: null,
        expression: `In(${r}, "Inactief", "Inactive", "Uit dienst")`,
        note: 'drives deactivation.inactiveWhen',
      };
    case 'birthDate':
      return {
        target: null,
        expression: null,
        note: 'never synced (Plek does not sync birth dates); used to recognise a changed key',
      };
    case 'startDate':
      return { target: null, expression: null, note: 'not synced: Plek does not sync dates to profiles' };
    case 'initials':
      return { target: null, expression: null, note: 'not needed: Plek uses the given name' };
  }
}

/** Recognises common Dutch and English HR export headers. Unknown headers are left out. */
export function recognizeHeaders(headers: readonly string[]): HeaderSuggestion[] {
  const out: HeaderSuggestion[] = [];
  const taken = new Set<HeaderConcept>();
  const consider = (exact: boolean) => {
    for (const header of headers) {
      if (out.some((s) => s.header === header)) continue;
      const n = normalizeHeader(header);
      let concept = LOOKUP.get(n);
      let confidence = 1;
      if (!concept && !exact) {
        // "E-mailadres werk", "Functie (omschrijving)": a known spelling at the start of the header.
        for (const [spelling, c] of LOOKUP) {
          if (spelling.length >= 5 && n.startsWith(spelling) && !taken.has(c)) {
            concept = c;
            confidence = 0.7;
            break;
          }
        }
      }
      if (!concept || taken.has(concept)) continue;
      taken.add(concept);
      out.push({ header, concept, confidence, ...targetFor(concept, header) });
    }
  };
  consider(true);
  consider(false);
  return out.sort((a, b) => headers.indexOf(a.header) - headers.indexOf(b.header));
}

export interface SuggestedMapping {
  mapping: MappingFileInput;
  notes: string[];
  suggestions: HeaderSuggestion[];
}

/** A consultant's first draft for a CSV export: key, fields, deactivation, birth-date identity. */
export function suggestCsvMapping(
  headers: readonly string[],
  options: { name: string; sourcePath?: string; encoding?: string; delimiter?: string },
): SuggestedMapping {
  const suggestions = recognizeHeaders(headers);
  const by = (c: HeaderConcept) => suggestions.find((s) => s.concept === c);
  const notes: string[] = [];
  const fields: NonNullable<MappingFileInput['fields']> = {};
  const ref = (c: HeaderConcept) => {
    const s = by(c);
    return s ? refText(s.header) : null;
  };

  const given = ref('givenName');
  const call = ref('callName');
  const prefix = ref('namePrefix');
  const family = ref('familyName');
  const givenExpr =
    call && given ? `Trim(Coalesce(${call}, ${given}))` : (call ?? given) ? `Trim(${call ?? given})` : null;
  if (givenExpr) fields['name.givenName'] = { expression: givenExpr };
  if (family) {
    fields['name.familyName'] = {
      expression: prefix ? `Join(" ", Lower(Trim(${prefix})), Trim(${family}))` : `Trim(${family})`,
    };
  }
  if (prefix) fields['name.middleName'] = { expression: `Lower(Trim(${prefix}))` };
  if (givenExpr && family) {
    fields.displayName = {
      expression: `DisplayName(${givenExpr}, ${prefix ? `Lower(Trim(${prefix}))` : '""'}, Trim(${family}))`,
    };
  }
  for (const c of [
    'email',
    'title',
    'department',
    'workPhone',
    'mobile',
    'employeeNumber',
    'manager',
    'location',
  ] as const) {
    const s = by(c);
    if (s?.target && s.expression) fields[s.target] = { expression: s.expression };
  }

  const key = by('employeeNumber');
  if (!key)
    notes.push('No employee number column found: pick a mapping key that is unique and never changes.');
  for (const c of ['givenName', 'familyName', 'email'] as const) {
    if (!by(c)) notes.push(`No column recognised for ${c}; Plek needs it to create accounts.`);
  }
  const deactivation: NonNullable<MappingFileInput['deactivation']> = {};
  const end = by('endDate');
  if (end?.expression) deactivation.endDate = end.expression;
  const status = by('status');
  if (status?.expression) deactivation.inactiveWhen = status.expression;
  if (!end && !status) {
    notes.push('No end date or status column: users will never be deactivated (absence never deactivates).');
  }
  for (const s of suggestions) if (s.note && !s.target) notes.push(`${s.header}: ${s.note}.`);

  const mapping: MappingFileInput = {
    $schema: 'https://plek.co/schema/mapping.v1.json',
    version: 1,
    name: options.name,
    source: {
      kind: 'csv',
      ...(options.sourcePath ? { path: options.sourcePath } : {}),
      encoding: (options.encoding as 'auto') ?? 'auto',
      delimiter: (options.delimiter as 'auto') ?? 'auto',
    },
    mappingKey: {
      attribute: key?.header ?? headers[0] ?? 'id',
      ...(by('birthDate') ? { birthDateAttribute: by('birthDate')!.header } : {}),
    },
    fields,
    deactivation,
    groupRules: [],
    ...(by('location') ? { customFields: [{ name: 'location', label: 'Locatie' }] } : {}),
  };
  return { mapping, notes, suggestions };
}
