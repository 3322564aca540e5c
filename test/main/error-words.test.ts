import { describe, expect, it } from 'vitest';
import { FOREIGN_WORDS } from '../e2e/support/language';
import { formatMessage, said } from '../../src/shared/i18n';
import { errorExitCode, errorLines } from '../../src/main/cli/error-text';
import { codedError, wordError } from '../../src/main/error-words';
import { httpError, networkError } from '../../src/main/sources/api/errors';
import { SourceError } from '../../src/main/sources/source-error';
import { UserError } from '../../src/main/user-error';

const PEOPLE = 'https://api.personio.de/v2/persons?cursor=abc';
/** English words in a Dutch text, leaving out URLs, flags and the labelled technical detail. */
const english = (text: string) =>
  [
    ...text
      .replace(/technisch detail: .*$/gm, '')
      .replace(/\S*[/:@=]\S*/g, '')
      .matchAll(FOREIGN_WORDS.nl),
  ].map((m) => m[0]);

describe('an HR API’s HTTP status and network failures, worded per language', () => {
  it.each([
    [httpError('personio', 401, PEOPLE, { phase: 'read' }), /Personio accepteert de client/, 'HTTP 401'],
    [httpError('personio', 403, PEOPLE, { phase: 'read' }), /personio:persons:read/, 'HTTP 403'],
    [
      httpError('afas', 404, 'https://12345.rest.afas.online/ProfitRestServices/connectors/Plek', {
        phase: 'read',
      }),
      /GetConnector/,
      'HTTP 404',
    ],
    [httpError('rest', 429, PEOPLE, { phase: 'read' }), /.+/, 'HTTP 429'],
    [httpError('rest', 503, PEOPLE, { phase: 'read' }), /HTTP 503/, 'HTTP 503'],
    [
      networkError('rest', PEOPLE, Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), false),
      /verbinding geweigerd/,
      'ECONNREFUSED',
    ],
    [
      networkError('rest', PEOPLE, new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), false),
      /hostnaam is niet te vinden/,
      'ENOTFOUND',
    ],
    [networkError('rest', PEOPLE, { code: 'CERT_HAS_EXPIRED' }, false), /certificaat/, 'CERT_HAS_EXPIRED'],
  ])('%#: %s', (error, nl, technical) => {
    const worded = wordError(error)!;
    expect(worded.technical).toBe(technical);
    const lines = errorLines(error, 'nl').join('\n');
    expect(lines).toMatch(nl);
    expect(lines).toContain(`technisch detail: ${technical}`);
    expect(english(lines), lines).toEqual([]);
    // The endpoint is named without its query string (a cursor or filter is noise, never a secret).
    expect(lines).not.toContain('cursor=abc');
  });
});

describe('the CLI’s error lines', () => {
  it('word a coded UserError, its mapping problems and its system code in the language', () => {
    const e = new UserError(
      said('cli.error.write', { path: '/data/x.csv', reason: [said('sys.write.full')] }),
      2,
      {
        technical: 'ENOSPC',
      },
    );
    expect(e.message).toBe('cannot write /data/x.csv: the disk is full');
    expect(errorLines(e, 'nl')).toEqual([
      'plek-sync: kan /data/x.csv niet schrijven: de schijf is vol',
      '  technisch detail: ENOSPC',
    ]);
    expect(errorExitCode(e)).toBe(2);
    expect(errorExitCode(new UserError(said('cli.error.cancelled'), 130))).toBe(130);
  });

  it('call an unexpected error a fault of plek-sync, in the language, with its stack as the technical detail, exit 3', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const lines = errorLines(bug, 'nl');
    expect(lines[0]).toMatch(/^plek-sync: onverwachte fout: dit is een fout in plek-sync/);
    expect(lines[1]).toMatch(/^ {2}technisch detail: TypeError: Cannot read properties/);
    expect(english(lines[0]!)).toEqual([]);
    expect(errorExitCode(bug)).toBe(3);
    // A raw network error that escaped its layer is still a fault (exit 3), but worded.
    const raw = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    expect(errorLines(raw, 'nl')[0]).toMatch(/verbinding geweigerd/);
    expect(errorExitCode(raw)).toBe(3);
  });

  it('give the app one coded message (message and what to do), or null for an English-only error', () => {
    const source = new SourceError(
      'source-unreadable',
      said('sourceError.empty', { file: 'hr.csv' }),
      'hr.csv',
    );
    expect(formatMessage('nl', codedError(source)!)).toBe(
      'hr.csv is niet te lezen: het is leeg (geen kopregel); exporteer het bestand opnieuw',
    );
    expect(codedError(new UserError('plain English'))).toBeNull();
    expect(codedError(new Error('bug'))).toBeNull();
  });
});
