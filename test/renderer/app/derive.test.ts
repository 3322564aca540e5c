import { describe, expect, it } from 'vitest';
import type { PlanChangeView, PreviewResult } from '../../../src/shared/api/contract';
import type { MappedUser, RowOutcome } from '../../../src/shared/engine/types';
import { said } from '../../../src/shared/i18n/message';
import { planReason } from '../../../src/renderer/src/app/logic/counts';
import {
  countWarnings,
  deactivationPreview,
  hasWarning,
  planWarnings,
  shownWords,
  displayNameOf,
  filterPlanChanges,
  groupPreview,
  rememberedReasons,
  previewRows,
  summarizeChange,
  attributesOfField,
} from '../../../src/renderer/src/app/logic/derive';

function user(
  row: number,
  key: string,
  attrs: Record<string, string | null>,
  extra: Partial<MappedUser> = {},
): MappedUser {
  return { row, key, attributes: attrs, active: true, groups: [], trace: {}, ...extra };
}

const outcomes: RowOutcome[] = [
  {
    status: 'mapped',
    row: 2,
    user: user(
      2,
      '10001',
      {
        'name.givenName': 'Jan',
        'name.middleName': 'van der',
        'name.familyName': 'Berg',
        title: 'Verpleegkundige',
      },
      { groups: ['Zorg'] },
    ),
  },
  {
    status: 'mapped',
    row: 3,
    user: user(
      3,
      '10002',
      { 'name.givenName': 'Jürgen', 'name.familyName': 'Müller' },
      {
        active: false,
        deactivationReason: 'endDate 2026-01-31 is before today',
      },
    ),
  },
  {
    status: 'mapped',
    row: 4,
    user: user(
      4,
      '10003',
      { displayName: 'Fatma Yılmaz' },
      { leavingOn: '2026-12-31', groups: ['Zorg', 'Teamleiders'] },
    ),
  },
  {
    status: 'mapped',
    row: 5,
    user: user(
      5,
      '10004',
      { 'name.givenName': 'Sanne', 'name.familyName': 'de Vries' },
      { leavingOn: '2026-12-01' },
    ),
  },
  { status: 'skipped', row: 6, key: '10005', reason: 'scope: Contract = "Extern"' },
  {
    status: 'error',
    row: 7,
    key: '10006',
    issues: [
      {
        code: 'invalid-email',
        severity: 'error',
        row: 7,
        field: 'emails[type eq "work"].value',
        message: 'geen geldig e-mailadres: "p.jansen@"',
      },
    ],
  },
];

describe('displayNameOf', () => {
  it('joins given name, tussenvoegsel and family name when there is no display name', () => {
    const u = outcomes[0];
    expect(u?.status === 'mapped' && displayNameOf(u.user)).toBe('Jan van der Berg');
  });
  it('prefers displayName, falls back to the key', () => {
    expect(displayNameOf(user(1, '42', { displayName: 'Fatma Yılmaz' }))).toBe('Fatma Yılmaz');
    expect(displayNameOf(user(1, '42', { 'name.givenName': '  ' }))).toBe('42');
  });
});

describe('deactivationPreview', () => {
  it('lists the deactivated and the leavers, leavers by date', () => {
    const p = deactivationPreview(outcomes);
    expect(p.deactivate).toEqual([
      { row: 3, key: '10002', name: 'Jürgen Müller', reason: 'endDate 2026-01-31 is before today' },
    ]);
    expect(p.leavingLater.map((l) => [l.name, l.date])).toEqual([
      ['Sanne de Vries', '2026-12-01'],
      ['Fatma Yılmaz', '2026-12-31'],
    ]);
  });
});

describe('groupPreview', () => {
  it('keeps the rules’ group order, includes empty groups and counts members', () => {
    const g = groupPreview(outcomes, ['Teamleiders', 'Zorg', 'ICT']);
    expect(g.map((x) => [x.group, x.members.map((m) => m.name)])).toEqual([
      ['Teamleiders', ['Fatma Yılmaz']],
      ['Zorg', ['Jan van der Berg', 'Fatma Yılmaz']],
      ['ICT', []],
    ]);
  });
});

describe('previewRows', () => {
  it('flattens mapped, skipped and error rows and attaches row issues', () => {
    const preview: PreviewResult = {
      outcomes,
      issues: [{ code: 'invalid-phone', severity: 'warning', row: 2, message: 'onbekend nummer' }],
      summary: null,
      problems: [],
    };
    const rows = previewRows(preview, ['name.familyName', 'title']);
    expect(rows[0]).toMatchObject({
      key: '10001',
      status: 'mapped',
      values: { 'name.familyName': 'Berg', title: 'Verpleegkundige' },
    });
    expect(rows[0]?.issues.map((i) => i.code)).toEqual(['invalid-phone']);
    expect(rows[1]?.values).toEqual({ 'name.familyName': 'Müller', title: '' });
    expect(rows[4]).toMatchObject({ status: 'skipped', reason: 'scope: Contract = "Extern"' });
    expect(rows[5]?.issues.map((i) => i.code)).toEqual(['invalid-email']);
  });
});

