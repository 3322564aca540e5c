import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { startSandbox, type SandboxHandle } from '../../../src/main/sandbox';
import { expandPlan } from '../../../src/shared/plan/serialize';
import type { Plan } from '../../../src/shared/plan/types';

/**
 * `--lang` words the plan's reasons, the run's failures and the warnings about Plek through the catalogue. The
 * failure is real: between the plan and the apply someone creates an account in Plek with the login a planned
 * create wants, so Plek answers that create with 409 uniqueness.
 */
const ROOT = join(import.meta.dirname, '../../..');
const MAPPING = join(ROOT, 'resources/demo/demo.plekmap.json');
let dir: string;
let out: string;
let h: SandboxHandle;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plek-cli-lang-'));
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  h = await startSandbox({ clientSecret: 'geheim-van-de-klant', staticToken: 'test-token' });
  vi.stubEnv('PLEK_CLIENT_SECRET', 'geheim-van-de-klant');
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Someone else takes a login in Plek (no externalId: the sync cannot recognise the account as its own). */
async function takeLogin(userName: string): Promise<void> {
  const res = await fetch(`${h.url}/Users`, {
    method: 'POST',
    headers: { authorization: 'Bearer test-token', 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName }),
  });
  expect(res.status).toBe(201);
}

describe.each([
  {
    lang: 'nl',
    heading: /^Plan voor http:\/\/127\.0\.0\.1:\d\S* \(vandaag 2026-11-23, \d+ bronrijen, eerste import\)$/m,
    created: /^rij \d+ +aanmaken +\S+ \(\S+\) {2}— nieuw in de bron$/m,
    summary: /\d+ gelukt, 1 mislukt, 0 niet uitgevoerd/,
    failure:
      /^ {2}(\S+): Plek heeft al een account met deze login of dit e-mailadres \(HTTP 409: userName "(\S+)" is already in use\)$/m,
    foreign: /\b(?:new in the source|failed|already has|row \d)\b/,
  },
  {
    lang: 'en',
    heading: /^Plan for http:\/\/127\.0\.0\.1:\d\S* \(today 2026-11-23, \d+ source rows, initial import\)$/m,
    created: /^row \d+ +create +\S+ \(\S+\) {2}— new in the source$/m,
    summary: /\d+ ok, 1 failed, 0 not run/,
    failure:
      /^ {2}(\S+): Plek already has an account with this login or e-mail address \(HTTP 409: userName "(\S+)" is already in use\)$/m,
    foreign: /\b(?:nieuw in de bron|mislukt|heeft al|rij \d)\b/,
  },
])('plek-sync --lang $lang', ({ lang, heading, created, summary, failure, foreign }) => {
  it('prints the plan and the run’s failure in that language; both CSV reports word the failure', async () => {
    const planPath = join(dir, 'plan.json');
    const target = ['-t', h.url, '--client-id', h.clientId];
    expect(
      await main([
        '--lang',
        lang,
        'plan',
        '-m',
        MAPPING,
        ...target,
        '--today',
        '2026-11-23',
        '--out',
        planPath,
      ]),
    ).toBe(0);
    expect(out).toMatch(heading);
    expect(out).toMatch(created);
    expect(out).not.toMatch(foreign);
    const plan = expandPlan(JSON.parse(readFileSync(planPath, 'utf8')) as Plan);
    const victim = plan.changes.find((c) => c.action === 'create')!;
    await takeLogin(victim.userName!);

    out = '';
    expect(await main(['--lang', lang, 'apply', '-m', MAPPING, '--plan', planPath, ...target])).toBe(1);
    expect(out).toMatch(summary);
    const m = failure.exec(out);
    expect(m, out).not.toBeNull();
    expect(m![1]).toBe(victim.key);
    expect(m![2]).toBe(victim.userName);
    expect(out).not.toContain('geheim-van-de-klant');

    // The report files: the failed row says why in each language, the server's own words beside it.
    const row = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\r\n')
        .find((l) => l.split(';')[1] === victim.key)!;
    expect(row('plan.report.nl.csv')).toMatch(
      /;aanmaken;mislukt;.*;"nieuw in de bron, Plek heeft al een account met deze login of dit e-mailadres \(HTTP 409: userName ""\S+"" is already in use\)";/,
    );
    expect(row('plan.report.en.csv')).toMatch(
      /;create;failed;.*;"new in the source, Plek already has an account with this login or e-mail address \(HTTP 409: userName ""\S+"" is already in use\)";/,
    );
    const report = JSON.parse(readFileSync(join(dir, 'plan.report.json'), 'utf8')) as {
      rows: { key: string; reasons: { code: string; params?: Record<string, unknown> }[] }[];
    };
    expect(report.rows.find((r) => r.key === victim.key)?.reasons).toEqual([
      { code: 'report.reason.new' },
      {
        code: 'report.failure.conflict',
        params: { detail: `userName "${victim.userName}" is already in use` },
      },
    ]);
  });
});
