import Papa from 'papaparse';
import { rowLabel, type Issue } from '../../../shared/issues';
import type { SourceRecord, SourceValue } from '../../../shared/source/types';
import { said } from '../../../shared/i18n/message';
import { SourceError } from '../source-error';
import type { BatchWriter } from './csv-wire';
import { checkHeaders, columnLetter, columnName } from './columns';
import {
  DELIMITER_SAMPLE_CHARS,
  detectDelimiter,
  detectNewline,
  firstLineBreak,
  type CsvDelimiterOption,
} from './delimiter';
import {
  chooseEncoding,
  createAsciiPrefixDecoder,
  createChunkDecoder,
  ENCODING_PREFIX_BYTES,
  hasLostCharacters,
  type ChunkDecoder,
  type CsvEncoding,
  type CsvEncodingOption,
  zeroBytePattern,
} from './encoding';

export interface CsvOptions {
  encoding?: CsvEncodingOption;
  delimiter?: CsvDelimiterOption;
  /** Name used in messages instead of the file's base name. */
  fileLabel?: string;
  /** Size of the chunks read from disk (default 64 KiB); tests use small chunks to exercise chunk boundaries. */
  chunkBytes?: number;
  /**
   * Records as cells plus a shared column table (`SourceRecord.cells`/`columns`), with `values` built only when
   * read: for bulk runs (validate, map), which read a few columns of a million rows. Off, every record carries a
   * plain `values` object (records that are sampled, kept or sent to the window).
   */
  compactRecords?: boolean;
}

/**
 * A CSV record in compact form: the cells in column order and one name → column table shared by every record of
 * the file. Building a name-keyed object per row costs more than parsing the row; the engine reads `cells`, and
 * `values` is only built when something asks for it (preview, tests).
 */
export class CsvRecord implements SourceRecord {
  private built: Record<string, SourceValue> | undefined;
  constructor(
    readonly row: number,
    readonly ref: string,
    readonly cells: SourceValue[],
    readonly columns: ReadonlyMap<string, number>,
    /** See SourceRecord: set by a reader that looked (decodeBatch). */
    readonly noQuestionMark = false,
  ) {}

  get values(): Record<string, SourceValue> {
    if (this.built === undefined) this.built = namedValues(this.cells, this.columns);
    return this.built;
  }
}

/** A record's values by column name (the first of duplicate names wins; unnamed columns are left out). */
export function namedValues(
  cells: readonly SourceValue[],
  columns: ReadonlyMap<string, number>,
): Record<string, SourceValue> {
  // No prototype: a column called "__proto__" or "constructor" is a column like any other.
  const values = Object.create(null) as Record<string, SourceValue>;
  for (const [name, i] of columns) values[name] = cells[i]!;
  return values;
}

/** Column name → index from the record keys of the header (unnamed and duplicate columns have none). */
export function columnTable(keys: readonly (string | undefined)[]): ReadonlyMap<string, number> {
  const columns = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key !== undefined && !columns.has(key)) columns.set(key, i);
  });
  return columns;
}

export interface CsvHeaderInfo {
  file: string;
  /** Detected or forced: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'. */
  encoding: string;
  encodingReason: string;
  delimiter: string;
  headers: string[];
  /** File-level: duplicate-header, empty-header, encoding, source-unreadable. */
  issues: Issue[];
}

export type CsvEvent = { kind: 'record'; record: SourceRecord } | { kind: 'issue'; issue: Issue };

