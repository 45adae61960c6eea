import { useId } from 'react';
import { layerName, layerPhrase, type LayerRowData } from './layer-rows';
import { LayerSample } from './layer-sample';
import { plural } from '../../../annotations/text/plural';

interface LayerRowProps {
  layer: LayerRowData;
  shown: boolean;
  /** True while review mode decides which layers the reader draws. */
  toggleLocked?: boolean;
  onToggleShown(): void;
  onExport(): void;
  /** Absent for layers that cannot be removed (your own, the reconciled one). */
  onRemove?(): void;
}

/** One layer: show or hide it, its size here and in the library, and what can be done with it. */
export function LayerRow({ layer, shown, toggleLocked = false, onToggleShown, onExport, onRemove }: LayerRowProps) {
  const checkboxId = useId();
  const name = layerName(layer);
  const phrase = layerPhrase(layer);
  return (
    <li className="layer-row" data-layer={layer.id}>
      <input id={checkboxId} type="checkbox" checked={shown} disabled={toggleLocked} onChange={onToggleShown} aria-label={`Show ${phrase}`} />
      <label htmlFor={checkboxId} className="layer-row-name">
        <LayerSample kind={layer.kind} /> {name}
      </label>
      <span className="layer-row-counts">
        <span>{layer.here === null ? 'not on this document' : `${plural(layer.here, 'annotation', 'annotations')} here`}</span>
        <span>
          {layer.annotations} in {plural(layer.documents, 'document', 'documents')}
        </span>
      </span>
      <span className="layer-row-actions">
        <button type="button" className="btn btn-ghost btn-small" onClick={onExport} disabled={layer.documents === 0} aria-label={`Export ${phrase}`}>
          Export…
        </button>
        {onRemove && (
          <button type="button" className="btn btn-ghost btn-small layer-row-remove" onClick={onRemove} aria-label={`Remove ${phrase}`}>
            Remove…
          </button>
        )}
      </span>
    </li>
  );
}
