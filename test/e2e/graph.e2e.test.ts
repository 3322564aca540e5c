import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumSkipReason,
  startHarness,
  type Harness,
} from '../renderer/graph/harness/serve';

/**
 * The graph editor in a real browser (Debian chromium via playwright-core), on a page that hosts only the editor
 * with 1,000 Dutch sample rows; the mapping the editor emits is kept in localStorage like a saved file.
 */
const skip = chromiumSkipReason();

async function center(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`not visible: ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags an edge from one handle to another the way a consultant does: press, move in steps, release. */
async function dragEdge(page: Page, from: string, to: string): Promise<void> {
  const a = await center(page, from);
  const b = await center(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

const out = (nodeId: string) => `.react-flow__handle.source[data-nodeid="${nodeId}"]`;
const input = (nodeId: string, slot: number) =>
  `.react-flow__handle.target[data-nodeid="${nodeId}"][data-handleid="in-${slot}"]`;

async function nodePosition(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const transform = await page
    .locator(`.react-flow__node[data-id="${nodeId}"]`)
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** The node the palette just added (it comes selected). */
async function newNodeId(page: Page): Promise<string> {
  const id = await page.locator('.react-flow__node.selected').first().getAttribute('data-id');
  if (!id) throw new Error('no node was added');
  return id;
}

/** Zooms the canvas onto a few nodes so that handles are large enough to hit. */
async function focusNodes(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Zoek attribuut of veld' }).fill(query);
  await page.waitForTimeout(350);
}

describe.skipIf(skip !== null)('graph editor in the browser', () => {
  let harness: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  /** The Join the first test adds (a user-made id until the mapping is reloaded). */
  let joinId = '';

  beforeAll(async () => {
    harness = await startHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
    context.on('weberror', (e) => errors.push(e.error().message));
    page = await context.newPage();
    await page.goto(harness.url);
    // The canvas opens at a readable zoom on the source attributes (top left); fields further right are reached by search.
    await page.waitForSelector('.react-flow__node[data-id^="src:"]', { timeout: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await harness?.close();
  });

  it('wires Achternaam through a Join with Tussenvoegsel into name.familyName and previews "van der Berg"', async () => {
    // Zoom onto the attribute and the field (search fits the view to its matches), then add a Join there.
    await focusNodes(page, 'Achternaam');
    await page.locator('button[data-function="Join"]').click();
    joinId = await newNodeId(page);
    await dragEdge(page, out('src:Tussenvoegsel'), input(joinId, 1));
    await page.locator(input(joinId, 2)).waitFor();
    await dragEdge(page, out('src:Achternaam'), input(joinId, 2));
    await dragEdge(page, out(joinId), input('field:name.familyName', 0));

    const cell = page.locator('.gp-row[data-row="2"] .gp-cell[data-field="name.familyName"]');
    await expect.poll(() => cell.textContent(), { timeout: 10_000 }).toBe('van der Berg');
    // A row without tussenvoegsel has just the family name, without stray spaces.
    expect(
      await page.locator('.gp-row[data-row="3"] .gp-cell[data-field="name.familyName"]').textContent(),
    ).toBe('Bosch');
  });

  it('wrote the expected expression to the saved mapping file', async () => {
    const saved = JSON.parse((await page.evaluate(() => window.__saved)) ?? '{}') as {
      fields: Record<string, { expression: string }>;
      layout: { version: number; nodes: Record<string, { x: number; y: number }> };
    };
    expect(saved.fields['name.familyName']?.expression).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
    expect(saved.fields['name.givenName']?.expression).toBe('[Roepnaam]');
    expect(saved.layout.version).toBe(1);
    expect(saved.layout.nodes['expr:name.familyName@r']).toBeDefined();
  });

  it('undoes and redoes the last edge with the keyboard', async () => {
    const saved = async () =>
      (
        JSON.parse((await page.evaluate(() => window.__saved)) ?? '{}') as {
          fields: Record<string, { expression: string }>;
        }
      ).fields['name.familyName']?.expression;
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(saved).toBeUndefined();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(saved).toBe('Join(" ", [Tussenvoegsel], [Achternaam])');
  });

  it('refuses an invalid edge and says why', async () => {
    await focusNodes(page, 'Functie');
    await page.locator('button[data-function="ParseDate"]').click();
    const parse = await newNodeId(page);
    const before = await page.evaluate(() => window.__saved);
    // While the edge hovers over the field, the reason is shown before the user lets go.
    const a = await center(page, out(parse));
    const b = await center(page, input('field:title', 0));
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 12 });
    await expect
      .poll(() => page.getByTestId('connection-hint').textContent(), { timeout: 5_000 })
      .toMatch(/FormatDate/);
    await page.mouse.up();
    const refusal = page.getByTestId('refusal');
    await expect.poll(() => refusal.textContent(), { timeout: 5_000 }).toMatch(/FormatDate/);
    // Nothing was written: the mapping has no title field.
    expect(await page.evaluate(() => window.__saved)).toBe(before);
    // Keyboard delete: the stray ParseDate goes.
    await page.locator(`.react-flow__node[data-id="${parse}"] .gn-title`).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${parse}"]`).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Zoek attribuut of veld' }).fill('');
  });

  it('text mode: a parse error names the column, a valid expression is drawn and previewed', async () => {
    await focusNodes(page, 'Functie');
    await page.getByRole('button', { name: 'Functie als tekst bewerken' }).click({ timeout: 5_000 });
    const editor = page.getByRole('textbox', { name: 'Expressie', exact: true });
    await editor.fill('Upper([Afdeling]');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => page.locator('.ge-error').textContent()).toBe('Kolom 17: hier ontbreekt ")"');
    await editor.fill('upper( [Afdeling] )');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.locator('.react-flow__node[data-id="expr:title@r"]').waitFor();
    await expect
      .poll(() => page.locator('.gp-row[data-row="2"] .gp-cell[data-field="title"]').textContent())
      .toBe('BURGERZAKEN');
    expect(await editor.inputValue()).toBe('Upper([Afdeling])');
    await page.getByRole('searchbox', { name: 'Zoek attribuut of veld' }).fill('');
  });

  it('keeps an empty-text parameter when its inline input is merely visited, and writes a typed one', async () => {
    await focusNodes(page, 'Functie');
    const editor = page.getByRole('textbox', { name: 'Expressie', exact: true });
    await editor.fill('Replace([Afdeling], "en", "")');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const replacement = page.getByLabel('Replace replacement');
    await replacement.click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const title = async () =>
      (
        JSON.parse((await page.evaluate(() => window.__saved)) ?? '{}') as {
          fields: Record<string, { expression: string }>;
        }
      ).fields.title?.expression;
    expect(await title()).toBe('Replace([Afdeling], "en", "")');
    await page.getByLabel('Replace pattern').fill('zaken');
    await page.getByLabel('Replace pattern').press('Enter');
    await expect.poll(title).toBe('Replace([Afdeling], "zaken", "")');
    await expect
      .poll(() => page.locator('.gp-row[data-row="2"] .gp-cell[data-field="title"]').textContent())
      .toBe('Burger');
    await page.getByRole('searchbox', { name: 'Zoek attribuut of veld' }).fill('');
  });

  it('accepts an auto-wire suggestion from the header recogniser', async () => {
    // Personeelsnummer is recognised as the enterprise employee number (the tussenvoegsel is no longer
    // offered as name.middleName: it belongs to the family name).
    const employeeNumber = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber';
    expect(await page.getByRole('button', { name: 'Suggestie voor Tussenvoegsel overnemen' }).count()).toBe(
      0,
    );
    const accept = page.getByRole('button', { name: 'Suggestie voor Personeelsnummer overnemen' });
    await accept.click();
    await expect
      .poll(() =>
        page.locator(`.gp-row[data-row="2"] .gp-cell[data-field="${employeeNumber}"]`).textContent(),
      )
      .toBe('10000');
    expect(await accept.count()).toBe(0);
  });

  it('dragging a node re-renders the canvas but not the preview', async () => {
    await page.getByRole('button', { name: 'Passend' }).click();
    await page.waitForTimeout(400);
    const before = await page.evaluate(() => ({ ...window.__renders }));
    const savedBefore = await page.evaluate(() => window.__changes);
    const a = await center(page, `.react-flow__node[data-id="${joinId}"] .gn-title`);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 30, a.y + 60, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => ({ ...window.__renders }));
    expect(after.canvas ?? 0).toBeGreaterThan(before.canvas ?? 0);
    expect(after.preview).toBe(before.preview);
    // The drag ended: the new position was saved (layout only).
    expect(await page.evaluate(() => window.__changes)).toBeGreaterThan(savedBefore);
  });

  it('copies and pastes a node group with the keyboard', async () => {
    const transforms = page.locator('.react-flow__node-transform');
    const before = await transforms.count();
    await page.locator(`.react-flow__node[data-id="${joinId}"] .gn-title`).click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => transforms.count()).toBe(before + 1);
    // The copy is wired to the same attributes but feeds no field: the saved mapping is unchanged.
    const pasted = await newNodeId(page);
    expect(pasted).not.toBe(joinId);
    expect(await page.locator(`.react-flow__edge[data-id*="->${pasted}#"]`).count()).toBe(2);
  });

  it('restores the layout after a reload', async () => {
    const id = 'expr:name.familyName@r';
    const saved = JSON.parse((await page.evaluate(() => window.__saved)) ?? '{}') as {
      layout: { nodes: Record<string, { x: number; y: number }> };
    };
    const stored = saved.layout.nodes[id];
    expect(stored).toBeDefined();
    await page.reload();
    // The canvas opens on the first lanes; "fit" brings every node, the saved Join included, into view.
    await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Passend' }).click();
    await page.waitForSelector(`.react-flow__node[data-id="${id}"]`, { timeout: 10_000 });
    const pos = await nodePosition(page, id);
    expect(pos).toEqual(stored);
    expect(
      await page.locator('.gp-row[data-row="2"] .gp-cell[data-field="name.familyName"]').textContent(),
    ).toBe('van der Berg');
    expect(errors).toEqual([]);
  });
});