const SEP_LINE = /^sep=([^\r\n"])(?:\r\n|\n|\r)/iu;
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;

/** A record still open after this many characters means a quote was never closed (Excel caps a cell at 32,767). */
const MAX_OPEN_RECORD_CHARS = 8 * 1024 * 1024;
/**
 * The first text (the prefix the encoding is chosen from, up to a MiB) is decoded and parsed in pieces when the
 * reader wants to hand rows over as they come (`onPiece`): the header line, then pieces of about this many
 * characters (after the first piece: of this many bytes). The delimiter and line break are chosen from the start
 * of the text, as when it is parsed at once.
 */
export const PIECE_CHARS = 64 * 1024;
/** Only a text whose header line ends within this many characters (the delimiter's sample) is parsed in pieces. */
export const FIRST_PIECE_CHARS = DELIMITER_SAMPLE_CHARS + 1024;
/** At most this many bytes of an encoding make one character of a JavaScript string (UTF-8: 3, a pair of 4 makes 2). */
export const MAX_BYTES_PER_CHAR: Readonly<Record<CsvEncoding, number>> = {
  'utf-8': 3,
  'windows-1252': 1,
  'utf-16le': 2,
  'utf-16be': 2,
};
/** Past this many cells with lost characters, one summary stands for the rest (a wrongly forced encoding). */
const MAX_ENCODING_WARNINGS = 200;

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

function quoteDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

/**
 * The CSV reader as a push parser: bytes in (in chunks of any size), events out. It is shared by the streaming
 * reader and the in-memory one so both behave identically.
 *
 * Row numbers are spreadsheet rows: the header is row 1 and every record counts as one row even when a quoted
 * cell holds line breaks, which is what Excel shows. A fully empty line (or one holding only delimiters) is
 * skipped without an issue but still counts as a row, for the same reason; blank lines at the end vanish.
 * Cell values are kept exactly as written (no trimming); an empty cell becomes null.
 */
export class CsvCore {
  /** Set once the header row has been read (or the file turned out empty). */
  info: CsvHeaderInfo | undefined;
  /**
   * Called after each piece of the first MiB is decoded and parsed (see PIECE_CHARS, `prefixInPieces`), so that a
   * reader in a thread of its own hands the header and the first rows on before the rest of the first MiB is
   * decoded (the consumer starts some 50–100 ms sooner); false stops the parsing of that MiB (the consumer stopped).
   * Without it, the first MiB is decoded and parsed at once. The events are the same either way.
   */
  onPiece: (() => boolean) | undefined;
  /**
   * While the first MiB is parsed in pieces: about how many of its characters are not parsed yet (the bytes not yet
   * decoded counted as characters); else 0.
   */
  pendingChars = 0;
  /**
   * The first piece decoded, while its header line is parsed: what the delimiter and line break are chosen from (it
   * holds the delimiter's sample and the first line break, as the whole MiB would).
   */
  private sample: string | undefined;

  private readonly file: string;
  private prefix: Uint8Array[] = [];
  private prefixBytes = 0;
  private decoder: ChunkDecoder | undefined;
  private encoding: { encoding: string; reason: string; issues: Issue[] } | undefined;
  private parser: Papa.Parser | undefined;
  private delimiter = ';';
  private open = '';
  private row = 0;
  private keys: (string | undefined)[] = [];
  /** Column name → index, shared by every record (the first of duplicate names keeps it). */
  private columns: ReadonlyMap<string, number> = new Map();
  /** False when the text being parsed holds no sign of lost characters: the per-cell check is then skipped. */
  private mayHaveLostCharacters = true;
  private out: CsvEvent[] = [];
  private stopped = false;
  private encodingWarnings = 0;
  private dropCarriageReturn = false;
  private switchedTo1252 = false;
  private ended = false;
  private blankRows: number[] = [];
  private newline: '\n' | '\r' = '\n';

  /**
   * With a `writer` (the worker thread), records and issues go there as one batch per chunk instead of to
   * `take()`, and a chunk without quotes is cut into cells by offset, without a string per cell.
   */
  constructor(
    private readonly options: CsvOptions = {},
    private readonly writer?: BatchWriter,
  ) {
    this.file = options.fileLabel ?? 'CSV file';
  }

  /** Feeds the next bytes of the file. */
  push(bytes: Uint8Array): void {
    if (this.stopped || bytes.length === 0) return;
    if (!this.decoder) {
      this.prefix.push(bytes);
      this.prefixBytes += bytes.length;
      if (this.prefixBytes >= ENCODING_PREFIX_BYTES) this.startDecoding(false);
      return;
    }
    const text = this.decoder.write(bytes);
    this.text(text, false, this.decoder.clean === true);
  }

  /** Signals the end of the file: the last record (without a line break) is read and summaries are added. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.stopped) {
      if (!this.decoder) this.startDecoding(true);
      this.text(this.decoder!.end(), true);
    }
    this.stopped = true;
    if (!this.info) {
      this.setInfo(
        [],
        [
          {
            code: 'source-unreadable',
            severity: 'error',
            message: `${this.file} is empty: it has no header row; export the file again`,
            params: { id: 'issue.source-unreadable.empty', file: this.file },
          },
        ],
      );
    }
    if (this.encodingWarnings > MAX_ENCODING_WARNINGS) {
      this.emitIssue({
        code: 'encoding',
        severity: 'warning',
        message: `${this.file}: ${this.encodingWarnings - MAX_ENCODING_WARNINGS} more cells with characters lost in a bad encoding are not listed; re-export as UTF-8 or set the encoding`,
        params: {
          id: 'issue.encoding.more',
          file: this.file,
          n: this.encodingWarnings - MAX_ENCODING_WARNINGS,
        },
      });
    }
  }

  /** The record key of each column (undefined: unnamed or duplicate), known once `info` is set. */
  get recordKeys(): readonly (string | undefined)[] {
    return this.keys;
  }

  /**
   * True while the parser keeps bytes it was given (the first MiB, until the encoding is chosen): the caller must
   * not reuse their memory then. After that every chunk is decoded before `push` returns.
   */
  get holdsBytes(): boolean {
    return this.decoder === undefined && this.prefix.length > 0;
  }

  /** True once no more records will come (end of file, or the rest of the file is inside an open quote). */
  get done(): boolean {
    return this.stopped;
  }

  /** Hands over the events produced so far. */
  take(): CsvEvent[] {
    const events = this.out;
    this.out = [];
    return events;
  }

  private startDecoding(complete: boolean): void {
    const prefix = concat(this.prefix, this.prefixBytes);
    this.prefix = [];
    const other = notCsv(prefix);
    if (other) {
      this.stopped = true;
      throw new SourceError(
        'source-unreadable',
        said('sourceError.notCsv', { file: this.file, kind: other }),
        this.file,
      );
    }
    const choice = chooseEncoding(prefix, complete, this.options.encoding, this.file);
    if (!choice.encoding.startsWith('utf-16') && !zeroBytePattern(prefix) && looksBinary(prefix)) {
      this.stopped = true;
      throw new SourceError('source-unreadable', said('sourceError.binary', { file: this.file }), this.file);
    }
    this.encoding = choice;
    this.decoder = choice.asciiPrefix
      ? createAsciiPrefixDecoder(() => {
          // Reported by `record` on the first record with a non-ASCII character: that is the row it happened.
          this.switchedTo1252 = true;
        })
      : createChunkDecoder(choice.encoding);
    if (this.onPiece)
      this.prefixInPieces(prefix, MAX_BYTES_PER_CHAR[choice.asciiPrefix ? 'utf-8' : choice.encoding]);
    else this.text(this.decoder.write(prefix), false, this.decoder.clean === true);
  }

  /**
   * The first text (the prefix), when someone wants its rows as they come (`onPiece`): decoded a piece at a time, so
   * that the header and the first rows go out before the rest is decoded (a MiB decoded at once is a string of its
   * own outside V8's young generation: some 6 ms of fresh memory on the way to the consumer's first rows). The first
   * piece decoded holds the delimiter's sample, and the first line break must lie in it: the delimiter and line
   * break are then chosen from the same characters as from the whole text (else the prefix is decoded at once).
   */
  private prefixInPieces(prefix: Uint8Array, bytesPerChar: number): void {
    const decoder = this.decoder!;
    let at = Math.min(prefix.length, FIRST_PIECE_CHARS * bytesPerChar);
    let text = decoder.write(prefix.subarray(0, at));
    const clean = decoder.clean === true;
    const first = firstLineBreak(text);
    if (first === -1 || first >= FIRST_PIECE_CHARS - 2) {
      // A header line longer than the sample (not a real export): parsed at once, as without `onPiece`.
      const rest = decoder.write(prefix.subarray(at));
      const restClean = decoder.clean === true;
      this.text(
        text + rest,
        false,
        clean && restClean && !hasLostCharacters(text.slice(-1) + rest.slice(0, 1)),
      );
      return;
    }
    this.sample = text;
    if (!this.textInPieces(text, clean, prefix.length - at)) return;
    while (at < prefix.length) {
      const end = Math.min(prefix.length, at + PIECE_CHARS);
      text = decoder.write(prefix.subarray(at, end));
      at = end;
      this.text(text, false, decoder.clean === true);
      if (at < prefix.length && !this.handOn(prefix.length - at)) return;
    }
  }

  /**
   * The prefix's first text in pieces that end after a line feed, each handed on (`onPiece`); false when the
   * consumer stopped. The header line is the first piece, so that the consumer has the header as soon as it is
   * parsed, and the rows after it come through the quick path for text without quotes. `undecoded`: the prefix's
   * bytes after this text.
   */
  private textInPieces(text: string, clean: boolean, undecoded: number): boolean {
    let at = 0;
    for (let size = 0; ; size = PIECE_CHARS) {
      const cut = text.indexOf('\n', at + size);
      if (cut === -1 || cut + 1 >= text.length) break;
      this.text(text.slice(at, cut + 1), false, clean);
      at = cut + 1;
      if (!this.handOn(text.length - at + undecoded)) return false;
    }
    this.text(at === 0 ? text : text.slice(at), false, clean);
    return undecoded === 0 || this.handOn(undecoded);
  }

  /** Hands on what the pieces so far made (`onPiece`), `pending` characters (about) still to come; false: stop. */
  private handOn(pending: number): boolean {
    this.pendingChars = pending;
    const goOn = !this.stopped && this.onPiece!();
    this.pendingChars = 0;
    return goOn;
  }

  /** `chunkClean`: the decoder found no sign of lost characters in `chunk`. */
  private text(chunk: string, final: boolean, chunkClean = false): void {
    if (this.stopped) return;
    const open = this.open;
    let input = open + chunk;
    if (!this.parser) {
      if (input === '' && !final) return;
      // Excel's "sep=;" first line names the delimiter and is not shown as a row, so the header stays row 1.
      const hint = SEP_LINE.exec(input);
      if (hint) input = input.slice(hint[0].length);
      // The first piece of the text begins where the text does (see textInPieces).
      const sample = this.sample === undefined ? input : this.sample.slice(hint ? hint[0].length : 0);
      this.sample = undefined;
      const forced = this.options.delimiter;
      this.delimiter =
        forced && forced !== 'auto' ? forced : hint ? hint[1]! : detectDelimiter(sample, final);
      // Records end at "\n" for both CRLF and LF files, and a "\r" left at the end of a record is dropped: a file
      // that mixes the two (an export with lines appended by another tool) still reads row by row.
      const newline = detectNewline(sample);
      this.dropCarriageReturn = newline !== '\r';
      this.newline = newline === '\r' ? '\r' : '\n';
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: '"' });
    }
    if (input === '') return;
    // One scan of the text instead of one per cell. Every record of this parse lies wholly inside `input` (an
    // unfinished one comes back with the next chunk), so a cell with lost characters is never missed. When the
    // decoder already scanned the chunk and the text before it (the end of the last parse) was clean too, only a
    // sign cut in two by the chunk boundary (two characters at most) is left to look for.
    this.mayHaveLostCharacters =
      chunkClean && !this.mayHaveLostCharacters
        ? hasLostCharacters(open.slice(-1) + chunk.slice(0, 1))
        : hasLostCharacters(input);
    if (
      this.writer &&
      this.info &&
      !this.mayHaveLostCharacters &&
      !this.switchedTo1252 &&
      !input.includes('"')
    ) {
      this.plainText(this.writer, input, final);
    } else this.parsed(input, final);
    if (this.open.length > MAX_OPEN_RECORD_CHARS) {
      this.unterminated(this.row + 1);
      this.open = '';
      this.stopped = true;
    }
  }

  /**
   * Text without a quote after the header, for the writer: every line is a row and every delimiter ends a cell,
   * which is what papaparse does with such text (it splits it), so the cells are written as offsets into the text
   * instead of as strings. Everything a row can say (blank, wrong field count) is said as in `record`; text with
   * lost characters, or right after the switch to Windows-1252, goes through `parsed` for the per-cell checks.
   */
  private plainText(writer: BatchWriter, input: string, final: boolean): void {
    const base = writer.text(input);
    // The rows that are plain records go through `plainRows`; each other row (blank, the wrong number of fields, or
    // the first after blank lines) through `oddRow`. So the loop that runs for nearly every row has no branch that
    // runs for the first time after it was optimised (each such branch cost a deoptimisation and a recompile).
    let pos = 0;
    for (;;) {
      pos = this.plainRows(writer, input, base, pos, final);
      if (pos < 0) break;
      pos = this.oddRow(writer, input, base, pos);
      if (pos < 0) break;
    }
    // Negative: ~ where the unfinished end of the text begins (the text's length when there is none).
    this.open = input.slice(~pos);
  }

  /**
   * Writes rows from `pos` on as long as each is a plain record; returns where the first other row begins (a whole
   * line: its cells are written, for `oddRow` to take back), or ~ where the text's unfinished end begins once the
   * rest is written.
   */
  private plainRows(writer: BatchWriter, input: string, base: number, from: number, final: boolean): number {
    const newline = this.newline;
    const delimiter = this.delimiter;
    const width = this.keys.length;
    const waiting = this.blankRows.length;
    let pos = from;
    for (;;) {
      let end = input.indexOf(newline, pos);
      // The text after the last line break is an unfinished row, except at the end of the file.
      if (end === -1) {
        if (!final) return ~pos;
        end = input.length;
      }
      let stop = end;
      if (this.dropCarriageReturn && stop > pos && input.charCodeAt(stop - 1) === 13) stop--;
      let fields = 0;
      let filled = false;
      for (let start = pos; ;) {
        let cellEnd = input.indexOf(delimiter, start);
        if (cellEnd === -1 || cellEnd > stop) cellEnd = stop;
        if (fields < width) writer.cell(base + start, base + cellEnd);
        fields++;
        if (cellEnd > start) filled = true;
        if (cellEnd === stop) break;
        start = cellEnd + delimiter.length;
      }
      // The cells written for it are taken back by `oddRow` (a call here would run for the first time then).
      if (!filled || fields !== width || waiting > 0) return pos;
      writer.record(++this.row);
      if (end === input.length) return ~end;
      pos = end + newline.length;
    }
  }

  /**
   * Writes or reports the one row that begins at `pos` (as `record` would). `plainRows` wrote its cells (as many as
   * it has, at most one per column): they are taken back first. Returns as `plainRows` does.
   */
  private oddRow(writer: BatchWriter, input: string, base: number, pos: number): number {
    const newline = this.newline;
    const delimiter = this.delimiter;
    const width = this.keys.length;
    let end = input.indexOf(newline, pos);
    if (end === -1) end = input.length;
    let stop = end;
    if (this.dropCarriageReturn && stop > pos && input.charCodeAt(stop - 1) === 13) stop--;
    const fields = input.slice(pos, stop).split(delimiter);
    writer.rollback(writer.mark - Math.min(fields.length, width));
    const row = ++this.row;
    if (fields.every((f) => f === '')) {
      // Reported only when a record follows: blank lines at the end of a file are no rows.
      this.blankRows.push(row);
    } else {
      this.flushBlankRows();
      if (fields.length === width) {
        for (let i = 0, start = pos; i < width; i++) {
          const cellEnd = start + fields[i]!.length;
          writer.cell(base + start, base + cellEnd);
          start = cellEnd + delimiter.length;
        }
        writer.record(row);
      } else this.fieldCount(row, fields, width);
    }
    return end === input.length ? ~end : end + newline.length;
  }

  /** Text parsed by papaparse (quotes, lost characters, the header), row by row through `record`. */
  private parsed(text: string, final: boolean): void {
    let input = text;
    const result = this.parser!.parse(input, 0, !final) as PapaResult;
    input = final ? '' : input.slice(result.meta.cursor);
    this.open = input;
    const missingQuote = new Set<number>();
    const invalidQuote = new Set<number>();
    for (const error of result.errors) {
      // With ignoreLastRow, errors may point at the unfinished row, which comes back with the next chunk.
      if (error.row === undefined || error.row >= result.data.length) continue;
      (error.code === 'MissingQuotes' ? missingQuote : invalidQuote).add(error.row);
    }
    result.data.forEach((fields, i) => {
      if (this.dropCarriageReturn) {
        const last = fields.length - 1;
        if (fields[last]!.endsWith('\r')) fields[last] = fields[last]!.slice(0, -1);
      }
      this.record(fields, missingQuote.has(i), invalidQuote.has(i));
    });
  }

  private record(fields: string[], missingQuote: boolean, invalidQuote: boolean): void {
    const row = ++this.row;
    if (!this.info) {
      const check = checkHeaders(fields, this.file);
      this.keys = check.keys;
      this.columns = columnTable(check.keys);
      this.setInfo(check.headers, check.issues);
      if (missingQuote) this.unterminated(row);
      return;
    }
    if (this.switchedTo1252 && fields.some((f) => NON_ASCII.test(f))) {
      this.switchedTo1252 = false;
      this.emitIssue({
        code: 'encoding',
        severity: 'info',
        row,
        message: `${this.file} ${rowLabel(row)}: the file was plain ASCII up to here, but this row is not valid UTF-8, so it and the rest are read as Windows-1252; set the encoding if letters look wrong`,
        params: { id: 'issue.encoding.switchedTo1252', file: this.file, row },
      });
    }
    if (missingQuote) {
      // Every line up to the end of the file was read into this one record: count them all as error rows (the
      // file's last line break ends the last row, it does not start another).
      const last = fields.length - 1;
      fields[last] = fields[last]!.replace(/[\r\n]+$/, '');
      const swallowed = this.lineBreaks(fields);
      this.row += swallowed;
      this.unterminated(row, swallowed);
      return;
    }
    if (invalidQuote) {
      // papaparse keeps a badly closed quote ("Team" leider) open until a quote that is followed by a delimiter
      // or line break, swallowing the lines in between. Excel would show those lines as rows of their own, so
      // they are skipped as one error and counted, which keeps the row numbers of later records right.
      const swallowed = this.lineBreaks(fields);
      if (swallowed > 0) {
        this.row += swallowed;
        this.emitIssue({
          code: 'unterminated-quote',
          severity: 'error',
          row,
          rows: Array.from({ length: swallowed + 1 }, (_, i) => row + i),
          message: `${this.file} rows ${row}–${row + swallowed}: a quoted value in row ${row} has text after its closing quote (like "Team" leider), so these rows were read as one value; in the export, quote the whole value with inner quotes doubled ("""Team"" leider") or drop the quotes. The rows are skipped.`,
          params: { id: 'issue.unterminated-quote.swallowed', file: this.file, row, last: row + swallowed },
        });
        return;
      }
    }
    if (fields.every((f) => f === '')) {
      // Reported only when a record follows: blank lines at the end of a file are no rows.
      this.blankRows.push(row);
      return;
    }
    this.flushBlankRows();
    const expected = this.keys.length;
    if (fields.length !== expected) {
      this.fieldCount(row, fields, expected);
      return;
    }
    if (invalidQuote) {
      this.emitIssue({
        code: 'unterminated-quote',
        severity: 'warning',
        row,
        message: `${this.file} ${rowLabel(row)}: a quoted value has a stray quote (") inside it that is not doubled; check the values of this row`,
        params: { id: 'issue.unterminated-quote.stray', file: this.file, row },
      });
    }
    const check = this.mayHaveLostCharacters;
    if (this.writer) {
      for (let i = 0; i < expected; i++) {
        const cell = fields[i]!;
        if (check && cell !== '' && this.keys[i] !== undefined && hasLostCharacters(cell))
          this.lostCharacters(row, i + 1, this.keys[i]!);
        this.writer.cellValue(cell);
      }
      this.writer.record(row);
      return;
    }
    if (this.options.compactRecords) {
      // The fields array becomes the record's cells: an empty cell is null.
      const cells: SourceValue[] = fields;
      for (let i = 0; i < expected; i++) {
        const cell = fields[i]!;
        if (cell === '') cells[i] = null;
        else if (check && this.keys[i] !== undefined && hasLostCharacters(cell))
          this.lostCharacters(row, i + 1, this.keys[i]!);
      }
      this.out.push({ kind: 'record', record: new CsvRecord(row, this.file, cells, this.columns) });
      return;
    }
    // No prototype: a column called "__proto__" or "constructor" is a column like any other.
    const values = Object.create(null) as Record<string, SourceValue>;
    for (let i = 0; i < expected; i++) {
      const key = this.keys[i];
      if (key === undefined) continue;
      const cell = fields[i]!;
      values[key] = cell === '' ? null : cell;
      if (check && cell !== '' && hasLostCharacters(cell)) this.lostCharacters(row, i + 1, key);
    }
    this.out.push({ kind: 'record', record: { row, ref: this.file, values } });
  }

  private lineBreaks(fields: string[]): number {
    const newline = this.dropCarriageReturn ? '\n' : '\r';
    let count = 0;
    for (const field of fields) {
      for (let i = field.indexOf(newline); i !== -1; i = field.indexOf(newline, i + 1)) count++;
    }
    return count;
  }

  private fieldCount(row: number, fields: string[], expected: number): void {
    const actual = fields.length;
    const first = fields[0] ? ` (it starts with "${fields[0].slice(0, 40)}")` : '';
    const start = fields[0] ? fields[0].slice(0, 40) : 'none';
    const d = quoteDelimiter(this.delimiter);
    if (actual > expected) {
      const suspect = this.splitValue(fields, expected);
      const where = suspect
        ? `the value "${suspect.value}" in ${columnName(suspect.column)} "${suspect.header}" probably contains an unquoted ${d}`
        : `a value probably contains an unquoted ${d} (for example "Afdeling${this.delimiter === '\t' ? ' ' : this.delimiter} Zorg")`;
      this.emitIssue({
        code: 'long-row',
        severity: 'error',
        row,
        ...(suspect ? { field: suspect.header } : {}),
        message: `${this.file} ${rowLabel(row)}: ${actual} fields where the header has ${expected}${first}; ${where} — put that value in quotes in the export. The row is skipped.`,
        params: {
          id: 'issue.long-row.text',
          file: this.file,
          row,
          actual,
          expected,
          start,
          delimiter: d,
          ...(suspect
            ? {
                suspect: 'yes',
                value: suspect.value,
                column: suspect.column,
                letter: columnLetter(suspect.column),
                header: suspect.header,
              }
            : { suspect: 'no', example: `Afdeling${this.delimiter === '\t' ? ' ' : this.delimiter} Zorg` }),
        },
      });
    } else {
      this.emitIssue({
        code: 'short-row',
        severity: 'error',
        row,
        message: `${this.file} ${rowLabel(row)}: ${actual} ${actual === 1 ? 'field' : 'fields'} where the header has ${expected}${first}; the row is cut short — a value may hold an unquoted line break, or ${d} delimiters are missing. The row is skipped.`,
        params: { id: 'issue.short-row.text', file: this.file, row, actual, expected, start, delimiter: d },
      });
    }
  }

  /**
   * For a row with too many fields, the one place where a value was split by its own delimiter, recognised by
   * the space people type after it ("Zorg; Welzijn"): only when exactly one place fits.
   */
  private splitValue(
    fields: string[],
    expected: number,
  ): { column: number; header: string; value: string } | undefined {
    const extra = fields.length - expected;
    let found: { column: number; header: string; value: string } | undefined;
    for (let i = 0; i < expected; i++) {
      const parts = fields.slice(i, i + extra + 1);
      if (parts[0] === '' || !parts.slice(1).every((p) => p.startsWith(' ') && p.trim() !== '')) continue;
      if (found) return undefined;
      const header = this.keys[i];
      if (header === undefined) return undefined;
      found = { column: i + 1, header, value: parts.join(this.delimiter).slice(0, 60) };
    }
    return found;
  }

  private flushBlankRows(): void {
    if (this.blankRows.length === 0) return;
    for (const row of this.blankRows) {
      this.emitIssue({
        code: 'empty-row',
        severity: 'info',
        row,
        message: `${this.file} ${rowLabel(row)} is empty; skipped`,
        params: { id: 'issue.empty-row.text', file: this.file, row },
      });
    }
    this.blankRows = [];
  }

  private unterminated(row: number, swallowed = 0): void {
    this.emitIssue({
      code: 'unterminated-quote',
      severity: 'error',
      row,
      ...(swallowed > 0 ? { rows: Array.from({ length: swallowed + 1 }, (_, i) => row + i) } : {}),
      message: `${this.file} ${rowLabel(row)}: a value opens a quote (") that is never closed, so everything from row ${row} to the end of the file reads as one value; close or remove that quote in the export`,
      params: { id: 'issue.unterminated-quote.open', file: this.file, row },
    });
  }

  private lostCharacters(row: number, column: number, field: string): void {
    this.encodingWarnings++;
    if (this.encodingWarnings > MAX_ENCODING_WARNINGS) return;
    this.emitIssue({
      code: 'encoding',
      severity: 'warning',
      row,
      field,
      message: `${this.file} ${rowLabel(row)}, ${columnName(column)} "${field}": characters lost in a bad encoding; re-export as UTF-8 or set the encoding (now ${this.encoding?.encoding ?? 'unknown'}, ${this.encoding?.reason ?? ''})`,
      params: {
        id: 'issue.encoding.lost',
        file: this.file,
        row,
        column,
        letter: columnLetter(column),
        field,
        encoding: this.encoding?.encoding ?? '?',
      },
    });
  }

  private setInfo(headers: string[], headerIssues: Issue[]): void {
    this.info = {
      file: this.file,
      encoding: this.encoding?.encoding ?? 'utf-8',
      encodingReason: this.encoding?.reason ?? 'valid UTF-8',
      delimiter: this.delimiter,
      headers,
      issues: [...(this.encoding?.issues ?? []), ...headerIssues],
    };
  }

  private emitIssue(issue: Issue): void {
    if (this.writer) this.writer.issue(issue);
    else this.out.push({ kind: 'issue', issue });
  }
}

/** Files consultants pick by mistake, recognised by their first bytes, with what to do instead. */
/** What kind of file it is when it is no text at all: a workbook, a PDF, an image, an archive (`source.notCsv`). */
function notCsv(bytes: Uint8Array): string | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  const kinds: [number[], string][] = [
    [[0x50, 0x4b, 0x03, 0x04], 'xlsx'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    [[0x89, 0x50, 0x4e, 0x47], 'png'],
    [[0xff, 0xd8, 0xff], 'jpeg'],
    [[0x47, 0x49, 0x46, 0x38], 'gif'],
    [[0x1f, 0x8b], 'gzip'],
    [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
    [[0x52, 0x61, 0x72, 0x21], 'rar'],
  ];
  return kinds.find(([magic]) => starts(...magic))?.[1];
}

/**
 * Text (in any encoding we read, UTF-16 aside) has no NUL and hardly any other control bytes; a file that does
 * is some binary format we do not name.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control > n / 100;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
