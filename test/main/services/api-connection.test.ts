import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageRef, TaskProgress } from '../../../src/shared/api/contract';
import { format, hasMessage, type Lang } from '../../../src/shared/i18n';
import {
  afasSourceSchema,
  personioSourceSchema,
  restSourceSchema,
  type ApiSource,
} from '../../../src/shared/mapping/schema';
import { apiSecretEndpointUrl, apiSecretName } from '../../../src/shared/source/api-secret';
import { API_SOURCE_ERROR_CODES } from '../../../src/main/sources/api/errors';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import {
  startAfasEmulator,
  startPersonioEmulator,
  startRestEmulator,
  type EmulatorBase,
} from '../../support/hr-api-emulators';
import { makeTestCertificates } from '../../support/certs';
import { generateHrPeople } from '../../support/hr-people';

/**
 * Test connection and the sample of an HR application's API, through the service's dispatch (the same door the
 * Electron IPC and the HTTP bridge use): each failure the emulators can produce comes back as a catalogue
 * message in the consultant's words, in Dutch and English, and never with the secret in it. Cancel stops the
 * requests themselves.
 */
const RESOURCES = join(import.meta.dirname, '../../../resources');
const SECRET = 'personio-geheim-Ω-42';
const AFAS_TOKEN = '<token><version>1</version><data>0123456789ABCDEF0123456789ABCDEF</data></token>';
const people = generateHrPeople({ count: 130 }).people;

let dir: string;
let service: WorkbenchService;
const emulators: EmulatorBase[] = [];
const progress: TaskProgress[] = [];

async function started<T extends EmulatorBase>(e: Promise<T>): Promise<T> {
  const emulator = await e;
  emulators.push(emulator);
  return emulator;
}

async function store(source: ApiSource, value: string): Promise<void> {
  const name = apiSecretName(source)!;
  const stored = await service.api.secrets.set({
    name,
    endpoint: { url: apiSecretEndpointUrl(source) },
    value,
  });
  expect(stored.ok).toBe(true);
}

function personio(url: string, clientId = 'plek-app') {
  return personioSourceSchema.parse({ kind: 'personio', baseUrl: url, clientId });
}

function afas(url: string, connector = 'Plek_Medewerkers') {
  return afasSourceSchema.parse({
    kind: 'afas',
    baseUrl: `${url}/ProfitRestServices`,
    connector,
    orderBy: 'Medewerker',
  });
}

async function test(source: ApiSource): Promise<{ ok: boolean; detail: MessageRef; message: string }> {
  const result = await service.api.source.testConnection({ source });
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.detail).toBeDefined();
  return { ok: result.value.ok, detail: result.value.detail!, message: result.value.message };
}

const say = (lang: Lang, detail: MessageRef) => {
  expect(hasMessage(detail.id), detail.id).toBe(true);
  return format(lang, detail.id as Parameters<typeof format>[1], detail.values);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-api-connection-'));
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: RESOURCES,
    env: {},
  });
  service.subscribe((event, payload) => {
    if (event === 'task:progress') progress.push(payload as TaskProgress);
  });
});

