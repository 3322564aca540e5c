import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  convertEntry,
  explicitBufferAttributes,
  normalizeDn,
  requestedAttributes,
} from '../../../../src/main/sources/ldap/entry';

const hex = (h: string): Buffer => Buffer.from(h, 'hex');

/** An AD user as ldapts hands it over (single values as strings, binary as Buffers, lists as arrays). */
const adEntry = (over: Record<string, unknown> = {}): Entry =>
  ({
    dn: 'CN=Daniëlle van der Berg,OU=Medewerkers,DC=zorggroep,DC=example',
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    givenName: 'Daniëlle',
    sn: 'van der Berg',
    // Bytes that are valid UTF-8 ("ABCDEFGHIPJKLMNO"): must still become a GUID, not text.
    objectGUID: hex('414243444546474849504a4b4c4d4e4f'),
    objectSid: hex('010500000000000515000000c5ee4de763b50ff46d5f2c09ed090000'),
    userAccountControl: '514',
    accountExpires: '133642584000000000',
    whenCreated: '20240101003000.0Z',
    lastLogonTimestamp: '0',
    memberOf: 'CN=GG_Zorg,OU=Groepen,DC=zorggroep,DC=example',
    proxyAddresses: ['SMTP:danielle.vanderberg@zorggroep.example', 'smtp:dberg@zorggroep.example'],
    thumbnailPhoto: hex('ffd8ffe000104a464946'),
    msExchSafeSendersHash: hex('00ff00ff'),
    '*': [],
    ...over,
  }) as Entry;

describe('convertEntry', () => {
  it('gives AD values a readable form and derives accountDisabled', () => {
    const { values, binary, dn } = convertEntry(adEntry(), new Map());
    expect(dn).toContain('Daniëlle');
    expect(values).toMatchObject({
      givenName: 'Daniëlle',
      sn: 'van der Berg',
      objectGUID: '44434241-4645-4847-4950-4a4b4c4d4e4f',
      objectSid: 'S-1-5-21-3880644293-4094670179-153902957-2541',
      userAccountControl: '514',
      accountDisabled: 'true',
      accountExpires: '2024-06-30',
      'accountExpires.raw': '133642584000000000',
      whenCreated: '2024-01-01',
      'whenCreated.raw': '20240101003000.0Z',
      lastLogonTimestamp: null,
      'lastLogonTimestamp.raw': '0',
    });
    // Lists stay lists, even with one value.
    expect(values.memberOf).toEqual(['CN=GG_Zorg,OU=Groepen,DC=zorggroep,DC=example']);
    expect(values.proxyAddresses).toHaveLength(2);
    expect(values.objectClass).toHaveLength(4);
    // Photos and unknown binary values are left out, but reported for sampling.
    expect(values).not.toHaveProperty('thumbnailPhoto');
    expect(values).not.toHaveProperty('msExchSafeSendersHash');
    expect(values).not.toHaveProperty('*');
    expect(binary).toEqual([
      { name: 'thumbnailPhoto', bytes: 10, photo: true },
      { name: 'msExchSafeSendersHash', bytes: 4, photo: false },
    ]);
  });

  it('treats an enabled account, never-expiring accounts and empty attributes', () => {
    const { values } = convertEntry(
      adEntry({ userAccountControl: '66048', accountExpires: '9223372036854775807', department: [] }),
      new Map(),
    );
    expect(values.accountDisabled).toBe('false');
    expect(values.accountExpires).toBeNull();
    expect(values['accountExpires.raw']).toBe('9223372036854775807');
    expect(values.department).toBeNull();
  });

  it('uses the attribute spelling the consultant configured', () => {
    const { values } = convertEntry(
      adEntry({
        objectguid: hex('06b6d160329692 4a8f3f7f9d6a04288d'.replace(' ', '')),
        objectGUID: undefined,
      }),
      new Map([['objectguid', 'objectGUID']]),
    );
    expect(values.objectGUID).toBe('60d1b606-9632-4a92-8f3f-7f9d6a04288d');
  });

  it('keeps a second value of a normally single attribute instead of dropping it', () => {
    const { values } = convertEntry(adEntry({ title: ['Verpleegkundige', 'Teamleider'] }), new Map());
    expect(values.title).toEqual(['Verpleegkundige', 'Teamleider']);
  });

  it('refuses to guess a GUID from a value of the wrong length', () => {
    const { values, binary } = convertEntry(adEntry({ objectGUID: hex('0102') }), new Map());
    expect(values).not.toHaveProperty('objectGUID');
    expect(binary.map((b) => b.name)).toContain('objectGUID');
  });
});

describe('attribute requests', () => {
  it('asks ldapts for GUIDs and SIDs as bytes, in every spelling', () => {
    const list = explicitBufferAttributes(['ObjectGuid']);
    for (const name of ['objectGUID', 'objectguid', 'ObjectGuid', 'objectSid', 'thumbnailPhoto']) {
      expect(list).toContain(name);
    }
  });

  it('reads the source of derived attributes', () => {
    expect(requestedAttributes('ad', undefined)).toEqual(['*']);
    expect(requestedAttributes('openldap', [])).toContain('entryUUID');
    expect(requestedAttributes('ad', ['mail', 'accountDisabled', 'accountExpires.raw', 'managerDn'])).toEqual(
      ['mail', 'userAccountControl', 'accountExpires', 'manager'],
    );
  });

  it('compares DNs without case and separator spacing', () => {
    expect(normalizeDn('CN=Jörg van der Berg, OU=Medewerkers,DC=Example ,DC=test')).toBe(
      normalizeDn('cn=jörg van der berg,ou=medewerkers,dc=example,dc=test'),
    );
  });
});
