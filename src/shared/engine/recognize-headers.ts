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
  | 'costCenter'
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
    // AFAS names the employee code column just "Medewerker"
    'medewerker',
    'medewerkercode',
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
  department: ['afdeling', 'afdelingsnaam', 'department', 'organisatieonderdeel', 'team'],
  costCenter: ['kostenplaats', 'kostenplaatsnaam', 'kostenplaatscode', 'costcenter', 'costcentre'],
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

/** Where a spelling sits in its concept's list: earlier spellings are preferred ("Voornaam" over "Voornamen"). */
const LOOKUP = new Map<string, { concept: HeaderConcept; rank: number }>();
for (const [concept, spellings] of Object.entries(SPELLINGS) as [HeaderConcept, string[]][]) {
  spellings.forEach((s, rank) => LOOKUP.set(s, { concept, rank }));
}

/**
 * Words that make a header mean something else than its concept, whatever else it says: a private e-mail
 * address must never become a login, an end of probation or of a contract is not the last working day.
 */
const PRIVATE = [
  'prive',
  'priv',
  'private',
  'personal',
  'persoonlijk',
  'thuis',
  'home',
  'partner',
  'noodcontact',
];
const NOT_EMPLOYMENT = [
  'proeftijd',
  'proef',
  'probation',
  'trial',
  'contract',
  'arbeidsovereenkomst',
  'uitzend',
];
/** Why a header that looks like a concept is not used for it (worded by `init.note.excluded.<reason>`). */
export type ExclusionReason =
  'privateEmail' | 'privatePhone' | 'notEndDate' | 'notStartDate' | 'notStatus' | 'notManagerKey';

const EXCLUDED: Partial<Record<HeaderConcept, { words: string[]; why: ExclusionReason }>> = {
  // A private address would become a login.
  email: { words: PRIVATE, why: 'privateEmail' },
  workPhone: { words: PRIVATE, why: 'privatePhone' },
  mobile: { words: PRIVATE, why: 'privatePhone' },
  // The end of a probation period or contract is not the last working day.
  endDate: { words: NOT_EMPLOYMENT, why: 'notEndDate' },
  startDate: { words: NOT_EMPLOYMENT, why: 'notStartDate' },
  status: { words: NOT_EMPLOYMENT, why: 'notStatus' },
  manager: { words: ['naam', 'name', 'email', 'emailadres'], why: 'notManagerKey' },
};

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
      // SCIM's middleName holds middle given names; the tussenvoegsel belongs to the family name.
      return { target: null, expression: null, note: 'joined into the family name (name.familyName)' };
    case 'familyName':
      return { target: 'name.familyName', expression: `Trim(${r})` };
    case 'email':
      return { target: WORK_EMAIL, expression: `Lower(Trim(${r}))` };
    case 'title':
      return { target: 'title', expression: `Trim(${r})` };
    case 'department':
      return { target: `${E}:department`, expression: `Trim(${r})` };
    case 'costCenter':
      return { target: `${E}:costCenter`, expression: `Trim(${r})` };
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
      return {
        target: null,
        expression: `ParseDate(${r}, "auto")`,
        note: 'drives activation.startDate: an account is created on the start date',
      };
    case 'initials':
      return { target: null, expression: null, note: 'not needed: Plek uses the given name' };
  }
}

/** A header's words, each normalised; "E-mailadres privé" → ["emailadres", "prive"]. */
function headerWords(header: string): string[] {
  return header
    .split(/[\s_/()[\],.:;|]+/)
    .map(normalizeHeader)
    .filter((w) => w !== '');
}

interface Match {
  concept: HeaderConcept;
  rank: number;
  exact: boolean;
}

/**
 * The concept a header stands for: the whole header as a known spelling (exact), else the longest run of whole
 * words that is one ("Datum in dienst (dd-mm-jjjj)", "E-mailadres werk"). Never a mere prefix: "Einddatum
 * proeftijd" is not "Einddatum". Undefined when no concept fits or an excluding word is present.
 */
function matchHeader(header: string): Match | undefined {
  const words = headerWords(header);
  const excluded = (c: HeaderConcept) => EXCLUDED[c]?.words.some((w) => words.includes(w)) ?? false;
  const whole = LOOKUP.get(normalizeHeader(header));
  if (whole) return excluded(whole.concept) ? undefined : { ...whole, exact: true };
  let best: (Match & { length: number }) | undefined;
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length; j++) {
      joined += words[j];
      const hit = LOOKUP.get(joined);
      if (hit && (!best || j - i + 1 > best.length)) best = { ...hit, exact: false, length: j - i + 1 };
    }
  }
  if (!best || excluded(best.concept)) return undefined;
  return { concept: best.concept, rank: best.rank, exact: false };
}

/** Headers that look like a concept but must not be used for it, with the reason (shown by `init`). */
export function excludedHeaders(headers: readonly string[]): { header: string; reason: ExclusionReason }[] {
  const out: { header: string; reason: ExclusionReason }[] = [];
  for (const header of headers) {
    const words = headerWords(header);
    for (const [concept, rule] of Object.entries(EXCLUDED) as [
      HeaderConcept,
      { words: string[]; why: ExclusionReason },
    ][]) {
      if (!rule.words.some((w) => words.includes(w))) continue;
      const looksLike = words.some((w, i) =>
        words.slice(i).some((_, k) => LOOKUP.get(words.slice(i, i + k + 1).join(''))?.concept === concept),
      );
      if (looksLike) {
        out.push({ header, reason: rule.why });
        break;
      }
    }
  }
  return out;
}

/**
 * Recognises common Dutch and English HR export headers, one column per concept: exact spellings beat
 * whole-word matches, and within each the preferred spelling wins. Unknown headers are left out.
 */
export function recognizeHeaders(headers: readonly string[]): HeaderSuggestion[] {
  const best = new Map<HeaderConcept, { header: string; match: Match; index: number }>();
  headers.forEach((header, index) => {
    const match = matchHeader(header);
    if (!match) return;
    const current = best.get(match.concept);
    const better =
      !current ||
      (match.exact && !current.match.exact) ||
      (match.exact === current.match.exact && match.rank < current.match.rank);
    if (better) best.set(match.concept, { header, match, index });
  });
  return [...best.values()]
    .sort((a, b) => a.index - b.index)
    .map(({ header, match }) => ({
      header,
      concept: match.concept,
      confidence: match.exact ? 1 : 0.8,
      ...targetFor(match.concept, header),
    }));
}
