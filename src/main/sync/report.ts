import type { FlatValue } from '../../shared/scim/resource';
import { format, type CodedMessage, type Lang, type MessageId } from '../../shared/i18n';
import { reasonText, warningTexts } from '../../shared/plan/messages';
import { CompactCreate } from '../../shared/plan/compact';
import type { Plan, PlanAction, PlanChange, SafetyMessage, UntouchedAccount } from '../../shared/plan/types';

export type OpResult = 'ok' | 'failed' | 'not-run' | 'noop' | 'conflict' | 'skipped' | 'blocked';

/**
 * How a run ended, for the Run page and for monitoring: `completed` (everything applied), `completed-with-failures`
 * (the run went through but some operations failed: look at the report), `blocked` (the safety guards stopped it;
 * nothing was changed), `interrupted` (cancelled or killed; run again to resume).
 */
export type RunStatus = 'completed' | 'completed-with-failures' | 'blocked' | 'interrupted';

/** One line of the run report: what happened to one operation (the journal's unit of work). */
export interface ReportLine {
  row: number | null;
  key: string | null;
  action: PlanAction | 'manager';
  result: OpResult;
  /** The Plek account or group the operation wrote. */
  targetId?: string;
  group?: string;
  /** Why it was skipped or failed; never holds a secret (messages carry method, path and status only). */
  error?: string;
  /** `error` as coded messages: the plan's reason for a conflict or skip, the failure's code for a failure. */
  errorMessages?: CodedMessage[];
  /** Went through, but with something left out (a manager reference whose manager could not be created). */
  warning?: string;
  warningMessage?: CodedMessage;
}

/** One source row as HR reads it: who, what was done, what changed, why, and the Plek account. */
export interface ReportRow {
  row: number;
  key: string | null;
  name: string | null;
  email: string | null;
  action: PlanAction;
  /** Initial import: the account was linked in this run (with `deactivate`: a leaver linked and deactivated). */
  linked?: boolean;
  result: OpResult;
  /** `before → after` per changed field (a create lists what it wrote, from empty). */
  changes: { field: string; before: FlatValue; after: FlatValue }[];
  /** The plan's reason, followed by why an operation failed (English). */
  reason: string;
  /** `reason` as coded messages, worded per language in the CSV and on screen. */
  reasons: CodedMessage[];
  warnings: string[];
  /** `warnings` as coded messages, in the same order. */
  warningMessages: CodedMessage[];
  /** Groups the person was added to in this run. */
  groups: string[];
  plekId: string | null;
}

export interface RunReport {
  version: 1;
  status: RunStatus;
  /** `warnings`: the plan's target warnings and those the client met while applying (`warningMessages`: coded). */
  target: { url: string; warnings?: string[]; warningMessages?: CodedMessage[] };
  startedAt: string;
  finishedAt: string;
  /** `reasons` in English; `messages` the same as catalogue ids and values. */
  safety: { ok: boolean; reasons: string[]; messages?: SafetyMessage[] };
  /** Per operation. */
  totals: Record<OpResult, number>;
  /** Operations that went through with a warning (the plan's, or one met while applying). */
  warnings: number;
  /** One per source row, in row order. */
  rows: ReportRow[];
  /** Plek accounts that are not in the source and were left alone. */
  notInSource: UntouchedAccount[];
  /** Per operation (the workbench's failure list, support). */
  lines: ReportLine[];
}

const RESULT_RANK: OpResult[] = ['failed', 'blocked', 'not-run'];

/** A change's fields as the report shows them (a manager created in the same run by its key, in brackets). */
function changesOf(c: PlanChange | FieldSource): ReportRow['changes'] {
  const out: ReportRow['changes'] = [];
  if (c instanceof CompactCreate || !('action' in c)) {
    // From the create's row of values: its fields are not made (a create has no "before").
    c.eachField((field, after, managerKey) => {
      if (field !== 'externalId')
        out.push({ field, before: null, after: managerKey !== undefined ? `(${managerKey})` : after });
    });
    return out;
  }
  for (const f of c.fields ?? [])
    if (f.path !== 'externalId')
      out.push({
        field: f.path,
        before: f.before,
        after: f.managerKey !== undefined ? `(${f.managerKey})` : f.after,
      });
  return out;
}

