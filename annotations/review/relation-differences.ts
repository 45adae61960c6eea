/**
 * How two layers' relations differ: the same link (agreed), the same two
 * spans linked by another type, or a link only one layer has. Ends are
 * matched by span identity — same bounds and same label — never by
 * annotation id, which differs between layers.
 */
import type { Annotation, AnnotationLayer, LabelSchema, Relation } from '../model';

/** How one relation of one layer compares with the other layer. */
export type RelationDifferenceKind = 'agreed' | 'different-type' | 'only-mine' | 'only-theirs';

/** One relation difference: the relation in each layer that has it, and a key stable across recomputation. */
export interface RelationDifference {
  kind: RelationDifferenceKind;
  mine?: Relation;
  theirs?: Relation;
  /** `source|target` span identities (`start:end:label`), plus the type for `agreed` and one-sided differences. */
  key: string;
}

/** The identity of a span for matching across layers: bounds and label. */
export function spanIdentity(a: Pick<Annotation, 'start' | 'end' | 'labelId'>): string {
  return `${a.start}:${a.end}:${a.labelId}`;
}

interface Keyed {
  relation: Relation;
  /** Source and target identities, in order unless the type is undirected (then sorted). */
  pair: string;
}

function keyed(layer: Pick<AnnotationLayer, 'annotations' | 'relations'>, undirected: ReadonlySet<string>): Keyed[] {
  const byId = new Map(layer.annotations.map((a) => [a.id, a]));
  const out: Keyed[] = [];
  for (const relation of layer.relations ?? []) {
    const source = byId.get(relation.sourceId);
    const target = byId.get(relation.targetId);
    // A relation whose end is missing from its layer has nothing to be matched by; it is not a link of this layer.
    if (!source || !target) continue;
    let ends = [spanIdentity(source), spanIdentity(target)];
    if (undirected.has(relation.typeId)) ends = ends.sort();
    out.push({ relation, pair: ends.join('|') });
  }
  return out;
}

/**
 * The relation differences between two layers, mine first in my order, then
 * theirs that matched nothing, in their order. Same pair of spans and type:
 * `agreed`; same pair, another type: `different-type` (each relation used
 * once, same types paired first); otherwise `only-mine` / `only-theirs`. With
 * a schema, a type marked undirected matches its ends either way round.
 */
export function relationDifferences(mine: Pick<AnnotationLayer, 'annotations' | 'relations'>, theirs: Pick<AnnotationLayer, 'annotations' | 'relations'>, schema?: LabelSchema): RelationDifference[] {
  const undirected = new Set((schema?.relationTypes ?? []).filter((t) => !t.directed).map((t) => t.id));
  const ours = keyed(mine, undirected);
  const other = keyed(theirs, undirected);
  const used = new Set<number>();
  const result = new Map<number, RelationDifference>();
  // Same pair and type first, so a second link between the same spans is not paired with the wrong one.
  ours.forEach((m, i) => {
    const j = other.findIndex((t, k) => !used.has(k) && t.pair === m.pair && t.relation.typeId === m.relation.typeId);
    if (j < 0) return;
    used.add(j);
    result.set(i, { kind: 'agreed', mine: m.relation, theirs: other[j]!.relation, key: `${m.pair}|${m.relation.typeId}` });
  });
  ours.forEach((m, i) => {
    if (result.has(i)) return;
    const j = other.findIndex((t, k) => !used.has(k) && t.pair === m.pair);
    if (j >= 0) {
      used.add(j);
      result.set(i, { kind: 'different-type', mine: m.relation, theirs: other[j]!.relation, key: m.pair });
    } else result.set(i, { kind: 'only-mine', mine: m.relation, key: `${m.pair}|${m.relation.typeId}` });
  });
  const out = ours.map((_, i) => result.get(i)!);
  other.forEach((t, k) => {
    if (!used.has(k)) out.push({ kind: 'only-theirs', theirs: t.relation, key: `${t.pair}|${t.relation.typeId}` });
  });
  return out;
}
