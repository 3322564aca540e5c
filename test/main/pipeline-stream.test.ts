// The pipeline as `validate` runs it on a big export: compact CSV records, no outcomes kept, every issue streamed
// out. It must find and count exactly what a run that keeps everything finds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, streamOutcomes } from '../../src/main/pipeline';
import type { RowOutcome } from '../../src/shared/engine/types';
import type { Issue } from '../../src/shared/issues';
import { generateHrExport, type PlantedDefect } from '../fixtures/hr-export';

const DEMO_MAPPING = new URL('../../resources/demo/demo.plekmap.json', import.meta.url).pathname;
const TODAY = '2026-11-23';
const ROWS = 30_000;

let dir: string;
let file: string;
let defects: PlantedDefect[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-pipeline-'));
  const generated = generateHrExport({
    rows: ROWS,
    seed: 7,
    defects: true,
    encoding: 'windows-1252',
    delimiter: ';',
    lineEnding: '\r\n',
  });
  file = join(dir, 'hr.csv');
  writeFileSync(file, generated.bytes);
  defects = generated.defects;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (i: Issue) => `${i.row ?? 0}|${i.code}|${i.severity}|${i.message}`;

describe('validate on a big export, issues streamed', () => {
  it('streams exactly the issues a collecting run returns, holds none, and counts every row once', async () => {
    const kept = await runPipeline({ mappingPath: DEMO_MAPPING, sourcePath: file, today: TODAY });
    const streamed: Issue[] = [];
    const lean = await runPipeline({
      mappingPath: DEMO_MAPPING,
      sourcePath: file,
      today: TODAY,
      collect: false,
      onIssue: (i) => streamed.push(i),
    });
    expect(lean.result.issues).toEqual([]);
    expect(lean.result.outcomes).toEqual([]);
    expect(streamed.map(key).sort()).toEqual(kept.result.issues.map(key).sort());
    expect(lean.result.summary).toEqual(kept.result.summary);

    const { summary } = lean.result;
    expect(summary.rows).toBe(ROWS);
    const u = summary.users;
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(ROWS);
    // Every row of the kept run ends mapped, skipped or in error, once; source error rows are issues only.
    const statuses = kept.result.outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 'mapped').length).toBe(u.active + u.deactivate);

    // Every planted defect is reported at its spreadsheet row.
    const found = new Set(streamed.map((i) => `${i.code}@${i.row}`));
    for (const d of defects.filter((x) => x.expectsIssue)) {
      for (const row of d.rows ?? [d.row]) expect(found, d.note).toContain(`${d.kind}@${row}`);
    }
  });

  it('map streams the final outcomes of both passes in row order', async () => {
    const outcomes: RowOutcome[] = [];
    const blocking: Issue[] = [];
    const { result } = await streamOutcomes(
      {
        mappingPath: DEMO_MAPPING,
        sourcePath: file,
        today: TODAY,
        onIssue: (i) => {
          if (i.severity === 'error') blocking.push(i);
        },
      },
      (o) => {
        outcomes.push(o);
      },
    );
    expect(result.issues).toEqual([]);
    const rows = outcomes.map((o) => o.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // Rows the cross-row checks block (duplicate keys, shared emails) come out as errors in pass 2.
    const duplicate = blocking.find((i) => i.code === 'duplicate-key')!;
    expect(outcomes.find((o) => o.row === duplicate.row)!.status).toBe('error');
    expect(outcomes.filter((o) => o.status === 'mapped')).toHaveLength(
      result.summary.users.active + result.summary.users.deactivate,
    );
  });
});
