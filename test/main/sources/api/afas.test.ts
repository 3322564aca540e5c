import { afterEach, describe, expect, it } from 'vitest';
import { afasSourceSchema, type AfasSource } from '../../../../src/shared/mapping/schema';
import { readApiRecords, testApiConnection } from '../../../../src/main/sources/api/index';
import { afasAuthorization } from '../../../../src/main/sources/api/auth';
import type { SourceRecord } from '../../../../src/shared/source/types';
import {
  startAfasEmulator,
  type EmulatorBase,
  type AfasEmulatorOptions,
} from '../../../support/hr-api-emulators';
import { generateHrPeople } from '../../../support/hr-people';

const TOKEN =
  '<token><version>1</version><data>7748B1A4B5AF4A899588017DD71E55CBB60F8C504E2C16A17D1F9D9F42914C7C</data></token>';
const { people } = generateHrPeople({ count: 133, seed: 5 });
let emulator: EmulatorBase | null = null;
afterEach(async () => {
  await emulator?.stop();
  emulator = null;
});

async function start(extra: Partial<AfasEmulatorOptions> = {}) {
  emulator = await startAfasEmulator({ people, connector: 'Plek_Medewerkers', token: TOKEN, ...extra });
  return emulator;
}

function source(url: string, extra: Partial<AfasSource> = {}): AfasSource {
  return afasSourceSchema.parse({
    kind: 'afas',
    baseUrl: `${url}/ProfitRestServices`,
    connector: 'Plek_Medewerkers',
    ...extra,
  });
}

const quick = (waits: number[] = []) => ({ backoffMs: 5, sleep: async (ms: number) => void waits.push(ms) });

async function readAll(s: AfasSource, secret = TOKEN, waits: number[] = []) {
  const records: SourceRecord[] = [];
  for await (const r of readApiRecords(s, { secret, tuning: quick(waits) })) records.push(r);
  return records;
}

describe('AFAS Profit GetConnector reader', () => {
  it('reads every row with skip/take until an empty page, sorted, with Dutch field ids kept', async () => {
    const e = await start();
    const records = await readAll(source(e.url, { pageSize: 50, orderBy: 'Medewerker' }));
    expect(records).toHaveLength(133);
    expect(e.requests.map((r) => new URL(r.path, e.url).searchParams.get('skip'))).toEqual([
      '0',
      '50',
      '100',
      '133',
    ]);
    expect(e.requests.every((r) => r.path.includes('orderbyfieldids=Medewerker'))).toBe(true);
    const row = records.find((r) => r.values.Voorvoegsel === 'van der')!.values;
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining([
        'Medewerker',
        'Roepnaam',
        'Achternaam',
        'E-mail werk',
        'Datum in dienst',
        'Leidinggevende',
      ]),
    );
    expect(row['Datum in dienst']).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(records.some((r) => /[äöüß]/.test(String(r.values.Achternaam)))).toBe(true);
  });

  it('keeps reading when Profit caps take below the page size (a short page is not the end)', async () => {
    const e = await start({ maxTake: 40 });
    const records = await readAll(source(e.url, { pageSize: 100 }));
    expect(records).toHaveLength(133);
    expect(new Set(records.map((r) => r.values.Medewerker)).size).toBe(133);
  });

  it('accepts the token as XML, as its data part, or already encoded: the same header each time', () => {
    const header = afasAuthorization(TOKEN);
    expect(header).toBe(`AfasToken ${Buffer.from(TOKEN).toString('base64')}`);
    expect(afasAuthorization('7748B1A4B5AF4A899588017DD71E55CBB60F8C504E2C16A17D1F9D9F42914C7C')).toBe(
      header,
    );
    expect(afasAuthorization(Buffer.from(TOKEN).toString('base64'))).toBe(header);
    expect(() => afasAuthorization('mijn wachtwoord')).toThrow(/not in a form AFAS accepts/);
  });

  it('retries a 500 and a 429, then completes', async () => {
    const e = await start({
      fault: (n) => (n === 1 ? { status: 500 } : n === 3 ? { status: 429, retryAfter: '2' } : undefined),
    });
    const waits: number[] = [];
    const records = await readAll(source(e.url, { pageSize: 60 }), TOKEN, waits);
    expect(records).toHaveLength(133);
    expect(waits).toContain(2000);
  });

  it('explains a wrong token (401) and a wrong connector name (404) in the consultant’s words', async () => {
    const e = await start();
    const wrong = await testApiConnection(source(e.url), {
      secret: '<token><version>1</version><data>DEADBEEF00000000</data></token>',
      tuning: quick(),
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', status: 401 } });
    expect((wrong as { error: Error & { hint: string } }).error.hint).toMatch(/<token><version>1<\/version>/);
    const missing = await testApiConnection(source(e.url, { connector: 'Plek_Medewerker' }), {
      secret: TOKEN,
      tuning: quick(),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', status: 404 } });
    expect((missing as { error: Error & { hint: string } }).error.hint).toMatch(/connector name/);
    expect(JSON.stringify(missing)).not.toContain('7748B1A4');
  });
});
