import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type RunningApp, DEMO_TODAY } from './support/app';

/**
 * The mapping graph is workable on a 1366×768 laptop, in Dutch, with mouse and keyboard: the Plek field column
 * is in view and not under the minimap, focus mode shows one field's chain large, a function added from the
 * palette lands in free space, and a keyboard user reaches the first node in a few Tabs, with edges (visited with
 * E) that say what they connect and show where the focus is.
 */
const skip = e2eSkipReason();

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The on-screen boxes of the rendered nodes (those inside the canvas). */
async function nodeBoxes(page: Page, selector = '.react-flow__node'): Promise<Box[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll<HTMLElement>(sel)).map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.dataset.id ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }, selector);
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return { id: '', ...b };
}

/** The rendered size of the node titles: computed font size × the canvas's scale. */
async function smallestLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const sizes = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node .gn-name')).map(
      (el) => parseFloat(getComputedStyle(el).fontSize) * scale,
    );
    return Math.min(...sizes);
  });
}

describe.skipIf(skip !== null)('the mapping graph is workable at 1366×768 (Dutch)', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ locale: 'nl-NL', viewport: { width: 1366, height: 768 }, today: DEMO_TODAY });
    page = app.page;
    await page.getByTestId('open-demo').click();
    await page.getByTestId('attribute-table').waitFor({ timeout: 20_000 });
    await page.locator('.stepper [data-step="mapping"]').click();
    await page.locator('.react-flow__node .gn-name').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('opens with the mapped Plek fields in view in one column, none under the minimap', async () => {
    const pane = await box(page.locator('.react-flow'));
    const minimap = await box(page.locator('.react-flow__minimap'));
    const fields = (await nodeBoxes(page, '.react-flow__node-target')).filter(
      (b) => b.y >= pane.y && b.y + b.height <= pane.y + pane.height,
    );
    // Voornaam, Achternaam, Weergavenaam at least: the first lanes, right-hand column, fully in the pane.
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fields.map((f) => Math.round(f.x))).size).toBe(1);
    for (const f of fields) {
      expect(f.x + f.width).toBeLessThanOrEqual(pane.x + pane.width);
      expect(intersects(f, minimap), `${f.id} under the minimap`).toBe(false);
    }
    expect(
      await page.locator('.react-flow__node[data-id="field:name.givenName"] .gn-name').textContent(),
    ).toBe('Voornaam');
  });

  it('the minimap folds away and comes back', async () => {
    await page.getByRole('button', { name: 'Overzichtskaart verbergen' }).click();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.getByRole('button', { name: 'Overzichtskaart tonen' }).click();
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
  });

  it("focus mode shows only the given name's chain, large; Esc returns to the whole graph", async () => {
    const all = await page.locator('.react-flow__node').count();
    const focus = page.getByTestId('focus-lane');
    expect(await focus.isDisabled()).toBe(true);
    await page.locator('.react-flow__node[data-id="field:name.givenName"] .gn-name').click();
    await focus.click();
    await page.getByTestId('focus-bar').waitFor();
    expect(await page.getByTestId('focus-bar').textContent()).toContain('Alleen Voornaam');
    // Trim(Coalesce([Roepnaam], [Voornaam])) → Voornaam: two functions, two attributes, the field.
    await expect
      .poll(async () => (await nodeBoxes(page)).map((b) => b.id).sort())
      .toEqual(
        [
          'expr:name.givenName@r',
          'expr:name.givenName@r.0',
          'field:name.givenName',
          'src:Roepnaam',
          'src:Voornaam',
        ].sort(),
      );
    await page.waitForTimeout(400);
    expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(13);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('focus-bar').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(all);
  });

  it('places functions added from the palette in free space, not on top of other nodes', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    for (const fn of ['Trim', 'Trim', 'Upper', 'Join']) {
      await page.locator(`button[data-function="${fn}"]`).click();
      await page.waitForTimeout(150);
    }
    const boxes = await nodeBoxes(page);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (intersects(boxes[i]!, boxes[j]!)) overlaps.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
    expect(overlaps).toEqual([]);
    // Undo the four additions, so the next test sees the demo's graph.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  });

  it('a keyboard user reaches the first node in a few Tabs through the skip link', async () => {
    await page.locator('#mapping-heading').click();
    let tabs = 0;
    let onNode = false;
    for (; tabs < 12 && !onNode; tabs++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate(() => ({
        text: document.activeElement?.textContent ?? '',
        node: document.activeElement?.classList.contains('react-flow__node') ?? false,
      }));
      if (active.text === 'Naar de grafiek') await page.keyboard.press('Enter');
      onNode = await page.evaluate(
        () => document.activeElement?.classList.contains('react-flow__node') ?? false,
      );
    }
    expect(onNode).toBe(true);
    expect(tabs).toBeLessThanOrEqual(6);
    const focusedNode = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    expect(focusedNode).toMatch(/^(src|expr|field):/);
    // The node shows a focus ring.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe(
      'solid',
    );
  });

  it('an edge reached with the keyboard names what it connects in Dutch and shows a focus ring', async () => {
    // From the focused node, E visits its edges (the graph is one tab stop; edges are no tab stops of their own).
    await page.keyboard.press('e');
    await page.waitForTimeout(60);
    const edge = await page.evaluate(() => {
      const el = document.activeElement as SVGGElement | null;
      if (!el?.classList.contains('react-flow__edge')) return null;
      const path = el.querySelector('.react-flow__edge-path') as SVGPathElement;
      const focused = getComputedStyle(path);
      const other = Array.from(document.querySelectorAll('.react-flow__edge'))
        .find((e) => e !== el)
        ?.querySelector('.react-flow__edge-path') as SVGPathElement;
      const plain = getComputedStyle(other);
      return {
        label: el.getAttribute('aria-label') ?? '',
        stroke: focused.stroke,
        width: parseFloat(focused.strokeWidth),
        plainStroke: plain.stroke,
        plainWidth: parseFloat(plain.strokeWidth),
      };
    });
    expect(edge).not.toBeNull();
    expect(edge!.label).toMatch(/^.+ → .+$/);
    expect(edge!.label).not.toMatch(/Edge from|input/);
    expect(edge!.width).toBeGreaterThanOrEqual(edge!.plainWidth + 2);
    expect(edge!.stroke).not.toBe(edge!.plainStroke);
    // The given name's last edge reads like the mapping: "Trim → Voornaam" (the display name has its own Coalesce).
    expect(await page.locator('.react-flow__edge[aria-label="Trim → Voornaam"]').count()).toBe(1);
    expect(
      await page.locator('.react-flow__edge[aria-label="Roepnaam → Coalesce, invoer 1 (values)"]').count(),
    ).toBeGreaterThanOrEqual(1);
  });

  it('speaks Dutch in the editor: search, controls, text mode and its parse errors', async () => {
    expect(await page.getByRole('searchbox', { name: 'Zoek attribuut of veld' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Inzoomen' }).count()).toBe(1);
    const search = page.getByRole('searchbox', { name: 'Zoek attribuut of veld' });
    await search.fill('Functie');
    await page.waitForTimeout(350);
    await page.getByRole('button', { name: 'Functie als tekst bewerken' }).click();
    const editor = page.getByRole('textbox', { name: 'Expressie', exact: true });
    await editor.fill('Trim([Functie]');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => page.locator('.ge-error').textContent()).toBe('Kolom 15: hier ontbreekt ")"');
    await editor.fill('Trim([Functie])');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => page.locator('.ge-error').count()).toBe(0);
    await search.fill('');
    // The preview's row problems come from the catalogue too: "rij 3: …", not "row 3: …".
    const issue = page.locator('.gp-row[data-row="3"] .gp-issue');
    await expect.poll(() => issue.textContent()).toMatch(/^ ⚠ rij 3: /);
    expect(await page.locator('.gp-summary').textContent()).toMatch(/rijen · mapping key Personeelsnummer/);
    expect(app.errors).toEqual([]);
  });

  it.each([
    ['nl', 'light'],
    ['nl', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const)(
    'has no serious or critical axe violations with text mode open and in focus mode (%s, %s)',
    async (lang, theme) => {
      await page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      // Bring the given name into view with the editor's search (it zooms onto the matches), select it, focus.
      const search = page.locator('.ge-search');
      await search.fill('givenName');
      await page.waitForTimeout(350);
      await page.locator('.react-flow__node[data-id="field:name.givenName"] .gn-name').click();
      await search.fill('');
      await page.getByTestId('focus-lane').click();
      await page.getByTestId('focus-bar').waitFor();
      await page.waitForTimeout(300);
      const result = await new AxeBuilder({ page }).include('.ge').exclude('.react-flow__minimap').analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
      expect(serious).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('focus-bar').count()).toBe(0);
    },
  );
});
