import { useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { layerName, type LayerRowData } from './layer-rows';
import { plural } from '../../../annotations/text/plural';
import { useBusyCall } from '../ui/use-busy-call';

interface RemoveLayerDialogProps {
  layer: LayerRowData;
  onCancel(): void;
  onRemoved(layerId: string, removedFrom: number): void;
}

/** Asks before a colleague's layer leaves every document. Cancel has the focus. A failure is shown in the dialog. */
export function RemoveLayerDialog({ layer, onCancel, onRemoved }: RemoveLayerDialogProps) {
  const { busy, whileBusy } = useBusyCall();
  const [error, setError] = useState<string | null>(null);
  const name = layerName(layer);
  const remove = async () => {
    setError(null);
    const result = await whileBusy(() => window.parley.api.removeLayer({ layerId: layer.id }));
    if (result.ok) onRemoved(layer.id, result.value.removedFrom);
    else setError(result.error.message);
  };
  return (
    <Dialog
      open
      title={`Remove ${name}’s layer?`}
      size="small"
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => void remove()}>
            Remove layer
          </Button>
        </>
      }
    >
      <p>
        {name}’s {plural(layer.annotations, 'annotation', 'annotations')} on {plural(layer.documents, 'document', 'documents')} will be removed from the library.
      </p>
      <p className="muted">Your own layer, the reconciled layer and the decisions you recorded stay as they are. You can load the file again later.</p>
      {error && (
        <div className="form-problems" role="alert">
          <p>Not removed: {error}</p>
        </div>
      )}
    </Dialog>
  );
}
