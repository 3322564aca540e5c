// The report's rows as they cross to the thread that writes the CSV files (report-thread.ts, report-worker.ts): a
// flat list of plain values per batch of rows, cheap to clone, instead of an object (and a list of changes) per
// row. A path is sent once and then by its number.
import type { CodedMessage } from '../../shared/i18n';
import type { FlatValue } from '../../shared/scim/resource';
import type { PlanAction } from '../../shared/plan/types';
import type { FieldSource, OpResult, ReportRow } from './report';

/** A batch of rows: the paths first met in it (numbered on from the last batch's), and the rows' values. */
export interface RowBatch {
  paths: string[];
  values: unknown[];
}

/**
 * Packs rows (the report's `FileRow`s) into batches. Per row: row, key, name, email, action, linked, result,
 * plekId; the reasons (their codes joined by a line feed when none has values, else `{ reason, reasons }`); the
 * warnings (0, or `[warnings, warningMessages]`); the groups (0, or the list); the changes: a create's number of
 * fields followed by a path number and a value per field (a manager created in this run: the path's number as
 * `-1 - n`, then its key), or the row's list of changes.
 */
export class RowPacker {
  private readonly numbers = new Map<string, number>();
  private paths: string[] = [];
  private values: unknown[] = [];
  rows = 0;

  add(r: ReportRow, create: FieldSource | undefined): void {
    const v = this.values;
    v.push(r.row, r.key, r.name, r.email, r.action, r.linked === true, r.result, r.plekId);
    v.push(plainCodes(r.reasons) ?? { reason: r.reason, reasons: r.reasons });
    v.push(r.warnings.length || r.warningMessages.length ? [r.warnings, r.warningMessages] : 0);
    v.push(r.groups.length ? r.groups : 0);
    if (create) {
      const at = v.length;
      v.push(0);
      let n = 0;
      create.eachField((path, after, managerKey) => {
        let number = this.numbers.get(path);
        if (number === undefined) {
          number = this.numbers.size;
          this.numbers.set(path, number);
          this.paths.push(path);
        }
        if (managerKey !== undefined) v.push(-1 - number, managerKey);
        else v.push(number, after);
        n += 1;
      });
      v[at] = n;
    } else v.push(r.changes);
    this.rows += 1;
  }

  /** The rows packed since the last batch. */
  take(): RowBatch {
    const batch = { paths: this.paths, values: this.values };
    this.paths = [];
    this.values = [];
    this.rows = 0;
    return batch;
  }
}

/** The reasons' codes joined by a line feed, when there are some and none has values. */
function plainCodes(reasons: readonly CodedMessage[]): string | undefined {
  if (reasons.length === 0) return undefined;
  let codes = '';
  for (let i = 0; i < reasons.length; i++) {
    const m = reasons[i]!;
    if (m.params !== undefined) return undefined;
    codes += i ? `\n${m.code}` : m.code;
  }
  return codes;
}

const NONE: never[] = [];

/** A packed create's fields (`FieldSource`), read from the batch's values. */
class PackedFields implements FieldSource {
  constructor(
    private readonly values: unknown[],
    private readonly from: number,
    private readonly count: number,
    private readonly paths: readonly string[],
  ) {}

  eachField(each: (path: string, after: FlatValue, managerKey: string | undefined) => void): void {
    const v = this.values;
    for (let i = 0, at = this.from; i < this.count; i++, at += 2) {
      const number = v[at] as number;
      if (number < 0) each(this.paths[-1 - number]!, null, v[at + 1] as string);
      else each(this.paths[number]!, v[at + 1] as FlatValue, undefined);
    }
  }
}

/** Unpacks `RowPacker`'s batches into rows as the report's CSV row takes them (`ReportFile.row`). */
export class RowUnpacker {
  private readonly paths: string[] = [];
  /** Reasons without values, per joined codes (the same list for every row that has them; never changed). */
  private readonly plain = new Map<string, CodedMessage[]>();

  *rows(batch: RowBatch): Generator<readonly [ReportRow, FieldSource | undefined]> {
    for (const p of batch.paths) this.paths.push(p);
    const v = batch.values;
    for (let at = 0; at < v.length;) {
      const reasons = v[at + 8] as string | { reason: string; reasons: CodedMessage[] };
      const warnings = v[at + 9] as 0 | [string[], CodedMessage[]];
      const groups = v[at + 10] as 0 | string[];
      const changes = v[at + 11] as number | ReportRow['changes'];
      const r: ReportRow = {
        row: v[at] as number,
        key: v[at + 1] as string | null,
        name: v[at + 2] as string | null,
        email: v[at + 3] as string | null,
        action: v[at + 4] as PlanAction,
        ...(v[at + 5] === true ? { linked: true } : {}),
        result: v[at + 6] as OpResult,
        changes: typeof changes === 'number' ? NONE : changes,
        reason: typeof reasons === 'string' ? '' : reasons.reason,
        reasons: typeof reasons === 'string' ? this.plainReasons(reasons) : reasons.reasons,
        warnings: warnings === 0 ? NONE : warnings[0],
        warningMessages: warnings === 0 ? NONE : warnings[1],
        groups: groups === 0 ? NONE : groups,
        plekId: v[at + 7] as string | null,
      };
      at += 12;
      if (typeof changes === 'number') {
        yield [r, new PackedFields(v, at, changes, this.paths)];
        at += 2 * changes;
      } else yield [r, undefined];
    }
  }

  private plainReasons(codes: string): CodedMessage[] {
    let list = this.plain.get(codes);
    if (list === undefined) {
      list = codes.split('\n').map((code) => ({ code }) as CodedMessage);
      if (this.plain.size < 10_000) this.plain.set(codes, list);
    }
    return list;
  }
}
