import iconv from 'iconv-lite';
import type { Issue } from '../../../shared/issues';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvEncodingOption = 'auto' | CsvEncoding;

/** How much of the file is checked for strict UTF-8 before deciding on an encoding. */
export const ENCODING_PREFIX_BYTES = 1024 * 1024;

export interface EncodingChoice {
  encoding: CsvEncoding;
  reason: string;
  issues: Issue[];
  /** Auto-detected UTF-8 from a prefix without any byte above 0x7F: later bytes may still say Windows-1252. */
  asciiPrefix?: boolean;
}

function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! > 0x7f) return i;
  return -1;
}

/**
 * True when the bytes from `at` to the end are the start of one UTF-8 character cut off by the end of the
 * buffer (a lead byte and fewer continuation bytes than it announces). Such a tail proves nothing either way:
 * Windows-1252 "é" (0xE9) is also a UTF-8 lead byte, so the decision has to wait for the next bytes.
 */
function cutOffCharacter(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (length === 0 || bytes.length - at >= length) return false;
  for (let i = at + 1; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) return false;
  return true;
}

type Bom = { encoding: CsvEncoding; length: number };

function byteOrderMark(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Some HR tools write UTF-16 without a byte-order mark. Text in a Latin script then has a zero byte in every
 * other position (which strict UTF-8 would accept), so a lopsided zero count is a reliable sign.
 */
export function zeroBytePattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/**
 * Decides how to decode a file from its first bytes: the consultant's choice wins, then a byte-order mark,
 * then strict UTF-8 over the prefix (an incomplete character cut off at the end of the prefix is fine), else
 * Windows-1252 — what Excel's "CSV (semicolon separated)" writes on a Dutch Windows machine.
 */
export function chooseEncoding(
  prefix: Uint8Array,
  complete: boolean,
  option: CsvEncodingOption | undefined,
  file: string,
): EncodingChoice {
  const bom = byteOrderMark(prefix);
  if (option && option !== 'auto') {
    const issues: Issue[] = [];
    if (bom && bom.encoding !== option) {
      issues.push({
        code: 'encoding',
        severity: 'warning',
        message: `${file}: the encoding is set to ${LABELS[option]}, but the file starts with a ${LABELS[bom.encoding]} byte-order mark; letters may come out wrong — set the encoding to "auto" or ${LABELS[bom.encoding]}`,
        params: { id: 'issue.encoding.bomMismatch', file, chosen: LABELS[option], bom: LABELS[bom.encoding] },
      });
    }
    return { encoding: option, reason: 'set by you', issues };
  }
  if (bom) return { encoding: bom.encoding, reason: 'byte-order mark', issues: [] };
  const utf16 = zeroBytePattern(prefix);
  if (utf16) {
    return {
      encoding: utf16,
      reason: `no byte-order mark, but every other byte is zero: read as ${LABELS[utf16]}`,
      issues: [],
    };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: !complete });
    const at = firstNonAscii(prefix);
    if (at === -1 || (!complete && cutOffCharacter(prefix, at))) {
      return { encoding: 'utf-8', reason: 'valid UTF-8 (plain ASCII so far)', issues: [], asciiPrefix: true };
    }
    return { encoding: 'utf-8', reason: 'valid UTF-8', issues: [] };
  } catch {
    return { encoding: 'windows-1252', reason: 'not valid UTF-8: read as Windows-1252', issues: [] };
  }
}

/** An incremental decoder: `write` may be called with chunks that split a character; `end` flushes. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
  /**
   * True when the text of the last `write` was checked while decoding and shows no sign of lost characters
   * (`hasLostCharacters` false), so the reader need not scan it again.
   */
  readonly clean?: boolean;
}

/**
 * UTF-8 goes through the platform TextDecoder (non-fatal: an invalid byte after the checked prefix becomes
 * U+FFFD, which the row check reports as an `encoding` warning instead of failing the whole file); the other
 * encodings go through iconv-lite's streaming decoder. Byte-order marks are dropped by both.
 */
