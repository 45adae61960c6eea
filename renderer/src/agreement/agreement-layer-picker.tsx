import { layerName, type LayerRowData } from '../review/layer-rows';

interface AgreementLayerPickerProps {
  layers: readonly LayerRowData[];
  chosen: readonly string[];
  onChange(chosen: string[]): void;
}

/** Which layers to compare: any two or more of yours, your colleagues' and the reconciled one. */
export function AgreementLayerPicker({ layers, chosen, onChange }: AgreementLayerPickerProps) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : layers.map((l) => l.id).filter((l) => l === id || chosen.includes(l)));
  return (
    <fieldset className="agreement-layers">
      <legend>Layers</legend>
      {layers.map((l) => (
        <label key={l.id} className="agreement-layer">
          <input type="checkbox" checked={chosen.includes(l.id)} onChange={() => toggle(l.id)} />
          {layerName(l)}
          <span className="muted small">
            {l.documents} {l.documents === 1 ? 'doc' : 'docs'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
