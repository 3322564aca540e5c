import { describe, expect, it, vi } from 'vitest';

// The preload runs in Electron's sandbox; here its electron imports are recorded stand-ins.
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const sentToMain: unknown[][] = [];
let eventHandler: ((event: unknown, name: unknown, payload: unknown) => void) | undefined;
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: 'uit main' };
    },
    on: (_channel: string, h: typeof eventHandler) => (eventHandler = h),
    send: (...args: unknown[]) => sentToMain.push(args),
  },
  webUtils: { getPathForFile: (f: { name: string }) => `C:\\Users\\jan\\Downloads\\${f.name}` },
}));

const windowEvents = new EventTarget();
vi.stubGlobal('window', windowEvents);
await import('../../src/preload/index');
const { CHANNELS } = await import('../../src/shared/api/channels');

describe('preload', () => {
  it('exposes only window.plek: named task functions, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['plek']);
    const plek = exposed.get('plek') as Record<string, Record<string, unknown>>;
    expect(Object.keys(plek).sort()).toEqual(
      [...new Set(CHANNELS.map((c) => c.split(':')[0]))].concat('on').sort(),
    );
    expect(JSON.stringify(Object.keys(plek))).not.toContain('ipc');
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string];
      expect(typeof plek[domain]?.[verb], channel).toBe('function');
    }
  });

  it('invokes the matching IPC channel', async () => {
    const plek = exposed.get('plek') as { project: { open(r: unknown): Promise<unknown> } };
    expect(await plek.project.open({ path: '/home/jan/Ede.plekmap.json' })).toEqual({
      ok: true,
      value: 'uit main',
    });
    expect(invoked).toEqual([['project:open', { path: '/home/jan/Ede.plekmap.json' }]]);
  });

  it('delivers known events to subscribers and drops unknown names', () => {
    const plek = exposed.get('plek') as { on(e: string, cb: (p: unknown) => void): () => void };
    const got: unknown[] = [];
    const off = plek.on('run:progress', (p) => got.push(p));
    eventHandler?.({}, 'run:progress', { done: 1 });
    eventHandler?.({}, 'evil:event', { done: 2 });
    off();
    eventHandler?.({}, 'run:progress', { done: 3 });
    expect(got).toEqual([{ done: 1 }]);
  });

  it('forwards the path of a dropped file to main', () => {
    const drop = new Event('drop', { cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { files: [{ name: 'Medewerkers ä.csv' }] };
    windowEvents.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(sentToMain).toEqual([['plek:dropped-file', 'C:\\Users\\jan\\Downloads\\Medewerkers ä.csv']]);
  });
});
