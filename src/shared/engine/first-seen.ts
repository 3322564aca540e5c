import { detach } from './detach';

/**
 * "Where was this value first seen?" tables for the cross-row checks of a run (duplicate keys, emails, logins):
 * value → the index of the first row that had it. A run on a million rows asks this several million times, and a
 * `Map` of a million entries answers slowly (a chain of entries in memory to follow per lookup, each a likely cache
 * miss) and keeps the collector busy. These tables keep their slots in one typed array (open addressing, linear
 * probing): a lookup mostly touches one slot. Two different values are never confused: a number is stored itself,
 * and a text's slot holds its hash and the entry, whose text is compared before a match is reported.
 */

/** A table's slots start at this many and double when half full. */
const INITIAL_SLOTS = 1024;

/**
 * How much longer than asked `reserve` makes the lists that are filled in order (the entries of a table, their
 * characters): pages of memory that are never written cost nothing, while a list that turns out too short is
 * copied whole to grow, which touches all of it again (on a virtual machine a fresh page costs some 15–40 µs). The
 * hash tables themselves are spread over all their pages, so they get what is asked.
 */
export const RESERVE_SLACK = 1.5;

/** The slots a table of `n` entries grows to (a power of two at least twice `n`). */
function slotsFor(n: number): number {
  let slots = INITIAL_SLOTS;
  while (n * 2 > slots) slots *= 2;
  return slots;
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value over all bits (so that close numbers land far apart). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** FNV-1a over the UTF-16 code units of a text, finalised by `mix`. */
export function textHash(text: string): number {
  return rangeHash(text, 0, text.length);
}

/** `textHash` of `text.slice(start, end)`, without the slice. */
export function rangeHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

/** FNV-1a's 32-bit offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A slot table (pairs of key or hash, entry + 1) twice the size, every entry moved to where `home` puts its first
 * word: how both tables grow when half full.
 */
function grown(old: Int32Array, home: (word: number) => number, pairs = old.length): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(pairs * 2);
  const mask = slots.length / 2 - 1;
  for (let s = 0; s < old.length; s += 2) {
    const entry = old[s + 1]!;
    if (entry === 0) continue;
    const word = old[s]!;
    let t = home(word) & mask;
    while (slots[2 * t + 1] !== 0) t = (t + 1) & mask;
    slots[2 * t] = word;
    slots[2 * t + 1] = entry;
  }
  return slots;
}

/**
 * Where a number's search starts: its last four bits pick the slot within a run of 16, `mix` of the rest picks the
 * run. Personnel numbers mostly come in rising order a few apart, so consecutive rows then look at the same few
 * cache lines instead of one far-off slot each (a million keys make a table of 16 MiB); numbers that share all but
 * their last four bits never share a slot, and the rest is spread as `mix` spreads it.
 */
function numberHome(n: number): number {
  return (mix(n >>> 4) << 4) | (n & 15);
}

/**
 * Whole numbers 0 … 2³¹−1 (personnel numbers) → first row index. A number greater than every number before it (each
 * number of an export sorted by personnel number, the usual order) is appended to a list that is ascending by
 * construction, beside its index: no random access into a large table, and half the memory (on this kind of
 * machine touching fresh memory costs more than the lookups themselves). Every other number goes to a hash table
 * (one Int32Array of (number, index + 1) pairs); a lookup searches the list (binary search, only for a number not
 * above its last) and the table (only when it holds any).
 */
export class FirstSeenNumbers {
  /** The numbers that were each greater than all before them, ascending, and the index given with each. */
  private ascending = new Int32Array(INITIAL_SLOTS);
  private ascendingIndexes = new Int32Array(INITIAL_SLOTS);
  private ascendingCount = 0;
  /** The others. */
  private slots = new Int32Array(INITIAL_SLOTS * 2);
  private mask = INITIAL_SLOTS - 1;
  private hashed = 0;
  size = 0;

