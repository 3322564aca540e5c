import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import type { ScimClient } from '../../../src/main/scim';
import { applyPlan, reportToCsv, type ApplyProgress } from '../../../src/main/sync';
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
    expect(result.report.totals).toMatchObject({ ok: 9, conflict: 1, failed: 0 });
    expect(events.at(-1)).toMatchObject({ done: 9, total: 9 });

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

  it('writes a customer-safe report as JSON and CSV', async () => {
    const { c } = await setup();
    const users = [employee(0), employee(1)];
    users[1] = {
      ...users[1]!,
      attributes: { ...users[1]!.attributes, userName: users[0]!.attributes.userName! },
    };
    const r = await applyPlan(await planFor(c, users), { client: c, journalPath: journal() });
    const csv = reportToCsv(r.report);
    expect(csv.startsWith('\uFEFFrow;key;action;result;error;group;plekId\r\n')).toBe(true);
    expect(csv).toContain('2;E10000;create;ok;;;');
    expect(csv).toMatch(
      /3;E10001;conflict;conflict;"userName .* is already used by new user ""E10000"" in this run";;/,
    );
    expect(JSON.stringify(r.report)).not.toContain(open[0]!.h.clientSecret);
  });
});
