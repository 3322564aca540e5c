import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEMO_ANCHOR, DEMO_DATE_COLUMNS } from '../../../src/main/demo/bundled-demo';
import { daysBetween, shiftCsvDates, shiftDutchDate } from '../../../src/main/demo/shift-dates';
import { DEMO_OPTIONS } from '../../../scripts/generate-demo';

const BUNDLED = readFileSync(new URL('../../../resources/demo/hr-export.csv', import.meta.url));

/** The cells of a small, well-formed `;` file (no quotes), for reading back what the shift wrote. */
function cells(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
}

describe('shiftDutchDate', () => {
  it.each([
    ['23-11-2026', 0, '23-11-2026'],
    ['01-12-2026', 9, '10-12-2026'],
    ['31-12-2026', 1, '01-01-2027'],
    ['31-01-2028', 29, '29-02-2028'], // into a leap day, by days rather than months
    ['29-02-2028', 1, '01-03-2028'],
    ['29-02-2028', 365, '28-02-2029'],
    ['28-02-2027', 1, '01-03-2027'],
    ['01-03-2030', -1, '28-02-2030'],
    ['01-03-2028', -1, '29-02-2028'],
    ['15-05-2027', -3000, '26-02-2019'],
  ])('%s moved %i days is %s', (from, days, to) => {
    expect(shiftDutchDate(from, days)).toBe(to);
  });

  it.each([
    ['31-02-2024'],
    ['29-02-2027'],
    ['00-01-2026'],
    ['1-12-2026'],
    ['2026-12-01'],
    [''],
    [' 01-12-2026'],
  ])('leaves %j alone (no valid dd-mm-yyyy date)', (text) => {
    expect(shiftDutchDate(text, 10)).toBeNull();
  });

  it('does not write a date past year 9999 or before 1000', () => {
    expect(shiftDutchDate('31-12-9999', 1)).toBeNull();
    expect(shiftDutchDate('01-01-1000', -1)).toBeNull();
  });

  it('counts whole days between two dates, across a leap day', () => {
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysBetween('2026-11-23', '2027-08-01')).toBe(251);
    expect(daysBetween('2026-11-23', '2030-02-28')).toBe(1193);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-11-01')).toBe(-22);
    expect(() => daysBetween('2026-11-23', '2026-02-30')).toThrow(/yyyy-mm-dd/);
  });
});

describe('shiftCsvDates', () => {
  it('moves only valid dates in the named columns; quotes, line breaks and other columns stay byte for byte', () => {
    const text =
      'Nr;Naam;Datum in dienst;Datum uit dienst;Geboortedatum\r\n' +
      '1;"Zoë; van der Berg";01-02-2020;"28-02-2027";03-04-1990\r\n' +
      '2;"Teamleider\r\nWijkteam ""Noord""";31-12-2026;;29-02-2000\r\n' +
      '3;Anaïs;31-02-2024;01-13-2026;01-01-1980\n' +
      '4;Jørgen;Adviseur;extra;15-06-2026;16-06-2026;01-01-1981\r\n' +
      '\r\n\r\n';
    const bytes = iconv.encode(text, 'win1252');
    const { bytes: out, shifted } = shiftCsvDates(bytes, 1, {
      columns: ['Datum uit dienst', 'Datum in dienst'],
      delimiter: ';',
    });
    expect(shifted).toBe(5);
    expect(out.length).toBe(bytes.length);
    expect(iconv.decode(Buffer.from(out), 'win1252')).toBe(
      'Nr;Naam;Datum in dienst;Datum uit dienst;Geboortedatum\r\n' +
        '1;"Zoë; van der Berg";02-02-2020;"01-03-2027";03-04-1990\r\n' +
        '2;"Teamleider\r\nWijkteam ""Noord""";01-01-2027;;29-02-2000\r\n' +
        '3;Anaïs;31-02-2024;01-13-2026;01-01-1980\n' +
        // Two fields too many: lined up from the end, where the date columns are.
        '4;Jørgen;Adviseur;extra;16-06-2026;17-06-2026;01-01-1981\r\n' +
        '\r\n\r\n',
    );
  });

  it('reads the header past a UTF-8 byte order mark and keeps UTF-8 text as it is', () => {
    const text = '\uFEFFDatum uit dienst;Naam\n01-12-2026;Ĳsbrand Çelik\n';
    const { bytes, shifted } = shiftCsvDates(Buffer.from(text, 'utf8'), -30, {
      columns: DEMO_DATE_COLUMNS,
      delimiter: ';',
    });
    expect(shifted).toBe(1);
    expect(Buffer.from(bytes).toString('utf8')).toBe(
      '\uFEFFDatum uit dienst;Naam\n01-11-2026;Ĳsbrand Çelik\n',
    );
  });

  it('moves the bundled demo export and back again to the same bytes', () => {
    const there = shiftCsvDates(BUNDLED, 1193, { columns: DEMO_DATE_COLUMNS, delimiter: ';' });
    expect(there.bytes.length).toBe(BUNDLED.length);
    expect(Buffer.from(there.bytes).equals(BUNDLED)).toBe(false);
    const back = shiftCsvDates(there.bytes, -1193, { columns: DEMO_DATE_COLUMNS, delimiter: ';' });
    expect(back.shifted).toBe(there.shifted);
    expect(Buffer.from(back.bytes).equals(BUNDLED)).toBe(true);
  });

  it('changes nothing but the start and end dates of the demo, each by the same number of days', () => {
    expect(DEMO_OPTIONS.today).toBe(DEMO_ANCHOR);
    const days = daysBetween(DEMO_ANCHOR, '2028-03-01');
    const { bytes, shifted } = shiftCsvDates(BUNDLED, days, { columns: DEMO_DATE_COLUMNS, delimiter: ';' });
    // Byte for byte outside the date cells: every differing byte is a digit inside a dd-mm-yyyy cell.
    const out = Buffer.from(bytes);
    for (let i = 0; i < out.length; i++)
      if (out[i] !== BUNDLED[i]) expect(String.fromCharCode(out[i]!), `byte ${i}`).toMatch(/\d/u);
    // Compare cell by cell on the rows with the header's 17 fields (the multi-line and long rows aside).
    const before = cells(iconv.decode(BUNDLED, 'win1252'));
    const after = cells(iconv.decode(out, 'win1252'));
    expect(after.length).toBe(before.length);
    const header = before[0]!;
    const start = header.indexOf('Datum in dienst');
    const end = header.indexOf('Datum uit dienst');
    let moved = 0;
    before.forEach((row, r) => {
      if (r === 0 || row.length !== header.length) return;
      row.forEach((cell, c) => {
        const now = after[r]![c]!;
        if ((c === start || c === end) && shiftDutchDate(cell, days) !== null) {
          expect(now).toBe(shiftDutchDate(cell, days));
          moved++;
        } else expect(now, `row ${r + 1} ${header[c]}`).toBe(cell);
      });
    });
    expect(moved).toBeGreaterThan(250);
    expect(shifted).toBeGreaterThanOrEqual(moved);
    // The planted invalid date (row 168) is still the same invalid date.
    expect(after[167]![end]).toBe('31-02-2024');
  });
});
