import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('browser mode smoke test', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads the workbench over the bridge with the token', async () => {
    await app.page.waitForSelector('#root > *');
    expect(await app.page.evaluate(() => document.documentElement.dataset.transport)).toBe('browser');
    expect(await app.page.title()).toBe('Plek Provisioning Workbench');
    // The token leaves the address bar (and history) once the page has it.
    expect(app.page.url()).not.toContain('token');
    expect(app.errors).toEqual([]);
  });

  it('has no window.plek, and the HTTP client answers from the page', async () => {
    const result = await app.page.evaluate(async () => {
      const hasPlek = 'plek' in window;
      const token = sessionStorage.getItem('plek-workbench:bridge-token') ?? '';
      const res = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-plek-token': token },
        body: '{}',
      });
      return {
        hasPlek,
        status: res.status,
        body: (await res.json()) as { ok: boolean; value?: { mode: string } },
      };
    });
    expect(result.hasPlek).toBe(false);
    expect(result.status).toBe(200);
    expect(result.body.ok).toBe(true);
    expect(result.body.value?.mode).toBe('browser');
  });

  it('refuses an API call without the token, from the page itself', async () => {
    const status = await app.page.evaluate(async () => {
      const res = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    });
    expect(status).toBe(401);
  });

  it('shows how to get in when the page is opened without its token', async () => {
    const page = await app.context.newPage();
    await page.goto(`${app.origin}/`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('plek-sync serve');
    expect(await page.evaluate(() => document.documentElement.dataset.transport)).toBe('none');
    await page.close();
  });

  it('keeps the connection after a reload (token kept in sessionStorage, not in the URL)', async () => {
    await app.page.reload();
    await app.page.waitForSelector('#root > *');
    expect(await app.page.evaluate(() => document.documentElement.dataset.transport)).toBe('browser');
  });
});
