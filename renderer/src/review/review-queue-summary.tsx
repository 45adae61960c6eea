import { nextUndecidedDocument, type ReviewQueue } from '../../../annotations/review/review-queue';
import { plural } from '../../../annotations/text/plural';

interface ReviewQueueSummaryProps {
  queue: ReviewQueue | null;
  documentId: string;
  onOpen(documentId: string): void;
}

/** Progress over the whole library, per document and overall, and the way to the next document with undecided differences. */
export function ReviewQueueSummary({ queue, documentId, onOpen }: ReviewQueueSummaryProps) {
  if (!queue || queue.documents.length === 0) return null;
  const next = nextUndecidedDocument(queue, documentId);
  const elsewhere = next && next.documentId !== documentId ? next : null;
  const open = queue.documents.filter((e) => e.decided < e.total).length;
  return (
    <div className="review-queue" data-testid="review-queue">
      <p className="review-queue-overall">
        Library: {queue.decided} of {plural(queue.total, 'difference', 'differences')} decided in {plural(queue.documents.length, 'document', 'documents')};{' '}
        {open === 0 ? 'all done.' : `${plural(open, 'document has', 'documents have')} undecided differences.`}
      </p>
      <button type="button" className="review-next-document" disabled={!elsewhere} aria-keyshortcuts="Shift+N" onClick={() => elsewhere && onOpen(elsewhere.documentId)}>
        {elsewhere ? `Next document with undecided differences: “${elsewhere.title}”` : 'No other document has undecided differences'} <kbd>N</kbd>
      </button>
      <details className="review-queue-documents">
        <summary>Progress per document</summary>
        <ul>
          {queue.documents.map((e) => (
            <li key={e.documentId} data-document={e.documentId} aria-current={e.documentId === documentId ? 'true' : undefined}>
              {e.documentId === documentId ? <strong>{e.title}</strong> : e.title}: {e.decided} of {e.total}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
