import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHoneypot, type Honeypot } from '../support/honeypot';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';

const skip = e2eSkipReason();
const CLIENT_SECRET = 'Plek-ClientSecret-Ede-2026!';

/**
 * The consultant sees the token server a mapping names before the client secret goes there: the Plan step's
 * call is answered with needs-confirmation, the dialog shows the host, and only after "Yes" does the request
 * reach it (a honeypot that records everything).
 */
describe.skipIf(skip !== null)('confirming a token server in the browser', () => {
  let app: RunningApp;
  let target: Honeypot;
  let tokenServer: Honeypot;

  beforeAll(async () => {
    target = await startHttpHoneypot();
    tokenServer = await startHttpHoneypot();
    app = await startApp({ locale: 'en-GB' });
    await app.page.waitForSelector('[data-testid="open-demo"]');
  });
  afterAll(async () => {
    await app?.stop();
    await target?.stop();
    await tokenServer?.stop();
  });

  it('shows the token host, sends nothing until Yes, then sends it there', async () => {
    const demo = await app.service.api.project.demo();
    if (!demo.ok) throw new Error(demo.error.message);
    const baseUrl = `${target.url}/scim/v2`;
    const tokenUrl = `http://localhost:${tokenServer.port}/oauth/token`;
    const mapping = {
      ...demo.value.mapping,
      target: { kind: 'scim' as const, baseUrl, tokenUrl, clientId: 'workbench' },
    };
    await app.service.api.secrets.set({ name: 'scim-client-secret', scope: baseUrl, value: CLIENT_SECRET });
    app.service.emit('project:opened', { ...demo.value, mapping });

    const page = app.page;
    await page.locator('.stepper [data-step="plan"]').click();
    await page.getByTestId('compute-plan').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await page.getByTestId('confirm-host').textContent()).toBe(`http://localhost:${tokenServer.port}`);
    expect(tokenServer.hits).toEqual([]);
    expect(target.hits).toEqual([]);

    await dialog
      .getByRole('button', { name: `Yes, send it to http://localhost:${tokenServer.port}` })
      .click();
    await page.getByText(`Confirmed for http://localhost:${tokenServer.port}`).waitFor();
    await page.getByTestId('compute-plan').click();
    await expect.poll(() => tokenServer.hits.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(tokenServer.hits[0]).toContain('POST /oauth/token');
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    expect(app.errors).toEqual([]);
  });
});
