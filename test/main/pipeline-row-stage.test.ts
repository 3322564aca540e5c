// When validate reads a large CSV in a worker thread, that thread also runs the mapping's row-local stage on part of
// the rows (PLEK_CSV_ROW_STAGE=auto, the default), and this thread only files them. Whatever share it takes — none,
// all, or as the two threads keep pace — the run must stream the same issues in the same order, with the same
// summary, as a run that reads in its own thread; `map` (whose first pass uses it) the same outcomes.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPipeline, streamOutcomes } from '../../src/main/pipeline';
import { SourceError } from '../../src/main/sources/source-error';
import type { Issue } from '../../src/shared/issues';
import { generateHrExport } from '../fixtures/hr-export';
import { DOCS_LOGIN_SCHEMA } from '../fixtures/login-schema';

const DEMO_MAPPING = new URL('../../resources/demo/demo.plekmap.json', import.meta.url).pathname;
const TODAY = '2026-11-23';

let dir: string;
let file: string;
let previousFile: string;
const mappings: Record<string, string> = {};

function mappingWith(
  name: string,
  change: (m: Record<string, unknown> & { fields: Record<string, unknown> }) => void,
) {
  const mapping = JSON.parse(readFileSync(DEMO_MAPPING, 'utf8')) as Record<string, unknown> & {
    fields: Record<string, unknown>;
  };
  change(mapping);
  const path = join(dir, `${name}.plekmap.json`);
  writeFileSync(path, JSON.stringify(mapping));
  mappings[name] = path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-row-stage-'));
  const generated = generateHrExport({
    rows: 12_000,
    seed: 11,
    defects: true,
    encoding: 'windows-1252',
    delimiter: ';',
    lineEnding: '\r\n',
    names: 'varied',
  });
  file = join(dir, 'hr.csv');
  writeFileSync(file, generated.bytes);
  previousFile = join(dir, 'vorige.csv');
  writeFileSync(previousFile, generateHrExport({ rows: 3000, seed: 12, defects: true }).bytes);
  mappingWith('demo', () => {});
  mappingWith('warning', (m) => {
    m.fields.nickName = { expression: 'ToNumber([Achternaam])' };
    m.scope = { include: 'IsPresent([Afdeling])' };
  });
  mappingWith('login', (m) => {
    m.loginSchema = DOCS_LOGIN_SCHEMA;
  });
  mappingWith('joiners', (m) => {
    m.activation = { startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")', daysAhead: 7 };
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** validate's run: no outcomes kept, every issue streamed; the reader and its row stage as given. */
async function validate(
  mapping: string,
  stage: 'off' | 'all' | 'auto',
  worker: 'on' | 'off',
  previous = false,
) {
  vi.stubEnv('PLEK_CSV_WORKER', worker);
  vi.stubEnv('PLEK_CSV_ROW_STAGE', stage);
  const issues: Issue[] = [];
  const progress: number[] = [];
  const { result } = await runPipeline({
    mappingPath: mapping,
    sourcePath: file,
    today: TODAY,
    collect: false,
    ...(previous ? { previousPath: previousFile } : {}),
    onIssue: (i) => issues.push(i),
    onProgress: (p) => progress.push(p.rows),
  });
  return { issues: JSON.stringify(issues), summary: result.summary, count: issues.length, progress };
}

describe('the row-local stage in the reader thread', () => {
  for (const name of ['demo', 'warning', 'login', 'joiners']) {
    for (const previous of name === 'demo' || name === 'login' ? [false, true] : [false]) {
      it(`validate gives the same issues and summary, ${name} mapping${previous ? ', previous export' : ''}`, async () => {
        const inThread = await validate(mappings[name]!, 'off', 'off', previous);
        expect(inThread.count).toBeGreaterThan(200);
        for (const stage of ['off', 'all', 'auto'] as const) {
          const inWorker = await validate(mappings[name]!, stage, 'on', previous);
          expect(inWorker.summary).toEqual(inThread.summary);
          expect(inWorker.issues).toBe(inThread.issues);
          expect(inWorker.progress.at(-1)).toBe(inThread.progress.at(-1));
        }
        if (previous) expect(inThread.issues).toContain('"key-changed"');
      }, 120_000);
    }
  }

  it('map streams the same outcomes (its first pass files verdicts, its second maps records)', async () => {
    const run = async (stage: 'off' | 'all', worker: 'on' | 'off') => {
      vi.stubEnv('PLEK_CSV_WORKER', worker);
      vi.stubEnv('PLEK_CSV_ROW_STAGE', stage);
      const outcomes: string[] = [];
      const issues: Issue[] = [];
      const { result } = await streamOutcomes(
        { mappingPath: mappings.login!, sourcePath: file, today: TODAY, onIssue: (i) => issues.push(i) },
        (o) => void outcomes.push(JSON.stringify(o)),
      );
      return { outcomes, issues: JSON.stringify(issues), summary: result.summary };
    };
    const inThread = await run('off', 'off');
    const inWorker = await run('all', 'on');
    expect(inWorker.summary).toEqual(inThread.summary);
    expect(inWorker.issues).toBe(inThread.issues);
    expect(inWorker.outcomes.length).toBeGreaterThan(11_900);
    expect(inWorker.outcomes).toEqual(inThread.outcomes);
  }, 120_000);

  it('a file that is no CSV is refused with the same SourceError', async () => {
    const png = join(dir, 'foto.csv');
    const bytes = Buffer.alloc(5 * 1024 * 1024, 7);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    writeFileSync(png, bytes);
    const refusal = async (stage: 'off' | 'all', worker: 'on' | 'off') => {
      vi.stubEnv('PLEK_CSV_WORKER', worker);
      vi.stubEnv('PLEK_CSV_ROW_STAGE', stage);
      const error = await runPipeline({
        mappingPath: DEMO_MAPPING,
        sourcePath: png,
        today: TODAY,
        collect: false,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SourceError);
      const e = error as SourceError;
      return { code: e.code, message: e.message, said: e.said };
    };
    expect(await refusal('all', 'on')).toEqual(await refusal('off', 'off'));
  }, 60_000);

  it('a cancelled run stops the reader thread', async () => {
    const linux = readdirSync('/proc/self/task', { withFileTypes: false }).length > 0;
    if (!linux) return;
    const threads = () => readdirSync('/proc/self/task').length;
    vi.stubEnv('PLEK_CSV_WORKER', 'on');
    vi.stubEnv('PLEK_CSV_ROW_STAGE', 'all');
    const before = threads();
    const controller = new AbortController();
    const outcome = await runPipeline({
      mappingPath: DEMO_MAPPING,
      sourcePath: file,
      today: TODAY,
      collect: false,
      signal: controller.signal,
      onIssue: () => {},
      onProgress: () => controller.abort(),
    }).then(
      () => 'finished',
      (e: { exitCode?: number; code?: string }) => e.exitCode ?? e.code,
    );
    expect([130, 'source-aborted']).toContain(outcome);
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before), { timeout: 10_000 });
  }, 60_000);
});
