import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { daysBetween, shiftCsvDates } from './shift-dates';

/**
 * The day the bundled demo (resources/demo) is written for: its leavers left before it, its "leaves later"
 * people and joiners come after it. scripts/generate-demo.ts generates the export for this day.
 */
export const DEMO_ANCHOR = '2026-11-23';

/** The demo export's employment dates, moved to the day the demo is opened. Birth dates stay. */
export const DEMO_DATE_COLUMNS: readonly string[] = ['Datum in dienst', 'Datum uit dienst'];

export const DEMO_MAPPING_FILE = 'demo.plekmap.json';
export const DEMO_EXPORT_FILE = 'hr-export.csv';

export interface WrittenDemo {
  mappingPath: string;
  exportPath: string;
  /** Whole days the employment dates moved (today − anchor; negative before the anchor). */
  days: number;
  /** The date cells that moved. */
  shifted: number;
  /** False when a mapping was there already (the consultant's edits to the demo are kept). */
  mappingWritten: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Replaces a file as a whole (a reader never sees half of it), owner-only as HR data at rest is. */
async function replaceFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * The bundled demo's export as it reads on `today` (yyyy-mm-dd): its start and end dates moved by whole days
 * from DEMO_ANCHOR, every other byte (Windows-1252, semicolons, CRLF, the planted defects) as bundled.
 */
export async function demoExportFor(
  fromDir: string,
  today: string,
): Promise<{ bytes: Uint8Array; days: number; shifted: number }> {
  const days = daysBetween(DEMO_ANCHOR, today);
  const bundled = await readFile(join(fromDir, DEMO_EXPORT_FILE));
  const { bytes, shifted } = shiftCsvDates(bundled, days, { columns: DEMO_DATE_COLUMNS, delimiter: ';' });
  return { bytes, days, shifted };
}

/**
 * Writes the demo project into `toDir` for `today`: the mapping when it is not there yet (never over the
 * consultant's edits), and the export, rewritten every time from the bundled one with its dates moved to
 * `today`. The bundled files (`fromDir`) are only read.
 */
export async function writeDemoProject(fromDir: string, toDir: string, today: string): Promise<WrittenDemo> {
  const mappingPath = join(toDir, DEMO_MAPPING_FILE);
  const exportPath = join(toDir, DEMO_EXPORT_FILE);
  const { bytes, days, shifted } = await demoExportFor(fromDir, today);
  await mkdir(toDir, { recursive: true });
  let mappingWritten = false;
  if (!(await exists(mappingPath))) {
    await replaceFile(mappingPath, await readFile(join(fromDir, DEMO_MAPPING_FILE)));
    mappingWritten = true;
  }
  await replaceFile(exportPath, bytes);
  return { mappingPath, exportPath, days, shifted, mappingWritten };
}

/**
 * The time zone "today" is decided in for a demo project: the one its mapping names (the copy the consultant
 * may have edited), else undefined (the engine's default, Europe/Amsterdam). A mapping that is not readable
 * JSON decides nothing here; opening it reports its problems.
 */
export async function demoTimeZone(mappingPath: string): Promise<string | undefined> {
  try {
    const zone = (JSON.parse(await readFile(mappingPath, 'utf8')) as { timeZone?: unknown }).timeZone;
    if (typeof zone !== 'string') return undefined;
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
