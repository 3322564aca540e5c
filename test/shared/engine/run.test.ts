import { describe, expect, it } from 'vitest';
import { compileMapping, type CompiledMapping } from '../../../src/shared/engine/compile';
import { mapRecords } from '../../../src/shared/engine/run';
import type { MappedUser, RowOutcome } from '../../../src/shared/engine/types';
import { parseMapping } from '../../../src/shared/mapping/load';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceRecord } from '../../../src/shared/source/types';
import { compileOrThrow } from '../../support/compile-mapping';

const TODAY = '2026-11-23';
const E = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const base: MappingFileInput = {
  version: 1,
  name: 'Gemeente Voorbeeld',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer', birthDateAttribute: 'Geboortedatum' },
  fields: {
    'name.givenName': { expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))' },
    'name.familyName': { expression: 'Join(" ", Lower([Tussenvoegsel]), [Achternaam])' },
    'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    title: { expression: 'Trim([Functie])' },
    [`${E}:department`]: { expression: '[Afdeling]' },
  },
  deactivation: {
    endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
    inactiveWhen: '[Status] = "Inactief"',
  },
  groupRules: [
    { group: 'Zorg', field: 'title', in: ['Verpleegkundige', 'Verzorgende IG'] },
    { group: 'Leidinggevenden', field: 'title', in: ['Teamleider'] },
  ],
};

const compile = (input: MappingFileInput = base): CompiledMapping => compileOrThrow(input);

let nextRow = 2;
function person(values: Record<string, string | null>, row?: number): SourceRecord {
  return {
    row: row ?? nextRow++,
    values: {
      Personeelsnummer: null,
      Voornaam: null,
      Roepnaam: null,
      Tussenvoegsel: null,
      Achternaam: null,
      'E-mailadres': null,
      Functie: null,
      Afdeling: null,
      'Datum uit dienst': null,
      Status: 'Actief',
      Geboortedatum: null,
      ...values,
    },
  };
}

const jan = (over: Record<string, string | null> = {}, row?: number) =>
  person(
    {
      Personeelsnummer: '1001',
      Voornaam: 'Johannes',
      Roepnaam: 'Jan',
      Tussenvoegsel: 'Van der',
      Achternaam: 'Berg',
      'E-mailadres': ' Jan.vanderBerg@gemeente-voorbeeld.nl ',
      Functie: 'Verpleegkundige',
      Afdeling: 'Zorg Noord',
      Geboortedatum: '12-03-1980',
      ...over,
    },
    row,
  );

