import './review.css';

/** What review mode shows on a document that has no colleague's layer yet. */
export function ReviewEmptyState({ onLoad, onClose }: { onLoad(): void; onClose(): void }) {
  return (
    <section className="review-panel review-panel-empty" aria-label="Review">
      <header className="review-header">
        <h2 className="review-title">Review</h2>
        <button type="button" className="icon-button review-close" aria-label="Leave review" title="Leave review" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p>No colleague’s annotations are loaded on this document, so there is nothing to compare yet.</p>
      <p>
        <button type="button" className="link-button" onClick={onLoad}>
          Load a colleague’s annotations…
        </button>
      </p>
    </section>
  );
}
