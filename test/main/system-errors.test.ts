import { describe, expect, it } from 'vitest';
import { FOREIGN_WORDS } from '../e2e/support/language';
import { CATALOGUES, formatMessage, type MessageId } from '../../src/shared/i18n';
import { networkReason, readReason, systemCode, writeReason } from '../../src/main/system-errors';

/** An error as Node gives it: an English sentence and a code. */
function nodeError(code: string, message = `${code}: something in English, open '/tmp/x'`): Error {
  return Object.assign(new Error(message), { code });
}

const DUTCH_ENGLISH = FOREIGN_WORDS.nl;

describe('a system error code becomes a reason in words, in both languages', () => {
  it.each([
    ['ENOENT', 'sys.read.missing', /bestaat niet/, /does not exist/],
    ['ENOTDIR', 'sys.read.missing', /bestaat niet/, /does not exist/],
    ['EISDIR', 'sys.read.folder', /een map/, /a folder/],
    ['EACCES', 'sys.read.denied', /geen toegang/, /permission denied/],
    ['EPERM', 'sys.read.denied', /leesrechten/, /read access/],
    ['EBUSY', 'sys.read.locked', /Excel/, /Excel/],
  ])('reading, %s', (code, id, nl, en) => {
    const m = readReason(nodeError(code));
    expect(m.code).toBe(id);
    expect(formatMessage('nl', m)).toMatch(nl);
    expect(formatMessage('en', m)).toMatch(en);
  });

  it.each([
    ['ENOENT', 'sys.write.missing', /de map bestaat niet; maak hem eerst aan/],
    ['EACCES', 'sys.write.denied', /geen toegang; kies een map/],
    ['EISDIR', 'sys.write.folder', /geef een bestandsnaam/],
    ['EEXIST', 'sys.write.exists', /--force/],
    ['ENOSPC', 'sys.write.full', /de schijf is vol/],
    ['EROFS', 'sys.write.readOnly', /alleen-lezen/],
    ['EBUSY', 'sys.write.locked', /sluit het daar/],
  ])('writing, %s', (code, id, nl) => {
    const m = writeReason(nodeError(code));
    expect(m.code).toBe(id);
    expect(formatMessage('nl', m)).toMatch(nl);
  });

  it.each([
    ['ECONNREFUSED', 'sys.net.refused', /verbinding geweigerd/],
    ['ENOTFOUND', 'sys.net.notFound', /hostnaam is niet te vinden/],
    ['EAI_AGAIN', 'sys.net.notFound', /hostnaam is niet te vinden/],
    ['ETIMEDOUT', 'sys.net.timeout', /geen antwoord op tijd/],
    ['UND_ERR_CONNECT_TIMEOUT', 'sys.net.timeout', /geen antwoord op tijd/],
    ['ECONNRESET', 'sys.net.reset', /verbinding werd verbroken/],
    ['EHOSTUNREACH', 'sys.net.unreachable', /kan de host niet bereiken/],
    ['CERT_HAS_EXPIRED', 'sys.tls.expired', /certificaat is verlopen/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'sys.tls.untrusted', /CA die deze computer niet vertrouwt/],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'sys.tls.untrusted', /niet vertrouwt/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'sys.tls.selfSigned', /zelf ondertekend/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'sys.tls.altName', /andere hostnaam/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'sys.tls.other', /beveiligde verbinding/],
  ])('connecting, %s (also as the cause of a fetch failure)', (code, id, nl) => {
    // undici wraps the socket's error: `TypeError: fetch failed` with the code in `cause`.
    const fetchFailure = new TypeError('fetch failed', { cause: nodeError(code) });
    for (const e of [nodeError(code), fetchFailure]) {
      const m = networkReason(e);
      expect(m?.code).toBe(id);
      expect(formatMessage('nl', m!)).toMatch(nl);
    }
    expect(systemCode(fetchFailure)).toBe(code);
  });

  it('keeps an unknown code as the technical detail inside a worded sentence, and is null for no network code', () => {
    expect(formatMessage('nl', readReason(nodeError('EMFILE')))).toBe(
      'het systeem meldde EMFILE; controleer het bestand en probeer het opnieuw',
    );
    expect(formatMessage('en', writeReason(nodeError('EIO')))).toBe('the system reported EIO');
    expect(networkReason(nodeError('ENOENT'))).toBeNull();
    expect(networkReason(new Error('no code'))).toBeNull();
  });

  it('never carries Node’s English sentence, and every reason is Dutch in Dutch', () => {
    const codes = [
      'ENOENT',
      'EACCES',
      'EISDIR',
      'EEXIST',
      'ENOSPC',
      'EROFS',
      'EBUSY',
      'EXDEV',
      'ECONNREFUSED',
      'ENOTFOUND',
      'ETIMEDOUT',
      'ECONNRESET',
      'ENETUNREACH',
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ];
    for (const code of codes) {
      for (const m of [
        readReason(nodeError(code)),
        writeReason(nodeError(code)),
        networkReason(nodeError(code)),
      ]) {
        if (!m) continue;
        for (const lang of ['nl', 'en'] as const) {
          expect(CATALOGUES[lang][m.code as MessageId], `${lang} ${m.code}`).toBeTruthy();
          expect(formatMessage(lang, m)).not.toMatch(/something in English|open '/);
        }
        expect(
          [...formatMessage('nl', m).matchAll(DUTCH_ENGLISH)].map((x) => x[0]),
          m.code,
        ).toEqual([]);
      }
    }
  });
});
