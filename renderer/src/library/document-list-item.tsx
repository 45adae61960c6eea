import { memo, useId, useState } from 'react';
import type { DocumentSummary } from '../../../shared/library';
import { formatAbsoluteTime } from './format-time';
import { STATUS_NAMES } from './status-names';

interface DocumentListItemProps {
  document: DocumentSummary;
  current: boolean;
  /** When the document last changed, in words ("3 minutes ago"): given by the list, which keeps it current. */
  changed: string;
  onOpen: (documentId: string) => void;
  onShowBackups: (document: DocumentSummary) => void;
  onDelete: (document: DocumentSummary) => void;
}

/**
 * One document in the library list: open it, rename it (F2 or the pencil), see its backups, or delete it.
 * Drawn again only when its props change (the list passes the same handlers on every render).
 */
export const DocumentListItem = memo(function DocumentListItem({ document, current, changed, onOpen, onShowBackups, onDelete }: DocumentListItemProps) {
  const count = document.annotationCount;
  const metaId = useId();
  const [renaming, setRenaming] = useState(false);
  const [problem, setProblem] = useState('');
  const rename = async (title: string) => {
    setRenaming(false);
    if (title.trim() === document.title) return;
    // The list follows the store's library-changed event; a refusal (an empty title) is shown on the row.
    const renamed = await window.parley.api.renameDocument({ documentId: document.id, title });
    setProblem(renamed.ok ? '' : renamed.error.message);
  };
  if (renaming) {
    return (
      <li className={`document-item${current ? ' is-current' : ''}`} data-document-id={document.id}>
        <input
          className="document-rename"
          aria-label={`New title for “${document.title}”`}
          defaultValue={document.title}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void rename(e.currentTarget.value);
            else if (e.key === 'Escape') setRenaming(false);
            e.stopPropagation();
          }}
          onBlur={(e) => void rename(e.currentTarget.value)}
        />
      </li>
    );
  }
  return (
    <li
      className={`document-item${current ? ' is-current' : ''}`}
      data-document-id={document.id}
      onKeyDown={(e) => {
        if (e.key === 'F2') {
          e.preventDefault();
          setRenaming(true);
        }
      }}
    >
      {/* The button holds the title alone, so its name is what it shows; the status, count and time describe it. A click anywhere on the row opens it too. */}
      <div className="document-open-area" onClick={() => onOpen(document.id)}>
        <button type="button" className="document-open" aria-current={current ? 'true' : undefined} aria-describedby={metaId}>
          <span className="document-title">{document.title}</span>
        </button>
        <span id={metaId} className="document-meta">
          <span className={`status-pill status-${document.status}`}>{STATUS_NAMES[document.status]}</span>
          <span className="document-count">{`${count} ${count === 1 ? 'annotation' : 'annotations'}`}</span>
          <time dateTime={document.updatedAt} title={`Last changed ${formatAbsoluteTime(document.updatedAt)}`}>
            {changed}
          </time>
        </span>
      </div>
      {problem && (
        <span className="document-problem" role="alert">
          {problem}
        </span>
      )}
      <span className="document-actions">
        <button type="button" className="icon-button document-rename-button" aria-label={`Rename “${document.title}”`} title="Rename (F2)" onClick={() => setRenaming(true)}>
          ✎
        </button>
        {/* Their icons are painted by CSS from the list's --icon-history and --icon-trash (see LibrarySidebar): no <svg> in a row. */}
        <button type="button" className="icon-button mask-icon document-backups-button" aria-label={`Backups of “${document.title}”`} title="Backups" onClick={() => onShowBackups(document)} />
        <button type="button" className="icon-button icon-button-danger mask-icon document-delete-button" aria-label={`Delete “${document.title}”`} title="Delete" onClick={() => onDelete(document)} />
      </span>
    </li>
  );
});
