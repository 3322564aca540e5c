import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReportFiles } from '../../../src/main/cli/commands/apply';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { ScimClient } from '../../../src/main/scim';
import { applyPlan, reportToCsv, type ApplyResult } from '../../../src/main/sync';
import {
  reportCsvFile,
  reportJsonFile,
  reportToJson,
  ROWS,
  rowText,
  type FileRow,
  type ReportFile,
  type RunReport,
} from '../../../src/main/sync/report';
import { CompactCreate, compactCreates } from '../../../src/shared/plan/compact';
import { client, employee, MANAGER, planFor } from '../../support/scim-fixtures';
import { UserError } from '../../../src/main/user-error';
import { workerUnusable } from '../../../src/main/worker-entry';

const REMOTE = 'urn:plek:params:scim:schemas:extension:profile:2.0:User:remote';

let dir: string;
const open: { h: SandboxHandle; c: ScimClient }[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-report-files-'));
});
afterEach(async () => {
  for (const { h, c } of open.splice(0)) {
    c.close();
    await h.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The three report files as the CLI writes them: row by row, each row's three texts in turn (JSON, nl, en). */
function writtenAsTheCliDoes(report: RunReport, rows: Iterable<FileRow>): string[] {
  const files: ReportFile[] = [
    reportJsonFile(report),
    reportCsvFile(report, 'nl'),
    reportCsvFile(report, 'en'),
  ];
  const texts = files.map(() => '');
  const parts = files.map((f) => f.parts[Symbol.iterator]());
  const until = (n: number): boolean => {
    for (let next = parts[n]!.next(); !next.done; next = parts[n]!.next()) {
      if (next.value === ROWS) return true;
      texts[n] += next.value;
    }
    return false;
  };
  const withRows = files.map((_, n) => until(n));
  let i = 0;
  for (const [r, create] of rows) {
    files.forEach((f, n) => {
      if (withRows[n]) texts[n] += rowText(f, r, i, create);
    });
    i += 1;
  }
  files.forEach((_, n) => until(n));
  return texts;
}

/**
 * An applied plan of new accounts with messy values (formula starts, quotes, separators, line breaks, characters
 * above U+00FF, a yes/no value, groups) whose one manager's create fails (409): warnings on its dependents.
 */
async function messyRun(): Promise<ApplyResult> {
  const h = await startSandbox();
  const c = client(h);
  open.push({ h, c });
  const boss = employee(0, { attrs: { title: '=Teamleider "zorg"; Noord' } });
  const failingBoss = employee(1, { attrs: { title: 'Teamleider' } });
  const users = [
    boss,
    failingBoss,
    // Formula starts, quotes, separators, line breaks, characters above U+00FF, an emptied value.
    employee(2, { attrs: { [MANAGER]: boss.key, title: '+31 "quoted" title', 'name.givenName': 'Søren' } }),
    employee(3, { attrs: { [MANAGER]: failingBoss.key, title: 'Coördinator\r\nWijk → Oost 🙂' } }),
    employee(4, { attrs: { title: '@home;remote', [REMOTE]: true } }),
    employee(5, { attrs: { [MANAGER]: failingBoss.key } }),
    employee(6, { attrs: { title: '-' } }),
    ...[7, 8, 9].map((i) => employee(i, { groups: ['Wijkteam "Noord"; Zuid'] })),
  ];
  const plan = compactCreates(await planFor(c, users));
  // The manager's create fails (409): warnings on its dependents, a failure on its row.
  await c.createUser({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: String(failingBoss.attributes.userName).toUpperCase(),
  });
  return applyPlan(plan, { client: c, journalPath: join(dir, 'journal.jsonl') });
}

describe('the report files from compact creates', () => {
  it('are the same bytes as the report written from whole rows, on messy values, warnings and failures', async () => {
    const r = await messyRun();
    expect(r.failed).toBe(1);

    const fileRows = [...r.fileRows()];
    // The files take the creates' changes from their rows of values (the rows hold none).
    const creates = fileRows.filter(([, create]) => create instanceof CompactCreate);
    expect(creates).toHaveLength(10);
    for (const [row] of creates) expect(row.changes).toEqual([]);
    expect(fileRows.map(([row]) => ({ ...row, changes: [] }))).toEqual(
      r.report.rows.map((row) => ({ ...row, changes: [] })),
    );

    const [json, nl, en] = writtenAsTheCliDoes(r.report, fileRows);
    expect(json).toBe(reportToJson(r.report));
    expect(nl).toBe(reportToCsv(r.report, 'nl'));
    expect(en).toBe(reportToCsv(r.report, 'en'));
    // What the comparison covers: quotes and separators in a changes cell, a value worded per language.
    expect(nl).toContain('title: =Teamleider ""zorg""; Noord');
    expect(en).toContain(`${REMOTE}: yes`);
    expect(nl).toContain(`${REMOTE}: ja`);
    expect(en).toContain('title: Coördinator\r\nWijk → Oost 🙂');
    expect(JSON.parse(json ?? '')).toMatchObject({ totals: { failed: 1 } });
  });

  it('of an interrupted run (some creates done, the rest not run) are the report written from whole rows', async () => {
    const h = await startSandbox();
    const c = client(h);
    open.push({ h, c });
    const users = Array.from({ length: 40 }, (_, i) =>
      employee(i, { groups: i % 2 ? ['Zorg'] : [], attrs: i ? { [MANAGER]: 'E10000' } : {} }),
    );
    const plan = compactCreates(await planFor(c, users));
    const ac = new AbortController();
    const r = await applyPlan(plan, {
      client: c,
      journalPath: join(dir, 'journal.jsonl'),
      signal: ac.signal,
      bulkSize: 5,
      onEvent: (e) => e.done >= 12 && ac.abort(),
      now: (() => {
        let t = 0;
        return () => (t += 1000);
      })(),
    });
    expect(r.status).toBe('interrupted');
    const fileRows = [...r.fileRows()];
    expect(fileRows.filter(([, create]) => create).length).toBe(40);
    const results = new Set(fileRows.map(([row]) => row.result));
    expect(results.has('ok') && results.has('not-run')).toBe(true);
    const [json, nl, en] = writtenAsTheCliDoes(r.report, fileRows);
    expect(json).toBe(reportToJson(r.report));
    expect(nl).toBe(reportToCsv(r.report, 'nl'));
    expect(en).toBe(reportToCsv(r.report, 'en'));
  });

  it('a row whose keys are not the usual ones is written by JSON.stringify, the same text', async () => {
    const h = await startSandbox();
    const c = client(h);
    open.push({ h, c });
    const plan = compactCreates(await planFor(c, [employee(0), employee(1)]));
    const r = await applyPlan(plan, { client: c, journalPath: join(dir, 'journal.jsonl') });
    const rows = [...r.fileRows()].map(([row, create], i): FileRow => {
      // An extra key (as a later version of the row might carry) and one in another place.
      if (i === 0) return [{ ...row, extra: 'x' } as typeof row, create];
      const { key, ...rest } = row;
      return [{ ...rest, key } as typeof row, create];
    });
    const file = reportJsonFile(r.report);
    const texts = rows.map(([row, create], i) => rowText(file, row, i, create));
    const plain = r.report.rows;
    expect(JSON.parse(`[${texts.join('')}]`)).toEqual([{ ...plain[0], extra: 'x' }, plain[1]]);
    expect(texts[1]).toBe(`,${JSON.stringify({ ...rows[1]![0], changes: plain[1]!.changes })}`);
  });
});

describe('the report files as the CLI writes them: the CSV files made by a thread of their own', () => {
  const filesIn = (r: ApplyResult, stem: string) => [
    { path: `${stem}.json`, file: reportJsonFile(r.report) },
    { path: `${stem}.nl.csv`, file: reportCsvFile(r.report, 'nl'), lang: 'nl' as const },
    { path: `${stem}.en.csv`, file: reportCsvFile(r.report, 'en'), lang: 'en' as const },
  ];
  const expectReport = (r: ApplyResult, stem: string) => {
    expect(readFileSync(`${stem}.json`, 'utf8')).toBe(reportToJson(r.report));
    expect(readFileSync(`${stem}.nl.csv`, 'utf8')).toBe(reportToCsv(r.report, 'nl'));
    expect(readFileSync(`${stem}.en.csv`, 'utf8')).toBe(reportToCsv(r.report, 'en'));
  };

  it('are the report written from whole rows, in batches of three rows (paths sent once, then by number), each batch in texts of two rows', async () => {
    const r = await messyRun();
    const stem = join(dir, 'rapport');
    await writeReportFiles(filesIn(r, stem), r.fileRows(), { batchRows: 3, limit: 2, rowsPerText: 2 });
    expectReport(r, stem);
    const nl = readFileSync(`${stem}.nl.csv`, 'utf8');
    expect(nl.startsWith('\uFEFF')).toBe(true);
    expect(nl).toContain('title: Coördinator\r\nWijk → Oost 🙂');
    expect(nl).toContain(`${REMOTE}: ja`);
  });

  it('of a second day (updates before → after, a yes/no turned off, a skipped row) are the report from whole rows', async () => {
    const h = await startSandbox();
    const c = client(h);
    open.push({ h, c });
    const day1 = Array.from({ length: 7 }, (_, i) =>
      employee(i, { attrs: { title: `Adviseur ${i}`, [REMOTE]: true }, groups: i % 3 ? [] : ['Zorg'] }),
    );
    await applyPlan(compactCreates(await planFor(c, day1)), {
      client: c,
      journalPath: join(dir, 'j1.jsonl'),
    });
    const day2 = day1.map((u, i) =>
      i % 2
        ? employee(i, {
            attrs: { title: i === 1 ? '=SUM(A1) "x"; y' : `Senior adviseur ${i}`, [REMOTE]: false },
          })
        : u,
    );
    const plan = compactCreates(
      await planFor(c, day2, { skipped: [{ row: 40, key: 'E19999', reason: 'inactive' }] as never }),
    );
    const r = await applyPlan(plan, { client: c, journalPath: join(dir, 'j2.jsonl') });
    const rows = [...r.fileRows()];
    expect(rows.some(([row]) => row.action === 'update' && row.changes.length > 0)).toBe(true);
    const stem = join(dir, 'dag2');
    await writeReportFiles(filesIn(r, stem), r.fileRows(), { batchRows: 2 });
    expectReport(r, stem);
    expect(readFileSync(`${stem}.en.csv`, 'utf8')).toContain(`${REMOTE}: yes → no`);
  });

  it('a CSV file that cannot be written is named in the error (exit code 2), as one written here', async () => {
    if (!existsSync('/dev/full')) return;
    const r = await messyRun();
    const stem = join(dir, 'vol');
    // Opens as any file; every write fails: the disk is full (ENOSPC).
    symlinkSync('/dev/full', `${stem}.nl.csv`);
    const failed = await writeReportFiles(filesIn(r, stem), r.fileRows(), { batchRows: 2 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(UserError);
    expect(failed).toMatchObject({ exitCode: 2, technical: 'ENOSPC' });
    expect((failed as UserError).message).toContain(`${stem}.nl.csv`);
  });

  it('without the report thread (a build without its entry) are made here, the same bytes (last: for this file)', async () => {
    const r = await messyRun();
    workerUnusable('report-worker');
    const stem = join(dir, 'hier');
    await writeReportFiles(filesIn(r, stem), r.fileRows());
    expectReport(r, stem);
  });
});
