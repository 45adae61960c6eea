import type { ReaderProps } from '../reader/reader';
import { Reader } from './lazy-parts';

interface DocumentPaneProps extends Omit<ReaderProps, 'view'> {
  view: ReaderProps['view'] | null;
  hasDocuments: boolean;
  onImport: () => void;
}

/** The middle of the window: the reader for the open document (loaded from its own chunk, under the app's Suspense), or a hint when none is open. */
export function DocumentPane({ view, hasDocuments, onImport, ...reader }: DocumentPaneProps) {
  if (!view) {
    return (
      <div className="empty-pane">
        <p className="empty-title">{hasDocuments ? 'Choose a document from the library.' : 'Your library is empty.'}</p>
        {!hasDocuments && (
          <p>
            <button type="button" className="link-button" onClick={onImport}>
              Import articles
            </button>{' '}
            or drop PDF, Word, saved web pages, .txt or .md files here.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="reader-slot">
      <Reader key={view.document.id} view={view} {...reader} />
    </div>
  );
}
