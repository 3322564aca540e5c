import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  DEFECT_KINDS,
  EMAIL_DOMAIN,
  generateHrExport,
  HR_HEADERS_NL,
  minimumRowsFor,
  writeHrExport,
} from '../../../fixtures/hr-export';

/**
 * An independent, deliberately naive splitter (not the reader under test): records by quote state, so the
 * generator's row claims are checked against the bytes themselves.
 */
function physicalRecords(text: string, eol: string): string[] {
  const records: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && text.startsWith(eol, i)) {
      records.push(current);
      current = '';
      i += eol.length - 1;
      continue;
    }
    current += ch;
  }
  if (current !== '') records.push(current);
  return records;
}

const dmy = /^(\d{2})-(\d{2})-(\d{4})$/u;
const dayOf = (d: string) => {
  const [, dd, mm, yyyy] = dmy.exec(d)!;
  return Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd));
};

describe('generateHrExport', () => {
  it('is deterministic per seed', () => {
    const a = generateHrExport({ rows: 80, seed: 42, defects: true });
    const b = generateHrExport({ rows: 80, seed: 42, defects: true });
    const c = generateHrExport({ rows: 80, seed: 43, defects: true });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });

  it('plants each defect on the row it reports', () => {
    const g = generateHrExport({ rows: 100, seed: 5, defects: true });
    const text = iconv.decode(Buffer.from(g.bytes), 'windows-1252');
    const records = physicalRecords(text, '\r\n');
    const rowText = (row: number) => records[row - 1]!;
    const fields = (row: number) => rowText(row).split(';');
    expect(rowText(1)).toBe(HR_HEADERS_NL.join(';'));
    expect(new Set(g.defects.map((d) => d.kind))).toEqual(new Set(DEFECT_KINDS));
    for (const d of g.defects) {
      switch (d.kind) {
        case 'empty-key':
          expect(fields(d.row)[0]).toBe('');
          break;
        case 'duplicate-key':
          expect(d.rows!.map((r) => fields(r)[0])).toEqual([d.key, d.key]);
          break;
        case 'missing-required':
          expect(fields(d.row)[HR_HEADERS_NL.indexOf(d.field as never)]).toBe('');
          break;
        case 'invalid-email':
          expect(fields(d.row)[6]).toMatch(/@@gemeente$|^[a-z]+@$/u);
          break;
        case 'duplicate-email': {
          const [a, b] = d.rows!.map((r) => fields(r)[6]!);
          expect(b).not.toBe(a);
          expect(b!.trim().toLowerCase()).toBe(a);
          break;
        }
        case 'invalid-date':
          expect(fields(d.row)[13]).toBe('31-02-2024');
          break;
        case 'short-row':
          expect(fields(d.row)).toHaveLength(15);
          break;
        case 'long-row':
          expect(fields(d.row)).toHaveLength(18);
          break;
        case 'multi-line':
          expect(rowText(d.row)).toContain('"Teamleider\nWijkteam Noord"');
          break;
        case 'doubled-quotes':
          expect(rowText(d.row)).toContain('"Coördinator ""Samen Sterk"""');
          break;
        case 'quoted-delimiter':
          expect(rowText(d.row)).toContain('"Zorg; Welzijn en Jeugd"');
          break;
        case 'encoding':
          expect(fields(d.row)[2]).toBe('JosÃ©');
          break;
        case 'trailing-blank-lines':
          expect(records.slice(d.row - 1)).toEqual(['', '', '']);
          break;
        default:
          throw new Error(`unchecked defect ${d.kind}`);
      }
      if (d.key !== undefined && d.kind !== 'empty-key' && d.kind !== 'duplicate-key') {
        expect(fields(d.row)[0]).toBe(d.key);
      }
    }
    // one physical record per data row, plus header and the three blank lines
    expect(records).toHaveLength(1 + g.rows + 3);
  });

  it('plants only the requested defects and refuses too few rows for them', () => {
    const g = generateHrExport({ rows: 30, defects: ['long-row', 'duplicate-key'] });
    expect(g.defects.map((d) => d.kind)).toEqual(['duplicate-key', 'long-row']);
    expect(minimumRowsFor(true)).toBe(30);
    expect(() => generateHrExport({ rows: 29, defects: true })).toThrow(/at least 30 rows/u);
    expect(generateHrExport({ rows: 5 }).defects).toEqual([]);
  });

  it('writes realistic, consistent Dutch people', () => {
    const today = '2026-11-23';
    const g = generateHrExport({ rows: 2000, seed: 12, today });
    const ids = g.people.map((p) => p.employeeId);
    expect(new Set(ids).size).toBe(ids.length);
    const emails = g.people.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const earlier = new Set<string>();
    for (const [i, p] of g.people.entries()) {
      expect(p.email).toMatch(new RegExp(`^[a-z0-9.]+@${EMAIL_DOMAIN.replaceAll('.', '\\.')}$`, 'u'));
      expect(p.startDate).toMatch(dmy);
      expect(p.birthDate).toMatch(dmy);
      if (i > 0) expect(earlier.has(p.manager)).toBe(true);
      earlier.add(p.employeeId);
      if (p.endDate) {
        expect(p.status).toBe(dayOf(p.endDate) < Date.UTC(2026, 10, 23) ? 'Inactief' : 'Actief');
        expect(dayOf(p.endDate)).toBeGreaterThan(dayOf(p.startDate));
      } else {
        expect(p.status).toBe('Actief');
      }
      expect(p.initials).toMatch(/^(?:(?:IJ|\p{Lu})\.)+$/u);
    }
    const past = g.people.filter((p) => p.status === 'Inactief').length;
    const future = g.people.filter((p) => p.endDate && p.status === 'Actief').length;
    expect(past).toBeGreaterThan(50);
    expect(future).toBeGreaterThan(20);
    const prefixes = new Set(g.people.map((p) => p.namePrefix));
    for (const prefix of ['van', 'van der', 'de', 'van den', 'ter', "van 't", "in 't"])
      expect(prefixes).toContain(prefix);
    expect(g.people.some((p) => /[ëïüöøç]/iu.test(p.firstName + p.lastName))).toBe(true);
    expect(g.people.some((p) => p.preferredName !== '' && p.preferredName !== p.firstName)).toBe(true);
    expect(g.people.some((p) => /^06-\d{8}$/u.test(p.mobile))).toBe(true);
    expect(g.people.some((p) => /^\+31 6 \d{8}$/u.test(p.mobile))).toBe(true);
    expect(g.people.some((p) => /^0\d{2,3}-\d{6,7}$/u.test(p.workPhone))).toBe(true);
  });

  it('Windows-1252 output has no unencodable characters; Ĳ becomes IJ there but stays in UTF-8', () => {
    const g1252 = generateHrExport({ rows: 3000, seed: 1 });
    const text = iconv.decode(Buffer.from(g1252.bytes), 'windows-1252');
    expect(text).not.toContain('?');
    expect(g1252.people.some((p) => p.lastName === 'IJsselmuiden')).toBe(true);
    const utf = generateHrExport({ rows: 3000, seed: 1, encoding: 'utf-8' });
    expect(utf.people.some((p) => p.lastName === 'Ĳsselmuiden')).toBe(true);
  });

  it('Windows-1252 bytes are the ones iconv-lite writes', () => {
    const g = generateHrExport({ rows: 400, seed: 21, defects: true });
    const text = iconv.decode(Buffer.from(g.bytes), 'windows-1252');
    expect(Buffer.from(g.bytes).equals(iconv.encode(text, 'windows-1252'))).toBe(true);
    expect(text).toContain('Coördinator');
  });

  it('formats every date of a leap-year span as dd-mm-yyyy like Date does', () => {
    const g = generateHrExport({ rows: 3000, seed: 3 });
    for (const p of g.people) {
      for (const date of [p.birthDate, p.startDate, p.endDate].filter(Boolean)) {
        const [dd, mm, yyyy] = date.split('-').map(Number);
        const d = new Date(Date.UTC(yyyy!, mm! - 1, dd!));
        expect([d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()]).toEqual([dd, mm, yyyy]);
      }
    }
  });

  it('encodes with the byte-order marks Excel writes', () => {
    expect([...generateHrExport({ rows: 3, encoding: 'utf-8-bom' }).bytes.slice(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
    expect([...generateHrExport({ rows: 3, encoding: 'utf-16le' }).bytes.slice(0, 4)]).toEqual([
      0xff, 0xfe, 0x50, 0,
    ]);
    expect(generateHrExport({ rows: 3, encoding: 'utf-8' }).bytes[0]).toBe(0x50); // "P" of Personeelsnummer
  });

  it('writeHrExport streams exactly the bytes generateHrExport returns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plek-hr-'));
    try {
      const options = { rows: 500, seed: 77, defects: true, encoding: 'utf-16le', delimiter: '\t' } as const;
      const written = await writeHrExport(join(dir, 'hr.txt'), options);
      const memory = generateHrExport(options);
      const bytes = await readFile(join(dir, 'hr.txt'));
      expect(bytes.equals(Buffer.from(memory.bytes))).toBe(true);
      expect(written).toEqual({ rows: 500, defects: memory.defects, bytesWritten: bytes.length });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("generated exports with names: 'varied' (the engine bench's second data set)", () => {
  it('holds thousands of distinct given names and surnames where the default repeats a few dozen', () => {
    const distinct = (names: 'repeating' | 'varied') => {
      const { people } = generateHrExport({ rows: 5000, seed: 42, names });
      return {
        given: new Set(people.map((p) => p.firstName)).size,
        family: new Set(people.map((p) => `${p.namePrefix} ${p.lastName}`)).size,
      };
    };
    const repeating = distinct('repeating');
    const varied = distinct('varied');
    expect(repeating.given).toBeLessThan(100);
    expect(repeating.family).toBeLessThan(100);
    expect(varied.given).toBeGreaterThan(1500);
    expect(varied.family).toBeGreaterThan(3000);
  });

  it('keeps the default output of a seed unchanged, and row 3 non-ASCII so Windows-1252 is recognised', () => {
    const plain = generateHrExport({ rows: 300, seed: 9, defects: true });
    const repeating = generateHrExport({ rows: 300, seed: 9, defects: true, names: 'repeating' });
    expect(Buffer.from(repeating.bytes).equals(Buffer.from(plain.bytes))).toBe(true);
    const varied = generateHrExport({ rows: 300, seed: 9, defects: true, names: 'varied' });
    const person = varied.people[1]!;
    expect([...`${person.firstName}${person.lastName}`].some((c) => c.charCodeAt(0) > 0x7f)).toBe(true);
    expect(Buffer.from(varied.bytes).equals(Buffer.from(plain.bytes))).toBe(false);
  });
});
