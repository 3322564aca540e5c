import { describe, expect, it } from 'vitest';
import {
  directoryProjectName,
  directorySource,
} from '../../../src/renderer/src/app/components/DirectoryStart';

const form = {
  url: 'ldaps://dc1.gemeente-ede.nl',
  flavor: 'openldap' as const,
  bindDn: ' cn=plek-lezer,ou=Services,dc=ede ',
  baseDn: 'ou=Medewerkers,dc=ede',
};

describe('the Start step’s directory card', () => {
  it('builds a StartTLS-or-LDAPS source with trimmed DNs and the chosen flavour', () => {
    expect(directorySource(form)).toEqual({
      kind: 'ldap',
      url: 'ldaps://dc1.gemeente-ede.nl',
      flavor: 'openldap',
      startTls: true,
      bindDn: 'cn=plek-lezer,ou=Services,dc=ede',
      baseDn: 'ou=Medewerkers,dc=ede',
    });
  });

  it.each([
    ['ldaps://', 'no host'],
    ['https://dc1.gemeente-ede.nl', 'not LDAP'],
    ['ldaps://dc1.gemeente-ede.nl/ou=x', 'a path'],
    ['ldap://dc1 .ede.nl', 'a space'],
  ])('refuses %s (%s)', (url) => {
    expect(directorySource({ ...form, url })).toBeNull();
  });

  it('needs a bind DN and a base DN', () => {
    expect(directorySource({ ...form, bindDn: '  ' })).toBeNull();
    expect(directorySource({ ...form, baseDn: '' })).toBeNull();
  });

  it('names the project after the first part of the base DN and the host', () => {
    expect(directoryProjectName('ldaps://dc1.ede.nl:636', 'OU=Medewerkers,DC=ede,DC=nl')).toBe(
      'Medewerkers (dc1.ede.nl)',
    );
    expect(directoryProjectName('ldap://127.0.0.1:3890', 'ou=Zorg\\, Welzijn,dc=x')).toBe(
      'Zorg\\, Welzijn (127.0.0.1)',
    );
    expect(directoryProjectName('ldaps://dc1', '')).toBe('dc1');
  });
});
