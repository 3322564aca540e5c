import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { ScimClient } from '../../../src/main/scim';
import { applyPlan, reportToCsv } from '../../../src/main/sync';
import {
  reportCsvFile,
  reportJsonFile,
  reportToJson,
  ROWS,
  type FileRow,
  type ReportFile,
  type RunReport,
} from '../../../src/main/sync/report';
import { CompactCreate, compactCreates } from '../../../src/shared/plan/compact';
import { client, employee, MANAGER, planFor } from '../../support/scim-fixtures';

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
      if (withRows[n]) texts[n] += f.row(r, i, create);
    });
    i += 1;
  }
  files.forEach((_, n) => until(n));
  return texts;
}

describe('the report files from compact creates', () => {
  it('are the same bytes as the report written from whole rows, on messy values, warnings and failures', async () => {
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
    const r = await applyPlan(plan, { client: c, journalPath: join(dir, 'journal.jsonl') });
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
    const texts = rows.map(([row, create], i) => file.row(row, i, create));
    const plain = r.report.rows;
    expect(JSON.parse(`[${texts.join('')}]`)).toEqual([{ ...plain[0], extra: 'x' }, plain[1]]);
    expect(texts[1]).toBe(`,${JSON.stringify({ ...rows[1]![0], changes: plain[1]!.changes })}`);
  });
});
