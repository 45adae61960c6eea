import { memo } from 'react';
import type { Label } from '../../../annotations/model';
import type { Difference } from '../../../annotations/review/differences';
import { KindBadge } from './kind-badge';
import { actionWords } from './review-words';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { ShownDecision } from './use-review';

interface DifferenceRowProps {
  difference: Difference;
  index: number;
  focused: boolean;
  decision: ShownDecision | null;
  labels: ReadonlyMap<string, Label>;
  onSelect(index: number): void;
}

function labelNames(ids: readonly string[], labels: ReadonlyMap<string, Label>): string {
  return [...new Set(ids)].map((id) => labels.get(id)?.name ?? id).join(', ') || '—';
}

/** One difference in the list: where, what kind, the labels on each side, and what was decided. */
export const DifferenceRow = memo(DifferenceRowView, sameRow);

/**
 * A row shows only the difference's key (its spans and labels), quote, kind
 * and the action decided, so it is drawn again only when one of those
 * changes: a decision redraws one row, not the whole list.
 */
function sameRow(a: DifferenceRowProps, b: DifferenceRowProps): boolean {
  return (
    a.difference.key === b.difference.key &&
    a.difference.kind === b.difference.kind &&
    a.difference.quote === b.difference.quote &&
    a.index === b.index &&
    a.focused === b.focused &&
    a.decision?.action === b.decision?.action &&
    a.labels === b.labels &&
    a.onSelect === b.onSelect
  );
}

function DifferenceRowView({ difference, index, focused, decision, labels, onSelect }: DifferenceRowProps) {
  const mine = labelNames(difference.mine.map((a) => a.labelId), labels);
  const theirs = labelNames(difference.theirs.map((a) => a.labelId), labels);
  return (
    <li className="difference-row-item">
      <button
        type="button"
        className={`difference-row${focused ? ' focused' : ''}${decision ? ' decided' : ''}`}
        aria-current={focused ? 'true' : undefined}
        data-difference-index={index}
        data-kind={difference.kind}
        data-decision={decision?.action ?? 'none'}
        onClick={() => onSelect(index)}
      >
        <span className="difference-row-top">
          <span className="difference-row-number">{index + 1}</span>
          <KindBadge kind={difference.kind} />
          <span className={`difference-row-decision${decision ? '' : ' undecided'}`}>{decision ? `✓ ${actionWords(decision.action).done}` : 'Undecided'}</span>
        </span>
        <span className="difference-row-quote">“{oneLine(difference.quote, 70)}”</span>
        <span className="difference-row-labels">
          {difference.kind === 'agreed' ? mine : `mine: ${mine} · theirs: ${theirs}`}
        </span>
      </button>
    </li>
  );
}
