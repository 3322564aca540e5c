import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/main/pipeline';
import { detectDelimiter } from '../../../../src/main/sources/csv/delimiter';
import {
  chooseEncoding,
  createAsciiPrefixDecoder,
  ENCODING_PREFIX_BYTES,
} from '../../../../src/main/sources/csv/encoding';
import { parseCsvBuffer } from '../../../../src/main/sources/csv/read-csv';
import { SourceError } from '../../../../src/main/sources/source-error';
import { compileMapping } from '../../../../src/shared/engine/compile';
import { proposeMapping } from '../../../../src/shared/engine/propose';
import { mapRecords } from '../../../../src/shared/engine/run';
import { parseMapping } from '../../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../../src/shared/mapping/schema';
import { plantedExport, readPlanted, type PlantedExportOptions } from '../../../fixtures/planted-export';

const TODAY = '2026-11-23';

/** Reads a planted export, proposes a mapping as `init` does (optionally edited) and validates every row. */
function validate(o: PlantedExportOptions, edit?: (m: MappingFileInput) => void) {
  const file = plantedExport(o);
  const { headers, records, issues } = readPlanted(file.bytes);
  const { mapping } = proposeMapping({ headers, sampleRows: records.map((r) => r.values), name: 't' });
  edit?.(mapping);
  const parsed = parseMapping(mapping);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const compiled = compileMapping(parsed.mapping);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const result = mapRecords(compiled.compiled, records, { today: TODAY, headers }, issues);
  const u = result.summary.users;
  return {
    result,
    at: (row: number) => result.issues.filter((i) => i.row === row),
    /** rows = mapped + skipped + error rows, always. */
    balanced: u.active + u.deactivate + u.skipped + u.error === result.summary.rows,
  };
}

describe('a "?" between letters in a name or email column is a letter lost by Excel', () => {
  it.each([
    [{ Voornaam: 'Ay?e', Roepnaam: 'Ay?e' }, 'Roepnaam'],
    [{ Achternaam: 'Y?lmaz' }, 'Achternaam'],
    [{ Achternaam: 'Ko??al' }, 'Achternaam'],
    [{ 'E-mailadres': 'g?l.kaya@gemeente-voorbeeld.nl' }, 'E-mailadres'],
  ])('%j → encoding warning naming the row and column', (cells, column) => {
    const v = validate({ planted: { 9: cells } });
    expect(v.at(9)).toContainEqual(
      expect.objectContaining({ code: 'encoding', severity: 'warning', row: 9, field: column }),
    );
  });

  it.each([['Wat?'], ['? Jan'], ['Jan ?']])('%j is not flagged', (value) => {
    const v = validate({ planted: { 9: { Functie: 'Ay?e', Achternaam: value } } });
    expect(v.at(9).filter((i) => i.code === 'encoding')).toEqual([]);
  });
});

