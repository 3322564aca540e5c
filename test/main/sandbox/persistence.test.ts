import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LOG_FILE,
  readSandboxState,
  SandboxPersistence,
  STATE_FILE,
} from '../../../src/main/sandbox/persistence';
import { SandboxStore } from '../../../src/main/sandbox/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const BASE = 'http://127.0.0.1:1/scim/v2';
const medewerker = (i: number) => ({
  userName: `medewerker.${i}@gemeente-voorbeeld.nl`,
  externalId: `E${10000 + i}`,
  name: { givenName: i % 2 ? 'Zoë' : 'Jan', familyName: "van 't Hek" },
  emails: [{ type: 'work', value: `medewerker.${i}@gemeente-voorbeeld.nl`, primary: true }],
});

/** A store wired to persistence as the sandbox wires it (flushes are explicit here: no timer). */
function open(dir: string, compactAtBytes?: number) {
  let store: SandboxStore | null = null;
  const p = new SandboxPersistence(dir, () => store!, compactAtBytes);
  store = new SandboxStore(
    () => Date.parse('2026-11-23T08:00:00Z'),
    (k, id) => p.changed(k, id),
  );
  const saved = p.load();
  if (saved) store.load(saved);
  return { store, p };
}

describe('sandbox persistence: snapshot + append-only change log', () => {
  it('appends only the changed resources, replays them after a kill, and ignores a torn last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-persist-'));
    dirs.push(dir);
    const a = open(dir);
    const ids = Array.from({ length: 300 }, (_, i) => a.store.create('Users', medewerker(i), BASE).id);
    a.p.compact(); // one snapshot of 300 accounts
    a.p.close();
    const snapshot = statSync(join(dir, STATE_FILE)).size;

    const b = open(dir);
    b.store.patch('Users', ids[7]!, { Operations: [{ op: 'replace', path: 'title', value: 'Teamleider' }] });
    const group = b.store.create('Groups', { displayName: 'Zorg', members: [{ value: ids[7] }] }, BASE);
    b.store.delete('Users', ids[8]!);
    b.p.flush();
    // Three lines and the sequence, not the whole state again.
    const log = readFileSync(join(dir, LOG_FILE), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(4);
    expect(log.length).toBeLessThan(snapshot / 50);
    expect(statSync(join(dir, STATE_FILE)).size).toBe(snapshot);
    // kill -9 while writing the next batch: half a line at the end.
    appendFileSync(join(dir, LOG_FILE), '{"k":"U","id":"half-geschreven","r":{"userName":"x');

    const c = open(dir);
    expect(c.store.users.size).toBe(299);
    expect(c.store.get('Users', ids[7]!).title).toBe('Teamleider');
    expect(c.store.users.has(ids[8]!)).toBe(false);
    expect(c.store.get('Groups', group.id).members).toEqual([{ value: ids[7] }]);
    // Versions keep growing after a restart: an ETag is never given out twice.
    const v = Number(/\d+/.exec(c.store.get('Users', ids[7]!).meta.version)?.[0]);
    const next = c.store.patch('Users', ids[9]!, {
      Operations: [{ op: 'add', path: 'title', value: 'Jurist' }],
    });
    expect(Number(/\d+/.exec(next.meta.version)?.[0])).toBeGreaterThan(v);
    c.p.close();
    // A small log stays a log when the sandbox stops (the next start replays it) …
    expect(statSync(join(dir, LOG_FILE)).size).toBeGreaterThan(0);
    const byId = (s: { users: { id: string }[] } | null) =>
      [...(s?.users ?? [])].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(readSandboxState(dir))).toEqual(byId(c.store.toJSON()));
    // … and folding it in empties it.
    c.p.compact();
    expect(statSync(join(dir, LOG_FILE)).size).toBe(0);
    // The snapshot is written one resource at a time, and is the same text as the state in one piece.
    const text = readFileSync(join(dir, STATE_FILE), 'utf8');
    expect(text).toBe(JSON.stringify(c.store.toJSON()));
    const state = JSON.parse(text) as { users: unknown[] };
    expect(state.users).toHaveLength(299);
  });

  it('adds group members by id: none twice, the existing ones kept, other group changes still by scim-patch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-persist-'));
    dirs.push(dir);
    const { store } = open(dir);
    const ids = Array.from({ length: 5 }, (_, i) => store.create('Users', medewerker(i), BASE).id);
    const g = store.create(
      'Groups',
      { displayName: 'Wijkteam Noord', members: [{ value: ids[0], display: 'Jan' }] },
      BASE,
    );
    const add = (values: (string | undefined)[]) =>
      store.patch('Groups', g.id, {
        Operations: [{ op: 'Add', path: 'members', value: values.map((value) => ({ value })) }],
      });
    add([ids[1], ids[0], ids[2]]);
    const after = add([ids[2], ids[3], ids[3]]);
    expect(after.members).toEqual([
      { value: ids[0], display: 'Jan' },
      { value: ids[1] },
      { value: ids[2] },
      { value: ids[3] },
    ]);
    expect(after.meta.version).not.toBe(g.meta.version);
    const renamed = store.patch('Groups', g.id, {
      Operations: [{ op: 'replace', path: 'displayName', value: 'Wijkteam Zuid' }],
    });
    expect(renamed).toMatchObject({ displayName: 'Wijkteam Zuid', members: after.members });
  });

  it('folds a log that outgrows the snapshot into a new snapshot while running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-persist-'));
    dirs.push(dir);
    const a = open(dir, 4096);
    for (let i = 0; i < 60; i++) {
      a.store.create('Users', medewerker(i), BASE);
      a.p.flush();
    }
    expect(statSync(join(dir, LOG_FILE)).size).toBeLessThan(4096 * 2);
    const b = open(dir);
    expect(b.store.users.size).toBe(60);
  });

  it('writes a large batch of changes in slices: each slice loads on its own, the sequence ends the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-persist-'));
    dirs.push(dir);
    const a = open(dir);
    const ids = Array.from({ length: 700 }, (_, i) => a.store.create('Users', medewerker(i), BASE).id);
    // A change to an account already waiting is written once, with its latest state.
    a.store.patch('Users', ids[3]!, { Operations: [{ op: 'replace', path: 'title', value: 'Jurist' }] });
    const group = a.store.create('Groups', { displayName: 'Zorg', members: [{ value: ids[0] }] }, BASE);
    expect(a.p.pendingCount).toBe(701);
    const lines = () => readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n');

    expect(a.p.flushSome(256)).toBe(true);
    expect(lines()).toHaveLength(256);
    expect(lines().some((l) => l.startsWith('{"seq"'))).toBe(false);
    expect(a.p.pendingCount).toBe(445);
    // Killed here: the first slice is there, with the versions it holds (no version is given out twice).
    const b = open(dir);
    expect(b.store.users.size).toBe(256);
    const v = (r: { meta: { version: string } }) => Number(/\d+/.exec(r.meta.version)?.[0]);
    expect(v(b.store.create('Users', medewerker(9999), BASE))).toBeGreaterThan(
      v(a.store.get('Users', ids[255]!)),
    );

    expect(a.p.flushSome(256)).toBe(true);
    expect(a.p.flushSome(256)).toBe(false);
    expect(a.p.pendingCount).toBe(0);
    expect(lines()).toHaveLength(702);
    expect(JSON.parse(lines().at(-1)!)).toEqual({ seq: a.store.sequence });
    const c = open(dir);
    expect(c.store.users.size).toBe(700);
    expect(c.store.get('Users', ids[3]!).title).toBe('Jurist');
    expect(c.store.get('Groups', group.id).members).toEqual([{ value: ids[0] }]);
    expect(lines().filter((l) => l.includes(ids[3]!))).toHaveLength(1);
  });
});
