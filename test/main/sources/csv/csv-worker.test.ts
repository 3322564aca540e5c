import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { format } from '../../../../src/shared/i18n';
import {
  openCsv,
  prestartCsvWorker,
  startEarlyCsvRead,
  type CsvEvent,
  type CsvReadOptions,
  type EarlyCsvRead,
} from '../../../../src/main/sources/csv/read-csv';
import { SourceError } from '../../../../src/main/sources/source-error';
import {
  FIRST_PIECE_CHARS,
  MAX_BYTES_PER_CHAR,
  PIECE_CHARS,
} from '../../../../src/main/sources/csv/csv-core';
import { workerEntry } from '../../../../src/main/worker-entry';
import { openSource, prepareSourceReader } from '../../../../src/main/sources/index';
import { loadMappingFile, runPipeline } from '../../../../src/main/pipeline';
import { UserError } from '../../../../src/main/user-error';
import type { Issue } from '../../../../src/shared/issues';
import { rowStageColumns } from '../../../../src/shared/engine/run';
import { generateHrExport, writeHrExport } from '../../../fixtures/hr-export';
import type { MappingFile } from '../../../../src/shared/mapping/schema';
import type { SourceRecord } from '../../../../src/shared/source/types';

// The CSV reader in a worker thread must give exactly what the in-thread reader gives: the same records with the
// same row numbers, every issue in the same place, the same SourceErrors. Each file is read both ways and compared.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-csv-worker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

const linux = existsSync('/proc/self/task');

/** Threads of this process (Linux): a worker thread is one more while it runs. */
const threads = () => readdirSync('/proc/self/task').length;

/** This process's descriptors open on `path` (Linux). */
function descriptorsOn(path: string): number[] {
  return readdirSync('/proc/self/fd')
    .map(Number)
    .filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
}

type Seen = { info: unknown; events: unknown[]; bytesRead: number; bytesTotal: number };

function plain(event: CsvEvent): unknown {
  if (event.kind === 'issue') return { issue: event.issue };
  const r = event.record;
  return { row: r.row, ref: r.ref, cells: r.cells ?? null, values: { ...r.values } };
}

async function readAll(path: string, options: CsvReadOptions, via: 'batches' | 'events'): Promise<Seen> {
  const csv = await openCsv(path, options);
  const events: unknown[] = [];
  if (via === 'batches') {
    for await (const batch of csv.batches) for (const event of batch) events.push(plain(event));
  } else {
    for await (const event of csv.events) events.push(plain(event));
  }
  return { info: csv.info, events, bytesRead: csv.bytesRead(), bytesTotal: csv.bytesTotal };
}

/** Reads the file in this thread and in the worker and expects the same; returns the in-thread result. */
async function expectSameBothWays(path: string, options: CsvReadOptions = {}): Promise<Seen> {
  const inThread = await readAll(path, { ...options, worker: 'off' }, 'batches');
  const inWorker = await readAll(path, { ...options, worker: 'on' }, 'batches');
  expect(inWorker.info).toEqual(inThread.info);
  expect(inWorker.events.length).toBe(inThread.events.length);
  expect(inWorker.events).toEqual(inThread.events);
  expect(inWorker.bytesRead).toBe(inThread.bytesRead);
  expect(inWorker.bytesTotal).toBe(inThread.bytesTotal);
  return inThread;
}

const issueCodes = (seen: Seen) =>
  seen.events.flatMap((e) => {
    const issue = (e as { issue?: { code: string; row?: number } }).issue;
    return issue ? [`${issue.code}@${issue.row ?? '-'}`] : [];
  });
const recordCount = (seen: Seen) => seen.events.filter((e) => !(e as { issue?: unknown }).issue).length;

/** A header and ASCII rows of `width` columns, `bytes` long at least (the file's ASCII part). */
function asciiRows(from: number, bytes: number): string {
  let text = '';
  for (let i = from; text.length < bytes; i++)
    text += `${100000 + i};J.;Jan;Jan;;Jansen${i};jan${i}@gemeente.nl;Medewerker\r\n`;
  return text;
}
const ASCII_HEADER =
  'Personeelsnummer;Voorletters;Voornaam;Roepnaam;Tussenvoegsel;Achternaam;E-mailadres;Functie\r\n';

