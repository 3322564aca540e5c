import type { Locator, Page } from 'playwright-core';

/** Words of the other language that a screen in this one must not show (whole words, any case). */
export const FOREIGN_WORDS = {
  /** English a Dutch screen must not show. */
  nl: /\b(?:the|and|row|rows|errors?|warnings?|failed|operations?|inactive|not created|already|empty|must|skipped|finished|because|missing|invalid|unknown|source|users?)\b/gi,
  /** Dutch an English screen must not show. */
  en: /\b(?:het|een|rij|rijen|fouten?|waarschuwingen?|mislukt|bewerkingen?|niet|leeg|overgeslagen|voltooid|omdat|ontbreekt|ongeldig|onbekend|bron|gebruikers?)\b/gi,
} as const;

/** Goes to a workbench step through the stepper. */
export async function step(page: Page, name: string): Promise<void> {
  await page.locator(`.stepper [data-step="${name}"]`).click();
}

/** The text of an element without what is data rather than language (codes, keys, expressions, source values). */
async function textOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const el of Array.from(
      copy.querySelectorAll('code, .mono, pre.log, input, select, textarea, [translate="no"]'),
    ))
      el.remove();
    return copy.innerText;
  });
}

/**
 * What a server said in its own words inside the run report's text: `(HTTP 409: userName "…" is already in use)`
 * and a network error `(POST /Users: ETIMEDOUT)`. They are Plek's words, shown beside ours, not our language.
 */
const SERVER_DETAIL = /\((?:HTTP \d{3}\b|(?:GET|POST|PUT|PATCH|DELETE) \/)[^()]*(?:\([^()]*\)[^()]*)*\)/g;

/**
 * Walks Start, Source, Validate (every issue group opened), Rules, Plan (also filtered to its conflicts, skipped rows
 * and lines with a warning, whose reasons and warnings the table shows) and Run (the failures, the warnings about Plek and the report text) and returns
 * each place where a word of the other language shows, with some text around it. Codes, keys, expressions,
 * source values and a server's own words are data, not language, and are left out. The Mapping step has its own
 * walk, `foreignWordsOnMapping`.
 */
export async function foreignWordsOnSteps(page: Page, lang: keyof typeof FOREIGN_WORDS): Promise<string[]> {
  const hits: string[] = [];
  for (const name of ['start', 'source', 'validate', 'rules', 'plan', 'run']) {
    await step(page, name);
    await page.locator('main h1').first().waitFor();
    if (name === 'validate') {
      await page.getByTestId('issue-groups').waitFor({ timeout: 30_000 });
      const closed = page.locator('.issue-group-toggle[aria-expanded="false"]');
      while ((await closed.count()) > 0) await closed.first().click();
    }
    hits.push(...foreignWordsIn(name, await textOf(page, 'main'), lang));
    const filter = page.getByTestId('plan-filter-action');
    if (name === 'plan' && (await filter.count()) > 0) {
      // The table is virtual: only the lines in view are on the page, so look at each kind of line that says why.
      for (const action of ['error', 'skip', 'warning']) {
        await filter.selectOption(action);
        hits.push(
          ...foreignWordsIn(`plan (${action})`, await textOf(page, '[data-testid="plan-table"]'), lang),
        );
      }
      await filter.selectOption('all');
    }
    const report = page.getByTestId('report-text');
    if (name === 'run' && (await report.count()) > 0) {
      // Operation ids in the log (`user:100014`) are technical, as are a server's own words.
      const text = ((await report.textContent()) ?? '')
        .replace(SERVER_DETAIL, '')
        .replace(/\b(?:user|member|group|manager|row):\S+/g, '');
      hits.push(...foreignWordsIn('run report', text, lang));
    }
  }
  return hits;
}

function foreignWordsIn(where: string, text: string, lang: keyof typeof FOREIGN_WORDS): string[] {
  return [...text.matchAll(FOREIGN_WORDS[lang])].map(
    (m) => `${where}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`,
  );
}

/**
 * The words of an element as a consultant meets them: its text, and every tooltip (`title`) and accessible name
 * (`aria-label`) inside it. Data is left out: code, expressions and paths (`code`, `.gn-path`, `.gn-example`,
 * a field node's `path = expression` tooltip), inputs and `translate="no"`.
 */
async function wordsOf(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const el of Array.from(
      copy.querySelectorAll(
        'code, .mono, pre.log, input, select, textarea, [translate="no"], .gn-example, .gn-path, .gn-source .gn-name',
      ),
    ))
      el.remove();
    const attributes: string[] = [];
    for (const el of Array.from(copy.querySelectorAll('[title], [aria-label]'))) {
      const title = el.getAttribute('title');
      // A field node's tooltip is its mapping (`title = Trim([Functie])`): data, not words.
      if (title && !(el.classList.contains('gn-target') && title.includes(' = '))) attributes.push(title);
      const label = el.getAttribute('aria-label');
      if (label) attributes.push(label);
    }
    return `${copy.innerText}\n${attributes.join('\n')}`;
  });
}

/**
 * The Mapping step: the graph editor (nodes, toolbar, side panel, legend) and the whole preview, scrolled through
 * row by row (it is virtualised), with tooltips: a skipped row's reason, a cell's failure, a column's compile
 * error, the key-stability warning. Returns each place where a word of the other language shows.
 */
export async function foreignWordsOnMapping(page: Page, lang: keyof typeof FOREIGN_WORDS): Promise<string[]> {
  await step(page, 'mapping');
  await page.getByTestId('mapping-editor').waitFor();
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  const scroller = page.getByTestId('preview-scroll');
  await scroller.locator('.gp-row[data-row]').first().waitFor({ timeout: 20_000 });
  const hits = foreignWordsIn('mapping', await wordsOf(page.locator('main')), lang);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (let previous = -1; ;) {
    await page.waitForTimeout(50);
    hits.push(...foreignWordsIn('mapping preview', await wordsOf(scroller), lang));
    const top = await scroller.evaluate((el) => {
      el.scrollTop += Math.max(1, el.clientHeight - 40);
      return el.scrollTop;
    });
    if (top === previous) break;
    previous = top;
  }
  return [...new Set(hits)];
}
