/**
 * Moving the employment dates of a delimited export by whole days, leaving every other byte alone. The bundled
 * demo is written for one day (its anchor); moved to the day it is opened, it shows the same leavers, the same
 * "leaves later" people and the same joiners on any day.
 */

const DAY_MS = 86_400_000;
const DUTCH_DATE = /^(\d{2})-(\d{2})-(\d{4})$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Days since 1970-01-01 of a real calendar date, or null (31-02-2024 is no date and stays as it is). */
function dayNumber(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return t / DAY_MS;
}

/** Days since 1970-01-01 of a yyyy-mm-dd date; throws on anything else (our own input, not a consultant's). */
export function isoDayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const n = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (n === null) throw new Error(`expected a date as yyyy-mm-dd, got ${JSON.stringify(iso)}`);
  return n;
}

/** Whole days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return isoDayNumber(to) - isoDayNumber(from);
}

/**
 * A dd-mm-yyyy date moved by `days` days (by days, not months: 31-01 + 29 days is 01-03 in a leap year), or
 * null when the text is no valid date or the result would not be written with four year digits.
 */
export function shiftDutchDate(text: string, days: number): string | null {
  const m = DUTCH_DATE.exec(text);
  const from = m ? dayNumber(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  if (from === null) return null;
  const d = new Date((from + days) * DAY_MS);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${year}`;
}

interface Field {
  /** Offsets of the value in the text (inside the quotes of a quoted field). */
  start: number;
  end: number;
}

/**
 * The fields of each record, as offsets, by RFC 4180 rules (quotes, doubled quotes, CRLF/LF/CR line ends, line
 * breaks inside quotes). A stray quote inside an unquoted field is part of the value, as Excel reads it.
 */
function* records(text: string, delimiter: string): Generator<Field[]> {
  const d = delimiter.charCodeAt(0);
  let i = 0;
  const n = text.length;
  while (i < n) {
    const fields: Field[] = [];
    for (;;) {
      let start = i;
      let end: number;
      if (text.charCodeAt(i) === 34 /* " */) {
        start = i + 1;
        let j = start;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            j = n;
            end = n;
            break;
          }
          if (text.charCodeAt(q + 1) === 34) {
            j = q + 2;
            continue;
          }
          end = q;
          j = q + 1;
          break;
        }
        // Whatever follows the closing quote up to the delimiter belongs to the field's raw text.
        i = j;
        while (i < n && text.charCodeAt(i) !== d && text[i] !== '\r' && text[i] !== '\n') i++;
      } else {
        while (i < n && text.charCodeAt(i) !== d && text[i] !== '\r' && text[i] !== '\n') i++;
        end = i;
      }
      fields.push({ start, end });
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    yield fields;
  }
}

export interface ShiftCsvDatesOptions {
  /** Header names of the columns whose dd-mm-yyyy dates move (other columns are never touched). */
  columns: readonly string[];
  delimiter: string;
}

export interface ShiftedCsv {
  bytes: Uint8Array;
  /** How many cells were moved. */
  shifted: number;
}

/**
 * The same file with the dd-mm-yyyy dates in `columns` moved by `days` days. Works on the bytes as Latin-1, one
 * character per byte, so a Windows-1252 (or UTF-8) file comes back byte for byte apart from those dates, which
 * keep their ten characters. A row with more or fewer fields than the header (an unquoted delimiter in a job
 * title) is lined up from its end, where the date columns are in an HR export. Invalid dates stay as they are.
 */
export function shiftCsvDates(bytes: Uint8Array, days: number, options: ShiftCsvDatesOptions): ShiftedCsv {
  if (options.delimiter.length !== 1) throw new Error('the delimiter is one character');
  let text = '';
  // Latin-1 maps each byte to the character with the same code, and back.
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  const out: string[] = [];
  let copied = 0;
  let shifted = 0;
  let header: string[] | null = null;
  let wanted: number[] = [];
  for (const fields of records(text, options.delimiter)) {
    if (!header) {
      header = fields.map((f, i) => {
        const name = text.slice(f.start, f.end).trim();
        return i === 0 ? name.replace(/^\u00EF\u00BB\u00BF/u, '') : name;
      });
      // In file order, so the edits below go front to back.
      wanted = options.columns
        .map((c) => header!.indexOf(c))
        .filter((i) => i >= 0)
        .sort((a, b) => a - b);
      continue;
    }
    const offset = fields.length - header.length;
    for (const column of wanted) {
      const f = fields[column + (offset > 0 ? offset : 0)];
      if (!f || f.end - f.start !== 10) continue;
      const moved = shiftDutchDate(text.slice(f.start, f.end), days);
      if (moved === null) continue;
      out.push(text.slice(copied, f.start), moved);
      copied = f.end;
      shifted++;
    }
  }
  out.push(text.slice(copied));
  const result = out.join('');
  const encoded = new Uint8Array(result.length);
  for (let i = 0; i < result.length; i++) encoded[i] = result.charCodeAt(i);
  return { bytes: encoded, shifted };
}
