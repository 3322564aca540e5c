import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCsv, readCsvHeaders, sampleCsv } from '../../../../src/main/sources/csv/read-csv';
import { SourceError } from '../../../../src/main/sources/source-error';
import { generateHrExport, HR_HEADERS_NL, writeHrExport } from '../../../fixtures/hr-export';
import { expectedValues } from './truth';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openCsv streams a large export', () => {
  it('reads a ~50 MB Windows-1252 file chunk by chunk, pulled by the consumer', async () => {
    const path = join(dir, 'groot.csv');
    const written = await writeHrExport(path, { rows: 290_000, seed: 1, defects: true });
    expect(written.bytesWritten).toBeGreaterThan(45 * 1024 * 1024);

    const csv = await openCsv(path);
    expect(csv.info.encoding).toBe('windows-1252');
    expect(csv.info.headers).toEqual([...HR_HEADERS_NL]);
    expect(csv.bytesTotal).toBe(written.bytesWritten);
    // Opening reads the detection prefix, not the file.
    expect(csv.bytesRead()).toBeLessThan(2 * 1024 * 1024);

    const averageRow = csv.bytesTotal / (written.rows + 1);
    let records = 0;
    let lastRow = 0;
    let maxReadAhead = 0;
    const issues: { code: string; row?: number }[] = [];
    for await (const event of csv.events) {
      if (event.kind === 'issue') {
        issues.push({ code: event.issue.code, row: event.issue.row });
        continue;
      }
      records++;
      lastRow = event.record.row;
      // How far the reader is ahead of the consumer: bounded by the prefix plus a chunk, not by the file.
      maxReadAhead = Math.max(maxReadAhead, csv.bytesRead() - lastRow * averageRow);
    }
    expect(records).toBe(written.rows - 2); // the short and the long row are reported, not emitted
    expect(lastRow).toBe(written.rows + 1);
    expect(maxReadAhead).toBeLessThan(3 * 1024 * 1024);
    expect(csv.bytesRead()).toBe(csv.bytesTotal);
    expect(issues).toEqual(
      written.defects
        .filter((d) => ['short-row', 'long-row', 'encoding'].includes(d.kind))
        .map((d) => ({ code: d.kind, row: d.row })),
    );
  }, 180_000);

  it('stops reading when the consumer stops', async () => {
    const path = join(dir, 'stop.csv');
    await writeHrExport(path, { rows: 15_000, seed: 2, encoding: 'utf-8' });
    const csv = await openCsv(path, { chunkBytes: 16 * 1024 });
    let seen = 0;
    for await (const event of csv.events) {
      if (event.kind === 'record' && ++seen === 10) break;
    }
    expect(csv.bytesRead()).toBeLessThan(csv.bytesTotal / 2);
  });

  it('gives the same events as parseCsvBuffer for UTF-16LE in small chunks', async () => {
    const fixture = generateHrExport({
      rows: 200,
      seed: 4,
      encoding: 'utf-16le',
      delimiter: '\t',
      defects: true,
    });
    const path = join(dir, 'unicode.txt');
    await writeFile(path, fixture.bytes);
    const csv = await openCsv(path, { chunkBytes: 101 });
    const records = [];
    for await (const event of csv.events) if (event.kind === 'record') records.push(event.record);
    expect(csv.info).toMatchObject({ file: 'unicode.txt', encoding: 'utf-16le', delimiter: '\t' });
    const clean = records.filter((r) => !fixture.defects.some((d) => d.expectsIssue && d.row === r.row));
    for (const r of clean) expect(r.values).toEqual(expectedValues(fixture.people[r.row - 2]!));
    expect(clean.length).toBeGreaterThan(180);
  });

  it('cancelling through the AbortSignal ends the iteration with a SourceError', async () => {
    const path = join(dir, 'abort.csv');
    await writeHrExport(path, { rows: 15_000, seed: 6 });
    const controller = new AbortController();
    const csv = await openCsv(path, { chunkBytes: 8 * 1024 }, controller.signal);
    let seen = 0;
    const run = async () => {
      for await (const event of csv.events) {
        if (event.kind === 'record' && ++seen === 5) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'SourceError', code: 'source-aborted' });
    expect(csv.bytesRead()).toBeLessThan(csv.bytesTotal);
    // no further record after the abort: the queued events of the current chunk are dropped too
    expect(seen).toBe(5);
  });
});

