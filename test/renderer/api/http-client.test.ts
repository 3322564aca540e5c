import { describe, expect, it } from 'vitest';
import { createHttpApi, takeBridgeToken } from '../../../src/renderer/src/api/http-client';

function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    key: (i) => [...m.keys()][i] ?? null,
  };
}

function fakeLocation(href: string): { loc: Location; history: History; replaced: string[] } {
  const url = new URL(href);
  const replaced: string[] = [];
  const loc = { hash: url.hash, search: url.search, pathname: url.pathname } as Location;
  const history = {
    replaceState: (_s: unknown, _t: string, u: string) => replaced.push(u),
  } as unknown as History;
  return { loc, history, replaced };
}

describe('takeBridgeToken', () => {
  it('takes the token from the fragment, keeps it for reloads and cleans the address bar', () => {
    const storage = fakeStorage();
    const { loc, history, replaced } = fakeLocation('http://127.0.0.1:5123/#token=abc_DEF-123');
    expect(takeBridgeToken(loc, history, storage)).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
    expect(storage.getItem('plek-workbench:bridge-token')).toBe('abc_DEF-123');
    const reload = fakeLocation('http://127.0.0.1:5123/');
    expect(takeBridgeToken(reload.loc, reload.history, storage)).toBe('abc_DEF-123');
    expect(reload.replaced).toEqual([]);
  });

  it('accepts ?token= and keeps other query parameters', () => {
    const { loc, history, replaced } = fakeLocation('http://127.0.0.1:5123/?lang=nl&token=xyz');
    expect(takeBridgeToken(loc, history, fakeStorage())).toBe('xyz');
    expect(replaced).toEqual(['/?lang=nl']);
  });

  it('returns null without a token', () => {
    const { loc, history } = fakeLocation('http://127.0.0.1:5123/');
    expect(takeBridgeToken(loc, history, fakeStorage())).toBeNull();
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

  it('opens one event stream with the token and routes events by name', () => {
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
    expect(opened).toEqual(['http://127.0.0.1:5123/api/events?token=a%20b']);
    handlers.get('run:progress')?.({ data: '{"runId":"r","done":7,"total":9}' } as MessageEvent<string>);
    handlers.get('run:progress')?.({ data: 'not json' } as MessageEvent<string>);
    off();
    handlers.get('run:progress')?.({ data: '{"runId":"r","done":8,"total":9}' } as MessageEvent<string>);
    expect(got).toEqual([7]);
  });
});
