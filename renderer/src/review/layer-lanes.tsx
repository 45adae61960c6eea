import type { CSSProperties } from 'react';
import type { Label } from '../../../annotations/model';
import type { LayerDifference } from '../../../annotations/review/layer-differences';
import type { OutlineStyle } from '../reader/layer-outlines';
import { oneLine } from '../../../annotations/text/ellipsis';

interface LayerLanesProps {
  difference: LayerDifference;
  names: ReadonlyMap<string, string>;
  outlines: ReadonlyMap<string, OutlineStyle>;
  labels: ReadonlyMap<string, Label>;
}

/**
 * The focused difference drawn as one lane per layer, brat-comparison style:
 * each span a bar placed along the difference's region, labelled, so where
 * the layers start, stop and disagree is seen at a glance.
 */
export function LayerLanes({ difference, names, outlines, labels }: LayerLanesProps) {
  const width = Math.max(1, difference.end - difference.start);
  const at = (offset: number) => `${(100 * (offset - difference.start)) / width}%`;
  return (
    <div className="layer-lanes" data-testid="layer-lanes" aria-label="Lanes per layer">
      {difference.layerIds.map((id) => {
        const spans = difference.spans.filter((s) => s.layerId === id);
        return (
          <div key={id} className="layer-lane" data-layer={id}>
            <span className="layer-lane-name">{names.get(id) ?? id}</span>
            <span className="layer-lane-track">
              {spans.length === 0 && <span className="layer-lane-empty muted">nothing here</span>}
              {spans.map(({ annotation: a }) => {
                const label = labels.get(a.labelId);
                const style = {
                  left: at(a.start),
                  width: `${(100 * (a.end - a.start)) / width}%`,
                  '--bar-color': label?.color ?? 'var(--muted)',
                  outlineStyle: outlines.get(id) ?? 'solid',
                } as CSSProperties;
                return (
                  <span key={a.id} className="layer-lane-span" style={style} title={`${label?.name ?? a.labelId}: “${oneLine(a.quote.exact, 60)}”`}>
                    {label?.name ?? a.labelId}
                  </span>
                );
              })}
            </span>
          </div>
        );
      })}
    </div>
  );
}
