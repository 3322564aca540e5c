import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { startSandbox } from '../../../src/main/sandbox';
import { ScimClient } from '../../../src/main/scim';
import type { Plan } from '../../../src/shared/plan/types';
import { CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA } from '../../../src/shared/scim/fields';
import { getPath, normaliseUser } from '../../../src/shared/scim/resource';
import { startQuirkProxy } from '../../support/scim-quirks';
import { startScimmyServer } from '../../support/scimmy-server';

/**
 * The unattended daily job, as a customer schedules it: `plek-sync run` with the day's HR export (a Dutch CSV)
 * against a SCIM URL and a token from the environment — here SCIMMY, plain and behind the quirk layer. Each
 * day ends with a plan that changes nothing.
 */

const MANAGER = `${ENTERPRISE_USER_SCHEMA}:manager`;
const HEADER =
  'Personeelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Functie;Afdeling;Mobiel;Leidinggevende;Datum uit dienst';

interface Row {
  nr: string;
  voornaam: string;
  tussenvoegsel?: string;
  achternaam: string;
  email: string;
  functie: string;
  afdeling: string;
  mobiel?: string;
  leidinggevende?: string;
  uitDienst?: string;
}

const PEOPLE: Row[] = [
  {
    nr: '3001',
    voornaam: 'Fenna',
    achternaam: 'Bakker',
    email: 'f.bakker@gemeente-demo.nl',
    functie: 'Afdelingshoofd',
    afdeling: 'Burgerzaken',
  },
  {
    nr: '3002',
    voornaam: 'Joël',
    tussenvoegsel: 'van der',
    achternaam: 'Meer',
    email: 'j.vandermeer@gemeente-demo.nl',
    functie: 'Medewerker Burgerzaken',
    afdeling: 'Burgerzaken',
    leidinggevende: '3001',
    mobiel: '06-12345678',
  },
  {
    nr: '3003',
    voornaam: 'Zoë',
    tussenvoegsel: "'t",
    achternaam: 'Hoen',
    email: 'z.thoen@gemeente-demo.nl',
    functie: 'Jurist',
    afdeling: 'Juridische Zaken',
    leidinggevende: '3001',
  },
  {
    nr: '3004',
    voornaam: 'Mëlle',
    achternaam: 'Öztürk',
    email: 'm.ozturk@gemeente-demo.nl',
    functie: 'Applicatiebeheerder',
    afdeling: 'ICT',
    leidinggevende: '3001',
  },
  {
    nr: '3005',
    voornaam: 'Daan',
    tussenvoegsel: 'de',
    achternaam: 'Vries',
    email: 'd.devries@gemeente-demo.nl',
    functie: 'Beleidsmedewerker',
    afdeling: 'Ruimte',
    leidinggevende: '3001',
  },
  {
    nr: '3006',
    voornaam: 'Sanne',
    achternaam: 'Jansen',
    email: 's.jansen@gemeente-demo.nl',
    functie: 'Medewerker Burgerzaken',
    afdeling: 'Burgerzaken',
    leidinggevende: '3002',
    uitDienst: '31-10-2026',
  },
  {
    nr: '3007',
    voornaam: 'Bram',
    tussenvoegsel: 'van den',
    achternaam: 'Berg',
    email: 'b.vandenberg@gemeente-demo.nl',
    functie: 'Handhaver',
    afdeling: 'Veiligheid',
    leidinggevende: '3001',
  },
];

const MAPPING = {
  version: 1,
  name: 'Gemeente Demo — dagelijkse export',
  source: { kind: 'csv', path: 'export.csv', encoding: 'utf-8', delimiter: ';' },
  mappingKey: { attribute: 'Personeelsnummer' },
  fields: {
    'name.givenName': { expression: 'Trim([Voornaam])' },
    'name.middleName': { expression: 'Lower(Trim([Tussenvoegsel]))' },
    'name.familyName': { expression: 'Trim([Achternaam])' },
    'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    'phoneNumbers[type eq "mobile"].value': { expression: 'PhoneE164([Mobiel])', nullPolicy: 'overwrite' },
    title: { expression: 'Trim([Functie])' },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': {
      expression: 'Trim([Afdeling])',
    },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager': {
      expression: 'Trim([Leidinggevende])',
    },
  },
  deactivation: { endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")' },
  groupRules: [
    {
      group: 'Burgerzaken',
      field: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
      in: ['Burgerzaken'],
    },
  ],
  // Logins from the name; a login once in Plek stays that account's (sync-daily's login stability).
  loginSchema: {
    begin: { field: 'name.givenName' },
    separator: '.',
    end: { field: 'name.familyName' },
    domain: 'gemeente-demo.nl',
  },
  linking: { matchOn: 'email', ignoreInactive: true },
  safety: { maxDeactivateCount: 5, maxDeactivatePercent: 50, minSourceRowsPercent: 80 },
};

