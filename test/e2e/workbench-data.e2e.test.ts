import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src/shared/api/contract';
import { e2eSkipReason, startApp, type RunningApp } from './support/app';

const skip = e2eSkipReason();
/** The service's clock; file ages are set against it (nothing waits). */
const NOW = new Date('2026-12-01T09:00:00Z');
const DAY_MS = 86_400_000;

async function place(path: string, ageDays: number): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, 'Personeelsnummer;Roepnaam;Achternaam\n10001;Sanne;de Vries\n');
  const t = new Date(NOW.getTime() - ageDays * DAY_MS);
  await utimes(path, t, t);
}

async function files(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []))
    if (e.isFile()) out.push(join(e.parentPath, e.name).slice(root.length + 1));
  return out.sort();
}

describe.skipIf(skip !== null)('workbench data on the Start page', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ locale: 'en-GB', service: { now: () => NOW } });
    await app.page.waitForSelector('[data-testid="open-demo"]');
    await app.service.ready;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('sets the retention period: older HR data goes at once, the setting holds after a reload', async () => {
    const d = app.dataDir;
    await place(join(d, 'uploads', 'u-okt', 'medewerkers-oktober.csv'), 20);
    await place(join(d, 'uploads', 'u-nov', 'medewerkers-november.csv'), 5);
    await place(join(d, 'runs', 'plan-a.journal'), 12);
    const page = app.page;
    const days = page.getByLabel('Keep for (days)');
    await expect.poll(() => days.inputValue()).toBe('30');
    await days.fill('10');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await expect
      .poll(() => page.getByTestId('data-status').textContent())
      .toBe('Kept for 10 days; 2 old files and folders removed.');
    expect(await files(join(d, 'uploads'))).toEqual(['u-nov/medewerkers-november.csv']);
    expect(await files(join(d, 'runs'))).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByLabel('Keep for (days)').inputValue()).toBe('10');
    // Out of range: not saved.
    await page.getByLabel('Keep for (days)').fill('0');
    expect(await page.getByRole('button', { name: 'Save retention' }).isDisabled()).toBe(true);
  });

  it('clears the workbench data after a confirmation that names what goes; saved projects stay unless ticked', async () => {
    const d = app.dataDir;
    await place(join(d, 'uploads', 'u-dec', 'medewerkers-december.csv'), 0);
    await place(join(d, 'runs', 'plan-b.journal'), 0);
    await place(join(d, 'sandbox', 'state.json'), 0);
    await place(join(d, 'projects', 'gemeente-ede.plekmap.json'), 0);
    const page = app.page;
    await page.getByRole('button', { name: 'Clear workbench data…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove the workbench data from this computer?' });
    await dialog.waitFor();
    const what = await dialog.textContent();
    for (const word of ['uploaded export', 'run journal and report', 'sandbox', 'Saved mappings'])
      expect(what).toContain(word);
    expect(await dialog.getByRole('checkbox').isChecked()).toBe(false);
    // Nothing is removed before "Remove".
    expect(await files(join(d, 'uploads'))).toHaveLength(2);
    await dialog.getByRole('button', { name: 'Remove the data' }).click();
    await expect
      .poll(() => page.getByTestId('data-status').textContent())
      .toBe('4 files and folders removed.');
    expect(await files(join(d, 'uploads'))).toEqual([]);
    expect(await files(join(d, 'runs'))).toEqual([]);
    expect(await files(join(d, 'sandbox'))).toEqual([]);
    expect(await files(join(d, 'projects'))).toEqual(['gemeente-ede.plekmap.json']);

    await page.getByRole('button', { name: 'Clear workbench data…' }).click();
    await page
      .getByRole('checkbox', { name: 'Also remove the projects saved in the workbench folder' })
      .check();
    await page.getByRole('button', { name: 'Remove the data' }).click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe('1 file or folder removed.');
    expect(await files(join(d, 'projects'))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('the changed-hosts notice can be hidden, in the page’s language, and comes back for other changes', async () => {
    const demo = await app.service.api.project.demo();
    if (!demo.ok) throw new Error(demo.error.message);
    const changed: ProjectDocument = {
      ...demo.value,
      endpointChanges: [{ kind: 'target', from: 'https://ede.plek.co', to: 'https://ede.plek-co.example' }],
    };
    const page = app.page;
    app.service.emit('project:opened', changed);
    const notice = page.getByTestId('endpoint-changes');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('https://ede.plek-co.example');
    await notice.getByRole('button', { name: 'Hide this notice' }).click();
    await notice.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'NL', exact: true }).click();
    app.service.emit('project:opened', {
      ...changed,
      endpointChanges: [
        { kind: 'directory', from: 'ldaps://dc1.ede.local', to: 'ldaps://dc9.elders.example' },
      ],
    });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('ldaps://dc9.elders.example');
    await notice.getByRole('button', { name: 'Melding verbergen' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
