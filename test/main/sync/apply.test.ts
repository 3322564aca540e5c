import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { ScimClient } from '../../../src/main/scim';
import { applyPlan, reportToCsv, type ApplyProgress } from '../../../src/main/sync';
import { reportCsvParts, reportJsonParts, reportToJson } from '../../../src/main/sync/report';
import { said } from '../../../src/shared/i18n';
import {
  client,
  defaultMapping,
  DEPARTMENT,
  duplicates,
  employee,
  endState,
  LOCATION,
  MANAGER,
  planFor,
} from '../../support/scim-fixtures';

let dir: string;
const open: { h: SandboxHandle; c?: ScimClient }[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-apply-'));
});
afterEach(async () => {
  for (const { h, c } of open.splice(0)) {
    c?.close();
    await h.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function setup(opts: Parameters<typeof startSandbox>[0] = {}) {
  const h = await startSandbox(opts);
  const c = client(h);
  open.push({ h, c });
  return { h, c };
}

let journalSeq = 0;
const journal = () => join(dir, `journal-${++journalSeq}.jsonl`);

describe('applyPlan against the sandbox', () => {
  it('initial import: links existing accounts by email, creates the rest, resolves managers, adds groups; never deletes', async () => {
    const { h, c } = await setup({
      seed: {
        users: [
          {
            userName: 'j.vandermeer@zorggroep-demo.nl',
            emails: [{ type: 'work', value: 'Jan.vanderMeer0@Zorggroep-Demo.nl' }],
            title: 'Oud',
          },
          {
            userName: 'oud-account@zorggroep-demo.nl',
            active: false,
            emails: [{ type: 'work', value: 'Anouk.deVries1@zorggroep-demo.nl' }],
          },
          { userName: 'beheerder@zorggroep-demo.nl' },
        ],
        groups: [{ displayName: 'Iedereen' }],
      },
    });
    const boss = employee(2, { groups: ['Iedereen'] });
    const users = [
      employee(0, { groups: ['Iedereen', 'Wijkteam Noord'], attrs: { [MANAGER]: boss.key } }),
      employee(1, { groups: ['Iedereen'] }),
      boss,
      employee(3, { groups: ['Wijkteam Noord'], attrs: { [MANAGER]: boss.key } }),
    ];
    const plan = await planFor(c, users);
    expect(plan.initialImport).toBe(true);
    expect(plan.changes.map((x) => [x.op, x.action])).toEqual([
      ['group:Wijkteam Noord', 'createGroup'],
      ['user:E10000', 'link'],
      ['member:Iedereen:E10000', 'groupAdd'],
      ['member:Wijkteam Noord:E10000', 'groupAdd'],
      ['user:E10001', 'conflict'],
      ['user:E10002', 'create'],
      ['member:Iedereen:E10002', 'groupAdd'],
      ['user:E10003', 'create'],
      ['member:Wijkteam Noord:E10003', 'groupAdd'],
    ]);
    expect(plan.changes[4]?.reason).toMatch(
      /already used by Plek account .* \(oud-account@zorggroep-demo.nl\)/,
    );

    const events: ApplyProgress[] = [];
    const result = await applyPlan(plan, {
      client: c,
      journalPath: journal(),
      onEvent: (e) => events.push(e),
    });
    expect(result.failed).toBe(0);
    // Eight operations: E10003's manager (created in the same run, in an earlier wave) is part of its create.
    expect(result.report.totals).toMatchObject({ ok: 8, conflict: 1, failed: 0 });
    expect(events.at(-1)).toMatchObject({ done: 8, total: 8 });
    expect(result.report.lines.some((l) => l.action === 'manager')).toBe(false);

    const snap = h.snapshot();
    // The seeded account was linked (not duplicated) and took the source's values, userName included.
    const linked = snap.users.find((u) => u.externalId === 'E10000');
    expect(linked).toMatchObject({
      userName: 'jan.vandermeer0@zorggroep-demo.nl',
      title: 'Verpleegkundige',
      name: { middleName: 'van der' },
    });
    expect(snap.users.find((u) => u.userName === 'j.vandermeer@zorggroep-demo.nl')).toBeUndefined();
    const bossAccount = snap.users.find((u) => u.externalId === boss.key);
    expect(
      (
        linked?.['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as {
          manager: { value: string };
        }
      ).manager.value,
    ).toBe(bossAccount?.id);
    expect(snap.users.find((u) => u.userName === 'oud-account@zorggroep-demo.nl')).toMatchObject({
      active: false,
    });
    expect(snap.users).toHaveLength(5);
    const groups = endState(h) as { groups: { displayName: string; members: string[] }[] };
    expect(groups.groups).toEqual([
      { displayName: 'Iedereen', members: ['E10000', 'E10002'] },
      { displayName: 'Wijkteam Noord', members: ['E10000', 'E10003'] },
    ]);
    expect(h.stats().byMethod.DELETE ?? 0).toBe(0);

    // The second run of the same source changes nothing.
    const again = await planFor(c, users);
    expect(again.counts).toMatchObject({ noop: 3, conflict: 1, create: 0, update: 0, groupAdd: 0 });
  });

  it('a failed manager does not cascade: dependents are created and updated, only the reference is left out, once', async () => {
    const { h, c } = await setup();
    const existing = employee(7);
    await applyPlan(await planFor(c, [existing]), { client: c, journalPath: journal() });
    const boss = employee(0, { attrs: { title: 'Teamleider' } });
    const team = [1, 2, 3].map((i) => employee(i, { attrs: { [MANAGER]: boss.key } }));
    const moved = employee(7, { attrs: { [MANAGER]: boss.key, title: 'Wijkverpleegkundige' } });
    const plan = await planFor(c, [boss, ...team, moved]);
    expect(plan.counts).toMatchObject({ create: 4, update: 1 });
    // Someone takes the manager's userName in Plek between plan and apply: the manager's create fails (409).
    await c.createUser({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: String(boss.attributes.userName).toUpperCase(),
    });

    const r = await applyPlan(plan, { client: c, journalPath: journal() });
    expect(r.status).toBe('completed-with-failures');
    expect(r.failed).toBe(1);
    expect(r.report.lines.filter((l) => l.result === 'failed').map((l) => l.key)).toEqual([boss.key]);
    const warning = `manager reference left out: manager "${boss.key}" (row 2) has no Plek account, its create failed: `;
    const warned = r.report.lines.filter((l) => l.warning);
    expect(warned.map((l) => [l.key, l.action, l.result]).sort()).toEqual([
      ...team.map((t) => [t.key, 'create', 'ok']),
      [moved.key, 'update', 'ok'],
    ]);
    for (const l of warned) expect(l.warning).toContain(warning);
    // Per source row: the dependents are done, each with the warning once.
    const rows = r.report.rows.filter((row) => row.key !== boss.key);
    expect(rows.map((row) => [row.row, row.result, row.warnings.length])).toEqual([
      [3, 'ok', 1],
      [4, 'ok', 1],
      [5, 'ok', 1],
      [9, 'ok', 1],
    ]);
    // The HR report says so on each dependent's row, in its own language; the manager's row says why it failed.
    const csv = (lang: 'nl' | 'en') =>
      new Map(
        reportToCsv(r.report, lang)
          .split('\r\n')
          .slice(1)
          .map((line) => [line.split(';')[1], line] as const),
      );
    const nl = csv('nl');
    const en = csv('en');
    for (const key of [...team.map((t) => t.key), moved.key]) {
      expect(nl.get(key)).toMatch(
        /;uitgevoerd;.*;"leidinggevende niet ingesteld omdat rij 2 \(E10000\) niet kon worden aangemaakt: Plek heeft al een account met deze login of dit e-mailadres \(HTTP 409: userName ""[^"]+"" is already in use\)";/,
      );
      expect(en.get(key)).toMatch(
        /;done;.*;"manager not set because row 2 \(E10000\) could not be created: Plek already has an account with this login or e-mail address \(HTTP 409: userName ""[^"]+"" is already in use\)";/,
      );
    }
    expect(nl.get(boss.key)).toMatch(
      /;aanmaken;mislukt;.*;"nieuw in de bron, Plek heeft al een account met deze login/,
    );
    const snap = h.snapshot();
    for (const t of team) expect(snap.users.find((u) => u.externalId === t.key)).toBeDefined();
    const movedAccount = snap.users.find((u) => u.externalId === moved.key);
    expect(movedAccount?.title).toBe('Wijkverpleegkundige');
    expect(movedAccount?.[MANAGER.split(':manager')[0]!]).not.toHaveProperty('manager');
    expect(snap.users.some((u) => u.externalId === boss.key)).toBe(false);
  });

  it('creates managers before their teams, so a new account gets its manager in its create; a manager cycle is set afterwards', async () => {
    const { h, c } = await setup();
    // Row order puts every team member before their manager, and the top of the tree last.
    const director = employee(9, { attrs: { title: 'Directeur' } });
    const lead = employee(5, { attrs: { [MANAGER]: director.key, title: 'Teamleider' } });
    const nurses = [0, 1, 2].map((i) => employee(i, { attrs: { [MANAGER]: lead.key } }));
    // Two people who manage each other (a data error HR makes): neither can go first.
    const a = employee(6, { attrs: { [MANAGER]: 'E10007' } });
    const b = employee(7, { attrs: { [MANAGER]: 'E10006' } });
    const plan = await planFor(c, [...nurses, lead, a, b, director]);
    expect(plan.counts.create).toBe(7);

    const r = await applyPlan(plan, { client: c, journalPath: journal(), bulk: false });
    expect(r.status).toBe('completed');
    // One PATCH per member of the cycle; the tree needed none.
    expect(h.stats().byMethod.PATCH ?? 0).toBe(2);
    expect(r.report.lines.filter((l) => l.action === 'manager').map((l) => [l.key, l.result])).toEqual([
      ['E10006', 'ok'],
      ['E10007', 'ok'],
    ]);
    const snap = h.snapshot();
    const idOf = (key: string) => snap.users.find((u) => u.externalId === key)?.id;
    const managerOf = (key: string) =>
      (
        snap.users.find((u) => u.externalId === key)?.[MANAGER.split(':manager')[0]!] as
          { manager?: { value: string } } | undefined
      )?.manager?.value;
    for (const n of nurses) expect(managerOf(n.key)).toBe(idOf(lead.key));
    expect(managerOf(lead.key)).toBe(idOf(director.key));
    expect(managerOf(director.key)).toBeUndefined();
    expect(managerOf(a.key)).toBe(idOf(b.key));
    expect(managerOf(b.key)).toBe(idOf(a.key));
    expect(r.report.rows.map((row) => [row.key, row.result, row.warnings])).toEqual(
      [...nurses, lead, a, b, director].map((u) => [u.key, 'ok', []]),
    );
    expect((await planFor(c, [...nurses, lead, a, b, director])).counts.noop).toBe(7);
  });

  it('daily runs: updates only changed fields per null policy, deactivates on a source value, reactivates, ignores absence', async () => {
    const { h, c } = await setup();
    const base = [0, 1, 2, 3, 4].map((i) => employee(i));
    await applyPlan(await planFor(c, base), { client: c, journalPath: journal() });
    const mapping = {
      ...defaultMapping,
      fields: {
        title: { nullPolicy: 'overwrite' as const },
        [LOCATION]: { nullPolicy: 'fillIfEmpty' as const },
        [DEPARTMENT]: { nullPolicy: 'keep' as const },
      },
    };
    const day2 = [
      employee(0, { attrs: { title: 'Teamleider Wijkverpleging' } }),
      employee(1, { attrs: { title: null, [DEPARTMENT]: null } }),
      employee(2, { active: false, deactivationReason: 'endDate 2026-10-31 is before today' }),
      employee(3, { attrs: { [LOCATION]: 'Groningen' } }),
      // employee 4 is absent from today's export: it must stay untouched.
    ];
    const patchesBefore = h.stats().byMethod.PATCH ?? 0;
    const plan = await planFor(c, day2, { mapping });
    expect(
      plan.changes.map((x) => [x.key, x.action, (x.fields ?? []).map((f) => `${f.op} ${f.path}`)]),
    ).toEqual([
      ['E10000', 'update', ['replace title']],
      ['E10001', 'update', ['remove title']],
      ['E10002', 'deactivate', ['replace active']],
      ['E10003', 'noop', []],
    ]);
    const r = await applyPlan(plan, { client: c, journalPath: journal() });
    expect(r.failed).toBe(0);
    expect(h.stats().byMethod.PATCH).toBe(patchesBefore + 3);
    const byKey = new Map(h.snapshot().users.map((u) => [u.externalId, u]));
    expect(byKey.get('E10000')?.title).toBe('Teamleider Wijkverpleging');
    expect(byKey.get('E10001')?.title).toBeUndefined();
    expect(byKey.get('E10001')?.['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toMatchObject(
      { department: 'Facilitair' },
    );
    expect(byKey.get('E10002')?.active).toBe(false);
    expect(byKey.get('E10004')?.active).toBe(true);

    const day3 = await planFor(c, [employee(2)], { mapping });
    expect(day3.changes[0]).toMatchObject({
      action: 'reactivate',
      fields: [{ path: 'active', before: false, after: true }],
    });
    await applyPlan(day3, { client: c, journalPath: journal() });
    expect(h.snapshot().users.find((u) => u.externalId === 'E10002')?.active).toBe(true);
    expect(h.stats().byMethod.DELETE ?? 0).toBe(0);
  });

  it('refuses a plan blocked by the safety thresholds and writes nothing', async () => {
    const { h, c } = await setup();
    const base = Array.from({ length: 10 }, (_, i) => employee(i));
    await applyPlan(await planFor(c, base), { client: c, journalPath: journal() });
    const leavers = base.map((u, i) => (i < 4 ? { ...u, active: false } : u));
    const safety = { maxDeactivateCount: 3, maxDeactivatePercent: 30, minSourceRowsPercent: 80 };
    const plan = await planFor(c, leavers, { mapping: { ...defaultMapping, safety } });
    expect(plan.safety.ok).toBe(false);
    expect(plan.safety.reasons.join('\n')).toMatch(/4 deactivations exceed the limit of 3/);
    expect(plan.safety.reasons.join('\n')).toMatch(/40% of 10 active linked/);
    const writes = () => (h.stats().byMethod.PATCH ?? 0) + (h.stats().byMethod.POST ?? 0);
    const before = writes();
    const r = await applyPlan(plan, { client: c, journalPath: journal() });
    expect(r.blocked).toBe(true);
    expect(r.report.totals.blocked).toBe(4);
    expect(writes()).toBe(before);

    const truncated = await planFor(c, base.slice(0, 7), {
      previousSourceRows: 10,
      allowMassDeactivation: true,
      mapping: { ...defaultMapping, safety },
    });
    expect(truncated.safety).toMatchObject({ ok: false });
    const allowed = await planFor(c, leavers, {
      mapping: { ...defaultMapping, safety },
      allowMassDeactivation: true,
    });
    expect((await applyPlan(allowed, { client: c, journalPath: journal() })).failed).toBe(0);
    expect(h.snapshot().users.filter((u) => u.active === false)).toHaveLength(4);
  });

  it('renews an expired token mid-run (401 → new token once) without failing an operation', async () => {
    // Once ten accounts exist, the server's clock jumps past the token's lifetime while the client still
    // believes its token is valid for almost an hour.
    let sandboxRef: SandboxHandle | null = null;
    const later = () => ((sandboxRef?.stats().users ?? 0) >= 10 ? 2 * 3600 * 1000 : 0);
    const { h } = await setup({ tokenTtlSeconds: 3600, now: () => Date.now() + later() });
    sandboxRef = h;
    const c = client(h, { concurrency: 2 });
    open.push({ h: { ...h, stop: async () => {} }, c });
    const users = Array.from({ length: 40 }, (_, i) => employee(i));
    const plan = await planFor(c, users);
    const r = await applyPlan(plan, { client: c, journalPath: journal(), workers: 2, bulk: false });
    expect(r.failed).toBe(0);
    expect(h.stats().unauthorized).toBeGreaterThanOrEqual(1);
    expect(h.stats().tokensIssued).toBe(2);
    expect(h.stats().users).toBe(40);
  });

  it('resumes an interrupted run from its journal: same end state as an uninterrupted run, no duplicates', async () => {
    const users = Array.from({ length: 60 }, (_, i) =>
      employee(i, { groups: i % 2 ? ['Zorg'] : ['Zorg', 'Facilitair'], attrs: { [MANAGER]: 'E10000' } }),
    );
    const reference = await setup();
    await applyPlan(await planFor(reference.c, users), { client: reference.c, journalPath: journal() });

    const { h, c } = await setup();
    const plan = await planFor(c, users);
    const path = journal();
    for (const stopAt of [7, 31, 64]) {
      const ac = new AbortController();
      const r = await applyPlan(plan, {
        client: c,
        journalPath: path,
        signal: ac.signal,
        onEvent: (e) => e.done >= stopAt && ac.abort(),
        // A clock that moves 1 s per reading: no progress event is throttled away.
        now: (() => {
          let t = 0;
          return () => (t += 1000);
        })(),
      });
      expect(r.aborted).toBe(true);
    }
    const final = await applyPlan(plan, { client: c, journalPath: path });
    expect(final.aborted).toBe(false);
    expect(final.failed).toBe(0);
    expect(duplicates(h)).toEqual([]);
    expect(endState(h)).toEqual(endState(reference.h));
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ t: 'header' });
  });

  it('handles an account changed in Plek after the plan (412): re-reads and sends only what still differs', async () => {
    const { h, c } = await setup();
    await applyPlan(await planFor(c, [employee(0), employee(1)]), { client: c, journalPath: journal() });
    const mapping = { ...defaultMapping, fields: { [LOCATION]: { nullPolicy: 'fillIfEmpty' as const } } };
    const byKey = () => new Map(h.snapshot().users.map((u) => [u.externalId as string, u]));
    // Empty employee 1's location so the plan wants to fill it.
    await c.patchUser(byKey().get('E10001')!.id, [{ op: 'remove', path: LOCATION }]);
    const plan = await planFor(c, [employee(0, { attrs: { title: 'Coördinator' } }), employee(1)], {
      mapping,
    });
    expect(plan.counts.update).toBe(2);
    // Meanwhile a Plek admin edits both accounts.
    await c.patchUser(byKey().get('E10000')!.id, [{ op: 'replace', path: 'nickName', value: 'Janneke' }]);
    await c.patchUser(byKey().get('E10001')!.id, [{ op: 'add', path: LOCATION, value: 'Amersfoort' }]);
    const r = await applyPlan(plan, { client: c, journalPath: journal() });
    expect(r.failed).toBe(0);
    expect(h.stats().byStatus['412']).toBe(2);
    const after = byKey();
    expect(after.get('E10000')).toMatchObject({ title: 'Coördinator', nickName: 'Janneke' });
    expect(after.get('E10001')?.[LOCATION.split(':').slice(0, -1).join(':')]).toEqual({
      location: 'Amersfoort',
    });
  });

  it('writes the HR report: one row per source row in row order, before → after, reasons, accounts left alone; NL and EN CSV', async () => {
    const { h, c } = await setup({
      seed: { users: [{ userName: 'extern.adviseur@zorggroep-demo.nl', externalId: 'X999' }] },
    });
    const day1 = [0, 1, 2, 3].map((i) => employee(i));
    await applyPlan(await planFor(c, day1, { initialImport: false }), { client: c, journalPath: journal() });
    const clash = employee(5, { attrs: { userName: day1[0]!.attributes.userName! } });
    const day2 = [
      employee(0, { attrs: { title: 'Teamleider' } }),
      employee(1, {
        active: false,
        deactivationReason: 'end date 2026-03-31 is before today (2026-11-23)',
        deactivation: said('report.reason.endDate', { date: '2026-03-31', today: '2026-11-23' }),
      }),
      employee(2, { leavingOn: '2027-06-30' }),
      employee(4),
      clash,
    ];
    const plan = await planFor(c, day2, {
      errors: [
        {
          row: 5,
          key: 'E10003',
          message: 'row 5: "jan@@demo" is not a valid email address',
          issues: [{ code: 'issue.invalid-email.text', params: { row: 5, email: 'jan@@demo' } }],
        },
      ],
    });
    const r = await applyPlan(plan, { client: c, journalPath: journal() });
    expect(r.report.rows.map((row) => [row.row, row.key, row.action, row.result])).toEqual([
      [2, 'E10000', 'update', 'ok'],
      [3, 'E10001', 'deactivate', 'ok'],
      [4, 'E10002', 'noop', 'noop'],
      [5, 'E10003', 'skipped', 'skipped'],
      [6, 'E10004', 'create', 'ok'],
      [7, 'E10005', 'conflict', 'conflict'],
    ]);
    expect(r.report.rows[0]).toMatchObject({
      name: 'Jan van der Meer',
      email: 'jan.vandermeer0@zorggroep-demo.nl',
      changes: [{ field: 'title', before: 'Verpleegkundige', after: 'Teamleider' }],
    });
    expect(r.report.rows[0]?.plekId).toBe(h.snapshot().users.find((u) => u.externalId === 'E10000')?.id);
    expect(r.report.notInSource.map((a) => a.userName)).toEqual(['extern.adviseur@zorggroep-demo.nl']);
    expect(r.report.status).toBe('completed');

    const nl = reportToCsv(r.report, 'nl').split('\r\n');
    expect(nl[0]).toBe(
      '\uFEFFrij;mapping key;naam;e-mail;actie;resultaat;wijzigingen;reden;waarschuwingen;groepen;Plek-id',
    );
    expect(nl[1]).toMatch(
      /^2;E10000;Jan van der Meer;jan\.vandermeer0@zorggroep-demo\.nl;bijwerken;uitgevoerd;title: Verpleegkundige → Teamleider;1 veld gewijzigd;;;[\w-]+$/,
    );
    expect(nl[2]).toContain(';deactiveren;uitgevoerd;active: ja → nee;einddatum 31-03-2026 is verstreken;');
    expect(nl[3]).toContain(';geen wijziging;al actueel;;al actueel, vertrekt op 30-06-2027;');
    expect(nl[4]).toContain(
      ';overgeslagen;overgeslagen;;"overgeslagen door een fout: rij 5: ""jan@@demo"" is geen geldig e-mailadres";;;',
    );
    expect(nl[7]).toBe('');
    expect(nl[8]).toBe('Plek-accounts die niet in de bron staan en niet zijn aangeraakt (1)');
    expect(nl[10]).toMatch(/^[\w-]+;extern\.adviseur@zorggroep-demo\.nl;;X999;ja$/);
    const en = reportToCsv(r.report, 'en').split('\r\n');
    expect(en[0]).toBe('\uFEFFrow;key;name;email;action;result;changes;reason;warnings;groups;Plek id');
    expect(en[2]).toContain(';deactivate;done;active: yes → no;end date 31-03-2026 has passed;');
    expect(en[4]).toContain(
      ';skipped;skipped;;"skipped because of an error: row 5: ""jan@@demo"" is not a valid email address";;;',
    );
    // The conflict with Plek (a login another account holds) says so in each language, not in the plan's English.
    expect(nl[6]).toMatch(/;conflict;vraagt aandacht;;login \S+ is al in gebruik bij Plek-account /);
    expect(en[6]).toMatch(/;conflict;needs attention;;login \S+ is already used by Plek account /);
    expect(en[8]).toBe('Plek accounts not in the source, left alone (1)');
    expect(JSON.stringify(r.report)).not.toContain(h.clientSecret);
    // The file, written in parts, is the report as one JSON text with only the lines that need attention.
    const file = JSON.parse(reportToJson(r.report)) as typeof r.report;
    expect(file).toEqual({
      ...r.report,
      lines: r.report.lines.filter((l) => (l.result !== 'ok' && l.result !== 'noop') || l.warning),
    });
    expect(file.lines.map((l) => l.result).sort()).toEqual(['conflict', 'skipped']);
    // The CLI writes the files from the rows one at a time: the same bytes as from the whole report.
    expect([...reportJsonParts(r.report, r.rows())].join('')).toBe(reportToJson(r.report));
    expect([...reportCsvParts(r.report, 'nl', r.rows())].join('')).toBe(reportToCsv(r.report, 'nl'));
    expect([...r.rows()]).toEqual(r.report.rows);
  });
});