function csv(rows: Row[]): string {
  const line = (r: Row) =>
    [
      r.nr,
      r.voornaam,
      r.tussenvoegsel ?? '',
      r.achternaam,
      r.email,
      r.functie,
      r.afdeling,
      r.mobiel ?? '',
      r.leidinggevende ?? '',
      r.uitDienst ?? '',
    ].join(';');
  return `${[HEADER, ...rows.map(line)].join('\r\n')}\r\n`;
}

const change = (rows: Row[], nr: string, over: Partial<Row>): Row[] =>
  rows.map((r) => (r.nr === nr ? { ...r, ...over } : r));

const DAYS: [string, Row[]][] = (() => {
  const d1 = PEOPLE;
  const d2 = change(
    change(change(d1, '3002', { functie: 'Teamleider Burgerzaken', mobiel: '' }), '3004', {
      email: 'melle.ozturk@gemeente-demo.nl',
    }),
    '3005',
    { mobiel: '+31 6 2345 6789', leidinggevende: '3002' },
  );
  const d3 = change(d2, '3007', { uitDienst: '30-11-2026' }).filter((r) => r.nr !== '3003');
  const d4 = [
    ...change(d3, '3007', { uitDienst: '' }),
    {
      nr: '3008',
      voornaam: 'Daan',
      tussenvoegsel: 'de',
      achternaam: 'Vries',
      email: 'daan.devries@gemeente-demo.nl',
      functie: 'Stagiair',
      afdeling: 'Ruimte',
      leidinggevende: '3005',
    },
  ];
  return [
    ['2026-11-23', d1],
    ['2026-11-24', d2],
    ['2026-12-01', d3],
    ['2026-12-02', d4],
  ];
})();

/** The accounts as the sync reads them (ids and server metadata left out), comparable across targets. */
function project(users: Record<string, unknown>[]): unknown[] {
  const keyOf = new Map(users.map((u) => [u.id, u.externalId ?? u.userName]));
  return users
    .map((raw) => {
      const u = normaliseUser(raw);
      const manager = getPath(u, MANAGER);
      return {
        key: u.externalId ?? null,
        active: u.active,
        ...Object.fromEntries(
          Object.keys(MAPPING.fields)
            .filter((f) => f !== MANAGER)
            .map((f) => [f, getPath(u, f)]),
        ),
        userName: u.userName,
        manager: typeof manager === 'string' ? (keyOf.get(manager) ?? 'unknown') : null,
      };
    })
    .sort((a, b) => String(a.key ?? a.userName).localeCompare(String(b.key ?? b.userName)));
}
const endStates = new Map<string, unknown[]>();

let dir: string;
let out: string;
const cleanup: (() => unknown)[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-daily-'));
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanup.splice(0).reverse()) await f();
  rmSync(dir, { recursive: true, force: true });
});

