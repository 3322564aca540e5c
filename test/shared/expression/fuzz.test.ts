import { describe, expect, it } from 'vitest';
import type { BinaryOp, ExprNode, Value } from '../../../src/shared/expression';
import {
  arity,
  BINARY_OPS,
  binary,
  call,
  compileExpression,
  FUNCTION_NAMES,
  FUNCTIONS,
  isPlainDate,
  literal,
  not,
  printExpression,
  ref,
  valueToText,
} from '../../../src/shared/expression';
import { VALUE_MAPS } from './helpers';
import { mulberry32 as prng } from '../../../src/shared/random';

const ATTRIBUTES = ['Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Datum', 'Telefoon', 'proxyAddresses', 'Leeg'];
const TEXTS = [
  '',
  ' ',
  'Jan',
  'van der',
  'Öztürk',
  '31-02-2024',
  '01-01-2024',
  '06-12345678',
  ';',
  'SMTP:',
  '2',
  '-1',
];
const LITERALS_FOR: Record<string, string[]> = {
  ValueMap: ['afdelingen', 'geslacht'],
  ParseDate: ['dd-MM-yyyy', 'auto', 'excel', 'filetime', 'generalizedTime'],
  FormatDate: ['dd-MM-yyyy', 'yyyy'],
  PhoneE164: ['NL', 'BE'],
  NormalizeDiacritics: ['strip', 'dach'],
  ToLower: ['nl-NL'],
  ToUpper: ['tr-TR'],
};

function randomExpr(rand: () => number, depth: number): ExprNode {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  if (depth <= 0 || rand() < 0.25) {
    const r = rand();
    if (r < 0.5) return ref(pick(ATTRIBUTES));
    if (r < 0.8) return literal(pick(TEXTS));
    return literal(pick([0, 1, 2, -3, 2.5, true, false, null]));
  }
  const r = rand();
  if (r < 0.15)
    return binary(pick(BINARY_OPS) as BinaryOp, randomExpr(rand, depth - 1), randomExpr(rand, depth - 1));
  if (r < 0.2) return not(randomExpr(rand, depth - 1));
  const name = pick(FUNCTION_NAMES);
  const spec = FUNCTIONS[name]!;
  const { min, max, group } = arity(spec);
  let n = min + Math.floor(rand() * 3);
  if (n > max) n = max;
  if (group > 1) n = min + group * Math.floor(rand() * 2);
  const args = Array.from({ length: n }, (_, i) => {
    const p = spec.params[Math.min(i, spec.params.length - 1)];
    if (p?.literalOnly) return literal(pick(LITERALS_FOR[name] ?? ['x']));
    return randomExpr(rand, depth - 1);
  });
  return call(name, args);
}

const ROWS: Record<string, string | string[] | null>[] = [
  {},
  {
    Roepnaam: 'Jan',
    Tussenvoegsel: 'van der',
    Achternaam: 'Berg',
    Datum: '31-01-2024',
    Telefoon: '06-12345678',
  },
  { Roepnaam: ' ', Achternaam: "in 't Veld", Datum: '31-02-2024', Telefoon: '0612', Leeg: '' },
  { Roepnaam: 'Zoë', Achternaam: 'Öztürk', proxyAddresses: ['smtp:a@b.nl', 'SMTP:c@d.nl'], Datum: '45322' },
  { Roepnaam: null, Achternaam: null, proxyAddresses: [], Datum: '133511616000000000' },
];

function checkValue(v: Value): void {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return;
  if (Array.isArray(v)) return v.forEach(checkValue);
  expect(isPlainDate(v), JSON.stringify(v)).toBe(true);
}

describe('random expressions over Dutch rows', () => {
  it.each(Array.from({ length: 10 }, (_, i) => 7000 + i))(
    'seed %i: compile never throws, evaluate returns a value or a coded error',
    (seed) => {
      const rand = prng(seed);
      let evaluated = 0;
      for (let i = 0; i < 200; i++) {
        const text = printExpression(randomExpr(rand, 4));
        const compiled = compileExpression(text, { valueMaps: VALUE_MAPS });
        if (!compiled.ok) {
          expect(compiled.error.message, text).toMatch(/at column \d+$/);
          continue;
        }
        evaluated++;
        for (const row of ROWS) {
          const r = compiled.expr.evaluate({ get: (name) => row[name], today: '2026-11-23' });
          if (r.ok) {
            checkValue(r.value);
            valueToText(r.value);
          } else expect(['invalid-date', 'invalid-phone', 'expression-error'], text).toContain(r.error.code);
        }
      }
      // most generated expressions are valid, so evaluation really is exercised
      expect(evaluated).toBeGreaterThan(150);
    },
  );
});
