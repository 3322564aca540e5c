import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureRendererBuilt } from '../../../src/main/bridge/renderer-build';
import { startBridge, type BridgeHandle } from '../../../src/main/bridge/server';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import {
  createWorkbenchService,
  type WorkbenchService,
  type WorkbenchServiceOptions,
} from '../../../src/main/services/workbench-service';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const CHROMIUM = '/usr/bin/chromium';
/**
 * The bundled demo's anchor: the day its export is written for (DEMO_ANCHOR). Opened by the workbench, the demo's
 * dates move to the app's today, so it reads the same on any day; files pinned to this day see the export as it is
 * bundled (row 3, Chloë de Graaf, leaves on 01-12-2026).
 */
export const DEMO_TODAY = '2026-11-23';
/** A day far from the demo's anchor (and after a leap day): the demo must show the same picture there. */
export const FAR_TODAY = '2028-03-01';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Why browser tests cannot run here, or null when they can. Without chromium and outside CI the tests skip
 * (printing the reason); under CI a missing browser is a failure, not a skip.
 */
export function e2eSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing; CI must install chromium (apt-get install chromium)`);
  const reason = `${CHROMIUM} is not installed, so the browser end-to-end tests are skipped (apt-get install chromium)`;
  console.warn(reason);
  return reason;
}

/** The day of PLEK_E2E_TODAY (YYYY-MM-DD), undefined when unset; anything else is a mistake worth stopping for. */
function e2eToday(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(`${value}T10:00:00+01:00`)))
    throw new Error(`PLEK_E2E_TODAY must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

export interface StartAppOptions {
  /** The workbench data folder; a fresh temp folder by default (removed on stop). */
  dataDir?: string;
  /** Browser viewport; 1366×768 (the smallest screen the workbench supports) by default. */
  viewport?: { width: number; height: number };
  /** Extra service options (backends, a fixed clock…). */
  service?: Partial<Omit<WorkbenchServiceOptions, 'dataDir' | 'mode'>>;
  /** Open the page at its one-time login link; off to test what a page without a session sees. */
  open?: boolean;
  locale?: string;
  /** Classic scrollbars that take room, as on Windows (Playwright hides them in headless mode by default). */
  scrollbars?: boolean;
  /**
   * The date the app and the page live on (YYYY-MM-DD, 10:00 in Amsterdam). The demo moves its dates to it, so a
   * test may pick any day; one that names a date of the export as bundled uses DEMO_TODAY.
   */
  today?: string;
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The one-time login link, as `plek-sync serve` prints it (used by the first `goto`). */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Uncaught page errors and console errors (CSP violations show up here), for `expect(app.errors).toEqual([])`. */
  errors: string[];
  service: WorkbenchService;
  bridge: BridgeHandle;
  stop(): Promise<void>;
}

/**
 * Starts the real workbench service behind the HTTP bridge on a free port, with a temp data folder, builds
 * the renderer if it is out of date, and opens it in headless Debian chromium (playwright-core; never
 * `playwright install`). Call `stop()` in afterAll/afterEach.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const staticDir = await ensureRendererBuilt({ root: ROOT, onBuild: (m) => console.log(m) });
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'plek-e2e-')));
  // PLEK_E2E_TODAY runs every file that does not choose its own clock on that day (e.g. far from the demo's
  // anchor: `PLEK_E2E_TODAY=2031-02-28 npx vitest run test/e2e/smoke.e2e.test.ts`).
  const today = options.today ?? (options.service?.now ? undefined : e2eToday(process.env.PLEK_E2E_TODAY));
  const fixedNow = today ? new Date(`${today}T10:00:00+01:00`) : undefined;
  const service = createWorkbenchService({
    resourcesDir: join(ROOT, 'resources'),
    env: {},
    secrets: new MemorySecretStore(),
    ...(fixedNow ? { now: () => fixedNow } : {}),
    ...options.service,
    dataDir,
    mode: 'browser',
  });
  const bridge = await startBridge({ service, staticDir });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      ...(options.scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    });
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1366, height: 768 },
      locale: options.locale ?? 'nl-NL',
    });
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(`pageerror: ${e.error().message}`));
    context.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
    });
    // Date only: the page's timers keep running.
    if (fixedNow) await context.clock.setFixedTime(fixedNow);
    const page = await context.newPage();
    if (options.open !== false) await page.goto(bridge.url);
    const b = browser;
    return {
      page,
      context,
      browser: b,
      url: bridge.url,
      origin: bridge.origin,
      token: bridge.token,
      dataDir,
      errors,
      service,
      bridge,
      stop: async () => {
        await b.close().catch(() => {});
        await bridge.stop();
        await service.close();
        if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => {});
    await bridge.stop();
    await service.close();
    throw e;
  }
}
