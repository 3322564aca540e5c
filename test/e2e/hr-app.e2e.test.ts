import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPersonioEmulator, type PersonioEmulator } from '../support/hr-api-emulators';
import { generateHrPeople, type HrExpectations } from '../support/hr-people';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';

/**
 * A new project from an HR application, in Chromium against the real services and a Personio v2 emulator on
 * 127.0.0.1: Start → "New project from an HR application" with a wrong secret (the Dutch 401 text) → the right
 * secret stored for that endpoint in the Source step → a sample with progress (and a Cancel that stops it) →
 * Test connection → the proposed mapping → Validate → Plan → Run into the sandbox.
 */
const skip = e2eSkipReason();
const TODAY = new Date('2026-11-23T10:00:00');
const CLIENT_ID = 'plek-workbench';
const SECRET = 'papi-geheim-Ünïcode-77';

async function step(page: Page, name: string): Promise<void> {
  await page.locator(`.stepper [data-step="${name}"]`).click();
}

/** axe-core's serious and critical findings on what the page shows now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('.react-flow__minimap').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(skip !== null)('a new project from Personio (nl)', () => {
  let app: RunningApp;
  let page: Page;
  let emulator: PersonioEmulator;
  let expected: HrExpectations;

  beforeAll(async () => {
    const generated = generateHrPeople({ count: 130 });
    expected = generated.expect;
    // Some latency, as a real API has, so the progress of the sample can be seen and cancelled.
    emulator = await startPersonioEmulator({
      people: generated.people,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      latencyMs: 100,
    });
    app = await startApp({ locale: 'nl-NL', service: { now: () => TODAY } });
    page = app.page;
    await page.clock.setFixedTime(TODAY);
    await page.reload();
    await page.getByTestId('hr-app-start').waitFor();
  });

  afterAll(async () => {
    await app?.stop();
    await emulator?.stop();
  });

  it('offers a REST API with each auth kind and paging style of init --source rest, labelled for everyone', async () => {
    const card = page.getByTestId('hr-app-start');
    await card.getByTestId('hr-app-kind').selectOption('rest');
    await card.getByTestId('hr-app-url').fill('https://api.hr2day.example.nl/v1/employees');
    await card.getByTestId('hr-app-auth').selectOption('oauth2');
    await card.getByTestId('hr-app-tokenUrl').fill('https://api.hr2day.example.nl/oauth/token');
    await card.getByTestId('hr-app-client-id').fill('plek');
    await card.getByTestId('hr-app-paging').selectOption('cursor');
    await card.getByTestId('hr-app-cursorPath').fill('meta.next_cursor');
    await card.getByTestId('hr-app-secret').fill('x');
    await expect.poll(() => card.getByTestId('hr-app-create').isEnabled()).toBe(true);
    await card.getByTestId('hr-app-auth').selectOption('apiKey');
    expect(await card.getByTestId('hr-app-keyHeader').inputValue()).toBe('X-Api-Key');
    await card.getByTestId('hr-app-paging').selectOption('nextLink');
    // A next link needs to know where the link is before the project can start.
    await expect.poll(() => card.getByTestId('hr-app-create').isDisabled()).toBe(true);
    await card.getByTestId('hr-app-nextPath').fill('links.next');
    await expect.poll(() => card.getByTestId('hr-app-create').isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByTestId('hr-app-secret').fill('');
  });

  it('asks for the secret on Start; a wrong one gets the worded 401 text, never the secret', async () => {
    const card = page.getByTestId('hr-app-start');
    await card.getByTestId('hr-app-kind').selectOption('personio');
    await card.getByTestId('hr-app-url').fill(emulator.url);
    await card.getByTestId('hr-app-client-id').fill(CLIENT_ID);
    await expect.poll(() => card.getByTestId('hr-app-create').isDisabled()).toBe(true);
    await card.getByTestId('hr-app-secret').fill('dit-is-niet-het-geheim');
    await card.getByTestId('hr-app-create').click();
    const error = page.getByTestId('error-message');
    await error.waitFor({ timeout: 20_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Personio accepteert de client-ID of het client secret niet');
    expect(text).toContain('verkeerde client-ID of verkeerd secret');
    expect(text).not.toContain('dit-is-niet-het-geheim');
    expect(await page.locator('body').textContent()).not.toContain('dit-is-niet-het-geheim');
    await page.getByRole('alert').getByRole('button').click();
    await error.waitFor({ state: 'detached' });
  });

  it('stores the right secret for this endpoint only, and Cancel stops a sample being read', async () => {
    const panel = page.getByTestId('api-source');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(CLIENT_ID);
    await panel.getByTestId('api-secret').fill(SECRET);
    await panel.getByTestId('api-store-secret').click();
    await expect
      .poll(() => panel.getByTestId('api-secret-status').textContent())
      .toContain('Voor dit adres is een geheim bewaard.');
    const has = await app.service.api.secrets.has({
      name: 'source-client-secret',
      endpoint: { url: emulator.url },
    });
    expect(has.ok && has.value.present).toBe(true);
    // The same client ID on another host gets nothing without the consultant's confirmation.
    const elsewhere = await app.service.api.secrets.has({
      name: 'source-client-secret',
      endpoint: { url: emulator.url.replace('127.0.0.1', 'localhost') },
    });
    expect(elsewhere.ok && elsewhere.value.present).toBe(false);

    await page.getByTestId('take-sample').click();
    const progress = panel.getByTestId('api-progress');
    await progress.waitFor({ timeout: 10_000 });
    // One progress, one Cancel: the panel's (the task banner stands aside for it on this step).
    expect(await page.locator('.task-banner').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Annuleren$/ }).count()).toBe(1);
    await panel.getByTestId('api-cancel').click();
    await progress.waitFor({ state: 'detached' });
    const seen = emulator.requests.length;
    expect(seen).toBeLessThan(130 + 3);
    await page.waitForTimeout(500);
    expect(emulator.requests.length).toBe(seen);
    expect(await page.getByTestId('error-message').count()).toBe(0);
  });

  it('reads a sample with progress (records, pages, records/s) and shows the first records', async () => {
    const panel = page.getByTestId('api-source');
    await page.getByTestId('take-sample').click();
    const progressText = panel.getByTestId('api-progress-text');
    await progressText.waitFor({ timeout: 10_000 });
    expect(await progressText.textContent()).toMatch(/\d+ records · \d+ pagina(’s)? · [\d,.]+ records\/s/);
    const table = panel.getByTestId('api-sample');
    await table.waitFor({ timeout: 30_000 });
    const head = (await table.locator('thead').textContent()) ?? '';
    // The API's own order: Personio lists id, email, created_at, updated_at, first_name, last_name, …
    expect(head).toMatch(/^id\s*email/);
    expect(head).toContain('first_name');
    expect(await table.locator('tbody tr').count()).toBe(15);
    expect(await table.textContent()).toMatch(/[äöüÄÖÜß]/);
    expect(await page.getByTestId('attribute-table').textContent()).toContain('employment.supervisor.id');
  });

  it('tests the connection in the consultant’s words', async () => {
    const panel = page.getByTestId('api-source');
    await panel.getByTestId('api-test-connection').click();
    const badge = panel.getByTestId('connection-test');
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.textContent()).toMatch(/^Verbonden: 5 records gelezen met \d+ attributen\.$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('proposes Personio’s person id as the mapping key and opens the proposed mapping', async () => {
    const picker = page.getByTestId('key-picker');
    await picker.waitFor({ timeout: 20_000 });
    const chosen = picker.locator('input[type="radio"]:checked');
    await expect.poll(() => chosen.inputValue(), { timeout: 10_000 }).toBe('id');
    await picker.locator('input[value="id"]').check();
    await step(page, 'mapping');
    await page.getByTestId('mapping-editor').waitFor();
    await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
    expect(app.errors).toEqual([]);
  });

  it('validates, plans against the sandbox and runs: leavers are not created', async () => {
    await step(page, 'validate');
    await page.getByTestId('validation-summary').waitFor({ timeout: 30_000 });
    await step(page, 'plan');
    await page.getByTestId('compute-plan').click();
    await page.getByTestId('plan-counts').waitFor({ timeout: 60_000 });
    const create = Number(await page.locator('.count-tile[data-action="create"] strong').textContent());
    // Everyone still employed (the future leaver included) and nobody whose employment ended.
    expect(create).toBe(expected.active.length - expected.startingLater.length);
    if (await page.getByTestId('allow-override').count()) await page.getByTestId('allow-override').check();
    await step(page, 'run');
    await page.getByTestId('apply').click();
    await page.getByTestId('run-report').waitFor({ timeout: 60_000 });
    const progress = page.getByTestId('run-progress');
    await expect.poll(() => progress.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('completed');
    expect(await page.locator('.count-tile[data-result="failed"]').count()).toBe(0);
    const ok = Number(await page.locator('.count-tile[data-result="ok"] strong').textContent());
    expect(ok).toBeGreaterThanOrEqual(create);
    expect(await page.locator('body').textContent()).not.toContain(SECRET);
    expect(app.errors).toEqual([]);
  });
});
