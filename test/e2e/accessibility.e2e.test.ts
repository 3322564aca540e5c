import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';
import { seriousViolations } from './support/axe';

/**
 * axe-core on every step of the workbench, in Dutch and English and in the light and the dark theme: no serious or
 * critical violations (contrast, names of controls, ARIA misuse…). The project is the demo, taken through plan and
 * run so every step has its real content.
 */
const skip = e2eSkipReason();
const STEPS = ['start', 'source', 'mapping', 'validate', 'rules', 'plan', 'run'] as const;

describe.skipIf(skip !== null)('accessibility of every step (axe-core)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ locale: 'nl-NL' });
    page = app.page;
    await page.getByTestId('open-demo').waitFor();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('has content on every step: the demo opened, planned and run', async () => {
    await page.getByTestId('open-demo').click();
    await page.getByTestId('attribute-table').waitFor({ timeout: 20_000 });
    await page.locator('.stepper [data-step="plan"]').click();
    await page.getByTestId('compute-plan').click();
    await page.getByTestId('plan-counts').waitFor({ timeout: 30_000 });
    if (await page.getByTestId('allow-override').count()) await page.getByTestId('allow-override').check();
    await page.locator('.stepper [data-step="run"]').click();
    await page.getByTestId('apply').click();
    await page.getByTestId('run-report').waitFor({ timeout: 60_000 });
  });

  for (const [lang, theme] of [
    ['nl', 'light'],
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    it.each(STEPS)(`%s step (${lang}, ${theme} theme)`, async (step) => {
      const switcher = page.locator(`.segmented button[lang="${lang}"]`);
      if ((await switcher.getAttribute('aria-pressed')) !== 'true') await switcher.click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.locator(`.stepper [data-step="${step}"]`).click();
      await page.waitForTimeout(400);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
