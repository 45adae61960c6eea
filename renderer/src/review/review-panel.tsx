import { useId, useMemo, type ReactNode } from 'react';
import { OWN_LAYER_ID, type Label } from '../../../annotations/model';
import type { OutlineStyle } from '../reader/layer-outlines';
import { PreAcceptControl } from './pre-accept-control';
import { ReviewLayerPicker, type ReviewLayerChoice } from './review-layer-picker';
import { DifferenceDetail } from './difference-detail';
import { DifferenceList } from './difference-list';
import { KindCounts } from './kind-counts';
import { LayerSample } from './layer-sample';
import { ReviewProgressMeter } from './review-progress-meter';
import { plural } from '../../../annotations/text/plural';
import type { ReviewModel } from './use-review';
import './review.css';

/** A colleague layer on the open document. */
export interface ColleagueChoice {
  id: string;
  author: string;
  count: number;
}

interface ReviewPanelProps {
  review: ReviewModel;
  /** The analyst's name, for their own layer. */
  author: string;
  labels: readonly Label[];
  /** The colleague layers on this document, to choose whom to review against. */
  colleagues: readonly ColleagueChoice[];
  onChooseColleague(layerId: string): void;
  /** Opens the export of the reconciled layer. */
  onExportReconciled(): void;
  /** The progress over the library, shown under this document's. */
  queue?: ReactNode;
  onClose(): void;
  /** Every layer that can take part (own and colleagues'), by author's name, and the way to compare several. */
  layerChoices?: readonly ReviewLayerChoice[];
  onChooseLayers?(layerIds: string[]): void;
  /** The outline style of each colleague layer in the reader. */
  outlines?: ReadonlyMap<string, OutlineStyle>;
  /** One lane per layer for the focused difference. */
  lanes?: boolean;
  onToggleLanes?(): void;
  /** Runs "k of n agree" over every document; resolves with what it did. */
  onPreAccept?(k: number): Promise<string>;
  /** The label the review is narrowed to (click-through from a label's bar), and the way back to all. */
  onlyLabel?: string | null;
  onShowAllLabels?(): void;
  /** Says something in the status line (a refused choice). */
  onSay?(message: string): void;
  /** What the last layer choice or "k of n" run did, as a sentence. */
  message?: string;
  /** The relation differences between the layers, under the span differences. */
  relations?: ReactNode;
}

/**
 * Review of one document against one colleague: progress, counts per kind,
 * the focused difference with its decision, and the list of differences.
 * Keys are bound by `useReviewKeys`; every action also has a button.
 */
