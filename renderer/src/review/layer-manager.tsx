import { useMemo, useState } from 'react';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import type { Problem } from '../../../annotations/result';
import type { DocumentSummary } from '../../../shared/library';
import { ExportLayerDialog } from './export-layer-dialog';
import { LayerRow } from './layer-row';
import { documentsWithLayer, layerRows, type LayerRowData } from './layer-rows';
import { RemoveLayerDialog } from './remove-layer-dialog';
import './review.css';

interface LayerManagerProps {
  documents: readonly DocumentSummary[];
  currentId: string | null;
  /** Layers the reader draws. */
  shown: ReadonlySet<string>;
  /** In review mode the reader draws your layer and the reviewed colleague's, whatever is ticked here. */
  reviewing?: boolean;
  onToggleShown(layerId: string): void;
  /** Opens the dialog that loads a colleague's annotations (`LoadLayerDialog`). */
  onLoad(): void;
  onRemoved?(layerId: string, removedFrom: number): void;
  onExported(path: string, warnings: Problem[]): void;
}

/**
 * The layers in the library: your own, each colleague's, the reconciled one.
 * Each can be shown or hidden in the reader and exported; a colleague's can be
 * removed. The button for loading a colleague's file asks the app to open
 * `LoadLayerDialog`, so that review mode can open the same dialog.
 */
export function LayerManager({ documents, currentId, shown, reviewing = false, onToggleShown, onLoad, onRemoved, onExported }: LayerManagerProps) {
  const rows = useMemo(() => layerRows(documents, currentId), [documents, currentId]);
  const [removing, setRemoving] = useState<LayerRowData | null>(null);
  const [exporting, setExporting] = useState<LayerRowData | null>(null);
  const current = documents.find((d) => d.id === currentId) ?? null;

  return (
    <section className="layer-manager" aria-label="Layers">
      <div className="layer-manager-head">
        <h2 className="layer-manager-title">Layers</h2>
        <button type="button" className="btn btn-secondary btn-small" onClick={onLoad}>
          Load colleague’s annotations…
        </button>
      </div>
      <ul className="layer-list">
        {rows.map((layer) => (
          <LayerRow
            key={layer.id}
            layer={layer}
            shown={shown.has(layer.id)}
            toggleLocked={reviewing}
            onToggleShown={() => onToggleShown(layer.id)}
            onExport={() => setExporting(layer)}
            onRemove={layer.id === OWN_LAYER_ID || layer.id === RECONCILED_LAYER_ID ? undefined : () => setRemoving(layer)}
          />
        ))}
      </ul>
      {reviewing && <p className="muted small">In Review the reader shows yours and the layer under review.</p>}
      {rows.length === 1 && <p className="muted small">No colleague’s annotations yet. Load their export to compare and review.</p>}
      {removing && (
        <RemoveLayerDialog
          layer={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={(layerId, removedFrom) => {
            setRemoving(null);
            onRemoved?.(layerId, removedFrom);
          }}
        />
      )}
      {exporting && (
        <ExportLayerDialog
          layer={exporting}
          current={current && exporting.here !== null ? { id: current.id, title: current.title } : null}
          documentIds={documentsWithLayer(documents, exporting.id)}
          onClose={() => setExporting(null)}
          onExported={(path, warnings) => {
            setExporting(null);
            onExported(path, warnings);
          }}
        />
      )}
    </section>
  );
}
