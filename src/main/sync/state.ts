import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { PreviousState, RowOutcome } from '../../shared/engine/types';
import { dataFolders, defaultDataDir } from '../data-dir';
import { previousStateSchema } from '../pipeline';

/**
 * The daily run's memory between days, per mapping and target: the source as it was after the last successful
 * run (keys, identity fields, row count). `run` reads it for the key-changed check and the truncated-source
 * guard, so a scheduled job has both without `--previous`.
 */
export interface DailyState extends PreviousState {
  version: 1;
  mapping: string;
  target: string;
  /** The `today` of the run that wrote it. */
  today: string;
}

const dailyStateSchema = previousStateSchema.extend({
  version: z.literal(1),
  mapping: z.string(),
  target: z.string(),
  today: z.string(),
});

/** The folder the daily states live in: the data folder's `state/`. */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
  return dataFolders(defaultDataDir(env)).state;
}

/** `<data folder>/state/<mapping name>-<hash of mapping path + target>.json`. */
export function dailyStatePath(mappingPath: string, targetLabel: string, dir = stateDir()): string {
  const mapping = resolve(mappingPath);
  const hash = createHash('sha256').update(`${mapping}\n${targetLabel}`).digest('hex').slice(0, 16);
  const name = basename(mapping)
    .replace(/\.plekmap\.json$|\.json$/i, '')
    .replace(/[^\w.-]+/g, '_');
  return join(dir, `${name}-${hash}.json`);
}

/** Reads the state of the last successful run; null when there is none yet. A damaged file is an error. */
export async function readDailyState(path: string): Promise<DailyState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const parsed = dailyStateSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `the daily state ${path} is damaged: move it away (the next run starts without key-change and truncation checks) or pass --previous`,
    );
  }
  return parsed.data as DailyState;
}

/** Writes atomically (temp file + rename): a run killed while saving leaves yesterday's state intact. */
export async function writeDailyState(path: string, state: DailyState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w');
  try {
    for (const piece of dailyStateText(state)) await file.write(piece);
  } finally {
    await file.close();
  }
  await rename(tmp, path);
}

/** Where the users go in the text of the state without them (a string no JSON text of a key or value holds). */
const USERS_MARK = '\u0001users\u0001';

/**
 * `JSON.stringify(state)` and a line feed, in pieces of some 16K characters: the users' text (13 MB for 100,000
 * rows) is never one string. One such string, flattened to be written, took memory of its own from the system (and
 * twice that with one letter above U+00FF in it): a quarter of a second of a 100,000-row run.
 */
export function* dailyStateText(state: DailyState): Generator<string> {
  const head = JSON.stringify({ ...state, users: USERS_MARK });
  const mark = JSON.stringify(USERS_MARK);
  const at = head.lastIndexOf(`"users":${mark}`);
  if (at < 0) {
    yield `${JSON.stringify(state)}\n`;
    return;
  }
  let piece = `${head.slice(0, at)}"users":[`;
  const { users } = state;
  for (let i = 0; i < users.length; i++) {
    piece += `${i ? ',' : ''}${JSON.stringify(users[i])}`;
    if (piece.length < 16_384) continue;
    yield piece;
    piece = '';
  }
  yield `${piece}]${head.slice(at + `"users":${mark}`.length)}\n`;
}

/** Whether a process with this id runs on this machine (a signal-0 probe: EPERM means it runs as someone else). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what runs that were killed (kill -9, a power cut) left beside a state file: tomorrow's state staged as
 * `<state>.<pid>.next` or half-written as `<state>.<pid>.tmp` by a process that no longer runs. Nothing reads them;
 * a run still going (its process alive) keeps its own. Returns the names removed.
 */
export async function removeStaleStaging(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,10})\.(?:next|tmp)$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || processRuns(Number(m[1]))) continue;
    await rm(join(dirname(path), name), { force: true });
    removed.push(name);
  }
  return removed;
}

function norm(v: string | null | undefined): string | null {
  const s = v?.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return s ? s : null;
}

/**
 * The state to keep after today's run: today's users that synced, plus yesterday's entries that must not be
 * forgotten yet — a person whose row is in error today (same key), and a person whose key changed (same email,
 * or same name and birth date, under a new key): otherwise the next day would no longer see the change and
 * would create a second account. Users in error today are left out under their new key.
 */
export function nextDailyState(
  previous: PreviousState | null,
  today: PreviousState,
  outcomes: readonly RowOutcome[],
  meta: Omit<DailyState, 'rows' | 'users' | 'version'>,
): DailyState {
  const synced = new Set<string>();
  /** Keys of today's rows, mapped or not (only asked about yesterday's entries). */
  const present = new Set<string>();
  for (const o of outcomes) {
    if (o.status === 'mapped') synced.add(o.user.key);
    else if (previous && o.key !== undefined) present.add(o.key);
  }
  const users = today.users.filter((u) => synced.has(u.key));
  if (previous) {
    const kept = new Set(users.map((u) => u.key));
    const emails = new Set<string>();
    const names = new Set<string>();
    for (const u of today.users) {
      const e = norm(u.email);
      if (e) emails.add(e);
      const n = identityOf(u);
      if (n) names.add(n);
    }
    for (const u of previous.users) {
      if (kept.has(u.key)) continue;
      const e = norm(u.email);
      const n = identityOf(u);
      const inError = present.has(u.key) || synced.has(u.key);
      const sameRowNewKey = (e !== null && emails.has(e)) || (n !== null && names.has(n));
      if (inError || sameRowNewKey) {
        users.push(u);
        kept.add(u.key);
      }
    }
  }
  return { version: 1, ...meta, rows: today.rows, users };
}

function identityOf(u: PreviousState['users'][number]): string | null {
  const g = norm(u.givenName);
  const f = norm(u.familyName);
  const b = u.birthDate?.trim();
  return g && f && b ? `${g}|${f}|${b}` : null;
}
