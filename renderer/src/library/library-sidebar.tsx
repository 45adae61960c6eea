import type { CSSProperties, ReactNode } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { iconMask } from '../ui/icon';
import { DocumentListItem } from './document-list-item';
import { LibraryProgress } from './library-progress';
import { StoreSizeLine } from './store-size-line';
import { WorkspacePanel } from './workspace-panel';

interface LibrarySidebarProps {
  id: string;
  documents: DocumentSummary[];
  labels: LabelSchema;
  currentId: string | null;
  loading: boolean;
  onOpen: (documentId: string) => void;
  onShowBackups: (document: DocumentSummary) => void;
  onDelete: (document: DocumentSummary) => void;
  onImport: () => void;
  /** Opens the list of deleted documents that can be restored. */
  onShowDeleted: () => void;
  footer: ReactNode;
}

/** The icons of every row's buttons, set once on the list (library.css gives each button its own). */
const ROW_ICONS = { '--icon-history': iconMask('history'), '--icon-trash': iconMask('trash') } as CSSProperties;

/** The left column: progress through the library and the list of documents. */
export function LibrarySidebar({ id, documents, labels, currentId, loading, onOpen, onShowBackups, onDelete, onImport, onShowDeleted, footer }: LibrarySidebarProps) {
  return (
    <nav id={id} className="sidebar" aria-label="Library">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Library</h2>
        <span className="sidebar-count">{documents.length === 1 ? '1 document' : `${documents.length} documents`}</span>
      </div>
      <LibraryProgress documents={documents} labels={labels} />
      <WorkspacePanel />
      {loading ? (
        <p className="sidebar-empty">Loading…</p>
      ) : documents.length === 0 ? (
        <div className="sidebar-empty">
          <p>No documents yet.</p>
          <p>
            <button type="button" className="link-button" onClick={onImport}>
              Import articles
            </button>{' '}
            or drop files (PDF, Word, saved web pages, .txt, .md) anywhere on the window.
          </p>
        </div>
      ) : (
        <ul className="document-list" aria-label="Documents" style={ROW_ICONS}>
          {documents.map((doc) => (
            <DocumentListItem
              key={doc.id}
              document={doc}
              current={doc.id === currentId}
              onOpen={() => onOpen(doc.id)}
              onShowBackups={() => onShowBackups(doc)}
              onDelete={() => onDelete(doc)}
            />
          ))}
        </ul>
      )}
      {!loading && (
        <p className="sidebar-deleted">
          <button type="button" className="link-button" onClick={onShowDeleted}>
            Deleted documents…
          </button>
        </p>
      )}
      <div className="sidebar-footer">
        {footer}
        {!loading && <StoreSizeLine documentCount={documents.length} />}
      </div>
    </nav>
  );
}
