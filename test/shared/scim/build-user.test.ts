import { describe, expect, it } from 'vitest';
import { buildScimUser, toScimUser, type FlatUser } from '../../../src/shared/scim/resource';

describe('buildScimUser', () => {
  it('makes the resource toScimUser makes from the same values, keys in the same order', () => {
    const flat: FlatUser = {
      displayName: "Søren van 't Hof",
      'emails[type eq "work"].value': 'soren.vanthof@gemeente-voorbeeld.nl',
      'name.familyName': "van 't Hof",
      'name.givenName': 'Søren',
      'phoneNumbers[type eq "mobile"].value': '+31631761086',
      'phoneNumbers[type eq "work"].value': null,
      title: 'Teamleider Wijkteam',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Griffie',
      'urn:plek:params:scim:schemas:extension:profile:2.0:User:location': 'Wijkcentrum Noord',
      userName: 'soren.vanthof@gemeente-voorbeeld.nl',
      active: false,
    };
    const built = buildScimUser('100011', (set) => {
      for (const [path, value] of Object.entries(flat)) set(path, value);
    });
    const want = toScimUser(flat, '100011');
    expect(JSON.stringify(built)).toBe(JSON.stringify(want));
    expect(built.schemas).toHaveLength(3);
    expect(built.phoneNumbers).toEqual([{ type: 'mobile', value: '+31631761086' }]);
  });
});