describe('the CSV reader gives the same events in a worker thread as in this thread', () => {
  it('is available from the sources (tests run the TypeScript through tsx)', () => {
    const entry = workerEntry('csv-worker');
    expect(entry?.url.pathname).toMatch(/worker-from-source\.mjs$/);
    expect(entry?.argv?.[0]).toMatch(/\/src\/main\/sources\/csv\/csv-worker\.ts$/);
  });

  it('runs in a thread of its own when forced on', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'thread.csv');
    await writeHrExport(path, { rows: 3000, seed: 3 });
    const before = threads();
    const csv = await openCsv(path, { worker: 'on' });
    expect(threads()).toBeGreaterThan(before);
    let records = 0;
    for await (const event of csv.events) if (event.kind === 'record') records++;
    expect(records).toBe(3000);
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
  });

  it('a Windows-1252 export with every planted defect, compact and plain records, batches and events', async () => {
    const path = join(dir, 'defects-1252.csv');
    const written = await writeHrExport(path, { rows: 30_000, seed: 42, defects: true });
    expect(written.bytesWritten).toBeGreaterThan(4 * 1024 * 1024);
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(recordCount(seen)).toBe(30_000 - 2);
    const codes = issueCodes(seen);
    for (const d of written.defects.filter((x) => ['short-row', 'long-row', 'encoding'].includes(x.kind)))
      expect(codes).toContain(`${d.kind}@${d.row}`);
    await expectSameBothWays(path, { compactRecords: false });
    const viaEvents = await readAll(path, { worker: 'on' }, 'events');
    expect(viaEvents.events).toEqual((await readAll(path, { worker: 'off' }, 'events')).events);
  }, 120_000);

  it('UTF-8 with a byte-order mark and CRLF, UTF-16LE with tabs, in small chunks', async () => {
    const bom = generateHrExport({
      rows: 2000,
      seed: 5,
      encoding: 'utf-8-bom',
      lineEnding: '\r\n',
      defects: true,
    });
    const bomPath = join(dir, 'bom.csv');
    await writeFile(bomPath, bom.bytes);
    const seen = await expectSameBothWays(bomPath, { chunkBytes: 4096 });
    expect(seen.info).toMatchObject({ encoding: 'utf-8', encodingReason: 'byte-order mark' });

    const utf16 = generateHrExport({
      rows: 1500,
      seed: 6,
      encoding: 'utf-16le',
      delimiter: '\t',
      defects: true,
    });
    const utf16Path = join(dir, 'utf16.txt');
    await writeFile(utf16Path, utf16.bytes);
    const seen16 = await expectSameBothWays(utf16Path, { chunkBytes: 1001 });
    expect(seen16.info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
  }, 60_000);

  it('a file that is plain ASCII for its first MiB and turns Windows-1252 late', async () => {
    const text = ASCII_HEADER + asciiRows(0, 1_300_000);
    const late = iconv.encode(
      `999001;R.;Renée;Renée;van 't;Hoff;renee@gemeente.nl;Coördinator €\r\n`,
      'windows-1252',
    );
    const path = join(dir, 'late-1252.csv');
    await writeFile(
      path,
      Buffer.concat([Buffer.from(text, 'latin1'), late, Buffer.from(asciiRows(5000, 20_000))]),
    );
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(seen.info).toMatchObject({
      encoding: 'utf-8',
      encodingReason: 'valid UTF-8 (plain ASCII so far)',
    });
    const switched = issueCodes(seen).filter((c) => c.startsWith('encoding@'));
    expect(switched).toHaveLength(1);
    const renee = seen.events.find((e) => (e as { cells?: unknown[] }).cells?.[0] === '999001') as {
      cells: string[];
    };
    expect(renee.cells[2]).toBe('Renée');
    expect(renee.cells[7]).toBe('Coördinator €');
  });

  it.each([
    ['UTF-8 é', Buffer.from('é', 'utf8'), 'utf-8'],
    ['Windows-1252 é', Buffer.from([0xe9]), 'windows-1252'],
  ])('a first non-ASCII byte (%s) on a chunk boundary after an ASCII MiB', async (_name, bytes, encoding) => {
    const chunk = 64 * 1024;
    const head = Buffer.from(ASCII_HEADER + asciiRows(0, 1_150_000));
    // The row that holds the character starts so that its first byte of `bytes` is the last byte of a chunk.
    const boundary = Math.ceil((head.length + 40) / chunk) * chunk;
    const lead = Buffer.from(`777001;A.;Andr`);
    const pad = Buffer.from(`${'x'.repeat(boundary - 1 - head.length - lead.length)}`);
    const path = join(dir, `boundary-${encoding}.csv`);
    const file = Buffer.concat([
      head,
      lead,
      pad,
      bytes,
      Buffer.from(`;A.;;Bos;andre@gemeente.nl;Beleidsmedewerker\r\n`),
      Buffer.from(asciiRows(9000, 70_000)),
    ]);
    expect(file[boundary - 1]).toBe(bytes[0]);
    await writeFile(path, file);
    const seen = await expectSameBothWays(path, { compactRecords: true });
    const andre = seen.events.find((e) => (e as { cells?: unknown[] }).cells?.[0] === '777001') as {
      cells: string[];
    };
    expect(andre.cells[2]).toMatch(/é$/u);
    expect(issueCodes(seen).some((c) => c.startsWith('encoding@'))).toBe(encoding === 'windows-1252');
  });

  it('mojibake cut in two by a chunk boundary in a Windows-1252 file is still an encoding warning', async () => {
    const chunk = 64 * 1024;
    const head = Buffer.from(
      `${ASCII_HEADER}${asciiRows(0, 20_000)}999;R.;Ren\xe9e;Ren\xe9e;;Smit;r@gemeente.nl;Adviseur\r\n`,
      'latin1',
    );
    const body = Buffer.from(asciiRows(500, 1_200_000), 'latin1');
    const lead = Buffer.from('888001;J.;Jos', 'latin1');
    const boundary = Math.ceil((head.length + body.length + 40) / chunk) * chunk;
    const pad = Buffer.from('x'.repeat(boundary - 1 - head.length - body.length - lead.length), 'latin1');
    // "Ã" ends one chunk and "©" starts the next: "JosÃ©", UTF-8 "José" read as Windows-1252.
    const file = Buffer.concat([
      head,
      body,
      lead,
      pad,
      Buffer.from([0xc3, 0xa9]),
      Buffer.from(';J.;;Jansen;jose@gemeente.nl;Medewerker\r\n', 'latin1'),
      Buffer.from(asciiRows(20_000, 30_000), 'latin1'),
    ]);
    expect(file[boundary - 1]).toBe(0xc3);
    const path = join(dir, 'mojibake-boundary.csv');
    await writeFile(path, file);
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(seen.info).toMatchObject({ encoding: 'windows-1252' });
    const row = seen.events.findIndex((e) => (e as { cells?: unknown[] }).cells?.[0] === '888001');
    expect(seen.events[row - 1]).toMatchObject({ issue: { code: 'encoding', field: 'Voornaam' } });
  });

  it('badly closed quotes that swallow rows, a stray quote, blank lines, and an unclosed quote at the end', async () => {
    const lines = [ASCII_HEADER.trimEnd()];
    for (let i = 0; i < 3000; i++) {
      const n = 200000 + i;
      if (i % 500 === 7) lines.push(`${n};T.;"Team" leider;Tom;;Berg;tom${i}@gemeente.nl;Teamleider`);
      else if (i % 500 === 100) lines.push(`${n};S.;"Sa"m";Sam;;Smit;sam${i}@gemeente.nl;Adviseur`);
      else if (i % 500 === 200) lines.push('', ';;;;;;;');
      else if (i % 500 === 300)
        lines.push(`${n};K.;"Karin`, `Anna";Karin;;Kok;karin${i}@gemeente.nl;"Zorg; Welzijn"`);
      else lines.push(`${n};P.;Piet;Piet;de;Vries;piet${i}@gemeente.nl;Medewerker`);
    }
    lines.push(
      `299999;O.;"Open;Olga;;Ooms;olga@gemeente.nl;Medewerker`,
      '300000;X.;Xander;X;;Xu;x@gemeente.nl;Y',
    );
    const path = join(dir, 'quotes.csv');
    await writeFile(path, `${lines.join('\r\n')}\r\n`, 'latin1');
    const seen = await expectSameBothWays(path, { compactRecords: true, chunkBytes: 8192 });
    const codes = issueCodes(seen);
    expect(codes.filter((c) => c.startsWith('unterminated-quote@')).length).toBeGreaterThan(6);
    expect(codes).toContain('empty-row@203');
  });

  it.each([
    ['CRLF', '\r\n', 65536],
    ['LF', '\n', 4096],
    ['mixed CRLF and LF', '\r\n|\n', 777],
  ])(
    'rows without any quote (%s): blank lines, delimiter-only lines, short and long rows, no final line break',
    async (name, endings, chunkBytes) => {
      const breaks = endings.split('|');
      let text = ASCII_HEADER.trimEnd();
      for (let i = 0; i < 30_000; i++) {
        const n = 400000 + i;
        const line =
          i % 997 === 5
            ? ''
            : i % 997 === 6
              ? ';;;;;;;'
              : i % 991 === 17
                ? `${n};K.;Kort;Kort`
                : i % 983 === 29
                  ? `${n};L.;Lang;Lang;;Lange;lang@gemeente.nl;Zorg; Welzijn`
                  : i % 977 === 3
                    ? `${n};E.;;;;;;`
                    : `${n};P.;Piet;Piet;${i % 3 === 0 ? 'de' : ''};Vries${i};piet${i}@gemeente.nl;Medewerker`;
        text += breaks[i % breaks.length]! + line;
      }
      const path = join(dir, `plain-${name.replaceAll(' ', '-')}.csv`);
      await writeFile(path, `${text}${breaks[0]}${breaks[0]}x;y`, 'latin1');
      const seen = await expectSameBothWays(path, { compactRecords: true, chunkBytes });
      const codes = issueCodes(seen);
      expect(codes).toContain('empty-row@7');
      expect(codes).toContain('short-row@19');
      expect(codes).toContain('long-row@31');
      expect(codes.at(-1)).toMatch(/^short-row@/u);
      expect(recordCount(seen)).toBeGreaterThan(29_000);
    },
  );

  it('old-Mac CR line endings, an empty file and a file with only a header', async () => {
    const mac = join(dir, 'mac.csv');
    await writeFile(mac, `${ASCII_HEADER.trimEnd()}\r${asciiRows(0, 200_000).replaceAll('\r\n', '\r')}`);
    const seen = await expectSameBothWays(mac);
    expect(recordCount(seen)).toBeGreaterThan(2000);
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const none = await expectSameBothWays(empty);
    expect(none.info).toMatchObject({ headers: [] });
    const header = join(dir, 'header.csv');
    await writeFile(header, ASCII_HEADER);
    expect((await expectSameBothWays(header)).events).toEqual([]);
  });
});

