import { describe, expect, it } from 'vitest';
import { parseCsvBuffer } from '../../../src/main/sources/csv/read-csv';
import type { CompiledMapping } from '../../../src/shared/engine/compile';
import { createMappingRun, mapRecords, type RunOptions } from '../../../src/shared/engine/run';
import type { RowOutcome } from '../../../src/shared/engine/types';
import { compileExpression } from '../../../src/shared/expression';
import type { Issue } from '../../../src/shared/issues';
import type { MappingFileInput } from '../../../src/shared/mapping/schema';
import { WORK_EMAIL } from '../../../src/shared/scim/fields';
import type { SourceRecord } from '../../../src/shared/source/types';
import { generateHrExport } from '../../fixtures/hr-export';
import { DOCS_LOGIN_SCHEMA } from '../../fixtures/login-schema';
import { compileOrThrow as compile } from '../../support/compile-mapping';

const TODAY = '2026-11-23';
const DEPARTMENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';

function neverFails(text: string): boolean | undefined {
  const compiled = compileExpression(text, { valueMaps: { afdelingen: { entries: { FIN: 'Financiën' } } } });
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.expr.neverFails;
}

/** A Dutch HR mapping with fields that can fail (phones, a number) beside fields that never fail. */
const MAPPING = {
  version: 1,
  name: 'Status only',
  source: { kind: 'csv', path: 'hr.csv' },
  mappingKey: { attribute: 'Personeelsnummer', birthDateAttribute: 'Geboortedatum' },
  fields: {
    'name.givenName': { expression: 'Trim(Coalesce([Roepnaam], [Voornaam]))' },
    'name.familyName': { expression: 'Join(" ", Lower(Trim([Tussenvoegsel])), Trim([Achternaam]))' },
    displayName: {
      expression: 'DisplayName(Trim(Coalesce([Roepnaam], [Voornaam])), [Tussenvoegsel], Trim([Achternaam]))',
    },
    email: { expression: 'Lower(Trim([E-mailadres]))' },
    title: { expression: 'Trim([Functie])' },
    department: { expression: 'ValueMap(Trim([Afdeling]), "afdelingen")' },
    'phoneNumbers[type eq "work"].value': { expression: 'PhoneE164([Telefoon werk])' },
    nickName: { expression: 'Trim([Voorletters]) & " " & [Achternaam]' },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': {
      expression: 'ToNumber([Leidinggevende])',
    },
  },
  deactivation: {
    endDate: 'ParseDate([Datum uit dienst], "dd-MM-yyyy")',
    inactiveWhen: 'In([Status], "Inactief", "Uit dienst")',
  },
  valueMaps: { afdelingen: { entries: { FIN: 'Financiën', ICT: 'Informatievoorziening' } } },
} as unknown as MappingFileInput;

function records(): { records: SourceRecord[]; issues: Issue[] } {
  const { bytes } = generateHrExport({ rows: 3000, seed: 5, defects: true, names: 'varied' });
  const { events } = parseCsvBuffer(bytes, { compactRecords: true });
  const out: SourceRecord[] = [];
  const issues: Issue[] = [];
  for (const e of events) {
    if (e.kind === 'record') out.push(e.record);
    else issues.push(e.issue);
  }
  // Messier than the generator: short phone numbers and a manager written as text, at known rows.
  const set = (r: SourceRecord, column: string, value: string) => {
    (r.cells as (string | null)[])[r.columns!.get(column)!] = value;
  };
  out.forEach((r, i) => {
    if (i % 97 === 5) set(r, 'Telefoon werk', '06-123');
    if (i % 101 === 7) set(r, 'Leidinggevende', 'n.v.t.');
  });
  return { records: out, issues };
}

describe('expressions that can never fail', () => {
  it('are references, literals and Trim/Lower/Upper/Coalesce/Join/ValueMap/DisplayName of those', () => {
    expect(neverFails('[Achternaam]')).toBe(true);
    expect(neverFails('Trim(Coalesce([Roepnaam], [Voornaam]))')).toBe(true);
    expect(neverFails('Join(" ", Lower(Trim([Tussenvoegsel])), Upper([Achternaam]))')).toBe(true);
    expect(neverFails('ValueMap(Trim([Afdeling]), "afdelingen")')).toBe(true);
    expect(neverFails('DisplayName([Roepnaam], [Tussenvoegsel], [Achternaam])')).toBe(true);
  });

  it('exclude every call that can fail, comparisons and "&", also when nested inside a safe call', () => {
    expect(neverFails('PhoneE164([Mobiel])')).toBe(false);
    expect(neverFails('Trim(ToNumber([Uren]))')).toBe(false);
    expect(neverFails('ParseDate([Datum uit dienst], "dd-MM-yyyy")')).toBe(false);
    expect(neverFails('[Voorletters] & " " & [Achternaam]')).toBe(false);
    expect(neverFails('Coalesce([Roepnaam], Split([Voornamen], ""))')).toBe(false);
    expect(neverFails('[Status] = "Actief"')).toBe(false);
  });
});

