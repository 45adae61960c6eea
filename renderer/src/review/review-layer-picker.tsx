import { OWN_LAYER_ID } from '../../../annotations/model';
import type { OutlineStyle } from '../reader/layer-outlines';
import { LayerSample } from './layer-sample';
import { plural } from '../../../annotations/text/plural';

/** A layer that can take part in the review, as the picker lists it. */
export interface ReviewLayerChoice {
  id: string;
  /** The author's name (the analyst's own for their layer). */
  name: string;
  count: number;
}

interface ReviewLayerPickerProps {
  choices: readonly ReviewLayerChoice[];
  /** The layers compared now, in comparison order. */
  compared: readonly string[];
  /** The outline style the reader gives each colleague's marks. */
  outlines: ReadonlyMap<string, OutlineStyle>;
  /** The new comparison, in the order the choices are listed (at least two layers). */
  onChange(layerIds: string[]): void;
  onRefused(message: string): void;
}

/**
 * Which layers the review compares: the analyst's and any colleagues', two
 * or more, each ticked by its author's name beside the way the reader draws
 * it. The listed order is the comparison order, so the analyst's layer plays
 * "mine" whenever it is ticked.
 */
export function ReviewLayerPicker({ choices, compared, outlines, onChange, onRefused }: ReviewLayerPickerProps) {
  const toggle = (id: string) => {
    const ticked = new Set(compared);
    if (!ticked.delete(id)) ticked.add(id);
    const next = choices.map((c) => c.id).filter((c) => ticked.has(c));
    if (next.length < 2) {
      onRefused('A review compares at least two layers.');
      return;
    }
    onChange(next);
  };
  return (
    <fieldset className="review-layers" data-testid="review-layers">
      <legend>Compare</legend>
      {choices.map((c) => (
        <label key={c.id} className="choice review-layer-choice" data-layer={c.id}>
          <input type="checkbox" checked={compared.includes(c.id)} onChange={() => toggle(c.id)} />
          <LayerSample kind={c.id === OWN_LAYER_ID ? 'own' : 'colleague'} outline={outlines.get(c.id)} /> {c.name}
          {c.id === OWN_LAYER_ID && <span className="muted"> (you)</span>} <span className="muted">({plural(c.count, 'annotation', 'annotations')})</span>
        </label>
      ))}
    </fieldset>
  );
}
