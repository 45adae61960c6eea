import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { iconMask } from '../ui/icon';
import { DocumentListItem } from './document-list-item';
import { formatRelativeTime } from './format-time';
import { LibraryProgress } from './library-progress';
import { StoreSizeLine } from './store-size-line';
import { WorkspacePanel } from './workspace-panel';
import { useStableHandlers } from '../ui/use-stable-handlers';

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

/** The time now, updated each minute: the rows' "3 minutes ago" follow it. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "3 minutes ago" by a clock up to a minute old: a change made since its last tick is "now", not "in 20 seconds". */
function changedText(updatedAt: string, clock: number): string {
  const time = Date.parse(updatedAt);
  return formatRelativeTime(updatedAt, Number.isNaN(time) ? clock : Math.max(clock, time));
}

/** The left column: progress through the library and the list of documents. */
export function LibrarySidebar({ id, documents, labels, currentId, loading, onOpen, onShowBackups, onDelete, onImport, onShowDeleted, footer }: LibrarySidebarProps) {
  // The same functions on every render, so opening a document draws again the two rows whose state changed, not a thousand.
  const rowHandlers = useStableHandlers({ onOpen, onShowBackups, onDelete });
  const now = useMinuteClock();
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
            <DocumentListItem key={doc.id} document={doc} current={doc.id === currentId} changed={changedText(doc.updatedAt, now)} {...rowHandlers} />
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
