// The row-local stage of a run can run where the rows are read (the CSV reader's thread): it writes each row's
// verdict, and the run that holds the cross-row checks files the verdicts (pushVerdicts). Rows filed so must give
// exactly what pushing their records gives: the same issues (with their catalogue parameters) in the same order, the
// same summary, blocked rows and logins — on messy generated Dutch exports, with scope, joiners, failing fields and
// rules, a login schema and a previous state, whichever share of the chunks went which way.
import { describe, expect, it } from 'vitest';
import { CsvRecord } from '../../../src/main/sources/csv/csv-core';
import { parseCsvBuffer } from '../../../src/main/sources/csv/read-csv';
import type { CompiledMapping } from '../../../src/shared/engine/compile';
import {
  createMappingRun,
  rowsAreIndependent,
  rowStageColumns,
  type RunOptions,
} from '../../../src/shared/engine/run';
import type { PreviousState } from '../../../src/shared/engine/types';
import {
  FailureReader,
  ISSUE_FIELD_FAILED,
  ISSUE_LEAVING_LATER,
  VerdictWriter,
  type FailureData,
  type RowVerdicts,
} from '../../../src/shared/engine/verdicts';
import type { Issue } from '../../../src/shared/issues';
import type { SourceRecord, SourceValue } from '../../../src/shared/source/types';
import { generateHrExport } from '../../fixtures/hr-export';
import { DOCS_LOGIN_SCHEMA } from '../../fixtures/login-schema';
import { compileOrThrow as compile } from '../../support/compile-mapping';

const TODAY = '2026-11-23';

const BASE = {
  version: 1,
  name: 'Row stage',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer', birthDateAttribute: 'Geboortedatum' },
  fields: {
    'name.givenName': { expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))' },
    'name.familyName': { expression: 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))' },
    email: { expression: 'Lower(Trim([E-mailadres]))' },
    title: { expression: 'Trim([Functie])' },
    department: { expression: 'ValueMap(Trim([Afdeling]), "afdelingen")' },
    'phoneNumbers[type eq "work"].value': { expression: 'PhoneE164([Telefoon werk])' },
  },
  deactivation: {
    endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
    inactiveWhen: 'In([Status], "Inactief", "Uit dienst")',
  },
  groupRules: [{ group: 'ICT', field: 'department', in: ['ICT'] }],
  valueMaps: { afdelingen: { entries: { FIN: 'Financiën', ICT: 'ICT' } } },
};

const MAPPINGS: [string, object][] = [
  ['the demo fields', BASE],
  ['a login schema (collision suffix from the key)', { ...BASE, loginSchema: DOCS_LOGIN_SCHEMA }],
  [
    'emails as written (duplicates by case only), joiners 14 days ahead, a scope',
    {
      ...BASE,
      fields: { ...BASE.fields, email: { expression: 'Trim([E-mailadres])' } },
      activation: { startDate: 'ParseDate([Datum in dienst], "dd-MM-yyyy")', daysAhead: 14 },
      scope: { include: 'IsPresent([Afdeling])' },
    },
  ],
  [
    'a field that fails on every row, a leaver rule that fails on some, a scope that fails on some',
    {
      ...BASE,
      fields: { ...BASE.fields, nickName: { expression: 'ToNumber([Achternaam])' } },
      deactivation: {
        endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
        inactiveWhen: 'ToNumber([Leidinggevende]) > 150000',
      },
      scope: { include: 'ToNumber([Personeelsnummer]) > 0' },
    },
  ],
];

/** A messy export: the generator's planted defects, plus hand-made ones at known rows. */
function records(seed: number, names: 'repeating' | 'varied') {
  const { bytes } = generateHrExport({ rows: 2000, seed, defects: true, names });
  const { events } = parseCsvBuffer(bytes, { compactRecords: true });
  const out: SourceRecord[] = [];
  const issues: Issue[] = [];
  for (const e of events) {
    if (e.kind === 'record') out.push(e.record);
    else issues.push(e.issue);
  }
  const set = (r: SourceRecord, column: string, value: string) => {
    (r.cells as (string | null)[])[r.columns!.get(column)!] = value;
  };
  out.forEach((r, i) => {
    if (i % 89 === 3) set(r, 'E-mailadres', ' Jan.de.Vries@Gemeente-Voorbeeld.NL ');
    if (i % 103 === 11) set(r, 'Achternaam', 'Y?lmaz');
    if (i % 107 === 13) set(r, 'Datum uit dienst', '31-02-2024');
    if (i % 109 === 17) set(r, 'Datum in dienst', '01-12-2026');
    if (i % 113 === 19) set(r, 'Datum in dienst', 'morgen');
    if (i % 127 === 23) set(r, 'Roepnaam', '   ');
    if (i % 131 === 29) set(r, 'Status', ' inactief ');
    if (i % 137 === 31) set(r, 'E-mailadres', 'zoë@bücher.de');
    if (i % 139 === 37) set(r, 'Personeelsnummer', 'x12');
    if (i % 149 === 41) set(r, 'Personeelsnummer', i % 2 === 0 ? '0012345' : '12345');
    if (i % 151 === 43) set(r, 'E-mailadres', i % 2 === 0 ? 'Twee@Elders.nl' : 'twee@elders.NL');
    if (i % 163 === 7) set(r, 'Achternaam', '');
  });
  // A previous state in which the first rows' people had other keys (key-changed by email, and by name + birth).
  const cell = (r: SourceRecord, column: string) =>
    (r.cells![r.columns!.get(column)!] as string | null) ?? null;
  const previous: PreviousState = {
    rows: 300,
    users: out.slice(0, 300).map((r, i) => ({
      key: `9${i}`,
      email: i % 2 === 0 ? cell(r, 'E-mailadres') : null,
      givenName: cell(r, 'Roepnaam'),
      familyName: cell(r, 'Achternaam'),
      birthDate: cell(r, 'Geboortedatum'),
    })),
  };
  return { records: out, issues, previous };
}

