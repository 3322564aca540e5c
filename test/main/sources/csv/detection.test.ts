import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkHeaders, columnLetter } from '../../../../src/main/sources/csv/columns';
import { detectDelimiter, detectNewline } from '../../../../src/main/sources/csv/delimiter';
import {
  chooseEncoding,
  createChunkDecoder,
  hasLostCharacters,
} from '../../../../src/main/sources/csv/encoding';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('chooseEncoding', () => {
  it.each([
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x4e), 'utf-8', 'byte-order mark'],
    ['UTF-16LE BOM', bytes(0xff, 0xfe, 0x4e, 0), 'utf-16le', 'byte-order mark'],
    ['UTF-16BE BOM', bytes(0xfe, 0xff, 0, 0x4e), 'utf-16be', 'byte-order mark'],

    ['UTF-8 "Zoë"', utf8('Naam\r\nZoë\r\n'), 'utf-8', 'valid UTF-8'],
    [
      'Windows-1252 "Zoë" (EB)',
      bytes(0x5a, 0x6f, 0xeb, 0x0d, 0x0a),
      'windows-1252',
      'not valid UTF-8: read as Windows-1252',
    ],
    [
      'lone continuation byte',
      bytes(0x41, 0x80, 0x41),
      'windows-1252',
      'not valid UTF-8: read as Windows-1252',
    ],
  ])('%s → %s', (_name, prefix, encoding, reason) => {
    expect(chooseEncoding(prefix, true, 'auto', 'hr.csv')).toEqual({ encoding, reason, issues: [] });
  });

  it('plain ASCII is read as UTF-8 until a later byte says otherwise', () => {
    expect(chooseEncoding(utf8('Nr;Naam\r\n1;Jan\r\n'), true, 'auto', 'hr.csv')).toEqual({
      encoding: 'utf-8',
      reason: 'valid UTF-8 (plain ASCII so far)',
      issues: [],
      asciiPrefix: true,
    });
  });

  it('UTF-16 without a byte-order mark is recognised by its zero bytes', () => {
    const text = 'Personeelsnummer\tAchternaam\r\n1001\tMüller\r\n';
    expect(chooseEncoding(Buffer.from(text, 'utf16le'), true, 'auto', 'hr.txt')).toEqual({
      encoding: 'utf-16le',
      reason: 'no byte-order mark, but every other byte is zero: read as UTF-16LE',
      issues: [],
    });
    expect(chooseEncoding(iconv.encode(text, 'utf-16be'), true, 'auto', 'hr.txt').encoding).toBe('utf-16be');
    // a stray NUL in a UTF-8 file is not enough
    expect(chooseEncoding(utf8('Nr;Naam\r\n1;Jan\0\r\n'), true, 'auto', 'hr.csv').encoding).toBe('utf-8');
  });

  it('a multi-byte character cut off at the end of the prefix is not a reason to fall back', () => {
    const zoe = utf8('Naam\r\nZoë');
    const cut = zoe.subarray(0, zoe.length - 1); // ends in the middle of "ë"
    expect(chooseEncoding(cut, false, 'auto', 'hr.csv').encoding).toBe('utf-8');
    // ...but at the real end of the file it is
    expect(chooseEncoding(cut, true, 'auto', 'hr.csv').encoding).toBe('windows-1252');
  });

  it('the consultant wins, with a warning when a byte-order mark disagrees', () => {
    expect(chooseEncoding(utf8('Zoë'), true, 'windows-1252', 'hr.csv')).toEqual({
      encoding: 'windows-1252',
      reason: 'set by you',
      issues: [],
    });
    const conflict = chooseEncoding(bytes(0xff, 0xfe, 0x41, 0), true, 'utf-8', 'hr.csv');
    expect(conflict.encoding).toBe('utf-8');
    expect(conflict.issues).toEqual([expect.objectContaining({ code: 'encoding', severity: 'warning' })]);
    expect(conflict.issues[0]!.message).toContain('hr.csv');
    expect(conflict.issues[0]!.message).toContain('UTF-16LE');
  });
});

