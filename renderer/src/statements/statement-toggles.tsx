import type { EditorView } from '@codemirror/view';
import { Suspense, useState } from 'react';
import type { DocumentView } from '../../../shared/library';
import { DocumentMetadataDialog } from '../app/lazy-parts';
import { LoadingPart } from '../ui/loading-part';
import { toggleArcs } from '../reader/statement-commands';
import type { ReaderStatements } from './use-reader-statements';
import './statements.css';

interface StatementTogglesProps {
  cm: EditorView | null;
  statements: ReaderStatements;
  view: DocumentView;
  /** Called with the document as it is after its metadata was saved. */
  onViewChange(view: DocumentView): void;
}

/** The reader's statement tools: show or hide arcs and statement rows, and the document's details (publication date, outlet, author, address). */
export function StatementToggles({ cm, statements, view, onViewChange }: StatementTogglesProps) {
  const [detailsOpen, setDetailsOpen] = useState(false);
  return (
    <>
      <label className="parley-toggle" title="Relations drawn as arcs above the text">
        <input type="checkbox" checked={statements.snapshot.arcsShown} onChange={() => cm && toggleArcs(cm)} /> Arcs
      </label>
      <label className="parley-toggle" title="The statement rows beside the text">
        <input type="checkbox" checked={statements.listShown} onChange={(e) => statements.setListShown(e.target.checked)} /> Statements
      </label>
      <button type="button" className="parley-details-open" title="Publication date, outlet, author and address" onClick={() => setDetailsOpen(true)}>
        Details
      </button>
      {detailsOpen && (
        <Suspense fallback={<LoadingPart />}>
          <DocumentMetadataDialog
            title={view.document.title}
            metadata={view.document.metadata}
            onSave={async (metadata) => {
              const saved = await window.parley.api.setDocumentMetadata({ documentId: view.document.id, metadata });
              if (saved.ok) {
                const { metadata: _old, ...document } = view.document;
                onViewChange({ ...view, document: Object.keys(metadata).length > 0 ? { ...document, metadata } : document });
              }
              return saved;
            }}
            onClose={() => {
              setDetailsOpen(false);
              cm?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