/** Folds the operation lines into one row per source row, in row order. */
export function reportRows(plan: Plan, lines: ReadonlyMap<string, ReportLine>): ReportRow[] {
  return [...reportRowsOneByOne(plan, lines)];
}

/**
 * `reportRows` one row at a time: a 100,000-row report is written without holding every row (and its list of
 * changes) at once. A first pass gathers each row's operations and groups; the second builds and yields the rows.
 */
export function* reportRowsOneByOne(
  plan: Plan,
  lines: ReadonlyMap<string, ReportLine>,
): Generator<ReportRow> {
  for (const [r] of rowsOf(plan, lines, false)) yield r;
}

/**
 * A row as the report files take it: the row, and the compact create it was made from. With a create, the row's
 * `changes` is left empty: the files write them straight from the create's row of values (`changesOf(create)`,
 * the same text), instead of making an object per field of 92,000 new accounts.
 */
export type FileRow = readonly [ReportRow, CompactCreate | undefined];

/** A create's fields as the report files take them: `CompactCreate.eachField` (or the same from another thread). */
export interface FieldSource {
  eachField(each: (path: string, after: FlatValue, managerKey: string | undefined) => void): void;
}

/** `reportRowsOneByOne` for the report files (see `FileRow`). */
export function reportFileRows(plan: Plan, lines: ReadonlyMap<string, ReportLine>): Generator<FileRow> {
  return rowsOf(plan, lines, true);
}

function* rowsOf(plan: Plan, lines: ReadonlyMap<string, ReportLine>, forFiles: boolean): Generator<FileRow> {
  /**
   * Per row: its operations' lines that can change what the row says (a failed, blocked or not-run result, or a
   * warning), in order. A line that simply went through (most of them) changes nothing, so it is not kept.
   */
  const ops = new Map<number, ReportLine[]>();
  const keep = (row: number, line: ReportLine) => {
    if (line.warning === undefined && !RESULT_RANK.includes(line.result)) return;
    const list = ops.get(row);
    if (list) list.push(line);
    else ops.set(row, [line]);
  };
  /** Per user-level change: the groups its person joined (the group additions that follow it). */
  const groups = new Map<PlanChange, string[]>();
  const lastOfRow = new Map<number, PlanChange>();
  const changes = plan.changes;
  /** Per change (by its place): its line, looked up once. */
  const lineOf: (ReportLine | undefined)[] = new Array<ReportLine | undefined>(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (c.row === undefined) continue;
    const line = lines.get(c.op);
    if (!line) continue;
    lineOf[i] = line;
    keep(c.row, line);
    if (c.action !== 'groupAdd') {
      lastOfRow.set(c.row, c);
      continue;
    }
    const owner = lastOfRow.get(c.row);
    if (!owner || !c.group || line.result !== 'ok') continue;
    const joined = groups.get(owner);
    if (joined) joined.push(c.group);
    else groups.set(owner, [c.group]);
  }
  // A manager set after its account's create (rare: managers in a cycle, or left out by an earlier session).
  let followUps = false;
  for (const op of lines.keys())
    if (op.startsWith('manager:')) {
      followUps = true;
      break;
    }
  if (followUps)
    for (const c of changes) {
      if (c.action !== 'create' || !c.key) continue;
      const follow = lines.get(`manager:${c.key}`);
      // The row has lines (it is reported only when its own change has one).
      if (follow && c.row !== undefined) keep(c.row, follow);
    }
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (c.row === undefined || c.action === 'groupAdd') continue;
    const line = lineOf[i];
    if (!line) continue;
    const create = forFiles && c instanceof CompactCreate ? c : undefined;
    const r: ReportRow = {
      row: c.row,
      key: c.key ?? null,
      name: c.name ?? null,
      email: c.email ?? null,
      action: c.action,
      ...(c.linked ? { linked: true } : {}),
      result: line.result,
      changes: create ? [] : changesOf(c),
      reason: c.reason,
      reasons: [...(c.reasons ?? [])],
      warnings: [...(c.warnings ?? [])],
      warningMessages: [...(c.warningMessages ?? [])],
      groups: groups.get(c) ?? [],
      plekId: line.targetId ?? c.targetId ?? null,
    };
    const mine = ops.get(r.row) ?? [];
    // A row is as good as its worst operation: an ok update whose group membership failed is a failed row.
    let worst = RESULT_RANK.length;
    for (const l of mine) {
      const rank = RESULT_RANK.indexOf(l.result);
      if (rank >= 0 && rank < worst) worst = rank;
    }
    if (worst < RESULT_RANK.length) r.result = RESULT_RANK[worst]!;
    let seen: Set<string> | undefined;
    for (const l of mine) {
      if (l.result !== 'failed' || !l.error || seen?.has(l.error)) continue;
      (seen ??= new Set()).add(l.error);
      r.reason = `${r.reason}; ${l.error}`;
      r.reasons.push(...(l.errorMessages ?? [{ code: 'report.failure.other', params: { detail: l.error } }]));
    }
    for (const l of mine)
      if (l.warning && !r.warnings.includes(l.warning)) {
        r.warnings.push(l.warning);
        r.warningMessages.push(
          l.warningMessage ?? { code: 'report.failure.other', params: { detail: l.warning } },
        );
      }
    yield [r, create];
  }
}

