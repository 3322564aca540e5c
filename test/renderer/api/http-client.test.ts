import { describe, expect, it } from 'vitest';
import { createHttpApi, hasBridgeSession } from '../../../src/renderer/src/api/http-client';

describe('hasBridgeSession', () => {
  it('asks the bridge with the page’s cookie, never with a token in the URL', async () => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const yes = await hasBridgeSession('http://127.0.0.1:5123', async (url, init) => {
      asked.push({ url: String(url), init });
      return new Response('{"ok":true,"value":{"session":true}}');
    });
    expect(yes).toBe(true);
    expect(asked).toEqual([
      { url: 'http://127.0.0.1:5123/api/session', init: { credentials: 'same-origin' } },
    ]);
  });

  it('is false on 401 and when the bridge is down', async () => {
    expect(await hasBridgeSession('http://x', async () => new Response('{}', { status: 401 }))).toBe(false);
    expect(
      await hasBridgeSession('http://x', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toBe(false);
  });
});

describe('createHttpApi', () => {
  it('posts JSON with the token header and returns the bridge result', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const api = createHttpApi({
      baseUrl: 'http://127.0.0.1:5123',
      token: 't0k3n',
      fetch: async (url, init) => {
        sent.push({ url: String(url), init: init as RequestInit });
        return new Response(JSON.stringify({ ok: true, value: { paths: ['/home/jan/Ede.plekmap.json'] } }));
      },
    });
    expect(await api.project.recent()).toEqual({
      ok: true,
      value: { paths: ['/home/jan/Ede.plekmap.json'] },
    });
    expect(sent[0]?.url).toBe('http://127.0.0.1:5123/api/project:recent');
    expect((sent[0]?.init.headers as Record<string, string>)['x-plek-token']).toBe('t0k3n');
    expect(sent[0]?.init.method).toBe('POST');
  });

  it('passes refusals through and turns network failures into results', async () => {
    const refused = createHttpApi({
      baseUrl: '',
      token: 'x',
      fetch: async () =>
        new Response(
          JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } }),
          {
            status: 401,
          },
        ),
    });
    expect(await refused.app.info()).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'missing or wrong token' },
    });
    const down = createHttpApi({
      baseUrl: '',
      token: 'x',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const r = await down.app.info();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('unreachable');
    const html = createHttpApi({
      baseUrl: '',
      token: 'x',
      fetch: async () => new Response('<html>', { status: 502 }),
    });
    expect((await html.app.info()).ok).toBe(false);
  });

  it('opens one event stream without any token in its URL and routes events by name', () => {
    const opened: string[] = [];
    const handlers = new Map<string, (m: MessageEvent<string>) => void>();
    class FakeEventSource {
      constructor(url: string) {
        opened.push(url);
      }
      addEventListener(name: string, h: (m: MessageEvent<string>) => void) {
        handlers.set(name, h);
      }
    }
    const api = createHttpApi({
      baseUrl: 'http://127.0.0.1:5123',
      token: 'a b',
      fetch: async () => new Response('{}'),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const got: number[] = [];
    const off = api.on('run:progress', (p) => got.push(p.done));
    api.on('run:log', () => {});
    expect(opened).toEqual(['http://127.0.0.1:5123/api/events']);
    handlers.get('run:progress')?.({ data: '{"runId":"r","done":7,"total":9}' } as MessageEvent<string>);
    handlers.get('run:progress')?.({ data: 'not json' } as MessageEvent<string>);
    off();
    handlers.get('run:progress')?.({ data: '{"runId":"r","done":8,"total":9}' } as MessageEvent<string>);
    expect(got).toEqual([7]);
  });
});
