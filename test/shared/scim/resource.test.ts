import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  PLEK_PROFILE_SCHEMA,
  lookupTargetField,
} from '../../../src/shared/scim/fields';
import { fromScimUser, getPath, toScimUser } from '../../../src/shared/scim/resource';

describe('SCIM resource paths', () => {
  const flat = {
    userName: 'jan.vanderberg@gemeente-voorbeeld.nl',
    'name.givenName': 'Jan',
    'name.familyName': 'van der Berg',
    'emails[type eq "work"].value': 'jan.vanderberg@gemeente-voorbeeld.nl',
    'phoneNumbers[type eq "mobile"].value': '+31612345678',
    'phoneNumbers[type eq "work"].value': null,
    [`${ENTERPRISE_USER_SCHEMA}:department`]: 'Burgerzaken',
    [`${ENTERPRISE_USER_SCHEMA}:manager`]: '1001',
    [`${PLEK_PROFILE_SCHEMA}:location`]: 'Utrecht',
  };

  it('builds a User resource with schemas, typed multi-values and extensions', () => {
    const r = toScimUser(flat, '1042');
    expect(r.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      ENTERPRISE_USER_SCHEMA,
      PLEK_PROFILE_SCHEMA,
    ]);
    expect(r.externalId).toBe('1042');
    expect(r.name).toEqual({ givenName: 'Jan', familyName: 'van der Berg' });
    expect(r.emails).toEqual([
      { type: 'work', primary: true, value: 'jan.vanderberg@gemeente-voorbeeld.nl' },
    ]);
    expect(r.phoneNumbers).toEqual([{ type: 'mobile', value: '+31612345678' }]);
    expect(r[ENTERPRISE_USER_SCHEMA]).toEqual({ department: 'Burgerzaken', manager: { value: '1001' } });
  });

  it('reads back what it wrote (null for what was left out)', () => {
    const r = toScimUser(flat, '1042');
    expect(fromScimUser(r, Object.keys(flat))).toEqual(flat);
  });

  it('reads the primary email when a server leaves out the type', () => {
    expect(getPath({ emails: [{ value: 'a@b.nl', primary: true }] }, 'emails[type eq "work"].value')).toBe(
      'a@b.nl',
    );
  });

  it('refuses photos and birth dates with the reason from the product notes', () => {
    for (const p of ['photos[type eq "photo"].value', `${PLEK_PROFILE_SCHEMA}:geboortedatum`, 'birthDate']) {
      const r = lookupTargetField(p, [{ name: 'geboortedatum' }]);
      expect(r.ok, p).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/does not synchronise/);
    }
  });

  it('resolves aliases and declared custom fields, and names unknown ones', () => {
    expect(lookupTargetField('email')).toMatchObject({
      ok: true,
      field: { path: 'emails[type eq "work"].value' },
    });
    expect(lookupTargetField('location', [{ name: 'location' }])).toMatchObject({
      ok: true,
      field: { path: `${PLEK_PROFILE_SCHEMA}:location` },
    });
    const unknown = lookupTargetField('familyname');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.reason).toMatch(/unknown target field "familyname"/);
  });
});
