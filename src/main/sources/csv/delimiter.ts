export type CsvDelimiter = ';' | ',' | '\t' | '|';
export type CsvDelimiterOption = 'auto' | CsvDelimiter;

/** In order of preference when two candidates score the same: Dutch Excel writes `;`. */
const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t', '|'];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 20;

/**
 * Splits the start of a file into records (quote-aware: a line break inside quotes does not end a record) and
 * counts each candidate delimiter outside quotes. The last record is dropped unless the text is complete,
 * because it may be cut off.
 */
function countPerRecord(text: string, complete: boolean): Map<CsvDelimiter, number[]> {
  const counts = new Map<CsvDelimiter, number[]>(CANDIDATES.map((c) => [c, []]));
  const current = new Map<CsvDelimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let inQuotes = false;
  let records = 0;
  let recordHasContent = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  const flush = () => {
    if (recordHasContent) {
      for (const c of CANDIDATES) counts.get(c)!.push(current.get(c)!);
      records++;
    }
    for (const c of CANDIDATES) current.set(c, 0);
    recordHasContent = false;
  };
  for (let i = 0; i < end && records < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes;
      recordHasContent = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      flush();
    } else {
      recordHasContent = true;
      if (current.has(ch as CsvDelimiter))
        current.set(ch as CsvDelimiter, current.get(ch as CsvDelimiter)! + 1);
    }
  }
  if (complete && end === text.length && records < SAMPLE_RECORDS) flush();
  return counts;
}

/**
 * Picks the delimiter from the header line and the records after it: the candidate that occurs in the header
 * and has the same count in the most records wins (ties: more columns, then `;` before `,` before tab before
 * `|`). A file with one column (no candidate in the header) is read with `;`.
 */
export function detectDelimiter(text: string, complete: boolean): CsvDelimiter {
  const counts = countPerRecord(text, complete);
  let best: { delimiter: CsvDelimiter; consistent: number; columns: number } | undefined;
  for (const delimiter of CANDIDATES) {
    const perRecord = counts.get(delimiter)!;
    const header = perRecord[0] ?? 0;
    if (header === 0) continue;
    const consistent = perRecord.slice(1).filter((n) => n === header).length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && header > best.columns)) {
      best = { delimiter, consistent, columns: header };
    }
  }
  return best?.delimiter ?? ';';
}

/** The record separator: the first line break outside quotes (`\r\n`, `\n`, or an old Mac `\r`). */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') return '\n';
    else if (!inQuotes && ch === '\r') return text[i + 1] === '\n' || i + 1 === text.length ? '\r\n' : '\r';
  }
  return '\r\n';
}
