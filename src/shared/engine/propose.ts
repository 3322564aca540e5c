import { said, uniqueMessages, type CodedMessage } from '../i18n/message';
import type { MappingFileInput } from '../mapping/schema';
import type { SourceValue } from '../source/types';
import { WORK_EMAIL } from '../scim/fields';
import {
  excludedHeaders,
  recognizeHeaders,
  refText,
  type HeaderConcept,
  type HeaderSuggestion,
} from './recognize-headers';

/** What the proposal reads: the header row and, when available, the first records of the export. */
export interface ProposalInput {
  headers: readonly string[];
  /** The first records (values by header), so rules and date formats fit the column's actual values. */
  sampleRows?: readonly Readonly<Record<string, SourceValue>>[];
  name: string;
  /** The export, relative to the mapping file. */
  sourcePath?: string;
  encoding?: string;
  delimiter?: string;
}

export interface MappingProposal {
  mapping: MappingFileInput;
  /** What the proposal did and what the consultant should check, in the order to read them; no duplicates. */
  /** What `init` tells the consultant about the draft, as catalogue messages (`init.note.*`). */
  notes: CodedMessage[];
  suggestions: HeaderSuggestion[];
}

/** Values that say "this person has left" in a status column (compared trimmed, any case, one space). */
const INACTIVE_STATUS = [
  'inactief',
  'inactive',
  'niet actief',
  'uit dienst',
  'uitdienst',
  'uitgetreden',
  'vertrokken',
  'beeindigd',
  'beëindigd',
  'terminated',
  'former',
  'ex-medewerker',
];
/** Values that say "no" in a yes/no column such as "Actief". */
const NO = ['nee', 'n', 'no', 'false', 'onwaar', '0'];
/** Headers whose column answers "is this person active?" with yes/no. */
const ACTIVE_FLAG = new Set(['actief', 'active', 'isactive']);

function norm(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function columnValues(rows: ProposalInput['sampleRows'], header: string): string[] {
  const out: string[] = [];
  for (const row of rows ?? []) {
    const v = Object.hasOwn(row, header) ? row[header] : undefined;
    const text = Array.isArray(v) ? v[0] : v;
    if (typeof text === 'string' && text.trim() !== '') out.push(text.trim().replace(/\s+/g, ' '));
  }
  return out;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * The deactivation rule for a status column that fits its values: `[Actief] = "Nee"` for a yes/no flag,
 * `In([Status], "Inactief", "Uit dienst")` for a status, with the values written as the export writes them.
 */
export function fitStatusRule(
  header: string,
  values: readonly string[],
): { expression: string; note?: CodedMessage } {
  const r = refText(header);
  const flag = ACTIVE_FLAG.has(
    header
      .trim()
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
  const distinct = new Map<string, string>();
  for (const v of values) if (!distinct.has(norm(v))) distinct.set(norm(v), v);
  const known = flag ? NO : INACTIVE_STATUS;
  const hits = [...distinct].filter(([n]) => known.includes(n)).map(([, v]) => v);
  const build = (list: readonly string[]) =>
    list.length === 1 ? `${r} = ${quote(list[0]!)}` : `In(${r}, ${list.map(quote).join(', ')})`;
  if (hits.length > 0) return { expression: build(hits) };
  const fallback = flag ? ['Nee', 'No'] : ['Inactief', 'Inactive', 'Uit dienst'];
  if (distinct.size === 0) return { expression: build(fallback) };
  const seen = [...distinct.values()].slice(0, 8).map(quote).join(', ');
  return {
    expression: build(fallback),
    note: said('init.note.statusValues', { header, values: seen }),
  };
}

const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ParseDate format that reads every sample value of a date column: "dd-MM-yyyy", "d-M-yyyy",
 * "dd/MM/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", else "auto". Day-first unless a value proves month-first.
 */
export function fitDateFormat(values: readonly string[]): { format: string; note?: CodedMessage } {
  const dates = values.filter((v) => !/^(?:31[-/.]12[-/.]9999|9999-12-31)$/.test(v));
  if (dates.length === 0) return { format: 'auto' };
  if (dates.every((v) => YMD.test(v))) return { format: 'yyyy-MM-dd' };
  const parts = dates.map((v) => DMY.exec(v));
  if (parts.some((m) => m === null)) return { format: 'auto' };
  const seps = new Set(parts.map((m) => m![2]));
  if (seps.size > 1) return { format: 'auto' };
  const sep = parts[0]![2]!;
  const padded = parts.every((m) => m![1]!.length === 2 && m![3]!.length === 2);
  const dayFirst = `${padded ? 'dd' : 'd'}${sep}${padded ? 'MM' : 'M'}${sep}yyyy`;
  const monthFirst = `${padded ? 'MM' : 'M'}${sep}${padded ? 'dd' : 'd'}${sep}yyyy`;
  const firstOver12 = parts.some((m) => Number(m![1]) > 12);
  const secondOver12 = parts.some((m) => Number(m![3]) > 12);
  if (secondOver12 && !firstOver12) return { format: monthFirst };
  if (!firstOver12 && sep === '/') {
    return {
      format: dayFirst,
      note: said('init.note.dateAmbiguous', { example: dates[0]!, format: dayFirst }),
    };
  }
  return { format: dayFirst };
}

/** `Target ← [A], [B]` for the notes: the columns an expression reads. */
function readsFrom(expression: string): string {
  const refs = [...expression.matchAll(/\[((?:[^\]]|\]\])*)\]/g)].map((m) => m[1]!.replace(/\]\]/g, ']'));
  return [...new Set(refs)].join(', ');
}

