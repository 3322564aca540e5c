import { describe, expect, it } from 'vitest';
import {
  FirstSeenKeys,
  FirstSeenNumbers,
  FirstSeenTexts,
  RepeatedTexts,
  HashRepeats,
  textHash,
} from '../../../src/shared/engine/first-seen';
import { mulberry32 } from '../../fixtures/hr-export';

/** The same answers as a Map used the same way: first index of each value, −1 for a value not seen before. */
function firstSeenByMap<K>(values: K[]): number[] {
  const first = new Map<K, number>();
  return values.map((v, i) => {
    const known = first.get(v);
    if (known !== undefined) return known;
    first.set(v, i);
    return -1;
  });
}

/** Generated Dutch work emails: local parts that repeat now and then (two Jan Jansens), some only by case. */
function emails(count: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const given = ['jan', 'sanne', 'fatima', 'daan', 'chloë', 'youssef', 'anouk', 'ömer'];
  const family = ['jansen', 'devries', 'vandijk', 'elamrani', 'bakker', 'özdemir', 'vanthof'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const g = given[Math.floor(rand() * given.length)]!;
    const f = family[Math.floor(rand() * family.length)]!;
    const n = Math.floor(rand() * 400);
    const local = `${g}.${f}${n === 0 ? '' : n}`;
    out.push(rand() < 0.01 ? local.toUpperCase() : local);
  }
  return out;
}

describe('FirstSeenTexts', () => {
  it('answers as a Map would for 50,000 generated emails, across many growths of the table', () => {
    const values = emails(50_000, 7);
    const table = new FirstSeenTexts();
    const got = values.map((v, i) => table.getOrAdd(v, i));
    expect(got).toEqual(firstSeenByMap(values));
    expect(table.size).toBe(new Set(values).size);
    // A duplicate was really found (the data repeats), and lookups agree with what was added.
    expect(got.filter((x) => x >= 0).length).toBeGreaterThan(1000);
    for (const v of values.slice(0, 500)) expect(table.get(v)).toBe(values.indexOf(v));
    expect(table.get('nobody.here')).toBe(-1);
  });

  it('never confuses two texts whose hashes are equal (every text forced to one hash)', () => {
    const values = [
      'jan.jansen',
      'Jan.Jansen',
      'jan.jansen ',
      'sanne.bakker',
      '',
      'jan.jansen',
      'sanne.bakker',
    ];
    const table = new FirstSeenTexts(() => 42);
    expect(values.map((v, i) => table.getOrAdd(v, i))).toEqual([-1, -1, -1, -1, -1, 0, 3]);
    expect(table.get('Jan.Jansen')).toBe(1);
    expect(table.get('jan.janseN')).toBe(-1);
  });

  it('never confuses texts that collide in a few hash bits, past growth of the table', () => {
    // Only 3 distinct hashes for 5,000 distinct texts: long probe chains, wrapping around the end of the slots.
    const values = emails(5_000, 11);
    const table = new FirstSeenTexts((t, start, end) => textHash(t.slice(start, end)) % 3);
    expect(values.map((v, i) => table.getOrAdd(v, i))).toEqual(firstSeenByMap(values));
  });

  it('files local parts as ranges of whole emails as a Map of the cut-out local parts would', () => {
    // Local parts with letters a byte cannot hold (ş, ł, İ, an emoji) among plain ones, at two domains.
    const rand = mulberry32(23);
    const odd = ['ayşe.yılmaz', 'łukasz.nowak', 'İbrahim', 'jan😀', 'ayşe.yilmaz'];
    const locals = emails(20_000, 19).map((l) => (rand() < 0.05 ? odd[Math.floor(rand() * odd.length)]! : l));
    const whole = locals.map((l, i) => `${l}@${i % 7 === 0 ? 'plek.nl' : 'gemeente-voorbeeld.nl'}`);
    // The real hash, then one with only 5 values (long probe chains) on fewer emails.
    const poor = (t: string, start: number, end: number) => textHash(t.slice(start, end)) % 5;
    for (const [hash, count] of [
      [undefined, 20_000],
      [poor, 3_000],
    ] as const) {
      const table = new FirstSeenTexts(hash);
      const got = whole.slice(0, count).map((e, i) => table.getOrAddRange(e, 0, e.indexOf('@'), i));
      expect(got).toEqual(firstSeenByMap(locals.slice(0, count)));
      expect(table.size).toBe(new Set(locals.slice(0, count)).size);
      // Found again by the text alone, and as a range of another text.
      for (const l of odd) {
        expect(table.get(l)).toBe(locals.indexOf(l));
        expect(table.getRange(`<${l}>`, 1, l.length + 1)).toBe(locals.indexOf(l));
      }
      expect(table.get('ayşe')).toBe(-1);
    }
  });

  it('never takes a letter above U+00FF for the byte it ends in (ş is 0x15F, _ is 0x5F)', () => {
    const table = new FirstSeenTexts(() => 1);
    expect(table.getOrAdd('jan_', 0)).toBe(-1);
    expect(table.get('janş')).toBe(-1);
    expect(table.getOrAdd('janş', 1)).toBe(-1);
    expect(table.getOrAdd('jan_', 2)).toBe(0);
    expect(table.getOrAdd('janş', 3)).toBe(1);
    expect(table.get('jan\u015e')).toBe(-1);
    expect(table.get('jan')).toBe(-1);
    expect(table.get('')).toBe(-1);
    expect(table.getOrAdd('', 4)).toBe(-1);
    expect(table.get('')).toBe(4);
  });

  it('keeps its own copy: a text added as a slice is found after the text it was cut from is gone', () => {
    const table = new FirstSeenTexts();
    let chunk: string | undefined = `${'x'.repeat(100)}fatima.elamrani${'y'.repeat(100)}`;
    table.getOrAddRange(chunk, 100, 115, 0);
    chunk = undefined;
    expect(table.get('fatima.elamrani')).toBe(0);
    expect(table.getOrAdd('fatima.elamrani', 1)).toBe(0);
  });
});