/**
 * Runs the records through one run; chunks of `chunk` rows for which `elsewhere(k)` holds go through a row stage
 * of their own first (its verdicts cloned, as they cross a thread) and are filed by their verdicts.
 */
function run(
  compiled: CompiledMapping,
  input: ReturnType<typeof records>,
  options: Omit<RunOptions, 'today'>,
  chunk: number,
  elsewhere: (k: number) => boolean,
  maxFailures?: number,
) {
  const issues: Issue[] = [];
  const mapping = createMappingRun(compiled, { today: TODAY, ...options, onIssue: (i) => issues.push(i) });
  const writer = new VerdictWriter(maxFailures);
  const blocks: RowVerdicts[] = [];
  const read = rowStageColumns(compiled, options.previous !== undefined);
  const stage = createMappingRun(compiled, {
    today: TODAY,
    statusOnly: true,
    keepLogins: false,
    rowStage: { writer, identity: options.previous !== undefined },
  });
  for (const i of input.issues) mapping.pushSourceIssue(i);
  let filed = 0;
  for (let k = 0, at = 0; at < input.records.length; k++, at += chunk) {
    const rows = input.records.slice(at, at + chunk);
    if (!elsewhere(k)) {
      for (const r of rows) mapping.push(r);
      continue;
    }
    // The stage reads only its columns (the reader's thread cuts no other cell from the text).
    for (const r of rows) stage.push(onlyColumns(r, read));
    const block = structuredClone(writer.take());
    blocks.push(block);
    // Filed in two runs, as a chunk is when a source issue falls between its rows.
    const half = rows.length >> 1;
    mapping.pushVerdicts(block, 0, half);
    mapping.pushVerdicts(block, half, rows.length);
    filed += rows.length;
  }
  const finished = mapping.finish();
  return {
    issues: JSON.stringify(issues.map((i) => ({ ...i, params: i.params }))),
    summary: finished.summary,
    blocked: JSON.stringify([...finished.blockedRows]),
    logins: [...finished.logins],
    loginParts: [...finished.loginParts],
    filed,
    blocks,
  };
}

/** The record with every cell but those of `read` null. */
function onlyColumns(record: SourceRecord, read: ReadonlySet<string>): SourceRecord {
  const columns = record.columns!;
  const cells = record.cells!.map(() => null as SourceValue);
  for (const [name, i] of columns) if (read.has(name)) cells[i] = record.cells![i]!;
  return new CsvRecord(record.row, record.ref ?? '', cells, columns);
}

/** What crossed in the blocks: issue entries by kind, issues as objects, failures written out. */
function crossed(blocks: readonly RowVerdicts[]) {
  let fieldFailed = 0;
  let leavingLater = 0;
  let objects = 0;
  let failures = 0;
  for (const b of blocks) {
    for (const kind of b.issueKinds) {
      if (kind === ISSUE_FIELD_FAILED) fieldFailed++;
      else if (kind === ISSUE_LEAVING_LATER) leavingLater++;
    }
    objects += b.issues.length;
    failures += b.failures.length / 2;
  }
  return { fieldFailed, leavingLater, objects, failures };
}

describe('rows filed by their verdicts equal rows pushed as records', () => {
  for (const [name, mapping] of MAPPINGS) {
    const compiled = compile(mapping);
    for (const [seed, names] of [
      [3, 'repeating'],
      [4, 'varied'],
    ] as const) {
      const input = records(seed, names);
      for (const withPrevious of [false, true]) {
        it(`${name}; seed ${seed}, ${names} names${withPrevious ? ', a previous state' : ''}`, () => {
          expect(rowsAreIndependent(compiled)).toBe(true);
          for (const keepLogins of [false, true]) {
            const options = {
              statusOnly: true,
              keepLogins,
              ...(withPrevious ? { previous: input.previous } : {}),
            };
            const pushed = run(compiled, input, options, 64, () => false);
            const all = run(compiled, input, options, 64, () => true);
            const mixed = run(compiled, input, options, 37, (k) => k % 3 !== 0);
            // A failure table of 7 entries: numbered from 0 again every block or two.
            const small = run(compiled, input, options, 64, (k) => k % 5 !== 1, 7);
            for (const other of [all, mixed, small]) {
              expect(other.summary).toEqual(pushed.summary);
              expect(other.issues).toBe(pushed.issues);
              expect(other.blocked).toBe(pushed.blocked);
              expect(other.logins).toEqual(pushed.logins);
              expect(other.loginParts).toEqual(pushed.loginParts);
            }
            expect(all.filed).toBe(input.records.length);
            expect(mixed.filed).toBeGreaterThan(1000);
            // The data is messy: errors, warnings, blocked rows, and key changes when there is a previous state.
            const codes = new Set((JSON.parse(pushed.issues) as Issue[]).map((i) => i.code));
            expect(codes).toContain('duplicate-key');
            expect(codes).toContain('invalid-email');
            expect(codes).toContain('encoding');
            if (withPrevious) expect(codes).toContain('key-changed');
            expect(pushed.summary.users.error).toBeGreaterThan(5);
          }
        });
      }
    }
  }
});