const NAME_FIELDS = ['name.givenName', 'name.familyName', WORK_EMAIL] as const;

/**
 * A consultant's first draft of a mapping for a CSV export (or any source with named columns): mapping key,
 * profile fields, deactivation, joiners by start date and birth-date identity. Pure: the CLI's `init` and the
 * workbench's new-project flow both call it with the header row and the first records.
 */
export function proposeMapping(input: ProposalInput): MappingProposal {
  const { headers, sampleRows } = input;
  const suggestions = recognizeHeaders(headers);
  const by = (c: HeaderConcept) => suggestions.find((s) => s.concept === c);
  const ref = (c: HeaderConcept) => {
    const s = by(c);
    return s ? refText(s.header) : null;
  };
  const notes: CodedMessage[] = [];
  const fields: NonNullable<MappingFileInput['fields']> = {};

  const given = ref('givenName');
  const call = ref('callName');
  const prefix = ref('namePrefix');
  const family = ref('familyName');
  const givenExpr =
    call && given ? `Trim(Coalesce(${call}, ${given}))` : (call ?? given) ? `Trim(${call ?? given})` : null;
  if (givenExpr) fields['name.givenName'] = { expression: givenExpr };
  // In SCIM the tussenvoegsel is part of familyName ("van der Berg"); middleName is for middle given names, so
  // a client joining given + middle + family would otherwise show the prefix twice.
  if (family) {
    fields['name.familyName'] = {
      expression: prefix ? `Join(" ", Lower(Trim(${prefix})), Trim(${family}))` : `Trim(${family})`,
    };
  }
  if (givenExpr && family) {
    fields.displayName = {
      expression: `DisplayName(${givenExpr}, ${prefix ? `Lower(Trim(${prefix}))` : '""'}, Trim(${family}))`,
    };
  }
  for (const c of [
    'email',
    'title',
    'department',
    'costCenter',
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
  const keyAttribute = key?.header ?? headers[0] ?? 'id';
  notes.push(
    key
      ? said('init.note.key', { header: key.header })
      : said('init.note.keyFirstColumn', { header: keyAttribute }),
  );
  for (const [target, def] of Object.entries(fields))
    notes.push(said('init.note.field', { target, columns: readsFrom(def.expression) }));
  for (const c of NAME_FIELDS) {
    if (!fields[c]) notes.push(said('init.note.missingField', { target: c, unit: 'column' }));
  }

  const dateExpr = (s: HeaderSuggestion) => {
    const fit = fitDateFormat(columnValues(sampleRows, s.header));
    if (fit.note) notes.push(said('init.note.about', { header: s.header, note: [fit.note] }));
    return `ParseDate(${refText(s.header)}, ${quote(fit.format)})`;
  };

  const deactivation: NonNullable<MappingFileInput['deactivation']> = {};
  const end = by('endDate');
  if (end) {
    deactivation.endDate = dateExpr(end);
    notes.push(said('init.note.endDate', { header: end.header }));
  }
  const status = by('status');
  if (status) {
    const fit = fitStatusRule(status.header, columnValues(sampleRows, status.header));
    deactivation.inactiveWhen = fit.expression;
    notes.push(said('init.note.inactiveWhen', { expression: fit.expression }));
    if (fit.note) notes.push(fit.note);
  }
  if (!end && !status) {
    notes.push(said('init.note.noDeactivation', { unit: 'column' }));
  }
  const start = by('startDate');
  const activation = start ? { startDate: dateExpr(start), daysAhead: 0 } : undefined;
  if (start) notes.push(said('init.note.startDate', { header: start.header }));
  const birth = by('birthDate');
  if (birth) notes.push(said('init.note.birthDate', { header: birth.header }));
  for (const x of excludedHeaders(headers))
    notes.push(said(`init.note.excluded.${x.reason}`, { header: x.header }));
  const initials = by('initials');
  if (initials) notes.push(said('init.note.initials', { header: initials.header }));

  const mapping: MappingFileInput = {
    $schema: 'https://plek.co/schema/mapping.v1.json',
    version: 1,
    name: input.name,
    source: {
      kind: 'csv',
      ...(input.sourcePath ? { path: input.sourcePath } : {}),
      encoding: (input.encoding as 'auto') ?? 'auto',
      delimiter: (input.delimiter as 'auto') ?? 'auto',
    },
    mappingKey: {
      attribute: keyAttribute,
      ...(birth ? { birthDateAttribute: birth.header } : {}),
    },
    fields,
    deactivation,
    ...(activation ? { activation } : {}),
    groupRules: [],
    ...(by('location') ? { customFields: [{ name: 'location', label: 'Locatie' }] } : {}),
  };
  return { mapping, notes: uniqueMessages(notes), suggestions };
}
