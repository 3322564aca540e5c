import { describe, expect, it } from 'vitest';
import { rowEvaluator } from '../../../src/shared/engine/memo';
import { createMappingRun, mapRecords } from '../../../src/shared/engine/run';
import { compileExpression, EvalFailed, type EvalEnv, type Value } from '../../../src/shared/expression';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import type { SourceRecord, SourceValue } from '../../../src/shared/source/types';
import { compileOrThrow as compile } from '../../support/compile-mapping';

const TODAY = '2026-11-23';

/** Compact records (cells + one shared column table), as the CSV reader hands them to a bulk run. */
function compactRecords(headers: string[], rows: SourceValue[][]): SourceRecord[] {
  const columns = new Map(headers.map((h, i) => [h, i] as const));
  return rows.map((cells, i) => ({
    row: i + 2,
    cells,
    columns,
    get values() {
      return Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? null]));
    },
  }));
}

/** Runs an expression over compact rows through a run's evaluator, and directly, for comparison. */
function evaluateRows(text: string, headers: string[], rows: SourceValue[][]) {
  const compiled = compileExpression(text, { valueMaps: {} });
  if (!compiled.ok) throw new Error(compiled.error.message);
  const evaluator = rowEvaluator(compiled.expr);
  const columns = new Map(headers.map((h, i) => [h, i] as const));
  const show = (v: Value | EvalFailed) => (v instanceof EvalFailed ? `failed: ${v.error.message}` : v);
  const viaRun: unknown[] = [];
  const direct: unknown[] = [];
  // One environment for the whole run, as the engine keeps it (per-run state such as ParseDate "auto" hangs on it).
  const env: EvalEnv = { today: TODAY, get: () => undefined, cells: undefined, columns };
  for (const cells of rows) {
    env.cells = cells;
    viaRun.push(show(evaluator(env)));
  }
  const fresh = compileExpression(text, { valueMaps: {} });
  if (!fresh.ok) throw new Error(fresh.error.message);
  const freshEnv: EvalEnv = { today: TODAY, get: () => undefined, cells: undefined, columns };
  for (const cells of rows) {
    freshEnv.cells = cells;
    direct.push(show(fresh.expr.compute(freshEnv)));
  }
  return { viaRun, direct, expr: compiled.expr };
}

const baseMapping = (extra: Partial<MappingFileInput> = {}): MappingFileInput =>
  ({
    version: 1,
    name: 'Memo',
    source: { kind: 'csv', path: 'hr.csv' },
    mappingKey: { attribute: 'Personeelsnummer' },
    fields: {
      'name.givenName': { expression: 'Trim([Voornaam])' },
      'name.familyName': { expression: 'Trim([Achternaam])' },
      email: { expression: 'Lower(Trim([E-mailadres]))' },
      department: { expression: 'ValueMap([Afdeling], "afdelingen")' },
    },
    valueMaps: { afdelingen: { entries: { FIN: 'Financiën', ICT: 'Informatievoorziening' } } },
    ...extra,
  }) as MappingFileInput;

const HEADERS = ['Personeelsnummer', 'Voornaam', 'Achternaam', 'E-mailadres', 'Afdeling', 'Datum uit dienst'];
const person = (n: number, afdeling: string | null, uit: string | null = null): SourceValue[] => [
  String(100000 + n),
  'Sanne',
  'de Vries',
  `sanne.devries${n}@gemeente-voorbeeld.nl`,
  afdeling,
  uit,
];