describe('rowsAreIndependent', () => {
  it('is false when a ParseDate "auto" remembers earlier rows, true for explicit formats', () => {
    expect(rowsAreIndependent(compile(BASE))).toBe(true);
    const auto = {
      ...BASE,
      deactivation: { ...BASE.deactivation, endDate: 'ParseDate([Datum uit dienst])' },
    };
    expect(rowsAreIndependent(compile(auto))).toBe(false);
    const field = {
      ...BASE,
      fields: { ...BASE.fields, title: { expression: 'ParseDate([Functie], "auto")' } },
    };
    expect(rowsAreIndependent(compile(field))).toBe(false);
  });
});

describe('issues that cross compactly', () => {
  it('a field failing on every row crosses as entries and a table of its distinct failures, not as objects', () => {
    const compiled = compile(MAPPINGS[3]![1]);
    for (const [seed, names] of [
      [3, 'repeating'],
      [4, 'varied'],
    ] as const) {
      const input = records(seed, names);
      const all = run(compiled, input, { statusOnly: true }, 64, () => true);
      const c = crossed(all.blocks);
      const issues = JSON.parse(all.issues) as Issue[];
      const failedFields = issues.filter((i) => i.params?.id === 'issue.eval.field').length;
      // Every row in scope fails on nickName; the plain rows' failures (nearly all) cross as entries.
      expect(failedFields).toBeGreaterThan(1500);
      expect(c.fieldFailed).toBeGreaterThan(failedFields * 0.9);
      expect(c.fieldFailed).toBeLessThanOrEqual(failedFields);
      const leaving = issues.filter((i) => i.code === 'leaving-later').length;
      expect(c.leavingLater).toBeGreaterThan(leaving * 0.9);
      expect(c.leavingLater).toBeLessThanOrEqual(leaving);
      expect(c.objects).toBeLessThan(issues.length - c.fieldFailed - c.leavingLater + 1);
      // Repeating names fail alike: each failure crosses once for the whole file; varied names nearly once a row.
      if (names === 'repeating') expect(c.failures).toBeLessThan(200);
      else expect(c.failures).toBeGreaterThan(1000);
    }
  });

  it('a failure whose detail holds NaN, −0 or Infinity comes back with the same numbers, once per number', () => {
    const writer = new VerdictWriter(3);
    const made: FailureData[] = [];
    const reader = new FailureReader((f) => {
      made.push(f);
      return f;
    });
    const failures: FailureData[] = [
      {
        code: 'expression-error',
        message: 'A',
        detail: { id: 'eval.x', n: Number.NaN, z: -0, i: -Infinity },
      },
      { code: 'expression-error', message: 'B', detail: { id: 'eval.y', n: 1.5, text: '"Jansen"' } },
      { code: 'invalid-date', message: 'C' },
      // The same message with another detail is another failure.
      { code: 'expression-error', message: 'A', detail: { id: 'eval.x', n: 2, z: 0, i: Infinity } },
    ];
    const back: FailureData[] = [];
    for (let round = 0; round < 3; round++) {
      for (let r = 0; r < failures.length; r++) {
        writer.row(2 + r, 2, 0, -1);
        writer.text(0, `k${r}`);
        // A fresh object each row (as an expression the memo does not keep makes them).
        writer.fieldFailed(r, { ...failures[r]! });
      }
      const block = structuredClone(writer.take());
      for (let k = 0; k < block.issueKinds.length; k++) back.push(reader.get(block, block.issueB[k]!));
    }
    expect(back).toHaveLength(12);
    back.forEach((f, k) => {
      const want = failures[k % 4]!;
      expect(f.code).toBe(want.code);
      expect(f.message).toBe(want.message);
      expect(Object.keys(f.detail ?? {})).toEqual(Object.keys(want.detail ?? {}));
      for (const [name, value] of Object.entries(want.detail ?? {}))
        expect(Object.is(f.detail![name], value), `${k} ${name}`).toBe(true);
    });
    // A table of 3: the four failures are written out in every block (it starts again from 0 after each).
    expect(made).toHaveLength(12);
  });
});