/** What a create's changes are made of per path (the same for every create): its texts in the files. */
interface PathTexts {
  /** `{"field":<path>,"before":null,"after":` */
  json: string;
  /** `<path>: ` as the CSV cell holds it (quotes doubled), and whether it needs the cell quoted. */
  csv: string;
  csvQuote: boolean;
  /** `<path>: ` starts with what Excel reads as a formula. */
  formula: boolean;
}

const pathTexts = new Map<string, PathTexts>();

function textsOf(path: string): PathTexts {
  let t = pathTexts.get(path);
  if (t === undefined) {
    const raw = `${path}: `;
    t = {
      json: `{"field":${JSON.stringify(path)},"before":null,"after":`,
      csv: raw.replace(/"/g, '""'),
      csvQuote: NEEDS_QUOTES.test(raw),
      formula: FORMULA_START.test(raw),
    };
    if (pathTexts.size < 10_000) pathTexts.set(path, t);
  }
  return t;
}

/** `JSON.stringify(changesOf(c))` of a compact create, from its row of values. */
export function createChangesJson(c: FieldSource): string {
  const out: string[] = [];
  createChangesJsonInto(out, c);
  return out.join('');
}

/**
 * `createChangesJson` as pieces added to `out` (joined by the writer with the rest of its rows: one flat text
 * instead of a string made of 40 pieces per row, which UTF-8 encoding first had to flatten).
 */
function createChangesJsonInto(out: string[], c: FieldSource): void {
  let first = true;
  out.push('[');
  c.eachField((field, after, managerKey) => {
    if (field === 'externalId') return;
    const value = managerKey !== undefined ? `(${managerKey})` : after;
    if (!first) out.push(',');
    first = false;
    out.push(
      textsOf(field).json,
      value === null ? 'null' : typeof value === 'boolean' ? String(value) : JSON.stringify(value),
      '}',
    );
  });
  out.push(']');
}

/**
 * A report row as JSON with a compact create's changes, added to `out` in pieces: `JSON.stringify(r)` with
 * `changes` in place, when the row has the keys (in the order) `rowsOf` gives it; else false (nothing added).
 */
function rowJsonInto(out: string[], r: ReportRow, create: FieldSource): boolean {
  let i = 0;
  for (const k in r) {
    if (k === 'linked' && i === 5) continue;
    if (ROW_KEYS[i++] !== k || r[k as keyof ReportRow] === undefined) return false;
  }
  if (i !== ROW_KEYS.length || (r.linked !== undefined && r.linked !== true)) return false;
  out.push(
    '{"row":',
    JSON.stringify(r.row),
    ',"key":',
    JSON.stringify(r.key),
    ',"name":',
    JSON.stringify(r.name),
    ',"email":',
    JSON.stringify(r.email),
    ',"action":',
    JSON.stringify(r.action),
    r.linked ? ',"linked":true,"result":' : ',"result":',
    JSON.stringify(r.result),
    ',"changes":',
  );
  createChangesJsonInto(out, create);
  out.push(
    ',"reason":',
    JSON.stringify(r.reason),
    ',"reasons":',
    JSON.stringify(r.reasons),
    ',"warnings":',
    JSON.stringify(r.warnings),
    ',"warningMessages":',
    JSON.stringify(r.warningMessages),
    ',"groups":',
    JSON.stringify(r.groups),
    ',"plekId":',
    JSON.stringify(r.plekId),
    '}',
  );
  return true;
}

const ROW_KEYS = [
  'row',
  'key',
  'name',
  'email',
  'action',
  'result',
  'changes',
  'reason',
  'reasons',
  'warnings',
  'warningMessages',
  'groups',
  'plekId',
];

export type ReportLanguage = Lang;

const COLUMNS = [
  'report.col.row',
  'report.col.key',
  'report.col.name',
  'report.col.email',
  'report.col.action',
  'report.col.result',
  'report.col.changes',
  'report.col.reason',
  'report.col.warnings',
  'report.col.groups',
  'report.col.plekId',
] as const satisfies readonly MessageId[];

// The plan's reasons in the reader's language live in the pure layer, so the workbench's Plan step words them too.
export { reasonText, warningTexts };

function show(v: FlatValue, lang: ReportLanguage): string {
  if (v === null || v === '') return format(lang, 'report.empty');
  if (typeof v === 'boolean') return format(lang, v ? 'report.yes' : 'report.no');
  return String(v);
}

/** Where a report file's rows go among its other parts (see `ReportFile`). */
export const ROWS: unique symbol = Symbol('report rows');

/**
 * A report file as its writer needs it: the text around the rows in parts, with `ROWS` (once) where the rows go,
 * and one row's text. The CLI writes the JSON and both CSV files in one pass over the rows (each row built once);
 * `reportJsonParts`/`reportCsvParts` give the same bytes one file at a time.
 */
export interface ReportFile {
  parts: Iterable<string | typeof ROWS>;
  /**
   * Adds the `index`-th row's text to `out` in pieces, with what separates it from the previous one (the writer
   * joins the pieces of many rows into one text). With `create` (see `FileRow`), the row's changes are those of
   * that compact create.
   */
  row(out: string[], r: ReportRow, index: number, create?: FieldSource): void;
}

/** A row's text in a file (`ReportFile.row` joined). */
export function rowText(file: ReportFile, r: ReportRow, index: number, create?: FieldSource): string {
  const out: string[] = [];
  file.row(out, r, index, create);
  return out.join('');
}

/** A file's parts with its rows in place. */
function* withRows(file: ReportFile, rows: Iterable<ReportRow>): Generator<string> {
  for (const part of file.parts) {
    if (part !== ROWS) {
      yield part;
      continue;
    }
    let i = 0;
    for (const r of rows) yield rowText(file, r, i++);
  }
}

/**
 * The report file: compact JSON. `rows` already say what happened to every source row, so `lines` keeps only
 * the operations that did not simply succeed (failed, skipped, blocked, not run, or with a warning).
 */
export function reportToJson(report: RunReport): string {
  return [...reportJsonParts(report)].join('');
}

/**
 * `reportToJson` in parts (the same bytes): one per row and per line, so a 100,000-row report is written to a
 * file without first becoming one string of a hundred megabytes.
 */
export function reportJsonParts(
  report: RunReport,
  rows: Iterable<ReportRow> = report.rows,
): Generator<string> {
  return withRows(reportJsonFile(report), rows);
}

/** The JSON report file (see `ReportFile`): keys in the report's order, the rows where `rows` is. */
export function reportJsonFile(report: RunReport): ReportFile {
  return {
    parts: jsonParts(report),
    row: (out, r, i, create) => {
      if (i) out.push(',');
      if (!create) out.push(JSON.stringify(r ?? null));
      else if (!rowJsonInto(out, r, create)) out.push(JSON.stringify({ ...r, changes: changesOf(create) }));
    },
  };
}

function* jsonParts(report: RunReport): Generator<string | typeof ROWS> {
  const lines = report.lines.filter((l) => (l.result !== 'ok' && l.result !== 'noop') || l.warning);
  let first = true;
  yield '{';
  // Keys in the report's order; `rows` left to the writer (reading report.rows would build them all).
  for (const k of Object.keys(report)) {
    if (k === 'rows') {
      yield `${first ? '' : ','}"rows":[`;
      yield ROWS;
      yield ']';
      first = false;
      continue;
    }
    const v: unknown = k === 'lines' ? lines : report[k as keyof RunReport];
    if (v === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (Array.isArray(v)) {
      yield '[';
      let i = 0;
      for (const item of v as unknown[]) yield `${i++ ? ',' : ''}${JSON.stringify(item ?? null)}`;
      yield ']';
      continue;
    }
    yield JSON.stringify(v);
  }
  yield '}\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\n\r]/;

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ (or tab/CR) would be a formula in Excel: prefix it with an apostrophe.
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A text function remembered per input: 100,000 report rows share a few dozen actions, results and reasons, and
 * wording each through the catalogue again was a third of the time to write the CSV. At most `limit` entries.
 */
function remembered(fn: (key: string) => string, limit = 10_000): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) {
      text = fn(key);
      if (cache.size < limit) cache.set(key, text);
    }
    return text;
  };
}

