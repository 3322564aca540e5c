import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';

/**
 * The mapping graph must be readable on a 1366×768 laptop when the Mapping step opens: every node label in view
 * is drawn at 11 px or more (its font size times the canvas zoom), measured on the rendered page the screenshot
 * shows, for the demo and in both themes.
 */
const skip = e2eSkipReason();

interface LabelSize {
  text: string;
  px: number;
}

/** The rendered size of each node title in the viewport: computed font size × the canvas's scale. */
async function labelSizes(page: Page): Promise<LabelSize[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement | null;
    const pane = document.querySelector('.react-flow') as HTMLElement | null;
    if (!viewport || !pane) return [];
    const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const bounds = pane.getBoundingClientRect();
    const out: { text: string; px: number }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node .gn-name'))) {
      const r = el.getBoundingClientRect();
      const inView =
        r.bottom > bounds.top && r.top < bounds.bottom && r.right > bounds.left && r.left < bounds.right;
      if (!inView || r.width === 0) continue;
      out.push({ text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * scale });
    }
    return out;
  });
}

describe.skipIf(skip !== null)('the mapping graph at 1366×768', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    page = app.page;
    await page.getByTestId('open-demo').click();
    await page.getByTestId('attribute-table').waitFor({ timeout: 20_000 });
    await page.locator('.stepper [data-step="mapping"]').click();
    await page.locator('.react-flow__node .gn-name').first().waitFor({ timeout: 20_000 });
    // Let the opening zoom settle.
    await page.waitForTimeout(500);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it.each(['light', 'dark'] as const)(
    'opens with node labels of at least 11 px (%s theme)',
    async (theme) => {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.screenshot({ path: `out/screenshots/graph-1366-${theme}.png` }).catch(() => undefined);
      const sizes = await labelSizes(page);
      expect(sizes.length).toBeGreaterThan(3);
      const small = sizes.filter((s) => s.px < 11);
      expect(small, `smallest: ${Math.min(...sizes.map((s) => s.px)).toFixed(1)} px`).toEqual([]);
    },
  );
});
