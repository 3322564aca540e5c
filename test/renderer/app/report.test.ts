import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/shared/api/contract';
import { failureReason, reportFileName, reportToCsv } from '../../../src/renderer/src/app/logic/report';

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

describe('failureReason: what a consultant can do about a failed operation', () => {
  it.each([
    ['POST /Users: HTTP 409 uniqueness — userName already exists', 'uniqueness'],
    [
      'userName niels.dekker@gemeente-voorbeeld.nl is already used by Plek account 0147e850 (niels.dekker@gemeente-voorbeeld.nl)',
      'uniqueness',
    ],
    ['PATCH /Users/8f2c: HTTP 400 invalidValue — phoneNumbers[0].value: not E.164', 'invalidValue'],
    ['POST /Users (bulk): HTTP 400 — name.familyName is required', 'invalidValue'],
    ['token request to https://auth.plek.co/token failed: HTTP 401', 'access'],
    ['PATCH /Users/8f2c: HTTP 403', 'access'],
    ['GET /Users/8f2c: the account no longer exists', 'gone'],
    ['POST /Users: HTTP 503 — try again', 'unavailable'],
    ['PATCH /Users/8f2c failed: ECONNRESET', 'unavailable'],
    [
      'manager reference left out: manager "100014" (row 4) has no Plek account, it was not created',
      'manager',
    ],
    ['found several accounts for externalId 100014', 'ambiguous'],
    ['Plek returned no id for the new account', 'other'],
  ] as const)('%s → %s', (message, reason) => {
    expect(failureReason(message)).toBe(reason);
  });
});
