import { proposeMapping } from '../engine/propose';
import { recognizeHeaders, refText, type HeaderConcept } from '../engine/recognize-headers';
import type { ApiSource, MappingFileInput } from '../mapping/schema';
import type { SourceValue } from './types';
import { said, type CodedMessage, type CodedParam } from '../i18n/message';

/**
 * A first draft of a mapping for an HR application's API, made by the same proposal as for CSV headers
 * (`proposeMapping`): key, names with the Dutch prefix, email, title, manager, start date, and deactivation
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
  costCenter: 'Kostenplaats',
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

/** Notes name headers bare ("mapping key ← Personeelsnummer"): longest names first, whole words only. */
function renameText(text: string, names: ReadonlyMap<string, string>): string {
  let out = rename(text, names);
  for (const [canonical, attribute] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    out = out.replace(
      new RegExp(`(^|[\\s(])${canonical.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s:,.)])`, 'g'),
      (_m, before: string) => `${before}${attribute}`,
    );
  }
  return out;
}

/** A proposal's note about the canonical headers, told about the API's attributes (a "column" is an attribute). */
function renameNote(note: CodedMessage, names: ReadonlyMap<string, string>): CodedMessage {
  if (!note.params) return note;
  const params: Record<string, CodedParam> = {};
  for (const [k, v] of Object.entries(note.params)) {
    params[k] =
      k === 'unit'
        ? 'attribute'
        : typeof v === 'string'
          ? renameText(v, names)
          : typeof v === 'object'
            ? v.map((m) => renameNote(m, names))
            : v;
  }
  return { code: note.code, params };
}

export interface ApiSuggestion {
  mapping: MappingFileInput;
  notes: CodedMessage[];
  /** attribute → the concept it was recognised as, for the CLI's list. */
  recognized: { attribute: string; concept: HeaderConcept }[];
}

/**
 * The draft mapping for an API source from the attribute names (and values) of a sample: the CSV proposal runs on
 * one canonical header per recognised attribute, with the sample's values, and its references are renamed back.
 */
export function suggestApiMapping(
  source: ApiSource,
  attributes: readonly string[],
  options: { name: string; sampleRows?: readonly Readonly<Record<string, SourceValue>>[] },
): ApiSuggestion {
  const found = recognizeApiAttributes(source.kind, attributes);
  const names = new Map([...found].map(([concept, attribute]) => [CANONICAL[concept], attribute]));
  const rows = (options.sampleRows ?? []).map((row) =>
    Object.fromEntries([...names].map(([canonical, attribute]) => [canonical, row[attribute] ?? null])),
  );
  const proposal = proposeMapping({ headers: [...names.keys()], sampleRows: rows, name: options.name });
  const draft = proposal.mapping;
  const fields: NonNullable<MappingFileInput['fields']> = {};
  for (const [target, field] of Object.entries(draft.fields ?? {})) {
    fields[target] = { ...field, expression: rename(field.expression, names) };
  }
  const deactivation: NonNullable<MappingFileInput['deactivation']> = {};
  const d = draft.deactivation ?? {};
  if (d.endDate) deactivation.endDate = rename(d.endDate, names);
  if (d.inactiveWhen) deactivation.inactiveWhen = rename(d.inactiveWhen, names);
  const activation = draft.activation
    ? {
        ...draft.activation,
        ...(draft.activation.startDate ? { startDate: rename(draft.activation.startDate, names) } : {}),
      }
    : undefined;
  const key = found.get('employeeNumber') ?? attributes.find((a) => a === 'id') ?? attributes[0] ?? 'id';
  const birth = found.get('birthDate');
  const mapping: MappingFileInput = {
    ...draft,
    source,
    mappingKey: { attribute: key, ...(birth ? { birthDateAttribute: birth } : {}) },
    fields,
    deactivation,
    ...(activation ? { activation } : {}),
  };
  const notes = proposal.notes
    .filter((n) => n.code !== 'init.note.key' && n.code !== 'init.note.keyFirstColumn')
    .map((n) => renameNote(n, names));
  notes.unshift(
    found.has('employeeNumber')
      ? said('init.note.key', { header: key })
      : said('init.note.keyApiGuess', { header: key }),
  );
  return {
    mapping,
    notes,
    recognized: [...found].map(([concept, attribute]) => ({ attribute, concept })),
  };
}
