import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNING, requestJson, type HttpContext } from '../../../../src/main/sources/api/http';

/**
 * Six workers read employments of one HR application at once. The server's rate limit is for the whole read:
 * once it has answered 429 with Retry-After, no worker may send before that time has passed.
 */
describe('a rate limit met by one request holds back every request of the read', () => {
  function limitedServer() {
    let limited = true;
    const sent: { url: string; whileLimited: boolean }[] = [];
    let answers429 = 0;
    const fetchLimited = (async (input: string | URL | Request) => {
      const url = String(input);
      sent.push({ url, whileLimited: limited });
      // The first request meets the limit; later ones would too while the window lasts.
      if (limited) {
        answers429++;
        return new Response('{"errors":[{"title":"Too many requests"}]}', {
          status: 429,
          headers: { 'retry-after': '2' },
        });
      }
      return new Response(JSON.stringify({ id: url.split('/').at(-2) }), { status: 200 });
    }) as typeof globalThis.fetch;
    return {
      fetch: fetchLimited,
      sent,
      answers429: () => answers429,
      endWindow: () => {
        limited = false;
      },
    };
  }

  it('one 429 and one wait of the Retry-After; the other workers send only after it', async () => {
    const server = limitedServer();
    const waits: number[] = [];
    let release!: () => void;
    const ctx: HttpContext = {
      vendor: 'personio',
      stats: { requests: 0, retries: 0, reauthentications: 0 },
      tuning: {
        ...DEFAULT_TUNING,
        backoffMs: 5,
        fetch: server.fetch,
        // The wait ends when the test says the server's window is over.
        sleep: (ms) => {
          waits.push(ms);
          return new Promise<void>((resolve) => {
            release = () => {
              server.endWindow();
              resolve();
            };
          });
        },
      },
    };
    const first = requestJson(ctx, { url: 'http://127.0.0.1:9/v2/persons/1/employments', phase: 'read' });
    // Let the first request meet the limit before the others start.
    while (waits.length === 0) await new Promise((r) => setImmediate(r));
    const others = [2, 3, 4, 5, 6].map((id) =>
      requestJson(ctx, { url: `http://127.0.0.1:9/v2/persons/${id}/employments`, phase: 'read' }),
    );
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(server.sent).toHaveLength(1);
    release();
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((a) => (a as { id: string }).id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(server.answers429()).toBe(1);
    expect(waits).toEqual([2000]);
    expect(server.sent.filter((s) => s.whileLimited)).toHaveLength(1);
    expect(ctx.stats).toMatchObject({ requests: 7, retries: 1 });
  });
});
