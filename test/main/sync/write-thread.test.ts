import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteThread } from '../../../src/main/sync/write-thread';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('WriteThread: report files written by a thread of their own', () => {
  it('writes each file’s pieces in order, waits when too much is under way, and ends when all is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-write-thread-'));
    dirs.push(dir);
    const fds = [openSync(join(dir, 'rapport.nl.csv'), 'w'), openSync(join(dir, 'rapport.en.csv'), 'w')];
    // Small pieces and a small limit: the sender is told to wait many times.
    const writer = new WriteThread(4096, 1024);
    const want = ['', ''];
    let waits = 0;
    for (let i = 0; i < 2000; i++) {
      for (const f of [0, 1]) {
        const text = `${i + 2};${100000 + i};Zoë van 't Hek-Ünal → ${f ? 'en' : 'nl'}\r\n`;
        want[f] += text;
        const wait = writer.write(f, fds[f]!, text);
        if (wait) {
          waits += 1;
          await wait;
        }
      }
    }
    expect(await writer.end()).toBeNull();
    for (const fd of fds) closeSync(fd);
    expect(waits).toBeGreaterThan(10);
    expect(readFileSync(join(dir, 'rapport.nl.csv'), 'utf8')).toBe(want[0]);
    expect(readFileSync(join(dir, 'rapport.en.csv'), 'utf8')).toBe(want[1]);
  });

  it('says which file could not be written and Node’s code for it, and writes nothing after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-write-thread-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'alleen-lezen.csv'), '');
    const good = openSync(join(dir, 'rapport.json'), 'w');
    const readOnly = openSync(join(dir, 'alleen-lezen.csv'), 'r');
    // Pieces of 16 bytes: the first two texts go at once, the last waits in its buffer until the end.
    const writer = new WriteThread(4096, 16);
    writer.write(0, good, '{"rows":[');
    writer.write(1, readOnly, 'rij;sleutel\r\n');
    writer.write(0, good, ']}');
    const failure = await writer.end();
    closeSync(good);
    closeSync(readOnly);
    expect(failure?.file).toBe(1);
    expect(failure?.error.code).toBe('EBADF');
    expect(failure?.error.syscall).toBe('write');
    expect(readFileSync(join(dir, 'rapport.json'), 'utf8')).toBe('{"rows":[');
  });
});

describe('WriteThread whose thread has ended early', () => {
  it('never leaves the sender waiting for room: end() says the thread ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-write-thread-'));
    dirs.push(dir);
    const fd = openSync(join(dir, 'rapport.json'), 'w');
    // At most 64 bytes under way, pieces of 16: every second text has to wait for room.
    const writer = new WriteThread(64, 16);
    // The thread ends (as when it dies) before anything was written.
    await (writer as unknown as { worker: Worker }).worker.terminate();
    for (let i = 0; i < 20; i++) await writer.write(0, fd, `{"rij":${i},"naam":"Søren"}`);
    await expect(writer.end()).rejects.toThrow(/ended early/);
    closeSync(fd);
  });
});
