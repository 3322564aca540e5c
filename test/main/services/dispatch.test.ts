import { describe, expect, it } from 'vitest';
import { ApiFailure, type WorkbenchHandlers } from '../../../src/shared/api/contract';
import { createDispatch } from '../../../src/main/services/dispatch';
import { SecretRedactor } from '../../../src/main/services/secret-store';
import { UserError } from '../../../src/main/user-error';

/** Handlers that record what reached them; any channel not listed throws the given error. */
function handlers(
  overrides: Partial<Record<keyof WorkbenchHandlers, (req: unknown) => Promise<unknown>>>,
  seen: unknown[],
) {
  return new Proxy({} as WorkbenchHandlers, {
    get: (_t, channel: string) =>
      overrides[channel as keyof WorkbenchHandlers] ??
      (async (req: unknown) => {
        seen.push(req);
        return { echoed: true };
      }),
  });
}

describe('createDispatch', () => {
  it.each([
    ['undefined body on a channel with required fields', 'project:open', undefined],
    ['null', 'project:open', null],
    ['an array', 'project:open', ['/etc/passwd']],
    ['a number', 'secrets:set', 42],
    ['a 1 MB string', 'project:open', 'x'.repeat(1_000_000)],
    [
      'prototype pollution',
      'project:open',
      JSON.parse('{"__proto__":{"polluted":true},"path":"/a.plekmap.json"}'),
    ],
    ['extra keys', 'run:cancel', { runId: 'r1', admin: true }],
    ['wrong types', 'mapping:preview', { mapping: {}, records: 'all' }],
  ])('refuses %s without reaching the handler', async (_label, channel, body) => {
    const seen: unknown[] = [];
    const r = await createDispatch(handlers({}, seen))(channel, body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-request');
    expect(seen).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([undefined, null, 42, 'fs:readFile', 'constructor', '__proto__', 'toString'])(
    'refuses the channel %j',
    async (channel) => {
      const r = await createDispatch(handlers({}, []))(channel, {});
      expect(r.ok ? null : r.error.code).toBe('unknown-channel');
    },
  );

  it('passes the validated request (with defaults) to the handler', async () => {
    const seen: unknown[] = [];
    const r = await createDispatch(handlers({}, seen))('sandbox:start', {});
    expect(r).toEqual({ ok: true, value: { echoed: true } });
    expect(seen).toEqual([{ seed: 'demo' }]);
  });

  it('turns every kind of thrown error into a Result, never a rejection', async () => {
    const redactor = new SecretRedactor();
    redactor.remember('Voorjaar2026!');
    const internal: string[] = [];
    const dispatch = createDispatch(
      handlers(
        {
          'project:open': async () => {
            throw new ApiFailure('not-found', 'Ede.plekmap.json bestaat niet');
          },
          'source:sample': async () => {
            throw new UserError('Cannot read medewerkers.csv: the file does not exist');
          },
          'project:recent': async () => {
            throw 'a string, not an Error';
          },
          'source:testConnection': async () => {
            throw new Error('bind failed for password Voorjaar2026! at ldap.js:12');
          },
        },
        [],
      ),
      { redactor, onInternalError: (channel) => internal.push(channel) },
    );
    expect(await dispatch('project:open', { path: '/x/Ede.plekmap.json' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Ede.plekmap.json bestaat niet' },
    });
    expect(await dispatch('source:sample', { source: { kind: 'csv', path: '/x/medewerkers.csv' } })).toEqual({
      ok: false,
      error: {
        code: 'source-failed',
        message: 'Cannot read medewerkers.csv: the file does not exist',
        detail: {
          id: 'refusal.sourceFailed',
          values: { message: 'Cannot read medewerkers.csv: the file does not exist' },
        },
      },
    });
    expect(await dispatch('project:recent', {})).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'a string, not an Error',
        detail: { id: 'refusal.internal', values: { message: 'a string, not an Error' } },
      },
    });
    const leaked = await dispatch('source:testConnection', {
      source: {
        kind: 'ldap',
        url: 'ldaps://dc1.ede.local',
        bindDn: 'svc-plek@ede.local',
        baseDn: 'DC=ede,DC=local',
      },
    });
    expect(leaked.ok).toBe(false);
    if (!leaked.ok) {
      expect(leaked.error.message).not.toContain('Voorjaar2026!');
      expect(leaked.error.message).toContain('••••');
    }
    expect(internal).toEqual(['project:recent', 'source:testConnection']);
  });
});