describe('FirstSeenNumbers', () => {
  it('answers as a Map would for personnel numbers with repeats, 0 and the largest 9-digit number', () => {
    const rand = mulberry32(3);
    const values: number[] = [0, 999_999_999, 0];
    for (let i = 0; i < 60_000; i++) values.push(100_000 + Math.floor(rand() * 200_000));
    values.push(999_999_999);
    const table = new FirstSeenNumbers();
    expect(values.map((v, i) => table.getOrAdd(v, i))).toEqual(firstSeenByMap(values));
    expect(table.get(0)).toBe(0);
    expect(table.get(999_999_999)).toBe(1);
    expect(table.get(1)).toBe(-1);
  });

  it('keeps numbers apart that fall in the same slot (multiples of the table size)', () => {
    const values = [0, 1024, 2048, 4096, 1 << 20, 0, 2048, 1 << 20];
    const table = new FirstSeenNumbers();
    expect(values.map((v, i) => table.getOrAdd(v, i))).toEqual(firstSeenByMap(values));
  });

  it('answers as a Map would for rising keys (dense, a few apart, in runs of 16) repeated out of order', () => {
    const rand = mulberry32(11);
    const values: number[] = [];
    // Every number of a range, then numbers 1–9 apart, then whole runs of 16 that share all but their last bits.
    for (let n = 500_000; n < 520_000; n++) values.push(n);
    for (let n = 100_000; n < 400_000; n += 1 + Math.floor(rand() * 9)) values.push(n);
    for (let run = 0; run < 2000; run++)
      for (let low = 0; low < 16; low++) values.push(run * 1_048_576 + low);
    // Repeats of all three kinds, in random order.
    for (let i = 0; i < 20_000; i++) values.push(values[Math.floor(rand() * values.length)]!);
    const table = new FirstSeenNumbers();
    expect(values.map((v, i) => table.getOrAdd(v, i))).toEqual(firstSeenByMap(values));
    expect(table.size).toBe(new Set(values).size);
    expect(table.get(520_000)).toBe(-1);
    expect(table.get(519_999)).toBe(19_999);
  });
});

describe('FirstSeenNumbers: a sorted export and one whose order breaks now and then', () => {
  it('answers as a Map would when rising numbers are mixed with lower ones, repeats of both, and falling runs', () => {
    const rand = mulberry32(23);
    const values: number[] = [];
    let next = 100_000;
    for (let i = 0; i < 30_000; i++) {
      const r = rand();
      if (r < 0.8) values.push((next += 1 + Math.floor(rand() * 9)));
      else if (r < 0.9)
        values.push(50_000 + Math.floor(rand() * 60_000)); // below, or among the rising ones
      else values.push(values[Math.floor(rand() * values.length)] ?? 7); // a repeat of any kind
    }
    for (let n = 90_000; n > 80_000; n -= 3) values.push(n); // a falling run
    values.push(next, next + 1, next + 1, 0, 0);
    const expected = firstSeenByMap(values);
    for (const reserveAt of [-1, 0, 500, 20_000]) {
      const table = new FirstSeenNumbers();
      const got = values.map((v, i) => {
        if (i === reserveAt) table.reserve(40_000);
        return table.getOrAdd(v, i);
      });
      expect(got).toEqual(expected);
      expect(table.size).toBe(new Set(values).size);
      for (const v of values.slice(0, 2000)) expect(table.get(v)).toBe(values.indexOf(v));
      expect(table.get(next + 2)).toBe(-1);
      expect(table.get(49_999)).toBe(-1);
    }
  });
});