afterAll(async () => {
  await service?.close();
  await Promise.all(emulators.map((e) => e.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe('every API failure has a text in both catalogues', () => {
  it('names each code the readers can raise', () => {
    const missing = API_SOURCE_ERROR_CODES.filter((code) => !hasMessage(`source.api.${code}`));
    expect(missing).toEqual([]);
  });
});

describe('Test connection for an HR application, in the consultant’s words', () => {
  it('signs in and reads the first records when everything is right', async () => {
    const emulator = await started(
      startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET }),
    );
    const source = personio(emulator.url);
    await store(source, SECRET);
    const r = await test(source);
    expect(r.ok).toBe(true);
    expect(r.detail).toEqual({ id: 'source.api.ok', values: { records: 5, attributes: expect.any(Number) } });
    expect(say('nl', r.detail)).toMatch(/^Verbonden: 5 records gelezen met \d+ attributen\.$/);
    expect(say('en', r.detail)).toMatch(/^Connected: read 5 records with \d+ attributes\.$/);
  });

  it('401: a wrong Personio client secret is "wrong client ID or secret", without the secret', async () => {
    const emulator = await started(
      startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET }),
    );
    const source = personio(emulator.url);
    await store(source, 'niet-het-goede-geheim');
    const r = await test(source);
    expect(r.ok).toBe(false);
    expect(r.detail.id).toBe('source.api.unauthorized');
    expect(r.detail.values).toMatchObject({ vendor: 'personio', status: 401 });
    expect(say('en', r.detail)).toContain('wrong client ID or secret');
    expect(say('nl', r.detail)).toContain('verkeerde client-ID of verkeerd secret');
    expect(JSON.stringify(r)).not.toContain('niet-het-goede-geheim');
    expect(emulator.requests).toHaveLength(0);
  });

  it('401: a wrong AFAS token names the token, not a client ID', async () => {
    const emulator = await started(
      startAfasEmulator({ people, connector: 'Plek_Medewerkers', token: AFAS_TOKEN }),
    );
    const source = afas(emulator.url);
    await store(source, AFAS_TOKEN.replace('0123', '9999'));
    const r = await test(source);
    expect(r.detail).toMatchObject({
      id: 'source.api.unauthorized',
      values: { vendor: 'afas', status: 401 },
    });
    expect(say('en', r.detail)).toContain('wrong or revoked token');
    expect(say('nl', r.detail)).toContain('verkeerd of ingetrokken token');
  });

  it('403: a Personio credential without the persons scope is "missing scope or permission"', async () => {
    const emulator = await started(
      startPersonioEmulator({
        people,
        clientId: 'plek-app',
        clientSecret: SECRET,
        scope: 'personio:attendances:read',
      }),
    );
    const source = personio(emulator.url);
    await store(source, SECRET);
    const r = await test(source);
    expect(r.detail).toMatchObject({
      id: 'source.api.forbidden',
      values: { vendor: 'personio', status: 403 },
    });
    expect(say('en', r.detail)).toContain('missing scope or permission');
    expect(say('en', r.detail)).toContain('personio:persons:read');
    expect(say('nl', r.detail)).toContain('scope of recht ontbreekt');
  });

  it('404: an AFAS connector name that is not published is "wrong connector name", naming the address', async () => {
    const emulator = await started(
      startAfasEmulator({ people, connector: 'Plek_Medewerkers', token: AFAS_TOKEN }),
    );
    const source = afas(emulator.url, 'Plek_medewerkers');
    await store(source, AFAS_TOKEN);
    const r = await test(source);
    expect(r.detail).toMatchObject({ id: 'source.api.not-found', values: { vendor: 'afas', status: 404 } });
    const endpoint = `${emulator.url}/ProfitRestServices/connectors/Plek_medewerkers`;
    expect(r.detail.values.endpoint).toBe(endpoint);
    expect(say('en', r.detail)).toContain('wrong connector name');
    expect(say('nl', r.detail)).toContain(`verkeerde connectornaam of verkeerd adres`);
    expect(say('nl', r.detail)).toContain(endpoint);
  });

  it('429: a rate limit says when to try again, in the local time of the consultant', async () => {
    const emulator = await started(
      startPersonioEmulator({
        people,
        clientId: 'plek-app',
        clientSecret: SECRET,
        fault: () => ({ status: 429, retryAfter: '600' }),
      }),
    );
    const source = personio(emulator.url);
    await store(source, SECRET);
    const before = Date.now();
    const r = await test(source);
    expect(r.detail).toMatchObject({
      id: 'source.api.rate-limited',
      values: { vendor: 'personio', when: 'known' },
    });
    const at = r.detail.values.retryAt as number;
    expect(at).toBeGreaterThanOrEqual(before + 600_000 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
    const time = (locale: string) =>
      new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: 'numeric' }).format(at);
    expect(say('en', r.detail)).toContain(`Try again at ${time('en-GB')}.`);
    expect(say('nl', r.detail)).toContain(`Probeer het opnieuw om ${time('nl-NL')}.`);
    // Not waited out: one request, no retries behind a 10-minute Retry-After.
    expect(emulator.requests).toHaveLength(1);
  });

  it('TLS: an https API with a certificate this computer does not trust is "certificate not trusted"', async () => {
    const certs = makeTestCertificates(join(dir, 'certs'), { ips: ['127.0.0.1'] });
    const emulator = await started(
      startPersonioEmulator({
        people,
        clientId: 'plek-app',
        clientSecret: SECRET,
        tls: { key: readFileSync(certs.keyPath, 'utf8'), cert: certs.certPem },
      }),
    );
    expect(emulator.url).toMatch(/^https:/);
    const source = personio(emulator.url);
    await store(source, SECRET);
    const r = await test(source);
    expect(r.detail.id).toBe('source.api.tls');
    expect(r.detail.values.tlsCode).toMatch(/CERT|SIGNED|VERIFY/);
    expect(say('en', r.detail)).toContain('the certificate is not trusted');
    expect(say('nl', r.detail)).toContain('het certificaat wordt niet vertrouwd');
    expect(emulator.tokenRequests).toBe(0);
  });

  it('a source without a stored secret is asked for one, worded per application', async () => {
    // A fresh workbench: in the one above, a secret stored for another port of 127.0.0.1 asks for confirmation first.
    const fresh = createWorkbenchService({
      dataDir: join(dir, 'fresh'),
      secrets: new MemorySecretStore(),
      mode: 'browser',
      resourcesDir: RESOURCES,
      env: {},
    });
    try {
      const emulator = await started(
        startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET }),
      );
      const result = await fresh.api.source.testConnection({ source: personio(emulator.url) });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.ok).toBe(false);
      const detail = result.value.detail!;
      expect(detail).toMatchObject({ id: 'source.api.missing-secret', values: { vendor: 'personio' } });
      expect(say('nl', detail)).toContain('nog geen client secret bewaard');
      expect(emulator.tokenRequests).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('the sample of an API source', () => {
  it('fails with the worded error (code + values) when the secret is wrong', async () => {
    const emulator = await started(
      startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET }),
    );
    const source = personio(emulator.url);
    await store(source, 'fout-geheim');
    const result = await service.api.source.sample({ source, limit: 50, taskId: 'wrong-secret' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('source-failed');
    expect(result.error.detail).toMatchObject({
      id: 'source.api.unauthorized',
      values: { vendor: 'personio', status: 401 },
    });
    expect(JSON.stringify(result)).not.toContain('fout-geheim');
  });

  it('reports records, pages, speed and an ETA from the total the API gives', async () => {
    const emulator = await started(
      startRestEmulator({ people, paging: 'offset', auth: { kind: 'bearer', token: 'rest-token' } }),
    );
    const source = restSourceSchema.parse({
      kind: 'rest',
      url: `${emulator.url}/api/v1/employees`,
      auth: { kind: 'bearer' },
      recordsPath: 'data',
      totalPath: 'meta.total',
      paging: { style: 'offset', pageSize: 20 },
    });
    await store(source, 'rest-token');
    const result = await service.api.source.sample({ source, limit: 1000, taskId: 'rest-progress' });
    expect(result.ok && result.value.records.length).toBe(130);
    const mine = progress.filter((p) => p.taskId === 'rest-progress');
    const last = mine.at(-1)!;
    expect(last.api).toMatchObject({ records: 130, pages: 7, sourceTotal: 130, etaSeconds: 0 });
    expect(last.total).toBe(130);
    expect(mine.every((p) => p.api!.etaSeconds !== null && p.api!.ratePerSecond >= 0)).toBe(true);
    expect(mine.map((p) => p.api!.pages)).toEqual([...mine.map((p) => p.api!.pages)].sort((a, b) => a - b));
  });

  it('has no ETA when the API does not say how many there are (Personio)', async () => {
    const emulator = await started(
      startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET }),
    );
    const source = personio(emulator.url);
    await store(source, SECRET);
    const result = await service.api.source.sample({ source, limit: 100, taskId: 'personio-progress' });
    expect(result.ok && result.value.records.length).toBe(100);
    const last = progress.filter((p) => p.taskId === 'personio-progress').at(-1)!;
    expect(last.api).toMatchObject({ records: 100, pages: 2, sourceTotal: null, etaSeconds: null });
  });

  it('Cancel stops the read itself: no request reaches the API after the answer', async () => {
    const emulator = await started(
      startPersonioEmulator({ people, clientId: 'plek-app', clientSecret: SECRET, latencyMs: 150 }),
    );
    const source = personio(emulator.url);
    await store(source, SECRET);
    const pending = service.api.source.sample({ source, limit: 130, taskId: 'to-cancel' });
    // Cancel once the first page of persons is in and employments are being fetched.
    await expect
      .poll(() => progress.some((p) => p.taskId === 'to-cancel' && p.api!.pages >= 1), { timeout: 10_000 })
      .toBe(true);
    const cancelled = await service.api.task.cancel({ taskId: 'to-cancel' });
    expect(cancelled.ok && cancelled.value.cancelled).toBe(true);
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    const seen = emulator.requests.length;
    expect(seen).toBeLessThan(1 + 130);
    // Requests aborted on our side never come back as new ones, and nothing new starts.
    await new Promise((r) => setTimeout(r, 600));
    expect(emulator.requests.length).toBe(seen);
  });
});
