import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type RunningApp, DEMO_TODAY } from './support/app';

/**
 * The mapping graph worked with the keyboard alone, at 1366×768, in Dutch and in English: Tab reaches the graph
 * as one stop (past one palette stop, not 55 buttons and 43 edges), the arrow keys go along a lane's chain and
 * between lanes, E visits a node's edges, Enter edits a node (its typed value, or a Plek field as text), Esc goes
 * back out, and Tab then leaves the graph instead of walking through its nodes.
 */
const skip = e2eSkipReason();

const WORDS = {
  nl: {
    locale: 'nl-NL',
    keys: 'Toetsen',
    keysText: /Langs de baan: van het attribuut via de functies naar het Plek-veld/,
    parked: /Enter of een pijltjestoets: terug naar de knopen/,
    edge: /^Roepnaam → Coalesce, invoer 1/,
    roles: { source: 'attribuut', target: 'Plek-veld', edge: 'verbinding' },
    givenName: 'Voornaam',
    filter: 'Functies filteren',
    middleName: 'Tussenvoegsel',
    noStart: /^Verbinden vanaf .+ kan niet: een Plek-veld is een eindpunt/,
    start: /^Verbinden vanaf Voorletters\. Pijltjestoetsen: /,
    cannot: /^Voorletters → Voornaam: hier verbinden kan niet: deze ingang heeft al een verbinding/,
    refused: /^Niet verbonden: .+Kies een andere knoop, of Esc om te annuleren\./,
    can: /^Voorletters → Tussenvoegsel\. Enter verbindt\./,
    done: /^Verbonden: Voorletters → Tussenvoegsel\./,
    cancelled: /^Verbinden geannuleerd\./,
    spare: /^Voorletters → Coalesce, invoer 3 \(values\)\. Enter verbindt\./,
    taken:
      /^Voorletters → Coalesce, invoer 1 \(values\): hier verbinden kan niet: deze ingang heeft al een verbinding/,
    second: /^Voorletters → Coalesce, invoer 2 \(values\): hier verbinden kan niet: /,
    moved: /^Voorletters naar rechts verplaatst; positie x -?\d+, y -?\d+\./,
    held: /^Voorletters is buiten beeld\. Een pijltjestoets gaat ervandaan verder/,
    keysConnect: /Verbinden: begin een verbinding bij de knoop met de focus/,
  },
  en: {
    locale: 'en-GB',
    keys: 'Keys',
    keysText: /Along the lane: from the attribute through its functions to the Plek field/,
    parked: /Enter or an arrow key: back to the nodes/,
    edge: /^Roepnaam → Coalesce, input 1/,
    roles: { source: 'attribute', target: 'Plek field', edge: 'connection' },
    givenName: 'Given name',
    filter: 'Filter functions',
    middleName: 'Middle name / prefix',
    noStart: /^Cannot connect from .+: a Plek field is an end point/,
    start: /^Connecting from Voorletters\. Arrow keys: /,
    cannot: /^Voorletters → Given name: cannot connect here: this input already has an edge/,
    refused: /^Not connected: .+Choose another node, or Esc to cancel\./,
    can: /^Voorletters → Middle name \/ prefix\. Enter connects\./,
    done: /^Connected: Voorletters → Middle name \/ prefix\./,
    cancelled: /^Connecting cancelled\./,
    spare: /^Voorletters → Coalesce, input 3 \(values\)\. Enter connects\./,
    taken: /^Voorletters → Coalesce, input 1 \(values\): cannot connect here: this input already has an edge/,
    second: /^Voorletters → Coalesce, input 2 \(values\): cannot connect here: /,
    moved: /^Voorletters moved right; position x -?\d+, y -?\d+\./,
    held: /^Voorletters is out of view\. An arrow key goes on from it/,
    keysConnect: /Connect: start a connection from the node in focus/,
  },
} as const;

interface Focus {
  tag: string;
  node: string | null;
  edge: string | null;
  label: string;
  text: string;
  inNode: string | null;
  entry: boolean;
  palette: boolean;
  outline: string;
  role: string;
}

