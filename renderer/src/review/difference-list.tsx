import { useEffect, useRef } from 'react';
import type { Label } from '../../../annotations/model';
import type { Difference } from '../../../annotations/review/differences';
import { DifferenceRow } from './difference-row';
import type { ShownDecision } from './use-review';

interface DifferenceListProps {
  differences: readonly Difference[];
  focusIndex: number | null;
  decisionOf(difference: Difference): ShownDecision | null;
  labels: ReadonlyMap<string, Label>;
  onSelect(index: number): void;
}

/** Every difference in reading order; the focused one is marked and kept in view. */
export function DifferenceList({ differences, focusIndex, decisionOf, labels, onSelect }: DifferenceListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    listRef.current?.querySelector(`[data-difference-index="${focusIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusIndex]);

  if (differences.length === 0) return <p className="review-empty">The two layers have no annotations on this document, so there is nothing to compare.</p>;
  return (
    <ol className="difference-list" aria-label="Differences" ref={listRef}>
      {differences.map((d, i) => (
        <DifferenceRow key={d.key} difference={d} index={i} focused={i === focusIndex} decision={decisionOf(d)} labels={labels} onSelect={onSelect} />
      ))}
    </ol>
  );
}
