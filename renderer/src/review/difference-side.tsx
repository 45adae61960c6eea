import type { Annotation, Label } from '../../../annotations/model';
import { LabelChip } from './label-chip';
import { LayerSample } from './layer-sample';
import { shortQuote } from './review-words';

interface DifferenceSideProps {
  title: string;
  kind: 'own' | 'colleague';
  annotations: readonly Annotation[];
  labels: ReadonlyMap<string, Label>;
}

/** One side of a difference: the annotations one layer has there, each with its label and text. */
export function DifferenceSide({ title, kind, annotations, labels }: DifferenceSideProps) {
  return (
    <div className={`difference-side difference-side-${kind}`}>
      <h4 className="difference-side-title">
        <LayerSample kind={kind} /> {title}
      </h4>
      {annotations.length === 0 ? (
        <p className="difference-side-empty">Nothing tagged here.</p>
      ) : (
        <ul>
          {annotations.map((a) => (
            <li key={a.id}>
              <LabelChip labelId={a.labelId} labels={labels} /> <q className="difference-side-quote">{shortQuote(a.quote.exact, 80)}</q>
              {a.note && <span className="difference-side-note"> — {shortQuote(a.note, 80)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
