import { useMemo } from 'react';
import type { DecisionAction, Label } from '../../../annotations/model';
import type { Difference } from '../../../annotations/review/differences';
import { keptIds } from '../../../annotations/review/reconcile';
import { pairSpans } from '../../../annotations/review/span-pairs';
import { formatAbsoluteTime } from '../library/format-time';
import { DifferenceSide, type SpanRole } from './difference-side';
import { KindBadge } from './kind-badge';
import { actionsFor, actionWords, KIND_HINTS } from './review-words';
import type { ShownDecision } from './use-review';

interface DifferenceDetailProps {
  difference: Difference;
  index: number;
  total: number;
  decision: ShownDecision | null;
  /** The analyst's name and the colleague's, heading each side. */
  mineName: string;
  theirsName: string;
  labels: ReadonlyMap<string, Label>;
  onDecide(action: DecisionAction): void;
  /** Keeps exactly these spans of the difference. */
  onChooseSpans(keepIds: readonly string[]): void;
  onStep(direction: 1 | -1): void;
  onNextUndecided(): void;
}

/** The focused difference: both sides, the decision taken so far, and the four ways to decide it. */
export function DifferenceDetail({ difference, index, total, decision, mineName, theirsName, labels, onDecide, onChooseSpans, onStep, onNextUndecided }: DifferenceDetailProps) {
  const conflict = difference.kind === 'label-conflict' || difference.kind === 'boundary-conflict';
  const roles = useMemo(() => {
    const map = new Map<string, SpanRole>();
    if (!conflict) return map;
    for (const p of pairSpans(difference.mine, difference.theirs).pairs) {
      map.set(p.mine.id, { partner: p.theirs, kind: p.kind });
      map.set(p.theirs.id, { partner: p.mine, kind: p.kind });
    }
    return map;
  }, [difference, conflict]);
  const kept = decision?.kept ?? null;
  const toggle = (id: string) => {
    // Undecided, the spans in no conflict start out kept, as every decision keeps them.
    const base = new Set(kept ?? keptIds(difference, 'reject-both'));
    if (base.has(id)) base.delete(id);
    else base.add(id);
    onChooseSpans([...difference.mineIds, ...difference.theirsIds].filter((x) => base.has(x)));
  };
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
        <DifferenceSide title={`${mineName} (you)`} kind="own" annotations={difference.mine} labels={labels} conflict={conflict} roles={roles} kept={kept} onToggle={toggle} />
        <DifferenceSide title={theirsName} kind="colleague" annotations={difference.theirs} labels={labels} conflict={conflict} roles={roles} kept={kept} onToggle={toggle} />
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
        {actionsFor(difference.kind).map((a) => (
          <button key={a.action} type="button" className="review-action" aria-pressed={decision?.action === a.action} aria-keyshortcuts={a.key} onClick={() => onDecide(a.action)}>
            {a.name} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
    </section>
  );
}
