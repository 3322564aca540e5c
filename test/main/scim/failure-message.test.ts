import { describe, expect, it } from 'vitest';
import {
  failureMessage,
  ScimAuthError,
  ScimConflictError,
  ScimRequestError,
} from '../../../src/main/scim/errors';
import { formatMessage } from '../../../src/shared/i18n';

/** A target's refusal as the client throws it: method and path, status, scimType, and the server's own detail. */
function refusal(status: number | null, scimType?: string, detail?: string): ScimRequestError {
  const message = `POST /Users: ${status === null ? 'ECONNRESET' : `HTTP ${status}`}`;
  return new ScimRequestError(message, status, scimType, status === null, undefined, detail);
}

describe('failureMessage: the HTTP status and scimType of a refusal as a code, the server’s detail kept', () => {
  it.each([
    [refusal(409, 'uniqueness', 'userName "a@b.nl" is already in use'), 'report.failure.conflict'],
    [refusal(400, 'uniqueness', 'duplicate'), 'report.failure.conflict'],
    [refusal(400, 'invalidValue', 'phoneNumbers[0].value is not E.164'), 'report.failure.invalidValue'],
    [refusal(400, 'mutability', 'id is readOnly'), 'report.failure.invalidValue'],
    [refusal(400, undefined, 'name.familyName is required'), 'report.failure.invalidValue'],
    [refusal(400, 'invalidVers', 'SCIM 1.1 is not spoken here'), 'report.failure.refused'],
    [refusal(422, undefined, 'unprocessable'), 'report.failure.refused'],
    [refusal(401, undefined, 'token expired'), 'report.failure.access'],
    [refusal(403, undefined, 'the client may not manage users'), 'report.failure.access'],
    [refusal(404, undefined, 'Resource a1 not found'), 'report.failure.notFound'],
    [refusal(429, undefined, 'slow down'), 'report.failure.rateLimited'],
    [refusal(500, undefined, 'NullPointerException'), 'report.failure.server'],
    [refusal(503, undefined, 'maintenance'), 'report.failure.server'],
    [refusal(null, undefined, 'POST /Users: ECONNRESET'), 'report.failure.network'],
  ] as const)('%s → %s', (error, code) => {
    const m = failureMessage(error);
    expect(m.code).toBe(code);
    expect(m.params?.detail).toBe(error.detail);
    // Worded in both languages with the server's words beside ours, no placeholder left.
    for (const lang of ['nl', 'en'] as const) {
      const text = formatMessage(lang, m);
      expect(text).toContain(error.detail!);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('keeps the technical text as detail when the server sent none, and words the client’s own errors', () => {
    expect(failureMessage(refusal(502))).toEqual({
      code: 'report.failure.server',
      params: { status: 502, detail: 'POST /Users: HTTP 502' },
    });
    expect(failureMessage(new ScimAuthError('token request was refused: HTTP 401')).code).toBe(
      'report.failure.access',
    );
    expect(failureMessage(new ScimConflictError('externalId 100014 matches 2 accounts', ['a', 'b']))).toEqual(
      {
        code: 'report.failure.ambiguous',
        params: { n: 2, detail: 'externalId 100014 matches 2 accounts' },
      },
    );
    expect(failureMessage(new Error('socket hang up')).code).toBe('report.failure.other');
  });

  it('says the same failure in Dutch and in English', () => {
    const m = failureMessage(refusal(400, 'invalidValue', 'phoneNumbers[0].value is not E.164'));
    expect(formatMessage('nl', m)).toBe(
      'Plek weigerde een waarde (HTTP 400 invalidValue: phoneNumbers[0].value is not E.164)',
    );
    expect(formatMessage('en', m)).toBe(
      'Plek refused a value (HTTP 400 invalidValue: phoneNumbers[0].value is not E.164)',
    );
  });
});
