// Mapping regexes on RE2 (issue 11): every pattern that froze the old backtracking engine, on a 10,000-character
// cell (the longest text a mapping regex is matched against), as `Replace([x], pattern, "")` through the
// expression engine. Goal from the issue: each finishes within 100 ms, or is refused at compile time. Printed,
// never asserted (test/shared/expression/regex.test.ts checks the results, untimed).
import { compileExpression } from '../src/shared/expression';
import {
  compileUserRegex,
  MAX_REGEX_INPUT_LENGTH,
  MAX_REGEX_PROGRAM_SIZE,
} from '../src/shared/expression/regex';
import type { Report } from './support';

const GOAL_MS = 100;
const RUNS = 7;

/**
 * A pattern at the program-size cap that must read the whole cell and fail at its end: the most work per
 * character a mapping may ask for.
 */
function largestAllowed(): string {
  const pattern = (n: number) => `^(?:\\pL{1,${n}}\\s?)+\\d$`;
  let n = 1;
  while (n < 1000 && compileUserRegex(pattern(n + 1)).ok) n++;
  return pattern(n);
}

const L = MAX_REGEX_INPUT_LENGTH;
const CASES: [label: string, pattern: string, cell: string][] = [
  ['(?:a?a?)+c', '(?:a?a?)+c', 'a'.repeat(L)],
  ['(x?a|a)+$', '(x?a|a)+$', `${'a'.repeat(L - 1)}!`],
  ['.*.*.*=.*', '.*.*.*=.*', 'x'.repeat(L)],
  ['.*.*.*=.* (matching)', '.*.*.*=.*', `${'x'.repeat(L - 1)}=`],
  ['\\s*\\s*x', '\\s*\\s*x', ' '.repeat(L)],
  ['a*a*a*c', 'a*a*a*c', 'a'.repeat(L)],
  ['(a+)+$', '(a+)+$', `${'a'.repeat(L - 1)}!`],
  ['[^0-9] on a phone-like cell', '[^0-9]', '06-1234 5678 '.repeat(L / 13 + 1).slice(0, L)],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function benchRegex(report: Report): Promise<void> {
  const big = largestAllowed();
  const cases: [string, string, string][] = [
    ...CASES,
    [`largest allowed program ${big}`, big, `${'Jan van der Berg '.repeat(L / 17 + 1).slice(0, L - 2)}1!`],
    ['(?:a?a?)+c with c in front', '(?:a?a?)+c', `c${'a'.repeat(L - 1)}`],
  ];
  for (const [label, pattern, cell] of cases) {
    const compiled = compileExpression(`Replace([x], ${JSON.stringify(pattern)}, "")`, { valueMaps: {} });
    if (!compiled.ok) {
      report(label, { refused: compiled.error.message });
      continue;
    }
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const r = compiled.expr.evaluate({ get: () => cell, today: '2026-12-01' });
      ms.push(performance.now() - started);
      if (!r.ok) throw new Error(`${label}: ${r.error.message}`);
    }
    // The first run includes compiling RE2's program for this input and the JIT's warm-up.
    const [cold = 0, ...warm] = ms;
    const m = median(warm);
    report(label, {
      chars: cell.length,
      'first ms': cold.toFixed(1),
      'median ms': m.toFixed(1),
      goal: `≤ ${GOAL_MS} ms`,
      verdict: m <= GOAL_MS ? 'within' : 'OVER',
    });
  }
  report('limits', {
    'input chars': MAX_REGEX_INPUT_LENGTH,
    'program size': MAX_REGEX_PROGRAM_SIZE,
  });
}