  /** The first index recorded for `n`, or −1. */
  get(n: number): number {
    const at = this.find(n);
    if (at >= 0) return this.ascendingIndexes[at]!;
    return this.hashed > 0 ? this.hashedGet(n) : -1;
  }

  /** The first index recorded for `n`; when there is none, records `index` and returns −1. */
  getOrAdd(n: number, index: number): number {
    const count = this.ascendingCount;
    if (count === 0 || n > this.ascending[count - 1]!) {
      if (count === this.ascending.length) this.moreAscending(count * 2);
      this.ascending[count] = n;
      this.ascendingIndexes[count] = index;
      this.ascendingCount = count + 1;
      this.size++;
      return -1;
    }
    const at = this.find(n);
    if (at >= 0) return this.ascendingIndexes[at]!;
    const slots = this.slots;
    let s = numberHome(n) & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1]!;
      if (entry === 0) break;
      if (slots[2 * s] === n) return entry - 1;
    }
    slots[2 * s] = n;
    slots[2 * s + 1] = index + 1;
    this.size++;
    if (++this.hashed * 2 > this.mask + 1) this.grow();
    return -1;
  }

  /** Where `n` is in the ascending list, or −1. */
  private find(n: number): number {
    const list = this.ascending;
    let high = this.ascendingCount - 1;
    // Nothing to search above the last (every new number of a sorted export); the last itself, a repeat of the row
    // before, is found at once.
    if (high < 0 || n > list[high]!) return -1;
    if (n === list[high]) return high;
    let low = 0;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const v = list[mid]!;
      if (v < n) low = mid + 1;
      else if (v > n) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  private hashedGet(n: number): number {
    const slots = this.slots;
    for (let s = numberHome(n) & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * s] === n) return entry - 1;
    }
  }

  private moreAscending(size: number): void {
    const ascending = new Int32Array(size);
    ascending.set(this.ascending.subarray(0, this.ascendingCount));
    this.ascending = ascending;
    const indexes = new Int32Array(size);
    indexes.set(this.ascendingIndexes.subarray(0, this.ascendingCount));
    this.ascendingIndexes = indexes;
  }

  private grow(): void {
    this.slots = grown(this.slots, numberHome);
    this.mask = this.slots.length / 2 - 1;
  }

  /**
   * Makes room for about `n` entries at once (the size it would grow to), instead of doubling on the way: in the
   * list, and in the table as far as the numbers so far went there.
   */
  reserve(n: number): void {
    const listed = Math.ceil(n * RESERVE_SLACK);
    if (listed > this.ascending.length) this.moreAscending(listed);
    if (this.hashed === 0) return;
    const slots = slotsFor(Math.ceil((n * this.hashed) / this.size));
    if (slots <= this.mask + 1) return;
    this.slots = grown(this.slots, numberHome, slots);
    this.mask = slots - 1;
  }
}

/** `chars` with room for `more` bytes after the `used` ones: the same array, or one twice as big (or as needed). */
function withRoomAfter(chars: Uint8Array<ArrayBuffer>, used: number, more: number): Uint8Array<ArrayBuffer> {
  if (used + more <= chars.length) return chars;
  const bigger = new Uint8Array(Math.max(chars.length * 2, used + more));
  bigger.set(chars.subarray(0, used));
  return bigger;
}

/**
 * Writes the characters of `text.slice(start, end)` as bytes at `at` (room made by the caller); false, with some
 * written, when one is above U+00FF (the caller then keeps the text otherwise and does not count them).
 */
function copyBytes(chars: Uint8Array, at: number, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return false;
    chars[at + i - start] = c;
  }
  return true;
}

/**
 * `chars` (of which `used` hold `count` entries' characters) with room for `listed` entries of as many characters
 * each as so far (24 before any came): the same array when it has that room, else a bigger copy.
 */
