import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsvBuffer, type CsvOptions } from '../../../../src/main/sources/csv/read-csv';
import {
  generateHrExport,
  HR_HEADERS_EN,
  HR_HEADERS_NL,
  type HrExportOptions,
} from '../../../fixtures/hr-export';
import { alteredRows, expectedValues, split } from './truth';

const enc = (text: string, encoding = 'windows-1252') => new Uint8Array(iconv.encode(text, encoding));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseCsvBuffer on generated Dutch HR exports', () => {
  const variants: {
    name: string;
    export: Omit<HrExportOptions, 'rows'>;
    encoding: string;
    encodingReason: string;
    delimiter: string;
  }[] = [
    {
      name: 'Excel NL: Windows-1252, ";", CRLF',
      export: { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' },
      encoding: 'windows-1252',
      encodingReason: 'not valid UTF-8: read as Windows-1252',
      delimiter: ';',
    },
    {
      name: 'UTF-8 with BOM, ",", LF, English headers',
      export: { encoding: 'utf-8-bom', delimiter: ',', lineEnding: '\n', headers: 'en' },
      encoding: 'utf-8',
      encodingReason: 'byte-order mark',
      delimiter: ',',
    },
    {
      name: 'UTF-8 without BOM, ";", LF',
      export: { encoding: 'utf-8', delimiter: ';', lineEnding: '\n' },
      encoding: 'utf-8',
      encodingReason: 'valid UTF-8',
      delimiter: ';',
    },
    {
      name: 'Excel "Unicode text": UTF-16LE with BOM, tab, CRLF',
      export: { encoding: 'utf-16le', delimiter: '\t', lineEnding: '\r\n' },
      encoding: 'utf-16le',
      encodingReason: 'byte-order mark',
      delimiter: '\t',
    },
    {
      name: 'tab-separated Windows-1252',
      export: { encoding: 'windows-1252', delimiter: '\t', lineEnding: '\r\n', headers: 'en' },
      encoding: 'windows-1252',
      encodingReason: 'not valid UTF-8: read as Windows-1252',
      delimiter: '\t',
    },
  ];

  for (const v of variants) {
    describe(v.name, () => {
      const fixture = generateHrExport({ rows: 120, seed: 7, defects: true, ...v.export });
      const headers = v.export.headers ?? 'nl';
      // A chunk size that splits lines, multi-byte characters and UTF-16 code units.
      for (const chunkBytes of [undefined, 3, 61]) {
        it(`detects the format and returns every clean row exactly (chunks of ${chunkBytes ?? '64 KiB'})`, () => {
          const { info, events } = parseCsvBuffer(fixture.bytes, { fileLabel: 'hr.csv', chunkBytes });
          expect(info).toMatchObject({
            file: 'hr.csv',
            encoding: v.encoding,
            encodingReason: v.encodingReason,
            delimiter: v.delimiter,
            headers: [...(headers === 'en' ? HR_HEADERS_EN : HR_HEADERS_NL)],
            issues: [],
          });
          const { records } = split(events);
          const altered = alteredRows(fixture.defects);
          let compared = 0;
          for (const record of records) {
            expect(record.ref).toBe('hr.csv');
            if (altered.has(record.row)) continue;
            expect(record.values).toEqual(expectedValues(fixture.people[record.row - 2]!, headers));
            compared++;
          }
          // every row except the short and long row comes out as a record
          expect(records).toHaveLength(fixture.rows - 2);
          expect(compared).toBe(fixture.rows - altered.size);
        });
      }

      it('reads a file larger than the 1 MiB detection prefix in odd-sized chunks, every row exact', () => {
        const big = generateHrExport({ rows: 9000, seed: 99, defects: true, ...v.export });
        expect(big.bytes.length).toBeGreaterThan(1024 * 1024);
        const { info, events } = parseCsvBuffer(big.bytes, { chunkBytes: 4093 });
        expect(info.encoding).toBe(v.encoding);
        const { records, issues } = split(events);
        const altered = alteredRows(big.defects);
        expect(records).toHaveLength(big.rows - 2);
        const clean = records.filter((r) => !altered.has(r.row));
        expect(clean.length).toBe(big.rows - altered.size);
        // one comparison for the whole file keeps this fast
        expect(JSON.stringify(clean.map((r) => r.values))).toBe(
          JSON.stringify(clean.map((r) => expectedValues(big.people[r.row - 2]!, headers))),
        );
        expect(issues.map((i) => i.row)).toEqual(
          big.defects.filter((d) => ['short-row', 'long-row', 'encoding'].includes(d.kind)).map((d) => d.row),
        );
      });

      it('reports the planted layout defects on their exact rows, and nothing else', () => {
        const { events } = parseCsvBuffer(fixture.bytes, { fileLabel: 'hr.csv' });
        const { issues } = split(events);
        const readerKinds = ['short-row', 'long-row', 'encoding'];
        const expected = fixture.defects
          .filter((d) => readerKinds.includes(d.kind))
          .map((d) => ({ code: d.kind, row: d.row }));
        expect(issues.map((i) => ({ code: i.code, row: i.row }))).toEqual(expected);
        const longRow = fixture.defects.find((d) => d.kind === 'long-row')!;
        expect(issues.find((i) => i.code === 'long-row')!.field).toBe(longRow.field);
      });

      it('keeps multi-line cells, doubled quotes and quoted delimiters, and later row numbers right', () => {
        const { events } = parseCsvBuffer(fixture.bytes);
        const { records } = split(events);
        const byRow = new Map(records.map((r) => [r.row, r]));
        const jobTitle = headers === 'en' ? 'Job title' : 'Functie';
        const department = headers === 'en' ? 'Department' : 'Afdeling';
        const multi = fixture.defects.find((d) => d.kind === 'multi-line')!;
        expect(byRow.get(multi.row)?.values[jobTitle]).toBe('Teamleider\nWijkteam Noord');
        // the record after the two-line cell is still the next spreadsheet row
        expect(byRow.get(multi.row + 1)?.values[headers === 'en' ? 'Employee ID' : 'Personeelsnummer']).toBe(
          fixture.people[multi.row - 1]!.employeeId,
        );
        const quotes = fixture.defects.find((d) => d.kind === 'doubled-quotes')!;
        expect(byRow.get(quotes.row)?.values[jobTitle]).toBe('Coördinator "Samen Sterk"');
        const delimited = fixture.defects.find((d) => d.kind === 'quoted-delimiter')!;
        expect(byRow.get(delimited.row)?.values[department]).toBe(`Zorg${v.delimiter} Welzijn en Jeugd`);
        // trailing blank lines produce neither records nor issues
        expect(records.at(-1)?.row).toBe(fixture.rows + 1);
      });
    });
  }

  it('keeps the data-quality defects for the engine: values come through as written', () => {
    const fixture = generateHrExport({ rows: 60, seed: 3, defects: true });
    const { records } = split(parseCsvBuffer(fixture.bytes).events);
    const byRow = new Map(records.map((r) => [r.row, r.values]));
    const emptyKey = fixture.defects.find((d) => d.kind === 'empty-key')!;
    expect(byRow.get(emptyKey.row)?.Personeelsnummer).toBeNull();
    const dup = fixture.defects.find((d) => d.kind === 'duplicate-key')!;
    expect(dup.rows!.map((r) => byRow.get(r)?.Personeelsnummer)).toEqual([dup.key, dup.key]);
    const date = fixture.defects.find((d) => d.kind === 'invalid-date')!;
    expect(byRow.get(date.row)?.['Datum uit dienst']).toBe('31-02-2024');
    const dupEmail = fixture.defects.find((d) => d.kind === 'duplicate-email')!;
    const [a, b] = dupEmail.rows!.map((r) => byRow.get(r)?.['E-mailadres'] as string);
    expect(b).not.toBe(a);
    expect(b!.trim().toLowerCase()).toBe(a);
    const noName = fixture.defects.find((d) => d.kind === 'missing-required' && d.field === 'Achternaam')!;
    expect(byRow.get(noName.row)?.Achternaam).toBeNull();
  });
});

