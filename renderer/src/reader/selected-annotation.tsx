import type { Annotation, Label } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';

interface SelectedAnnotationProps {
  annotation: Annotation;
  labels: readonly Label[];
  onRelabel(labelId: string): void;
  onEditNote(): void;
  onDelete(): void;
}

/** The selected annotation beside the text: its quote, a button per label, its note and Delete. */
export function SelectedAnnotation({ annotation, labels, onRelabel, onEditNote, onDelete }: SelectedAnnotationProps) {
  return (
    <div className="parley-selected" role="region" aria-label="Selected annotation">
      <div className="parley-selected-quote">“{oneLine(annotation.quote.exact, 50)}”</div>
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
