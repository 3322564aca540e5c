import { X509Certificate } from 'node:crypto';
import { Client } from 'ldapts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shouldSkip, startSlapd, type SlapdServer } from '../support/slapd';
import type { DirectoryUser } from '../support/directory-data';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';
import { foreignWordsOnMapping, foreignWordsOnSteps, step } from './support/language';

/**
 * A consultant's own directory, never the demo: a throw-away OpenLDAP seeded with generated Dutch people
 * (umlauts, tussenvoegsels in sn) and planted problems — a leaver (employeeType "Uit dienst"), two people sharing
 * one mail address, an invalid address and a person without a given name — goes through Start (new project from
 * a directory, certificate checked and trusted) → the proposed key accepted → Mapping → Validate (each planted
 * problem at the person it is about) → Rules (the leaver) → Plan → Run against the sandbox, in Dutch and English.
 */
const skip =
  e2eSkipReason() !== null ||
  shouldSkip(['slapd', 'slapadd', 'openssl'], 'new project from an OpenLDAP directory (browser)');
const TODAY = new Date('2026-11-23T10:00:00');
const PEOPLE = 40;
/** Who carries which planted problem (indexes into the generated people). */
const PLANTED = { leaver: 12, mailOwner: 20, mailCopy: 21, invalidMail: 33, noGivenName: 30 } as const;

const WORDS = {
  nl: {
    locale: 'nl-NL',
    recommended: 'Aanbevolen',
    duplicate: /wordt ook gebruikt in rij \d+/,
    notThisLanguage: /also used in|is not a valid|is empty|\brow \d+:/,
    rows: /in 40 rijen/,
    errorRows: '4 rijen met fouten worden niet gesynchroniseerd',
    leaverReason: /gedeactiveerd omdat \[employeeType\]/,
    finished: /Run voltooid/,
    testConnection: 'Verbinding testen',
    connected: /^Verbonden en aangemeld; 40 items gevonden onder de basis-DN\.$/,
    mayChange:
      /^\w+ (?:kan veranderen|verandert|wordt met de persoon hernoemd) .*objectGUID verandert nooit\.$/,
  },
  en: {
    locale: 'en-GB',
    recommended: 'Recommended',
    duplicate: /is also used in row \d+/,
    notThisLanguage: /ook gebruikt in|is geen geldig|is leeg|\brij \d+:/,
    rows: /in 40 rows/,
    errorRows: '4 rows with errors are not synchronised',
    leaverReason: /deactivated because \[employeeType\]/,
    finished: /Run finished/,
    testConnection: 'Test connection',
    connected: /^Connected and signed in; 40 entries found under the base DN\.$/,
    mayChange: /^\w+ (?:can change|changes|is renamed) .*objectGUID never changes\.$/,
  },
} as const;

