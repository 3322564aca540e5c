// One measured case of the engine bench, in a fresh process so that its peak RSS is its own (not the garbage of
// an earlier case or of generating the files). Prints one JSON line: the wall time of the case (modules already
// loaded) and its CPU time, the process's peak RSS (the kernel's max RSS, so nothing between samples is missed), the RSS before
// the case started, and what the case counted. engine.bench.ts runs it built to plain JavaScript (as the CLI is);
// through tsx it runs as well, slower.
//
//   node <built>/engine-child.js bare <file>
//   node <built>/engine-child.js validate <file> <mapping>
//   node <built>/engine-child.js write-state <file> <mapping> <state.json>   (validate --write-state)
//   node <built>/engine-child.js engine <file> <mapping>   (the mapping run alone: records read into memory first)
import { createReadStream } from 'node:fs';
import { writeStateFile } from '../src/main/cli/output';
import Papa from 'papaparse';
import { loadMappingFile, runPipeline } from '../src/main/pipeline';
import { openSource } from '../src/main/sources/index';
import { createMappingRun } from '../src/shared/engine/run';
import type { Issue } from '../src/shared/issues';
import type { SourceRecord } from '../src/shared/source/types';
// The pipeline loads the CSV reader on first use (the CLI's other commands never need it): loaded here, so that the
// clock measures reading and mapping, not loading modules. For the same reason the CSV reader's worker thread is
// started (its modules loaded) before the clock, as the CLI starts it while it loads the mapping
// (prepareSourceReader), with the row stage's modules when validate may use it; the read itself begins inside the
// clock, while the pipeline validates the mapping.
import '../src/main/sources/csv/read-csv';
import { prepareSourceReader } from '../src/main/sources/index';

/** A bare streaming papaparse parse of the same bytes (Windows-1252 read as Latin-1, `;`): the yardstick. */
function bareParse(file: string): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, { encoding: 'latin1' }) as unknown as File, {
      delimiter: ';',
      step: () => {
        rows++;
      },
      complete: () => resolve({ rows }),
      error: reject,
    });
  });
}

/**
 * Validate as the CLI runs it: no outcomes kept, every issue streamed out (here: counted). With `statePath`, as
 * `validate --write-state` runs it: the identity of every mapped row kept and written as the state file.
 */
async function validate(file: string, mappingPath: string, statePath?: string) {
  let issues = 0;
  const { result, state } = await runPipeline({
    mappingPath,
    sourcePath: file,
    today: '2026-11-23',
    collect: false,
    keepState: statePath !== undefined,
    onIssue: () => {
      issues++;
    },
  });
  if (statePath !== undefined) await writeStateFile(statePath, state);
  return { rows: result.summary.rows, issues, errorRows: result.summary.users.error };
}

/**
 * The engine's own cost, apart from reading: the file is read into memory before the clock starts, then only the
 * mapping run is timed, as validate runs it (no users kept, issues streamed). Only for sizes that fit in memory.
 */
async function readAll(file: string, mappingPath: string) {
  const loaded = await loadMappingFile(mappingPath);
  const opened = await openSource(loaded.mapping, {
    baseDir: loaded.baseDir,
    pathPolicy: {},
    compactRecords: true,
    sourcePath: file,
  });
  const records: SourceRecord[] = [];
  const issues: Issue[] = [...opened.issues];
  for await (const batch of opened.batches ?? []) {
    for (const event of batch) {
      if (event.kind === 'record') records.push(event.record);
      else issues.push(event.issue);
    }
  }
  return { compiled: loaded.compiled, headers: opened.headers, records, issues };
}

function mapInMemory(input: Awaited<ReturnType<typeof readAll>>) {
  let issues = 0;
  const run = createMappingRun(input.compiled, {
    today: '2026-11-23',
    ...(input.headers ? { headers: input.headers } : {}),
    statusOnly: true,
    keepLogins: false,
    onIssue: () => {
      issues++;
    },
  });
  for (const i of input.issues) run.pushSourceIssue(i);
  for (const record of input.records) run.take(record);
  const { summary } = run.finish();
  return { rows: summary.rows, issues, errorRows: summary.users.error };
}

const [kind, file, mapping, statePath] = process.argv.slice(2);
// The engine case reads the file first (with the worker, as validate does), so the worker is already started.
const inMemory = kind === 'engine' ? await readAll(file!, mapping!) : undefined;
if (kind !== 'bare' && kind !== 'engine') await prepareSourceReader(file, { rowStage: kind === 'validate' });
const rssBeforeMiB = Math.round(process.memoryUsage().rss / 1048576);
const faultsBefore = process.resourceUsage().minorPageFault;
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const counted =
  kind === 'bare'
    ? await bareParse(file!)
    : inMemory
      ? mapInMemory(inMemory)
      : await validate(file!, mapping!, kind === 'write-state' ? statePath! : undefined);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
// CPU time of the case (all threads, GC included): on a machine shared with other work it varies far less than
// the wall time, which counts the time the case waited for a core.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// Memory touched for the first time (each such page costs the kernel some 10 µs on this kind of virtual machine).
const pageFaults = process.resourceUsage().minorPageFault - faultsBefore;
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, pageFaults, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), rssBeforeMiB, ...counted })}\n`,
);