describe('a reader told which columns the consuming run reads (a run that keeps no record: validate)', () => {
  it('hands the same rows to take() with only those cells cut (the others null), and the same issues', async () => {
    const path = join(dir, 'columns-1252.csv');
    await writeHrExport(path, { rows: 5000, seed: 9, defects: true });
    const read = ['Personeelsnummer', 'E-mailadres', 'Achternaam', 'Status'];
    // No row stage in the thread (a small file): the columns only tell the reader what to hand over.
    const rowStage = {
      mapping: {} as MappingFile,
      today: '2026-11-23',
      identity: false,
      share: 'auto' as const,
    };
    const all = await readAll(path, { worker: 'on', compactRecords: true, rowStage }, 'batches');
    const csv = await openCsv(path, {
      worker: 'on',
      compactRecords: true,
      rowStage: { ...rowStage, columns: read },
    });
    const events: unknown[] = [];
    let taken = 0;
    // What a run sees of each record while it takes it (the record object itself is reused).
    const run = {
      take: (record: SourceRecord) =>
        void events.push({ ...(plain({ kind: 'record', record }) as object), cells: [...record.cells!] }),
    };
    for await (const batch of csv.evaluatedBatches) {
      for (const event of batch) {
        if (event.kind === 'rows') {
          event.take(run, event.from, event.to);
          taken += event.to - event.from;
        } else if (event.kind === 'issue' || event.kind === 'record') events.push(plain(event));
      }
    }
    const keep = (all.info as { headers: string[] }).headers.map((h) => read.includes(h));
    expect(keep.filter(Boolean)).toHaveLength(read.length);
    expect(events).toEqual(
      all.events.map((e) => {
        const cells = (e as { cells?: (string | null)[] | null }).cells;
        if (!cells) return e;
        const only = cells.map((c, i) => (keep[i] ? c : null));
        return { ...(e as object), cells: only, values: expect.anything() as unknown };
      }),
    );
    expect(taken).toBe(recordCount(all));
    expect(taken).toBeGreaterThan(4990);
  }, 60_000);
});

