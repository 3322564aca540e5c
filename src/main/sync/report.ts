import type { FlatValue } from '../../shared/scim/resource';
import type { Plan, PlanAction, UntouchedAccount } from '../../shared/plan/types';

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
  /** Went through, but with something left out (a manager reference whose manager could not be created). */
  warning?: string;
}

/** One source row as HR reads it: who, what was done, what changed, why, and the Plek account. */
export interface ReportRow {
  row: number;
  key: string | null;
  name: string | null;
  email: string | null;
  action: PlanAction;
  result: OpResult;
  /** `before → after` per changed field (a create lists what it wrote, from empty). */
  changes: { field: string; before: FlatValue; after: FlatValue }[];
  /** The plan's reason, followed by why an operation failed. */
  reason: string;
  warnings: string[];
  /** Groups the person was added to in this run. */
  groups: string[];
  plekId: string | null;
}

export interface RunReport {
  version: 1;
  status: RunStatus;
  target: { url: string };
  startedAt: string;
  finishedAt: string;
  safety: { ok: boolean; reasons: string[] };
  /** Per operation. */
  totals: Record<OpResult, number>;
  /** Operations that went through with a warning. */
  warnings: number;
  /** One per source row, in row order. */
  rows: ReportRow[];
  /** Plek accounts that are not in the source and were left alone. */
  notInSource: UntouchedAccount[];
  /** Per operation (the workbench's failure list, support). */
  lines: ReportLine[];
}

const RESULT_RANK: OpResult[] = ['failed', 'blocked', 'not-run'];

/** Folds the operation lines into one row per source row, in row order. */
export function reportRows(plan: Plan, lines: ReadonlyMap<string, ReportLine>): ReportRow[] {
  const rows: ReportRow[] = [];
  const byRow = new Map<number, ReportRow>();
  const ops = new Map<number, ReportLine[]>();
  for (const c of plan.changes) {
    if (c.row === undefined) continue;
    const line = lines.get(c.op);
    if (!line) continue;
    const list = ops.get(c.row);
    if (list) list.push(line);
    else ops.set(c.row, [line]);
    if (c.action === 'groupAdd') {
      const r = byRow.get(c.row);
      if (r && c.group && line.result === 'ok') r.groups.push(c.group);
      continue;
    }
    const r: ReportRow = {
      row: c.row,
      key: c.key ?? null,
      name: c.name ?? null,
      email: c.email ?? null,
      action: c.action,
      result: line.result,
      changes: (c.fields ?? [])
        .filter((f) => f.path !== 'externalId')
        .map((f) => ({
          field: f.path,
          before: f.before,
          after: f.managerKey !== undefined ? `(${f.managerKey})` : f.after,
        })),
      reason: c.reason,
      warnings: [...(c.warnings ?? [])],
      groups: [],
      plekId: line.targetId ?? c.targetId ?? null,
    };
    rows.push(r);
    byRow.set(c.row, r);
  }
  for (const c of plan.changes) {
    if (c.action !== 'create' || !c.key) continue;
    const follow = lines.get(`manager:${c.key}`);
    if (follow && c.row !== undefined) ops.get(c.row)?.push(follow);
  }
  for (const r of rows) {
    const mine = ops.get(r.row) ?? [];
    // A row is as good as its worst operation: an ok update whose group membership failed is a failed row.
    const worst = RESULT_RANK.find((res) => mine.some((l) => l.result === res));
    if (worst) r.result = worst;
    const errors = [...new Set(mine.filter((l) => l.result === 'failed' && l.error).map((l) => l.error!))];
    if (errors.length) r.reason = [r.reason, ...errors].join('; ');
    for (const l of mine) if (l.warning && !r.warnings.includes(l.warning)) r.warnings.push(l.warning);
  }
  return rows;
}

export type ReportLanguage = 'nl' | 'en';

const HEADERS: Record<ReportLanguage, string[]> = {
  en: [
    'row',
    'key',
    'name',
    'email',
    'action',
    'result',
    'changes',
    'reason',
    'warnings',
    'groups',
    'Plek id',
  ],
  nl: [
    'rij',
    'sleutel',
    'naam',
    'e-mail',
    'actie',
    'resultaat',
    'wijzigingen',
    'reden',
    'waarschuwingen',
    'groepen',
    'Plek-id',
  ],
};

const ACTIONS: Record<ReportLanguage, Record<PlanAction, string>> = {
  en: {
    create: 'create',
    update: 'update',
    deactivate: 'deactivate',
    reactivate: 'reactivate',
    link: 'link',
    groupAdd: 'add to group',
    createGroup: 'create group',
    noop: 'no change',
    conflict: 'conflict',
    skipped: 'skipped',
  },
  nl: {
    create: 'aanmaken',
    update: 'bijwerken',
    deactivate: 'deactiveren',
    reactivate: 'heractiveren',
    link: 'koppelen',
    groupAdd: 'toevoegen aan groep',
    createGroup: 'groep aanmaken',
    noop: 'geen wijziging',
    conflict: 'conflict',
    skipped: 'overgeslagen',
  },
};

const RESULTS: Record<ReportLanguage, Record<OpResult, string>> = {
  en: {
    ok: 'done',
    failed: 'failed',
    'not-run': 'not run (interrupted)',
    noop: 'up to date',
    conflict: 'needs attention',
    skipped: 'skipped',
    blocked: 'blocked by the safety guard',
  },
  nl: {
    ok: 'uitgevoerd',
    failed: 'mislukt',
    'not-run': 'niet uitgevoerd (onderbroken)',
    noop: 'al actueel',
    conflict: 'vraagt aandacht',
    skipped: 'overgeslagen',
    blocked: 'tegengehouden door de veiligheidscontrole',
  },
};

