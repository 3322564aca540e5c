import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import { personioSourceSchema } from '../../../src/shared/mapping/schema';
import { apiSecretEndpointUrl } from '../../../src/shared/source/api-secret';
import { startPersonioEmulator, type PersonioEmulator } from '../../support/hr-api-emulators';
import { generateHrPeople } from '../../support/hr-people';

const RESOURCES = join(import.meta.dirname, '../../../resources');
const SECRET = 'personio-geheim-42';
let dir: string;
let service: WorkbenchService;
let emulator: PersonioEmulator;
const progress: unknown[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plek-api-flow-'));
  emulator = await startPersonioEmulator({
    people: generateHrPeople({ count: 130 }).people,
    clientId: 'plek-app',
    clientSecret: SECRET,
  });
  service = createWorkbenchService({
    dataDir: join(dir, 'data'),
    secrets: new MemorySecretStore(),
    mode: 'browser',
    resourcesDir: RESOURCES,
    env: {},
    now: () => new Date('2026-11-23T10:00:00'),
  });
  service.subscribe((event, payload) => {
    if (event === 'task:progress') progress.push(payload);
  });
});

afterAll(async () => {
  await service?.close();
  await emulator?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the workbench reads an HR application API with a secret bound to its endpoint', () => {
  it('asks for the secret, samples with progress once stored, and a mapping pointing elsewhere gets none', async () => {
    const source = personioSourceSchema.parse({
      kind: 'personio',
      baseUrl: emulator.url,
      clientId: 'plek-app',
    });
    const before = await service.api.source.sample({ source, limit: 40, taskId: 'api-1' });
    expect(before.ok).toBe(false);
    expect(JSON.stringify(before)).toMatch(/needs the client secret of Personio client ID plek-app/);

    expect(apiSecretEndpointUrl(source)).toBe(emulator.url);
    const stored = await service.api.secrets.set({
      name: 'source-client-secret',
      endpoint: { url: apiSecretEndpointUrl(source) },
      value: SECRET,
    });
    expect(stored.ok).toBe(true);

    const sample = await service.api.source.sample({ source, limit: 40, taskId: 'api-2' });
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    expect(sample.value.records).toHaveLength(40);
    expect(sample.value.attributes.map((a) => a.name)).toContain('employment.supervisor.id');
    expect(JSON.stringify(sample)).not.toContain(SECRET);
    expect(progress.some((p) => (p as { taskId: string }).taskId === 'api-2')).toBe(true);

    // Same client ID on another host (a mapping file edited to point elsewhere): the stored secret stays home.
    const elsewhere = { ...source, baseUrl: emulator.url.replace('127.0.0.1', 'localhost') };
    const other = await service.api.source.sample({ source: elsewhere, limit: 5, taskId: 'api-3' });
    expect(other.ok).toBe(false);
    expect(JSON.stringify(other)).toMatch(/needs-confirmation/);
    expect(JSON.stringify(other)).toMatch(/the secret was stored for http:\/\/127\.0\.0\.1/);
    expect(emulator.tokenRequests).toBe(1);
  });
});