describe('filterPlanChanges', () => {
  const changes: PlanChangeView[] = [
    {
      key: '10001',
      action: 'create',
      userName: 'jan.vanderberg@zorggroep.nl',
      displayName: 'Jan van der Berg',
      changes: [],
    },
    {
      key: '10002',
      action: 'update',
      displayName: 'Jürgen Müller',
      changes: [{ path: 'title', from: 'Adviseur', to: 'Senior adviseur' }],
    },
    {
      key: '10003',
      action: 'deactivate',
      displayName: 'Fatma Yılmaz',
      changes: [],
      reason: 'endDate 2026-01-31',
    },
    { key: '10004', action: 'update', displayName: 'Sanne de Vries', changes: [], groupsAdded: ['Zorg'] },
  ];

  it('filters by action', () => {
    expect(filterPlanChanges(changes, { action: 'update', text: '' }).map((c) => c.key)).toEqual([
      '10002',
      '10004',
    ]);
  });
  it('searches names, keys, values, reasons and groups case-insensitively', () => {
    expect(filterPlanChanges(changes, { action: 'all', text: 'MÜLLER' }).map((c) => c.key)).toEqual([
      '10002',
    ]);
    expect(filterPlanChanges(changes, { action: 'all', text: 'senior' }).map((c) => c.key)).toEqual([
      '10002',
    ]);
    expect(filterPlanChanges(changes, { action: 'all', text: 'van der' }).map((c) => c.key)).toEqual([
      '10001',
    ]);
    expect(filterPlanChanges(changes, { action: 'all', text: '2026-01' }).map((c) => c.key)).toEqual([
      '10003',
    ]);
    expect(filterPlanChanges(changes, { action: 'all', text: 'zorg' }).map((c) => c.key)).toEqual([
      '10001',
      '10004',
    ]);
  });
  it('combines action and text', () => {
    expect(filterPlanChanges(changes, { action: 'create', text: 'müller' })).toEqual([]);
  });
  it('finds a reason by the words the table shows in Dutch, each reason worded once', () => {
    const coded: PlanChangeView[] = [
      {
        key: '10005',
        action: 'deactivate',
        displayName: 'Fatma Yılmaz',
        changes: [],
        reason: 'end date 2026-01-31 has passed',
        reasons: [said('report.reason.endDate', { date: '2026-01-31' })],
      },
      {
        key: '10006',
        action: 'update',
        displayName: 'Sanne de Vries',
        changes: [],
        reason: 'changed in the source',
      },
    ];
    let worded = 0;
    const dutch = rememberedReasons((c) => {
      worded++;
      return planReason(c, new Map(), 'nl');
    });
    const find = (text: string) => filterPlanChanges(coded, { action: 'all', text }, dutch).map((c) => c.key);
    expect(find('verstreken')).toEqual(['10005']);
    expect(find('31-01-2026')).toEqual(['10005']);
    // The English text the plan file keeps is not what the Dutch table shows.
    expect(find('has passed')).toEqual([]);
    expect(worded).toBe(2);
    // Without a wording the plan's own reason is searched, as before.
    expect(filterPlanChanges(coded, { action: 'all', text: 'has passed' }).map((c) => c.key)).toEqual([
      '10005',
    ]);
  });
  describe('warnings on a line (a login that had to be suffixed)', () => {
    const namesakes: PlanChangeView[] = [
      {
        key: '10011',
        action: 'create',
        displayName: 'Jan de Vries',
        userName: 'j.devries@gemeente-voorbeeld.nl',
        changes: [{ path: 'userName', from: null, to: 'j.devries@gemeente-voorbeeld.nl' }],
        reason: 'new in the source',
        reasons: [said('report.reason.new')],
      },
      {
        key: '10012',
        action: 'create',
        displayName: 'Jan de Vries',
        userName: 'j.devries_10012@gemeente-voorbeeld.nl',
        changes: [{ path: 'userName', from: null, to: 'j.devries_10012@gemeente-voorbeeld.nl' }],
        reason: 'new in the source',
        reasons: [said('report.reason.new')],
        warnings: [
          'login j.devries@gemeente-voorbeeld.nl is already taken, so this account gets j.devries_10012@gemeente-voorbeeld.nl',
        ],
        warningMessages: [
          said('report.warning.loginTaken', {
            plain: 'j.devries@gemeente-voorbeeld.nl',
            given: 'j.devries_10012@gemeente-voorbeeld.nl',
          }),
        ],
      },
      // A plan file written before warnings were coded: only the English text.
      {
        key: '10013',
        action: 'update',
        displayName: 'Anouk Jansen',
        changes: [],
        reason: '1 field changed',
        warnings: ['manager reference left out'],
      },
    ];

    it('words each warning in the interface language, an uncoded one as written', () => {
      expect(planWarnings(namesakes[1]!, 'nl')).toEqual([
        'login j.devries@gemeente-voorbeeld.nl is al in gebruik, daarom krijgt dit account j.devries_10012@gemeente-voorbeeld.nl',
      ]);
      expect(planWarnings(namesakes[1]!, 'en')).toEqual([
        'login j.devries@gemeente-voorbeeld.nl is already taken, so this account gets j.devries_10012@gemeente-voorbeeld.nl',
      ]);
      expect(planWarnings(namesakes[2]!, 'nl')).toEqual(['manager reference left out']);
      expect(planWarnings(namesakes[0]!, 'nl')).toEqual([]);
      expect(namesakes.map(hasWarning)).toEqual([false, true, true]);
    });

    it('counts the lines with a warning for the summary', () => {
      expect(countWarnings(namesakes)).toBe(2);
      expect(countWarnings(changes)).toBe(0);
      expect(countWarnings([{ ...namesakes[0]!, warnings: [], warningMessages: [] }])).toBe(0);
    });

    it('filters to the lines with a warning, and with an action filter as before', () => {
      expect(filterPlanChanges(namesakes, { action: 'warning', text: '' }).map((c) => c.key)).toEqual([
        '10012',
        '10013',
      ]);
      expect(filterPlanChanges(namesakes, { action: 'warning', text: 'jansen' }).map((c) => c.key)).toEqual([
        '10013',
      ]);
      expect(filterPlanChanges(namesakes, { action: 'create', text: '' })).toHaveLength(2);
    });

    it('finds a warning by the words the table shows, in Dutch and in English', () => {
      const find = (lang: 'nl' | 'en', text: string) =>
        filterPlanChanges(
          namesakes,
          { action: 'all', text },
          rememberedReasons((c) => shownWords(c, (x) => planReason(x, new Map(), lang), lang)),
        ).map((c) => c.key);
      expect(find('nl', 'al in gebruik')).toEqual(['10012']);
      expect(find('nl', 'already taken')).toEqual([]);
      expect(find('en', 'already taken')).toEqual(['10012']);
      expect(find('en', 'al in gebruik')).toEqual([]);
      // The reason is still found beside the warning.
      expect(find('nl', 'nieuw in de bron')).toEqual(['10011', '10012']);
      expect(find('nl', 'reference left out')).toEqual(['10013']);
      // Without a wording, the plan's English warnings are searched.
      expect(
        filterPlanChanges(namesakes, { action: 'all', text: 'already taken' }).map((c) => c.key),
      ).toEqual(['10012']);
    });
  });

  it('filters 100k changes', () => {
    const many: PlanChangeView[] = Array.from({ length: 100_000 }, (_, i) => ({
      key: String(100000 + i),
      action: i % 10 === 0 ? 'deactivate' : 'update',
      displayName: `Medewerker ${i}`,
      changes: [],
    }));
    expect(filterPlanChanges(many, { action: 'deactivate', text: '' })).toHaveLength(10_000);
    expect(filterPlanChanges(many, { action: 'all', text: '199999' }).map((c) => c.key)).toEqual(['199999']);
  });
});