describe('overrides win over detection', () => {
  const fixture = generateHrExport({ rows: 40, seed: 11, encoding: 'windows-1252' });

  it('reading a Windows-1252 file as UTF-8 (set by you) reports the lost characters per cell', () => {
    const { info, events } = parseCsvBuffer(fixture.bytes, { encoding: 'utf-8', fileLabel: 'hr.csv' });
    expect(info.encoding).toBe('utf-8');
    expect(info.encodingReason).toBe('set by you');
    const { records, issues } = split(events);
    const zoe = records.find((r) => r.row === 3)!; // row 3 always carries a diacritic
    expect(String(zoe.values.Voornaam)).toContain('\uFFFD');
    const warning = issues.find((i) => i.row === 3 && i.field === 'Voornaam');
    expect(warning).toMatchObject({ code: 'encoding', severity: 'warning' });
    expect(warning!.message).toContain('hr.csv row 3, column C (3) "Voornaam"');
    expect(warning!.message).toContain('re-export as UTF-8 or set the encoding');
  });

  it('a UTF-8 file forced to Windows-1252 shows mojibake and says so', () => {
    const utf = generateHrExport({ rows: 40, seed: 11, encoding: 'utf-8' });
    const { info, events } = parseCsvBuffer(utf.bytes, { encoding: 'windows-1252' });
    expect(info.encodingReason).toBe('set by you');
    const { records, issues } = split(events);
    expect(records.find((r) => r.row === 3)!.values.Voornaam).toBe(
      iconv.decode(Buffer.from(utf.people[1]!.firstName, 'utf8'), 'windows-1252'),
    );
    expect(issues.some((i) => i.code === 'encoding' && i.row === 3)).toBe(true);
  });

  it('a forced encoding that contradicts the byte-order mark is a file-level warning', () => {
    const bom = generateHrExport({ rows: 30, encoding: 'utf-8-bom' });
    const { info } = parseCsvBuffer(bom.bytes, { encoding: 'windows-1252' });
    expect(info.issues).toEqual([expect.objectContaining({ code: 'encoding', severity: 'warning' })]);
    // the BOM remnant "ï»¿" does not end up in the first header
    expect(info.headers[0]).toBe('Personeelsnummer');
  });

  it('UTF-16LE forced to Windows-1252 warns on the cells instead of passing NUL characters on silently', () => {
    const utf16 = generateHrExport({ rows: 30, seed: 2, encoding: 'utf-16le', delimiter: '\t' });
    const { events } = parseCsvBuffer(utf16.bytes, { encoding: 'windows-1252', delimiter: '\t' });
    const { records, issues } = split(events);
    expect(records.length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.code === 'encoding').length).toBeGreaterThan(records.length);
  });

  it('a forced delimiter wins: a ";" file read with "," is one column per line', () => {
    const { info, events } = parseCsvBuffer(fixture.bytes, { delimiter: ',' });
    expect(info.delimiter).toBe(',');
    expect(info.headers).toEqual([HR_HEADERS_NL.join(';')]);
    // the job title "Adviseur, Ruimte en Wonen" now splits the line: reported, not shifted
    const { issues } = split(events);
    expect(issues.every((i) => i.code === 'long-row')).toBe(true);
  });
});

