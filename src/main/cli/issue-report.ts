import type { Issue } from '../../shared/issues';

const RANK = { error: 0, warning: 1, info: 2 } as const;

interface CodeGroup {
  code: Issue['code'];
  count: number;
  /** Most severe severity of the group: 0 error, 1 warning, 2 info. */
  rank: number;
  /** Where the group's first issue lies: lowest row, then arrival. */
  firstRow: number;
  firstSeq: number;
  /** The `perCode` issues with the lowest rows, in row order. */
  shown: { issue: Issue; row: number; seq: number }[];
}

/**
 * What the human report of `validate` (and `map`) shows of the issues, kept while they stream past: per code a
 * count, the most severe severity and the first `perCode` issues by row. Memory stays at a few issues per code
 * however many rows have one.
 */
export class IssueDigest {
  /** Issues seen, and whether any of them blocks a sync (an error). */
  total = 0;
  blocking = false;
  private seq = 0;
  private readonly groups = new Map<string, CodeGroup>();

  constructor(private readonly perCode = 20) {}

  add(issue: Issue): void {
    this.total++;
    if (issue.severity === 'error') this.blocking = true;
    const row = issue.row ?? 0;
    const seq = this.seq++;
    let group = this.groups.get(issue.code);
    if (!group) {
      group = { code: issue.code, count: 0, rank: 2, firstRow: row, firstSeq: seq, shown: [] };
      this.groups.set(issue.code, group);
    }
    group.count++;
    group.rank = Math.min(group.rank, RANK[issue.severity]);
    if (row < group.firstRow) {
      group.firstRow = row;
      group.firstSeq = seq;
    }
    const shown = group.shown;
    // Issues mostly come in row order: then this is one comparison and a push.
    if (shown.length === this.perCode && shown[shown.length - 1]!.row <= row) return;
    let at = shown.length;
    while (at > 0 && shown[at - 1]!.row > row) at--;
    shown.splice(at, 0, { issue, row, seq });
    if (shown.length > this.perCode) shown.pop();
  }

  /** The groups as the report lists them: errors first, then warnings, then info; within that by first row. */
  sortedGroups(): { code: Issue['code']; count: number; shown: Issue[] }[] {
    return [...this.groups.values()]
      .sort((a, b) => a.rank - b.rank || a.firstRow - b.firstRow || a.firstSeq - b.firstSeq)
      .map((g) => ({ code: g.code, count: g.count, shown: g.shown.map((s) => s.issue) }));
  }
}

/** An issue as `validate --json` prints it. */
export function issueJson(i: Issue): string {
  return JSON.stringify({
    code: i.code,
    severity: i.severity,
    row: i.row ?? null,
    key: i.key ?? null,
    field: i.field ?? null,
    message: i.message,
    ...(i.rows ? { rows: i.rows } : {}),
  });
}

/**
 * Collects text into blocks of about 64 KiB for `out` (process.stdout: synchronous for files, and for pipes on
 * Linux and macOS), so the issues of a million rows pass through without being held and without a write per issue.
 */
export class BlockWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: (text: string) => void) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.out(text);
  }
}