describe('FirstSeenKeys', () => {
  it('keeps the number 123 and the text "0123" apart, and finds each again', () => {
    const keys = new FirstSeenKeys(() => 7);
    expect(keys.getOrAdd(123, 0)).toBe(-1);
    expect(keys.getOrAdd('0123', 1)).toBe(-1);
    expect(keys.getOrAdd('AB123', 2)).toBe(-1);
    expect(keys.getOrAdd(123, 3)).toBe(0);
    expect(keys.getOrAdd('ab123', 4)).toBe(-1);
    expect(keys.get('0123')).toBe(1);
    expect(keys.has(124)).toBe(false);
    expect(keys.has('AB123')).toBe(true);
  });
});

/** What a run filled while its rows came: each value seen again → [first index, every later index]. */
function repeatsByMap(values: string[], indexes: number[] = values.map((_, i) => i)): Map<string, number[]> {
  const first = new Map<string, number>();
  const dups = new Map<string, number[]>();
  values.forEach((v, k) => {
    const i = indexes[k]!;
    const known = first.get(v);
    if (known === undefined) first.set(v, i);
    else if (dups.has(v)) dups.get(v)!.push(i);
    else dups.set(v, [known, i]);
  });
  return dups;
}

describe('RepeatedTexts', () => {
  it('gives the repeats a Map filled row by row would hold, in its order, for 50,000 generated emails', () => {
    const values = emails(50_000, 7);
    // Row indexes rise with gaps (rows without an email are not noted).
    const indexes = values.map((_, i) => i * 3 + (i % 2));
    const texts = new RepeatedTexts();
    values.forEach((v, k) => texts.add(v, indexes[k]!));
    const got = texts.repeats();
    const expected = repeatsByMap(values, indexes);
    expect(expected.size).toBeGreaterThan(1000);
    expect([...got]).toEqual([...expected]);
    expect(texts.size).toBe(values.length);
  });

  it('never confuses texts whose hashes are equal (one hash, or a few), nor a text and its byte-cut twin', () => {
    const values = [
      'jan.jansen',
      'Jan.Jansen',
      'jan.jansen ',
      'janş',
      'jan_',
      '',
      'jan.jansen',
      'janş',
      '',
      'jan_',
    ];
    for (const hash of [() => 42, (t: string, s: number, e: number) => textHash(t.slice(s, e)) % 3]) {
      const texts = new RepeatedTexts(hash);
      values.forEach((v, i) => texts.add(v, i));
      expect([...texts.repeats()]).toEqual([...repeatsByMap(values)]);
    }
    const many = emails(5_000, 11);
    const poor = new RepeatedTexts((t, s, e) => textHash(t.slice(s, e)) % 7);
    many.forEach((v, i) => poor.add(v, i));
    expect([...poor.repeats()]).toEqual([...repeatsByMap(many)]);
  });

  it('notes local parts as ranges of whole emails (letters above U+00FF too), kept past their text, reserved or not', () => {
    const rand = mulberry32(23);
    const odd = ['ayşe.yılmaz', 'łukasz.nowak', 'İbrahim', 'jan😀', 'ayşe.yilmaz'];
    const locals = emails(20_000, 19).map((l) => (rand() < 0.05 ? odd[Math.floor(rand() * odd.length)]! : l));
    for (const estimate of [undefined, 1000, 20_000, 200_000]) {
      const texts = new RepeatedTexts();
      locals.forEach((l, i) => {
        if (i === 700 && estimate !== undefined) texts.reserve(estimate);
        let chunk: string | undefined = `<${l}@plek.nl>`;
        texts.addRange(chunk, 1, l.length + 1, i);
        chunk = undefined;
      });
      expect([...texts.repeats()]).toEqual([...repeatsByMap(locals)]);
    }
  });

  it('keeps texts of 255 characters and more, and row indexes far apart or out of order, as they were noted', () => {
    const long = 'x'.repeat(254);
    const values = [
      long,
      `${long}y`,
      'jan',
      `${long}y`,
      'z'.repeat(300),
      long,
      'jan',
      'z'.repeat(300),
      `${long}y`,
    ];
    const indexes = [0, 1, 300, 301, 2000, 2254, 2255, 100, 70_000];
    for (const hash of [undefined, () => 7]) {
      const texts = new RepeatedTexts(hash);
      values.forEach((v, k) => texts.add(v, indexes[k]!));
      expect([...texts.repeats()]).toEqual([...repeatsByMap(values, indexes)]);
    }
  });

  it('has no repeats with fewer than two texts, or all different', () => {
    const texts = new RepeatedTexts();
    expect(texts.repeats().size).toBe(0);
    texts.add('a', 0);
    expect(texts.repeats().size).toBe(0);
    texts.add('b', 1);
    expect(texts.repeats().size).toBe(0);
  });
});