describe('hasLostCharacters', () => {
  it.each([
    ['JosÃ©', true],
    ['NoÃ«l', true],
    ['MÃ¼ller', true],
    ['Oâ€™Brien', true],
    ['Ä²sselmuiden', true],
    ['Jos\uFFFD', true],
    ['Jos\u0082', true],
    ['J\u0000o\u0000s\u0000', true],
    ['José', false],
    ['Noël', false],
    ['Müller', false],
    ['Ĳsselmuiden', false],
    ["O'Brien", false],
    ['Çelik', false],
    ['Özdemir', false],
    ['Jørgensen', false],
    ['Ångström', false],
    ['van der Berg', false],
  ])('%s → %s', (value, lost) => {
    expect(hasLostCharacters(value)).toBe(lost);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['semicolon', 'Nr;Naam;Afdeling\r\n1;Jan;HR\r\n', ';'],
    ['comma', 'Nr,Naam,Afdeling\n1,Jan,HR\n', ','],
    ['tab', 'Nr\tNaam\tAfdeling\n1\tJan\tHR\n', '\t'],
    ['pipe', 'Nr|Naam\n1|Jan\n', '|'],
    ['commas inside quoted values do not count', 'Nr;Naam\n1;"Jansen, P., dr."\n2;"Bakker, J."\n', ';'],
    ['commas in unquoted values: the header decides', 'Nr;Naam;Plaats\n1;Jansen, P.;Utrecht\n', ';'],
    ['a header without any candidate is one column', 'Personeelsnummer\n1001\n', ';'],
    ['consistency beats count', 'Nr;Naam;Functie, rol, taak, extra\n1;Jan;HR\n2;Piet;ICT\n', ';'],
    ['a tie in consistency goes to more columns', 'a,b,c;d\n1,2,3;4\n5,6,7;8\n', ','],
    ['a quoted header cell with a line break', '"Nr\nintern";Naam\n1;Jan\n', ';'],
  ])('%s', (_name, text, delimiter) => {
    expect(detectDelimiter(text, true)).toBe(delimiter);
  });
});

describe('detectNewline', () => {
  it.each([
    ['a;b\r\n1;2\r\n', '\r\n'],
    ['a;b\n1;2\n', '\n'],
    ['a;b\r1;2\r', '\r'],
    ['"a\nb";c\r\n1;2\r\n', '\r\n'],
    ['a;b', '\r\n'],
  ])('%j → %j', (text, newline) => {
    expect(detectNewline(text)).toBe(newline);
  });
});

describe('columns', () => {
  it.each([
    [1, 'A'],
    [3, 'C'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });

  it('three columns with the same name: each extra one names the first', () => {
    const check = checkHeaders(['Afdeling', ' Afdeling ', 'Naam', 'Afdeling'], 'hr.csv');
    expect(check.headers).toEqual(['Afdeling', 'Afdeling', 'Naam', 'Afdeling']);
    expect(check.keys).toEqual(['Afdeling', undefined, 'Naam', undefined]);
    expect(check.issues.map((i) => i.message)).toEqual([
      'hr.csv: column A (1) and column B (2) are both called "Afdeling"; rename one of them in the export (the values of column B (2) are ignored until then)',
      'hr.csv: column A (1) and column D (4) are both called "Afdeling"; rename one of them in the export (the values of column D (4) are ignored until then)',
    ]);
  });

  it('names differing only in case are different columns', () => {
    expect(checkHeaders(['E-mailadres', 'e-mailadres'], 'hr.csv').issues).toEqual([]);
  });

  it('whitespace-only header cells count as empty', () => {
    const check = checkHeaders(['Nr', '  ', 'Naam', '', ' '], 'hr.csv');
    expect(check.keys).toEqual(['Nr', undefined, 'Naam', undefined, undefined]);
    expect(check.issues.map((i) => [i.code, i.severity])).toEqual([
      ['empty-header', 'error'],
      ['empty-header', 'warning'],
      ['empty-header', 'warning'],
    ]);
  });
});

describe('createChunkDecoder', () => {
  it('decodes every Windows-1252 byte exactly as iconv-lite does (€, ‚, ƒ, „ … Ÿ; undefined bytes as U+FFFD)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const decoder = createChunkDecoder('windows-1252');
    expect(decoder.write(all) + decoder.end()).toBe(iconv.decode(Buffer.from(all), 'windows-1252'));
    expect(createChunkDecoder('windows-1252').write(Uint8Array.of(0x80, 0x93, 0x94, 0xeb))).toBe('€“”ë');
  });

  it('UTF-16LE split in the middle of a code unit and of a surrogate pair', () => {
    const bytes = Uint8Array.from(Buffer.from('Zoë 😀 Ĳ', 'utf16le'));
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = createChunkDecoder('utf-16le');
      expect(decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) + decoder.end()).toBe(
        'Zoë 😀 Ĳ',
      );
    }
  });
});