describe('detection details', () => {
  it('UTF-8 whose first MiB is valid but a later byte is not: a row warning, not a crash', () => {
    const big = generateHrExport({ rows: 9000, seed: 5, encoding: 'utf-8', lineEnding: '\n' });
    expect(big.bytes.length).toBeGreaterThan(1024 * 1024);
    const tail = enc('999999;J.;Jos\u00e9;;;Bakker;jose@x.nl;;;;;;;;;;Actief\n');
    const bytes = new Uint8Array([...big.bytes, ...tail]);
    const { info, events } = parseCsvBuffer(bytes);
    expect(info).toMatchObject({ encoding: 'utf-8', encodingReason: 'valid UTF-8' });
    const { records, issues } = split(events);
    const last = records.at(-1)!;
    expect(last.row).toBe(big.rows + 2);
    expect(last.values.Voornaam).toBe('Jos\uFFFD');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'encoding', row: big.rows + 2, field: 'Voornaam' }),
    ]);
  });

  it('a file that is plain ASCII for its first MiB and Windows-1252 later is read as Windows-1252 from there', () => {
    const ascii = Array.from({ length: 50_000 }, (_, i) => `${100000 + i};Jansen;Bakker`).join('\r\n');
    const bytes = enc(`Nr;Achternaam;Functie\r\n${ascii}\r\n200000;Zoë Müller;Coördinator\r\n`);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const { info, events } = parseCsvBuffer(bytes, { chunkBytes: 4096 });
    expect(info).toMatchObject({ encoding: 'utf-8', encodingReason: 'valid UTF-8 (plain ASCII so far)' });
    const { records, issues } = split(events);
    expect(records).toHaveLength(50_001);
    expect(records.at(-1)!.values).toEqual({
      Nr: '200000',
      Achternaam: 'Zoë Müller',
      Functie: 'Coördinator',
    });
    expect(issues).toEqual([expect.objectContaining({ code: 'encoding', severity: 'info' })]);
    expect(issues[0]!.row).toBe(50_002);
    expect(issues[0]!.message).toContain('read as Windows-1252');
  });

  it('plain ASCII first, valid UTF-8 later stays UTF-8 without an issue', () => {
    const ascii = Array.from({ length: 40_000 }, (_, i) => `${100000 + i};Jansen`).join('\n');
    const { events } = parseCsvBuffer(utf8(`Nr;Achternaam\n${ascii}\n200000;Ĳsselmuiden\n`), {
      chunkBytes: 5,
    });
    const { records, issues } = split(events);
    expect(issues).toEqual([]);
    expect(records.at(-1)!.values.Achternaam).toBe('Ĳsselmuiden');
  });

  it('a multi-byte character split over two reads is decoded whole', () => {
    const text = 'Naam;Plaats\r\nZoë;Ĳsselmuiden\r\nAnaïs;Den Haag\r\n';
    for (let chunkBytes = 1; chunkBytes < 8; chunkBytes++) {
      const { info, events } = parseCsvBuffer(utf8(text), { chunkBytes });
      expect(info.encoding).toBe('utf-8');
      expect(split(events).records.map((r) => r.values)).toEqual([
        { Naam: 'Zoë', Plaats: 'Ĳsselmuiden' },
        { Naam: 'Anaïs', Plaats: 'Den Haag' },
      ]);
    }
  });

  it('UTF-16BE with a byte-order mark', () => {
    const bytes = new Uint8Array([
      0xfe,
      0xff,
      ...iconv.encode('Naam\tAfdeling\r\nMüller\tFinanciën\r\n', 'utf-16be'),
    ]);
    const { info, events } = parseCsvBuffer(bytes);
    expect(info).toMatchObject({ encoding: 'utf-16be', encodingReason: 'byte-order mark', delimiter: '\t' });
    expect(split(events).records[0]!.values).toEqual({ Naam: 'Müller', Afdeling: 'Financiën' });
  });

  it('picks ";" over "," when the commas are in the values', () => {
    const text = 'Naam;Functie;Afdeling\r\n"Jansen, P.";Adviseur, Ruimte;Zorg\r\nBakker, J.;HR;ICT\r\n';
    const { info, events } = parseCsvBuffer(enc(text));
    expect(info.delimiter).toBe(';');
    expect(split(events).records.map((r) => r.values.Naam)).toEqual(['Jansen, P.', 'Bakker, J.']);
  });

  it('honours Excel\'s "sep=" first line and does not count it as a row', () => {
    const { info, events } = parseCsvBuffer(enc('sep=,\r\nNr,Naam;Afdeling\r\n1,Jan;HR\r\n'));
    expect(info).toMatchObject({ delimiter: ',', headers: ['Nr', 'Naam;Afdeling'] });
    expect(split(events).records).toEqual([
      expect.objectContaining({ row: 2, values: { Nr: '1', 'Naam;Afdeling': 'Jan;HR' } }),
    ]);
    // the consultant's choice still wins
    expect(parseCsvBuffer(enc('SEP=,\nNr;Naam\n1;Jan\n'), { delimiter: ';' }).info.headers).toEqual([
      'Nr',
      'Naam',
    ]);
  });

  it('a "|" separated export', () => {
    const { info, events } = parseCsvBuffer(enc('Personeelsnummer|Achternaam\n1001|van der Berg\n'));
    expect(info.delimiter).toBe('|');
    expect(split(events).records[0]!.values).toEqual({
      Personeelsnummer: '1001',
      Achternaam: 'van der Berg',
    });
  });
});

