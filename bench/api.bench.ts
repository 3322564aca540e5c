// Personio read throughput: 5,000 persons behind a v2 emulator that answers every request after 50 ms (a real
// API's latency). One persons page per 50 persons plus one employments request per person, so the bound is the
// API's: (concurrency) employment requests per 50 ms. The figures show the client keeping `concurrency` requests in
// flight the whole time, so the read is as fast as the API answers. The emulator runs in a process of its own
// (bench/api-emulator-child.ts): its CPU time does not come out of the client's.
import { fork } from 'node:child_process';
import { personioSourceSchema } from '../src/shared/mapping/schema';
import { readApiRecords } from '../src/main/sources/api/index';
import type { Report } from './support';

interface EmulatorProcess {
  url: string;
  stats(): Promise<{ maxInFlight: number; rateLimited: number }>;
  stop(): Promise<void>;
}

function startEmulatorProcess(options: {
  count: number;
  seed: number;
  latencyMs: number;
  ratePerSecond?: number;
}): Promise<EmulatorProcess> {
  const child = fork(
    new URL('./api-emulator-child.ts', import.meta.url).pathname,
    [JSON.stringify(options)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`the emulator process ended (exit ${code})`)));
    });
  return next<{ url: string }>().then(({ url }) => ({
    url,
    stats: () => {
      const answer = next<{ maxInFlight: number; rateLimited: number }>();
      child.send('stats');
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  }));
}

export async function benchApi(report: Report): Promise<void> {
  const latencyMs = 50;
  for (const concurrency of [6, 12]) {
    // A fresh emulator per case: its in-flight maximum is this case's.
    const emulator = await startEmulatorProcess({ count: 5000, seed: 1, latencyMs });
    const source = personioSourceSchema.parse({
      kind: 'personio',
      baseUrl: emulator.url,
      clientId: 'bench',
      concurrency,
    });
    const started = performance.now();
    let records = 0;
    let pages = 0;
    for await (const _ of readApiRecords(source, {
      secret: 'bench-secret',
      onProgress: (p) => {
        pages = p.pages;
      },
    })) {
      records++;
    }
    const seconds = (performance.now() - started) / 1000;
    // Requests the API must answer, each taking latencyMs, at most `concurrency` (+1 persons page) at a time.
    const requests = records + pages;
    const bound = (concurrency * 1000) / latencyMs;
    report(`personio 5,000 persons, ${latencyMs} ms/request, concurrency ${concurrency}`, {
      records,
      requests,
      seconds: seconds.toFixed(1),
      'records/s': Math.round(records / seconds),
      'API bound records/s': Math.round(bound),
      'of bound': `${Math.round((records / seconds / bound) * 100)}%`,
      // Requests in flight at the emulator at once (the client keeps the API busy) and the time one request
      // really took there: on a loaded machine the emulator's 50 ms stretch, and the read follows the API.
      'max in flight': (await emulator.stats()).maxInFlight,
      'observed ms/request': Math.round((concurrency * seconds * 1000) / requests),
    });
    await emulator.stop();
  }
  await rateLimited(report, latencyMs);
}

/**
 * The same read against an API that allows 15 requests per second (Personio documents a burst of 15 requests/s
 * and 300 per minute for its v1 employee list; for v2 it publishes no figure) and answers 429 with Retry-After
 * beyond that: the read is bound by the limit, the client waits as told, and the read still completes.
 */
async function rateLimited(report: Report, latencyMs: number): Promise<void> {
  const ratePerSecond = 15;
  const emulator = await startEmulatorProcess({ count: 500, seed: 2, latencyMs, ratePerSecond });
  try {
    const source = personioSourceSchema.parse({
      kind: 'personio',
      baseUrl: emulator.url,
      clientId: 'bench',
      concurrency: 6,
      retries: 10,
    });
    const started = performance.now();
    let records = 0;
    let pages = 0;
    let retries = 0;
    for await (const _ of readApiRecords(source, {
      secret: 'bench-secret',
      onProgress: (p) => {
        pages = p.pages;
        retries = p.retries;
      },
    })) {
      records++;
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = records + pages;
    // Every person costs one employment request (plus one persons page per 50): the limit in records/s.
    const bound = (ratePerSecond * records) / requests;
    report(`personio 500 persons, ${latencyMs} ms/request, rate limit ${ratePerSecond} requests/s`, {
      records,
      seconds: seconds.toFixed(1),
      'records/s': Math.round(records / seconds),
      'rate-limit bound records/s': bound.toFixed(1),
      'of bound': `${Math.round((records / seconds / bound) * 100)}%`,
      '429 answers': (await emulator.stats()).rateLimited,
      retries,
    });
  } finally {
    await emulator.stop();
  }
}
