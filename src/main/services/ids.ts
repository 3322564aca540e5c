import { randomBytes } from 'node:crypto';

/** An id the renderer cannot guess (plans, runs, tasks, upload folders). */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}
