import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/shared/expression';
import {
  arity,
  canonicalFunctionName,
  FUNCTION_NAMES,
  FUNCTIONS,
  functionSpec,
  isPlainDate,
} from '../../../src/shared/expression';
import { compileOk } from './helpers';

const docs = readFileSync(new URL('../../../docs/expressions.md', import.meta.url), 'utf8');

describe('function registry', () => {
  it('has the functions the mapping language promises', () => {
    for (const name of [
      'Join',
      'Trim',
      'Lower',
      'Upper',
      'Left',
      'Mid',
      'Replace',
      'Split',
      'Item',
      'Coalesce',
      'IIF',
      'Switch',
      'In',
      'IsEmpty',
      'ValueMap',
      'FormatDate',
      'ParseDate',
      'Today',
      'AddDays',
      'DateDiffDays',
      'NormalizeDiacritics',
      'FirstLetter',
      'DisplayName',
      'SortName',
      'NamePrefix',
      'NameWithoutPrefix',
      'PhoneE164',
      'First',
      'FindPrefix',
      'Count',
      'ToText',
      'ToNumber',
    ])
      expect(FUNCTIONS[name]?.name, name).toBe(name);
  });

  it('finds functions case-insensitively and nothing through the prototype', () => {
    expect(functionSpec('join')?.name).toBe('Join');
    expect(functionSpec('PHONEE164')?.name).toBe('PhoneE164');
    expect(canonicalFunctionName('iif')).toBe('IIF');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(functionSpec(name), name).toBeUndefined();
    expect(Object.getPrototypeOf(FUNCTIONS)).toBeNull();
    expect(Object.keys(FUNCTIONS)).toEqual(FUNCTION_NAMES);
  });

  it('hands out plain data that can cross the IPC boundary', () => {
    const copy = structuredClone({ ...FUNCTIONS });
    expect(copy.Join).toEqual(FUNCTIONS.Join);
    expect(functionSpec('join')).toBe(FUNCTIONS.Join);
    expect(Object.isFrozen(FUNCTIONS)).toBe(true);
  });

  it('derives arity from the parameters', () => {
    expect(arity(FUNCTIONS.Left!)).toEqual({ min: 2, max: 2, group: 0 });
    expect(arity(FUNCTIONS.ParseDate!)).toEqual({ min: 1, max: 2, group: 0 });
    expect(arity(FUNCTIONS.Join!)).toEqual({ min: 2, max: Infinity, group: 1 });
    expect(arity(FUNCTIONS.Switch!)).toEqual({ min: 4, max: Infinity, group: 2 });
    expect(arity(FUNCTIONS.Today!)).toEqual({ min: 0, max: 0, group: 0 });
  });

  it.each(FUNCTION_NAMES)('%s has a spec with both descriptions and a working example', (name) => {
    const spec = FUNCTIONS[name]!;
    expect(spec.description.en.length).toBeGreaterThan(5);
    expect(spec.description.nl.length).toBeGreaterThan(5);
    const optionalSeen: boolean[] = [];
    for (const p of spec.params) {
      if (!p.variadic) optionalSeen.push(p.optional === true);
    }
    // only trailing fixed parameters are optional
    expect(optionalSeen).toEqual([...optionalSeen].sort((a, b) => Number(a) - Number(b)));

    const [expression, expected] = spec.example.split(' → ') as [string, string | undefined];
    const expr = compileOk(expression);
    expect(expr.ast).toMatchObject({ kind: 'call', name });
    if (expected === undefined) return;
    const r = expr.evaluate({ get: () => undefined, today: '2026-11-23' });
    if (!r.ok) throw new Error(r.error.message);
    expect(show(r.value)).toBe(expected);
  });

  it.each(FUNCTION_NAMES)('%s has a line in docs/expressions.md', (name) => {
    expect(docs).toContain(`| \`${name}(`);
  });
});

/** The value written the way the examples write it. */
function show(v: Value): string {
  if (isPlainDate(v)) return v.iso;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

describe('docs/expressions.md recipes', () => {
  const section = docs.slice(docs.indexOf('## Recipes'), docs.indexOf('## Syntax'));
  const recipes = [...section.matchAll(/^\| [^|]+ \| (.+) \|$/gm)]
    .flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!))
    .filter((text) => text !== 'valueMaps.afdelingen');

  it('has recipes', () => expect(recipes.length).toBeGreaterThan(10));

  it.each(recipes)('%s compiles and runs on a Dutch record', (text) => {
    const row: Record<string, string | string[]> = {
      Roepnaam: 'Jürgen',
      Tussenvoegsel: 'van der',
      Achternaam: 'Berg',
      'Datum in dienst': '01-02-2024',
      accountExpires: '133511616000000000',
      Mobiel: '06-12345678',
      proxyAddresses: ['smtp:j.berg@oud.nl', 'SMTP:juergen.vanderberg@school.nl'],
      mail: ['juergen@school.nl'],
      Afdeling: 'ICT',
      Status: 'Uit dienst',
    };
    const r = compileOk(text).evaluate({ get: (name) => row[name], today: '2026-11-23' });
    expect(r.ok).toBe(true);
  });

  it('builds the e-mail address of the recipe', () => {
    const text = recipes.find((r) => r.includes('@school.nl'))!;
    const r = compileOk(text).evaluate({
      get: (name) => ({ Roepnaam: 'Jürgen', Tussenvoegsel: 'van der', Achternaam: 'Müller' })[name],
      today: '2026-11-23',
    });
    expect(r).toEqual({ ok: true, value: 'j.vandermueller@school.nl' });
  });
});