describe('a run that keeps no users (statusOnly, as validate runs)', () => {
  const compiled = compile(MAPPING);
  const { records: rows, issues: sourceIssues } = records();

  function statusOnlyRun(options: Omit<RunOptions, 'today'> = {}) {
    const issues: Issue[] = [];
    const run = createMappingRun(compiled, {
      today: TODAY,
      statusOnly: true,
      ...options,
      onIssue: (i) => issues.push(i),
    });
    for (const i of sourceIssues) run.pushSourceIssue(i);
    const outcomes = rows.map((r) => run.push(r));
    const finished = run.finish();
    return { issues, outcomes, summary: finished.summary };
  }

  it('reports exactly the issues and counts of a full run on a messy generated export', () => {
    const full = mapRecords(compiled, rows, { today: TODAY }, sourceIssues);
    const status = statusOnlyRun();
    expect(status.summary).toEqual(full.summary);
    // A sink gets the rows' issues first and the cross-row ones at the end; the full run sorts them together.
    const byRow = [...status.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    expect(byRow).toEqual(full.issues);
    // The data really fails: phone numbers, the manager as a number, dates, emails.
    const codes = new Set(full.issues.map((i) => i.code));
    expect(codes).toContain('invalid-phone');
    expect(codes).toContain('expression-error');
    expect(full.summary.users.error).toBeGreaterThan(0);
  });

  it('keeps the identity fields of every mapped row, and leaves unread fields that never fail unevaluated', () => {
    const full = mapRecords(compiled, rows, { today: TODAY }, sourceIssues);
    const status = statusOnlyRun();
    const identity = (o: RowOutcome) =>
      o.status === 'mapped'
        ? [
            o.row,
            o.user.key,
            o.user.attributes['name.givenName'],
            o.user.attributes['name.familyName'],
            o.user.attributes[WORK_EMAIL],
            o.user.active,
          ]
        : [o.row, o.status];
    // Cross-row blocks apply only through finalizeOutcome: compare the provisional status of both runs.
    const fullProvisional = createMappingRun(compiled, { today: TODAY, onIssue: () => {} });
    const provisional = rows.map((r) => fullProvisional.push(r));
    expect(status.outcomes.map(identity)).toEqual(provisional.map(identity));
    expect(full.outcomes.length).toBe(rows.length);
    const mapped = status.outcomes.filter((o) => o.status === 'mapped');
    expect(mapped.length).toBeGreaterThan(2000);
    for (const o of mapped) {
      expect(o.user.attributes.title).toBeNull();
      expect(o.user.attributes[DEPARTMENT]).toBeNull();
      expect(o.user.attributes.displayName).toBeNull();
    }
  });

  it('evaluates every field of a traced row', () => {
    const first = rows[0]!;
    const key = String(first.cells?.[0]);
    const status = statusOnlyRun({ trace: (k) => k === key });
    const o = status.outcomes[0]!;
    expect(o.status).toBe('mapped');
    if (o.status === 'mapped') {
      expect(o.user.attributes.title).toEqual(expect.any(String));
      expect(o.user.attributes.displayName).toEqual(expect.any(String));
    }
  });
});

describe('take: a row mapped and filed without its outcome (validate)', () => {
  const { records: rows, issues: sourceIssues } = records();
  // A previous state of the same people under other keys for some (key-change check: reads names and emails).
  const previous = {
    rows: 40,
    users: rows.slice(0, 40).map((r, i) => ({
      key: i % 2 === 0 ? `X${String(r.cells?.[0])}` : String(r.cells?.[0]),
      // Without an email for some: those are found by name and birth date only.
      email: i % 4 !== 0 && typeof r.cells?.[6] === 'string' ? r.cells[6] : null,
      givenName: typeof r.cells?.[3] === 'string' ? r.cells[3] : null,
      familyName: typeof r.cells?.[5] === 'string' ? r.cells[5] : null,
      birthDate: typeof r.cells?.[15] === 'string' ? r.cells[15] : null,
    })),
  };

  function both(compiled: CompiledMapping, options: Omit<RunOptions, 'today'>) {
    const results = [true, false].map((push) => {
      const issues: Issue[] = [];
      const run = createMappingRun(compiled, {
        today: TODAY,
        statusOnly: true,
        keepLogins: true,
        ...options,
        onIssue: (i) => issues.push(i),
      });
      for (const i of sourceIssues) run.pushSourceIssue(i);
      for (const r of rows) {
        if (push) run.push(r);
        else run.take(r);
      }
      const { summary, logins, loginParts, blockedRows } = run.finish();
      return { issues, summary, logins, loginParts, blockedRows };
    });
    return { pushed: results[0]!, taken: results[1]! };
  }

  it('gives the issues, summary and cross-row checks of push, with and without a previous state', () => {
    const compiled = compile(MAPPING);
    for (const options of [{}, { previous }]) {
      const { pushed, taken } = both(compiled, options);
      expect(taken).toEqual(pushed);
      expect(pushed.summary.users.active).toBeGreaterThan(2000);
    }
    const changed = both(compiled, { previous }).taken.issues.filter((i) => i.code === 'key-changed');
    expect(changed.filter((i) => i.params?.why === 'email').length).toBeGreaterThan(5);
    expect(changed.filter((i) => i.params?.why === 'identity').length).toBeGreaterThan(0);
  });

  it('gives the logins and login collisions of push under a login schema', () => {
    const compiled = compile({ ...MAPPING, loginSchema: DOCS_LOGIN_SCHEMA } as unknown as MappingFileInput);
    const { pushed, taken } = both(compiled, {});
    expect(taken).toEqual(pushed);
    expect(pushed.logins.size).toBeGreaterThan(2000);
    expect(pushed.issues.some((i) => i.code === 'login-collision')).toBe(true);
  });
});
