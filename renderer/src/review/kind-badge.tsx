import type { DifferenceKind } from '../../../annotations/model';
import { KIND_HINTS, KIND_NAMES } from './review-words';

/** The kind of a difference as a small labelled badge; the name is always written out, the tint only helps. */
export function KindBadge({ kind }: { kind: DifferenceKind }) {
  return (
    <span className={`review-kind review-kind-${kind}`} title={KIND_HINTS[kind]} data-kind={kind}>
      {KIND_NAMES[kind]}
    </span>
  );
}
