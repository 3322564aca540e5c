// A chunk of an export without any "?" tells the engine so (SourceRecord.noQuestionMark), which then skips looking
// for letters a code page lost ("Ay?e Y?lmaz") in every row's names. The hint must be given only when it is true:
// a chunk with one "?" anywhere gives it to none of its records, and validate must word every lost letter as before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPipeline } from '../../../../src/main/pipeline';
import { BatchWriter, decodeBatch } from '../../../../src/main/sources/csv/csv-wire';
import type { Issue } from '../../../../src/shared/issues';
import { generateHrExport } from '../../../fixtures/hr-export';

const DEMO_MAPPING = new URL('../../../../resources/demo/demo.plekmap.json', import.meta.url).pathname;

describe('decodeBatch: the no-"?" hint of a chunk', () => {
  const columns = new Map([
    ['Personeelsnummer', 0],
    ['Achternaam', 1],
    ['Functie', 2],
  ]);
  function batch(rows: string[][]) {
    const w = new BatchWriter();
    rows.forEach((cells, r) => {
      for (const c of cells) w.cellValue(c === '' ? null : c);
      w.record(r + 2);
    });
    return w.take(1000)!;
  }

  it('is given to every record of a chunk without "?", to none of a chunk with one (in any column)', () => {
    const clean = decodeBatch(
      batch([
        ['1', 'Jansen', 'Teamleider'],
        ['2', 'de Vries', ''],
      ]),
      'hr.csv',
      columns,
      3,
      true,
    );
    const lost = decodeBatch(
      batch([
        ['1', 'Jansen', ''],
        ['2', 'Y?lmaz', ''],
      ]),
      'hr.csv',
      columns,
      3,
      true,
    );
    const elsewhere = decodeBatch(
      batch([
        ['1', 'Jansen', 'Wat?'],
        ['2', 'Bakker', ''],
      ]),
      'hr.csv',
      columns,
      3,
      true,
    );
    const hints = (events: ReturnType<typeof decodeBatch>) =>
      events.map((e) => (e.kind === 'record' ? e.record.noQuestionMark : 'issue'));
    expect(hints(clean)).toEqual([true, true]);
    expect(hints(lost)).toEqual([false, false]);
    expect(hints(elsewhere)).toEqual([false, false]);
  });
});

describe('validate with and without the hint (reader thread on and off)', () => {
  let dir: string;
  let file: string;
  // Rows whose names lost a letter (Windows-1252 has no ş, ı, ł): at known data rows, far apart (other chunks).
  const planted = [5, 1500, 7000, 11_990];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plek-no-question-'));
    const { bytes } = generateHrExport({ rows: 12_000, seed: 31, defects: true, delimiter: ';' });
    const lines = Buffer.from(bytes).toString('latin1').split('\r\n');
    for (const [n, r] of planted.entries()) {
      const cells = lines[r + 1]!.split(';');
      // Achternaam (6th column), Roepnaam (4th) once.
      cells[5] = ['Y?lmaz', '?zdemir', 'Kowalczyk', 'Ba?kaya'][n]!;
      if (n === 2) cells[3] = 'Wojciech?';
      lines[r + 1] = cells.join(';');
    }
    file = join(dir, 'hr.csv');
    writeFileSync(file, Buffer.from(lines.join('\r\n'), 'latin1'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  /** validate as the CLI runs it; PLEK_CSV_WORKER=on reads in the thread (decodeBatch gives the hint) at any size. */
  async function validate(worker: 'on' | 'off') {
    vi.stubEnv('PLEK_CSV_WORKER', worker);
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'off');
    const issues: Issue[] = [];
    const { result } = await runPipeline({
      mappingPath: DEMO_MAPPING,
      sourcePath: file,
      today: '2026-11-23',
      collect: false,
      onIssue: (i) => issues.push(i),
    });
    return { issues, summary: result.summary };
  }

  it('words every lost letter, and gives the same issues and summary either way', async () => {
    const on = await validate('on');
    const off = await validate('off');
    expect(JSON.stringify(on.issues)).toBe(JSON.stringify(off.issues));
    expect(on.summary).toEqual(off.summary);
    const lost = on.issues.filter((i) => i.params?.id === 'issue.encoding.questionMark');
    // Y?lmaz, Ba?kaya (a letter between letters); ?zdemir and Wojciech? have none after or before the "?".
    expect(lost.map((i) => [i.row, i.params?.value])).toEqual([
      [planted[0]! + 2, 'Y?lmaz'],
      [planted[3]! + 2, 'Ba?kaya'],
    ]);
  });
});
