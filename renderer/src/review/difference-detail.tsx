import type { DecisionAction, Label } from '../../../annotations/model';
import type { Difference } from '../../../annotations/review/differences';
import { formatAbsoluteTime } from '../library/format-time';
import { DifferenceSide } from './difference-side';
import { KindBadge } from './kind-badge';
import { ACTIONS, actionWords, KIND_HINTS } from './review-words';
import type { ShownDecision } from './use-review';

interface DifferenceDetailProps {
  difference: Difference;
  index: number;
  total: number;
  decision: ShownDecision | null;
  theirsName: string;
  labels: ReadonlyMap<string, Label>;
  onDecide(action: DecisionAction): void;
  onStep(direction: 1 | -1): void;
  onNextUndecided(): void;
}

/** The focused difference: both sides, the decision taken so far, and the four ways to decide it. */
export function DifferenceDetail({ difference, index, total, decision, theirsName, labels, onDecide, onStep, onNextUndecided }: DifferenceDetailProps) {
  return (
    <section className="difference-detail" aria-label="Focused difference" data-testid="difference-detail" data-kind={difference.kind}>
      <div className="difference-detail-head" role="group" aria-label="Move">
        <button type="button" className="review-nav review-step" aria-label="Previous difference" title="Previous difference (k)" aria-keyshortcuts="k" onClick={() => onStep(-1)}>
          ‹
        </button>
        <span className="difference-position">
          {index + 1} of {total}
        </span>
        <button type="button" className="review-nav review-step" aria-label="Next difference" title="Next difference (j)" aria-keyshortcuts="j" onClick={() => onStep(1)}>
          ›
        </button>
        <KindBadge kind={difference.kind} />
        <button type="button" className="review-nav review-next-undecided" aria-keyshortcuts="u" onClick={onNextUndecided}>
          Next undecided <kbd>u</kbd>
        </button>
      </div>
      <p className="difference-hint">{KIND_HINTS[difference.kind]}</p>
      <div className="difference-sides">
        <DifferenceSide title="Mine" kind="own" annotations={difference.mine} labels={labels} />
        <DifferenceSide title={`Theirs (${theirsName})`} kind="colleague" annotations={difference.theirs} labels={labels} />
      </div>
      <p className="difference-decision" data-testid="difference-decision" data-action={decision?.action ?? 'none'}>
        {decision === null ? (
          <span className="muted">Not decided yet.</span>
        ) : decision.record === null ? (
          <>
            <strong>{actionWords(decision.action).done}</strong> <span className="muted">(saving…)</span>
          </>
        ) : (
          <>
            <strong>{actionWords(decision.action).done}</strong>{' '}
            <span className="muted">
              by {decision.record.decidedBy || 'unknown'}, {formatAbsoluteTime(decision.record.decidedAt)}
            </span>
          </>
        )}
      </p>
      <div className="difference-actions" role="group" aria-label="Decide">
        {ACTIONS.map((a) => (
          <button key={a.action} type="button" className="review-action" aria-pressed={decision?.action === a.action} aria-keyshortcuts={a.key} onClick={() => onDecide(a.action)}>
            {a.name} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
