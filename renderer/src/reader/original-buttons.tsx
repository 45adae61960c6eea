import { useState } from 'react';
import type { DocumentView } from '../../../shared/library';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

interface OriginalButtonsProps {
  view: DocumentView;
  onViewChange(view: DocumentView): void;
  onError(message: string): void;
}

/**
 * The reader's buttons for the file a document was extracted from (PDF,
 * Word, saved page): open it in the system's viewer, or remove it from the
 * store after a confirmation. Nothing is shown for a document without one,
 * or once it was removed.
 */
export function OriginalButtons({ view, onViewChange, onError }: OriginalButtonsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { document } = view;
  if (!document.originalSha256 || view.originalKept === false) return null;
  const name = document.originalName ?? document.source;

  const remove = async () => {
    setBusy(true);
    const result = await window.parley.api.removeOriginal({ documentId: document.id });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return onError(result.error.message);
    onViewChange({ ...view, originalKept: false });
  };

  return (
    <>
      <button
        type="button"
        className="parley-open-original"
        title={`Open the original (${name}) in the system's viewer`}
        onClick={() => void window.parley.api.openOriginal({ documentId: document.id }).then((r) => !r.ok && onError(r.error.message))}
      >
        Open original
      </button>
      <button type="button" className="parley-remove-original" title={`Remove the original (${name}) from the store`} onClick={() => setConfirming(true)}>
        Remove original…
      </button>
      <Dialog
        open={confirming}
        title="Remove the original?"
        size="small"
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant="danger" disabled={busy} onClick={() => void remove()}>
              Remove original
            </Button>
          </>
        }
      >
        <p>
          The file <strong>{name}</strong> will be deleted from the store, to free its room.
        </p>
        <p className="muted">The text of “{document.title}”, its pages and every annotation stay. Open original will no longer be offered; import the file again to bring it back.</p>
      </Dialog>
    </>
  );
}
