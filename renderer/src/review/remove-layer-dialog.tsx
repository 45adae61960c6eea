import { useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { layerName, type LayerRowData } from './layer-rows';
import { plural } from './review-words';

interface RemoveLayerDialogProps {
  layer: LayerRowData;
  onCancel(): void;
  onRemoved(layerId: string, removedFrom: number): void;
  onError(message: string): void;
}

/** Asks before a colleague's layer leaves every document. Cancel has the focus. */
export function RemoveLayerDialog({ layer, onCancel, onRemoved, onError }: RemoveLayerDialogProps) {
  const [busy, setBusy] = useState(false);
  const name = layerName(layer);
  const remove = async () => {
    setBusy(true);
    const result = await window.parley.api.removeLayer({ layerId: layer.id });
    setBusy(false);
    if (result.ok) onRemoved(layer.id, result.value.removedFrom);
    else onError(result.error.message);
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
    </Dialog>
  );
}
