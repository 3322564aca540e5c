import {
  recognizeHeaders,
  suggestCsvMapping,
  refText,
  type HeaderConcept,
} from '../engine/recognize-headers';
import type { ApiSource, MappingFileInput } from '../mapping/schema';

/**
 * A first draft of a mapping for an HR application's API, made by the same proposal as for CSV headers
 * (`suggestCsvMapping`): key, names with the Dutch prefix, email, title, manager, start date, and deactivation
 * from the end date and status. Only the recognition differs: Personio's attributes are known by name, AFAS's
 * Dutch field ids and other APIs' dotted names are recognised like CSV headers (a dotted name also by its last
 * segments: `name.first` → first name, `job.manager.id` → manager).
 */

/** Personio v2 attributes as the reader names them (person fields, then the current employment's). */
const PERSONIO: Record<string, HeaderConcept> = {
  id: 'employeeNumber',
  first_name: 'givenName',
  preferred_name: 'callName',
  last_name: 'familyName',
  email: 'email',
  'employment.position.title': 'title',
  'employment.supervisor.id': 'manager',
  'employment.employment_start_date': 'startDate',
  'employment.termination.termination_date': 'endDate',
  'employment.status': 'status',
};

/** AFAS field ids the CSV spellings do not cover. */
const AFAS: Record<string, HeaderConcept> = {
  Medewerker: 'employeeNumber',
  Standplaats: 'location',
};

/** A spelling of each concept that the CSV recogniser knows exactly; the draft is built on these, then renamed. */
const CANONICAL: Record<HeaderConcept, string> = {
  employeeNumber: 'Personeelsnummer',
  givenName: 'Voornaam',
  callName: 'Roepnaam',
  initials: 'Voorletters',
  namePrefix: 'Voorvoegsel',
  familyName: 'Achternaam',
  email: 'E-mailadres',
  title: 'Functie',
  department: 'Afdeling',
  location: 'Locatie',
  workPhone: 'Telefoon',
  mobile: 'Mobiel',
  startDate: 'Datum in dienst',
  endDate: 'Datum uit dienst',
  manager: 'Leidinggevende',
  birthDate: 'Geboortedatum',
  status: 'Status',
};

function variants(name: string): string[] {
  const parts = name.split('.');
  if (parts.length < 2) return [name];
  const last = parts[parts.length - 1]!;
  const before = parts[parts.length - 2]!;
  return [name, `${before} ${last}`, `${last} ${before}`, last];
}

function conceptOf(name: string): HeaderConcept | undefined {
  for (const v of variants(name)) {
    const hit = recognizeHeaders([v])[0];
    if (hit && hit.confidence === 1) return hit.concept;
  }
  return undefined;
}

/** Which attribute feeds which concept (the first attribute in sample order wins). */
export function recognizeApiAttributes(
  kind: ApiSource['kind'],
  attributes: readonly string[],
): Map<HeaderConcept, string> {
  const found = new Map<HeaderConcept, string>();
  for (const name of attributes) {
    const concept =
      kind === 'personio' ? PERSONIO[name] : ((kind === 'afas' ? AFAS[name] : undefined) ?? conceptOf(name));
    if (concept && !found.has(concept)) found.set(concept, name);
  }
  return found;
}

function rename(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [canonical, attribute] of names) out = out.split(refText(canonical)).join(refText(attribute));
  return out;
}

export interface ApiSuggestion {
  mapping: MappingFileInput;
  notes: string[];
  /** attribute → the Plek field or rule it feeds, for the CLI's list. */
  recognized: { attribute: string; concept: HeaderConcept }[];
}

/** The draft mapping for an API source from the attribute names of a sample. */
export function suggestApiMapping(
  source: ApiSource,
  attributes: readonly string[],
  options: { name: string },
): ApiSuggestion {
  const found = recognizeApiAttributes(source.kind, attributes);
  const canonicalHeaders = [...found.keys()].map((c) => CANONICAL[c]);
  const draft = suggestCsvMapping(canonicalHeaders, { name: options.name });
  const names = new Map([...found].map(([concept, attribute]) => [CANONICAL[concept], attribute]));
  const fields: NonNullable<MappingFileInput['fields']> = {};
  for (const [target, field] of Object.entries(draft.mapping.fields ?? {})) {
    fields[target] = { ...field, expression: rename(field.expression, names) };
  }
  const deactivation: NonNullable<MappingFileInput['deactivation']> = {};
  const d = draft.mapping.deactivation ?? {};
  if (d.endDate) deactivation.endDate = rename(d.endDate, names);
  if (d.inactiveWhen) {
    // Personio's status values are ACTIVE / INACTIVE / ONBOARDING / LEAVE: only INACTIVE means gone.
    deactivation.inactiveWhen =
      source.kind === 'personio'
        ? `In(${refText(found.get('status')!)}, "INACTIVE")`
        : rename(d.inactiveWhen, names);
  }
  const key = found.get('employeeNumber') ?? attributes.find((a) => a === 'id') ?? attributes[0] ?? 'id';
  const mapping: MappingFileInput = {
    ...draft.mapping,
    source,
    mappingKey: { attribute: key },
    fields,
    deactivation,
  };
  const notes = draft.notes
    .filter((n) => !n.startsWith('No employee number column') || !found.has('employeeNumber'))
    .map((n) => rename(n.replace(/column/g, 'attribute'), names))
    .map((n) => {
      for (const [canonical, attribute] of names)
        if (n.startsWith(`${canonical}:`)) return `${attribute}${n.slice(canonical.length)}`;
      return n;
    });
  if (!found.has('employeeNumber')) {
    notes.unshift(
      `No employee id recognised: the mapping key is ${key}; pick an attribute that is unique and never changes.`,
    );
  }
  return {
    mapping,
    notes,
    recognized: [...found].map(([concept, attribute]) => ({ attribute, concept })),
  };
}
