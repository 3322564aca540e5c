import { describe, expect, it } from 'vitest';
import { changedCells, createPreview } from '../../../src/shared/graph/preview';
import type { PreviewInput } from '../../../src/shared/graph/preview';
import { format, formatExpressionError, formatIssue } from '../../../src/shared/i18n';
import { dutchSample } from './sample';

const rules: PreviewInput['rules'] = {
  version: 1,
  name: 'Gemeente Ede',
  source: { kind: 'csv' },
  mappingKey: { attribute: 'Personeelsnummer' },
  valueMaps: { afdelingen: { entries: { Burgerzaken: 'Publiekszaken' } } },
};
const EXPR = {
  'name.givenName': '[Roepnaam]',
  'name.familyName': '[Achternaam]',
  'emails[type eq "work"].value': 'Lower([E-mail])',
};

describe('live preview', () => {
  it('shows mapped values on Dutch rows, and the family name with its tussenvoegsel after an edit', () => {
    const { records } = dutchSample(20);
    const preview = createPreview();
    const first = preview({ rules, expressions: EXPR, records, today: '2026-11-23' });
    const col = first.columns.findIndex((c) => c.path === 'name.familyName');
    expect(first.rows[0]?.cells[col]?.text).toBe('Berg');
    const second = preview({
      rules,
      expressions: { ...EXPR, 'name.familyName': 'Join(" ", [Tussenvoegsel], [Achternaam])' },
      records,
      today: '2026-11-23',
    });
    expect(second.rows[0]?.cells[col]?.text).toBe('van der Berg');
    expect(second.rows[1]?.cells[col]?.text).toBe('Bosch');
    expect(second.rows.every((r) => r.status === 'active' || r.status === 'deactivate')).toBe(true);
    const changed = changedCells(first, second);
    expect(changed.has('2:name.familyName')).toBe(true); // van der Berg
    expect(changed.has('3:name.familyName')).toBe(false); // no tussenvoegsel: unchanged
    expect(changed.has('2:name.givenName')).toBe(false);
  });

  it('re-evaluates only the column whose expression changed', () => {
    const { records } = dutchSample(5);
    const preview = createPreview();
    const a = preview({ rules, expressions: EXPR, records, today: '2026-11-23' });
    const b = preview({
      rules,
      expressions: { ...EXPR, 'name.givenName': 'Upper([Roepnaam])' },
      records,
      today: '2026-11-23',
    });
    expect(b.rows[1]?.cells[0]?.text).toBe('JÜRGEN');
    // Same cell objects for the untouched column: it was not evaluated again.
    expect(b.rows[0]?.cells[1]).toBe(a.rows[0]?.cells[1]);
    expect(b.rows[0]?.cells[0]).not.toBe(a.rows[0]?.cells[0]);
  });

  it('marks duplicate and empty mapping keys and warns about a key that can change', () => {
    const { records } = dutchSample(6);
    records[3]!.values.Personeelsnummer = '10001';
    records[4]!.values.Personeelsnummer = '  ';
    const r = createPreview()({ rules, expressions: EXPR, records, today: '2026-11-23' });
    expect(r.rows.map((x) => x.keyStatus)).toEqual(['ok', 'duplicate', 'ok', 'duplicate', 'empty', 'ok']);
    expect(r.duplicateKeys).toBe(2);
    expect(r.emptyKeys).toBe(1);
    expect(r.rows[1]?.issues.join(' ')).toMatch(/10001/);
    expect(r.keyStability).toBeNull();
    const byMail = createPreview()({
      rules: { ...rules, mappingKey: { attribute: 'mail' } },
      expressions: EXPR,
      records,
      today: '2026-11-23',
    });
    expect(byMail.keyStability).toMatch(/name change/);
    // The tooltip in the screen's language, from its catalogue id.
    expect(byMail.keyStabilityId).toBe('key.stability.mail');
    expect(format('nl', byMail.keyStabilityId!)).toMatch(
      /^mail verandert mee met een nieuwe naam \(huwelijk/,
    );
    expect(r.keyStabilityId).toBeNull();
    const byConstructor = createPreview()({
      rules: { ...rules, mappingKey: { attribute: 'constructor' } },
      expressions: EXPR,
      records,
      today: '2026-11-23',
    });
    expect([byConstructor.keyStability, byConstructor.keyStabilityId]).toEqual([null, null]);
  });

  it('says why a row is skipped (out of scope, starting later) in the screen’s language', () => {
    const { records } = dutchSample(6);
    for (const r of records) r.values['Datum in dienst'] = '01-03-2019';
    records[2]!.values['Datum in dienst'] = '01-02-2027'; // Sociaal Domein, starts in February
    const r = createPreview()({
      rules: {
        ...rules,
        scope: { include: '[Afdeling] <> "ICT"' },
        activation: { startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")' },
      },
      expressions: EXPR,
      records,
      today: '2026-11-23',
    });
    const ict = r.rows.find((x) => x.row === 3)!;
    const joiner = r.rows.find((x) => x.row === 4)!;
    expect([ict.status, joiner.status]).toEqual(['skipped', 'skipped']);
    // One reason per row, as data: no English reason beside the issue.
    expect(ict.issues).toHaveLength(1);
    expect(ict.rowIssues.map((i) => formatIssue(i, 'nl'))).toEqual([
      'rij 3: overgeslagen, buiten scope: [Afdeling] <> "ICT" is niet waar',
    ]);
    expect(joiner.rowIssues.map((i) => formatIssue(i, 'nl'))).toEqual([
      'rij 4: komt in dienst op 2027-02-01; het account wordt op die dag aangemaakt',
    ]);
    expect(formatIssue(joiner.rowIssues[0]!, 'en')).toMatch(/^row 4: starts on 2027-02-01/);
  });

  it('still marks duplicate and empty keys while the mapping does not compile yet', () => {
    const { records } = dutchSample(4);
    records[2]!.values.Personeelsnummer = '10000';
    records[3]!.values.Personeelsnummer = null;
    const r = createPreview()({
      rules,
      expressions: { 'name.givenName': '[Roepnaam]' },
      records,
      today: '2026-11-23',
    });
    expect(r.problems.map((p) => p.message).join(' ')).toMatch(/name.familyName/);
    expect(r.rows.map((x) => x.keyStatus)).toEqual(['duplicate', 'ok', 'duplicate', 'empty']);
  });

  it('shows per-row errors inline and definition problems without throwing', () => {
    const { records } = dutchSample(14);
    const r = createPreview()({
      rules,
      expressions: {
        ...EXPR,
        title: 'FormatDate(ParseDate([Achternaam], "dd-MM-yyyy"), "yyyy")',
        displayName: 'Jion([Roepnaam])',
      },
      records,
      today: '2026-11-23',
    });
    const title = r.columns.findIndex((c) => c.path === 'title');
    expect(r.rows[0]?.cells[title]?.error).toMatch(/Berg/);
    expect(r.columns.find((c) => c.path === 'displayName')?.error).toMatch(/Jion/);
    // The column's compile error and the cell's failure carry their codes for the screen's language.
    const jion = r.columns.find((c) => c.path === 'displayName')!.compileError!;
    expect(formatExpressionError('nl', jion)).toBe('onbekende functie Jion');
    const cell = r.rows[0]!.cells[title]!;
    expect(format('nl', cell.detail!.id as never, cell.detail)).toMatch(
      /^ParseDate: "Berg" is geen datum in het formaat dd-MM-yyyy/,
    );
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.rows[0]?.status).toBe('unknown');
  });
});
