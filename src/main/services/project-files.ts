import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import { ApiFailure, refuse, type ProjectDocument } from '../../shared/api/contract';
import { findDuplicateKey } from '../../shared/mapping/duplicate-keys';
import { parseMappingText } from '../../shared/mapping/load';
import type { MappingFileInput, MappingSource } from '../../shared/mapping/schema';
import type { RecentProjects, ServiceContext } from './context';
import { resolveSourceFile } from './path-access';

const MAX_MAPPING_BYTES = 5 * 1024 * 1024;
const SECRET_KEY = /pass(?:word|wd)?|secret|token|apikey|api_key|credential/i;

/** Finds keys that look like secrets anywhere in a mapping (outside the opaque layout). */
export function secretLikeKeys(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (path === '$' && k === 'layout') continue;
    if (SECRET_KEY.test(k)) found.push(`${path}.${k}`);
    found.push(...secretLikeKeys(v, `${path}.${k}`));
  }
  return found;
}

/** A path strictly inside `root` after resolving (`..`, absolute paths and encoded tricks end up outside). */
export function inside(root: string, candidate: string): boolean {
  const r = resolve(root);
  const c = resolve(r, candidate);
  return c.startsWith(r + sep);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a mapping file. */
export async function atomicWrite(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** The CSV file a mapping names: absolute, or relative to the saved project; null when it cannot be known. */
export function csvPathOf(
  source: MappingSource | undefined,
  projectPath: string | null | undefined,
): string | null {
  if (!source || source.kind !== 'csv' || !source.path) return null;
  if (isAbsolute(source.path)) return source.path;
  if (!projectPath) return null;
  return resolve(dirname(projectPath), source.path);
}

/**
 * Reads a mapping file for the workbench: a valid one as is, an invalid one as a draft with its problems
 * (so the consultant can repair it in the app), anything that is not a mapping object refused.
 */
export async function readProject(path: string, recent: RecentProjects): Promise<ProjectDocument> {
  let text: string;
  try {
    const s = await stat(path);
    if (!s.isFile())
      throw refuse('not-found', `${basename(path)} is not a file`, 'refusal.file.notAFile', {
        file: basename(path),
      });
    if (s.size > MAX_MAPPING_BYTES)
      throw refuse(
        'invalid-request',
        `${basename(path)} is too large for a mapping file`,
        'refusal.file.tooLarge',
        {
          file: basename(path),
        },
      );
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(
      code === 'ENOENT' ? 'not-found' : 'source-failed',
      code === 'ENOENT'
        ? `${basename(path)} does not exist (moved or renamed?)`
        : `cannot read ${basename(path)} (${code ?? 'error'})`,
      code === 'ENOENT' ? 'refusal.file.missing' : 'refusal.file.unreadable',
      { file: basename(path), code: code ?? 'error' },
    );
  }
  const parsed = parseMappingText(text);
  if (parsed.ok) {
    await recent.add(path);
    return { path, mapping: parsed.mapping, problems: [], csvPath: csvPathOf(parsed.mapping.source, path) };
  }
  // Two values for one key: the file says one thing in an editor and runs another. Refused, never a draft.
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null)
    throw refuse(
      'invalid-request',
      `${basename(path)}: ${duplicate} appears twice in the same object; remove one so the file means one thing`,
      'refusal.file.duplicateKey',
      { file: basename(path), key: duplicate },
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse(
      'invalid-request',
      `${basename(path)}: ${parsed.problems.map((p) => p.message).join('; ')}`,
      'refusal.file.notJson',
      {
        file: basename(path),
        line: Number(parsed.problems[0]?.detail?.values.line ?? 0),
        column: Number(parsed.problems[0]?.detail?.values.column ?? 0),
      },
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw refuse(
      'invalid-request',
      `${basename(path)} does not hold a mapping object`,
      'refusal.file.notMapping',
      {
        file: basename(path),
      },
    );
  await recent.add(path);
  const draft = raw as MappingFileInput;
  const source = (draft as { source?: MappingSource }).source;
  return { path, mapping: draft, problems: parsed.problems, csvPath: csvPathOf(source, path) };
}

/** The CA file named in a directory source: relative to the saved project, or an absolute path the consultant picked. */
export async function readCa(
  ctx: ServiceContext,
  caFile: string | undefined,
  projectPath: string | null | undefined,
): Promise<string | undefined> {
  if (!caFile) return undefined;
  if (!isAbsolute(caFile) && !projectPath)
    throw refuse(
      'invalid-request',
      `save the project first, or give the CA file ${caFile} as a full path`,
      'error.caFileUnsaved',
      { file: caFile },
    );
  const path = await resolveSourceFile(ctx, caFile, projectPath, 'source.caFile');
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw refuse(
      'source-failed',
      `cannot read the CA file ${basename(path)}; check the path in the source settings`,
      'error.caFileUnreadable',
      { file: basename(path) },
    );
  }
}
