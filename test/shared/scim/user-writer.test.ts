import { describe, expect, it } from 'vitest';
import { buildScimUser, ScimUserWriter, setPath } from '../../../src/shared/scim/resource';
import { mulberry32 } from '../../../src/shared/random';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PROFILE = 'urn:plek:params:scim:schemas:extension:profile:2.0:User';
const PATHS = [
  'userName',
  'name.givenName',
  'name.familyName',
  'displayName',
  'emails[type eq "work"].value',
  'title',
  `${ENTERPRISE}:department`,
  'phoneNumbers[type eq "work"].value',
  'phoneNumbers[type eq "mobile"].value',
  `${ENTERPRISE}:employeeNumber`,
  `${PROFILE}:location`,
  'emails[type eq "home"].value',
  'active',
];
// Messy values as an HR export holds them: prefixes, quotes, diacritics, a backslash, control characters, emoji.
const VALUES = [
  "van 't Hof",
  'Søren',
  'Zoë "Zo" de Boer-Öztürk',
  'C:\\Users\\jdevries',
  'regel 1\nregel 2\ttab',
  '\u0001 0 \u0001',
  '"\\u00010\\u0001"',
  'Wijkcentrum 🏠 Noord',
  '',
  ' ',
  'jan.de.vries@gemeente-voorbeeld.nl',
  '+31 6 1234 5678',
];

/** What apply sent before: the account built as objects, the manager set last, serialised. */
function expected(key: string, paths: string[], values: (string | boolean)[], manager?: string): string {
  const resource = buildScimUser(key, (set) => paths.forEach((p, i) => set(p, values[i]!)));
  if (manager) setPath(resource, `${ENTERPRISE}:manager`, manager);
  return JSON.stringify(resource);
}

describe('ScimUserWriter', () => {
  it('writes the same text as serialising the built account, for any set of paths, values and manager', () => {
    const random = mulberry32(7);
    const writer = new ScimUserWriter();
    for (let n = 0; n < 2000; n++) {
      // A subset of the paths in varying order (a table's columns with some cells empty).
      const paths = PATHS.filter(() => random() < 0.7);
      if (random() < 0.3) paths.reverse();
      const values = paths.map((p) =>
        p === 'active' ? random() < 0.5 : VALUES[Math.floor(random() * VALUES.length)]!,
      );
      const manager = random() < 0.5 ? `id-${Math.floor(random() * 1e6)}` : undefined;
      const key = random() < 0.2 ? `"${n}"\\\u0001` : String(100000 + n);
      const json = writer.json(key, paths, values, manager);
      expect(json).toBe(expected(key, paths, values, manager));
    }
  });

  it('keeps the primary flag and the extensions in schemas exactly as the built account has them', () => {
    const writer = new ScimUserWriter();
    const paths = [
      'emails[type eq "home"].value',
      'emails[type eq "work"].value',
      `${ENTERPRISE}:department`,
    ];
    const json = writer.json('7', paths, ['a@thuis.nl', 'a@werk.nl', 'Griffie'], 'm1');
    expect(JSON.parse(json!)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      externalId: '7',
      emails: [
        { type: 'home', primary: true, value: 'a@thuis.nl' },
        { type: 'work', value: 'a@werk.nl' },
      ],
      [ENTERPRISE]: { department: 'Griffie', manager: { value: 'm1' } },
    });
    // Only a manager: the extension object exists, but (as when built) it is not listed in schemas.
    expect(writer.json('8', [], [], 'm1')).toBe(expected('8', [], [], 'm1'));
  });

  it('declines paths that hold its own markers, or writes them right', () => {
    const writer = new ScimUserWriter();
    expect(writer.json('9', ['\u00010\u0001'], ['v'], undefined)).toBeNull();
    expect(writer.json('9', ['title', '\u00015\u0001'], ['a', 'b'], undefined)).toBeNull();
    const odd = ['x\u00010\u0001', 'title'];
    expect(writer.json('9', odd, ['a', 'b'], 'm')).toBe(expected('9', odd, ['a', 'b'], 'm'));
  });
});
