import { useMemo } from 'react';
import { OWN_LAYER_ID, type DecisionAction, type Label } from '../../../annotations/model';
import type { Difference } from '../../../annotations/review/differences';
import { keptLayerIds, spansInNoConflict } from '../../../annotations/review/layer-decisions';
import type { LayerDifference } from '../../../annotations/review/layer-differences';
import { pairSpans } from '../../../annotations/review/span-pairs';
import type { OutlineStyle } from '../reader/layer-outlines';
import { LayerLanes } from './layer-lanes';
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
  /** Each compared layer's name (its author's), for a review of several layers at once. */
  names?: ReadonlyMap<string, string>;
  /** The outline style of each colleague's marks in the reader. */
  outlines?: ReadonlyMap<string, OutlineStyle>;
  /** Draws the difference as one lane per layer too. */
  lanes?: boolean;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();
const NO_OUTLINES: ReadonlyMap<string, OutlineStyle> = new Map();

/** The focused difference: both sides, the decision taken so far, and the four ways to decide it. */
export function DifferenceDetail({
  difference,
  index,
  total,
  decision,
  mineName,
  theirsName,
  labels,
  onDecide,
  onChooseSpans,
  onStep,
  onNextUndecided,
  names = NO_NAMES,
  outlines = NO_OUTLINES,
  lanes = false,
}: DifferenceDetailProps) {
  const conflict = difference.kind === 'label-conflict' || difference.kind === 'boundary-conflict';
  const layered = difference as LayerDifference;
  const layerIds = layered.layerIds ?? [];
  // A pair review against one colleague shows "you" and them; any other comparison one side per layer.
  const several = layerIds.length > 2 || (layerIds.length === 2 && layerIds[0] !== OWN_LAYER_ID);
  const roles = useMemo(() => {
    const map = new Map<string, SpanRole>();
    if (!conflict) return map;
    const ids = layered.layerIds ?? [];
    const sides = ids.length > 0 ? ids.map((id) => layered.spans.filter((s) => s.layerId === id).map((s) => s.annotation)) : [difference.mine, difference.theirs];
    for (let a = 0; a < sides.length; a++) {
      for (let b = a + 1; b < sides.length; b++) {
        for (const p of pairSpans(sides[a]!, sides[b]!).pairs) {
          if (!map.has(p.mine.id)) map.set(p.mine.id, { partner: p.theirs, kind: p.kind });
          if (!map.has(p.theirs.id)) map.set(p.theirs.id, { partner: p.mine, kind: p.kind });
        }
      }
    }
    if (ids.length > 2) for (const s of spansInNoConflict(layered)) map.delete(s.annotation.id);
    return map;
  }, [difference, layered, conflict]);
  const kept = decision?.kept ?? null;
  const allIds = layered.spans ? layered.spans.map((s) => s.annotation.id) : [...difference.mineIds, ...difference.theirsIds];
  const toggle = (id: string) => {
    // Undecided, the spans in no conflict start out kept, as every decision keeps them.
    const base = new Set(kept ?? keptLayerIds(layered, 'reject-both'));
    if (base.has(id)) base.delete(id);
    else base.add(id);
    onChooseSpans(allIds.filter((x) => base.has(x)));
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
      {lanes && layered.spans && <LayerLanes difference={layered} names={names} outlines={outlines} labels={labels} />}
      <div className={`difference-sides${several ? ' difference-sides-several' : ''}`}>
        {several ? (
          layerIds.map((id) => (
            <DifferenceSide
              key={id}
              title={id === OWN_LAYER_ID ? `${names.get(id) ?? mineName} (you)` : (names.get(id) ?? id)}
              kind={id === OWN_LAYER_ID ? 'own' : 'colleague'}
              outline={outlines.get(id)}
              layerId={id}
              annotations={layered.spans.filter((s) => s.layerId === id).map((s) => s.annotation)}
              labels={labels}
              conflict={conflict}
              roles={roles}
              kept={kept}
              onToggle={toggle}
            />
          ))
        ) : (
          <>
            <DifferenceSide title={`${mineName} (you)`} kind="own" annotations={difference.mine} labels={labels} conflict={conflict} roles={roles} kept={kept} onToggle={toggle} />
            <DifferenceSide title={theirsName} kind="colleague" annotations={difference.theirs} labels={labels} conflict={conflict} roles={roles} kept={kept} onToggle={toggle} />
          </>
        )}
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