describe('cells and rows', () => {
  const parse = (text: string, options: CsvOptions = {}) => {
    const { info, events } = parseCsvBuffer(enc(text), { fileLabel: 'hr.csv', ...options });
    return { info, ...split(events) };
  };

  it('keeps values exactly (no trimming) and turns empty cells into null', () => {
    const { records } = parse(
      'Voornaam;Tussenvoegsel;Achternaam;Mobiel\r\n  Jan ;van der;Berg;\r\n;" ";"";x\r\n',
    );
    expect(records.map((r) => r.values)).toEqual([
      { Voornaam: '  Jan ', Tussenvoegsel: 'van der', Achternaam: 'Berg', Mobiel: null },
      { Voornaam: null, Tussenvoegsel: ' ', Achternaam: null, Mobiel: 'x' },
    ]);
  });

  it('reads a file that mixes CRLF and LF line endings row by row', () => {
    const { records, issues } = parse(
      'Nr;Naam\r\n1;Jan\n2;"Piet"\r\n3;"Kees\r\nde Boer"\n4;\r\n\n5;Anna\r\n',
    );
    expect(issues.map((i) => [i.code, i.row])).toEqual([['empty-row', 6]]);
    expect(records.map((r) => [r.row, r.values.Naam])).toEqual([
      [2, 'Jan'],
      [3, 'Piet'],
      [4, 'Kees\r\nde Boer'],
      [5, null],
      [7, 'Anna'],
    ]);
  });

  it('reads old Mac files with CR line endings', () => {
    const { records } = parse('Nr;Naam\r1;Jan\r2;Piet\r');
    expect(records.map((r) => [r.row, r.values.Naam])).toEqual([
      [2, 'Jan'],
      [3, 'Piet'],
    ]);
  });

  it('skips blank lines in the middle as empty rows (info, so every row is counted); trailing ones vanish', () => {
    const { records, issues } = parse('Nr;Naam\r\n1;Jan\r\n\r\n;\r\n2;Piet\r\n\r\n\r\n');
    expect(issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['empty-row', 'info', 3],
      ['empty-row', 'info', 4],
    ]);
    expect(records.map((r) => [r.row, r.values.Nr])).toEqual([
      [2, '1'],
      [5, '2'],
    ]);
  });

  it('counts a record with line breaks in a quoted cell as one row, as Excel shows it', () => {
    const { records } = parse(
      'Nr;Functie;Afdeling\r\n1;"Teamleider\r\nWijkteam\nNoord";Zorg\r\n2;HR;ICT\r\n3;"a ""b""";c\r\n',
    );
    expect(records.map((r) => [r.row, r.values.Functie])).toEqual([
      [2, 'Teamleider\r\nWijkteam\nNoord'],
      [3, 'HR'],
      [4, 'a "b"'],
    ]);
  });

  it('short and long rows are reported with counts and a likely cause, and never emitted', () => {
    const { records, issues } = parse(
      'Nr;Naam;Functie;Afdeling\r\n1;Jan;HR\r\n2;Piet;Adviseur;Afdeling; Zorg\r\n3;Kees;HR;ICT\r\n',
    );
    expect(records.map((r) => r.row)).toEqual([4]);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'short-row', severity: 'error', row: 2 });
    expect(issues[0]!.message).toContain('hr.csv row 2: 3 fields where the header has 4');
    expect(issues[1]).toMatchObject({ code: 'long-row', severity: 'error', row: 3 });
    expect(issues[1]!.message).toContain('hr.csv row 3: 5 fields where the header has 4');
    expect(issues[1]!.message).toContain(
      'the value "Afdeling; Zorg" in column D (4) "Afdeling" probably contains an unquoted ";"',
    );
    expect(issues[1]!.field).toBe('Afdeling');
  });

  it('without a clear suspect the long-row message falls back to the general hint', () => {
    const { issues } = parse('Nr;Naam\r\n1;Jan;extra\r\n');
    expect(issues[0]!.message).toContain(
      'a value probably contains an unquoted ";" (for example "Afdeling; Zorg")',
    );
    expect(issues[0]!.field).toBeUndefined();
  });

  it('an unterminated quote names the row where it starts', () => {
    const { records, issues } = parse('Nr;Functie\r\n1;HR\r\n2;"Teamleider\r\n3;ICT\r\n4;Zorg\r\n');
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unterminated-quote', severity: 'error', row: 3 }),
    ]);
    expect(issues[0]!.message).toContain('hr.csv row 3');
  });

  it('an unterminated quote in the middle of a big file stops at a bounded size instead of reading on', () => {
    const head = 'Nr;Functie\n1;"open\n';
    const filler = 'x;y\n'.repeat(2_500_000); // 10 MB inside the open quote
    const { records, issues } = parse(head + filler, { chunkBytes: 1024 * 1024 });
    expect(records).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unterminated-quote', row: 2 })]);
  });

  it('a badly closed quote that swallows lines is one error over those rows; later rows keep their numbers', () => {
    const { records, issues } = parse(
      'Nr;Functie;Afdeling\r\n1;"Team" leider;HR\r\n2;Piet;ICT\r\n3;"Zorg";Wijk\r\n4;Kees;Zorg\r\n',
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unterminated-quote', severity: 'error', row: 2, rows: [2, 3, 4] }),
    ]);
    expect(issues[0]!.message).toContain('hr.csv rows 2–4');
    expect(records.map((r) => [r.row, r.values.Nr])).toEqual([[5, '4']]);
  });

  it('a stray quote inside a quoted value is a warning; the row is kept', () => {
    const { records, issues } = parse('Nr;Functie;Afdeling\r\n1;"Team "A" leider";HR\r\n');
    expect(records).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unterminated-quote', severity: 'warning', row: 2 });
  });

  it('encoding warnings name row, column letter and header, e.g. for "Ã«" and "â€™"', () => {
    const { issues } = parse('Nr;Voornaam;Achternaam\r\n1;NoÃ«l;Oâ€™Brien\r\n2;Zoë;Jansen\r\n');
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['encoding', 2, 'Voornaam'],
      ['encoding', 2, 'Achternaam'],
    ]);
    expect(issues[1]!.message).toContain('column C (3) "Achternaam"');
  });

  it('caps encoding warnings and summarises the rest in one warning', () => {
    // UTF-8 that was already mojibake when exported (encoding it as 1252 would be valid UTF-8 for "José")
    const rows = Array.from({ length: 250 }, (_, i) => `${i};JosÃ©`).join('\r\n');
    const { events } = parseCsvBuffer(utf8(`Nr;Voornaam\r\n${rows}\r\n`));
    const { records, issues } = split(events);
    expect(records).toHaveLength(250);
    expect(issues).toHaveLength(201);
    expect(issues.at(-1)).toMatchObject({ code: 'encoding', severity: 'warning' });
    expect(issues.at(-1)!.row).toBeUndefined();
    expect(issues.at(-1)!.message).toContain('50 more cells');
  });
});