function withRoomFor(
  chars: Uint8Array<ArrayBuffer>,
  used: number,
  count: number,
  listed: number,
): Uint8Array<ArrayBuffer> {
  const perEntry = count > 0 ? Math.ceil(used / count) : 24;
  const size = listed * perEntry;
  if (size <= chars.length) return chars;
  const bigger = new Uint8Array(size);
  bigger.set(chars.subarray(0, used));
  return bigger;
}

/**
 * The characters of a list of texts, entry by entry: copied into one byte array (a text with a character above
 * U+00FF, rare in these columns, is kept as a string of its own), so that a million entries are a few arrays for the
 * collector, not a million strings, and a text cut from a CSV chunk never keeps that chunk alive. Entries are added
 * in order (0, 1, 2…), each as a range of a longer text (the local part of an email) without cutting it out.
 */
class TextEntries {
  /** Per entry: where its characters are (start < 0: in `wide`, at −start − 1). */
  private starts = new Int32Array(INITIAL_SLOTS);
  private ends = new Int32Array(INITIAL_SLOTS);
  private chars = new Uint8Array(INITIAL_SLOTS * 16);
  private used = 0;
  private readonly wide: string[] = [];

  /** True when entry `entry` is `text.slice(start, end)`. */
  holds(entry: number, text: string, start: number, end: number): boolean {
    const from = this.starts[entry]!;
    if (from < 0) {
      const kept = this.wide[-from - 1]!;
      if (kept.length !== end - start) return false;
      for (let i = 0; i < kept.length; i++)
        if (kept.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
      return true;
    }
    if (this.ends[entry]! - from !== end - start) return false;
    const chars = this.chars;
    for (let i = 0; i < end - start; i++) if (chars[from + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  /** Entry `entry` as a string of its own. */
  text(entry: number): string {
    const from = this.starts[entry]!;
    if (from < 0) return this.wide[-from - 1]!;
    let s = '';
    for (let i = from; i < this.ends[entry]!; i++) s += String.fromCharCode(this.chars[i]!);
    return s;
  }

  /** Copies the characters of entry `entry` (the one after the last added). */
  store(entry: number, text: string, start: number, end: number): void {
    if (entry === this.starts.length) this.moreEntries(entry * 2, entry);
    this.chars = withRoomAfter(this.chars, this.used, end - start);
    if (!copyBytes(this.chars, this.used, text, start, end)) {
      // A character a byte cannot hold: this text is kept as a string (a copy, not a slice of a chunk).
      this.wide.push(detach(text.slice(start, end)));
      this.starts[entry] = -this.wide.length;
      return;
    }
    this.starts[entry] = this.used;
    this.used += end - start;
    this.ends[entry] = this.used;
  }

  private moreEntries(size: number, count: number): void {
    const starts = new Int32Array(size);
    starts.set(this.starts.subarray(0, count));
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, count));
    this.ends = ends;
  }

  /**
   * Makes room for `listed` entries (`count` added so far) and their characters, as many per entry as so far (24
   * before any came).
   */
  reserve(listed: number, count: number): void {
    if (this.starts.length < listed) this.moreEntries(listed, count);
    this.chars = withRoomFor(this.chars, this.used, count, listed);
  }
}

/**
 * Texts (emails' local parts, logins, keys that are no whole number) → first row index, their characters kept as
 * `TextEntries` keeps them. A text can be looked up as a range of a longer one without cutting it out.
 */
export class FirstSeenTexts {
  private slots = new Int32Array(INITIAL_SLOTS * 2);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;
  /** Per entry: the row index given. */
  private indexes = new Int32Array(INITIAL_SLOTS);
  private readonly texts = new TextEntries();

  constructor(
    /** The hash of `text.slice(start, end)` (tests force collisions with a poor one). */
    private readonly hash: (text: string, start: number, end: number) => number = rangeHash,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The first index recorded for `text`, or −1. */
  get(text: string): number {
    return this.getRange(text, 0, text.length);
  }

  /** The first index recorded for `text.slice(start, end)`, or −1. */
  getRange(text: string, start: number, end: number): number {
    const h = this.hash(text, start, end) | 0;
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1]!;
      if (entry === 0) return -1;
      if (slots[2 * s] === h && this.texts.holds(entry - 1, text, start, end))
        return this.indexes[entry - 1]!;
    }
  }

  /** The first index recorded for `text`; when there is none, records `index` and returns −1. */
  getOrAdd(text: string, index: number): number {
    return this.getOrAddRange(text, 0, text.length, index);
  }

  /** `getOrAdd` of `text.slice(start, end)`, without the slice. */
  getOrAddRange(text: string, start: number, end: number, index: number): number {
    const h = this.hash(text, start, end) | 0;
    const slots = this.slots;
    let s = h & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1]!;
      if (entry === 0) break;
      if (slots[2 * s] === h && this.texts.holds(entry - 1, text, start, end))
        return this.indexes[entry - 1]!;
    }
    const entry = this.count++;
    if (entry === this.indexes.length) this.moreIndexes(entry * 2);
    this.indexes[entry] = index;
    this.texts.store(entry, text, start, end);
    slots[2 * s] = h;
    slots[2 * s + 1] = entry + 1;
    if (this.count * 2 > this.mask + 1) this.grow();
    return -1;
  }

  private moreIndexes(size: number): void {
    const indexes = new Int32Array(size);
    indexes.set(this.indexes.subarray(0, this.count));
    this.indexes = indexes;
  }

  private grow(): void {
    this.slots = grown(this.slots, (h) => h);
    this.mask = this.slots.length / 2 - 1;
  }

  /** Makes room for `n` entries at once (the size it would grow to), instead of doubling on the way. */
  reserve(n: number): void {
    const slots = slotsFor(n);
    if (slots <= this.mask + 1) return;
    this.slots = grown(this.slots, (h) => h, slots);
    this.mask = slots - 1;
    const listed = Math.ceil(n * RESERVE_SLACK);
    if (this.indexes.length < listed) this.moreIndexes(listed);
    this.texts.reserve(listed, this.count);
  }
}