describe('plek-sync run, day after day, against servers we did not write', () => {
  it.each([
    ['SCIMMY', 'scimmy'],
    ['SCIMMY behind the quirk layer', 'quirks'],
    ['the embedded sandbox (Plek profile)', 'sandbox'],
  ] as const)(
    '%s: four days each ending with a plan that changes nothing, then a key change and a truncated export',
    async (_, kind) => {
      const sandboxDir = join(dir, 'sandbox');
      const sb =
        kind === 'sandbox'
          ? await startSandbox({ dataDir: sandboxDir, staticToken: 'dagelijks-token' })
          : null;
      const s = kind === 'sandbox' ? null : await startScimmyServer('dagelijks-token');
      if (s) cleanup.push(() => s.stop());
      /** Plek's accounts as the target stores them. */
      const accounts = async (): Promise<Record<string, unknown>[]> => {
        if (s) return [...s.users.values()];
        const h = await startSandbox({ dataDir: sandboxDir });
        try {
          return h.snapshot().users;
        } finally {
          await h.stop();
        }
      };
      const proxy =
        s && kind === 'quirks'
          ? await startQuirkProxy(s.url, {
              bulkStatus: 'object',
              stringBooleans: true,
              zeroBasedPaging: true,
              noFilter: true,
              errorForUnknownId: true,
              homePrimaryEmail: true,
            })
          : null;
      if (proxy) cleanup.push(() => proxy.stop());
      const url = proxy?.url ?? s?.url ?? `sandbox:${sandboxDir}`;
      vi.stubEnv('PLEK_TOKEN', 'dagelijks-token');
      // run keeps its daily state in the data folder: this test's own.
      vi.stubEnv('PLEK_WORKBENCH_DATA', join(dir, 'data'));
      vi.stubEnv('PLEK_CLIENT_SECRET', '');
      cleanup.push(() => vi.unstubAllEnvs());
      // Before the first sync, Plek already holds Fenna (to be linked) and an external adviser (left alone).
      const seeder = new ScimClient({
        baseUrl: s?.url ?? (sb?.url as string),
        auth: { kind: 'bearer', token: 'dagelijks-token' },
      });
      for (const [userName, active] of [
        ['F.Bakker@gemeente-demo.nl', true],
        ['adviseur@extern-bureau.nl', true],
      ] as const)
        await seeder.createUser({
          schemas: [CORE_USER_SCHEMA],
          userName: userName.toLowerCase(),
          emails: [{ type: 'work', value: userName, primary: true }],
          active,
        });
      seeder.close();
      await sb?.stop();

      const mappingPath = join(dir, 'dagelijks.plekmap.json');
      writeFileSync(mappingPath, JSON.stringify(MAPPING));
      const firstPlans: Plan['counts'][] = [];
      for (const [today, rows] of DAYS) {
        const source = join(dir, `export-${today}.csv`);
        writeFileSync(source, csv(rows));
        const args = ['-m', mappingPath, '-s', source, '-t', url, '--today', today];
        out = '';
        expect(await main(['plan', ...args, '--json']), out).toBe(0);
        firstPlans.push((JSON.parse(out) as Plan).counts);
        out = '';
        const code = await main(['run', ...args, '--run-dir', join(dir, 'runs')]);
        expect(code, `${today}\n${out}`).toBe(0);
        expect(out).toMatch(/\d+ ok, 0 failed, 0 not run/);
        out = '';
        expect(await main(['plan', ...args, '--json'])).toBe(0);
        const again = JSON.parse(out) as Plan;
        expect({ ...again.counts, noop: 0, skipped: 0 }, `${today}: the day's second plan`).toEqual({
          ...Object.fromEntries(Object.keys(again.counts).map((k) => [k, 0])),
        });
      }
      expect(firstPlans.map((c) => [c.create, c.link, c.update, c.deactivate, c.reactivate])).toEqual([
        [5, 1, 0, 0, 0], // day 1: five new, Fenna linked; Sanne left in October and is not in Plek: skipped
        [0, 0, 3, 0, 0],
        [0, 0, 0, 1, 0],
        [1, 0, 0, 0, 1],
      ]);
      const users = await accounts();
      const byNr = (nr: string) => users.find((u) => u.externalId === nr) as Record<string, unknown>;
      expect(users).toHaveLength(8);
      expect(byNr('3001').userName).toBe('f.bakker@gemeente-demo.nl');
      expect(byNr('3002')).toMatchObject({ title: 'Teamleider Burgerzaken' });
      expect(byNr('3002').phoneNumbers).toBeUndefined();
      expect(byNr('3003')).toMatchObject({ active: true, title: 'Jurist' });
      expect(byNr('3004').emails).toEqual(
        expect.arrayContaining([
          { type: 'work', value: 'melle.ozturk@gemeente-demo.nl', primary: expect.any(Boolean) },
        ]),
      );
      expect(byNr('3006')).toBeUndefined();
      expect(byNr('3007')).toMatchObject({ active: true });
      expect(byNr('3008')).toMatchObject({
        name: { givenName: 'Daan', middleName: 'de', familyName: 'Vries' },
      });
      // The namesake who joined on day 4 gets a suffixed login; the existing Daan de Vries keeps his.
      expect(String(byNr('3005').userName)).toMatch(/^daan\.[a-z]*vries@gemeente-demo\.nl$/);
      expect(byNr('3008').userName).toBe(String(byNr('3005').userName).replace('@', '_3008@'));
      expect(users.find((u) => u.userName === 'adviseur@extern-bureau.nl')).not.toHaveProperty('externalId');

      // Day 5: HR re-keyed Daan de Vries (same email, new number). The run's own state flags it: no duplicate.
      const plek = async () => JSON.stringify(await accounts());
      const lastLine = () => out.trim().split('\n').at(-1) ?? '';
      const day4 = DAYS[3]?.[1] as Row[];
      const rekeyed = join(dir, 'export-2026-12-03.csv');
      writeFileSync(rekeyed, csv(change(day4, '3005', { nr: '3095' })));
      const before = await plek();
      out = '';
      const runArgs = (source: string, today: string) => [
        'run',
        '-m',
        mappingPath,
        '-s',
        source,
        '-t',
        url,
        '--today',
        today,
        '--run-dir',
        join(dir, 'runs'),
      ];
      expect(await main(runArgs(rekeyed, '2026-12-03')), out).toBe(1);
      expect(lastLine()).toMatch(/^plek-sync run: status=completed exit=1 .*create=0 .*rowErrors=1 /);
      expect((await accounts()).some((u) => u.externalId === '3095')).toBe(false);
      expect(await plek()).toBe(before);

      // Day 6: the export lost 57 % of its rows (3 of 7): blocked without any flag, nothing written.
      const truncated = join(dir, 'export-2026-12-04.csv');
      writeFileSync(truncated, csv(day4.slice(0, 3)));
      out = '';
      expect(await main(runArgs(truncated, '2026-12-04')), out).toBe(1);
      expect(lastLine()).toMatch(/^plek-sync run: status=blocked exit=1 rows=3 /);
      expect(out).toMatch(/The source holds 3 rows, fewer than 80% of the 7 of the previous run/);
      expect(await plek()).toBe(before);
      endStates.set(kind, project(await accounts()));
    },
    60_000,
  );

  it('every target ends in the same Plek state', () => {
    expect([...endStates.keys()]).toEqual(['scimmy', 'quirks', 'sandbox']);
    const [first, ...rest] = [...endStates.values()];
    for (const other of rest) expect(other).toEqual(first);
  });

  /** A SCIMMY target (plain or behind the quirk layer), its token in the environment, a data folder per test. */
  async function target(quirky: boolean): Promise<{ url: string; users: () => Record<string, unknown>[] }> {
    const s = await startScimmyServer('dagelijks-token');
    cleanup.push(() => s.stop());
    const proxy = quirky
      ? await startQuirkProxy(s.url, {
          bulkStatus: 'object',
          stringBooleans: true,
          zeroBasedPaging: true,
          noFilter: true,
          errorForUnknownId: true,
          homePrimaryEmail: true,
        })
      : null;
    if (proxy) cleanup.push(() => proxy.stop());
    vi.stubEnv('PLEK_TOKEN', 'dagelijks-token');
    vi.stubEnv('PLEK_CLIENT_SECRET', '');
    vi.stubEnv('PLEK_WORKBENCH_DATA', join(dir, 'data'));
    cleanup.push(() => vi.unstubAllEnvs());
    return { url: proxy?.url ?? s.url, users: () => [...s.users.values()] as Record<string, unknown>[] };
  }

  async function day(
    url: string,
    mapping: object,
    today: string,
    rows: Row[],
  ): Promise<{ code: number; line: string }> {
    const mappingPath = join(dir, 'dagelijks.plekmap.json');
    writeFileSync(mappingPath, JSON.stringify(mapping));
    const source = join(dir, `export-${today}.csv`);
    writeFileSync(source, csv(rows));
    out = '';
    const code = await main(['run', '-m', mappingPath, '-s', source, '-t', url, '--today', today]);
    return { code, line: out.trim().split('\n').at(-1) ?? '' };
  }

  it.each([
    ['SCIMMY', false],
    ['SCIMMY behind the quirk layer', true],
  ])(
    '%s: a namesake with the login schema: the existing login untouched, the newcomer suffixed',
    async (_, quirky) => {
      const t = await target(quirky);
      const withLogin = {
        ...MAPPING,
        fields: Object.fromEntries(Object.entries(MAPPING.fields).filter(([path]) => path !== 'userName')),
        loginSchema: {
          begin: { field: 'name.givenName', part: 'full' },
          separator: '.',
          end: { field: 'name.familyName', part: 'full' },
          domain: 'gemeente-demo.nl',
        },
      };
      expect((await day(t.url, withLogin, '2026-11-23', PEOPLE)).code).toBe(0);
      const daan = t.users().find((u) => u.externalId === '3005');
      expect(daan?.userName).toBe('daan.vries@gemeente-demo.nl');
      // A second Daan de Vries joins with a key that sorts lower than the first one's.
      const newcomer: Row = {
        nr: '1005',
        voornaam: 'Daan',
        tussenvoegsel: 'de',
        achternaam: 'Vries',
        email: 'daan.devries2@gemeente-demo.nl',
        functie: 'Stagiair',
        afdeling: 'Ruimte',
      };
      expect((await day(t.url, withLogin, '2026-11-24', [newcomer, ...PEOPLE])).code, out).toBe(0);
      expect(t.users().find((u) => u.externalId === '3005')?.userName).toBe('daan.vries@gemeente-demo.nl');
      expect(t.users().find((u) => u.externalId === '1005')?.userName).toBe(
        'daan.vries_1005@gemeente-demo.nl',
      );
    },
    60_000,
  );
});
