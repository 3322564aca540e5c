import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHrExport } from '../fixtures/hr-export';
import { shouldSkip, startSlapd, type SlapdServer } from '../support/slapd';
import { e2eSkipReason, FAR_TODAY, ROOT, startApp, type RunningApp } from './support/app';

/**
 * The consultant's walk through the workbench in browser mode, with the real services behind the bridge:
 * demo → source → mapping → validate → rules → plan → apply to the sandbox → report; then a CSV with bad
 * rows. Screenshots at 1366×768 go to docs/screenshots for the README.
 */
const skip = e2eSkipReason();
// The README's pictures are refreshed on request (UPDATE_SCREENSHOTS=1 npm run test:unit), so that an ordinary
// test run leaves the work tree clean; otherwise the screenshots go to out/screenshots for a look.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : join(ROOT, 'out', 'screenshots');
/**
 * Far from the day the demo is written for (resources/demo/README.md): the workbench moves the demo's dates to
 * the day it is opened, so the walk-through sees the same leavers and counts as on that day.
 */
const TODAY = new Date(`${FAR_TODAY}T10:00:00`);

async function shot(page: Page, name: string): Promise<void> {
  // Let fonts, transitions and the last preview settle so the README picture is what a consultant sees.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function step(page: Page, name: string): Promise<void> {
  await page.locator(`.stepper [data-step="${name}"]`).click();
}

