import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/shared/api/contract';
import { failureReason, reportFileName, reportToCsv } from '../../../src/renderer/src/app/logic/report';
import { format, said } from '../../../src/shared/i18n';
import { csvField as csvFieldOf } from '../../../src/renderer/src/app/logic/issues';
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

describe('reportToCsv: the fallback CSV of a run without a report of its own, in the interface language', () => {
  const stopped: RunReport = {
    ...report,
    status: 'failed',
    finishedAt: null,
    counts: { ok: 423, failed: 2, 'not-run': 17 },
    failures: [
      {
        key: '100014',
        message:
          'POST /Users: HTTP 409 uniqueness: userName "niels.dekker@gemeente-voorbeeld.nl" is in use; "conflict"',
        messages: [
          failureMessage(
            new ScimRequestError('POST /Users: HTTP 409', 409, 'uniqueness', false, undefined, 'in use'),
          ),
        ],
      },
      { key: '100044', message: '=manager "100014" was not created' },
    ],
  };
  const names: Record<string, string> = { '100014': 'Niels Dekker' };
  const lines = (lang: 'nl' | 'en') =>
    reportToCsv(stopped, lang, (k) => names[k] ?? null)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');

  it('says the summary and the columns in Dutch', () => {
    const nl = lines('nl');
    expect(nl.slice(0, 6)).toEqual([
      'run;run-7Q2',
      'plan;plan-3x',
      'status;mislukt',
      'doel;http://127.0.0.1:41715',
      'gestart;2026-11-23T10:04:12.345Z',
      'klaar;',
    ]);
    expect(nl.slice(6, 9)).toEqual(['Gelukt;423', 'Mislukt;2', 'Niet uitgevoerd;17']);
    expect(nl[10]).toBe('mapping key;naam;wat er gebeurde;wat te doen;technische details');
    // The failure names the person and says what happened and what to do in Dutch, Plek's words beside it.
    const [key, name, what, todo] = nl[11]!.split(';');
    expect([key, name]).toEqual(['100014', 'Niels Dekker']);
    expect(what).toMatch(/^Plek heeft al een account met deze login of dit e-mailadres/);
    expect(todo).toBe(csvFieldOf(format('nl', 'run.failure.uniqueness')));
    expect(nl[11]).toContain('HTTP 409');
    expect(nl.join('\n')).not.toMatch(/\b(?:count|finished|target|failed|message)\b/);
  });

  it('says the same in English', () => {
    const en = lines('en');
    expect(en.slice(0, 6).map((l) => l.split(';')[0])).toEqual([
      'run',
      'plan',
      'status',
      'target',
      'started',
      'finished',
    ]);
    expect(en[2]).toBe('status;failed');
    expect(en.slice(6, 9)).toEqual(['Succeeded;423', 'Failed;2', 'Not run;17']);
    expect(en[10]).toBe('key;name;what happened;what to do;technical detail');
    expect(en[11]).toMatch(
      /^100014;Niels Dekker;Plek already has an account with this login or e-mail address/,
    );
  });

  it('keeps a cell Excel-safe: quotes doubled, a formula defused, no person for an unknown key', () => {
    // An uncoded failure says its English text as written, and cannot tell what to do beyond the general advice.
    expect(lines('nl')[12]).toBe(
      `100044;;"'=manager ""100014"" was not created";${csvFieldOf(format('nl', 'run.failure.other'))};"'=manager ""100014"" was not created"`,
    );
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
