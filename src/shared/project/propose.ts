import { keyStabilityWarning, suggestAdMapping } from '../ad/suggest';
import { proposeMapping } from '../engine/propose';
import { recognizeHeaders } from '../engine/recognize-headers';
import { ldapSourceSchema, mappingSourceSchema, type MappingFileInput } from '../mapping/schema';
import { suggestApiMapping } from '../source/suggest-api';
import { WORK_EMAIL } from '../scim/fields';
import type { SourceAttribute, SourceRecord } from '../source/types';

/** Where a new project's mapping file points for its JSON schema: an address that works from any folder. */
export const MAPPING_SCHEMA_URL = 'https://plek.co/schema/mapping.v1.json';

/** Why a column is (or is not) a good mapping key; each reason has a text in the catalogue (`key.reason.*`). */
export type KeyReason =
  'employeeNumber' | 'directoryId' | 'completeUnique' | 'mayChange' | 'duplicates' | 'empty';

/** A column that could identify a person, measured on the sampled rows. */
export interface KeyCandidate {
  attribute: string;
  /** Share of sampled rows with a value, 0..1. */
  fillRate: number;
  /** Rows with a value that another row shares. */
  duplicates: number;
  /** Rows without a value. */
  empty: number;
  /** `may-change`: the kind of value that changes with a person (name, e-mail, account name). */
  stability: 'stable' | 'may-change' | 'unknown';
  recommended: boolean;
  reason: KeyReason;
}

const DIRECTORY_IDS = new Set(['objectguid', 'entryuuid', 'objectsid', 'nsuniqueid']);
/** CSV concepts whose values change with the person: never recommended as a key. */
const CHANGING_CONCEPTS = new Set(['email', 'givenName', 'callName', 'familyName', 'namePrefix', 'initials']);
/** Recognised columns that describe a person rather than identify one (dates, phones, job, team): not offered. */
const NOT_IDENTIFYING = new Set([
  'title',
  'department',
  'location',
  'workPhone',
  'mobile',
  'startDate',
  'endDate',
  'manager',
  'birthDate',
  'status',
]);

function firstText(value: SourceRecord['values'][string] | undefined): string | null {
  if (value === undefined || value === null) return null;
  const s = (Array.isArray(value) ? (value[0] ?? '') : value).trim();
  return s === '' ? null : s;
}

/**
 * The columns that could be the mapping key, best first: filled and unique in every sampled row, and not a value
 * that changes with the person. The recommended one (the proposal's key when it qualifies) comes first with the
 * reason; columns with few values or many repeats are left out.
 */
export function keyCandidates(
  attributes: readonly SourceAttribute[],
  records: readonly SourceRecord[],
  options: { kind: 'csv' | 'ldap' | string; proposed?: string },
): KeyCandidate[] {
  const concepts = new Map(recognizeHeaders(attributes.map((a) => a.name)).map((s) => [s.header, s.concept]));
  const out: KeyCandidate[] = [];
  for (const a of attributes) {
    if (a.multiValued) continue;
    const lower = a.name.toLowerCase();
    if (a.binary && !DIRECTORY_IDS.has(lower)) continue;
    const seen = new Map<string, number>();
    let empty = 0;
    for (const r of records) {
      const v = firstText(r.values[a.name]);
      if (v === null) empty++;
      else seen.set(v.toLowerCase(), (seen.get(v.toLowerCase()) ?? 0) + 1);
    }
    let duplicates = 0;
    for (const n of seen.values()) if (n > 1) duplicates += n;
    const filled = records.length - empty;
    if (records.length === 0 || filled === 0) continue;
    // Too few values or too many repeats to tell people apart: not worth offering.
    if (filled / records.length < 0.5 || seen.size / filled < 0.9) continue;
    const concept = concepts.get(a.name);
    if (concept !== undefined && NOT_IDENTIFYING.has(concept)) continue;
    const directoryId = DIRECTORY_IDS.has(lower);
    const mayChange =
      (options.kind === 'ldap' && keyStabilityWarning(a.name) !== null) ||
      (concept !== undefined && CHANGING_CONCEPTS.has(concept));
    const stability =
      directoryId || concept === 'employeeNumber' ? 'stable' : mayChange ? 'may-change' : 'unknown';
    const reason: KeyReason =
      empty > 0
        ? 'empty'
        : duplicates > 0
          ? 'duplicates'
          : mayChange
            ? 'mayChange'
            : directoryId
              ? 'directoryId'
              : concept === 'employeeNumber'
                ? 'employeeNumber'
                : 'completeUnique';
    out.push({
      attribute: a.name,
      fillRate: filled / records.length,
      duplicates,
      empty,
      stability,
      recommended: false,
      reason,
    });
  }
  // An employee number or directory id with a few bad rows is still the key: those rows are data errors to fix
  // at the source (Validate lists them), not a reason to key on some other column that happens to be unique.
  const rank = (c: KeyCandidate) =>
    (c.stability === 'stable' ? 0 : c.stability === 'unknown' ? 2 : 6) +
    (c.empty === 0 && c.duplicates === 0 ? 0 : c.stability === 'stable' ? 1 : 3) +
    (c.attribute === options.proposed ? -0.5 : 0);
  out.sort((a, b) => rank(a) - rank(b) || b.fillRate - a.fillRate || a.attribute.localeCompare(b.attribute));
  const best = out[0];
  if (best && best.stability !== 'may-change') best.recommended = true;
  return out;
}

/** The attributes an expression reads (`[Naam]` references, `]]` unescaped). */
export function referencedAttributes(expression: string): string[] {
  return [...expression.matchAll(/\[((?:[^\]]|\]\])+)\]/g)].map((m) => (m[1] ?? '').replace(/\]\]/g, ']'));
}

