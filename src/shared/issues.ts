import type { MessageId } from './i18n/en';

/**
 * The catalogue of data and definition problems the engine reports. A consultant sees every problem of a run
 * at once; codes are stable (they appear in `--json` output and in reports handed to customers).
 */
export const ISSUE_CODES = [
  // source file / connection
  'encoding',
  'duplicate-header',
  'empty-header',
  'short-row',
  'long-row',
  'unterminated-quote',
  'empty-row',
  'source-unreadable',
  // mapping key
  'empty-key',
  'duplicate-key',
  'similar-key',
  'key-changed',
  // data quality
  'missing-required',
  'invalid-email',
  'duplicate-email',
  'invalid-date',
  'invalid-phone',
  'expression-error',
  'login-collision',
  'login-empty',
  'out-of-scope',
  'leaving-later',
  'starting-later',
  'manual-link',
  // mapping definition
  'mapping-invalid',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** The catalogue id of an issue's text: `issue.<code>.<variant>` or `issue.eval.<where>` (src/shared/i18n/en.ts). */
export type IssueTextId = Extract<MessageId, `issue.${string}.${string}`>;

/**
 * An issue as data: which catalogue text words it and the values that text needs. The UI and the CLI render it
 * in the reader's language with `formatIssue` (src/shared/i18n); values stay language-neutral (row numbers, keys,
 * column names, Plek field paths under `target`).
 */
export interface IssueParams {
  readonly id: IssueTextId;
  readonly [name: string]: string | number | undefined;
}
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Spreadsheet row (header = 1) or, for a directory, the 1-based entry index; absent for file-level issues. */
  row?: number;
  /** Other rows involved (e.g. every row sharing a duplicate key). */
  rows?: number[];
  key?: string;
  /** Source attribute or target field the issue is about. */
  field?: string;
  /** The text in English, for logs and `--json`; screens and reports word the issue from `params` instead. */
  message: string;
  /** Code and values of the text in the catalogue; absent only in code not yet moved to the catalogue. */
  params?: IssueParams;
}

/**
 * "row 12345", as an issue's message begins. The number is written with `toFixed`, not a template literal: that
 * converts through V8's number-to-string cache, which keeps the text of every row number it converts alive until
 * the cache fills (some 16,000 texts). With an issue on every row, each young-generation collection then copied
 * that much more, and V8 doubled the young generation halfway through a 100,000-row file: 0.45 s instead of 0.38 s
 * for a file with a warning on every row (`npm run bench -- engine`).
 */
export function rowLabel(row: number): string {
  return `row ${row.toFixed(0)}`;
}

/** Returns true when the issue blocks a sync (an error on a row blocks that row; file-level errors block all). */
export function isBlocking(issue: Issue): boolean {
  return issue.severity === 'error';
}
