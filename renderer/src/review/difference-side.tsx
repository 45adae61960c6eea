import type { Annotation, Label } from '../../../annotations/model';
import type { ConflictPair } from '../../../annotations/review/span-pairs';
import type { OutlineStyle } from '../reader/layer-outlines';
import { LabelChip } from './label-chip';
import { LayerSample } from './layer-sample';
import { oneLine } from '../../../annotations/text/ellipsis';

/** How one span of a difference stands: the span of the other side it conflicts with, or none. */
export interface SpanRole {
  partner: Annotation | null;
  kind: ConflictPair['kind'] | null;
}

interface DifferenceSideProps {
  title: string;
  kind: 'own' | 'colleague';
  annotations: readonly Annotation[];
  labels: ReadonlyMap<string, Label>;
  /** Whether the difference is a label or boundary conflict, where spans pair up (see `span-pairs.ts`). */
  conflict: boolean;
  roles: ReadonlyMap<string, SpanRole>;
  /** The spans kept in the reconciled layer by the decision, or null while undecided. */
  kept: ReadonlySet<string> | null;
  /** Keeps or drops one span (ticking the box). */
  onToggle(id: string): void;
  /** The layer shown, and the outline style of its marks, when several layers are reviewed at once. */
  layerId?: string;
  outline?: OutlineStyle;
}

/**
 * The quote of a span in pieces, the characters its conflicting partner does
 * not cover marked, so a boundary conflict shows where the two differ.
 */
function quotePieces(a: Annotation, partner: Annotation | null): Array<{ text: string; differs: boolean }> {
  const text = a.quote.exact;
  if (!partner || (partner.start === a.start && partner.end === a.end)) return [{ text, differs: false }];
  const from = Math.max(0, Math.min(text.length, partner.start - a.start));
  const to = Math.max(from, Math.min(text.length, partner.end - a.start));
  return [
    { text: text.slice(0, from), differs: true },
    { text: text.slice(from, to), differs: false },
    { text: text.slice(to), differs: true },
  ].filter((p) => p.text !== '');
}

function roleWords(conflict: boolean, role: SpanRole | undefined): string {
  if (!conflict) return '';
  if (!role?.kind) return 'in no conflict: kept unless you untick it';
  return role.kind === 'label' ? 'other label on the same span' : role.kind === 'boundary' ? 'same label, other bounds' : 'other label and bounds';
}

/** One side of a difference: each span one layer has there, with its label, text, role and whether it is kept. */
export function DifferenceSide({ title, kind, annotations, labels, conflict, roles, kept, onToggle, layerId, outline }: DifferenceSideProps) {
  return (
    <div className={`difference-side difference-side-${kind}`} data-layer={layerId}>
      <h4 className="difference-side-title">
        <LayerSample kind={kind} outline={outline} /> {title}
      </h4>
      {annotations.length === 0 ? (
        <p className="difference-side-empty">Nothing tagged here.</p>
      ) : (
        <ul>
          {annotations.map((a) => {
            const role = roles.get(a.id);
            const words = roleWords(conflict, role);
            const long = a.quote.exact.length > 80;
            return (
              <li key={a.id} className="difference-span" data-kept={kept === null ? 'undecided' : kept.has(a.id) ? 'yes' : 'no'}>
                <label className="difference-span-keep">
                  <input type="checkbox" checked={kept?.has(a.id) ?? false} onChange={() => onToggle(a.id)} aria-label={`Keep “${oneLine(a.quote.exact, 40)}” (${labels.get(a.labelId)?.name ?? a.labelId})`} />
                  <LabelChip labelId={a.labelId} labels={labels} />{' '}
                  <q className="difference-side-quote">
                    {long
                      ? oneLine(a.quote.exact, 80)
                      : quotePieces(a, role?.partner ?? null).map((p, i) =>
                          p.differs ? (
                            <mark key={i} className="difference-extra" title="Only this side covers these characters">
                              {p.text}
                            </mark>
                          ) : (
                            <span key={i}>{p.text}</span>
                          ),
                        )}
                  </q>
                </label>
                {words && <span className="difference-span-role muted"> — {words}</span>}
                {a.note && <span className="difference-side-note"> — {oneLine(a.note, 80)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