describe('headers', () => {
  const headersOf = (text: string) => parseCsvBuffer(enc(text), { fileLabel: 'hr.csv' });

  it('trims headers and strips a byte-order mark left by a wrong encoding', () => {
    const { info } = parseCsvBuffer(utf8('\uFEFF Personeelsnummer ;Achternaam \r\n1;Jansen\r\n'), {
      encoding: 'windows-1252',
    });
    expect(info.headers).toEqual(['Personeelsnummer', 'Achternaam']);
  });

  it('reports duplicate headers naming both columns; the first column keeps the name', () => {
    const { info, events } = headersOf('Nr;Afdeling;Naam;Afdeling\r\n1;Zorg;Jan;ICT\r\n');
    expect(info.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-header', severity: 'error', field: 'Afdeling' }),
    ]);
    expect(info.issues[0]!.message).toContain('column B (2) and column D (4) are both called "Afdeling"');
    expect(split(events).records[0]!.values).toEqual({ Nr: '1', Afdeling: 'Zorg', Naam: 'Jan' });
  });

  it('reports an empty header as an error but keeps counting columns so data does not shift', () => {
    const { info, events } = headersOf('Nr;;Naam\r\n1;x;Jan\r\n');
    expect(info.issues).toEqual([expect.objectContaining({ code: 'empty-header', severity: 'error' })]);
    expect(info.issues[0]!.message).toContain('column B (2) has no header');
    expect(split(events).records[0]!.values).toEqual({ Nr: '1', Naam: 'Jan' });
  });

  it('a trailing empty header (Excel trailing ";") is only a warning', () => {
    const { info, events } = headersOf('Nr;Naam;\r\n1;Jan;\r\n');
    expect(info.issues).toEqual([expect.objectContaining({ code: 'empty-header', severity: 'warning' })]);
    expect(split(events).records[0]!.values).toEqual({ Nr: '1', Naam: 'Jan' });
  });

  it('an empty file is a file-level source-unreadable issue', () => {
    const { info, events } = parseCsvBuffer(new Uint8Array(), { fileLabel: 'leeg.csv' });
    expect(info.headers).toEqual([]);
    expect(info.issues).toEqual([expect.objectContaining({ code: 'source-unreadable', severity: 'error' })]);
    expect(info.issues[0]!.message).toContain('leeg.csv is empty');
    expect(events).toEqual([]);
  });

  it('header only: no records, no issues', () => {
    const { info, events } = headersOf('Personeelsnummer;Achternaam');
    expect(info.headers).toEqual(['Personeelsnummer', 'Achternaam']);
    expect(events).toEqual([]);
  });
});