/**
 * The domain most work e-mail addresses in the source use ("gemeente-voorbeeld.nl"), read from the attribute that
 * feeds the work e-mail; null when no address has one.
 */
export function mostCommonEmailDomain(
  mapping: MappingFileInput,
  records: readonly SourceRecord[],
): string | null {
  const expression = mapping.fields?.[WORK_EMAIL]?.expression ?? mapping.fields?.email?.expression;
  const attributes = expression ? referencedAttributes(expression) : [];
  const counts = new Map<string, number>();
  for (const r of records) {
    for (const a of attributes) {
      const v = firstText(r.values[a]);
      const at = v?.lastIndexOf('@') ?? -1;
      if (v && at > 0 && at < v.length - 3) {
        const domain = v.slice(at + 1).toLowerCase();
        counts.set(domain, (counts.get(domain) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [domain, n] of counts) {
    if (n > most || (n === most && best !== null && domain < best)) {
      best = domain;
      most = n;
    }
  }
  return best;
}

/** True for a project that has no mapping yet: what Start → "New project" creates before the proposal. */
export function isBlankMapping(mapping: MappingFileInput): boolean {
  return (mapping.mappingKey?.attribute ?? '') === '' && Object.keys(mapping.fields ?? {}).length === 0;
}

/**
 * The first mapping of a new project, from the same proposal `plek-sync init` writes (recognised headers or
 * directory attributes: key, fields, deactivation, identity fields), applied to the project's own source and
 * target. When the proposed key is not filled and unique in the sample, the best key candidate replaces it.
 */
export function proposeProject(
  current: MappingFileInput,
  attributes: readonly SourceAttribute[],
  records: readonly SourceRecord[],
): MappingFileInput {
  const source = current.source;
  const name = current.name ?? 'project';
  let proposed: MappingFileInput;
  if (source?.kind === 'ldap') {
    const ldap = ldapSourceSchema.safeParse(source);
    if (!ldap.success) return current;
    proposed = suggestAdMapping(attributes, { name, source: ldap.data });
  } else if (source?.kind === 'csv') {
    proposed = proposeMapping({
      headers: attributes.map((a) => a.name),
      sampleRows: records.map((r) => r.values),
      name,
    }).mapping;
  } else if (source?.kind === 'personio' || source?.kind === 'afas' || source?.kind === 'rest') {
    // An HR application's API: the same proposal `plek-sync init --source personio|afas|rest` writes.
    const api = mappingSourceSchema.safeParse(source);
    if (!api.success || api.data.kind === 'csv' || api.data.kind === 'ldap') return current;
    proposed = suggestApiMapping(
      api.data,
      attributes.map((a) => a.name),
      { name, sampleRows: records.map((r) => r.values) },
    ).mapping;
  } else {
    return current;
  }
  const candidates = keyCandidates(attributes, records, {
    kind: source.kind,
    proposed: proposed.mappingKey?.attribute,
  });
  const key = proposed.mappingKey?.attribute;
  // The proposal falls back to the first column when it recognises no employee number: then the measured best
  // candidate is the better guess.
  const keyIsGood = candidates.some((c) => c.attribute === key && c.stability === 'stable');
  const recommended = candidates.find((c) => c.recommended)?.attribute;
  return {
    ...proposed,
    $schema: MAPPING_SCHEMA_URL,
    name,
    source,
    mappingKey: {
      ...proposed.mappingKey,
      attribute: keyIsGood || !recommended ? (key ?? '') : recommended,
    },
    ...(current.target ? { target: current.target } : {}),
  };
}

/** What a sync needs before it can create accounts; each item says where to fix it. */
export interface ChecklistItem {
  id: 'key' | 'givenName' | 'familyName' | 'login';
  ok: boolean;
  /** The step where it is set. */
  step: 'source' | 'mapping' | 'rules';
}

const hasField = (m: MappingFileInput, path: string) => (m.fields?.[path]?.expression ?? '').trim() !== '';

/** The sync checklist: a mapping key that is a real column, a given name, a family name, and an e-mail or login. */
export function syncChecklist(
  mapping: MappingFileInput,
  attributes: readonly SourceAttribute[],
): ChecklistItem[] {
  const key = mapping.mappingKey?.attribute ?? '';
  const names = new Set(attributes.map((a) => a.name));
  return [
    { id: 'key', ok: key !== '' && (names.size === 0 || names.has(key)), step: 'source' },
    { id: 'givenName', ok: hasField(mapping, 'name.givenName'), step: 'mapping' },
    { id: 'familyName', ok: hasField(mapping, 'name.familyName'), step: 'mapping' },
    {
      id: 'login',
      ok:
        hasField(mapping, 'userName') ||
        hasField(mapping, WORK_EMAIL) ||
        hasField(mapping, 'email') ||
        mapping.loginSchema !== undefined,
      step: 'mapping',
    },
  ];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The mapping as a file to take away: the JSON schema by its URL (not `../schema/…`, which only resolves inside
 * the workbench's folders), and the export and CA certificate by file name, so `plek-sync` finds them beside the
 * mapping file from any working folder (or takes `--source`).
 */
export function selfContained(mapping: MappingFileInput): MappingFileInput {
  const out: MappingFileInput = { ...mapping, $schema: MAPPING_SCHEMA_URL };
  const source = mapping.source;
  if (source?.kind === 'csv' && source.path) out.source = { ...source, path: baseName(source.path) };
  if (source?.kind === 'ldap' && source.caFile) out.source = { ...source, caFile: baseName(source.caFile) };
  return out;
}