/** The mapping keys the Validate step lists for an issue code (opening the group first). */
async function keysOf(page: Page, code: string): Promise<string[]> {
  const group = page.locator(`.issue-group[data-code="${code}"]`);
  await group.waitFor({ timeout: 20_000 });
  const toggle = group.locator('.issue-group-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return group.locator('tbody tr td.mono').allTextContents();
}

/** Plants the problems online (as the directory's administrator) and returns each person's entryUUID. */
async function plant(server: SlapdServer): Promise<Map<number, string>> {
  const client = new Client({ url: server.url, timeout: 20_000 });
  const { Attribute, Change } = await import('ldapts');
  const replace = (type: string, values: string[]) =>
    new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
  try {
    await client.bind(server.adminDn, server.adminPassword);
    for (const u of server.users) {
      const type = u.index === PLANTED.leaver ? 'Uit dienst' : u.index % 5 === 0 ? 'Tijdelijk' : 'Vast';
      await client.modify(server.userDns[u.index] as string, [replace('employeeType', [type])]);
    }
    const owner = server.users[PLANTED.mailOwner] as DirectoryUser;
    await client.modify(server.userDns[PLANTED.mailCopy] as string, [replace('mail', [owner.mail])]);
    const broken = (server.users[PLANTED.invalidMail] as DirectoryUser).mail.replace('@', '@@');
    await client.modify(server.userDns[PLANTED.invalidMail] as string, [replace('mail', [broken])]);
    await client.modify(server.userDns[PLANTED.noGivenName] as string, [
      new Change({ operation: 'delete', modification: new Attribute({ type: 'givenName', values: [] }) }),
    ]);
    const uuids = new Map<number, string>();
    const { searchEntries } = await client.search(server.peopleDn, {
      filter: '(objectClass=inetOrgPerson)',
      attributes: ['uid', 'entryUUID'],
    });
    for (const e of searchEntries) {
      const index = server.users.findIndex((u) => u.login === e.uid);
      if (index >= 0) uuids.set(index, String(e.entryUUID));
    }
    return uuids;
  } finally {
    await client.unbind();
  }
}

describe.skipIf(skip).each(['nl', 'en'] as const)('a new project from an OpenLDAP directory (%s)', (lang) => {
  const words = WORDS[lang];
  let server: SlapdServer;
  let uuids: Map<number, string>;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    server = await startSlapd({ users: PEOPLE, photoEvery: 10 });
    uuids = await plant(server);
    app = await startApp({ locale: words.locale, service: { now: () => TODAY }, scrollbars: true });
    page = app.page;
    await page.clock.setFixedTime(TODAY);
    await page.reload();
    await page.getByTestId('directory-start').waitFor();
  });

  afterAll(async () => {
    await app?.stop();
    await server?.stop();
  });

  it('shows the unknown certificate before connecting, and starts the project once it is trusted', async () => {
    const card = page.getByTestId('directory-start');
    await card.getByTestId('directory-url').fill(server.ldapsUrl);
    await card.getByTestId('directory-flavor').selectOption('openldap');
    await card.getByTestId('directory-bind-dn').fill(server.readerDn);
    await card.getByTestId('directory-password').fill(server.readerPassword);
    await card.getByTestId('directory-base-dn').fill(server.peopleDn);
    await card.getByTestId('directory-connect').click();
    const cert = card.getByTestId('directory-certificate');
    await cert.waitFor({ timeout: 15_000 });
    expect(await cert.textContent()).toContain(new X509Certificate(server.certPem).fingerprint256);
    await cert.getByTestId('directory-trust').click();
    await page.getByTestId('attribute-table').waitFor({ timeout: 30_000 });
    const attributes = await page.locator('[data-testid="attribute-table"] tbody th').allTextContents();
    expect(attributes.join(' ')).toMatch(/entryUUID/);
    expect(await page.getByTestId('source-rows').textContent()).toMatch(/^40 /);
    expect(await page.getByTestId('error-message').count()).toBe(0);
  });

  it('proposes entryUUID as the mapping key, with the reason, and ticks the checklist', async () => {
    const picker = page.getByTestId('key-picker');
    await picker.waitFor({ timeout: 20_000 });
    await expect.poll(() => picker.locator('input[type="radio"]:checked').inputValue()).toBe('entryUUID');
    expect(await picker.locator('.key-option.selected').textContent()).toContain(words.recommended);
    await picker.locator('input[value="entryUUID"]').check();
    const checklist = page.getByTestId('project-setup').getByTestId('sync-checklist');
    await expect.poll(() => checklist.locator('li[data-ok="true"]').count()).toBe(4);
  });

  it('opens the proposed mapping with the tussenvoegsels and umlauts intact', async () => {
    await step(page, 'mapping');
    await page.getByTestId('mapping-editor').waitFor();
    await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
    const familyNames = page.locator('.gp-cell[data-field="name.familyName"]');
    await familyNames.first().waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await familyNames.allTextContents()).some((n) => /^(?:van|de|ter|den)\b/.test(n)))
      .toBe(true);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/Too small|expected string/);
    expect(body).toMatch(/[äëïöüçÖÇ]/);
  });

  it('lists each planted problem at the person it is about, worded in the interface language', async () => {
    await step(page, 'validate');
    await page.getByTestId('issue-groups').waitFor({ timeout: 30_000 });
    const key = (i: number) => uuids.get(i) as string;
    expect(await keysOf(page, 'duplicate-email')).toEqual(expect.arrayContaining([key(PLANTED.mailCopy)]));
    expect(await keysOf(page, 'invalid-email')).toContain(key(PLANTED.invalidMail));
    expect(await keysOf(page, 'missing-required')).toContain(key(PLANTED.noGivenName));
    // Every group's table has the same columns at the same place (they used to follow each group's content).
    const columns = await page.locator('.issue-group table thead tr').evaluateAll((rows) =>
      rows.map((r) =>
        Array.from(r.children)
          .map((c) => Math.round(c.getBoundingClientRect().width))
          .join(','),
      ),
    );
    expect(columns.length).toBeGreaterThanOrEqual(3);
    expect(new Set(columns).size, columns.join(' | ')).toBe(1);
    const text = (await page.getByTestId('issue-groups').textContent()) ?? '';
    expect(text).toMatch(words.duplicate);
    // The same people as the Source step counted, and the rows left out said in words.
    expect(await page.getByTestId('validation-summary').textContent()).toMatch(words.rows);
    expect(await page.getByTestId('validation-error-rows').textContent()).toContain(words.errorRows);
    expect(text).not.toMatch(words.notThisLanguage);
  });

  it('shows the leaver in the deactivation preview', async () => {
    await step(page, 'rules');
    const preview = page.getByTestId('deactivation-preview');
    await expect
      .poll(
        async () => Number(/(\d+)/.exec((await preview.locator('.badge').first().textContent()) ?? '')?.[1]),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    const leaver = server.users[PLANTED.leaver] as DirectoryUser;
    const row = page.locator('tr', { hasText: leaver.sn });
    // Who, and why, in the interface language.
    expect(await row.first().textContent()).toMatch(words.leaverReason);
  });

  it('plans against the sandbox and runs it to the end', async () => {
    await step(page, 'plan');
    await page.getByTestId('compute-plan').click();
    await page.getByTestId('plan-counts').waitFor({ timeout: 30_000 });
    const create = Number(await page.locator('.count-tile[data-action="create"] strong').textContent());
    // Everybody but the leaver and the four people with errors; the screen says why they are left out.
    expect(create).toBe(PEOPLE - 5);
    const reconcile = page.getByTestId('plan-reconcile');
    expect(await reconcile.locator('[data-part="errorRows"]').textContent()).toContain(words.errorRows);
    expect(await reconcile.locator('[data-part="otherSkipped"]').textContent()).toMatch(/^1 /);
    // The table's header columns line up with its cells (the header used to be as wide as the scrollbar more).
    const table = page.getByTestId('plan-table');
    const heads = await table
      .locator('[role="columnheader"]')
      .evaluateAll((els) =>
        els.map((e) => [e.getBoundingClientRect().left, e.getBoundingClientRect().width]),
      );
    const cells = await table
      .locator('.vtable-row')
      .first()
      .locator('[role="cell"]')
      .evaluateAll((els) =>
        els.map((e) => [e.getBoundingClientRect().left, e.getBoundingClientRect().width]),
      );
    expect(cells).toHaveLength(heads.length);
    for (const [i, [left, width]] of heads.entries()) {
      expect(Math.abs(left! - cells[i]![0]!), `column ${i} starts where its header does`).toBeLessThan(1);
      expect(Math.abs(width! - cells[i]![1]!), `column ${i} is as wide as its header`).toBeLessThan(1);
    }
    if (await page.getByTestId('allow-override').count()) await page.getByTestId('allow-override').check();
    await step(page, 'run');
    await page.getByTestId('apply').click();
    await page.getByTestId('run-report').waitFor({ timeout: 60_000 });
    const progress = page.getByTestId('run-progress');
    await expect.poll(() => progress.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('completed');
    expect(await progress.textContent()).toMatch(words.finished);
    const ok = Number(await page.locator('.count-tile[data-result="ok"] strong').textContent());
    expect(ok).toBeGreaterThanOrEqual(create);
    expect(await page.locator('.count-tile[data-result="failed"]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('tests the connection from the Source step and says what it found in the interface language', async () => {
    await step(page, 'source');
    await page.getByRole('button', { name: words.testConnection, exact: true }).click();
    const badge = page.getByTestId('connection-test');
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.textContent()).toMatch(words.connected);
    expect(await badge.getAttribute('class')).toContain('badge-ok');
  });

  it('speaks only the interface language on every step (technical codes and source values aside)', async () => {
    expect(await foreignWordsOnSteps(page, lang)).toEqual([]);
  });

  it('speaks only the interface language on the Mapping step, also about a mapping key that can change', async () => {
    expect(await foreignWordsOnMapping(page, lang)).toEqual([]);
    // With a key that can change (employeeNumber, mail, cn…), the preview warns why, in this language.
    await step(page, 'source');
    const picker = page.getByTestId('key-picker');
    const offered = await picker
      .locator('input[type="radio"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const changing = offered.find((a) =>
      ['employeeNumber', 'mail', 'cn', 'uid', 'userPrincipalName', 'employeeID'].includes(a),
    );
    expect(changing, offered.join(', ')).toBeDefined();
    await picker.locator(`input[value="${changing}"]`).check();
    await step(page, 'mapping');
    const warning = page.locator('.gp-summary .gp-warn');
    await warning.waitFor({ timeout: 20_000 });
    expect(await warning.getAttribute('title')).toMatch(words.mayChange);
    expect(await foreignWordsOnMapping(page, lang)).toEqual([]);
    await step(page, 'source');
    await picker.locator('input[value="entryUUID"]').check();
    expect(app.errors).toEqual([]);
  });
});
