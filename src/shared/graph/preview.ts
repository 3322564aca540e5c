import { keyStabilityMessage, keyStabilityWarning, type KeyStabilityId } from '../ad/suggest';
import { compileMapping } from '../engine/compile';
import { mapRecords } from '../engine/run';
import type { CompiledExpression, Value } from '../expression';
import type { ExpressionError } from '../expression/errors';
import type { EvalDetail } from '../expression/runtime';
import type { Issue } from '../issues';
import { compileExpression, valueToText } from '../expression';
import type { MappingProblem } from '../mapping/load';
import { parseMapping } from '../mapping/load';
import type { MappingFileInput } from '../mapping/schema';
import type { SourceRecord } from '../source/types';

export interface PreviewColumn {
  path: string;
  expression: string;
  /** The expression does not compile (unknown function, missing value map table…): no values. */
  error?: string;
  /** The same problem with its catalogue code and column, for the screen's language. */
  compileError?: ExpressionError;
}

export interface PreviewCell {
  text: string | null;
  /** Evaluation failed for this row (a date that does not parse, a phone number that is not one). */
  error?: string;
  /** The failure as data (`eval.*` catalogue id and parameters), for the screen's language. */
  detail?: EvalDetail;
}

export type PreviewRowStatus = 'active' | 'deactivate' | 'skipped' | 'error' | 'unknown';

export interface PreviewRow {
  row: number;
  key: string | null;
  keyStatus: 'ok' | 'duplicate' | 'empty';
  status: PreviewRowStatus;
  /** Row-level messages (missing required field, invalid e-mail, duplicate key…), in English. */
  issues: string[];
  /** The same issues as data (code + params), for the screen's language; a skipped row's reason among them. */
  rowIssues: Issue[];
  cells: PreviewCell[];
}

export interface PreviewResult {
  columns: PreviewColumn[];
  rows: PreviewRow[];
  /** Definition problems: the mapping does not validate or compile; rows then show values but no status. */
  problems: MappingProblem[];
  keyAttribute: string;
  /** Why the mapping key may change over time (null when it looks stable), in English. */
  keyStability: string | null;
  /** The same warning as a catalogue id, for the screen's language. */
  keyStabilityId: KeyStabilityId | null;
  duplicateKeys: number;
  emptyKeys: number;
}

export interface PreviewInput {
  /** Everything but fields and layout (key, value maps, deactivation, rules). */
  rules: Omit<MappingFileInput, 'fields' | 'layout'>;
  expressions: Readonly<Record<string, string>>;
  records: readonly SourceRecord[];
  today: string;
}

interface ColumnCache {
  expression: string;
  records: readonly SourceRecord[];
  today: string;
  valueMaps: unknown;
  column: PreviewColumn;
  cells: PreviewCell[];
}

function firstKey(raw: SourceRecord['values'][string] | undefined): string | null {
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  // Only text: a record held in a plain object answers `constructor` with a function.
  const t = typeof first === 'string' ? first.trim() : '';
  return t === '' ? null : t;
}

function display(v: Value): string | null {
  const t = valueToText(v);
  if (t === null) return null;
  const trimmed = t.trim();
  return trimmed === '' ? null : trimmed;
}

function evaluateColumn(
  expr: CompiledExpression,
  records: readonly SourceRecord[],
  today: string,
): PreviewCell[] {
  const cells: PreviewCell[] = new Array(records.length);
  let current: SourceRecord | undefined;
  const env = { today, get: (a: string) => current?.values[a] };
  for (let i = 0; i < records.length; i++) {
    current = records[i];
    const r = expr.evaluate(env);
    cells[i] = r.ok
      ? { text: display(r.value) }
      : { text: null, error: r.error.message, ...(r.error.detail ? { detail: r.error.detail } : {}) };
  }
  return cells;
}

/**
 * The live preview: mapped values per field on the sampled rows, row status and key uniqueness from the engine.
 * Columns are cached by expression, so after an edit only the changed field's column is evaluated again; the
 * engine's row checks (required fields, e-mail, duplicate and empty keys) run on the whole sample.
 */
