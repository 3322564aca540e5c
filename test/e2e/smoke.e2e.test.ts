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

  it('loads the workbench over the bridge with its one-time link', async () => {
    await app.page.waitForSelector('#root > *');
    expect(await app.page.evaluate(() => document.documentElement.dataset.transport)).toBe('browser');
    expect(await app.page.title()).toBe('Plek Provisioning Workbench');
    // The link's code is traded for a cookie and the browser sent on: nothing secret in the address bar.
    expect(app.page.url()).toBe(`${app.origin}/`);
    expect(app.errors).toEqual([]);
  });

  it('keeps the session in an HttpOnly, SameSite=Strict cookie the page cannot read', async () => {
    const cookies = await app.context.cookies(app.origin);
    expect(cookies).toEqual([
      expect.objectContaining({ value: app.token, httpOnly: true, sameSite: 'Strict', path: '/' }),
    ]);
    expect(await app.page.evaluate(() => document.cookie)).toBe('');
    expect(
      await app.page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage })),
    ).not.toContain(app.token);
  });

  it('has no window.plek, and the HTTP client answers from the page', async () => {
    const result = await app.page.evaluate(async () => {
      const hasPlek = 'plek' in window;
      const res = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
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

  it('refuses an API call without the session cookie, from the page itself', async () => {
    const status = await app.page.evaluate(async () => {
      const res = await fetch('/api/app:info', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    });
    expect(status).toBe(401);
  });

  it('shows how to get in when the page is opened without a session, or with a used link', async () => {
    const other = await app.browser.newContext();
    const page = await other.newPage();
    await page.goto(`${app.origin}/`);
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('plek-sync serve');
    expect(await page.evaluate(() => document.documentElement.dataset.transport)).toBe('none');
    // The link the first page used, opened again (read from `ps` by someone else): refused.
    const used = await page.goto(app.url);
    expect(used?.status()).toBe(403);
    await other.close();
  });

  it('keeps the connection after a reload (the cookie, not the URL)', async () => {
    await app.page.reload();
    await app.page.waitForSelector('#root > *');
    expect(await app.page.evaluate(() => document.documentElement.dataset.transport)).toBe('browser');
  });
});