function mapped(outcome: RowOutcome | undefined): MappedUser {
  if (outcome?.status !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(outcome)}`);
  return outcome.user;
}

describe('mapping run', () => {
  it('maps a Dutch row: call name, lower-case prefix, trimmed lower-case email, groups', () => {
    const r = mapRecords(compile(), [jan({}, 2)], { today: TODAY });
    const user = mapped(r.outcomes[0]);
    expect(user.key).toBe('1001');
    expect(user.attributes).toMatchObject({
      'name.givenName': 'Jan',
      'name.familyName': 'van der Berg',
      'emails[type eq "work"].value': 'jan.vanderberg@gemeente-voorbeeld.nl',
      userName: 'jan.vanderberg@gemeente-voorbeeld.nl',
      title: 'Verpleegkundige',
    });
    expect(user.active).toBe(true);
    expect(user.groups).toEqual(['Zorg']);
    expect(r.summary).toEqual({
      rows: 1,
      users: { active: 1, deactivate: 0, leavingLater: 0, startingLater: 0, skipped: 0, error: 0 },
    });
  });

  it('deactivates by end date before today; an end date after today is leaving later; today itself stays active', () => {
    const r = mapRecords(
      compile(),
      [
        jan({ Personeelsnummer: '1', 'E-mailadres': 'a@x.nl', 'Datum uit dienst': '22-11-2026' }, 2),
        jan({ Personeelsnummer: '2', 'E-mailadres': 'b@x.nl', 'Datum uit dienst': '31-12-2026' }, 3),
        jan({ Personeelsnummer: '3', 'E-mailadres': 'c@x.nl', 'Datum uit dienst': '23-11-2026' }, 4),
        jan({ Personeelsnummer: '4', 'E-mailadres': 'd@x.nl', Status: 'Inactief' }, 5),
      ],
      { today: TODAY },
    );
    const [gone, later, lastDay, flagged] = r.outcomes.map(mapped);
    expect(gone?.active).toBe(false);
    expect(gone?.deactivationReason).toMatch(/2026-11-22 is before today/);
    expect(gone?.groups).toEqual([]);
    expect(later).toMatchObject({ active: true, leavingOn: '2026-12-31' });
    expect(lastDay).toMatchObject({ active: true, leavingOn: '2026-11-23' });
    expect(flagged?.active).toBe(false);
    expect(r.summary.users).toEqual({
      active: 2,
      deactivate: 2,
      leavingLater: 2,
      startingLater: 0,
      skipped: 0,
      error: 0,
    });
    expect(r.issues.filter((i) => i.code === 'leaving-later').map((i) => i.row)).toEqual([3, 4]);
  });

  it('refuses an impossible end date instead of rolling over, and does not sync that user', () => {
    const r = mapRecords(compile(), [jan({ 'Datum uit dienst': '31-02-2024' }, 7)], { today: TODAY });
    expect(r.outcomes[0]?.status).toBe('error');
    const problem = r.issues.find((i) => i.code === 'invalid-date');
    expect(problem).toMatchObject({ severity: 'error', row: 7, key: '1001' });
    expect(r.summary.users.deactivate).toBe(0);
  });

  it('reports empty keys and every row of a duplicate key, and syncs none of them', () => {
    const r = mapRecords(
      compile(),
      [
        jan({ Personeelsnummer: '  ' }, 2),
        jan({ Personeelsnummer: '2001', 'E-mailadres': 'x1@x.nl' }, 3),
        jan({ Personeelsnummer: '2002', 'E-mailadres': 'x2@x.nl' }, 4),
        jan({ Personeelsnummer: '2001', 'E-mailadres': 'x3@x.nl' }, 9),
      ],
      { today: TODAY },
    );
    expect(r.outcomes.map((o) => o.status)).toEqual(['error', 'error', 'mapped', 'error']);
    expect(r.issues.find((i) => i.code === 'empty-key')).toMatchObject({ row: 2, field: 'Personeelsnummer' });
    const dups = r.issues.filter((i) => i.code === 'duplicate-key');
    expect(dups.map((d) => d.row)).toEqual([3, 9]);
    expect(dups[0]?.rows).toEqual([3, 9]);
    expect(dups[0]?.message).toMatch(/also appears in row\(s\) 9/);
    expect(r.summary.users).toMatchObject({ active: 1, error: 3 });
  });

  it('finds duplicate emails regardless of case and whitespace, naming both rows', () => {
    const r = mapRecords(
      compile(),
      [
        jan({ Personeelsnummer: '1', 'E-mailadres': 'Piet@X.nl' }, 2),
        jan({ Personeelsnummer: '2', 'E-mailadres': ' piet@x.nl ' }, 5),
      ],
      { today: TODAY },
    );
    const dups = r.issues.filter((i) => i.code === 'duplicate-email');
    expect(dups.map((d) => [d.row, d.rows])).toEqual([
      [2, [2, 5]],
      [5, [2, 5]],
    ]);
  });

  it('rejects invalid emails and missing required fields; an inactive user only needs its key', () => {
    const r = mapRecords(
      compile(),
      [
        jan({ Personeelsnummer: '1', 'E-mailadres': 'jan.jansen@@gemeente.nl' }, 2),
        jan({ Personeelsnummer: '2', 'E-mailadres': 'piet@' }, 3),
        jan({ Personeelsnummer: '3', 'E-mailadres': 'a..b@x.nl' }, 4),
        jan({ Personeelsnummer: '4', Achternaam: '', 'E-mailadres': 'd@x.nl' }, 5),
        jan({ Personeelsnummer: '5', 'E-mailadres': null, Status: 'Inactief' }, 6),
      ],
      { today: TODAY },
    );
    expect(r.issues.filter((i) => i.code === 'invalid-email').map((i) => i.row)).toEqual([2, 3, 4]);
    // "van der" alone is still a family name part, so only the email of row 6 is missing.
    expect(r.issues.filter((i) => i.code === 'missing-required').map((i) => [i.row, i.severity])).toEqual([
      [6, 'warning'],
    ]);
    expect(r.outcomes[4]?.status).toBe('mapped');
  });

  it('a missing family name blocks an active user', () => {
    const r = mapRecords(compile(), [jan({ Tussenvoegsel: null, Achternaam: ' ' }, 4)], { today: TODAY });
    expect(r.issues.find((i) => i.code === 'missing-required')).toMatchObject({
      row: 4,
      severity: 'error',
      field: 'name.familyName',
    });
    expect(r.outcomes[0]?.status).toBe('error');
  });

  it('detects a key that changed for the same person (same email, or same name and birth date)', () => {
    const previous = {
      rows: 2,
      users: [
        { key: '1001', email: 'jan.vanderberg@gemeente-voorbeeld.nl' },
        {
          key: '1002',
          email: 'old@x.nl',
          givenName: 'Anaïs',
          familyName: 'de Vries',
          birthDate: '01-01-1990',
        },
      ],
    };
    const r = mapRecords(
      compile(),
      [
        jan({ Personeelsnummer: '9001' }, 2),
        jan(
          {
            Personeelsnummer: '9002',
            Roepnaam: 'Anaïs',
            Tussenvoegsel: 'de',
            Achternaam: 'Vries',
            'E-mailadres': 'new@x.nl',
            Geboortedatum: '01-01-1990',
          },
          3,
        ),
        jan(
          {
            Personeelsnummer: '9003',
            Roepnaam: 'Anaïs',
            Tussenvoegsel: 'de',
            Achternaam: 'Vries',
            'E-mailadres': 'other@x.nl',
            Geboortedatum: '02-02-1992',
          },
          4,
        ),
      ],
      { today: TODAY, previous },
    );
    const changed = r.issues.filter((i) => i.code === 'key-changed');
    expect(changed.map((c) => [c.row, c.key])).toEqual([
      [2, '9001'],
      [3, '9002'],
    ]);
    expect(changed[0]?.message).toMatch(/from "1001" to "9001"/);
    expect(r.outcomes.map((o) => o.status)).toEqual(['error', 'error', 'mapped']);
  });

  it('group rules are add-only and match trimmed, case-insensitive values', () => {
    const r = mapRecords(compile(), [jan({ Functie: '  teamleider ' }, 2)], { today: TODAY });
    expect(mapped(r.outcomes[0]).groups).toEqual(['Leidinggevenden']);
  });

  it('skips rows out of scope with a reason, and every row is accounted for', () => {
    const compiled = compile({ ...base, scope: { include: 'not ([Afdeling] = "Extern")' } });
    const rows = [jan({}, 2), jan({ Personeelsnummer: '2', 'E-mailadres': 'e@x.nl', Afdeling: 'Extern' }, 3)];
    const r = mapRecords(compiled, rows, { today: TODAY });
    expect(r.outcomes[1]).toMatchObject({
      status: 'skipped',
      row: 3,
      reason: expect.stringMatching(/out of scope/),
    });
    const u = r.summary.users;
    expect(u.active + u.deactivate + u.skipped + u.error).toBe(r.summary.rows);
  });

  it('reports a column the mapping reads that the source does not have', () => {
    const r = mapRecords(compile(), [jan({}, 2)], {
      today: TODAY,
      headers: [
        'Personeelsnummer',
        'Voornaam',
        'Roepnaam',
        'Tussenvoegsel',
        'Achternaam',
        'E-mail',
        'Functie',
        'Afdeling',
        'Datum uit dienst',
        'Status',
      ],
    });
    expect(r.issues.find((i) => i.code === 'mapping-invalid')).toMatchObject({
      field: 'E-mailadres',
      severity: 'error',
    });
  });

  it('keeps a per-field trace of which rule produced each value', () => {
    const r = mapRecords(compile(), [jan({}, 2)], { today: TODAY, trace: true });
    expect(mapped(r.outcomes[0]).trace['name.givenName']).toEqual({
      rule: 'fields["name.givenName"]',
      expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))',
      inputs: { Roepnaam: 'Jan', Voornaam: 'Johannes' },
      value: 'Jan',
    });
  });

  it('is deterministic: the same input and today give the same output', () => {
    const rows = () => [
      jan({}, 2),
      jan({ Personeelsnummer: '2', 'E-mailadres': 'z@x.nl', 'Datum uit dienst': '01-01-2026' }, 3),
    ];
    expect(mapRecords(compile(), rows(), { today: TODAY })).toEqual(
      mapRecords(compile(), rows(), { today: TODAY }),
    );
  });
});

describe('login schema', () => {
  const withLogin: MappingFileInput = {
    ...base,
    loginSchema: {
      begin: { field: 'name.givenName', part: 'full' },
      separator: '',
      end: { field: 'name.familyName', part: 'full' },
      domain: 'demo.com',
      transliteration: 'strip',
    },
  };

  it('builds lower-case, transliterated logins; a collision gets _<key>', () => {
    const r = mapRecords(
      compile(withLogin),
      [
        jan(
          {
            Personeelsnummer: '12345',
            Roepnaam: 'John',
            Tussenvoegsel: null,
            Achternaam: 'Doe',
            'E-mailadres': 'a@x.nl',
          },
          2,
        ),
        jan(
          {
            Personeelsnummer: '12',
            Roepnaam: 'John',
            Tussenvoegsel: null,
            Achternaam: 'Doe',
            'E-mailadres': 'b@x.nl',
          },
          3,
        ),
        jan(
          {
            Personeelsnummer: '7',
            Roepnaam: 'Zoë',
            Tussenvoegsel: "van 't",
            Achternaam: 'Hek',
            'E-mailadres': 'c@x.nl',
          },
          4,
        ),
      ],
      { today: TODAY },
    );
    const logins = r.outcomes.map((o) => mapped(o).attributes.userName);
    // The earlier row keeps the plain login, the later namesake gets _<key> (as Okta does for the one added later).
    expect(logins).toEqual(['johndoe@demo.com', 'johndoe_12@demo.com', 'zoevanthek@demo.com']);
    expect(r.issues.find((i) => i.code === 'login-collision')?.rows).toEqual([2, 3]);
    const first = r.outcomes[1];
    expect(first?.status === 'mapped' && first.user.login).toEqual({
      target: 'userName',
      local: 'johndoe',
      suffix: '12',
      domain: 'demo.com',
    });
  });

  it('keeps a suffixed login unique: two namesakes in one department get _ict and _ict_2', () => {
    const compiled = compile({
      ...withLogin,
      loginSchema: { ...withLogin.loginSchema!, collisionSuffixField: 'Afdeling' },
    });
    const doe = (key: string, row: number, email: string) =>
      jan(
        {
          Personeelsnummer: key,
          Roepnaam: 'John',
          Tussenvoegsel: null,
          Achternaam: 'Doe',
          'E-mailadres': email,
          Afdeling: 'ICT',
        },
        row,
      );
    const r = mapRecords(
      compiled,
      [doe('501', 2, 'j.doe1@x.nl'), doe('502', 3, 'j.doe2@x.nl'), doe('503', 4, 'j.doe3@x.nl')],
      { today: TODAY },
    );
    expect(r.outcomes.map((o) => mapped(o).attributes.userName)).toEqual([
      'johndoe@demo.com',
      'johndoe_ict@demo.com',
      'johndoe_ict_2@demo.com',
    ]);
  });

  it('a name of only punctuation or emoji is an error on that row; emoji never reach a login', () => {
    const r = mapRecords(
      compile(withLogin),
      [
        jan({ Personeelsnummer: '1', Roepnaam: '😀', Achternaam: "'-.", 'E-mailadres': 'a@x.nl' }, 2),
        jan(
          {
            Personeelsnummer: '2',
            Roepnaam: 'Zoë 🌷',
            Tussenvoegsel: null,
            Achternaam: 'de 👩‍💻 Wit',
            'E-mailadres': 'b@x.nl',
          },
          3,
        ),
        jan({ Personeelsnummer: '3', Roepnaam: '🇳🇱', Achternaam: 'Bakker ™', 'E-mailadres': 'c@x.nl' }, 4),
      ],
      { today: TODAY },
    );
    const [punct, flowers, flag] = r.outcomes;
    expect(punct?.status).toBe('error');
    expect(punct?.status === 'error' && punct.issues.map((i) => i.code)).toEqual(['login-empty']);
    expect(mapped(flowers).attributes.userName).toBe('zoedewit@demo.com');
    // The begin field holds only a flag: "regional indicator" letters are not a name.
    expect(flag?.status).toBe('error');
    expect(r.summary.users.error).toBe(2);
  });

  it('dach mode writes umlauts as ae/oe/ue; first letters work', () => {
    const r = mapRecords(
      compile({
        ...withLogin,
        loginSchema: {
          begin: { field: 'name.givenName', part: 'firstLetter' },
          separator: '.',
          end: { field: 'name.familyName', part: 'full' },
          domain: 'Demo.com',
          transliteration: 'dach',
        },
      }),
      [
        jan(
          { Roepnaam: 'Jürgen', Tussenvoegsel: null, Achternaam: 'Müller-Straße', 'E-mailadres': 'a@x.nl' },
          2,
        ),
      ],
      { today: TODAY },
    );
    expect(mapped(r.outcomes[0]).attributes.userName).toBe('j.mueller-strasse@demo.com');
  });
});

describe('compile', () => {
  it('names the field and column of an unknown function', () => {
    const parsed = parseMapping({
      ...base,
      fields: { ...base.fields, 'name.familyName': { expression: 'Jion(" ", [A])' } },
    });
    if (!parsed.ok) throw new Error('schema');
    const r = compileMapping(parsed.mapping);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.path).toBe('$.fields["name.familyName"].expression');
      expect(r.problems[0]?.message).toMatch(/unknown function Jion/i);
      expect(r.problems[0]?.message).toMatch(/column 1/);
    }
  });

  it('refuses photo and birth date targets, group rules on unmapped fields, and missing required targets', () => {
    const parsed = parseMapping({
      ...base,
      fields: {
        'name.givenName': { expression: '[Voornaam]' },
        'photos[type eq "photo"].value': { expression: '[Foto]' },
        'urn:plek:params:scim:schemas:extension:profile:2.0:User:birthDate': {
          expression: '[Geboortedatum]',
        },
      },
      groupRules: [{ group: 'X', field: 'department', in: ['a'] }],
    });
    if (!parsed.ok) throw new Error('schema');
    const r = compileMapping(parsed.mapping);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(messages).toMatch(/photos.*profile photos/);
    expect(messages).toMatch(/birthDate.*birth\) dates/);
    expect(messages).toMatch(/groupRules\[0\]\.field.*not mapped/);
    expect(messages).toMatch(/needs "name\.familyName"/);
  });
});