/** A length or step a byte of `RepeatedTexts` does not hold: the entry's text or index is kept aside. */
const LONG = 255;

/**
 * Texts (emails) whose repeats are only wanted at the end of a run: every text is noted with its row index, and
 * `repeats()` then gives the texts noted more than once, with the same lists a `FirstSeenTexts` would have
 * given in the meantime. No text is looked up while the rows come: a million emails in a hash table cost a
 * random access (and a likely cache miss, on a table of tens of MiB whose every page is fresh) per row; here each
 * row only appends to lists filled in order. Only their hashes go into a table of hashes (`HashRepeats`), in
 * batches of HASH_BATCH as the rows come (one tight loop per batch, quick once the first batches have made it
 * so), so that the end of a run settles only the last batch instead of the whole run in a loop that runs once.
 */
export class RepeatedTexts {
  private count = 0;
  /** The hashes of entries 0 … count − 1 that are in `hashRepeats` (the others: up to HASH_BATCH − 1). */
  private hashed = 0;
  private readonly hashRepeats = new HashRepeats();
  /** Per entry: the hash of its text. */
  private hashes = new Int32Array(INITIAL_SLOTS);
  /**
   * Per entry, a byte each (every byte kept costs: at a million rows, fresh memory is most of what noting costs):
   * its length in `chars`, and how far its row index is past the one before; LONG for one kept in `kept` (a text
   * of LONG characters or more, or with a character above U+00FF) or in `farIndexes` (a step of LONG or more).
   */
  private lengths = new Uint8Array(INITIAL_SLOTS);
  private steps = new Uint8Array(INITIAL_SLOTS);
  /** The characters of every entry's text not kept, one after the other. */
  private chars = new Uint8Array(INITIAL_SLOTS * 16);
  private used = 0;
  private lastIndex = -1;
  private readonly kept = new Map<number, string>();
  private readonly farIndexes = new Map<number, number>();

