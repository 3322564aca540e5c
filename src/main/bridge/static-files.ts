import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path onto a file inside `root`, or null. The path is percent-decoded exactly once, then
 * anything that could step outside is refused before touching the disk (NUL, backslashes, `..` segments,
 * drive letters), the result is resolved and prefix-checked, and finally the real path (after symlinks) is
 * checked again. `/` serves index.html.
 */
export async function resolveStaticFile(root: string, rawPathname: string): Promise<string | null> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((s) => s === '..' || s === '.')) return null;
  if (/^\/+[a-z]:/i.test(pathname) || pathname.startsWith('//')) return null;
  const rootAbs = resolve(root);
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const candidate = resolve(rootAbs, relative);
  if (!candidate.startsWith(rootAbs + sep)) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(rootAbs), realpath(candidate)]);
    if (!real.startsWith(realRoot + sep)) return null;
    const s = await stat(real);
    return s.isFile() ? real : null;
  } catch {
    return null;
  }
}