describe('reserve: room made ahead (an estimate of the rows) changes no answer', () => {
  it('texts: reserved after some are added, for fewer and for more than come', () => {
    const values = emails(30_000, 13);
    const expected = firstSeenByMap(values);
    for (const estimate of [1000, 30_000, 200_000]) {
      const table = new FirstSeenTexts();
      const got = values.map((v, i) => {
        // Reserved once 700 are in (as the pipeline does after its first rows).
        if (i === 700) table.reserve(estimate);
        return table.getOrAdd(v, i);
      });
      expect(got).toEqual(expected);
      for (const v of values.slice(0, 300)) expect(table.get(v)).toBe(values.indexOf(v));
      expect(table.get('nobody.here')).toBe(-1);
    }
  });

  it('numbers and keys: reserved after some are added, for fewer and for more than come', () => {
    const rand = mulberry32(17);
    const values: number[] = [];
    for (let i = 0; i < 40_000; i++) values.push(100_000 + Math.floor(rand() * 60_000));
    const expected = firstSeenByMap(values);
    for (const estimate of [500, 40_000, 500_000]) {
      const numbers = new FirstSeenNumbers();
      const keys = new FirstSeenKeys();
      const got = values.map((v, i) => {
        if (i === 900) {
          numbers.reserve(estimate);
          keys.reserve(estimate);
        }
        const n = numbers.getOrAdd(v, i);
        expect(keys.getOrAdd(v, i)).toBe(n);
        return n;
      });
      expect(got).toEqual(expected);
      expect(numbers.size).toBe(new Set(values).size);
    }
  });
});

describe('HashRepeats (which hashes of a run occur more than once)', () => {
  const byCount = (values: Int32Array, n: number) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(values[i]!, (counts.get(values[i]!) ?? 0) + 1);
    return new Set([...counts].filter(([, c]) => c > 1).map(([v]) => v));
  };
  const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);
  /** The values added in batches cut at `cuts`, with room reserved for `reserve` after the first. */
  const repeatsOf = (values: Int32Array, cuts: number[], reserve?: number) => {
    const repeats = new HashRepeats();
    let from = 0;
    for (const to of [...cuts, values.length]) {
      repeats.add(values, from, to);
      if (from === 0 && reserve !== undefined) repeats.reserve(reserve);
      from = to;
    }
    return sorted(repeats.shared);
  };

  it('finds the repeated values among random ones, negative ones, 0, and values alike in their low bits, however added', () => {
    const rand = mulberry32(5);
    const cases: Int32Array[] = [];
    const random = new Int32Array(60_000).map(() => (rand() * 2 ** 32) | 0);
    for (let i = 0; i < 50; i++) random[Math.floor(rand() * 60_000)] = random[Math.floor(rand() * 60_000)]!;
    cases.push(random);
    // Distinct values that share their low 20 bits, and some repeated: a table slotted by the low bits would probe
    // through all of them.
    cases.push(new Int32Array(20_000).map((_, i) => ((i % 15_000) << 20) | 7));
    cases.push(Int32Array.from([0, 5, 0, -5, -5, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31), 0]));
    cases.push(new Int32Array(3000).fill(42));
    for (const values of cases) {
      const expected = sorted(byCount(values, values.length));
      const n = values.length;
      expect(repeatsOf(values, [])).toEqual(expected);
      // In batches (the table grows between them), with room reserved for fewer or more than come.
      expect(repeatsOf(values, [1, Math.floor(n / 3), Math.floor(n / 2)])).toEqual(expected);
      expect(repeatsOf(values, [Math.floor(n / 10)], 100)).toEqual(expected);
      expect(repeatsOf(values, [Math.floor(n / 10)], 10 * n)).toEqual(expected);
    }
    expect(repeatsOf(cases[2]!, [3])).toEqual([-(2 ** 31), -5, 0]);
    expect(byCount(cases[0]!, 60_000).size).toBeGreaterThan(10);
  });

  it('reads only the values of the ranges added', () => {
    const values = Int32Array.from([1, 2, 3, 4, 1, 2]);
    const repeats = new HashRepeats();
    repeats.add(values, 0, 4);
    expect(sorted(repeats.shared)).toEqual([]);
    repeats.add(values, 4, 5);
    expect(sorted(repeats.shared)).toEqual([1]);
    repeats.add(values, 5, 5);
    expect(sorted(repeats.shared)).toEqual([1]);
  });
});
