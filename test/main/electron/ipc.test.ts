import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary cannot run here: a recording stand-in for ipcMain lets the real wrapper be tested.
const registered = new Map<string, (event: unknown, body: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, body: unknown) => Promise<unknown>) =>
      registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
    on: () => {},
  },
}));

const { registerWorkbenchIpc, sendEvent } = await import('../../../src/main/electron/ipc');
const { CHANNELS, EVENT_IPC_CHANNEL } = await import('../../../src/shared/api/channels');

const APP = 'file:///opt/plek/out/renderer/index.html';
const fromApp = { senderFrame: { url: APP } };
const fromElsewhere = { senderFrame: { url: 'https://evil.com/' } };

describe('registerWorkbenchIpc', () => {
  const calls: [unknown, unknown][] = [];
  let remove: () => void;

  beforeEach(() => {
    registered.clear();
    calls.length = 0;
    remove = registerWorkbenchIpc(
      async (channel, body) => {
        calls.push([channel, body]);
        return { ok: true, value: null };
      },
      { isTrustedSender: (e) => (e as typeof fromApp).senderFrame?.url === APP },
    );
  });

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    remove();
    expect(registered.size).toBe(0);
  });

  it('passes the raw body to dispatch (which validates it) for our own page', async () => {
    const r = await registered.get('project:open')?.(fromApp, { path: '/home/jan/Ede.plekmap.json' });
    expect(r).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['project:open', { path: '/home/jan/Ede.plekmap.json' }]]);
  });

  it('refuses requests from any other frame without calling dispatch', async () => {
    const r = await registered.get('secrets:set')?.(fromElsewhere, {
      name: 'scim-client-secret',
      value: 'x',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'request from an untrusted frame',
        detail: { id: 'refusal.untrustedFrame', values: {} },
      },
    });
    const noFrame = await registered.get('app:info')?.({}, {});
    expect((noFrame as { ok: boolean }).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('sendEvent', () => {
  it('sends on the one event channel and skips destroyed windows', () => {
    const sent: unknown[][] = [];
    const contents = { isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) };
    sendEvent(contents as never, 'run:log', { runId: 'r', at: 'now', level: 'info', message: 'klaar' });
    sendEvent({ isDestroyed: () => true, send: () => sent.push(['x']) } as never, 'sandbox:status', {
      running: false,
      url: null,
      users: null,
    });
    expect(sent).toEqual([
      [EVENT_IPC_CHANNEL, 'run:log', { runId: 'r', at: 'now', level: 'info', message: 'klaar' }],
    ]);
  });
});
