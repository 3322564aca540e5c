import type { Issue } from '../../../shared/issues';

/** Spreadsheet column letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "column C" — how Excel shows it; the 1-based number is added where a consultant may count by hand. */
export function columnName(column: number): string {
  return `column ${columnLetter(column)} (${column})`;
}

export interface HeaderCheck {
  headers: string[];
  /** For each column, the record key its values go under, or undefined when the column is not used. */
  keys: (string | undefined)[];
  issues: Issue[];
}

/**
 * Trims the header cells (and a byte-order mark that survived a wrong encoding) and reports empty and
 * duplicate names. An empty or duplicate column keeps its place so the data does not shift; its values are
 * not exposed under any name (for a duplicate, the first column with that name wins).
 * Empty headers after the last named column are a warning only: Excel writes them for a trailing `;`.
 */
export function checkHeaders(cells: string[], file: string): HeaderCheck {
  const headers = cells.map((cell, i) => {
    let name = cell;
    if (i === 0) name = name.replace(/^(?:\uFEFF|ï»¿|þÿ|ÿþ)/u, '');
    return name.trim();
  });
  const issues: Issue[] = [];
  const keys: (string | undefined)[] = [];
  const firstColumn = new Map<string, number>();
  let lastNamed = -1;
  headers.forEach((h, i) => {
    if (h !== '') lastNamed = i;
  });
  headers.forEach((name, i) => {
    const column = i + 1;
    if (name === '') {
      keys.push(undefined);
      const trailing = i > lastNamed;
      issues.push({
        code: 'empty-header',
        severity: trailing ? 'warning' : 'error',
        row: 1,
        params: {
          id: trailing ? 'issue.empty-header.trailing' : 'issue.empty-header.inner',
          file,
          column,
          letter: columnLetter(column),
        },
        message: trailing
          ? `${file}: ${columnName(column)} has no header (a trailing delimiter in the export?); its values are ignored`
          : `${file}: ${columnName(column)} has no header; give it a name in the export so its values can be used`,
      });
      return;
    }
    const first = firstColumn.get(name);
    if (first !== undefined) {
      keys.push(undefined);
      issues.push({
        code: 'duplicate-header',
        severity: 'error',
        row: 1,
        field: name,
        message: `${file}: ${columnName(first)} and ${columnName(column)} are both called "${name}"; rename one of them in the export (the values of ${columnName(column)} are ignored until then)`,
        params: {
          id: 'issue.duplicate-header.text',
          file,
          name,
          first,
          firstLetter: columnLetter(first),
          column,
          letter: columnLetter(column),
        },
      });
      return;
    }
    firstColumn.set(name, column);
    keys.push(name);
  });
  return { headers, keys, issues };
}