describe('encoding detection at a buffer boundary', () => {
  const e = 0xe9; // "é" in Windows-1252, and a UTF-8 lead byte

  it('a Windows-1252 "é" as the very last byte of the 1 MiB prefix is not taken for UTF-8', () => {
    const header = 'Nr;Naam\r\n';
    const filler = 'x'.repeat(ENCODING_PREFIX_BYTES - header.length - '1;'.length - 1);
    const bytes = Buffer.concat([
      Buffer.from(`${header}1;${filler}`, 'latin1'),
      Buffer.from([e]),
      Buffer.from('\r\n2;Ren', 'latin1'),
      Buffer.from([e]),
      Buffer.from('\r\n', 'latin1'),
    ]);
    expect(bytes.indexOf(e)).toBe(ENCODING_PREFIX_BYTES - 1);
    const { info, events } = parseCsvBuffer(bytes, { chunkBytes: 64 * 1024 });
    const records = events.flatMap((ev) => (ev.kind === 'record' ? [ev.record] : []));
    expect(records[1]!.values.Naam).toBe('René');
    expect(
      events.filter(
        (ev) => ev.kind === 'issue' && ev.issue.code === 'encoding' && ev.issue.severity === 'warning',
      ),
    ).toEqual([]);
    expect(info.encoding).toBe('utf-8'); // plain ASCII so far; the decoder switches at row 2
  });

  it.each([1, 2, 3])('chunk split %i byte(s) into a UTF-8 "é" still decodes as UTF-8', (cut) => {
    const text = Buffer.from('abc;René;x', 'utf8');
    const at = text.indexOf(0xc3);
    const decoder = createAsciiPrefixDecoder(() => {
      throw new Error('switched to Windows-1252');
    });
    const out =
      decoder.write(text.subarray(0, at + Math.min(cut, 1))) +
      decoder.write(text.subarray(at + Math.min(cut, 1))) +
      decoder.end();
    expect(out).toBe('abc;René;x');
  });

  it('a Windows-1252 byte cut off at a chunk end waits for the next chunk, then reads as Windows-1252', () => {
    let switched = false;
    const decoder = createAsciiPrefixDecoder(() => (switched = true));
    const out =
      decoder.write(Buffer.from([0x61, e])) + decoder.write(Buffer.from('b;c', 'latin1')) + decoder.end();
    expect(out).toBe('aéb;c');
    expect(switched).toBe(true);
  });

  it('a prefix whose only non-ASCII byte is a cut-off lead byte is not yet UTF-8', () => {
    const choice = chooseEncoding(Buffer.from([0x61, 0x62, e]), false, 'auto', 'f.csv');
    expect(choice.asciiPrefix).toBe(true);
  });
});

describe('delimiter sniffing', () => {
  it.each([
    [
      'Naam, voornaam;Afdeling, team;Functie\r\nBerg, Jan;Zorg, Noord;Verpleegkundige\r\nVries, Els;ICT, Beheer;Adviseur\r\n',
      ';',
    ],
    ['Nr;Naam;Opmerking\r\n1;Jan;"a, b, c, d"\r\n2;Piet;"e, f, g, h"\r\n', ';'],
    ['Nr,Naam,Functie\r\n1,O"Brien,x\r\n2,"Berg; Jan",y\r\n3,Kees,z\r\n', ','],
    ['"Nr";"Naam, voluit";"Functie"\r\n"1";"Berg, Jan";"x"\r\n', ';'],
    ['Nr\tNaam, voluit\tFunctie\r\n1\tBerg, Jan\tx\r\n', '\t'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text, true)).toBe(delimiter);
  });
});

