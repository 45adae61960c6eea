import type { DocumentSummary } from '../../../shared/library';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

interface DeleteDocumentDialogProps {
  document: DocumentSummary | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (document: DocumentSummary) => void;
}

/** Asks before a document and its annotations leave the library. Cancel has the focus. */
export function DeleteDocumentDialog({ document, busy, onCancel, onConfirm }: DeleteDocumentDialogProps) {
  const layers = document?.layers.filter((l) => l.count > 0) ?? [];
  const total = layers.reduce((sum, l) => sum + l.count, 0);
  return (
    <Dialog
      open={document !== null}
      title="Delete document?"
      size="small"
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => document && onConfirm(document)}>
            Delete document
          </Button>
        </>
      }
    >
      {document && (
        <>
          <p>
            “<strong>{document.title}</strong>” will be removed from the library
            {total === 0 ? '. It has no annotations.' : ` with its ${total} ${total === 1 ? 'annotation' : 'annotations'}${layers.length > 1 ? ` in ${layers.length} layers` : ''}.`}
          </p>
          <p className="muted">Export it first if you may need it again.</p>
        </>
      )}
    </Dialog>
  );
}
