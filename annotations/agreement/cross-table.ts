/**
 * A cross table of two annotators' token categories: how many tokens the first
 * put in category x while the second put them in category y. Kappa and
 * pairwise alpha are both computed from it.
 */

/** Counts keyed by `crossKey(categoryOfA, categoryOfB)`. */
export type CrossTable = Map<string, number>;

const SEPARATOR = '\u0000';

/** The key of a category pair. Categories must not contain U+0000 (those from `token-labels.ts` never do). */
export function crossKey(a: string, b: string): string {
  return a + SEPARATOR + b;
}

/** The two categories of a key made by `crossKey`. */
export function splitCrossKey(key: string): [string, string] {
  const i = key.indexOf(SEPARATOR);
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Counts the category pairs of two equally long sequences into `into` (mutates and returns it). Throws RangeError on unequal lengths. */
export function addToCrossTable(into: CrossTable, a: readonly string[], b: readonly string[]): CrossTable {
  if (a.length !== b.length) throw new RangeError(`sequences differ in length (${a.length} and ${b.length})`);
  // Counted by category of a, then of b, and keyed once per pair at the end: a key built per element cost most of the time.
  const rows = new Map<string, Map<string, number>>();
  for (let i = 0; i < a.length; i++) {
    let row = rows.get(a[i]!);
    if (!row) rows.set(a[i]!, (row = new Map()));
    row.set(b[i]!, (row.get(b[i]!) ?? 0) + 1);
  }
  for (const [x, row] of rows) {
    for (const [y, n] of row) {
      const key = crossKey(x, y);
      into.set(key, (into.get(key) ?? 0) + n);
    }
  }
  return into;
}

/**
 * The cross table of two equally long sequences of category numbers
 * (see `CategoryCodes`), `names[n]` naming category n. Throws RangeError on
 * unequal lengths.
 */
export function crossTableOfCodes(a: Int32Array, b: Int32Array, names: readonly string[]): CrossTable {
  if (a.length !== b.length) throw new RangeError(`sequences differ in length (${a.length} and ${b.length})`);
  // The categories these sequences use, numbered again from 0 so that the pairs fit one small array.
  const local = new Int32Array(names.length).fill(-1);
  const used: number[] = [];
  for (const sequence of [a, b]) {
    for (let i = 0; i < sequence.length; i++) {
      if (local[sequence[i]!]! < 0) {
        local[sequence[i]!] = used.length;
        used.push(sequence[i]!);
      }
    }
  }
  const base = used.length;
  const counts = base * base <= MAX_ARRAY_PAIRS ? new Int32Array(base * base) : null;
  const spilled = new Map<number, number>(); // pairs, when too many for the array
  for (let i = 0; i < a.length; i++) {
    const key = local[a[i]!]! * base + local[b[i]!]!;
    if (counts) counts[key]!++;
    else spilled.set(key, (spilled.get(key) ?? 0) + 1);
  }
  const table: CrossTable = new Map();
  const add = (key: number, n: number) => table.set(crossKey(names[used[Math.floor(key / base)]!]!, names[used[key % base]!]!), n);
  if (counts) {
    for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) add(key, counts[key]!);
  } else {
    for (const [key, n] of spilled) add(key, n);
  }
  return table;
}

/** Category pairs this many or fewer are counted in a typed array; more in a map. */
const MAX_ARRAY_PAIRS = 1 << 16;

/** Adds every count of `more` into `into` (mutates and returns it). */
export function mergeCrossTables(into: CrossTable, more: CrossTable): CrossTable {
  for (const [key, n] of more) into.set(key, (into.get(key) ?? 0) + n);
  return into;
}

/** A table with every category replaced by `map(category)`; pairs that map together are summed. */
export function mapCrossTable(table: CrossTable, map: (category: string) => string): CrossTable {
  const result: CrossTable = new Map();
  for (const [key, n] of table) {
    const [a, b] = splitCrossKey(key);
    const mapped = crossKey(map(a), map(b));
    result.set(mapped, (result.get(mapped) ?? 0) + n);
  }
  return result;
}