describe('the worker hands the first rows over before it has parsed the first MiB', () => {
  /**
   * A Windows-1252 export of 2 MiB with a "sep=;" line, lost letters, and quoted values holding line breaks and
   * delimiters every few rows, so that the pieces the first MiB is parsed in are cut inside quotes too.
   */
  function messyExport(): Buffer {
    let text = `sep=;\r\n${ASCII_HEADER}`;
    for (let i = 0; text.length < 2 * 1024 * 1024; i++) {
      const n = 500000 + i;
      if (i % 37 === 5)
        text += `${n};A.;"Ayşe\r\nRegel 2";Ayşe;;"Yılmaz; Özdemir";ayse${i}@gemeente.nl;"Zorg\nWelzijn"\r\n`;
      else if (i % 41 === 9) text += `${n};M.;Ma?lgorzata;Gosia;van 't;Hoek;m${i}@gemeente.nl;Beleid\r\n`;
      else text += `${n};C.;Chloë;Chloë;de;Graaf${i};chloe${i}@gemeente.nl;Adviseur\r\n`;
    }
    return iconv.encode(text, 'windows-1252');
  }

  it('gives the same events as this thread, with the header and first rows in a small first batch', async () => {
    const path = join(dir, 'pieces.csv');
    await writeFile(path, messyExport());
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(seen.info).toMatchObject({ delimiter: ';', encoding: 'windows-1252' });
    // The quoted line breaks are inside values: every data line with one is one record.
    const records = recordCount(seen);
    expect(records).toBeGreaterThan(15_000);

    const csv = await openCsv(path, { worker: 'on', compactRecords: true });
    let first = -1;
    let batches = 0;
    for await (const batch of csv.batches) {
      if (first === -1) first = batch.filter((e) => e.kind === 'record').length;
      batches++;
    }
    // The first MiB holds some 16,000 rows: parsed at once they would come as one batch.
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(2000);
    expect(batches).toBeGreaterThan(16 + 8);
  }, 60_000);
});

describe('the worker decodes the first MiB a piece at a time', () => {
  /**
   * Where the worker starts decoding a new piece of the first MiB of a file in `encoding` (csv-core.ts
   * prefixInPieces): after the first text, then every PIECE_CHARS bytes.
   */
  const boundaries = (encoding: keyof typeof MAX_BYTES_PER_CHAR) => {
    const first = FIRST_PIECE_CHARS * MAX_BYTES_PER_CHAR[encoding];
    return [first, first + PIECE_CHARS, first + 2 * PIECE_CHARS, first + 3 * PIECE_CHARS];
  };

  /**
   * An export in `encoding`, a bit over a MiB, with a row at each boundary whose surname (`value`) the boundary cuts:
   * its first `cut` bytes end just before it. Those rows have numbers from 900000; the others are plain ASCII
   * (for Windows-1252 but for one "Chloë", so that the file is no valid UTF-8).
   */
  function exportWithCuts(
    encoding: 'utf-8' | 'windows-1252' | 'utf-16le',
    value: string | Buffer,
    cut: number,
  ): Buffer {
    const enc = (text: string) => iconv.encode(text, encoding);
    const unit = encoding === 'utf-16le' ? 2 : 1;
    const parts: Buffer[] = [enc(ASCII_HEADER)];
    let length = parts[0]!.length;
    let i = 0;
    const plainRow = () => {
      const name = encoding === 'windows-1252' && i === 7 ? 'Chloë' : 'Jan';
      const row = enc(`${100000 + i};J.;${name};${name};;Jansen${i};jan${i}@gemeente.nl;Medewerker\r\n`);
      parts.push(row);
      length += row.length;
      i++;
    };
    const bytes = typeof value === 'string' ? enc(value) : value;
    for (const boundary of boundaries(encoding)) {
      while (length + 400 * unit < boundary) plainRow();
      const lead = enc(`${900000 + i};A.;`);
      const pad = (boundary - cut - length - lead.length - enc(';Anna;;').length) / unit;
      const row = Buffer.concat([
        lead,
        enc(`${'x'.repeat(pad)};Anna;;`),
        bytes,
        enc(`;anna${i}@gemeente.nl;Adviseur\r\n`),
      ]);
      expect(length + row.indexOf(bytes) + cut).toBe(boundary);
      parts.push(row);
      length += row.length;
      i++;
    }
    while (length < 1_200_000) plainRow();
    return Buffer.concat(parts);
  }

  const cutRows = (seen: Seen) =>
    seen.events.filter((e) => String((e as { cells?: unknown[] }).cells?.[0]).startsWith('9')) as {
      cells: string[];
    }[];

  it.each([
    ['UTF-8 "ë" cut after its first byte', 'utf-8', 'Hoëven', 3],
    ['UTF-8 "€" cut after its first byte', 'utf-8', 'Bakker€', 7],
    ['UTF-16LE "𠮷" (a surrogate pair) cut between its halves', 'utf-16le', '𠮷田', 2],
  ] as const)('%s: every cut name comes out whole, as in this thread', async (_name, encoding, name, cut) => {
    const path = join(dir, `cuts-${encoding}-${cut}.csv`);
    await writeFile(path, exportWithCuts(encoding, name, cut));
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(seen.info).toMatchObject({ encoding, delimiter: ';' });
    const rows = cutRows(seen);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.cells[5]).toBe(name);
    expect(issueCodes(seen).filter((c) => c.startsWith('encoding@'))).toEqual([]);
  });

  it('Windows-1252 mojibake ("JosÃ©") cut by a boundary is still an encoding warning at its row', async () => {
    const path = join(dir, 'cuts-1252.csv');
    // "Ã©" is UTF-8 "é" read as Windows-1252; the boundary falls between its two bytes.
    await writeFile(path, exportWithCuts('windows-1252', Buffer.from([0x4a, 0x6f, 0x73, 0xc3, 0xa9]), 4));
    const seen = await expectSameBothWays(path, { compactRecords: true });
    expect(seen.info).toMatchObject({ encoding: 'windows-1252' });
    const rows = cutRows(seen);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.cells[5]).toBe('JosÃ©');
      const at = seen.events.indexOf(row);
      expect(seen.events[at - 1]).toMatchObject({ issue: { code: 'encoding', field: 'Achternaam' } });
    }
  });
});

