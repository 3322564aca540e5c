import { expect } from 'vitest';
import { LdapError } from '../../../../src/main/sources/ldap';
import type { SourceRecord } from '../../../../src/shared/source/types';

/** Runs a read to the end and returns the records, or the error it failed with. */
export async function collect(iterable: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

export async function failure(run: () => Promise<unknown>): Promise<LdapError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(LdapError);
    return error as LdapError;
  }
  throw new Error('expected the directory call to fail');
}

/** The password must not appear anywhere a consultant, a log or an IPC reply could see it. */
export function expectNoSecret(error: LdapError, secret: string): void {
  expect(secret.length).toBeGreaterThan(5);
  for (const text of [error.message, error.hint, JSON.stringify(error), String(error), error.stack ?? '']) {
    expect(text).not.toContain(secret);
  }
}