async function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const node = el?.classList.contains('react-flow__node') ? el.getAttribute('data-id') : null;
    const edge = el?.classList.contains('react-flow__edge') ? el.getAttribute('data-id') : null;
    return {
      tag: el?.tagName ?? '',
      node,
      edge,
      label: el?.getAttribute('aria-label') ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 60),
      inNode: el?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
      entry: el?.dataset.testid === 'graph-entry',
      palette: !!el?.closest('.ge-palette'),
      outline: el ? getComputedStyle(el).outlineStyle : '',
      role: el?.getAttribute('aria-roledescription') ?? '',
    };
  });
}

/** What the graph's aria-live region says now (the screen reader's words). */
async function spoken(page: Page): Promise<string> {
  const live = page.getByTestId('graph-announcer');
  expect(await live.getAttribute('role')).toBe('status');
  return ((await live.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

/** Presses `key` until the focus is on node `id` (at most `max` times); the node the focus ended on. */
async function pressUntil(page: Page, key: string, id: string, max = 30): Promise<string | null> {
  let at = (await focused(page)).node;
  for (let i = 0; i < max && at !== id; i++) at = (await press(page, key)).node;
  return at;
}

async function press(page: Page, key: string, times = 1): Promise<Focus> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await page.waitForTimeout(60);
  return focused(page);
}

describe.skipIf(skip !== null).each(['nl', 'en'] as const)(
  'the mapping graph by keyboard only (%s)',
  (lang) => {
    const words = WORDS[lang];
    let app: RunningApp;
    let page: Page;

    beforeAll(async () => {
      app = await startApp({
        locale: words.locale,
        viewport: { width: 1366, height: 768 },
        today: DEMO_TODAY,
      });
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

    it('Tab reaches the graph as one stop, past one stop for the whole palette, and lands on the first attribute', async () => {
      await page.locator('#mapping-heading').click();
      const stops: Focus[] = [];
      for (let i = 0; i < 25; i++) {
        const f = await press(page, 'Tab');
        stops.push(f);
        if (f.node) break;
      }
      const last = stops[stops.length - 1]!;
      expect(last.node, stops.map((s) => s.label || s.text || s.tag).join(' | ')).toBe('src:Roepnaam');
      // The 55 palette buttons are one stop (plus the filter), and no edge is a stop on the way.
      expect(stops.filter((s) => s.palette && s.tag === 'BUTTON')).toHaveLength(1);
      expect(stops.filter((s) => s.edge)).toEqual([]);
      expect(stops.length).toBeLessThanOrEqual(16);
      expect(last.outline).toBe('solid');
      // A screen reader hears the node's name and kind in the app's language.
      expect([last.label, last.role]).toEqual(['Roepnaam', words.roles.source]);
    });

    it('the arrow keys follow the lane from the attribute to its Plek field, and go between lanes', async () => {
      expect((await focused(page)).node).toBe('src:Roepnaam');
      expect((await press(page, 'ArrowRight')).node).toBe('expr:name.givenName@r.0');
      expect((await press(page, 'ArrowRight')).node).toBe('expr:name.givenName@r');
      const field = await press(page, 'ArrowRight');
      expect(field.node).toBe('field:name.givenName');
      expect(field.outline).toBe('solid');
      expect([field.label, field.role]).toEqual([words.givenName, words.roles.target]);
      expect((await press(page, 'ArrowDown')).node).toBe('field:name.familyName');
      expect((await press(page, 'ArrowUp')).node).toBe('field:name.givenName');
      expect((await press(page, 'Home')).node).toBe('src:Roepnaam');
      expect((await press(page, 'End')).node).toBe('field:name.givenName');
      // The focused node is the selected one, so the toolbar's Focus works on it.
      expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe(
        'field:name.givenName',
      );
    });

    it('E visits the edges of the focused node, with a readable label and the focus ring; Esc goes back', async () => {
      await press(page, 'Home');
      const first = await press(page, 'e');
      expect(first.edge).not.toBeNull();
      expect(first.label).toMatch(words.edge);
      expect(first.role).toBe(words.roles.edge);
      const ring = await page.evaluate(() => {
        const path = document.activeElement?.querySelector('.react-flow__edge-path');
        return path ? parseFloat(getComputedStyle(path).strokeWidth) : 0;
      });
      expect(ring).toBeGreaterThanOrEqual(4);
      const second = await press(page, 'e');
      expect(second.edge).not.toBeNull();
      expect(second.edge).not.toBe(first.edge);
      // Roepnaam feeds the given name and the display name: two edges, then round again.
      expect((await press(page, 'e')).edge).toBe(first.edge);
      expect((await press(page, 'Escape')).node).toBe('src:Roepnaam');
      // Enter on an edge goes to its other end.
      await press(page, 'e');
      expect((await press(page, 'Enter')).node).toBe('expr:name.givenName@r.0');
    });

    it('Enter edits a function’s typed value; Enter writes it, Esc goes back to the node', async () => {
      // The family name: Join(" ", …); its separator is typed on the node.
      await press(page, 'End');
      await press(page, 'ArrowDown');
      const join = await press(page, 'ArrowLeft');
      expect(join.node).toBe('expr:name.familyName@r');
      const input = await press(page, 'Enter');
      expect(input.tag).toBe('INPUT');
      expect(input.inNode).toBe('expr:name.familyName@r');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('-');
      await page.keyboard.press('Enter');
      // The typed separator is written into the family name's expression (the field's tooltip shows it).
      const title = () =>
        page.locator('.react-flow__node[data-id="field:name.familyName"] .gn').getAttribute('title');
      await expect.poll(title).toMatch(/^name\.familyName = Join\("-", /);
      const back = await press(page, 'Escape');
      expect(back.node).toBe('expr:name.familyName@r');
      // Undo the separator, so the next test sees the demo's mapping.
      await page.keyboard.press('Control+z');
      await expect.poll(title).toMatch(/^name\.familyName = Join\(" ", /);
    });

    it('Enter on a Plek field opens it as text; Ctrl+Enter applies, Esc returns to the field in the graph', async () => {
      const field = await press(page, 'End');
      expect(field.node).toBe('field:name.familyName');
      const text = await press(page, 'Enter');
      expect(text.tag).toBe('TEXTAREA');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('Trim([Achternaam])');
      await page.keyboard.press('Control+Enter');
      // The graph follows: the field's chain is now Achternaam → Trim → field.
      await expect
        .poll(() =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll('.react-flow__edge'))
              .map((e) => e.getAttribute('aria-label'))
              .filter((l) => l?.endsWith(' → Achternaam') || l?.endsWith(' → Family name')),
          ),
        )
        .toEqual(['Trim → ' + (lang === 'nl' ? 'Achternaam' : 'Family name')]);
      const back = await press(page, 'Escape');
      expect(back.node).toBe('field:name.familyName');
      expect(await page.locator('.ge-field-editor').count()).toBe(0);
      expect((await press(page, 'ArrowLeft')).node).toBe('expr:name.familyName@r');
      expect((await press(page, 'ArrowLeft')).node).toBe('src:Achternaam');
    });

    it('Esc leaves the nodes; Tab then goes on past the graph, not through its nodes and edges', async () => {
      const parked = await press(page, 'Escape');
      expect(parked.entry).toBe(true);
      expect(await page.locator('.ge-graph-entry-hint').textContent()).toMatch(words.parked);
      const after = await press(page, 'Tab');
      expect(after.node).toBeNull();
      expect(after.edge).toBeNull();
      expect(after.entry).toBe(false);
      // Back in with Shift+Tab: the graph's one stop, onto the node the keyboard was on.
      const again = await press(page, 'Shift+Tab');
      expect(again.node).toBe('src:Achternaam');
      // Shift+Tab from a node leaves the graph backwards (into the palette), it does not loop back in.
      const before = await press(page, 'Shift+Tab');
      expect(before.node).toBeNull();
      expect(before.palette).toBe(true);
    });

    it('Enter on an attribute shows its field’s chain alone; the arrows stay in it; Esc shows everything again', async () => {
      await page.getByTestId('graph-entry').focus();
      await page.waitForTimeout(60);
      const start = await press(page, 'Home');
      expect(start.node).toBe('src:Achternaam');
      await press(page, 'Enter');
      await page.getByTestId('focus-bar').waitFor();
      await page.waitForTimeout(300);
      // Achternaam → Trim → Achternaam (the family name, as text mode left it).
      expect(await page.locator('.react-flow__node').count()).toBe(3);
      expect((await press(page, 'ArrowDown')).node).toBe('src:Achternaam');
      expect((await press(page, 'End')).node).toBe('field:name.familyName');
      await press(page, 'Escape');
      await expect.poll(() => page.getByTestId('focus-bar').count()).toBe(0);
      await expect.poll(async () => (await focused(page)).node).toBe('field:name.familyName');
      expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(3);
    });

    it('the palette is one stop: the arrow keys choose, Enter adds, and the new node has the focus', async () => {
      const filter = page.getByRole('textbox', { name: words.filter });
      await filter.focus();
      const firstButton = await press(page, 'ArrowDown');
      expect(firstButton.palette).toBe(true);
      expect(firstButton.tag).toBe('BUTTON');
      expect(firstButton.text).toBe('&');
      const next = await press(page, 'ArrowDown');
      expect(next.text).toBe('=');
      const last = await press(page, 'End');
      const ids = await page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      const before = ids.length;
      await page.keyboard.press('Enter');
      // The new node takes the focus once it is drawn and measured.
      await expect.poll(async () => (await focused(page)).node, { timeout: 5000 }).not.toBeNull();
      const added = await focused(page);
      expect(added.node, `added ${last.text}`).not.toBeNull();
      expect(ids).not.toContain(added.node);
      expect(await page.locator('.react-flow__node').count()).toBe(before + 1);
      // Delete removes the new function again; the focus stays in the graph, on a neighbour.
      const gone = await press(page, 'Delete');
      expect(await page.locator(`.react-flow__node[data-id="${added.node}"]`).count()).toBe(0);
      expect(gone.node ?? (gone.entry ? 'entry' : null)).not.toBeNull();
      // Added again and undone with Ctrl+Z: the focused node goes, and the focus rests on the graph, not the page.
      const filter2 = page.getByRole('textbox', { name: words.filter });
      await filter2.focus();
      await press(page, 'ArrowDown');
      await press(page, 'End');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page)).node, { timeout: 5000 }).not.toBeNull();
      const count = await page.locator('.react-flow__node').count();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count - 1);
      await expect.poll(async () => (await focused(page)).entry).toBe(true);
    });

    it('shows the keys in the app’s language (? in the graph, or the Keys button)', async () => {
      // The focus rests on the graph (after the undo above): Enter goes back in, onto a node.
      expect((await focused(page)).entry).toBe(true);
      await press(page, 'Enter');
      expect((await focused(page)).node).not.toBeNull();
      await press(page, '?');
      const help = page.getByTestId('graph-keys');
      expect(await help.getAttribute('open')).not.toBeNull();
      expect(await help.locator('summary').textContent()).toBe(words.keys);
      expect(await help.textContent()).toMatch(words.keysText);
      // axe-core with the keys shown and the focus resting on the graph (Esc): nothing serious or critical.
      const parked = await press(page, 'Escape');
      expect(parked.entry).toBe(true);
      const result = await new AxeBuilder({ page }).include('.ge').exclude('.react-flow__minimap').analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
      await press(page, 'Enter');
      await press(page, '?');
      expect(await help.getAttribute('open')).toBeNull();
      expect(app.errors).toEqual([]);
    });

    it('C connects by keyboard: a source attribute wired to a Plek field, each step spoken, a refusal with its reason; the preview shows the value', async () => {
      await page.getByTestId('graph-entry').focus();
      await page.waitForTimeout(60);
      expect(await pressUntil(page, 'End', 'field:name.givenName', 3)).not.toBeNull();
      expect(await pressUntil(page, 'ArrowDown', 'field:userName')).toBe('field:userName');
      // A Plek field has no output: C says why and starts nothing.
      await press(page, 'c');
      expect(await spoken(page)).toMatch(words.noStart);
      expect(await page.getByTestId('connect-bar').count()).toBe(0);
      // The unused attribute beside it: Voorletters.
      expect((await press(page, 'ArrowLeft')).node).toBe('src:Voorletters');
      const fromInitials = page.locator('.react-flow__edge[aria-label^="Voorletters → "]');
      await press(page, 'c');
      expect(await spoken(page)).toMatch(words.start);
      expect(await page.getByTestId('connect-bar').textContent()).toMatch(words.start);
      expect(await page.locator('.react-flow__node.is-connect-from').getAttribute('data-id')).toBe(
        'src:Voorletters',
      );
      // axe-core with the connect bar shown, in both themes: nothing serious or critical.
      for (const theme of ['dark', 'light'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const result = await new AxeBuilder({ page })
          .include('.ge')
          .exclude('.react-flow__minimap')
          .analyze();
        const serious = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        expect(serious).toEqual([]);
      }
      expect((await focused(page)).node).toBe('src:Voorletters');
      // To the given name, which already has its input wired: said before Enter, and refused on Enter.
      await press(page, 'ArrowRight');
      expect(await pressUntil(page, 'ArrowUp', 'field:name.givenName')).toBe('field:name.givenName');
      expect(await spoken(page)).toMatch(words.cannot);
      await press(page, 'Enter');
      expect(await spoken(page)).toMatch(words.refused);
      expect(await fromInitials.count()).toBe(0);
      expect(await page.getByTestId('connect-bar').count()).toBe(1);
      // On down the field column to the middle name (Tussenvoegsel), free: Enter connects.
      expect(await pressUntil(page, 'ArrowDown', 'field:name.middleName')).toBe('field:name.middleName');
      expect(await spoken(page)).toMatch(words.can);
      await page.screenshot({ path: `out/screenshots/kb-connect-${lang}.png` }).catch(() => undefined);
      const done = await press(page, 'Enter');
      expect(await spoken(page)).toMatch(words.done);
      expect(done.node).toBe('field:name.middleName');
      expect(await page.getByTestId('connect-bar').count()).toBe(0);
      await expect.poll(() => fromInitials.count()).toBe(1);
      expect(await fromInitials.getAttribute('aria-label')).toBe(`Voorletters → ${words.middleName}`);
      // The preview gains the middle name's column, with Petra Meijer's initials from the demo export.
      const header = page.locator('.gp-head [data-field="name.middleName"]');
      await expect.poll(() => header.count()).toBe(1);
      expect(await header.textContent()).toBe(words.middleName);
      const first = page.locator('.gp-row[data-row="2"] [data-field="name.middleName"]');
      await expect.poll(() => first.textContent()).toBe('P.');
      // The mapping is written: the field's tooltip shows its expression.
      expect(
        await page.locator('.react-flow__node[data-id="field:name.middleName"] .gn').getAttribute('title'),
      ).toMatch(/^name\.middleName = \[Voorletters\]/);
    });

    it('Esc cancels a keyboard connection and goes back to where it started; Shift+arrow moves a node and says so', async () => {
      expect((await press(page, 'ArrowLeft')).node).toBe('src:Voorletters');
      await press(page, 'c');
      // To the given name's Coalesce (two wired inputs and a spare): Enter would take the spare input; I goes
      // round its inputs, each said with why it cannot take the edge; Shift+I goes back.
      await press(page, 'ArrowRight');
      expect(await pressUntil(page, 'ArrowUp', 'field:name.givenName')).toBe('field:name.givenName');
      await press(page, 'ArrowLeft');
      expect((await press(page, 'ArrowLeft')).node).toBe('expr:name.givenName@r.0');
      expect(await spoken(page)).toMatch(words.spare);
      await press(page, 'i');
      expect(await spoken(page)).toMatch(words.taken);
      await press(page, 'i');
      expect(await spoken(page)).toMatch(words.second);
      await press(page, 'Shift+I');
      expect(await spoken(page)).toMatch(words.taken);
      await press(page, 'Shift+I');
      expect(await spoken(page)).toMatch(words.spare);
      const back = await press(page, 'Escape');
      expect(await spoken(page)).toMatch(words.cancelled);
      expect(back.node).toBe('src:Voorletters');
      expect(await page.getByTestId('connect-bar').count()).toBe(0);
      const x = () =>
        page
          .locator('.react-flow__node[data-id="src:Voorletters"]')
          .evaluate((el) => el.getBoundingClientRect().x);
      const before = await x();
      await press(page, 'Shift+ArrowRight');
      expect(await spoken(page)).toMatch(words.moved);
      expect(await x()).toBeGreaterThan(before);
      // The keys panel names the connect key.
      expect(await page.getByTestId('graph-keys').textContent()).toMatch(words.keysConnect);
      await page.keyboard.press('Control+z');
      await expect.poll(x).toBeCloseTo(before, 0);
    });

    it('keeps the roving focus when the mouse pans the focused node out of view: the next arrow key goes on from it', async () => {
      await page.getByTestId('graph-entry').focus();
      await page.waitForTimeout(60);
      expect((await focused(page)).node).toBe('src:Voorletters');
      // Drag the canvas's background down by its height: Voorletters leaves the view.
      const pane = (await page.locator('.react-flow').boundingBox())!;
      const spot = await page.evaluate(() => {
        const r = document.querySelector('.react-flow')!.getBoundingClientRect();
        for (let y = r.top + 20; y < r.bottom - 20; y += 17)
          for (let x = r.left + 20; x < r.right - 20; x += 23)
            if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        return null;
      });
      expect(spot).not.toBeNull();
      await page.mouse.move(spot!.x, spot!.y);
      await page.mouse.down();
      await page.mouse.move(spot!.x, spot!.y + pane.height, { steps: 5 });
      await page.mouse.up();
      await page.waitForTimeout(200);
      expect(await page.locator('.react-flow__node[data-id="src:Voorletters"]').count()).toBe(0);
      // The focus rests on the graph's one tab stop, not on the page, and says where the keyboard is.
      const held = await focused(page);
      expect(held.entry).toBe(true);
      expect(await page.getByTestId('graph-held').textContent()).toMatch(words.held);
      expect(await spoken(page)).toMatch(words.held);
      expect(await page.getByTestId('graph-entry').getAttribute('tabindex')).toBe('0');
      // → goes on from Voorletters along its new edge to the middle name, panned into view.
      const next = await press(page, 'ArrowRight');
      expect(next.node).toBe('field:name.middleName');
      const box = (await page.locator('.react-flow__node[data-id="field:name.middleName"]').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
      expect((await press(page, 'ArrowLeft')).node).toBe('src:Voorletters');
      // Zoomed in with the mouse wheel far from the node (no click): the node leaves the view, the focus stays.
      const voorletters = (await page.locator('.react-flow__node[data-id="src:Voorletters"]').boundingBox())!;
      await page.mouse.move(
        pane.x + pane.width - 10,
        voorletters.y < pane.y + pane.height / 2 ? pane.y + pane.height - 10 : pane.y + 10,
      );
      for (let i = 0; i < 8; i++) {
        await page.mouse.wheel(0, -300);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(200);
      expect(await page.locator('.react-flow__node[data-id="src:Voorletters"]').count()).toBe(0);
      expect((await focused(page)).entry).toBe(true);
      expect(await spoken(page)).toMatch(words.held);
      expect((await press(page, 'Enter')).node).toBe('src:Voorletters');
      // A click on the canvas's background, the node still in view: the focus rests on the graph (no "out of
      // view" hint), and → goes on from Voorletters.
      const empty = await page.evaluate(() => {
        const r = document.querySelector('.react-flow')!.getBoundingClientRect();
        for (let y = r.top + 20; y < r.bottom - 20; y += 17)
          for (let x = r.left + 20; x < r.right - 20; x += 23)
            if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        return null;
      });
      await page.mouse.click(empty!.x, empty!.y);
      await page.waitForTimeout(100);
      expect((await focused(page)).entry).toBe(true);
      expect(await page.locator('.react-flow__node[data-id="src:Voorletters"]').count()).toBe(1);
      expect(await page.getByTestId('graph-held').count()).toBe(0);
      expect((await press(page, 'ArrowRight')).node).toBe('field:name.middleName');
      expect((await press(page, 'ArrowLeft')).node).toBe('src:Voorletters');
      // axe-core on the graph after connecting and moving by keyboard: nothing serious or critical.
      const result = await new AxeBuilder({ page }).include('.ge').exclude('.react-flow__minimap').analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
      expect(app.errors).toEqual([]);
    });
  },
);