export function createChunkDecoder(encoding: CsvEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8');
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  if (encoding === 'windows-1252') return windows1252Decoder();
  const decoder = iconv.getDecoder(encoding);
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * For a file whose first MiB is plain ASCII: stays ASCII-fast until the first byte above 0x7F, then decides once
 * for the rest of the file. Valid UTF-8 there → UTF-8; not valid → Windows-1252 (`onWindows1252` is told). Both
 * read ASCII the same, so nothing decoded before the switch changes.
 */
export function createAsciiPrefixDecoder(onWindows1252: () => void): ChunkDecoder {
  let decided: ChunkDecoder | undefined;
  // The first non-ASCII bytes when they were cut off at the end of a chunk: decided with the next chunk.
  let held: Uint8Array | undefined;
  const ascii = (bytes: Uint8Array) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const decide = (bytes: Uint8Array, at: number, final: boolean) => {
    try {
      // Bytes before `at` are ASCII, so `at` is a character boundary.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at), { stream: !final });
      decided = createChunkDecoder('utf-8');
    } catch {
      decided = createChunkDecoder('windows-1252');
      onWindows1252();
    }
  };
  return {
    get clean() {
      return decided?.clean === true;
    },
    write: (chunk) => {
      if (decided) return decided.write(chunk);
      let bytes = chunk;
      if (held) {
        bytes = new Uint8Array(held.length + chunk.length);
        bytes.set(held);
        bytes.set(chunk, held.length);
        held = undefined;
      }
      const at = firstNonAscii(bytes);
      if (at === -1) return ascii(bytes);
      if (cutOffCharacter(bytes, at)) {
        // A copy: `bytes` may be a Buffer (whose slice shares its memory) that the reader fills again next.
        held = Uint8Array.prototype.slice.call(bytes, at);
        return ascii(bytes.subarray(0, at));
      }
      decide(bytes, at, false);
      return decided!.write(bytes);
    },
    end: () => {
      if (held && !decided) {
        const rest = held;
        held = undefined;
        decide(rest, 0, true);
        return decided!.write(rest) + decided!.end();
      }
      return decided?.end() ?? '';
    },
  };
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F; the table comes from iconv-lite so both agree. */
const CP1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252');
const LATIN1_C1 = /[\u0080-\u009F]/gu;

/**
 * Windows-1252 is one byte per character, so chunks can be decoded independently. Node's Latin-1 conversion
 * plus a fix-up of the 32 bytes where the two differ is several times faster than iconv-lite's table decoder,
 * which matters for a 1M-row export. (Node's own TextDecoder('windows-1252') decodes as Latin-1: "€" would come
 * out as U+0080.) The fix-up is needed only where Latin-1 gave a C1 character, which is also a sign of lost
 * characters: one scan for those signs tells both, and a chunk without them (nearly every one) is `clean`.
 */
function windows1252Decoder(): ChunkDecoder {
  let clean = false;
  return {
    get clean() {
      return clean;
    },
    write: (bytes) => {
      const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      clean = !hasLostCharacters(latin1);
      return clean ? latin1 : latin1.replace(LATIN1_C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
    },
    end: () => '',
  };
}

/**
 * Signs that characters were lost before or while reading: U+FFFD, C1 control characters (bytes that are
 * undefined in Windows-1252, or Latin-1 read as such), and the typical mojibake of UTF-8 read as Windows-1252
 * ("JosÃ©", "Ã«", "Ã¼", "â€™", "Ä²" for Ĳ).
 */
const LOST_CHARACTERS = /[\u0080-\u009F\uFFFD]|[ÂÃÄÅ][\u00A0-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€/u;

/** True when a cell (or a text) shows characters lost in a bad encoding. */
export function hasLostCharacters(value: string): boolean {
  // NUL: UTF-16 read as a one-byte encoding (only when the consultant forces one; detection would not). A separate
  // search: in the character class it makes the scan for the others about half as fast.
  return LOST_CHARACTERS.test(value) || value.includes('\u0000');
}
