import { memo, useMemo, useState } from 'react';
import type { Annotation, Label } from '../../../annotations/model';
import type { MarkLabel } from './annotation-marks';
import { LabelSwatch } from './label-swatch';
import { oneLine } from '../../../annotations/text/ellipsis';
import { pageOf, type PageRange } from '../../../annotations/text/page-of';

interface AnnotationListProps {
  annotations: readonly Annotation[];
  labels: readonly Label[];
  appearance: ReadonlyMap<string, MarkLabel>;
  selectedId: string | null;
  /** The document's pages, when it was extracted from a PDF: each row names its page. */
  pages?: readonly PageRange[];
  onSelect(id: string): void;
}

/** Rows shown per label before "Show more"; keeps the list fast with 20,000 annotations. */
const PAGE = 100;

interface Group {
  id: string;
  label: MarkLabel;
  items: Annotation[];
}

/**
 * The document's annotations grouped by label, in reading order. Each group
 * shows a page of rows at a time; clicking a row selects the annotation and
 * scrolls the text to it.
 */
export const AnnotationList = memo(function AnnotationList({ annotations, labels, appearance, selectedId, pages, onSelect }: AnnotationListProps) {
  const [shown, setShown] = useState<Record<string, number>>({});
  const groups = useMemo(() => {
    const byLabel = new Map<string, Annotation[]>(labels.map((l) => [l.id, []]));
    for (const a of annotations) {
      const list = byLabel.get(a.labelId);
      if (list) list.push(a);
      else byLabel.set(a.labelId, [a]);
    }
    const result: Group[] = [];
    for (const [id, items] of byLabel) result.push({ id, items, label: appearance.get(id) ?? { name: id, color: '#6b7280', underline: 'solid' } });
    return result;
  }, [annotations, labels, appearance]);

  return (
    <nav className="parley-list" aria-label="Annotations">
      <h2 className="parley-list-title">
        Annotations <span className="parley-count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 && <p className="parley-hint">Select text and press a label key (or click a label) to tag it.</p>}
      {groups.map((group) => {
        if (group.items.length === 0) return null;
        const limit = shown[group.id] ?? PAGE;
        return (
          <section key={group.id} className="parley-list-group" data-label={group.id}>
            <h3>
              <LabelSwatch label={group.label} />
              {group.label.name} <span className="parley-count">{group.items.length}</span>
            </h3>
            <ul>
              {group.items.slice(0, limit).map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={a.id === selectedId ? 'parley-list-item selected' : 'parley-list-item'}
                    aria-current={a.id === selectedId ? 'true' : undefined}
                    data-annotation-id={a.id}
                    title={a.note ? `${group.label.name}: ${a.note}` : group.label.name}
                    onClick={() => onSelect(a.id)}
                  >
                    {oneLine(a.quote.exact, 90)}
                    {pages && pages.length > 0 && <span className="parley-page"> · p. {pageOf(pages, a.start)}</span>}
                    {a.note && <span className="parley-list-note" aria-label="has a note"> ✎</span>}
                  </button>
                </li>
              ))}
            </ul>
            {group.items.length > limit && (
              <button type="button" className="link-button" onClick={() => setShown({ ...shown, [group.id]: limit + PAGE * 5 })}>
                Show more ({group.items.length - limit} not shown)
              </button>
            )}
          </section>
        );
      })}
    </nav>
  );
});
