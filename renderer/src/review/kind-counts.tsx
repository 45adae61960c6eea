import type { DifferenceKind } from '../../../annotations/model';
import { DIFFERENCE_KINDS } from '../../../annotations/review/difference-navigation';
import { KindBadge } from './kind-badge';

/** How many differences of each kind the document has. */
export function KindCounts({ counts }: { counts: Readonly<Record<DifferenceKind, number>> }) {
  return (
    <ul className="review-counts" aria-label="Differences by kind">
      {DIFFERENCE_KINDS.map((kind) => (
        <li key={kind} className={counts[kind] === 0 ? 'review-count-zero' : undefined} data-kind={kind}>
          <KindBadge kind={kind} /> <span className="review-count-number">{counts[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