/** yyyy-MM-dd → dd-MM-yyyy, as HR writes dates. */
function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * The plan's reasons in HR's words. Known phrases are translated (dates as dd-MM-yyyy); anything else — such as
 * an engine issue message — is kept as written.
 */
const REASONS: { re: RegExp; en: (m: RegExpExecArray) => string; nl: (m: RegExpExecArray) => string }[] = [
  {
    re: /^end date (\d{4}-\d{2}-\d{2}) is before today \(\d{4}-\d{2}-\d{2}\)$/,
    en: (m) => `deactivated because end date ${dutchDate(m[1]!)}`,
    nl: (m) => `gedeactiveerd omdat de einddatum ${dutchDate(m[1]!)} is`,
  },
  {
    re: /^leaving on (\d{4}-\d{2}-\d{2})$/,
    en: (m) => `leaving on ${dutchDate(m[1]!)}`,
    nl: (m) => `vertrekt op ${dutchDate(m[1]!)}`,
  },
  { re: /^new in the source$/, en: () => 'new in the source', nl: () => 'nieuw in de bron' },
  { re: /^up to date$/, en: () => 'up to date', nl: () => 'al actueel' },
  {
    re: /^(\d+) fields? changed$/,
    en: (m) => `${m[1]} field${m[1] === '1' ? '' : 's'} changed`,
    nl: (m) => `${m[1]} veld${m[1] === '1' ? '' : 'en'} gewijzigd`,
  },
  {
    re: /^active again in the source$/,
    en: () => 'active again in the source',
    nl: () => 'weer actief in de bron',
  },
  {
    re: /^initial import: existing account matched by (email|userName), externalId set$/,
    en: (m) => `initial import: existing account linked by ${m[1] === 'email' ? 'email' : 'login'}`,
    nl: (m) => `eerste import: bestaand account gekoppeld op ${m[1] === 'email' ? 'e-mailadres' : 'login'}`,
  },
  {
    re: /^inactive in the source \((.*)\) and not in Plek: not created$/,
    en: (m) => `not created: inactive in the source (${reasonText(m[1]!, 'en')})`,
    nl: (m) => `niet aangemaakt: inactief in de bron (${reasonText(m[1]!, 'nl')})`,
  },
  {
    re: /^deactivation\.inactiveWhen is true \((.*)\)$/,
    en: (m) => `deactivated because ${m[1]}`,
    nl: (m) => `gedeactiveerd omdat ${m[1]}`,
  },
  {
    re: /^out of scope: (.*)$/,
    en: (m) => `skipped because out of scope: ${m[1]}`,
    nl: (m) => `overgeslagen: buiten de scope (${m[1]})`,
  },
  {
    re: /^error: (.*)$/s,
    en: (m) => `skipped because of an error: ${m[1]}`,
    nl: (m) => `overgeslagen door een fout: ${m[1]}`,
  },
  {
    re: /^manager "(.*)" is not in Plek nor in this run: left unchanged$/,
    en: (m) => `manager "${m[1]}" is not in Plek nor in this run: left unchanged`,
    nl: (m) => `leidinggevende "${m[1]}" staat niet in Plek en niet in deze run: niet gewijzigd`,
  },
];

/** One reason (the plan joins its fragments with "; ") in the report's language, fragments joined by ", ". */
export function reasonText(reason: string, lang: ReportLanguage): string {
  return reason
    .split('; ')
    .map((part) => {
      for (const r of REASONS) {
        const m = r.re.exec(part);
        if (m) return r[lang](m);
      }
      return part;
    })
    .join(', ');
}

function show(v: FlatValue, lang: ReportLanguage): string {
  if (v === null || v === '') return lang === 'nl' ? '(leeg)' : '(empty)';
  if (typeof v === 'boolean') return lang === 'nl' ? (v ? 'ja' : 'nee') : String(v);
  return String(v);
}

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ (or tab/CR) would be a formula in Excel: prefix it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as CSV that Dutch Excel opens as it is: UTF-8 with BOM, `;`-separated, CRLF. One row per source
 * row in row order, then a second section with the Plek accounts not in the source (left alone).
 */
export function reportToCsv(report: RunReport, lang: ReportLanguage = 'nl'): string {
  const out: string[] = [HEADERS[lang].join(';')];
  for (const r of report.rows) {
    out.push(
      [
        r.row,
        r.key,
        r.name,
        r.email,
        ACTIONS[lang][r.action],
        RESULTS[lang][r.result],
        r.changes.map((c) => `${c.field}: ${show(c.before, lang)} → ${show(c.after, lang)}`).join(' | '),
        reasonText(r.reason, lang),
        r.warnings.join(' | '),
        r.groups.join(', '),
        r.plekId,
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  out.push('');
  out.push(
    lang === 'nl'
      ? `Plek-accounts die niet in de bron staan en niet zijn aangeraakt (${report.notInSource.length})`
      : `Plek accounts not in the source, left alone (${report.notInSource.length})`,
  );
  out.push(
    (lang === 'nl'
      ? ['Plek-id', 'login', 'e-mail', 'sleutel (externalId)', 'actief']
      : ['Plek id', 'login', 'email', 'key (externalId)', 'active']
    ).join(';'),
  );
  for (const a of report.notInSource) {
    out.push([a.id, a.userName, a.email, a.externalId, show(a.active, lang)].map(csvCell).join(';'));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