describe('summarizeChange', () => {
  it('describes field changes and added groups', () => {
    expect(
      summarizeChange({
        key: '1',
        action: 'update',
        changes: [
          { path: 'title', from: 'Adviseur', to: 'Senior adviseur' },
          {
            path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
            from: null,
            to: 'Zorg',
          },
        ],
        groupsAdded: ['Teamleiders'],
      }),
    ).toBe('title: "Adviseur" → "Senior adviseur"; department: "Zorg"; +Teamleiders');
  });
  it('uses the label function for field names', () => {
    const labels: Record<string, string> = { title: 'Functie' };
    expect(
      summarizeChange(
        { key: '1', action: 'update', changes: [{ path: 'title', from: 'Adviseur', to: 'Senior adviseur' }] },
        3,
        (p) => labels[p] ?? p,
      ),
    ).toBe('Functie: "Adviseur" → "Senior adviseur"');
  });
  it('falls back to the reason', () => {
    expect(summarizeChange({ key: '1', action: 'deactivate', changes: [], reason: 'inactiveWhen' })).toBe(
      'inactiveWhen',
    );
  });
});

describe('attributesOfField', () => {
  const fields = {
    'emails[type eq "work"].value': { expression: 'Lower(Trim([E-mailadres]))' },
    'name.familyName': { expression: 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))' },
  };
  const names = ['Personeelsnummer', 'E-mailadres', 'Tussenvoegsel', 'Achternaam'];
  it('maps a target field to the attributes its expression reads', () => {
    expect(attributesOfField('emails[type eq "work"].value', fields, names)).toEqual(['E-mailadres']);
    expect(attributesOfField('name.familyName', fields, names)).toEqual(['Tussenvoegsel', 'Achternaam']);
  });
  it('keeps a source attribute as it is and ignores unknown names', () => {
    expect(attributesOfField('Personeelsnummer', fields, names)).toEqual(['Personeelsnummer']);
    expect(attributesOfField('title', fields, names)).toEqual([]);
    expect(attributesOfField(undefined, fields, names)).toEqual([]);
  });
});
