import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSandboxState, startSandbox } from '../../../src/main/sandbox';
import { STATE_FILE } from '../../../src/main/sandbox/persistence';
import { startSandboxThread } from '../../../src/main/sandbox/thread';
import { workerEntry } from '../../../src/main/worker-entry';
import { ScimClient } from '../../../src/main/scim';
import type { ScimUser } from '../../../src/shared/scim/resource';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'plek-sandbox-thread-'));
  dirs.push(d);
  return d;
}

const medewerker = (i: number): ScimUser => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: `medewerker.${i}@gemeente-voorbeeld.nl`,
  externalId: `E${10000 + i}`,
  name: { givenName: i % 2 ? 'Zoë' : 'Jan', familyName: "van 't Hek" },
  emails: [{ type: 'work', value: `medewerker.${i}@gemeente-voorbeeld.nl`, primary: true }],
});

describe('the sandbox in a worker thread', () => {
  it('answers SCIM over HTTP as the in-process one does, and its stop leaves the state on disk', async () => {
    expect(workerEntry('sandbox-worker')).toBeDefined();
    const dir = folder();
    const sandbox = await startSandboxThread({ dataDir: dir });
    expect(sandbox).not.toBeNull();
    const s = sandbox!;
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new ScimClient({
      baseUrl: s.url,
      auth: { kind: 'oauth', clientId: s.clientId, clientSecret: s.clientSecret },
    });
    try {
      // Bulk creates and a Plek-profile refusal: the same server code, on the other thread.
      const ids = await client.createUsersBulk([medewerker(1), medewerker(2), medewerker(3)]);
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      const found = await client.findUserByExternalId('E10002');
      expect(found?.userName).toBe('medewerker.2@gemeente-voorbeeld.nl');
      await expect(
        client.patchUser(ids[0] as string, [
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'x@gemeente-voorbeeld.nl' },
        ]),
      ).rejects.toThrow(/400/);
    } finally {
      client.close();
    }
    await s.stop();
    await s.stop(); // twice is harmless
    const saved = readSandboxState(dir);
    expect(saved?.users.map((u) => u.externalId).sort()).toEqual(['E10001', 'E10002', 'E10003']);

    // Started again on the same folder: the accounts are there.
    const again = (await startSandboxThread({ dataDir: dir }))!;
    const c2 = new ScimClient({
      baseUrl: again.url,
      auth: { kind: 'oauth', clientId: again.clientId, clientSecret: again.clientSecret },
    });
    try {
      expect((await c2.listUsers()).length).toBe(3);
    } finally {
      c2.close();
      await again.stop();
    }
  });

  it('a damaged state folder fails to start with the error the in-process sandbox gives', async () => {
    const dir = folder();
    writeFileSync(join(dir, STATE_FILE), '{"seq":3,"users":[{"id":"kapot"');
    const inProcess = await startSandbox({ dataDir: dir }).then(
      (s) => s.stop().then(() => null),
      (e: unknown) => e as Error,
    );
    const threaded = await startSandboxThread({ dataDir: dir })!.then(
      (s) => s.stop().then(() => null),
      (e: unknown) => e as Error,
    );
    expect(inProcess).toBeInstanceOf(Error);
    expect(threaded).toBeInstanceOf(Error);
    expect(threaded?.name).toBe(inProcess?.name);
    expect(threaded?.message).toBe(inProcess?.message);
  });

  it('an unreadable state fails with the system code (EISDIR) the CLI words, as in-process', async () => {
    const dir = folder();
    mkdirSync(join(dir, STATE_FILE)); // a folder where the snapshot should be
    const failure = (start: Promise<{ stop(): Promise<void> }>) =>
      start.then(
        (s) => s.stop().then(() => null),
        (e: unknown) => e as NodeJS.ErrnoException,
      );
    const inProcess = await failure(startSandbox({ dataDir: dir }));
    const threaded = await failure(startSandboxThread({ dataDir: dir })!);
    expect(inProcess?.code).toBe('EISDIR');
    expect(threaded?.code).toBe('EISDIR');
    expect(threaded?.syscall).toBe(inProcess?.syscall);
    expect(threaded?.message).toBe(inProcess?.message);
  });
});

describe('the built CLI', () => {
  it('has the sandbox worker entry beside plek-sync.js (the CLI runs its sandbox on the other core)', () => {
    // Built by the tests' global setup from the current sources, as `npm install` builds it.
    expect(existsSync(new URL('../../../dist/cli/sandbox-worker.js', import.meta.url))).toBe(true);
    expect(existsSync(new URL('../../../dist/cli/plek-sync.js', import.meta.url))).toBe(true);
  });
});
