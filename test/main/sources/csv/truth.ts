import type { CsvEvent } from '../../../../src/main/sources/csv/read-csv';
import type { Issue } from '../../../../src/shared/issues';
import type { SourceRecord } from '../../../../src/shared/source/types';
import {
  HR_HEADERS_EN,
  HR_HEADERS_NL,
  PERSON_FIELDS,
  type GeneratedPerson,
  type PlantedDefect,
} from '../../../fixtures/hr-export';

export const PERSON_ORDER: readonly (keyof GeneratedPerson)[] = PERSON_FIELDS;

/** What the reader must return for a clean row: every cell exactly, empty cells as null. */
export function expectedValues(person: GeneratedPerson, headers: 'nl' | 'en' = 'nl'): SourceRecord['values'] {
  const names = headers === 'en' ? HR_HEADERS_EN : HR_HEADERS_NL;
  return Object.fromEntries(PERSON_ORDER.map((f, i) => [names[i], person[f] === '' ? null : person[f]]));
}

export function split(events: CsvEvent[]): { records: SourceRecord[]; issues: Issue[] } {
  const records: SourceRecord[] = [];
  const issues: Issue[] = [];
  for (const e of events) {
    if (e.kind === 'record') records.push(e.record);
    else issues.push(e.issue);
  }
  return { records, issues };
}

/** Rows whose written cells differ from the clean truth on purpose. */
export function alteredRows(defects: PlantedDefect[]): Set<number> {
  return new Set(defects.filter((d) => d.expectsIssue).map((d) => d.row));
}