describe('the worker thread is bounded, cancellable and released', () => {
  it('reads at most a few chunks ahead of a consumer that is slower than it', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'ahead.csv');
    const written = await writeHrExport(path, { rows: 100_000, seed: 7 });
    const csv = await openCsv(path, { worker: 'on', compactRecords: true });
    const [fd] = descriptorsOn(path);
    expect(fd).toBeDefined();
    const batches = csv.batches[Symbol.asyncIterator]();
    await batches.next();
    // Give the worker time to race ahead if nothing held it back.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const position = Number(/pos:\s+(\d+)/u.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]);
    expect(position).toBeGreaterThan(1024 * 1024);
    expect(position).toBeLessThan(4 * 1024 * 1024);
    expect(written.bytesWritten).toBeGreaterThan(15 * 1024 * 1024);
    let records = 0;
    for (let next = await batches.next(); !next.done; next = await batches.next())
      records += next.value.filter((e) => e.kind === 'record').length;
    expect(records).toBeGreaterThan(90_000);
    expect(csv.bytesRead()).toBe(written.bytesWritten);
  }, 60_000);

  it('wakes a worker held back by its credits once per wait, not once per batch taken', async () => {
    // Small chunks: many more batches than credits (32), so the worker waits again and again while this thread,
    // busy with each batch, takes them (batches it posts meanwhile reach this thread's queue only when it is empty).
    const path = join(dir, 'credits.csv');
    await writeHrExport(path, { rows: 20_000, seed: 5 });
    const notify = vi.spyOn(Atomics, 'notify');
    try {
      const csv = await openCsv(path, { worker: 'on', compactRecords: true, chunkBytes: 4096 });
      let batches = 0;
      let records = 0;
      let cells = 0;
      for await (const batch of csv.batches) {
        batches++;
        for (const event of batch) {
          if (event.kind !== 'record') continue;
          records++;
          // Some work per row, as a run does.
          cells += JSON.stringify(event.record.cells).length;
        }
      }
      expect(cells).toBeGreaterThan(0);
      expect(records).toBeGreaterThan(19_000);
      expect(batches).toBeGreaterThan(500);
      // A wait lasts until all but a quarter of the credits (8) are taken: at most one per 24 batches, and the
      // notify of the end. (Woken by this thread's queue length, it was woken on most of the batches.)
      const wakeUps = notify.mock.calls.length;
      expect(wakeUps).toBeLessThanOrEqual(Math.ceil(batches / 24) + 2);
    } finally {
      notify.mockRestore();
    }
  }, 60_000);

  it('an abort mid-file ends the iteration with source-aborted, no record after it, and frees the file', async (ctx) => {
    const path = join(dir, 'abort.csv');
    await writeHrExport(path, { rows: 40_000, seed: 8 });
    for (const worker of ['off', 'on'] as const) {
      const controller = new AbortController();
      const csv = await openCsv(path, { worker, chunkBytes: 8 * 1024 }, controller.signal);
      let seen = 0;
      const run = async () => {
        for await (const event of csv.events) {
          if (event.kind === 'record' && ++seen === 5000) controller.abort();
        }
      };
      await expect(run()).rejects.toMatchObject({ name: 'SourceError', code: 'source-aborted' });
      expect(seen).toBe(5000);
      expect(csv.bytesRead()).toBeLessThan(csv.bytesTotal);
      if (linux) await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
    }
    if (!linux) ctx.skip();
  });

  it('close() early stops the thread and closes the file; the iteration then ends', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'close.csv');
    await writeHrExport(path, { rows: 40_000, seed: 9 });
    const before = threads();
    const csv = await openCsv(path, { worker: 'on' });
    const batches = csv.batches[Symbol.asyncIterator]();
    expect((await batches.next()).done).toBe(false);
    expect(threads()).toBeGreaterThan(before);
    expect(descriptorsOn(path)).toHaveLength(1);
    await csv.close();
    expect(descriptorsOn(path)).toEqual([]);
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
    // Batches already sent over are dropped too: the iteration ends, as it does in this thread.
    expect((await batches.next()).done).toBe(true);
  });
});