describe('every spreadsheet row is counted once', () => {
  it('rows swallowed by a badly closed quote are each an error row', () => {
    const file = plantedExport({ planted: {} });
    const cells = file.text.split('\r\n')[9]!.split(';');
    cells[7] = '"Team" leider';
    const later = file.text.split('\r\n')[12]!.split(';');
    later[8] = '"Zorg"';
    const v = validate({ planted: {}, rawLines: { 10: cells.join(';'), 13: later.join(';') } });
    const swallowed = v.result.issues.find((i) => i.code === 'unterminated-quote');
    expect(swallowed?.rows).toEqual([10, 11, 12, 13]);
    expect(v.result.summary.rows).toBe(40);
    expect(v.result.summary.users.error).toBeGreaterThanOrEqual(4);
    expect(v.balanced).toBe(true);
  });

  it('a quote never closed counts every row to the end of the file', () => {
    const file = plantedExport({ planted: {} });
    const cells = file.text.split('\r\n')[29]!.split(';');
    cells[7] = '"Teamleider';
    const v = validate({ planted: {}, rawLines: { 30: cells.join(';') } });
    expect(v.result.issues.find((i) => i.code === 'unterminated-quote')?.rows).toEqual(
      Array.from({ length: 12 }, (_, i) => 30 + i),
    );
    expect(v.result.summary.rows).toBe(40);
    expect(v.balanced).toBe(true);
  });

  it('blank rows in the middle are skipped with a reason; header problems carry row 1 and are no row', () => {
    const file = plantedExport({ planted: {}, rows: 10 });
    const lines = file.text.split('\r\n');
    lines.splice(5, 0, '', ';;;');
    lines[0] = `${lines[0]};Functie`;
    const { headers, records, issues } = readPlanted(Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(issues.filter((i) => i.code === 'empty-row').map((i) => i.row)).toEqual([6, 7]);
    expect(issues.find((i) => i.code === 'duplicate-header')?.row).toBe(1);
    const { mapping } = proposeMapping({ headers, sampleRows: records.map((r) => r.values), name: 't' });
    const parsed = parseMapping(mapping);
    if (!parsed.ok) throw new Error('mapping');
    const compiled = compileMapping(parsed.mapping);
    if (!compiled.ok) throw new Error('compile');
    const r = mapRecords(compiled.compiled, records, { today: TODAY, headers }, issues);
    // 10 people + 2 blank rows; every data row is counted, the header is not
    expect(r.summary.rows).toBe(12);
    const u = r.summary.users;
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(12);
  });

  it('rows skipped by scope are listed with the reason', () => {
    const v = validate({ planted: { 6: { Afdeling: 'Extern' }, 8: { Afdeling: 'extern ' } } }, (m) => {
      m.scope = { include: 'not ([Afdeling] = "Extern")' };
    });
    for (const row of [6, 8]) {
      expect(v.at(row)).toContainEqual(
        expect.objectContaining({
          code: 'out-of-scope',
          severity: 'info',
          message: expect.stringMatching(/skipped, out of scope: not \(\[Afdeling\] = "Extern"\)/),
        }),
      );
    }
    expect(v.balanced).toBe(true);
  });
});

describe('a column named __proto__ is a column like any other', () => {
  it('keeps its values', () => {
    const v = validate(
      {
        planted: {},
        extraColumns: { ['__proto__']: (row: number) => `waarde ${row}`, constructor: () => 'c' },
      },
      (m) => {
        m.fields.nickName = { expression: 'Join(" ", [__proto__], [constructor])' };
      },
    );
    const o = v.result.outcomes.find((x) => x.row === 7);
    expect(o?.status === 'mapped' && o.user.attributes.nickName).toBe('waarde 7 c');
  });
});

describe('files that are no CSV export', () => {
  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /a PNG image, not a CSV export/],
    ['xlsx', [0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], /Excel workbook/],
    ['unknown binary', [0x00, 0x01, 0x02, 0x03, 0x41, 0x42], /binary file, not a CSV export/],
  ])('%s is refused before any row is read', (_name, bytes, message) => {
    const junk = Buffer.concat([Buffer.from(bytes), Buffer.alloc(2000, 0x07)]);
    expect(() => parseCsvBuffer(junk)).toThrow(SourceError);
    expect(() => parseCsvBuffer(junk)).toThrow(message);
  });

  it('a Windows-1252 export is not mistaken for binary', () => {
    const file = plantedExport({ planted: { 5: { Achternaam: 'Müller' } }, encoding: 'windows-1252' });
    expect(() => parseCsvBuffer(file.bytes)).not.toThrow();
  });
});

describe('the state file counts each row once', () => {
  it('rows with warnings are not counted twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-state-'));
    const file = plantedExport({
      planted: { 4: { Mobiel: 'bel me' }, 6: { Achternaam: 'Y?lmaz' }, 8: { 'Telefoon werk': 'n.v.t.' } },
    });
    writeFileSync(join(dir, 'hr.csv'), iconv.encode(file.text, 'utf8'));
    const { headers, records } = readPlanted(file.bytes);
    const { mapping } = proposeMapping({
      headers,
      sampleRows: records.map((r) => r.values),
      name: 't',
      sourcePath: 'hr.csv',
    });
    writeFileSync(join(dir, 'm.plekmap.json'), JSON.stringify(mapping));
    const r = await runPipeline({ mappingPath: join(dir, 'm.plekmap.json'), today: TODAY, keepState: true });
    expect(r.result.issues.filter((i) => i.severity === 'warning').length).toBeGreaterThanOrEqual(3);
    expect(r.state.rows).toBe(40);
    expect(r.source.rows).toBe(40);
    expect(r.result.summary.rows).toBe(40);
  });
});
