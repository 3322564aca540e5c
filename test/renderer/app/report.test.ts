import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/shared/api/contract';
import { failureReason, reportFileName, reportToCsv } from '../../../src/renderer/src/app/logic/report';
import { said } from '../../../src/shared/i18n';
import {
  failureMessage,
  ScimAuthError,
  ScimConflictError,
  ScimRequestError,
} from '../../../src/main/scim/errors';

const report: RunReport = {
  runId: 'run-7Q2',
  planId: 'plan-3x',
  status: 'completed',
  startedAt: '2026-11-23T10:04:12.345Z',
  finishedAt: '2026-11-23T10:04:19.001Z',
  target: 'http://127.0.0.1:41715',
  counts: { ok: 423, failed: 2 },
  failures: [
    { key: '100014', message: 'userName niels.dekker@gemeente-voorbeeld.nl is already used; "conflict"' },
    { key: '100044', message: '=manager "100014" was not created' },
  ],
  text: '',
  csv: null,
};

describe('reportToCsv', () => {
  it('writes a summary block and one line per failed user, Excel-safe', () => {
    const lines = reportToCsv(report)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['run;run-7Q2', 'plan;plan-3x', 'status;completed']);
    expect(lines).toContain('count.ok;423');
    expect(lines).toContain('count.failed;2');
    expect(lines.at(-2)).toBe(
      '100014;"userName niels.dekker@gemeente-voorbeeld.nl is already used; ""conflict"""',
    );
    // a message starting with = would be a formula in Excel
    expect(lines.at(-1)).toBe(`100044;"'=manager ""100014"" was not created"`);
  });
});

describe('reportFileName', () => {
  it('stamps the finish time without characters Windows refuses', () => {
    expect(reportFileName(report, 'json')).toBe('plek-run-2026-11-23T10-04-19.json');
    expect(reportFileName({ ...report, finishedAt: null }, 'csv')).toBe('plek-run-2026-11-23T10-04-12.csv');
  });
});

describe('failureReason: what a consultant can do about a failed operation, from its code', () => {
  // The codes come from where the failure happened (failureMessage for the target's answers, the plan for
  // conflicts, apply for a manager left out); the English technical text plays no part.
  it.each([
    [
      new ScimRequestError('POST /Users: HTTP 409 uniqueness', 409, 'uniqueness', false, undefined, 'x'),
      'uniqueness',
    ],
    [
      new ScimRequestError('PATCH /Users/8f2c: HTTP 400', 400, 'invalidValue', false, undefined, 'not E.164'),
      'invalidValue',
    ],
    [new ScimRequestError('POST /Users (bulk): HTTP 400', 400, undefined), 'invalidValue'],
    [new ScimRequestError('PATCH /Users/8f2c: HTTP 403', 403), 'access'],
    [new ScimAuthError('token request to https://auth.plek.co/token was refused: HTTP 401'), 'access'],
    [new ScimRequestError('GET /Users/8f2c: HTTP 404', 404), 'gone'],
    [new ScimRequestError('POST /Users: HTTP 503', 503, undefined, true), 'unavailable'],
    [new ScimRequestError('POST /Users: HTTP 429', 429), 'unavailable'],
    [new ScimRequestError('PATCH /Users/8f2c failed: ECONNRESET', null, undefined, true), 'unavailable'],
    [new ScimConflictError('found several accounts for externalId 100014', ['a', 'b']), 'ambiguous'],
    [new Error('Plek returned no id for the new account'), 'other'],
  ] as const)('%s → %s', (error, reason) => {
    expect(failureReason([failureMessage(error)])).toBe(reason);
  });

  it.each([
    [said('report.reason.emailTaken', { value: 'a@b.nl', kind: 'account', holder: 'p1' }), 'uniqueness'],
    [said('report.reason.linkClaimed', { rows: '2, 5', id: 'p1', by: 'email' }), 'ambiguous'],
    [said('report.warning.managerNotCreated', { key: '100014', row: 4, interrupted: 'no' }), 'manager'],
    [said('report.reason.duplicateKey', { key: '100014', rows: '2, 5' }), 'other'],
  ] as const)('%o → %s', (message, reason) => {
    expect(failureReason([message])).toBe(reason);
  });

  it('is "other" without a code (a report from before codes)', () => {
    expect(failureReason(undefined)).toBe('other');
  });
});
