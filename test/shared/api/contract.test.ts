import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/api/channels';
import { createApi, unwrap, ApiCallError } from '../../../src/shared/api/client';
import { contract, toApiError, ApiFailure, validateRequest } from '../../../src/shared/api/contract';

describe('validateRequest', () => {
  it('declares a schema for every channel', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('passes a valid request with defaults filled in', () => {
    const r = validateRequest('source:sample', {
      source: { kind: 'csv', path: '/home/jan/Medewerkers ä.csv' },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        source: { kind: 'csv', path: '/home/jan/Medewerkers ä.csv', encoding: 'auto', delimiter: 'auto' },
        limit: 1000,
      },
    });
  });

  it('treats a missing body as an empty object for parameterless channels', () => {
    expect(validateRequest('app:info', undefined)).toEqual({ ok: true, value: {} });
  });

  it('refuses unknown channels without echoing long input', () => {
    const r = validateRequest('fs:readFile', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown-channel');
    const proto = validateRequest('__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it('names the field of an invalid request', () => {
    const r = validateRequest('project:open', { path: '../../etc/passwd' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-request');
      expect(r.error.message).toMatch(/^project:open: \$\.path: must be an absolute/);
    }
  });

  it.each([
    ['project:save', { fileName: '../../.bashrc', mapping: {} }, '$.fileName'],
    ['project:save', { fileName: '..%2f..%2fx.plekmap.json', mapping: {} }, '$.fileName'],
    ['project:save', { path: 'file:///etc/x.plekmap.json', mapping: {} }, '$.path'],
    ['project:save', { mapping: {} }, '$.path'],
    ['project:save', { fileName: 'Ede.plekmap.json', mapping: 'not an object' }, '$.mapping'],
    ['source:sample', { source: { kind: 'csv', path: 'https://evil.com/x.csv' } }, '$.source.path'],
    ['source:sample', { source: { kind: 'ftp' } }, '$.source.kind'],
    ['source:inspectCertificate', { url: 'ldaps://dc1.gemeente.local/ou=x' }, '$.url'],
    ['source:upload', { fileName: '../../x.csv', contentBase64: '' }, '$.fileName'],
    ['secrets:set', { name: 'root-password', value: 'x' }, '$.name'],
    ['secrets:set', { name: 'ldap-bind-password', value: '' }, '$.value'],
    ['run:apply', { planId: 'p1', extra: true }, '$'],
    ['mapping:preview', { mapping: {}, records: [{ row: 0, values: {} }] }, '$.records[0].row'],
  ])('%s refuses %j at %s', (channel, body, path) => {
    const r = validateRequest(channel, body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`${channel}: ${path}`);
  });

  it('never includes a secret value in the error message', () => {
    const r = validateRequest('secrets:set', {
      name: 'scim-client-secret',
      value: 'Zomer2026!geheim',
      extra: 1,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).not.toContain('Zomer2026!geheim');
  });
});

describe('createApi', () => {
  it('routes api.domain.verb to its channel and subscribes events', async () => {
    const calls: [string, unknown][] = [];
    const listeners: string[] = [];
    const api = createApi(
      async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: { paths: ['/a.plekmap.json'] } };
      },
      (event) => {
        listeners.push(event);
        return () => listeners.splice(listeners.indexOf(event), 1);
      },
    );
    const r = await api.project.recent();
    expect(r).toEqual({ ok: true, value: { paths: ['/a.plekmap.json'] } });
    await api.project.open({ path: '/home/jan/Ede.plekmap.json' });
    expect(calls).toEqual([
      ['project:recent', {}],
      ['project:open', { path: '/home/jan/Ede.plekmap.json' }],
    ]);
    const off = api.on('run:progress', () => {});
    expect(listeners).toEqual(['run:progress']);
    off();
    expect(listeners).toEqual([]);
  });

  it('unwrap throws with the error code', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrap({ ok: false, error: { code: 'not-found', message: 'geen bestand' } })).toThrow(
      ApiCallError,
    );
  });
});

describe('toApiError', () => {
  it('keeps intended failures and hides stray fields', () => {
    expect(toApiError(new ApiFailure('not-found', 'Ede.plekmap.json bestaat niet'))).toEqual({
      code: 'not-found',
      message: 'Ede.plekmap.json bestaat niet',
    });
    const e = Object.assign(new Error('boom'), { secret: 's3cr3t' });
    // An unexpected error keeps its text beside a sentence the screen can word in its language.
    expect(toApiError(e)).toEqual({
      code: 'internal',
      message: 'boom',
      detail: { id: 'refusal.internal', values: { message: 'boom' } },
    });
  });
});
