import type { Annotation, Label } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';

interface SelectedAnnotationProps {
  annotation: Annotation;
  labels: readonly Label[];
  /** The page of the source (a PDF) the span starts on, when the document has pages. */
  page?: number;
  onRelabel(labelId: string): void;
  onEditNote(): void;
  onDelete(): void;
}

/** The selected annotation beside the text: its quote, a button per label, its note and Delete. */
export function SelectedAnnotation({ annotation, labels, page, onRelabel, onEditNote, onDelete }: SelectedAnnotationProps) {
  return (
    <div className="parley-selected" role="region" aria-label="Selected annotation">
      <div className="parley-selected-quote">
        “{oneLine(annotation.quote.exact, 50)}”
        {page !== undefined && (
          <span className="parley-page" data-page={page} title={`On page ${page} of the original`}>
            {' '}
            p. {page}
          </span>
        )}
      </div>
      <div className="parley-selected-actions">
        {labels.map((l) => (
          <button key={l.id} type="button" aria-pressed={l.id === annotation.labelId} className="parley-relabel" data-label={l.id} onClick={() => onRelabel(l.id)}>
            {l.name}
          </button>
        ))}
      </div>
      <div className="parley-selected-actions">
        <button type="button" onClick={onEditNote}>
          {annotation.note ? 'Edit note' : 'Add note'}
        </button>
        <button type="button" className="parley-delete" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
