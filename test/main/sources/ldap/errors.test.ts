import {
  InvalidCredentialsError,
  NoSuchObjectError,
  SizeLimitExceededError,
  StrongAuthRequiredError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '../../../../src/main/sources/ldap/connection';
import { LdapError, parseAdDataCode, scrub, toLdapError } from '../../../../src/main/sources/ldap/errors';
import { expectNoSecret } from './helpers';

const ctx = {
  url: 'ldaps://dc1.zorggroep.example',
  bindDn: 'svc-plek@zorggroep.example',
  baseDn: 'OU=Medewerkers,DC=zorggroep,DC=example',
  password: 'Geheim-Wachtwoord-123!',
};

/** The diagnostic text Windows and Samba send with resultCode 49; only the data code differs. */
const diagnostic = (data: string): string =>
  `80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ${data}, v1db1`;

describe('AD bind data codes', () => {
  it.each([
    ['52e', 'invalid-credentials', /password is wrong/],
    ['525', 'invalid-credentials', /does not exist/],
    ['530', 'account-disabled', /at this time/],
    ['531', 'account-disabled', /from this computer/],
    // 532 cannot be produced on Samba in a test (pwdLastSet cannot be back-dated); the text format is the same.
    ['532', 'password-expired', /password has expired/],
    ['533', 'account-disabled', /disabled/],
    ['701', 'account-expired', /account has expired/],
    ['773', 'must-change-password', /must be changed/],
    ['775', 'account-locked', /locked out/],
  ])('data %s → %s', (data, code, what) => {
    const error = toLdapError(new InvalidCredentialsError(diagnostic(data)), ctx);
    expect(error).toBeInstanceOf(LdapError);
    expect(error.code).toBe(code);
    expect(error.adDataCode).toBe(data);
    expect(error.message).toMatch(what);
    expect(error.message).toContain(ctx.bindDn);
    expect(error.hint.length).toBeGreaterThan(20);
    expectNoSecret(error, ctx.password);
  });

  it('reads the code from Windows Server and Samba variants of the message', () => {
    expect(parseAdDataCode(diagnostic('52e'))).toBe('52e');
    expect(
      parseAdDataCode(
        '8009030C: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data 775, v4563',
      ),
    ).toBe('775');
    expect(parseAdDataCode('Invalid credentials')).toBeNull();
  });

  it('OpenLDAP (no data code) is a plain wrong bind DN or password', () => {
    const error = toLdapError(new InvalidCredentialsError('Invalid credentials'), ctx);
    expect(error.code).toBe('invalid-credentials');
    expect(error.adDataCode).toBeUndefined();
  });

  it('scrubs the password out of text that came from elsewhere', () => {
    const error = toLdapError(new Error(`server said: bad value ${ctx.password} in request`), ctx);
    expect(error.code).toBe('unknown');
    expect(error.message).toContain('***');
    expectNoSecret(error, ctx.password);
    expect(scrub('a Geheim b Geheim', 'Geheim')).toBe('a *** b ***');
    expect(scrub('niets', undefined)).toBe('niets');
  });

  it('maps size limit and missing base DN', () => {
    expect(toLdapError(new SizeLimitExceededError(), ctx).code).toBe('size-limit');
    expect(toLdapError(new SizeLimitExceededError(), ctx).hint).toMatch(/Paging is on/);
    const missing = toLdapError(new NoSuchObjectError(), ctx);
    expect(missing.code).toBe('no-such-object');
    expect(missing.message).toContain(ctx.baseDn);
  });

  it('explains that the server wants an encrypted bind (AD "require strong auth" over plain ldap://)', () => {
    const error = toLdapError(new StrongAuthRequiredError('BindSimple: Transport encryption required.'), ctx);
    expect(error.code).toBe('tls');
    expect(error.hint).toMatch(/StartTLS|ldaps/);
  });

  it('maps network failures', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:636'), { code: 'ECONNREFUSED' });
    expect(toLdapError(refused, ctx).code).toBe('unreachable');
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND dc1.zorggroep.example'), {
      code: 'ENOTFOUND',
    });
    expect(toLdapError(dns, ctx).message).toMatch(/cannot be resolved/);
    expect(toLdapError(new Error('Connection timeout'), ctx).code).toBe('unreachable');
    expect(toLdapError(new Error('SearchRequest: Operation timed out'), ctx).code).toBe('timeout');
  });
});

describe('checkFilter', () => {
  it.each([
    '(objectClass=inetOrgPerson)',
    '(&(objectCategory=person)(objectClass=user)(!(objectClass=computer)))',
    '(&(objectClass=user)(department=Zorg \\28intramuraal\\29))',
    '(sn=van der Berg)',
    '(givenName=Jörg)',
    '(|(mail=*@zorggroep.example)(proxyAddresses=smtp:*))',
  ])('accepts %s', (filter) => {
    expect(() => checkFilter(filter)).not.toThrow();
  });

  it.each([
    '(&(objectClass=inetOrgPerson)(departmentNumber=Zorg)',
    'objectClass=user',
    '(objectClass=user))',
    '(objectClass=user)(sn=Jansen)',
    '(&(objectClass=user)(department=Zorg (intramuraal)))',
    '',
  ])('refuses %j and names it', (filter) => {
    try {
      checkFilter(filter);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LdapError);
      expect((error as LdapError).code).toBe('filter-syntax');
      expect((error as LdapError).message).toContain(filter);
    }
  });
});
