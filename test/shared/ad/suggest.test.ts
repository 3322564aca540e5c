import { describe, expect, it } from 'vitest';
import { keyStabilityWarning, suggestAdMapping } from '../../../src/shared/ad';
import { parseMapping } from '../../../src/shared/mapping/load';
import { ldapSourceSchema } from '../../../src/shared/mapping/schema';
import type { SourceAttribute } from '../../../src/shared/source/types';

const source = ldapSourceSchema.parse({
  kind: 'ldap',
  url: 'ldaps://dc1.zorggroep.example',
  bindDn: 'svc-plek@zorggroep.example',
  baseDn: 'OU=Medewerkers,DC=zorggroep,DC=example',
});

const attr = (name: string, examples: string[], fillRate = 1): SourceAttribute => ({
  name,
  fillRate,
  examples,
});

const adAttributes = [
  attr('objectGUID', ['60d1b606-9632-4a92-8f3f-7f9d6a04288d']),
  attr('userPrincipalName', ['jvdberg@zorggroep.example']),
  attr('givenName', ['Jörg', 'Zoë']),
  attr('sn', ['van der Berg', 'Öztürk']),
  attr('middleName', ['van der'], 0.3),
  attr('displayName', ['Jörg van der Berg']),
  attr('mail', ['jorg.vanderberg@zorggroep.example']),
  attr('proxyAddresses', ['SMTP:jorg.vanderberg@zorggroep.example']),
  attr('title', ['Verpleegkundige']),
  attr('department', ['Zorg']),
  attr('telephoneNumber', ['+31 20 555 1234']),
  attr('mobile', ['06-12345678']),
  attr('employeeID', ['100007']),
  attr('manager', ['CN=Chloë Müller,OU=Medewerkers,DC=zorggroep,DC=example']),
  attr('accountDisabled', ['false']),
  attr('accountExpires', ['2031-03-31'], 0.02),
  attr('homePhone', [], 0),
];

describe('suggestAdMapping', () => {
  it('proposes objectGUID as key, the usual fields and AD deactivation, as a valid mapping file', () => {
    const input = suggestAdMapping(adAttributes, { name: 'Zorggroep AD', source });
    const parsed = parseMapping(input);
    expect(parsed.ok).toBe(true);
    expect(input.mappingKey.attribute).toBe('objectGUID');
    expect(input.fields).toMatchObject({
      userName: { expression: '[userPrincipalName]' },
      'name.givenName': { expression: '[givenName]' },
      'name.familyName': { expression: '[sn]' },
      'emails[type eq "work"].value': { expression: '[mail]' },
      'phoneNumbers[type eq "mobile"].value': { expression: 'PhoneE164([mobile])' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': {
        expression: '[employeeID]',
      },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager': { expression: '[manager]' },
    });
    expect(input.fields['name.familyName']?.description).toMatch(/tussenvoegsel/);
    expect(input.deactivation).toEqual({
      inactiveWhen: '[accountDisabled] = "true"',
      endDate: 'ParseDate([accountExpires], "yyyy-MM-dd")',
    });
    expect(Object.values(input.fields).map((f) => f.expression)).not.toContain('[homePhone]');
  });

  it('falls back to the primary SMTP: proxy address when mail is empty everywhere', () => {
    const withoutMail = adAttributes.map((a) => (a.name === 'mail' ? { ...a, fillRate: 0 } : a));
    const input = suggestAdMapping(withoutMail, { name: 'x', source });
    expect(input.fields['emails[type eq "work"].value']?.expression).toBe(
      'FindPrefix([proxyAddresses], "SMTP:")',
    );
  });

  it('uses entryUUID for OpenLDAP and adds no AD deactivation there', () => {
    const ol = { ...source, flavor: 'openldap' as const };
    const input = suggestAdMapping(
      [attr('entryUUID', ['0b5e...']), attr('uid', ['jvdberg']), attr('sn', ['van der Berg'])],
      { name: 'x', source: ol },
    );
    expect(input.mappingKey.attribute).toBe('entryUUID');
    expect(input.fields.userName?.expression).toBe('[uid]');
    expect(input.deactivation).toEqual({});
  });

  it('deactivates OpenLDAP leavers by employeeType, with the values the directory writes', () => {
    const ol = { ...source, flavor: 'openldap' as const };
    const input = suggestAdMapping(
      [attr('entryUUID', ['0b5e...']), attr('sn', ['Öztürk']), attr('employeeType', ['Vast', 'uit dienst'])],
      { name: 'x', source: ol },
    );
    expect(input.deactivation).toEqual({ inactiveWhen: '[employeeType] = "uit dienst"' });
    // Not one leaver among the examples: the usual Dutch words, so a consultant sees what to check.
    const none = suggestAdMapping([attr('entryUUID', ['x']), attr('employeeType', ['Vast', 'Tijdelijk'])], {
      name: 'x',
      source: ol,
    });
    expect(none.deactivation?.inactiveWhen).toBe('In([employeeType], "Inactief", "Inactive", "Uit dienst")');
  });
});

describe('keyStabilityWarning', () => {
  it.each(['employeeID', 'employeeNumber', 'mail', 'sAMAccountName', 'SAMACCOUNTNAME'])('%s warns', (key) => {
    expect(keyStabilityWarning(key)).toMatch(/objectGUID never changes/);
  });
  it.each(['objectGUID', 'entryUUID', 'objectSid'])('%s is stable', (key) => {
    expect(keyStabilityWarning(key)).toBeNull();
  });
});