/**
 * The report as CSV that Dutch Excel opens as it is: UTF-8 with BOM, `;`-separated, CRLF. One row per source
 * row in row order (warnings in their own column, in the report's language), then the warnings about Plek itself
 * when there are any, then the Plek accounts not in the source (left alone).
 */
export function reportToCsv(report: RunReport, lang: ReportLanguage = 'nl'): string {
  return [...reportCsvParts(report, lang)].join('');
}

/** `reportToCsv` line by line (the same bytes, the BOM first), for writing a large report to a file. */
export function reportCsvParts(
  report: RunReport,
  lang: ReportLanguage = 'nl',
  rows: Iterable<ReportRow> = report.rows,
): Generator<string> {
  return withRows(reportCsvFile(report, lang), rows);
}

const line = (cells: string) => `${cells}\r\n`;

/** The CSV report file in a language (see `ReportFile`): a row's texts worded once per distinct text. */
export function reportCsvFile(report: RunReport, lang: ReportLanguage = 'nl'): ReportFile {
  return { parts: csvParts(report, lang), row: csvRow(lang) };
}

/**
 * A CSV report row's text in a language (`ReportFile.row`), its texts worded once per distinct text. Made alone
 * (without the report) for the thread that writes the CSV files (report-worker.ts).
 */
