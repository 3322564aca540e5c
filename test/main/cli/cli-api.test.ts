import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { readSandboxState } from '../../../src/main/sandbox';
import type { SandboxState } from '../../../src/main/sandbox/store';
import {
  startAfasEmulator,
  startPersonioEmulator,
  startRestEmulator,
  type EmulatorBase,
} from '../../support/hr-api-emulators';
import { generateHrPeople } from '../../support/hr-people';
import { captureCliOutput } from '../../support/cli-output';

const TODAY = '2026-11-23';
const { people, expect: expected } = generateHrPeople({ count: 134, seed: 21, today: TODAY });
const AFAS_TOKEN =
  '<token><version>1</version><data>0E6824699F40129E254DB96441233E32F13454355184E5A24F8E3C0DFA4F</data></token>';

let dir: string;
const io = captureCliOutput();
let emulator: EmulatorBase | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-api-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator?.stop();
  emulator = null;
  rmSync(dir, { recursive: true, force: true });
});

interface SandboxUser {
  id: string;
  externalId?: string;
  active?: boolean;
  name?: { givenName?: string; familyName?: string };
}

interface ValidateJson {
  rows: number;
  users: { active: number; deactivate: number; leavingLater: number; skipped: number };
  errorRows: number;
}

/** init → validate → run into the sandbox → a second run changes nothing. Returns the sandbox users. */
async function initToRun(initArgs: string[], secret: Record<string, string>) {
  for (const [k, v] of Object.entries(secret)) vi.stubEnv(k, v);
  const mapping = join(dir, 'hr.plekmap.json');
  expect(await main(['init', ...initArgs, '--out', mapping]), io.err).toBe(0);
  const text = readFileSync(mapping, 'utf8');
  for (const v of Object.values(secret)) expect(text).not.toContain(v);

  io.out = '';
  expect(await main(['validate', '-m', mapping, '--today', TODAY, '--json']), io.err).toBe(0);
  const report = JSON.parse(io.out) as ValidateJson;
  expect(report.rows).toBe(people.length);
  expect(report.users.deactivate).toBe(expected.deactivated.length);
  expect(expected.startingLater.length).toBeGreaterThan(0);
  // Joiners who start after today are listed as starting later (and skipped), not created yet.
  expect(report.users.active).toBe(expected.active.length - expected.startingLater.length);
  expect(report.users.skipped).toBe(expected.startingLater.length);
  expect(report.users.leavingLater).toBe(expected.leavingLater.length);
  expect(report.errorRows).toBe(0);

  const sandbox = join(dir, 'sandbox');
  const runArgs = [
    'run',
    '-m',
    mapping,
    '-t',
    `sandbox:${sandbox}`,
    '--today',
    TODAY,
    '--run-dir',
    join(dir, 'runs'),
    // run keeps its daily state in the data folder: this test's own, not the user's.
    '--state-dir',
    join(dir, 'state'),
  ];
  io.out = '';
  expect(await main(runArgs), `${io.out}\n${io.err}`).toBe(0);
  io.out = '';
  expect(await main(runArgs), `${io.out}\n${io.err}`).toBe(0);
  expect(io.out).toMatch(/create 0 {2}update 0 {2}deactivate 0/);
  const state = readSandboxState(sandbox) as SandboxState;
  const users = state.users as unknown as SandboxUser[];
  return { mapping: JSON.parse(text) as Record<string, unknown>, users };
}

describe('plek-sync init → validate → run from an HR application API', () => {
  it('Personio: client credentials from PLEK_SOURCE_SECRET, employee id as key, supervisors as managers', async () => {
    emulator = await startPersonioEmulator({ people, clientId: 'plek-prod', clientSecret: 'Sup3r-geheim!' });
    const { mapping, users } = await initToRun(
      ['--source', 'personio', '--source-url', emulator.url, '--source-client-id', 'plek-prod'],
      { PLEK_SOURCE_SECRET: 'Sup3r-geheim!' },
    );
    expect(mapping.source).toMatchObject({ kind: 'personio', clientId: 'plek-prod' });
    expect(mapping.mappingKey).toEqual({ attribute: 'id' });
    expect(users.map((u) => u.externalId).sort()).toEqual(
      expected.active.filter((id) => !expected.startingLater.includes(id)).sort(),
    );
    const staff = people.find(
      (p) =>
        p.supervisorId &&
        expected.active.includes(p.id) &&
        !expected.startingLater.includes(p.id) &&
        /[äöüë]/.test(p.givenName),
    )!;
    const user = users.find((u) => u.externalId === staff.id)!;
    expect(user.name?.givenName).toBe(staff.callName ?? staff.givenName);
    // The supervisor's employee id became a reference to the supervisor's Plek account.
    const boss = users.find((u) => u.externalId === staff.supervisorId)!;
    expect(JSON.stringify(user)).toContain(`"manager":{"value":"${boss.id}"}`);
  });

  it('AFAS: the token from PLEK_SOURCE_TOKEN, Dutch field ids recognised, prefix kept apart', async () => {
    emulator = await startAfasEmulator({
      people,
      connector: 'Plek_Medewerkers',
      token: AFAS_TOKEN,
      maxTake: 50,
    });
    const { mapping, users } = await initToRun(
      [
        '--source',
        'afas',
        '--source-url',
        `${emulator.url}/ProfitRestServices`,
        '--connector',
        'Plek_Medewerkers',
      ],
      { PLEK_SOURCE_TOKEN: AFAS_TOKEN },
    );
    expect(mapping.mappingKey).toEqual({ attribute: 'Medewerker' });
    expect(JSON.stringify(mapping.deactivation)).toContain('[Datum uit dienst]');
    expect(users).toHaveLength(expected.active.length - expected.startingLater.length);
    const prefixed = people.find(
      (p) =>
        p.prefix === 'van der' && expected.active.includes(p.id) && !expected.startingLater.includes(p.id),
    )!;
    const user = users.find((u) => u.externalId === prefixed.id)!;
    expect(user.name?.familyName).toBe(`van der ${prefixed.familyName}`);
  });

  it('REST with cursor paging and OAuth2: nested names recognised by their last segments', async () => {
    emulator = await startRestEmulator({
      people,
      paging: 'cursor',
      auth: { kind: 'oauth2', clientId: 'visma', clientSecret: 'v-geheim-99' },
    });
    const { mapping, users } = await initToRun(
      [
        '--source',
        'rest',
        '--source-url',
        `${emulator.url}/api/v1/employees`,
        '--auth',
        'oauth2',
        '--token-url',
        `${emulator.url}/oauth/token`,
        '--source-client-id',
        'visma',
        '--records-path',
        'data',
        '--paging',
        'cursor',
        '--cursor-path',
        'meta.next_cursor',
        '--total-path',
        'meta.total',
      ],
      { PLEK_SOURCE_SECRET: 'v-geheim-99' },
    );
    expect(mapping.source).toMatchObject({
      kind: 'rest',
      paging: { style: 'cursor', cursorPath: 'meta.next_cursor' },
    });
    expect(users).toHaveLength(expected.active.length - expected.startingLater.length);
  });

  it('says which variable to set when the secret is missing, and exits 2', async () => {
    emulator = await startPersonioEmulator({ people, clientId: 'plek-prod', clientSecret: 'x-secret' });
    expect(
      await main([
        'init',
        '--source',
        'personio',
        '--source-url',
        emulator.url,
        '--source-client-id',
        'plek-prod',
      ]),
    ).toBe(2);
    expect(io.err).toMatch(/set PLEK_SOURCE_SECRET to the client secret of Personio client ID plek-prod/);
  });
});
