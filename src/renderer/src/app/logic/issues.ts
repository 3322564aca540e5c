import type { Issue, IssueCode, Severity } from '../../../../shared/issues';

export interface IssueGroup {
  code: IssueCode;
  /** The worst severity in the group, for its badge. */
  severity: Severity;
  errors: number;
  warnings: number;
  infos: number;
  issues: Issue[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups issues by code; errors first, then by count (largest first), then by code for a stable order. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const byCode = new Map<IssueCode, IssueGroup>();
  for (const issue of issues) {
    let g = byCode.get(issue.code);
    if (!g) {
      g = { code: issue.code, severity: issue.severity, errors: 0, warnings: 0, infos: 0, issues: [] };
      byCode.set(issue.code, g);
    }
    g.issues.push(issue);
    if (issue.severity === 'error') g.errors++;
    else if (issue.severity === 'warning') g.warnings++;
    else g.infos++;
    if (SEVERITY_RANK[issue.severity] < SEVERITY_RANK[g.severity]) g.severity = issue.severity;
  }
  const groups = [...byCode.values()];
  for (const g of groups) g.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return groups.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.issues.length - a.issues.length ||
      a.code.localeCompare(b.code),
  );
}

export function countBySeverity(issues: readonly Issue[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Free-text filter over code, key, field and the text the reader sees (case-insensitive); a row number matches
 * exactly. `text` words an issue in the reader's language (default: its English message).
 */
export function filterIssues(
  issues: readonly Issue[],
  query: string,
  text: (issue: Issue) => string = (i) => i.message,
): Issue[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...issues];
  if (/^\d+$/.test(q)) {
    const n = Number(q);
    return issues.filter(
      (i) => i.row === n || i.rows?.includes(n) || (i.key ?? '').toLowerCase().includes(q),
    );
  }
  return issues.filter((i) =>
    [i.code, i.key ?? '', i.field ?? '', text(i)].some((s) => s.toLowerCase().includes(q)),
  );
}

/** One CSV field, quoted when needed; a leading = + - @ is defused so Excel does not run it as a formula. */
export function csvField(value: string | number | undefined | null, delimiter = ';'): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    s = `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/**
 * The issue list for the customer's HR department: semicolon-separated (what Dutch Excel opens by default),
 * with a byte-order mark so Excel reads the umlauts as UTF-8, one line per issue, CRLF line ends.
 */
export function issuesToCsv(
  issues: readonly Issue[],
  headers: {
    row: string;
    key: string;
    field: string;
    title: string;
    code: string;
    severity: string;
    message: string;
  },
  words: {
    /** The problem in the reader's language ("Ongeldig e-mailadres"); the code column stays for support. */
    title(code: IssueCode): string;
    severity(severity: Severity): string;
    field(field: string): string;
    /** The issue's text in the reader's language, from the catalogue. */
    message(issue: Issue): string;
  } = { title: (c) => c, severity: (s) => s, field: (f) => f, message: (i) => i.message },
): string {
  const lines = [
    [headers.row, headers.key, headers.field, headers.title, headers.code, headers.severity, headers.message]
      .map((h) => csvField(h))
      .join(';'),
  ];
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.code.localeCompare(b.code));
  for (const i of sorted) {
    lines.push(
      [
        i.row,
        i.key,
        i.field === undefined ? undefined : words.field(i.field),
        words.title(i.code),
        i.code,
        words.severity(i.severity),
        words.message(i),
      ]
        .map((v) => csvField(v ?? null))
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Drops repeated reports of the same problem (same code, row, field and message), keeping the first. */
export function uniqueIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const i of issues) {
    const id = `${i.code}\u0000${i.row ?? ''}\u0000${i.field ?? ''}\u0000${i.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(i);
  }
  return out;
}