export function csvRow(lang: ReportLanguage): ReportFile['row'] {
  // The action's and the result's cells (quoted as needed).
  const action = remembered((a) =>
    csvCell(
      a === 'linkDeactivate'
        ? format(lang, 'report.action.linkDeactivate')
        : format(lang, `report.action.${a as PlanAction}`),
    ),
  );
  const result = remembered((r) => csvCell(format(lang, `report.result.${r as OpResult}`)));
  // Most rows' reasons are codes without values ("new in the source"): worded once per combination.
  const plainReasons = remembered((codes) =>
    reasonText({ reason: '', reasons: codes.split('\n').map((code) => ({ code })) }, lang),
  );
  const reason = (r: ReportRow): string =>
    r.reasons.length > 0 && r.reasons.every((m) => m.params === undefined)
      ? plainReasons(r.reasons.map((m) => m.code).join('\n'))
      : reasonText(r, lang);
  const empty = format(lang, 'report.empty');
  const yes = format(lang, 'report.yes');
  const no = format(lang, 'report.no');
  const shown = (v: FlatValue): string =>
    v === null || v === '' ? empty : typeof v === 'boolean' ? (v ? yes : no) : String(v);
  /** The changes cell (quoted as needed): the other language's when it has no worded value (empty, yes/no). */
  const changesCell = (r: ReportRow, compact: FieldSource | undefined): string => {
    if (compact) return createChangesCell(compact);
    if (sharedChanges?.row === r) return sharedChanges.cell;
    let worded = false;
    const create = r.action === 'create';
    let text = '';
    for (let i = 0; i < r.changes.length; i++) {
      const c = r.changes[i]!;
      if (wordedValue(c.after) || (!create && wordedValue(c.before))) worded = true;
      // A create lists what it wrote (there was no "before"); other rows show before → after.
      text += `${i ? ' | ' : ''}${create ? `${c.field}: ${shown(c.after)}` : `${c.field}: ${shown(c.before)} → ${shown(c.after)}`}`;
    }
    const cell = csvCell(text);
    sharedChanges = worded ? null : { row: r, cell };
    return cell;
  };
  /**
   * `changesCell` of a compact create's row, from its row of values: `csvCell` of `field: value | …`, quoted and
   * escaped piece by piece (each path's text made once).
   */
  const createChangesCell = (create: FieldSource): string => {
    if (sharedChanges?.row === create) return sharedChanges.cell;
    let worded = false;
    let quote = false;
    let formula = false;
    let first = true;
    // The opening quote and the formula's apostrophe go in the first two places once known; joined once.
    const pieces = ['', ''];
    create.eachField((field, after, managerKey) => {
      if (field === 'externalId') return;
      const value = managerKey !== undefined ? `(${managerKey})` : after;
      if (wordedValue(value)) worded = true;
      const path = textsOf(field);
      if (first) formula = path.formula;
      else pieces.push(' | ');
      const shownValue = shown(value);
      if (path.csvQuote || NEEDS_QUOTES.test(shownValue)) quote = true;
      pieces.push(path.csv, shownValue.includes('"') ? shownValue.replace(/"/g, '""') : shownValue);
      first = false;
    });
    if (quote) {
      pieces[0] = '"';
      pieces.push('"');
    }
    if (formula) pieces[1] = "'";
    const cell = pieces.join('');
    sharedChanges = worded ? null : { row: create, cell };
    return cell;
  };
  return (out, r, _i, create) => {
    out.push(
      csvCell(r.row),
      ';',
      csvCell(r.key),
      ';',
      csvCell(r.name),
      ';',
      csvCell(r.email),
      ';',
      action(r.linked && r.action === 'deactivate' ? 'linkDeactivate' : r.action),
      ';',
      result(r.result),
      ';',
      changesCell(r, create),
      ';',
      csvCell(reason(r)),
      ';',
      csvCell(r.warnings.length || r.warningMessages.length ? warningTexts(r, lang).join(' | ') : ''),
      ';',
      csvCell(r.groups.length ? r.groups.join(', ') : ''),
      ';',
      csvCell(r.plekId),
      '\r\n',
    );
  };
}

/** A value the CSV words in its language (empty, yes, no). */
function wordedValue(v: FlatValue): boolean {
  return v === null || v === '' || typeof v === 'boolean';
}

/**
 * The last row's changes cell, when no value in it is worded: the Dutch and the English CSV are written from the
 * same row one after the other, and the cell (a create's every field, the row's longest text) is the same in both.
 */
let sharedChanges: { row: ReportRow | FieldSource; cell: string } | null = null;

function* csvParts(report: RunReport, lang: ReportLanguage): Generator<string | typeof ROWS> {
  yield '\uFEFF';
  yield line(COLUMNS.map((id) => format(lang, id)).join(';'));
  yield ROWS;
  // What the run had to say about Plek itself (a failing /ServiceProviderConfig that turned ETags and /Bulk off…).
  const targetWarnings = warningTexts(report.target, lang);
  if (targetWarnings.length) {
    yield line('');
    yield line(csvCell(format(lang, 'report.targetWarnings', { n: targetWarnings.length })));
    for (const w of targetWarnings) yield line(csvCell(w));
  }
  yield line('');
  yield line(format(lang, 'report.notInSource', { n: report.notInSource.length }));
  yield line(
    (
      [
        'report.col.plekId',
        'report.col.login',
        'report.col.email',
        'report.col.externalId',
        'report.col.active',
      ] as const
    )
      .map((id) => format(lang, id))
      .join(';'),
  );
  for (const a of report.notInSource) {
    yield line([a.id, a.userName, a.email, a.externalId, show(a.active, lang)].map(csvCell).join(';'));
  }
}
