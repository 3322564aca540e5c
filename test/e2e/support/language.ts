import type { Page } from 'playwright-core';

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

/**
 * Walks Source, Validate (every issue group opened), Rules, Plan and Run and returns each place where a word of
 * the other language shows, with some text around it. Codes, keys, expressions and source values are data, not
 * language, and are left out. The Mapping step (the graph editor's own words and preview) is checked by the
 * graph's tests.
 */
export async function foreignWordsOnSteps(page: Page, lang: keyof typeof FOREIGN_WORDS): Promise<string[]> {
  const hits: string[] = [];
  for (const name of ['source', 'validate', 'rules', 'plan', 'run']) {
    await step(page, name);
    await page.locator('main h1').first().waitFor();
    if (name === 'validate') {
      await page.getByTestId('issue-groups').waitFor({ timeout: 30_000 });
      const closed = page.locator('.issue-group-toggle[aria-expanded="false"]');
      while ((await closed.count()) > 0) await closed.first().click();
    }
    const text = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      for (const el of Array.from(
        copy.querySelectorAll('code, .mono, pre.log, input, select, textarea, [translate="no"]'),
      ))
        el.remove();
      return copy.innerText;
    });
    for (const m of text.matchAll(FOREIGN_WORDS[lang]))
      hits.push(`${name}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  return hits;
}