  constructor(
    /** The hash of `text.slice(start, end)` (tests force collisions with a poor one). */
    private readonly hash: (text: string, start: number, end: number) => number = rangeHash,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Notes `text.slice(start, end)` (without the slice) for row index `index` (indexes mostly rise a little). */
  addRange(text: string, start: number, end: number, index: number): void {
    const entry = this.count++;
    if (entry - this.hashed >= HASH_BATCH) this.hashUpTo(entry);
    if (entry === this.hashes.length) this.moreEntries(entry * 2);
    const step = index - this.lastIndex;
    this.lastIndex = index;
    if (step >= 1 && step < LONG) this.steps[entry] = step;
    else {
      this.steps[entry] = LONG;
      this.farIndexes.set(entry, index);
    }
    const length = end - start;
    const copied = length < LONG ? this.copy(text, start, end) : undefined;
    if (copied !== undefined) this.lengths[entry] = length;
    else {
      // A copy, not a slice of the chunk the text was cut from.
      this.lengths[entry] = LONG;
      this.kept.set(entry, detach(text.slice(start, end)));
    }
    this.hashes[entry] =
      copied !== undefined && this.hash === rangeHash ? copied : this.hash(text, start, end);
  }

  add(text: string, index: number): void {
    this.addRange(text, 0, text.length, index);
  }

  /**
   * Appends the characters of `text.slice(start, end)` to `chars` and gives their `rangeHash`, made in the same loop
   * (one pass over the text instead of two: measured 7.9 → 4.7 ms for 100,000 emails); undefined (nothing kept)
   * for a text with a character above U+00FF.
   */
  private copy(text: string, start: number, end: number): number | undefined {
    const chars = (this.chars = withRoomAfter(this.chars, this.used, end - start));
    let at = this.used;
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return undefined;
      chars[at++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    this.used = at;
    return mix(h);
  }

  /**
   * Every text noted more than once → the row indexes it was noted with, in the order noted; the texts in the order
   * in which each was first noted again (as a map filled while the rows came would hold them).
   */
  repeats(): Map<string, number[]> {
    const found = new Map<string, number[]>();
    const n = this.count;
    if (n < 2) return found;
    // Texts that are equal have equal hashes: only entries whose hash is not unique can repeat a text.
    this.hashUpTo(n);
    const shared = this.hashRepeats.shared;
    if (shared.size === 0) return found;
    const first = new Map<string, number>();
    const { hashes, lengths, steps, chars } = this;
    // Where each entry's characters start and its row index, summed up entry by entry.
    let offset = 0;
    let index = -1;
    for (let e = 0; e < n; e++) {
      const length = lengths[e]!;
      const step = steps[e]!;
      index = step === LONG ? this.farIndexes.get(e)! : index + step;
      const from = offset;
      if (length !== LONG) offset += length;
      if (!shared.has(hashes[e]!)) continue;
      let text = '';
      if (length === LONG) text = this.kept.get(e)!;
      else for (let i = from; i < from + length; i++) text += String.fromCharCode(chars[i]!);
      const earlier = first.get(text);
      if (earlier === undefined) first.set(text, index);
      else {
        const list = found.get(text);
        if (list) list.push(index);
        else found.set(text, [earlier, index]);
      }
    }
    return found;
  }

  /** Puts the hashes of the entries before `end` into `hashRepeats`. */
  private hashUpTo(end: number): void {
    this.hashRepeats.add(this.hashes, this.hashed, end);
    this.hashed = end;
  }

  private moreEntries(size: number): void {
    const hashes = new Int32Array(size);
    hashes.set(this.hashes.subarray(0, this.count));
    this.hashes = hashes;
    const lengths = new Uint8Array(size);
    lengths.set(this.lengths.subarray(0, this.count));
    this.lengths = lengths;
    const steps = new Uint8Array(size);
    steps.set(this.steps.subarray(0, this.count));
    this.steps = steps;
  }

  /** Makes room for about `n` entries at once, instead of doubling on the way. */
  reserve(n: number): void {
    const listed = Math.ceil(n * RESERVE_SLACK);
    if (this.hashes.length < listed) this.moreEntries(listed);
    this.chars = withRoomFor(this.chars, this.used, this.count, listed);
    this.hashRepeats.reserve(n);
  }
}

/** Entries whose hashes `RepeatedTexts` puts into its table at a time. */
const HASH_BATCH = 8192;

/**
 * The values that occur more than once among those added (in batches): an open-addressing table of the distinct
 * values (at most half full, the slot taken from the top bits of the value times the golden ratio, so that values
 * alike in their low bits spread too), 0 counted apart as the table's mark for an empty slot. At a million rows
 * some twice as fast as sorting a copy of the hashes (measured: 43 against 78 ms, when added all at once).
 */
export class HashRepeats {
  readonly shared = new Set<number>();
  private bits = 10;
  private table = new Int32Array(1 << 10);
  /** Distinct values other than 0 in the table. */
  private distinct = 0;
  private zeros = 0;

  /** Adds `values[from … to − 1]`. */
  add(values: Int32Array, from: number, to: number): void {
    if (to - from + this.distinct > this.table.length / 2) this.grow(to - from + this.distinct);
    const { table, shared } = this;
    const shift = 32 - this.bits;
    const mask = table.length - 1;
    for (let e = from; e < to; e++) {
      const h = values[e]!;
      if (h === 0) {
        if (++this.zeros === 2) shared.add(0);
        continue;
      }
      for (let slot = Math.imul(h, 0x9e3779b1) >>> shift; ; slot = (slot + 1) & mask) {
        const at = table[slot]!;
        if (at === 0) {
          table[slot] = h;
          this.distinct++;
          break;
        }
        if (at === h) {
          shared.add(h);
          break;
        }
      }
    }
  }

  /** Makes room for about `n` distinct values at once. */
  reserve(n: number): void {
    if (n > this.table.length / 2) this.grow(n);
  }

  /** A table at most half full with `n` distinct values, the values so far moved into it. */
  private grow(n: number): void {
    let bits = this.bits;
    while (1 << bits < n * 2) bits++;
    if (bits === this.bits) return;
    const old = this.table;
    const table = new Int32Array(1 << bits);
    const shift = 32 - bits;
    const mask = table.length - 1;
    for (let s = 0; s < old.length; s++) {
      const h = old[s]!;
      if (h === 0) continue;
      let slot = Math.imul(h, 0x9e3779b1) >>> shift;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = h;
    }
    this.table = table;
    this.bits = bits;
  }
}

/**
 * A run's mapping keys as the run files them (`keyId`): whole numbers in a number table, other keys in a text
 * table. A number outside 0 … 2³¹−1 (which `keyId` never gives) would go to the text table as its digits: a text
 * key never consists of the digits of a whole number (`keyId` makes those numbers), so the two never meet.
 */
export class FirstSeenKeys {
  private readonly numbers = new FirstSeenNumbers();
  private readonly texts: FirstSeenTexts;

  constructor(hash?: (text: string, start: number, end: number) => number) {
    this.texts = new FirstSeenTexts(hash);
  }

  get(key: string | number): number {
    if (typeof key !== 'number') return this.texts.get(key);
    return key >= 0 && (key | 0) === key ? this.numbers.get(key) : this.texts.get(String(key));
  }

  getOrAdd(key: string | number, index: number): number {
    if (typeof key !== 'number') return this.texts.getOrAdd(key, index);
    return key >= 0 && (key | 0) === key
      ? this.numbers.getOrAdd(key, index)
      : this.texts.getOrAdd(String(key), index);
  }

  has(key: string | number): boolean {
    return this.get(key) !== -1;
  }

  /** Makes room for `n` whole-number keys at once (most keys are). */
  reserve(n: number): void {
    this.numbers.reserve(n);
  }
}
