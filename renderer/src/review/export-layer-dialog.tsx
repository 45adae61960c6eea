import { useId, useState } from 'react';
import { RECONCILED_LAYER_ID } from '../../../annotations/model';
import type { Problem } from '../../../annotations/result';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { FormatSelect } from '../ui/format-select';
import { layerPhrase } from './layer-rows';
import type { LayerFormat } from './layer-formats';
import { plural } from '../../../annotations/text/plural';
import { useBusyCall } from '../ui/use-busy-call';

interface ExportLayerDialogProps {
  layer: { id: string; author: string };
  /** The open document, if it has this layer. */
  current: { id: string; title: string } | null;
  /** Every document that has this layer. */
  documentIds: readonly string[];
  onClose(): void;
  onExported(path: string, warnings: Problem[]): void;
}

/**
 * Exports one layer, of the open document or of every document that has it,
 * in any format; the save dialog then asks where. A failure is shown in the
 * dialog, which stays open to try again, not behind it.
 */
export function ExportLayerDialog({ layer, current, documentIds, onClose, onExported }: ExportLayerDialogProps) {
  const [scope, setScope] = useState<'current' | 'all'>(current ? 'current' : 'all');
  const [format, setFormat] = useState<LayerFormat>('parley');
  const { busy, whileBusy } = useBusyCall();
  const [error, setError] = useState<string | null>(null);
  const scopeName = useId();

  const exportLayer = async () => {
    const ids = scope === 'current' && current ? [current.id] : [...documentIds];
    setError(null);
    const result = await whileBusy(() => window.parley.api.exportToDialog({ layerIds: [layer.id], format, documentIds: ids }));
    if (!result.ok) setError(result.error.message);
    else if (result.value) onExported(result.value.path, result.value.warnings);
  };

  return (
    <Dialog
      open
      title={`Export ${layerPhrase(layer)}`}
      size="small"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy || documentIds.length === 0} onClick={() => void exportLayer()}>
            Export…
          </Button>
        </>
      }
    >
      <fieldset className="choice-group">
        <legend>What</legend>
        <label className="choice">
          <input type="radio" name={scopeName} checked={scope === 'current' && current !== null} disabled={!current} onChange={() => setScope('current')} data-autofocus />
          <span>{current ? `This document: “${current.title}”` : 'This document (it has no such layer)'}</span>
        </label>
        <label className="choice">
          <input type="radio" name={scopeName} checked={scope === 'all' || current === null} onChange={() => setScope('all')} />
          <span>Every document with this layer ({plural(documentIds.length, 'document', 'documents')})</span>
        </label>
      </fieldset>
      <FormatSelect value={format} onChange={setFormat} />
      <p className="muted">
        {format !== 'parley'
          ? 'This format holds the annotations only; the export lists anything it cannot keep.'
          : layer.id === RECONCILED_LAYER_ID
            ? 'Parley JSON keeps every review decision with the layer: who decided, when, and from which layers.'
            : 'Parley JSON keeps everything: notes, authors and times.'}
      </p>
      {error && (
        <div className="form-problems" role="alert">
          <p>Not exported: {error}</p>
        </div>
      )}
    </Dialog>
  );
}