export function createPreview(): (input: PreviewInput) => PreviewResult {
  const cache = new Map<string, ColumnCache>();
  return (input) => {
    const { rules, expressions, records, today } = input;
    const columns: PreviewColumn[] = [];
    const cellColumns: PreviewCell[][] = [];
    const valueMaps = rules.valueMaps ?? {};
    const seen = new Set<string>();
    for (const [path, expression] of Object.entries(expressions)) {
      seen.add(path);
      let c = cache.get(path);
      if (
        !c ||
        c.expression !== expression ||
        c.records !== records ||
        c.today !== today ||
        c.valueMaps !== valueMaps
      ) {
        const compiled = compileExpression(expression, {
          valueMaps: Object.fromEntries(
            Object.entries(valueMaps).map(([k, v]) => [
              k,
              { entries: v.entries, default: v.default ?? undefined },
            ]),
          ),
        });
        c = compiled.ok
          ? {
              expression,
              records,
              today,
              valueMaps,
              column: { path, expression },
              cells: evaluateColumn(compiled.expr, records, today),
            }
          : {
              expression,
              records,
              today,
              valueMaps,
              column: { path, expression, error: compiled.error.message, compileError: compiled.error },
              cells: records.map(() => ({ text: null })),
            };
        cache.set(path, c);
      }
      columns.push(c.column);
      cellColumns.push(c.cells);
    }
    for (const path of [...cache.keys()]) if (!seen.has(path)) cache.delete(path);

    const keyAttribute = rules.mappingKey.attribute;
    const fields = Object.fromEntries(
      Object.entries(expressions).map(([p, expression]) => [p, { expression }]),
    );
    const parsed = parseMapping({ ...rules, fields });
    let problems: MappingProblem[] = [];
    const status = new Map<
      number,
      { status: PreviewRowStatus; issues: string[]; rowIssues: Issue[]; key?: string }
    >();
    const duplicateRows = new Set<number>();
    const skippedReasons = new Map<number, string>();
    const emptyRows = new Set<number>();
    if (!parsed.ok) problems = parsed.problems;
    else {
      const compiled = compileMapping(parsed.mapping);
      if (!compiled.ok) problems = compiled.problems;
      else {
        const result = mapRecords(compiled.compiled, records, { today, trace: false });
        for (const o of result.outcomes) {
          if (o.status === 'mapped')
            status.set(o.row, {
              status: o.user.active ? 'active' : 'deactivate',
              issues: [],
              rowIssues: [],
              key: o.user.key,
            });
          // Why a row is skipped comes as the engine's issue for that row (out of scope, starting later), as data;
          // the outcome's English reason stands in only when no issue names the row.
          else if (o.status === 'skipped') {
            status.set(o.row, { status: 'skipped', issues: [], rowIssues: [] });
            skippedReasons.set(o.row, o.reason);
          } else {
            status.set(o.row, {
              status: 'error',
              issues: o.issues.map((i) => i.message),
              rowIssues: [...o.issues],
            });
            for (const i of o.issues) if (i.code === 'empty-key') emptyRows.add(o.row);
          }
        }
        for (const i of result.issues) {
          if (i.code === 'duplicate-key')
            for (const r of i.rows ?? (i.row ? [i.row] : [])) duplicateRows.add(r);
          if (i.code === 'empty-key') for (const r of i.rows ?? (i.row ? [i.row] : [])) emptyRows.add(r);
          for (const r of i.rows ?? (i.row !== undefined ? [i.row] : [])) {
            const s = status.get(r);
            if (s && !s.issues.includes(i.message)) {
              s.issues.push(i.message);
              s.rowIssues.push(i);
            }
          }
        }
        for (const [row, reason] of skippedReasons) {
          const s = status.get(row);
          if (s && s.issues.length === 0) s.issues.push(reason);
        }
      }
    }

    if (problems.length > 0) {
      // No engine run (the mapping does not compile yet, e.g. a required field is still missing): the key's
      // uniqueness is still worth showing, by the engine's rule (first value, trimmed, exact match).
      const byKey = new Map<string, number[]>();
      for (const record of records) {
        const key = firstKey(record.values[keyAttribute]);
        if (key === null) emptyRows.add(record.row);
        else byKey.set(key, [...(byKey.get(key) ?? []), record.row]);
      }
      for (const rowsWithKey of byKey.values())
        if (rowsWithKey.length > 1) for (const r of rowsWithKey) duplicateRows.add(r);
    }

    const rows: PreviewRow[] = records.map((record, i) => {
      const key = firstKey(record.values[keyAttribute]);
      const s = status.get(record.row);
      const keyStatus =
        key === null || emptyRows.has(record.row)
          ? 'empty'
          : duplicateRows.has(record.row)
            ? 'duplicate'
            : 'ok';
      return {
        row: record.row,
        key,
        keyStatus,
        status: s?.status ?? 'unknown',
        issues: s?.issues ?? [],
        rowIssues: s?.rowIssues ?? [],
        cells: cellColumns.map((col) => col[i] ?? { text: null }),
      };
    });
    return {
      columns,
      rows,
      problems,
      keyAttribute,
      keyStability: keyStabilityWarning(keyAttribute),
      keyStabilityId: keyStabilityMessage(keyAttribute),
      duplicateKeys: rows.filter((r) => r.keyStatus === 'duplicate').length,
      emptyKeys: rows.filter((r) => r.keyStatus === 'empty').length,
    };
  };
}

/** Cells whose text differs from the previous preview, as `row:path` keys, for highlighting. */
export function changedCells(previous: PreviewResult | null, next: PreviewResult): Set<string> {
  const out = new Set<string>();
  if (!previous) return out;
  const before = new Map<string, string | null>();
  const prevRows = new Map(previous.rows.map((r) => [r.row, r]));
  previous.columns.forEach((c, ci) => {
    for (const r of previous.rows) before.set(`${r.row}:${c.path}`, r.cells[ci]?.text ?? null);
  });
  next.columns.forEach((c, ci) => {
    for (const r of next.rows) {
      const k = `${r.row}:${c.path}`;
      const old = prevRows.has(r.row) ? (before.has(k) ? before.get(k) : undefined) : null;
      if (old === undefined || old !== (r.cells[ci]?.text ?? null)) out.add(k);
    }
  });
  return out;
}