/** Runs `code` in a Node process of its own, with prestartCsvWorker imported (from the sources, through tsx). */
function withPrestart(code: string) {
  const readCsv = new URL('../../../../src/main/sources/csv/read-csv.ts', import.meta.url).href;
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { prestartCsvWorker } from '${readCsv}'; ${code}`,
    ],
    { encoding: 'utf8', timeout: 30_000, cwd: new URL('../../../../', import.meta.url).pathname },
  );
}

describe('a thread started ahead (prestartCsvWorker)', () => {
  it('is taken by the next file read in a thread, with the same events', async () => {
    const path = join(dir, 'prestart.csv');
    await writeHrExport(path, { rows: 5000, seed: 12, defects: true });
    await prestartCsvWorker();
    const ahead = await readAll(path, { worker: 'on', compactRecords: true }, 'batches');
    const inThread = await readAll(path, { worker: 'off', compactRecords: true }, 'batches');
    expect(ahead.events).toEqual(inThread.events);
    expect(recordCount(ahead)).toBe(4998);
  });

  it('does not keep the process alive when no file is read', () => {
    const r = withPrestart(`void prestartCsvWorker(); console.log('started');`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('started\n');
    expect(r.status).toBe(0);
  });
});

describe('the row stage in the reading thread, loaded while the thread waits or while it reads', () => {
  const DEMO = new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

  it('a thread asked ahead loads the mapping engine before the job, and still does not keep the process alive', () => {
    const r = withPrestart(`await prestartCsvWorker({ rowStage: true }); console.log('loaded');`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('loaded\n');
    expect(r.status).toBe(0);
  });

  it('a thread taken by a read before it has loaded the engine lets whoever waits for that go on', async () => {
    const path = join(dir, 'taken-early.csv');
    await writeHrExport(path, { rows: 3000, seed: 22 });
    const loading = prestartCsvWorker({ rowStage: true });
    const csv = await openCsv(path, { worker: 'on', compactRecords: true });
    await loading;
    let records = 0;
    for await (const batch of csv.batches) for (const e of batch) if (e.kind === 'record') records++;
    expect(records).toBe(3000);
  });

  it('without it loaded ahead, the first rows come at once as rows to take, the stage takes its share once loaded, and every row comes once', async () => {
    // Under 32 MiB a file gets a row stage only when asked for (troubleshooting, tests).
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'auto');
    const path = join(dir, 'stage-later.csv');
    await writeHrExport(path, { rows: 60_000, seed: 21, defects: true });
    const loaded = await loadMappingFile(DEMO);
    const rowStage = {
      mapping: loaded.mapping,
      today: '2026-11-23',
      identity: false,
      share: 'auto' as const,
      columns: [...rowStageColumns(loaded.compiled, false)],
    };
    const inThread = await readAll(path, { worker: 'off', compactRecords: true }, 'batches');
    // A fresh thread (not one started ahead), so that the engine is loaded only once the job has come.
    const csv = await openCsv(path, { worker: 'on', compactRecords: true, rowStage });
    const kinds: string[] = [];
    const rows: number[] = [];
    const issues: unknown[] = [];
    const run = { take: (record: SourceRecord) => void rows.push(record.row) };
    for await (const batch of csv.evaluatedBatches) {
      for (const event of batch) {
        kinds.push(event.kind);
        if (event.kind === 'rows') event.take(run, event.from, event.to);
        else if (event.kind === 'evaluated')
          for (let i = event.from; i < event.to; i++) rows.push(event.verdicts.rows[i]!);
        else if (event.kind === 'issue') issues.push(plain(event));
      }
      // A consumer slower than the reader until the stage has taken a chunk: chunks wait, so the thread evaluates
      // some itself once the engine is loaded (which it does while it waits for the consumer).
      if (!kinds.includes('evaluated')) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(kinds.find((k) => k !== 'issue')).toBe('rows');
    expect(kinds).toContain('evaluated');
    const expected = inThread.events.flatMap((e) =>
      'row' in (e as object) ? [(e as { row: number }).row] : [],
    );
    expect(rows).toEqual(expected);
    expect(rows.length).toBe(recordCount(inThread));
    expect(issues).toEqual(inThread.events.filter((e) => 'issue' in (e as object)));
  }, 60_000);
});

describe('the reading thread yields the cores to the consumer when it only reads ahead (Linux)', () => {
  /** The niceness of each thread of this process (/proc/self/task/<tid>/stat, field 19). */
  const niceness = () =>
    readdirSync('/proc/self/task').map((tid) =>
      Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
    );

  it('runs 10 lower than the process without a row stage, at the process priority with one', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'priority.csv');
    await writeHrExport(path, { rows: 20_000, seed: 31 });
    const own = niceness()[0]!;
    const seen = async (options: CsvReadOptions) => {
      const csv = await openCsv(path, { worker: 'on', compactRecords: true, ...options });
      let during: number[] = [];
      for await (const batch of csv.evaluatedBatches) {
        if (during.length === 0) during = niceness();
        void batch;
      }
      return during;
    };
    const plainRead = await seen({});
    expect(plainRead.filter((n) => n === Math.min(19, own + 10))).toHaveLength(1);
    const loaded = await loadMappingFile(
      new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname,
    );
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'all');
    const withStage = await seen({
      rowStage: { mapping: loaded.mapping, today: '2026-11-23', identity: false, share: 'auto' },
    });
    expect(withStage.filter((n) => n !== own)).toEqual([]);
  }, 60_000);
});

describe('prepareSourceReader (the pipeline starts the thread while it loads the mapping)', () => {
  it('starts a thread only for a file read in one, and the read then takes it', async (ctx) => {
    if (!linux) ctx.skip();
    // Let threads from earlier tests end first.
    await new Promise((r) => setTimeout(r, 200));
    const small = join(dir, 'klein.csv');
    await writeHrExport(small, { rows: 200, seed: 3 });
    let before = threads();
    await prepareSourceReader(small);
    expect(threads()).toBe(before);
    await prepareSourceReader(join(dir, 'bestaat-niet.csv'));
    await prepareSourceReader(dir);
    expect(threads()).toBe(before);

    const large = join(dir, 'groot.csv');
    await writeHrExport(large, { rows: 40_000, seed: 4, defects: true });
    before = threads();
    await prepareSourceReader(large);
    const prepared = threads();
    expect(prepared).toBeGreaterThan(before);
    const csv = await openCsv(large, { compactRecords: true });
    // The prepared thread reads the file: no other one is started.
    expect(threads()).toBe(prepared);
    let records = 0;
    for await (const batch of csv.batches) for (const e of batch) if (e.kind === 'record') records++;
    expect(records).toBeGreaterThan(39_000);
  });
});

describe('a read begun while the mapping is still being validated (startEarlyCsvRead)', () => {
  /** Opens `path` as a validated mapping with `;` would (taking over `early` when it is that read). */
  function openSemicolons(path: string, early: EarlyCsvRead | undefined) {
    return openCsv(path, { encoding: 'auto', delimiter: ';', compactRecords: true }, undefined, early);
  }

  /** Every event of a reader, as plain data. */
  async function eventsOf(csv: Awaited<ReturnType<typeof openCsv>>): Promise<unknown[]> {
    const events: unknown[] = [];
    for await (const batch of csv.batches) for (const event of batch) events.push(plain(event));
    return events;
  }

  it('is taken over by openCsv when it asks for the same read: the same events as a fresh read, no other thread', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'vroeg.csv');
    await writeHrExport(path, { rows: 30_000, seed: 21, defects: true });
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    const early = await startEarlyCsvRead(path, { encoding: 'auto', delimiter: 'auto' });
    expect(early?.state).toBe('pending');
    // The thread reads (and has the file open) before anyone opened the file.
    expect(threads()).toBeGreaterThan(before);
    expect(descriptorsOn(path)).toHaveLength(1);
    const options: CsvReadOptions = { encoding: 'auto', delimiter: 'auto', compactRecords: true };
    const csv = await openCsv(path, options, undefined, early);
    expect(early?.state).toBe('taken');
    expect(descriptorsOn(path), 'the file is not opened again').toHaveLength(1);
    const fresh = await openCsv(path, { ...options, worker: 'off' });
    expect(csv.info).toEqual(fresh.info);
    const [taken, afresh] = await Promise.all([eventsOf(csv), eventsOf(fresh)]);
    expect(taken).toEqual(afresh);
    expect(taken.length).toBeGreaterThan(29_000);
    expect(csv.bytesRead()).toBe(csv.bytesTotal);
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
    // Taken once: a second reader of the file reads it afresh, and discarding it afterwards changes nothing.
    await early!.discard();
    expect(early?.state).toBe('taken');
    expect(await eventsOf(await openCsv(path, options, undefined, early))).toEqual(afresh);
  }, 60_000);

  it('is stopped when the validated mapping asks for another read, which then reads the file as asked', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'vroeg-komma.csv');
    await writeHrExport(path, { rows: 30_000, seed: 22 });
    // Begun with the comma (a hint the mapping's own source part gave), opened with the semicolon it validated to.
    const early = await startEarlyCsvRead(path, { encoding: 'auto', delimiter: ',' });
    expect(early?.state).toBe('pending');
    const csv = await openSemicolons(path, early);
    expect(early?.state).toBe('stopped');
    expect(csv.info.delimiter).toBe(';');
    expect(csv.info.headers).toHaveLength(17);
    const events = await eventsOf(csv);
    expect(events.filter((e) => !(e as { issue?: unknown }).issue)).toHaveLength(30_000);
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));

    // Nor is it taken by a read of another file, with a row stage, or in this thread.
    const other = join(dir, 'vroeg-ander.csv');
    await writeHrExport(other, { rows: 30_000, seed: 23 });
    for (const [file, options] of [
      [other, {}],
      [path, { worker: 'off' }],
      [path, { chunkBytes: 4096 }],
    ] as [string, CsvReadOptions][]) {
      const begun = await startEarlyCsvRead(path, {});
      const read = await openCsv(file, options, undefined, begun);
      expect(begun?.state).toBe('stopped');
      expect((await eventsOf(read)).length).toBeGreaterThan(29_000);
    }
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
  }, 60_000);

  it('discard() ends the thread and closes the file; nothing is begun for a file read without a thread', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'vroeg-weg.csv');
    await writeHrExport(path, { rows: 30_000, seed: 24 });
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    const early = await startEarlyCsvRead(path, { delimiter: ';' });
    expect(descriptorsOn(path)).toHaveLength(1);
    await early!.discard();
    expect(early!.state).toBe('stopped');
    expect(descriptorsOn(path)).toEqual([]);
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));

    const small = join(dir, 'vroeg-klein.csv');
    await writeHrExport(small, { rows: 200, seed: 25 });
    expect(await startEarlyCsvRead(small, {})).toBeUndefined();
    expect(await startEarlyCsvRead(join(dir, 'bestaat-niet.csv'), {})).toBeUndefined();
    expect(descriptorsOn(small)).toEqual([]);
    vi.stubEnv('PLEK_CSV_WORKER', 'off');
    expect(await startEarlyCsvRead(path, {})).toBeUndefined();
    vi.stubEnv('PLEK_CSV_WORKER', '');
    // A file large enough for a row stage: the thread is better spent loading the mapping engine.
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'auto');
    expect(await startEarlyCsvRead(path, {})).toBeUndefined();
    expect(descriptorsOn(path)).toEqual([]);
  }, 60_000);

  it('opens the file while its options are still on their way; closes it again when they come as undefined', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'vroeg-onderweg.csv');
    await writeHrExport(path, { rows: 30_000, seed: 29 });
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    // The options come once the file is open (as a mapping file read beside it would).
    let give!: (options: CsvReadOptions | undefined) => void;
    const begun = startEarlyCsvRead(path, new Promise((resolve) => (give = resolve)));
    await vi.waitFor(() => expect(descriptorsOn(path)).toHaveLength(1));
    give({ encoding: 'auto', delimiter: ';' });
    const early = await begun;
    expect(early?.state).toBe('pending');
    const csv = await openSemicolons(path, early);
    expect(early?.state).toBe('taken');
    expect((await eventsOf(csv)).filter((e) => !(e as { issue?: unknown }).issue)).toHaveLength(30_000);
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));

    // No options after all (the mapping file could not be read, or reads no CSV): nothing begun, nothing left open.
    // They come once the file is open (seen open, not a guessed delay).
    let noOptions!: (options: undefined) => void;
    const none = startEarlyCsvRead(path, new Promise((resolve) => (noOptions = resolve)));
    await vi.waitFor(() => expect(descriptorsOn(path)).toHaveLength(1));
    noOptions(undefined);
    expect(await none).toBeUndefined();
    expect(descriptorsOn(path)).toEqual([]);
    // A folder is no file to begin a read of.
    expect(await startEarlyCsvRead(dir, { delimiter: ';' })).toBeUndefined();
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
  }, 60_000);

  it('prepareSourceReader begins it from a mapping text whose source is a CSV, and openSource takes it over', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'vroeg-bron.csv');
    await writeHrExport(path, { rows: 30_000, seed: 26 });
    const demo = readFileSync(
      new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname,
      'utf8',
    );
    const early = await prepareSourceReader(path, { rowStage: true, mappingText: demo });
    expect(early?.state).toBe('pending');
    const { mapping } = await loadMappingFile(
      new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname,
    );
    const opened = await openSource(mapping, {
      baseDir: dir,
      sourcePath: path,
      compactRecords: true,
      earlyCsv: early!,
    });
    expect(early?.state).toBe('taken');
    expect(opened.headers).toHaveLength(17);
    let records = 0;
    for await (const batch of opened.batches!) for (const e of batch) if (e.kind === 'record') records++;
    expect(records).toBe(30_000);

    // Not from a text that is no mapping, whose source is no CSV, or whose CSV source is not valid.
    const ldap = JSON.parse(demo) as { source: unknown };
    ldap.source = { kind: 'ldap', url: 'ldaps://dc.example.nl', bindDn: 'cn=x', baseDn: 'dc=example,dc=nl' };
    const badEncoding = JSON.parse(demo) as { source: { encoding: string } };
    badEncoding.source.encoding = 'latin-9';
    for (const text of ['{ niet json', JSON.stringify(ldap), JSON.stringify(badEncoding), '[]']) {
      expect(await prepareSourceReader(path, { mappingText: text })).toBeUndefined();
    }
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
    // Those started a thread ahead instead; the next read takes it.
    await openCsv(path, { compactRecords: true }).then((read) => read.close());

    // A file for which no read is begun (here: one that `map`, which keeps its outcomes, reads while a row stage is
    // asked for at every size) still gets its thread started ahead.
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'auto');
    await new Promise((r) => setTimeout(r, 300));
    const before = threads();
    expect(await prepareSourceReader(path, { rowStage: false, mappingText: demo })).toBeUndefined();
    expect(threads()).toBeGreaterThan(before);
    let rows = 0;
    for await (const batch of (await openCsv(path, { compactRecords: true })).batches)
      for (const e of batch) if (e.kind === 'record') rows++;
    expect(rows).toBe(30_000);
  }, 60_000);
});

describe('the pipeline reads the file named on the command line while it validates the mapping', () => {
  const DEMO = new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

  async function validate(source: string, mappingPath = DEMO) {
    const issues: Issue[] = [];
    const { result } = await runPipeline({
      mappingPath,
      sourcePath: source,
      today: '2026-11-23',
      collect: false,
      onIssue: (issue) => issues.push(issue),
    });
    return { summary: result.summary, issues };
  }

  it('gives the same issues and summary as a read in this thread, and leaves no thread or descriptor', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'pijplijn-vroeg.csv');
    await writeHrExport(path, { rows: 30_000, seed: 27, defects: true, names: 'varied' });
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    const early = await validate(path);
    vi.stubEnv('PLEK_CSV_WORKER', 'off');
    const inThread = await validate(path);
    expect(early.summary).toEqual(inThread.summary);
    expect(early.issues).toEqual(inThread.issues);
    expect(early.summary.rows).toBe(30_000);
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
  }, 60_000);

  it('a mapping that does not validate: its error, and the read begun meanwhile stopped', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'pijplijn-fout.csv');
    await writeHrExport(path, { rows: 30_000, seed: 28 });
    const broken = JSON.parse(readFileSync(DEMO, 'utf8')) as { fields: Record<string, unknown> };
    broken.fields.title = { expression: 'Trim([Functie]' };
    const mappingPath = join(dir, 'kapot.plekmap.json');
    await writeFile(mappingPath, JSON.stringify(broken));
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    const error = await validate(path, mappingPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('kapot.plekmap.json');
    expect(descriptorsOn(path)).toEqual([]);
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
  }, 60_000);
});

describe('the pipeline reads the mapping file beside opening the source file', () => {
  it('a mapping file that is not there: its error (exit 2), and the source file is not left open', async (ctx) => {
    if (!linux) ctx.skip();
    const path = join(dir, 'pijplijn-zonder-mapping.csv');
    await writeHrExport(path, { rows: 30_000, seed: 30 });
    await new Promise((r) => setTimeout(r, 200));
    const before = threads();
    const error = await runPipeline({
      mappingPath: join(dir, 'bestaat-niet.plekmap.json'),
      sourcePath: path,
      today: '2026-11-23',
      collect: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain('bestaat-niet.plekmap.json');
    await vi.waitFor(() => expect(descriptorsOn(path)).toEqual([]));
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before));
  }, 60_000);
});

describe('a reading thread that ends unexpectedly', () => {
  it('fails the read with a worded SourceError that names the file and the way around it', async () => {
    const path = join(dir, 'afgebroken.csv');
    await writeHrExport(path, { rows: 2000, seed: 8 });
    // The thread is ended the moment it is given the file, as an out-of-memory end would.
    const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker) {
      void this.terminate();
    });
    let error: unknown;
    try {
      await openCsv(path, { worker: 'on' });
    } catch (e) {
      error = e;
    } finally {
      post.mockRestore();
    }
    expect(error).toBeInstanceOf(SourceError);
    const e = error as SourceError;
    expect(e.file).toBe('afgebroken.csv');
    expect(e.said?.code).toBe('sourceError.workerStopped');
    const { file, code } = e.said!.params as { file: string; code: number };
    expect(file).toBe('afgebroken.csv');
    expect(typeof code).toBe('number');
    expect(format('nl', 'sourceError.workerStopped', { file, code })).toMatch(
      /^Het lezen van afgebroken\.csv is gestopt: .*PLEK_CSV_WORKER=off/,
    );
    if (linux) expect(descriptorsOn(path)).toEqual([]);
  });
});

describe('a file that cannot be read gives the same SourceError in the worker', () => {
  const failure = async (path: string, worker: 'on' | 'off') => {
    const error = await openCsv(path, { worker }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    const e = error as SourceError;
    return {
      name: e.name,
      code: e.code,
      message: e.message,
      file: e.file,
      said: e.said,
      technical: e.technical,
    };
  };

  it.each([
    ['missing', 'bestaat-niet.csv', undefined],
    [
      'an Excel workbook',
      'personeel.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5000, 7)]),
    ],
    ['a PDF', 'export.csv', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 65)])],
    ['binary', 'data.csv', Buffer.concat([Buffer.from('Nr;Naam\n'), Buffer.alloc(3000, 0)])],
  ])('%s', async (_what, name, bytes) => {
    const path = join(dir, name);
    if (bytes) await writeFile(path, bytes);
    const inThread = await failure(path, 'off');
    expect(inThread.said).toBeDefined();
    expect(await failure(path, 'on')).toEqual(inThread);
    if (linux) expect(descriptorsOn(path)).toEqual([]);
  });
});