export function ReviewPanel({
  review,
  author,
  labels,
  colleagues,
  onChooseColleague,
  onExportReconciled,
  queue,
  onClose,
  layerChoices = [],
  onChooseLayers,
  outlines = new Map(),
  lanes = false,
  onToggleLanes,
  onPreAccept,
  onlyLabel = null,
  onShowAllLabels,
  onSay,
  message = '',
  relations,
}: ReviewPanelProps) {
  const byId = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const names = useMemo(() => new Map(layerChoices.map((c) => [c.id, c.name])), [layerChoices]);
  const several = review.layerIds.length > 2 || review.layerIds[0] !== OWN_LAYER_ID;
  const pickerId = useId();
  const theirs = colleagues.find((c) => c.id === review.theirsLayerId);
  const theirsName = theirs?.author ?? review.theirsLayerId.replace(/^colleague:/, '');
  const { differences, focused, focusIndex, counts } = review;
  const undecidedAgreed = differences.some((d) => d.kind === 'agreed' && review.decisionOf(d) === null) || review.links.some((l) => l.kind === 'agreed' && review.linkDecisionOf(l.decisionKey) === null);

  return (
    <section className="review-panel" aria-label="Review">
      <header className="review-header">
        <h2 className="review-title">Review</h2>
        <label className="review-with" htmlFor={pickerId} hidden={several}>
          <span>with</span>
          <select id={pickerId} value={review.theirsLayerId} onChange={(e) => onChooseColleague(e.target.value)}>
            {colleagues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.author} ({plural(c.count, 'annotation', 'annotations')})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button review-close" aria-label="Leave review" title="Leave review" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {onChooseLayers && layerChoices.length > 2 && (
        <ReviewLayerPicker choices={layerChoices} compared={review.layerIds} outlines={outlines} onChange={onChooseLayers} onRefused={(m) => onSay?.(m)} />
      )}
      {several ? (
        <p className="review-legend" data-testid="review-legend">
          {review.layerIds.map((id) => (
            <span key={id} data-layer={id}>
              <LayerSample kind={id === OWN_LAYER_ID ? 'own' : 'colleague'} outline={outlines.get(id)} /> {names.get(id) ?? id}
              {id === OWN_LAYER_ID && <span className="muted"> (you)</span>}
            </span>
          ))}
        </p>
      ) : (
        <p className="review-legend" data-testid="review-legend">
          <span>
            <LayerSample kind="own" /> {author} <span className="muted">(you)</span>
          </span>
          <span>
            <LayerSample kind="colleague" outline={outlines.get(review.theirsLayerId)} /> {theirsName}
          </span>
        </p>
      )}
      <div className="review-options">
        {onToggleLanes && (
          <label className="choice">
            <input type="checkbox" checked={lanes} onChange={onToggleLanes} /> Lanes per layer
          </label>
        )}
        {/* With two layers, "k of n agree" is the same as "Accept all agreed". */}
        {onPreAccept && review.layerIds.length > 2 && <PreAcceptControl key={review.layerIds.length} layers={review.layerIds.length} onRun={onPreAccept} />}
      </div>
      {message && (
        <p className="review-said" role="status" data-testid="review-said">
          {message}
        </p>
      )}
      {onlyLabel !== null && (
        <p className="review-only-label" data-testid="review-only-label">
          Only differences involving <strong>{byId.get(onlyLabel)?.name ?? onlyLabel}</strong>.{' '}
          <button type="button" className="link-button" onClick={onShowAllLabels}>
            Show all
          </button>
        </p>
      )}
      <div className="review-summary">
        <ReviewProgressMeter decided={review.decided + review.linksDecided} total={differences.length + review.links.length} />
        <button type="button" className="review-accept-agreed" disabled={!undecidedAgreed} aria-keyshortcuts="a" onClick={review.acceptAllAgreed}>
          Accept all agreed <kbd>a</kbd>
        </button>
      </div>
      {queue}
      <KindCounts counts={counts} />
      {review.stale.length > 0 && (
        <p className="review-stale" role="note">
          {plural(review.stale.length, 'earlier decision no longer matches', 'earlier decisions no longer match')} a difference, because a layer changed since. What they added stays in the
          reconciled layer.
        </p>
      )}
      {focused && focusIndex !== null && (
        <DifferenceDetail
          difference={focused}
          index={focusIndex}
          total={differences.length}
          decision={review.decisionOf(focused)}
          mineName={author}
          theirsName={theirsName}
          labels={byId}
          onDecide={review.decide}
          onChooseSpans={review.chooseSpans}
          onStep={review.step}
          onNextUndecided={review.nextUndecided}
          names={names}
          outlines={outlines}
          lanes={lanes}
        />
      )}
      <DifferenceList differences={differences} focusIndex={focusIndex} decisionOf={review.decisionOf} labels={byId} onSelect={review.focus} />
      {relations}
      <footer className="review-footer">
        <p className="review-keys">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>t</kbd> <kbd>m</kbd> <kbd>b</kbd> <kbd>x</kbd> decide · <kbd>a</kbd> accept agreed
        </p>
        <button type="button" className="review-export" onClick={onExportReconciled}>
          Export reconciled…
        </button>
        <p className="review-status" role="status" aria-live="polite" data-testid="review-status">
          {review.status}
        </p>
      </footer>
    </section>
  );
}
