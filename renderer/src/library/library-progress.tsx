import type { CSSProperties } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { STATUS_NAMES } from './status-names';

interface LibraryProgressProps {
  documents: DocumentSummary[];
  labels: LabelSchema;
}

/** How far the analyst is through the library, and how many annotations each label has. */
export function LibraryProgress({ documents, labels }: LibraryProgressProps) {
  const total = documents.length;
  const byStatus = { todo: 0, 'in-progress': 0, done: 0 };
  const byLabel = new Map<string, number>();
  for (const doc of documents) {
    byStatus[doc.status] += 1;
    for (const [labelId, count] of Object.entries(doc.countsByLabel)) byLabel.set(labelId, (byLabel.get(labelId) ?? 0) + count);
  }
  const percent = total === 0 ? 0 : Math.round((byStatus.done / total) * 100);
  const known = new Set(labels.labels.map((l) => l.id));
  const unknown = [...byLabel.entries()].filter(([id, count]) => !known.has(id) && count > 0);

  return (
    <section className="library-progress" aria-label="Progress">
      <p className="progress-summary" data-testid="progress-summary">
        {byStatus.done} of {total} done
      </p>
      <div className="progress-bar" role="progressbar" aria-label="Documents done" aria-valuemin={0} aria-valuemax={total} aria-valuenow={byStatus.done} aria-valuetext={`${byStatus.done} of ${total} done`}>
        <div className="progress-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-detail">
        {byStatus['in-progress']} {STATUS_NAMES['in-progress'].toLowerCase()} · {byStatus.todo} {STATUS_NAMES.todo.toLowerCase()}
      </p>
      <ul className="label-counts" aria-label="Annotations per label in your own layers">
        {labels.labels.map((label) => (
          <li key={label.id} className="label-count" style={{ '--label-color': label.color } as CSSProperties}>
            <span className="label-swatch" aria-hidden="true" />
            <span className="label-count-name">{label.name}</span>
            <span className="label-count-value">{byLabel.get(label.id) ?? 0}</span>
          </li>
        ))}
        {unknown.map(([id, count]) => (
          <li key={id} className="label-count label-count-unknown">
            <span className="label-swatch" aria-hidden="true" />
            <span className="label-count-name">{id} (not in the schema)</span>
            <span className="label-count-value">{count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
