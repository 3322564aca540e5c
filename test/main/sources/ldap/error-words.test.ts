import {
  InsufficientAccessError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  SizeLimitExceededError,
  StrongAuthRequiredError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import { FOREIGN_WORDS } from '../../../e2e/support/language';
import { formatMessage } from '../../../../src/shared/i18n';
import { toLdapError } from '../../../../src/main/sources/ldap/errors';

const ctx = {
  url: 'ldaps://dc1.zorggroep.example',
  bindDn: 'svc-plek@zorggroep.example',
  baseDn: 'OU=Medewerkers,DC=zorggroep,DC=example',
  password: 'Geheim-Wachtwoord-123!',
};
const diagnostic = (data: string): string =>
  `80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ${data}, v1db1`;
const withCode = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.4:636`), { code });

/** The Dutch words of a message: without the server, DNs and the labelled technical detail. */
const english = (text: string) =>
  [...text.replace(/\S*[=@:/]\S*/g, '').matchAll(FOREIGN_WORDS.nl)].map((m) => m[0]);

describe('a directory failure is worded in Dutch, message and what to do, from its code', () => {
  it.each([
    [
      'AD data 52e',
      new InvalidCredentialsError(diagnostic('52e')),
      /het wachtwoord is onjuist \(AD-code 52e\)/,
      /blokkeringsdrempel/,
    ],
    [
      'AD data 525',
      new InvalidCredentialsError(diagnostic('525')),
      /het account bestaat niet/,
      /userPrincipalName/,
    ],
    [
      'AD data 530',
      new InvalidCredentialsError(diagnostic('530')),
      /op dit moment niet aanmelden/,
      /aanmeldtijden/,
    ],
    [
      'AD data 531',
      new InvalidCredentialsError(diagnostic('531')),
      /niet vanaf deze computer/,
      /werkstations/,
    ],
    [
      'AD data 532',
      new InvalidCredentialsError(diagnostic('532')),
      /wachtwoord is verlopen/,
      /verloopt nooit/,
    ],
    [
      'AD data 533',
      new InvalidCredentialsError(diagnostic('533')),
      /account is uitgeschakeld/,
      /in te schakelen/,
    ],
    ['AD data 701', new InvalidCredentialsError(diagnostic('701')), /account is verlopen/, /Nooit/],
    [
      'AD data 773',
      new InvalidCredentialsError(diagnostic('773')),
      /eerste aanmelding/,
      /volgende aanmelding/,
    ],
    ['AD data 775', new InvalidCredentialsError(diagnostic('775')), /geblokkeerd/, /deblokkeren/],
    [
      'LDAP 49 (OpenLDAP)',
      new InvalidCredentialsError('Invalid credentials'),
      /bind DN of wachtwoord onjuist\./,
      /Controleer de bind DN/,
    ],
    [
      'LDAP 32 no such object',
      new NoSuchObjectError(),
      /De base DN OU=Medewerkers\S* bestaat niet/,
      /distinguishedName/,
    ],
    ['size limit', new SizeLimitExceededError(), /maximum aantal resultaten/, /per pagina/],
    ['encryption required', new StrongAuthRequiredError(), /alleen versleutelde aanmeldingen/, /StartTLS/],
    ['DN syntax', new InvalidDNSyntaxError(), /kan een DN in het verzoek niet lezen/, /typefouten/],
    [
      'no read access',
      new InsufficientAccessError(),
      /mag OU=Medewerkers\S* op \S+ niet lezen/,
      /leesrechten/,
    ],
    ['ECONNREFUSED', withCode('ECONNREFUSED'), /Niets antwoordt op/, /389 voor ldap/],
    ['ENOTFOUND', withCode('ENOTFOUND'), /hostnaam in \S+ is niet te vinden/, /DNS van de klant/],
    ['EHOSTUNREACH', withCode('EHOSTUNREACH'), /verbinding met \S+ is mislukt \(EHOSTUNREACH\)/, /firewall/],
    ['CERT_HAS_EXPIRED', withCode('CERT_HAS_EXPIRED'), /het certificaat is verlopen/, /CA-certificaat/],
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      /CA die deze computer niet vertrouwt/,
      /vingerafdruk/,
    ],
    [
      'self-signed',
      withCode('DEPTH_ZERO_SELF_SIGNED_CERT'),
      /door de server zelf ondertekend/,
      /vingerafdruk/,
    ],
    ['host name mismatch', withCode('ERR_TLS_CERT_ALTNAME_INVALID'), /andere hostnaam/, /hostnaam waarvoor/],
  ])('%s', (_name, raw, message, hint) => {
    const e = toLdapError(raw, ctx);
    const nl = formatMessage('nl', e.said);
    const nlHint = formatMessage('nl', e.hintSaid);
    expect(nl).toMatch(message);
    expect(nlHint).toMatch(hint);
    expect(english(`${nl} ${nlHint}`)).toEqual([]);
    // The English stays the English the app and the logs had.
    expect(formatMessage('en', e.said)).toBe(e.message);
    expect(formatMessage('en', e.hintSaid)).toBe(e.hint);
    expect(`${nl} ${nlHint} ${e.message} ${e.hint} ${e.technical ?? ''}`).not.toContain(ctx.password);
  });

  it('keeps a server sentence it does not know only as a labelled technical detail, scrubbed of the password', () => {
    const e = toLdapError(new Error(`server said: bad value ${ctx.password} in request`), ctx);
    expect(formatMessage('nl', e.said)).toBe(
      'ldaps://dc1.zorggroep.example meldde een probleem dat de workbench niet kent (technisch detail: server said: bad value *** in request)',
    );
    expect(e.technical).toBe('server said: bad value *** in request');
  });
});
