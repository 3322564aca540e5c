export type CsvDelimiter = ';' | ',' | '\t' | '|';
export type CsvDelimiterOption = 'auto' | CsvDelimiter;

/** In order of preference when two candidates score the same: Dutch Excel writes `;`. */
const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t', '|'];
/** The delimiter is judged from at most this many characters at the start of the text. */
export const DELIMITER_SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 20;

interface Counts {
  /** Per record, how often the candidate occurs outside quotes. */
  perRecord: number[];
  /** Occurrences followed by a space: "Berg, Jan" is punctuation inside a value, not a delimiter. */
  spaced: number;
  total: number;
}

/**
 * Splits the start of a file into records and counts each candidate delimiter outside quotes. Quote-aware the
 * way Excel writes CSV: a quote opens a quoted value only at the start of a value (after a line break or any
 * candidate), and `""` inside it is an escaped quote, so "O"Brien" in an unquoted value does not swallow lines.
 * The last record is dropped unless the text is complete, because it may be cut off.
 */
function countPerRecord(text: string, complete: boolean): Map<CsvDelimiter, Counts> {
  const counts = new Map<CsvDelimiter, Counts>(
    CANDIDATES.map((c) => [c, { perRecord: [], spaced: 0, total: 0 }]),
  );
  const current = new Map<CsvDelimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let inQuotes = false;
  let atValueStart = true;
  let records = 0;
  let recordHasContent = false;
  const end = Math.min(text.length, DELIMITER_SAMPLE_CHARS);
  const flush = () => {
    if (recordHasContent) {
      for (const c of CANDIDATES) counts.get(c)!.perRecord.push(current.get(c)!);
      records++;
    }
    for (const c of CANDIDATES) current.set(c, 0);
    recordHasContent = false;
  };
  for (let i = 0; i < end && records < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atValueStart) {
      inQuotes = true;
      recordHasContent = true;
      atValueStart = false;
    } else if (ch === '\n' || ch === '\r') {
      flush();
      atValueStart = true;
    } else if (current.has(ch as CsvDelimiter)) {
      const c = ch as CsvDelimiter;
      current.set(c, current.get(c)! + 1);
      const k = counts.get(c)!;
      k.total++;
      if (text[i + 1] === ' ') k.spaced++;
      recordHasContent = true;
      atValueStart = true;
    } else {
      recordHasContent = true;
      atValueStart = false;
    }
  }
  if (complete && end === text.length && records < SAMPLE_RECORDS) flush();
  return counts;
}

/**
 * Picks the delimiter from the header line and the records after it (up to 20): the candidate that occurs in
 * the header and has the same count in the most records wins. A candidate mostly followed by a space ("Naam,
 * voornaam") is punctuation inside values and only wins when nothing else fits. Ties: more columns, then `;`
 * before `,` before tab before `|`. A file with one column (no candidate in the header) is read with `;`.
 */
export function detectDelimiter(text: string, complete: boolean): CsvDelimiter {
  const counts = countPerRecord(text, complete);
  let best: { delimiter: CsvDelimiter; prose: boolean; consistent: number; columns: number } | undefined;
  for (const delimiter of CANDIDATES) {
    const { perRecord, spaced, total } = counts.get(delimiter)!;
    const header = perRecord[0] ?? 0;
    if (header === 0) continue;
    const prose = spaced * 2 > total;
    const consistent = perRecord.slice(1).filter((n) => n === header).length;
    const better =
      !best ||
      (best.prose && !prose) ||
      (best.prose === prose &&
        (consistent > best.consistent || (consistent === best.consistent && header > best.columns)));
    if (better) best = { delimiter, prose, consistent, columns: header };
  }
  return best?.delimiter ?? ';';
}

/** The record separator: the first line break outside quotes (`\r\n`, `\n`, or an old Mac `\r`). */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const i = firstLineBreak(text);
  if (i === -1) return '\r\n';
  if (text[i] === '\n') return '\n';
  return text[i + 1] === '\n' || i + 1 === text.length ? '\r\n' : '\r';
}

/** Where the first line break outside quotes is (the `\n` or `\r` that `detectNewline` judges by), or −1. */
export function firstLineBreak(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) return i;
  }
  return -1;
}
