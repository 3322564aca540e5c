// The mapping's row-local stage in the CSV reader's worker thread (csv-worker.ts), loaded only when the thread is
// given one: the engine's modules are most of what such a thread would otherwise load before its first chunk.
import { compileMapping } from '../../../shared/engine/compile';
import { createMappingRun, rowStageColumns, type MappingRun } from '../../../shared/engine/run';
import type { SourceValue } from '../../../shared/source/types';
import { verdictBuffers, VerdictWriter } from '../../../shared/engine/verdicts';
import { columnTable, CsvRecord } from './csv-core';
import type { CsvBatchMessage, CsvEvaluatedMessage, RowStageJob } from './csv-wire';

/**
 * The mapping's row-local stage on this thread's chunks. A row that throws (a defect, not bad data: bad data is an
 * issue) ends it: that chunk and every later one go to the consumer as records, whose own run then throws the same
 * error at the same row, as it would without this thread.
 */
export class RowStage {
  private readonly writer = new VerdictWriter();
  private readonly run: MappingRun | undefined;
  /** The columns the stage reads (rowStageColumns). */
  private readonly read: ReadonlySet<string> = new Set();
  private columns: ReadonlyMap<string, number> | undefined;
  private width = 0;
  /** 1 for each cell the stage reads: only those are cut from the chunk's text. */
  private wanted = new Uint8Array(0);
  /** Stopped: a row threw, or (`auto`) the rows carry too many issues to cross cheaply. */
  private failed = false;

  constructor(
    readonly job: RowStageJob,
    private readonly file: string,
  ) {
    const compiled = compileMapping(job.mapping);
    if (compiled.ok) {
      this.run = createMappingRun(compiled.compiled, {
        today: job.today,
        statusOnly: true,
        keepLogins: false,
        rowStage: { writer: this.writer, identity: job.identity },
      });
      this.read = rowStageColumns(compiled.compiled, job.identity);
    }
  }

  setColumns(keys: readonly (string | undefined)[]): void {
    this.columns = columnTable(keys);
    this.width = keys.length;
    this.wanted = new Uint8Array(keys.length);
    for (const [name, i] of this.columns) if (this.read.has(name)) this.wanted[i] = 1;
  }

  /** Pushes the chunk's records through the stage: as decodeBatch makes them, but with only the cells it reads. */
  private push(run: MappingRun, columns: ReadonlyMap<string, number>, batch: CsvBatchMessage): void {
    const { text, starts, ends, rows } = batch;
    const width = this.width;
    const wanted = this.wanted;
    // As decodeBatch says it: no "?" in the chunk, no lost letter in any row's names.
    const noQuestionMark = text.indexOf('?') === -1;
    for (let r = 0, k = 0; r < rows.length; r++) {
      const cells: SourceValue[] = new Array<SourceValue>(width);
      for (let i = 0; i < width; i++, k++) {
        const start = starts[k]!;
        const end = ends[k]!;
        cells[i] = wanted[i] === 1 && end !== start ? text.slice(start, end) : null;
      }
      run.take(new CsvRecord(rows[r]!, this.file, cells, columns, noQuestionMark));
    }
  }

  /** What an evaluated chunk's message hands over to the consumer instead of copying. */
  transfers(evaluated: CsvEvaluatedMessage): ArrayBuffer[] {
    return [...verdictBuffers(evaluated.verdicts), evaluated.issueAt.buffer] as ArrayBuffer[];
  }

  /** The chunk's rows evaluated, or undefined: send them as records. */
  evaluate(batch: CsvBatchMessage): CsvEvaluatedMessage | undefined {
    if (this.failed || !this.run || !this.columns) return undefined;
    try {
      this.push(this.run, this.columns, batch);
    } catch {
      this.failed = true;
      this.writer.reset();
      return undefined;
    }
    const verdicts = this.writer.take();
    // Issues written as objects (not a failed field or "leaves later", which cross compactly) cost both threads
    // more than evaluating the rows saves: a mapping whose rows have them on (nearly) every row gets its records
    // from here on (`auto`). Measured at 1M rows with a warning on every row, all as objects: CPU 13.4 s evaluated
    // here, 11.1 s mapped by the consumer alone.
    if (this.job.share === 'auto' && verdicts.issues.length > verdicts.rows.length * MAX_ISSUES_PER_ROW)
      this.failed = true;
    return {
      type: 'evaluated',
      verdicts,
      issues: batch.issues,
      issueAt: batch.issueAt,
      bytesRead: batch.bytesRead,
    };
  }
}

/** More issues as objects per row than this in a chunk and the row stage stops (`auto`); a clean export has some 0.04. */
const MAX_ISSUES_PER_ROW = 0.5;

/** The row stage, or none when it cannot start (the consumer then maps every row itself, as without it). */
export function rowStage(job: RowStageJob, file: string): RowStage | undefined {
  try {
    return new RowStage(job, file);
  } catch {
    return undefined;
  }
}
