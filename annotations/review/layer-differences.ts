/**
 * The differences among two or more layers on one document, for reviewing
 * several layers at once (the analyst's and two colleagues', or two
 * colleagues' without the analyst's).
 *
 * The pair rule of `differences.ts`, generalised to n layers:
 * 1. A span (start, end, label) held by every compared layer is an `agreed`
 *    difference, one copy taken from each layer. (A layer that holds it twice
 *    leaves its spare copy to step 2.)
 * 2. The rest are grouped by overlap between spans of *different* layers,
 *    closed under that relation (two spans of one layer overlapping each
 *    other do not join a group by themselves).
 *    - all spans of the group the same span and label, held by some layers
 *      only: `only-mine` when the first layer compared holds it, else
 *      `only-theirs` (the first layer plays "mine");
 *    - one label, several bounds: `boundary-conflict`;
 *    - otherwise `label-conflict`.
 *
 * With two layers the result is exactly `findDifferences(text, first,
 * second)`, keys included, so decisions made either way are the same
 * decisions. With three or more the key lists the spans layer by layer.
 */
import { sortAnnotations } from '../annotation';
import { overlapLists } from '../agreement/span-overlaps';
import type { Annotation, DifferenceKind } from '../model';
import type { Difference } from './differences';
import { appendAll } from '../append-all';

/** One layer taking part in a review: its id and its annotations on the document. */
export interface ReviewLayer {
  id: string;
  annotations: readonly Annotation[];
}

/** A span of a difference and the layer it belongs to. */
export interface LayerSpan {
  layerId: string;
  annotation: Annotation;
}

/**
 * A difference among several layers. As a `Difference`, the first layer's
 * spans are `mine` and every other layer's are `theirs`, so everything that
 * reads a pair difference reads this one too.
 */
export interface LayerDifference extends Difference {
  /** The layers compared, in comparison order. */
  layerIds: string[];
  /** Every span, layer by layer in comparison order, each layer's in reading order. */
  spans: LayerSpan[];
}

/**
 * The differences among `layers` (two or more, distinct ids) on `text`, in
 * reading order. Returns an empty list when fewer than two layers are given
 * (there is nothing to compare); a repeated layer id is compared once.
 */
export function findLayerDifferences(text: string, layers: readonly ReviewLayer[]): LayerDifference[] {
  const distinct = layers.filter((l, i) => layers.findIndex((m) => m.id === l.id) === i);
  if (distinct.length < 2) return [];
  const layerIds = distinct.map((l) => l.id);
  const sorted = distinct.map((l) => sortAnnotations([...l.annotations]));

  // Step 1: spans every layer holds, one copy from each.
  const waiting = sorted.map((list) => {
    const byKey = new Map<string, Annotation[]>();
    for (const x of list) {
      const bucket = byKey.get(exactKey(x));
      if (bucket) bucket.push(x);
      else byKey.set(exactKey(x), [x]);
    }
    return byKey;
  });
  const groups: LayerSpan[][] = [];
  const used = new Set<Annotation>();
  for (const x of sorted[0]!) {
    if (used.has(x)) continue;
    const key = exactKey(x);
    const others = waiting.slice(1).map((byKey) => byKey.get(key)?.[0]);
    if (others.some((y) => y === undefined)) continue;
    const copies = [x, ...(others as Annotation[])];
    copies.forEach((y, i) => {
      used.add(y);
      waiting[i]!.get(key)!.shift();
    });
    groups.push(copies.map((annotation, i) => ({ layerId: layerIds[i]!, annotation })));
  }

  // Step 2: connected components over overlaps between spans of different layers.
  const rest: LayerSpan[] = [];
  const offsets: number[] = [];
  sorted.forEach((list, i) => {
    offsets.push(rest.length);
    for (const annotation of list) if (!used.has(annotation)) rest.push({ layerId: layerIds[i]!, annotation });
  });
  const restOf = (i: number) => rest.slice(offsets[i], i + 1 < offsets.length ? offsets[i + 1] : rest.length).map((s) => s.annotation);
  const parent = rest.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let a = 0; a < layerIds.length; a++) {
    for (let b = a + 1; b < layerIds.length; b++) {
      overlapLists(restOf(a), restOf(b)).forEach((list, i) => {
        for (const j of list) parent[find(offsets[a]! + i)] = find(offsets[b]! + j);
      });
    }
  }
  const components = new Map<number, LayerSpan[]>();
  rest.forEach((span, i) => {
    const root = find(i);
    const group = components.get(root);
    if (group) group.push(span);
    else components.set(root, [span]);
  });
  appendAll(groups, components.values());

  const differences = groups.map((g) => toDifference(text, layerIds, g));
  differences.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Map<string, number>();
  for (const d of differences) {
    const n = (seen.get(d.key) ?? 0) + 1;
    seen.set(d.key, n);
    if (n > 1) d.key = `${d.key}#${n}`;
  }
  return differences;
}

/** Identity of a span for exact agreement: bounds and label. */
export function exactKey(x: Pick<Annotation, 'start' | 'end' | 'labelId'>): string {
  return JSON.stringify([x.start, x.end, x.labelId]);
}

function kindOf(layerIds: readonly string[], spans: readonly LayerSpan[]): DifferenceKind {
  const holders = new Set(spans.map((s) => s.layerId));
  const labels = new Set(spans.map((s) => s.annotation.labelId));
  const bounds = new Set(spans.map((s) => `${s.annotation.start}:${s.annotation.end}`));
  if (labels.size > 1) return 'label-conflict';
  if (bounds.size > 1) return 'boundary-conflict';
  if (holders.size === layerIds.length) return 'agreed';
  return holders.has(layerIds[0]!) ? 'only-mine' : 'only-theirs';
}

function toDifference(text: string, layerIds: string[], group: LayerSpan[]): LayerDifference {
  const perLayer = layerIds.map((id) => sortAnnotations(group.filter((s) => s.layerId === id).map((s) => s.annotation)));
  const spans = perLayer.flatMap((list, i) => list.map((annotation) => ({ layerId: layerIds[i]!, annotation })));
  const all = spans.map((s) => s.annotation);
  const start = all.reduce((least, x) => Math.min(least, x.start), Infinity);
  const end = all.reduce((most, x) => Math.max(most, x.end), -Infinity);
  const bounds = (xs: readonly Annotation[]) => xs.map((x) => [x.start, x.end, x.labelId]);
  const mine = perLayer[0]!;
  const theirs = perLayer.slice(1).flat();
  return {
    key: layerIds.length === 2 ? JSON.stringify({ mine: bounds(mine), theirs: bounds(theirs) }) : JSON.stringify({ layers: perLayer.map(bounds) }),
    kind: kindOf(layerIds, spans),
    start,
    end,
    quote: text.slice(start, end),
    mine,
    theirs,
    mineIds: mine.map((x) => x.id),
    theirsIds: theirs.map((x) => x.id),
    layerIds: [...layerIds],
    spans,
  };
}
