import { describe, expect, it } from 'vitest';
import type { CompileContext, Value } from '../../../src/shared/expression';
import { compileExpression } from '../../../src/shared/expression';
import type { Row } from './helpers';
import { compileError, evaluate, value } from './helpers';

type Case = [expression: string, row: Row, expected: Value];

describe('IIF', () => {
  it.each<Case>([
    ['IIF([Status] = "Actief", "ja", "nee")', { Status: 'Actief' }, 'ja'],
    ['IIF([Status] = "Actief", "ja", "nee")', { Status: ' actief ' }, 'ja'],
    ['IIF([Status] = "Actief", "ja", "nee")', { Status: 'Inactief' }, 'nee'],
    ['IIF([Status] = "Actief", "ja", "nee")', { Status: null }, 'nee'],
    ['IIF([Status] = "Actief", "ja", "nee")', {}, 'nee'],
    ['IIF([Vlag], 1, 0)', { Vlag: 'Ja' }, 1],
    ['IIF([Vlag], 1, 0)', { Vlag: 'TRUE' }, 1],
    ['IIF([Vlag], 1, 0)', { Vlag: '1' }, 1],
    ['IIF([Vlag], 1, 0)', { Vlag: 'Nee' }, 0],
    ['IIF([Vlag], 1, 0)', { Vlag: '0' }, 0],
    ['IIF([Vlag], 1, 0)', { Vlag: '' }, 0],
    ['IIF([Vlag], 1, 0)', { Vlag: 'misschien' }, 0],
    ['IIF([Vlag], 1, 0)', { Vlag: ['nee', 'ja'] }, 1],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('evaluates only the chosen branch', () => {
    // The other branch would be an invalid-date error.
    expect(value('IIF(true, "ok", ParseDate("31-02-2024", "dd-MM-yyyy"))')).toBe('ok');
    expect(evaluate('IIF(false, "ok", ParseDate("31-02-2024", "dd-MM-yyyy"))').ok).toBe(false);
  });
});

describe('Switch (Entra order: value, default, key, result, …)', () => {
  const gender = 'Switch([Geslacht], "unknown", "M", "male", "V", "female", "X", "other")';
  it.each<Case>([
    [gender, { Geslacht: 'M' }, 'male'],
    [gender, { Geslacht: ' v ' }, 'female'],
    [gender, { Geslacht: 'x' }, 'other'],
    [gender, { Geslacht: 'Onbekend' }, 'unknown'],
    [gender, { Geslacht: '' }, 'unknown'],
    [gender, { Geslacht: null }, 'unknown'],
    ['Switch([n], null, 1, "een", 2, "twee")', { n: '2' }, 'twee'],
    ['Switch([n], null, 1, "een")', { n: '3' }, null],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('needs key/result pairs', () => {
    expect(compileError('Switch([a], null, "M")').message).toBe(
      'Switch expects 2 arguments and then pairs, got 3 at column 1',
    );
    expect(compileError('Switch([a], null)').message).toMatch(/Switch expects/);
  });
});

describe('In', () => {
  it.each<Case>([
    ['In([Afdeling], "ICT", "HR")', { Afdeling: 'ict' }, true],
    ['In([Afdeling], "ICT", "HR")', { Afdeling: ' HR ' }, true],
    ['In([Afdeling], "ICT", "HR")', { Afdeling: 'Financiën' }, false],
    ['In([Afdeling], "Financiën")', { Afdeling: 'FINANCIËN' }, true],
    ['In([Afdeling], "Financiën")', { Afdeling: 'Financie\u0308n' }, true],
    ['In([Afdeling], "ICT", "")', { Afdeling: '' }, false],
    ['In([Afdeling], "ICT")', {}, false],
    ['In([memberOf], "CN=Docenten")', { memberOf: ['CN=Staf', 'cn=docenten'] }, true],
    ['In([Code], 10, 20)', { Code: '20' }, true],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));
});

describe('IsEmpty and Coalesce', () => {
  it.each<Case>([
    ['IsEmpty([x])', { x: null }, true],
    ['IsEmpty([x])', {}, true],
    ['IsEmpty([x])', { x: '' }, true],
    ['IsEmpty([x])', { x: ' \t ' }, true],
    ['IsEmpty([x])', { x: [] }, true],
    ['IsEmpty([x])', { x: ['', ' '] }, true],
    ['IsEmpty([x])', { x: 'van' }, false],
    ['IsEmpty([x])', { x: ['', 'a'] }, false],
    ['IsEmpty(0)', {}, false],
    ['IsEmpty(false)', {}, false],
    ['Coalesce([Roepnaam], [Voornaam])', { Roepnaam: 'Jan', Voornaam: 'Johannes' }, 'Jan'],
    ['Coalesce([Roepnaam], [Voornaam])', { Roepnaam: '  ', Voornaam: 'Johannes' }, 'Johannes'],
    ['Coalesce([Roepnaam], [Voornaam])', { Roepnaam: null, Voornaam: 'Johannes' }, 'Johannes'],
    ['Coalesce([Roepnaam], [Voornaam])', { Voornaam: 'Johannes' }, 'Johannes'],
    ['Coalesce([Roepnaam], [Voornaam])', { Roepnaam: '', Voornaam: '' }, null],
    ['Coalesce([mail], "geen")', { mail: [] }, 'geen'],
    ['Coalesce([mail], "geen")', { mail: ['a@plek.nl'] }, ['a@plek.nl']],
    ['Coalesce(0, 1)', {}, 0],
  ])('%s with %j', (e, r, expected) => expect(value(e, r)).toEqual(expected));

  it('stops at the first non-empty value', () => {
    expect(value('Coalesce("x", ParseDate("31-02-2024", "dd-MM-yyyy"))')).toBe('x');
  });
});

describe('ValueMap', () => {
  it.each<Case>([
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: 'ICT' }, 'Informatievoorziening'],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: '  ict ' }, 'Informatievoorziening'],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: 'FIN' }, 'Financiën'],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: 'Kantine' }, 'Overig'],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: '' }, null],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: null }, null],
    ['ValueMap([Afdeling], "afdelingen")', { Afdeling: ['hr', 'ict'] }, ['P&O', 'Informatievoorziening']],
    ['ValueMap([Geslacht], "geslacht")', { Geslacht: 'v' }, 'female'],
    ['ValueMap([Geslacht], "geslacht")', { Geslacht: 'Onbekend' }, 'Onbekend'],
    ['ValueMap([Geslacht], "leeg")', { Geslacht: 'M' }, null],
    ['ValueMap([Geslacht], "Geslacht")', { Geslacht: 'M' }, 'male'],
  ])('%s with %j', (e, r, expected) => {
    const ctx = {
      valueMaps: {
        afdelingen: {
          entries: { ICT: 'Informatievoorziening', ' fin ': 'Financiën', HR: 'P&O' },
          default: 'Overig',
        },
        geslacht: { entries: { M: 'male', V: 'female' } },
        Geslacht: { entries: { M: 'male' } },
        leeg: { entries: {}, default: null },
      },
    };
    const values = new Map(Object.entries(r));
    const compiled = compileOkWith(e, ctx);
    expect(compiled.evaluate({ get: (n) => values.get(n), today: '2026-11-23' })).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    [
      'ValueMap([a], "onbekend")',
      'unknown ValueMap "onbekend" (known: afdelingen, geslacht, leeg) at column 15',
    ],
    ['ValueMap([a], [tabel])', 'ValueMap needs the table as a literal in quotes at column 15'],
    ['ValueMap([a], 3)', 'ValueMap needs the table as a literal in quotes at column 15'],
    ['ValueMap([a], "constructor")', 'unknown ValueMap "constructor"'],
    ['ValueMap([a], "__proto__")', 'unknown ValueMap "__proto__"'],
    ['ValueMap([a], "toString")', 'unknown ValueMap "toString"'],
    ['ValueMap([a])', 'ValueMap expects 2 arguments, got 1 at column 1'],
  ])('%s is a compile error', (e, message) => {
    expect(compileError(e).message).toContain(message);
  });

  it('does not find entries through the prototype', () => {
    expect(value('ValueMap([a], "geslacht")', { a: 'constructor' })).toBe('constructor');
    expect(value('ValueMap([a], "geslacht")', { a: '__proto__' })).toBe('__proto__');
    expect(value('ValueMap([a], "afdelingen")', { a: 'hasOwnProperty' })).toBe('Overig');
  });
});

function compileOkWith(text: string, ctx: CompileContext) {
  const r = compileExpression(text, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}