describe('results remembered per input value (engine/memo.ts)', () => {
  it('tells inputs apart that a plain concatenation would merge ("ab"+"c" vs "a"+"bc"), and null from ""', () => {
    const rows: SourceValue[][] = [
      ['ab', 'c'],
      ['a', 'bc'],
      ['ab', 'c'],
      [null, 'x'],
      ['', 'x'],
      ['  ', 'x'],
      [null, 'x'],
    ];
    const { viaRun, direct, expr } = evaluateRows(
      'IIF([A] = "ab", "yes-" & [B], "no-" & [B])',
      ['A', 'B'],
      rows,
    );
    expect(expr.pure && expr.costly).toBe(true);
    expect(viaRun).toEqual(['yes-c', 'no-bc', 'yes-c', 'no-x', 'no-x', 'no-x', 'no-x']);
    expect(viaRun).toEqual(direct);
  });

  it('remembers an expression of four columns per combination: null, "", a multi-valued cell and repeats told apart', () => {
    const given = ['Sanne', 'Chloë', null, '', 'Jan'];
    const middle = [null, '', 'de', 'van der', "van 't", ['de', 'van']];
    const family = ['Vries', 'Graaf', 'Berg', 'Hek', null];
    const rows: SourceValue[][] = Array.from({ length: 5000 }, (_, i) => [
      given[i % 5]!,
      i % 11 === 0 ? null : given[(i * 3) % 5]!,
      middle[(i * 7) % 6]!,
      family[(i * 13) % 5]!,
    ]);
    const { viaRun, direct, expr } = evaluateRows(
      'DisplayName(Trim(Coalesce([Roepnaam], [Voornaam])), Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))',
      ['Roepnaam', 'Voornaam', 'Tussenvoegsel', 'Achternaam'],
      rows,
    );
    expect(expr.pure && expr.costly && expr.references.length).toBe(4);
    expect(viaRun).toEqual(direct);
    expect(new Set(viaRun).size).toBeGreaterThan(20);
    expect(viaRun).toContain('Sanne de Vries');
  });

  it('never gives the result of one combination for another when the columns share their values', () => {
    const values = ['a', 'b', 'ab', null, ' a'];
    const rows: SourceValue[][] = Array.from({ length: 3000 }, (_, i) => [
      values[i % 5]!,
      values[Math.floor(i / 5) % 5]!,
      values[Math.floor(i / 25) % 5]!,
    ]);
    const { viaRun, direct, expr } = evaluateRows(
      'IIF([A] = "zz", "", [A] & "|" & [B] & "|" & [C])',
      ['A', 'B', 'C'],
      rows,
    );
    expect(expr.pure && expr.costly).toBe(true);
    expect(viaRun).toEqual(direct);
    expect(new Set(viaRun).size).toBe(125);
  });

  it('gives the same results as evaluating every row when the values do not repeat (the memo switches off)', () => {
    const rows: SourceValue[][] = Array.from({ length: 6000 }, (_, i) => [
      i % 7 === 0 ? 'geen nummer' : `06-${String(10000000 + i * 7919).slice(0, 8)}`,
    ]);
    const { viaRun, direct } = evaluateRows('PhoneE164([Mobiel])', ['Mobiel'], rows);
    expect(viaRun).toEqual(direct);
    expect(viaRun.filter((v) => typeof v === 'string' && v.startsWith('failed')).length).toBeGreaterThan(800);
  });

  it('never remembers ParseDate "auto": a number after a date written as text is refused, not read as before', () => {
    const rows: SourceValue[][] = [['45000'], ['31-01-2027'], ['45000']];
    const { viaRun, expr } = evaluateRows('ParseDate([Uit])', ['Uit'], rows);
    expect(expr.pure).toBe(false);
    expect(viaRun[0]).toEqual({ kind: 'date', iso: '2023-03-15' });
    expect(viaRun[2]).toMatch(/^failed: .*a number among dates written as text/);
  });

  it('does not carry a table over between mappings that share an expression text', () => {
    const records = compactRecords(HEADERS, [person(1, 'ICT'), person(2, 'FIN'), person(3, 'ICT')]);
    const a = mapRecords(compile(baseMapping()), records, { today: TODAY });
    const b = mapRecords(
      compile(
        baseMapping({ valueMaps: { afdelingen: { entries: { ICT: 'ICT & Data' }, default: 'Overig' } } }),
      ),
      records,
      { today: TODAY },
    );
    const department = (o: (typeof a.outcomes)[number]) =>
      o.status === 'mapped'
        ? o.user.attributes['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department']
        : o.status;
    expect(a.outcomes.map(department)).toEqual([
      'Informatievoorziening',
      'Financiën',
      'Informatievoorziening',
    ]);
    expect(b.outcomes.map(department)).toEqual(['ICT & Data', 'Overig', 'ICT & Data']);
  });

  it('reports a remembered failure at every row that has it, each with its own row number', () => {
    const mapping = compile(
      baseMapping({
        deactivation: { endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")' },
      }),
    );
    const records = compactRecords(HEADERS, [
      person(1, 'ICT', '31-02-2025'),
      person(2, 'ICT', '01-01-2030'),
      person(3, 'ICT', '31-02-2025'),
      person(4, 'ICT', '31-02-2025'),
    ]);
    const result = mapRecords(mapping, records, { today: TODAY });
    const invalid = result.issues.filter((i) => i.code === 'invalid-date');
    expect(invalid.map((i) => i.row)).toEqual([2, 4, 5]);
    expect(invalid.every((i) => i.message.startsWith(`row ${i.row}: end date:`))).toBe(true);
    expect(result.outcomes.map((o) => o.status)).toEqual(['error', 'mapped', 'error', 'error']);
  });
});

describe('a run that keeps no outcomes keeps no login per row (validate)', () => {
  const mapping = compile(
    baseMapping({
      loginSchema: {
        begin: { field: 'name.givenName', part: 'firstLetter' },
        separator: '.',
        end: { field: 'name.familyName', part: 'full' },
        domain: 'Gemeente-Voorbeeld.nl',
      },
    }),
  );
  // Five namesakes (Sanne de Vries), two others; the fourth namesake's key makes a suffix that is already taken.
  const rows = [1, 2, 3, 4, 5].map((n) => person(n, 'ICT'));
  rows.push(['100777', 'Sem', 'Bakker', 'sem.bakker@gemeente-voorbeeld.nl', 'FIN', null]);
  rows.push(['100888', 'Saar', 'de  Vries', 'saar.devries@gemeente-voorbeeld.nl', 'FIN', null]);
  rows.splice(3, 0, ['100999', 'Sanne', 'de Vries_100004', 'sanne.x@gemeente-voorbeeld.nl', 'ICT', null]);
  const records = compactRecords(HEADERS, rows);

  const run = (keepLogins: boolean) => {
    const issues: unknown[] = [];
    const r = createMappingRun(mapping, { today: TODAY, keepLogins, onIssue: (i) => issues.push(i) });
    for (const record of records) r.push(record);
    const finished = r.finish();
    return { issues, summary: finished.summary, logins: finished.logins, parts: finished.loginParts };
  };

  it('reports the same collisions, naming the same logins, as a run that keeps them all', () => {
    const all = run(true);
    const lean = run(false);
    expect(lean.issues).toEqual(all.issues);
    expect(lean.summary).toEqual(all.summary);
    const collision = all.issues.find((i) => (i as { code: string }).code === 'login-collision') as {
      message: string;
    };
    expect(collision.message).toContain('s.devries_100002@gemeente-voorbeeld.nl');
    expect(collision.message).toContain('s.devries_100004_2@gemeente-voorbeeld.nl');
    expect(all.logins.size).toBe(rows.length);
    // Only the rows after the first with the same base, whose logins the collision issue names.
    expect([...lean.logins.keys()].sort()).toEqual([3, 4, 6, 7, 9]);
    expect(lean.parts.size).toBe(0);
  });
});
