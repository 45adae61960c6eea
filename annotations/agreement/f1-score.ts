/** The F1 formula shared by instance, token and lenient agreement. */

/** Counts behind one F1 figure: matched items, and how many items each side has. */
export interface F1Counts {
  matches: number;
  a: number;
  b: number;
}

/** Counts with nothing in them. */
export function emptyF1Counts(): F1Counts {
  return { matches: 0, a: 0, b: 0 };
}

/** Adds `more` into `into` (mutates and returns `into`). */
export function addF1Counts(into: F1Counts, more: F1Counts): F1Counts {
  into.matches += more.matches;
  into.a += more.a;
  into.b += more.b;
  return into;
}

/**
 * F1 = 2·matches / (a + b). `null` when neither side has anything (0/0): two
 * annotators who both found nothing neither agree nor disagree on it.
 */
export function f1Score(counts: F1Counts): number | null {
  const denominator = counts.a + counts.b;
  return denominator === 0 ? null : (2 * counts.matches) / denominator;
}

/** Sums per-key counts into one map (mutates and returns `into`). */
export function mergeF1CountMaps(into: Map<string, F1Counts>, more: ReadonlyMap<string, F1Counts>): Map<string, F1Counts> {
  for (const [key, counts] of more) {
    const existing = into.get(key);
    if (existing) addF1Counts(existing, counts);
    else into.set(key, { ...counts });
  }
  return into;
}

/** The sum of every value in a per-key count map. */
export function totalF1Counts(map: ReadonlyMap<string, F1Counts>): F1Counts {
  const total = emptyF1Counts();
  for (const counts of map.values()) addF1Counts(total, counts);
  return total;
}

/** One countable item of an annotator: its label and the key two items must share to match. */
export interface LabelledItem {
  label: string;
  key: string;
}

/**
 * Per-label counts of two annotators' items matched as multisets: an item of
 * `b` matches an unused item of `a` with the same key, so an item given twice
 * by one annotator and once by the other is one match out of 2 + 1.
 * `labels` are listed even when they yield no items (a label used only on
 * whitespace still counts as used).
 */
export function multisetCounts(a: Iterable<LabelledItem>, b: Iterable<LabelledItem>, labels: Iterable<string> = []): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  const counts = (label: string): F1Counts => {
    let c = byLabel.get(label);
    if (!c) byLabel.set(label, (c = emptyF1Counts()));
    return c;
  };
  for (const label of labels) counts(label);
  const unmatched = new Map<string, number>();
  for (const x of a) {
    counts(x.label).a++;
    unmatched.set(x.key, (unmatched.get(x.key) ?? 0) + 1);
  }
  for (const y of b) {
    const c = counts(y.label);
    c.b++;
    const left = unmatched.get(y.key) ?? 0;
    if (left > 0) {
      c.matches++;
      unmatched.set(y.key, left - 1);
    }
  }
  return byLabel;
}