describe('readCsvHeaders and sampleCsv', () => {
  it('reads only the header row information', async () => {
    const path = join(dir, 'Export HR november.csv');
    await writeHrExport(path, { rows: 50, seed: 8, headers: 'en', delimiter: ',' });
    const info = await readCsvHeaders(path);
    expect(info).toMatchObject({ file: 'Export HR november.csv', delimiter: ',', issues: [] });
    expect(info.headers[0]).toBe('Employee ID');
  });

  it('samples fill rate and three distinct examples per column', async () => {
    const fixture = generateHrExport({ rows: 300, seed: 9 });
    const path = join(dir, 'sample.csv');
    await writeFile(path, fixture.bytes);
    const sample = await sampleCsv(path, {}, 100);
    expect(sample.records).toHaveLength(100);
    expect(sample.records[0]!.row).toBe(2);
    const byName = new Map(sample.attributes.map((a) => [a.name, a]));
    expect([...byName.keys()]).toEqual([...HR_HEADERS_NL]);
    const people = fixture.people.slice(0, 100);
    const share = (f: (p: (typeof people)[number]) => string) =>
      people.filter((p) => f(p) !== '').length / 100;
    expect(byName.get('Personeelsnummer')).toMatchObject({ fillRate: 1 });
    expect(byName.get('Personeelsnummer')!.examples).toEqual(people.slice(0, 3).map((p) => p.employeeId));
    expect(byName.get('Tussenvoegsel')!.fillRate).toBe(share((p) => p.namePrefix));
    expect(byName.get('Datum uit dienst')!.fillRate).toBe(share((p) => p.endDate));
    expect(byName.get('Tussenvoegsel')!.fillRate).toBeGreaterThan(0);
    expect(byName.get('Tussenvoegsel')!.fillRate).toBeLessThan(1);
    const status = byName.get('Status')!.examples;
    expect(new Set(status).size).toBe(status.length);
  });
});

describe('unreadable files', () => {
  const expectSourceError = async (promise: Promise<unknown>, parts: string[]) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    const e = error as SourceError;
    expect(e.code).toBe('source-unreadable');
    for (const part of parts) expect(e.message).toContain(part);
    expect(e.message).not.toMatch(/ at |ENOENT|EISDIR|\/tmp/u);
  };

  it('a missing file names the file and says what to do', async () => {
    await expectSourceError(openCsv(join(dir, 'bestaat-niet.csv')), [
      'bestaat-niet.csv',
      'does not exist',
      'choose',
    ]);
  });

  it('a folder', async () => {
    const folder = join(dir, 'map.csv');
    await mkdir(folder);
    await expectSourceError(openCsv(folder), ['map.csv', 'folder']);
  });

  it('a file without read permission', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, file permissions are not enforced');
      ctx.skip();
    }
    const path = join(dir, 'geheim.csv');
    await writeFile(path, 'Nr;Naam\r\n1;Jan\r\n');
    await chmod(path, 0o000);
    await expectSourceError(readCsvHeaders(path), ['geheim.csv', 'permission denied']);
  });

  it.each([
    ['personeel.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], 'an Excel workbook (.xlsx)'],
    ['personeel.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], 'an old Excel workbook (.xls)'],
    ['export.pdf', [...Buffer.from('%PDF-1.7\n')], 'a PDF document'],
  ])('%s picked by mistake: says what it is and how to get a CSV', async (name, bytes, what) => {
    const path = join(dir, name);
    await writeFile(path, Uint8Array.from([...bytes, ...Buffer.alloc(2000, 7)]));
    await expectSourceError(openCsv(path), [name, what, 'not a CSV file']);
  });

  it('uses the label instead of the file name when given', async () => {
    await expectSourceError(openCsv(join(dir, 'x.csv'), { fileLabel: 'HR-export (AFAS)' }), [
      'HR-export (AFAS)',
    ]);
  });
});
