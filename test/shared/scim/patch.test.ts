import { describe, expect, it } from 'vitest';
import { patchOperations, type AttributeWrite } from '../../../src/shared/scim/patch';
import { getPath, normaliseUser, readBoolean } from '../../../src/shared/scim/resource';

const WORK = 'emails[type eq "work"].value';
const MOBILE = 'phoneNumbers[type eq "mobile"].value';
const WORK_PHONE = 'phoneNumbers[type eq "work"].value';

describe('reading multi-valued entries', () => {
  it.each<[string, unknown[], string, string | null]>([
    [
      'a primary home email is not the work email',
      [
        { type: 'home', value: 'sanne.prive@ziggo.nl', primary: true },
        { type: 'work', value: 'sanne.devries@zorggroep.nl' },
      ],
      WORK,
      'sanne.devries@zorggroep.nl',
    ],
    [
      'the primary entry stands in when there is no work entry',
      [{ value: 'daan.bakker@zorggroep.nl', primary: true }],
      WORK,
      'daan.bakker@zorggroep.nl',
    ],
    [
      'a primary sent as the string "True" counts as primary',
      [
        { type: 'other', value: 'x@y.nl' },
        { value: 'joel.meer@zorggroep.nl', primary: 'True' },
      ],
      WORK,
      'joel.meer@zorggroep.nl',
    ],
    ['no entries', [], WORK, null],
  ])('%s', (_, emails, path, want) => {
    expect(getPath({ emails }, path)).toBe(want);
  });

  it('reads a mobile number only from a mobile entry, never from the primary work phone', () => {
    const phoneNumbers = [{ type: 'work', value: '030 123 4567', primary: true }];
    expect(getPath({ phoneNumbers }, MOBILE)).toBeNull();
    expect(getPath({ phoneNumbers }, WORK_PHONE)).toBe('030 123 4567');
  });
});

describe('booleans as targets send them', () => {
  it.each<[unknown, boolean | undefined]>([
    [true, true],
    [false, false],
    ['True', true],
    ['False', false],
    [' false ', false],
    ['TRUE', true],
    ['ja', undefined],
    ['', undefined],
    [1, undefined],
    [null, undefined],
  ])('%j → %j', (v, want) => {
    expect(readBoolean(v)).toBe(want);
  });

  it('normalises active and primary on a user, and leaves a clean user as it is', () => {
    const entra = {
      id: '1',
      active: 'False',
      emails: [{ type: 'work', value: 'fleur@zorggroep.nl', primary: 'True' }],
    };
    expect(normaliseUser(entra)).toEqual({
      id: '1',
      active: false,
      emails: [{ type: 'work', value: 'fleur@zorggroep.nl', primary: true }],
    });
    const clean = { id: '2', active: true, emails: [{ type: 'work', value: 'a@b.nl', primary: true }] };
    expect(normaliseUser(clean)).toBe(clean);
  });
});

describe('PATCH operations per write strategy', () => {
  const current = {
    emails: [
      { type: 'home', value: 'noor.prive@kpnmail.nl', primary: true },
      { type: 'work', value: 'noor.jansen@zorggroep.nl' },
    ],
    phoneNumbers: [
      { type: 'work', value: '+31 30 123 4567' },
      { type: 'mobile', value: '+31 6 1234 5678' },
    ],
  };

  it('valuePath: filtered paths; a cleared phone removes the entry itself, not its value', () => {
    const writes: AttributeWrite[] = [
      { op: 'replace', path: WORK, value: 'noor.vandijk@zorggroep.nl' },
      { op: 'remove', path: MOBILE },
      { op: 'replace', path: 'title', value: 'Teamleider' },
    ];
    expect(patchOperations(writes, 'valuePath', current)).toEqual([
      { op: 'replace', path: WORK, value: 'noor.vandijk@zorggroep.nl' },
      { op: 'remove', path: 'phoneNumbers[type eq "mobile"]' },
      { op: 'replace', path: 'title', value: 'Teamleider' },
    ]);
  });

  it('wholeAttribute: the merged list replaces the attribute, entries of other types kept as they were', () => {
    const writes: AttributeWrite[] = [
      { op: 'replace', path: WORK, value: 'noor.vandijk@zorggroep.nl' },
      { op: 'remove', path: MOBILE },
      { op: 'replace', path: 'title', value: 'Teamleider' },
    ];
    const ops = patchOperations(writes, 'wholeAttribute', current);
    expect(ops).toEqual([
      { op: 'replace', path: 'title', value: 'Teamleider' },
      {
        op: 'replace',
        path: 'emails',
        value: [
          { type: 'home', value: 'noor.prive@kpnmail.nl', primary: true },
          { type: 'work', value: 'noor.vandijk@zorggroep.nl' },
        ],
      },
      { op: 'replace', path: 'phoneNumbers', value: [{ type: 'work', value: '+31 30 123 4567' }] },
    ]);
    expect(ops.some((o) => o.path?.includes('['))).toBe(false);
    // The input is not changed.
    expect(current.phoneNumbers).toHaveLength(2);
  });

  it('wholeAttribute: a new entry is added (primary only when the list has none), the last one removed clears the attribute', () => {
    expect(
      patchOperations([{ op: 'add', path: WORK, value: 'bram@zorggroep.nl' }], 'wholeAttribute', {
        emails: [{ type: 'home', value: 'bram@thuis.nl', primary: 'False' }],
      }),
    ).toEqual([
      {
        op: 'replace',
        path: 'emails',
        value: [
          { type: 'home', value: 'bram@thuis.nl', primary: false },
          { type: 'work', value: 'bram@zorggroep.nl', primary: true },
        ],
      },
    ]);
    expect(
      patchOperations([{ op: 'remove', path: MOBILE }], 'wholeAttribute', {
        phoneNumbers: [{ type: 'mobile', value: '06 1234 5678' }],
      }),
    ).toEqual([{ op: 'remove', path: 'phoneNumbers' }]);
    // Nothing to remove: no operation at all.
    expect(patchOperations([{ op: 'remove', path: MOBILE }], 'wholeAttribute', { phoneNumbers: [] })).toEqual(
      [],
    );
  });
});
