/**
 * The differences between two layers on one document (the analyst's and a
 * colleague's), in reading order, for review.
 *
 * How annotations are grouped:
 * 1. Identical spans with the same label are paired one to one: each pair is
 *    an `agreed` difference. (If one side has a span twice and the other
 *    once, the extra copy goes on to step 2.)
 * 2. The rest are grouped by overlap: a group is a set of annotations
 *    connected through overlaps between a mine and a theirs annotation (two of
 *    my annotations overlapping each other do not join a group by themselves).
 *    A group with only my annotation is `only-mine`; only theirs, `only-theirs`.
 *    A group whose annotations all carry one label is a `boundary-conflict`.
 *    Any other group is a `label-conflict`: the same span with different
 *    labels, or overlapping spans whose labels differ as well as their bounds.
 *
 * So one of my spans overlapping three of theirs is one difference with one
 * mine and three theirs, decided at once.
 */
import { sortAnnotations } from '../annotation';
import { overlapLists } from '../agreement/span-overlaps';
import type { Annotation, DifferenceKind } from '../model';
import { appendAll } from '../append-all';

/** One place where two layers agree or differ. */
export interface Difference {
  /**
   * Stable identity, built from the spans and labels involved (not ids), so a
   * decision recorded under it is recognised after a reload. A key that occurs
   * more than once in a document (the same spans duplicated) gets `#2`, `#3`…
   * in reading order.
   */
  key: string;
  kind: DifferenceKind;
  /** The region covering every annotation involved, UTF-16 offsets. */
  start: number;
  end: number;
  /** `text.slice(start, end)`, for the list of differences. */
  quote: string;
  /** My annotations involved, in reading order. */
  mine: Annotation[];
  /** Their annotations involved, in reading order. */
  theirs: Annotation[];
  mineIds: string[];
  theirsIds: string[];
}

/** The differences between `mine` and `theirs` on `text`, in reading order. Never throws. */
export function findDifferences(text: string, mine: readonly Annotation[], theirs: readonly Annotation[]): Difference[] {
  const m = sortAnnotations([...mine]);
  const t = sortAnnotations([...theirs]);
  const groups: Array<{ mine: Annotation[]; theirs: Annotation[] }> = [];

  const waiting = new Map<string, Annotation[]>();
  for (const y of t) {
    const list = waiting.get(exactKey(y));
    if (list) list.push(y);
    else waiting.set(exactKey(y), [y]);
  }
  const restMine: Annotation[] = [];
  const pairedTheirs = new Set<Annotation>();
  for (const x of m) {
    const partner = waiting.get(exactKey(x))?.shift();
    if (partner) {
      groups.push({ mine: [x], theirs: [partner] });
      pairedTheirs.add(partner);
    } else restMine.push(x);
  }
  const restTheirs = t.filter((y) => !pairedTheirs.has(y));

  // Connected components over mine–theirs overlaps (union–find; theirs indices offset by restMine.length).
  const parent = Array.from({ length: restMine.length + restTheirs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  overlapLists(restMine, restTheirs).forEach((list, i) => {
    for (const j of list) parent[find(i)] = find(restMine.length + j);
  });
  const components = new Map<number, { mine: Annotation[]; theirs: Annotation[] }>();
  const componentOf = (i: number) => {
    const root = find(i);
    let c = components.get(root);
    if (!c) components.set(root, (c = { mine: [], theirs: [] }));
    return c;
  };
  restMine.forEach((x, i) => componentOf(i).mine.push(x));
  restTheirs.forEach((y, j) => componentOf(restMine.length + j).theirs.push(y));
  appendAll(groups, components.values());

  const differences = groups.map((g) => toDifference(text, g.mine, g.theirs));
  differences.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Map<string, number>();
  for (const d of differences) {
    const n = (seen.get(d.key) ?? 0) + 1;
    seen.set(d.key, n);
    if (n > 1) d.key = `${d.key}#${n}`;
  }
  return differences;
}

function exactKey(x: Annotation): string {
  return JSON.stringify([x.start, x.end, x.labelId]);
}

function kindOf(mine: readonly Annotation[], theirs: readonly Annotation[]): DifferenceKind {
  if (theirs.length === 0) return 'only-mine';
  if (mine.length === 0) return 'only-theirs';
  const labels = new Set([...mine, ...theirs].map((x) => x.labelId));
  if (labels.size > 1) return 'label-conflict';
  const spans = new Set([...mine, ...theirs].map((x) => `${x.start}:${x.end}`));
  return spans.size === 1 ? 'agreed' : 'boundary-conflict';
}

function toDifference(text: string, mine: Annotation[], theirs: Annotation[]): Difference {
  const all = [...mine, ...theirs];
  const start = all.reduce((least, x) => Math.min(least, x.start), Infinity);
  const end = all.reduce((most, x) => Math.max(most, x.end), -Infinity);
  const spans = (xs: readonly Annotation[]) => xs.map((x) => [x.start, x.end, x.labelId]);
  return {
    key: JSON.stringify({ mine: spans(mine), theirs: spans(theirs) }),
    kind: kindOf(mine, theirs),
    start,
    end,
    quote: text.slice(start, end),
    mine,
    theirs,
    mineIds: mine.map((x) => x.id),
    theirsIds: theirs.map((x) => x.id),
  };
}
