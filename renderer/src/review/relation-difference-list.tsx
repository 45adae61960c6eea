import { useMemo } from 'react';
import type { AnnotationLayer, LabelSchema, Relation } from '../../../annotations/model';
import { relationDifferences, type RelationDifferenceKind } from '../../../annotations/review/relation-differences';
import { oneLine } from '../../../annotations/text/ellipsis';

interface RelationDifferenceListProps {
  mine: AnnotationLayer;
  theirs: AnnotationLayer;
  labels: LabelSchema;
  mineName: string;
  theirsName: string;
}

const KIND_NAMES: Record<RelationDifferenceKind, string> = { agreed: 'Agreed', 'different-type': 'Different type', 'only-mine': 'Only mine', 'only-theirs': 'Only theirs' };
const KINDS: readonly RelationDifferenceKind[] = ['different-type', 'only-mine', 'only-theirs', 'agreed'];

/**
 * The relation differences between two layers in review: agreed, the same
 * spans linked by another type, or a link only one side made. Shown for
 * reading; deciding links is not offered yet (there is no decision for them).
 */
export function RelationDifferenceList({ mine, theirs, labels, mineName, theirsName }: RelationDifferenceListProps) {
  const differences = useMemo(() => relationDifferences(mine, theirs, labels), [mine, theirs, labels]);
  if (differences.length === 0) return null;
  const typeName = (id: string) => labels.relationTypes?.find((t) => t.id === id)?.name ?? id;
  const describe = (layer: AnnotationLayer, r: Relation) => {
    const quote = (id: string) => oneLine(layer.annotations.find((a) => a.id === id)?.quote.exact ?? '?', 30);
    return `“${quote(r.sourceId)}” ${typeName(r.typeId)} “${quote(r.targetId)}”`;
  };
  const counts = KINDS.map((kind) => [kind, differences.filter((d) => d.kind === kind).length] as const).filter(([, n]) => n > 0);
  return (
    <section className="review-relations" aria-label="Relation differences">
      <h3 className="report-heading">Links</h3>
      <p className="muted small">{counts.map(([kind, n]) => `${n} ${KIND_NAMES[kind].toLowerCase()}`).join(' · ')}</p>
      <ul>
        {[...differences]
          .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind))
          .map((d) => (
            <li key={`${d.kind}|${d.key}|${d.mine?.id ?? ''}|${d.theirs?.id ?? ''}`} className="review-relation" data-kind={d.kind}>
              <span className="review-relation-kind">{KIND_NAMES[d.kind]}</span>{' '}
              {d.kind === 'different-type' ? (
                <>
                  {mineName}: {describe(mine, d.mine!)}; {theirsName}: {typeName(d.theirs!.typeId)}
                </>
              ) : d.mine ? (
                describe(mine, d.mine)
              ) : (
                describe(theirs, d.theirs!)
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