describe.skipIf(skip !== null)('project flow in the browser', () => {
  let app: RunningApp;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plek-flow-'));
    app = await startApp({
      dataDir,
      locale: 'nl-NL',
      service: { now: () => TODAY },
    });
    page = app.page;
    await page.clock.setFixedTime(TODAY);
    await page.reload();
    await page.waitForSelector('[data-testid="open-demo"]');
  });

  afterAll(async () => {
    await app?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts in Dutch on a Dutch system and offers the demo', async () => {
    expect(await page.locator('h1').first().textContent()).toBe('Start een provisioningproject');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    // Only the Start step is open before a project exists.
    expect(await page.locator('.stepper [data-step="plan"]').isDisabled()).toBe(true);
    await shot(page, 'start');
  });

  it('opens the demo and samples the Windows-1252 HR export', async () => {
    // Keyboard only: tab to the demo button and press Enter.
    for (let i = 0; i < 15; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'open-demo'))
        break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-demo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="attribute-table"]');
    expect(await page.getByTestId('detected-encoding').textContent()).toContain('windows-1252');
    expect(await page.getByTestId('detected-delimiter').textContent()).toContain(';');
    const attributes = await page.locator('[data-testid="attribute-table"] tbody th').allTextContents();
    expect(attributes).toEqual(expect.arrayContaining(['Personeelsnummer', 'Tussenvoegsel', 'Achternaam']));
    expect(await page.getByTestId('project-name').textContent()).toContain('Gemeente Voorbeeld');
  });

  it('shows the mapped rows in the Mapping step, tussenvoegsels and umlauts intact', async () => {
    await step(page, 'mapping');
    const familyNames = page.locator('.gp-cell[data-field="name.familyName"]');
    await familyNames.first().waitFor({ timeout: 20_000 });
    await expect
      .poll(
        async () =>
          (await familyNames.allTextContents()).some((n) => /^(?:van|de|van der|van den) \S/.test(n)),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    // For the README picture: the canvas as it opens, one lane per Plek field at a readable zoom.
    await page.waitForTimeout(600);
    await shot(page, 'mapping');
  });

  it('finds the planted defects of the demo export, grouped by code', async () => {
    await step(page, 'validate');
    const groups = page.locator('[data-testid="issue-groups"] .issue-group');
    await groups.first().waitFor({ timeout: 20_000 });
    const codes = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    // resources/demo/README.md: planted rows 22, 43, 64/85, 106/127, 147, 168, 189, 231.
    expect(codes).toEqual(
      expect.arrayContaining([
        'empty-key',
        'duplicate-key',
        'missing-required',
        'invalid-email',
        'duplicate-email',
        'invalid-date',
        'long-row',
        'encoding',
      ]),
    );
    const summary = await page.getByTestId('validation-summary').textContent();
    expect(summary).toMatch(/\d+ fout/);

    // Open the invalid e-mails and look at row 106's source values.
    await page.locator('.issue-group[data-code="invalid-email"] .issue-group-toggle').click();
    const rows = await page.locator('.issue-group[data-code="invalid-email"] .row-button').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['106', '127']));
    await page.locator('.issue-group[data-code="invalid-email"] .row-button', { hasText: '106' }).click();
    const panel = page.getByTestId('source-row');
    expect(await panel.locator('h2').textContent()).toBe('Bronregel 106');
    expect(await panel.textContent()).toContain('tim.dejong@@gemeente');
    await shot(page, 'validate');
  });

  it('exports the issue list as a CSV for the HR department', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-issues').click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\uFEFFRegel;Mapping key;Veld;Probleem;Code;Ernst;Melding\r\n')).toBe(true);
    expect(text).toMatch(/\r\n106;\d+;E-mail \(werk\);Ongeldig e-mailadres;invalid-email;fout;/);
    expect(download.suggestedFilename()).toMatch(/-problemen\.csv$/);
  });

  it('changing the deactivation rule changes the preview counts', async () => {
    await step(page, 'rules');
    const badges = page.getByTestId('deactivation-preview').locator('.badge');
    const number = async (i: number) => Number(/(\d+)/.exec((await badges.nth(i).textContent()) ?? '')?.[1]);
    // resources/demo/README.md: 8 people leave after today.
    await expect.poll(() => number(1), { timeout: 15_000 }).toBe(8);
    const deactivated = await number(0);
    expect(deactivated).toBeGreaterThan(0);
    const endDate = page.getByTestId('rule-end-date');
    const original = await endDate.inputValue();
    // Without the end-date rule nobody is "leaving later"; the status rule alone still deactivates.
    await endDate.fill('');
    await expect.poll(() => number(1), { timeout: 15_000 }).toBe(0);
    expect(await number(0)).toBeGreaterThan(0);
    await endDate.fill(original);
    await expect.poll(() => number(1), { timeout: 15_000 }).toBe(8);
    expect(await number(0)).toBe(deactivated);

    // Group rules: who lands in which group, per rule, from the same preview.
    const groups = page.getByTestId('group-preview');
    await expect
      .poll(async () => (await groups.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Zorg\s*\d+ leden/);
    const zorg = groups.getByRole('button', { name: /Zorg/ });
    const members = Number(/(\d+) leden/.exec((await zorg.textContent()) ?? '')?.[1]);
    expect(members).toBeGreaterThan(0);
    await zorg.click();
    expect(await zorg.getAttribute('aria-expanded')).toBe('true');
  });

  it('previews generated logins and their collisions', async () => {
    const card = page.getByTestId('login-schema');
    await card.getByRole('checkbox').check();
    await card.getByLabel('Domein').fill('gemeente-voorbeeld.nl');
    // Begin: first letter of the given name, "." , end: the whole family name (the defaults).
    await expect
      .poll(async () => (await card.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Voorbeeld: [a-z0-9]\.[a-z0-9._-]+@gemeente-voorbeeld\.nl/);
    const collisions = card.getByTestId('login-collisions');
    expect(await collisions.textContent()).toMatch(/Geen dubbele logins\.|\d+ dubbele logins/);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'rules');
    // Switch it off again: the plan below is made without a login schema.
    await card.getByRole('checkbox').uncheck();
    await expect.poll(() => card.getByLabel('Domein').count()).toBe(0);
  });

  it('computes the plan against the sandbox with counts, verdict and a filterable table', async () => {
    await step(page, 'plan');
    await page.getByTestId('compute-plan').click();
    await page.getByTestId('plan-counts').waitFor({ timeout: 30_000 });
    const create = await page.locator('.count-tile[data-action="create"] strong').textContent();
    expect(Number(create)).toBeGreaterThan(100);
    expect(await page.getByTestId('safety').textContent()).toMatch(
      /Veiligheidscontroles geslaagd|Tegengehouden/,
    );
    // Initial import: the seeded Plek accounts nobody in the export matches are listed for manual assignment
    // (the functional mailbox, and the inactive account that is never linked automatically).
    const manual = page.getByTestId('manual-assignment');
    await manual.locator('summary').click();
    expect(await manual.textContent()).toMatch(/handmatig toe te wijzen \(2\)/);
    expect(await manual.textContent()).toContain('beheer@gemeente-voorbeeld.nl');
    expect(await manual.textContent()).toContain('niels.dekker@gemeente-voorbeeld.nl');

    const showing = page.getByTestId('plan-showing');
    const total = Number(/van (\d+)/.exec((await showing.textContent()) ?? '')?.[1]);
    await page.getByTestId('plan-filter-action').selectOption('create');
    await expect.poll(async () => (await showing.textContent()) ?? '').toBe(`${create} van ${total} getoond`);
    await page.getByTestId('plan-filter-text').fill('zzz-niemand');
    await expect.poll(async () => (await showing.textContent()) ?? '').toBe(`0 van ${total} getoond`);
    await page.getByTestId('plan-filter-action').selectOption('all');
    // The search finds the reasons as the Dutch table words them, not the English text the plan file keeps.
    await page.getByTestId('plan-filter-text').fill('nieuw in de bron');
    await expect.poll(async () => (await showing.textContent()) ?? '').toBe(`${create} van ${total} getoond`);
    await page.getByTestId('plan-filter-text').fill('new in the source');
    await expect.poll(async () => (await showing.textContent()) ?? '').toBe(`0 van ${total} getoond`);
    await page.getByTestId('plan-filter-text').fill('');
    // Virtualized: only the rows in view are in the DOM, and scrolling to the end shows the last change.
    const rendered = page.locator('[data-testid="plan-table"] .vtable-row');
    await expect.poll(() => rendered.count()).toBeGreaterThan(5);
    expect(await rendered.count()).toBeLessThan(Math.min(total, 60));
    const scroller = page.locator('[data-testid="plan-table"] [data-testid="virtual-rows"]');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect
      .poll(() =>
        page.locator(`[data-testid="plan-table"] .vtable-row[aria-rowindex="${total + 1}"]`).count(),
      )
      .toBe(1);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'plan');
  });

  it('applies the plan to the sandbox and shows the report', async () => {
    const blocked = await page.getByTestId('allow-override').count();
    if (blocked) await page.getByTestId('allow-override').check();
    await step(page, 'run');
    await page.getByTestId('apply').click();
    const report = page.getByTestId('run-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-progress').textContent()).toContain('Run voltooid');
    // Nothing failed, but the seeded Plek account that holds Niels Dekker's login needs the consultant: its own
    // state, with the person's name and what to do, in Dutch.
    expect(await page.getByTestId('run-progress').getAttribute('data-outcome')).toBe(
      'completedWithAttention',
    );
    const clash = page.locator('[data-testid="run-failures"] tr[data-reason="uniqueness"]');
    expect(await clash.first().textContent()).toMatch(/Niels Dekker.*Plek heeft al een account/);
    // The log announces the operations the progress counts, in Dutch.
    const log = (await page.getByTestId('run-log').textContent()) ?? '';
    const announced = /([\d.]+) bewerkingen uitvoeren op/.exec(log)?.[1];
    expect(announced).toBeDefined();
    expect(log).toContain(`van ${announced} bewerkingen gedaan`);
    expect(log).not.toMatch(/operations|applying/);
    expect(await page.getByTestId('report-text').textContent()).not.toBe('');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await shot(page, 'run');
  });

  it('shows the bad rows of an uploaded CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plek-bad-csv-'));
    try {
      const gen = generateHrExport({
        rows: 2500,
        seed: 11,
        encoding: 'windows-1252',
        defects: ['short-row', 'long-row', 'encoding'],
      });
      const file = join(dir, 'afas-export-bad.csv');
      // One more bad row after the 2,000-row sample: only a check of the whole file finds it.
      await writeFile(file, Buffer.concat([gen.bytes, Buffer.from('999999;Laat;Kapot\r\n', 'latin1')]));
      const lateRow = gen.rows + 2;
      await step(page, 'start');
      await page.getByTestId('csv-upload').setInputFiles(file);
      await page.waitForSelector('[data-testid="attribute-table"]', { timeout: 20_000 });
      await step(page, 'validate');
      const groups = page.locator('[data-testid="issue-groups"] .issue-group');
      await groups.first().waitFor({ timeout: 20_000 });
      const codes = await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      // More rows than the 2,000-row sample, and no mapping yet: the main process still reads every row, so the
      // page shows the bad rows of the whole file and no "only the first rows" notice.
      expect(await page.getByText(/Hier zijn de eerste 2\.000/).count()).toBe(0);
      const planted = gen.defects.filter((d) => d.expectsIssue).map((d) => d.kind);
      expect(planted.length).toBeGreaterThan(0);
      expect(codes).toEqual(expect.arrayContaining(planted));
      // The rows are the ones planted.
      const shortRow = gen.defects.find((d) => d.kind === 'short-row');
      await page.locator('.issue-group[data-code="short-row"] .issue-group-toggle').click();
      const shortRows = await page
        .locator('.issue-group[data-code="short-row"] .row-button')
        .allTextContents();
      if (shortRow) expect(shortRows).toContain(String(shortRow.row));
      expect(shortRows).toContain(String(lateRow));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('downloads the mapping file without any secret in it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-mapping').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.plekmap\.json$/);
    const mapping = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      version: number;
      source: unknown;
    };
    expect(mapping.version).toBe(1);
    expect(JSON.stringify(mapping)).not.toMatch(/password|secret|token/i);
  });

  it('switches to English and to the dark theme, and remembers both after a reload', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await step(page, 'start');
    expect(await page.locator('h1').first().textContent()).toBe('Start a provisioning project');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.waitForSelector('[data-testid="open-demo"]');
    expect(await page.locator('h1').first().textContent()).toBe('Start a provisioning project');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

const skipLdap =
  skip !== null || shouldSkip(['slapd', 'slapadd', 'openssl'], 'Active Directory step in the browser');

describe.skipIf(skipLdap)('directory source in the browser (slapd)', () => {
  let server: SlapdServer;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    server = await startSlapd({ users: 60, photoEvery: 10 });
    app = await startApp({ locale: 'nl-NL' });
    page = app.page;
    await page.waitForSelector('[data-testid="open-demo"]');
  });

  afterAll(async () => {
    await app?.stop();
    await server?.stop();
  });

  it('starts a project from the directory and asks for the bind password first', async () => {
    const card = page.getByTestId('directory-start');
    await card.getByLabel('Server-URL').fill(server.ldapsUrl);
    await card.getByLabel('Bind-DN of UPN').fill(server.readerDn);
    await card.getByLabel('Basis-DN').fill(server.peopleDn);
    await card.getByRole('button', { name: 'Verbinden en project maken' }).click();
    // The throw-away CA is unknown: the certificate is shown and trusted before anything else happens.
    await card.getByRole('button', { name: 'Dit certificaat vertrouwen en doorgaan' }).click();
    await expect
      .poll(() => page.getByTestId('error-message').textContent(), { timeout: 15_000 })
      .toContain(`Vul eerst het wachtwoord van ${server.readerDn} in`);
    expect(await page.locator('.stepper [aria-current="step"]').getAttribute('data-step')).toBe('source');
  });

  it('keeps the password in the secret store, never in the mapping', async () => {
    await page.getByLabel('Soort directory').selectOption('openldap');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(server.readerPassword);
    await page.getByRole('button', { name: 'Wachtwoord bewaren' }).click();
    await page.getByText('Er is een wachtwoord bewaard voor deze verbinding.').waitFor();
    expect(await page.getByLabel('Wachtwoord', { exact: true }).inputValue()).toBe('');
  });

  it('shows the server certificate, pinned when it was trusted on the Start step', async () => {
    await page.getByRole('button', { name: 'Certificaat controleren' }).click();
    const cert = page.getByTestId('certificate');
    await cert.waitFor({ timeout: 15_000 });
    const fingerprint = new X509Certificate(server.certPem).fingerprint256;
    expect(await cert.textContent()).toContain(fingerprint);
    // Trusted on the Start step already: the pin is in the mapping, so there is nothing left to pin.
    await page.getByText(`Vastgezet: ${fingerprint}`).waitFor();
    expect(await page.getByRole('button', { name: 'Dit certificaat vastzetten' }).isDisabled()).toBe(true);
  });

  it('samples the directory over the pinned connection', async () => {
    await page.getByRole('button', { name: 'Sluiten' }).first().click();
    await page.getByTestId('take-sample').click();
    await page.waitForSelector('[data-testid="attribute-table"]', { timeout: 30_000 });
    const attributes = await page.locator('[data-testid="attribute-table"] tbody th').allTextContents();
    expect(attributes.join(' ')).toMatch(/\bsn\b/);
    expect(attributes.join(' ')).toMatch(/givenName/);
    // The mapping the consultant can download holds the pin but no password.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-mapping').click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain(new X509Certificate(server.certPem).fingerprint256);
    expect(text).not.toContain(server.readerPassword);
    await page.getByTestId('certificate').scrollIntoViewIfNeeded();
    await shot(page, 'source-ldap');
  });
});
