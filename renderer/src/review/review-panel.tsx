import { useId, useMemo, type ReactNode } from 'react';
import type { Label } from '../../../annotations/model';
import { DifferenceDetail } from './difference-detail';
import { DifferenceList } from './difference-list';
import { KindCounts } from './kind-counts';
import { LayerSample } from './layer-sample';
import { ReviewProgressMeter } from './review-progress-meter';
import { plural } from './review-words';
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
}

/**
 * Review of one document against one colleague: progress, counts per kind,
 * the focused difference with its decision, and the list of differences.
 * Keys are bound by `useReviewKeys`; every action also has a button.
 */
export function ReviewPanel({ review, author, labels, colleagues, onChooseColleague, onExportReconciled, queue, onClose }: ReviewPanelProps) {
  const byId = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const pickerId = useId();
  const theirs = colleagues.find((c) => c.id === review.theirsLayerId);
  const theirsName = theirs?.author ?? review.theirsLayerId.replace(/^colleague:/, '');
  const { differences, focused, focusIndex, counts } = review;
  const undecidedAgreed = differences.some((d) => d.kind === 'agreed' && review.decisionOf(d) === null);

  return (
    <section className="review-panel" aria-label="Review">
      <header className="review-header">
        <h2 className="review-title">Review</h2>
        <label className="review-with" htmlFor={pickerId}>
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
      <p className="review-legend">
        <span>
          <LayerSample kind="own" /> {author} <span className="muted">(you)</span>
        </span>
        <span>
          <LayerSample kind="colleague" /> {theirsName}
        </span>
      </p>
      <div className="review-summary">
        <ReviewProgressMeter decided={review.decided} total={differences.length} />
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
        />
      )}
      <DifferenceList differences={differences} focusIndex={focusIndex} decisionOf={review.decisionOf} labels={byId} onSelect={review.focus} />
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
